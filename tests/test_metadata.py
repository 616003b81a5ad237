"""A document's own metadata: web addresses, datelines, timestamps and the publication date."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.engine.metadata import _inside, find_metadata, parse_full_date, url_spans


def spans_text(text: str) -> list[str]:
    return [text[start:end] for start, end in find_metadata(text).spans]


def test_dateline_with_weekday_under_a_headline() -> None:
    text = "Ferry sinks off the coast Tuesday, July 2nd, 2013 A ferry sank on Tuesday with 40 aboard."
    assert spans_text(text) == ["Tuesday, July 2nd, 2013"]
    assert find_metadata(text).published == "2013-07-02"


def test_timestamps_and_updates() -> None:
    text = "Monday, Sep 10, 2012 | Updated 9:01 AM EDT The trial starts Monday."
    assert spans_text(text) == ["Monday, Sep 10, 2012 | Updated 9:01 AM EDT"]
    assert find_metadata(text).published == "2012-09-10"
    late = "x " * 500 + "Posted: December 08, 2010 the story."
    assert spans_text(late) == ["Posted: December 08, 2010"]


def test_a_date_in_the_body_is_a_claim_not_metadata() -> None:
    text = "The museum opened its doors. " * 30 + "It was founded on May 23, 2004 by a teacher."
    assert find_metadata(text).spans == ()
    assert find_metadata(text).published == ""


def test_addresses_spaced_out_by_a_corpus_end_at_the_headline() -> None:
    text = "http: / / www. example. com / news / 2010/09/10 / ferry-sinks-4412. html Ferry sinks off the coast"
    assert [text[a:b] for a, b in url_spans(text)] == [
        "http: / / www. example. com / news / 2010/09/10 / ferry-sinks-4412. html"
    ]
    assert find_metadata(text).published == "2010-09-10"
    plain = "See https://example.org/a/b?c=1 for more."
    assert [plain[a:b] for a, b in url_spans(plain)] == ["https://example.org/a/b?c=1"]


def test_numeric_dates_read_with_the_address_month() -> None:
    assert str(parse_full_date("11/09/2010")) == "2010-11-09"
    assert str(parse_full_date("11/09/2010", month_hint=(2010, 9))) == "2010-09-11"
    assert parse_full_date("31/31/2010") is None


def test_a_headline_date_glued_to_the_lead_is_a_dateline() -> None:
    text = "Ferry Sinks Off the Coast on September 10th, 2010 According to reports, 40 were aboard."
    assert spans_text(text) == ["September 10th, 2010"]


def test_a_listing_of_timestamped_lines_keeps_each_lines_dateline_address_and_stamp() -> None:
    lines = [
        f"Posted July {day % 28 + 1}, 2013 at 10:{day % 60:02d} GMT. See www.example.com/{day} now. "
        "Updated: 11:05 GMT\n"
        for day in range(300)
    ]
    text = "".join(lines)
    found = spans_text(text)
    assert len(found) == 900
    assert found[:3] == ["Posted July 1, 2013 at 10:00 GMT", "www.example.com/0", "Updated: 11:05 GMT"]
    assert found[-2] == "www.example.com/299"
    assert find_metadata(text).published == "2013-07-01"


def test_a_date_inside_an_address_or_an_earlier_dateline_is_not_a_dateline_of_its_own() -> None:
    text = (
        "Updated 9:01 AM EDT, Sep 10, 2012 | Updated Sep 11, 2012 9:05 AM EDT https://x.org/2012-09-12/a Sep 13, 2012"
    )
    assert spans_text(text) == [
        "Updated 9:01 AM EDT",
        "Sep 10, 2012 | Updated Sep 11, 2012 9:05 AM EDT",
        "https://x.org/2012-09-12/a",
        "Sep 13, 2012",
    ]


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=12), st.integers(-2, 80))
def test_a_position_is_inside_spans_exactly_when_one_of_them_holds_it(
    pieces: list[tuple[int, int]], position: int
) -> None:
    spans = sorted((start, start + length) for start, length in pieces)
    assert _inside(spans)(position) == any(start <= position < end for start, end in spans)
