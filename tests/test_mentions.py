"""Claim mentions: kinds, readings, counted things and roles, on short sentences of our own."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.counts import thing_class
from tui.engine.judging import agree
from tui.engine.mentions import extract_claims
from tui.engine.model import Claim, ClaimKind, Form, Reading, shown_value

TUESDAY = datetime.date(2013, 7, 2)


def numeric(text: str, published: datetime.date | None = None) -> list[Claim]:
    return [claim for claim in extract_claims(text, published=published) if claim.kind is not ClaimKind.ENTITY]


def only(text: str, kind: ClaimKind) -> Claim:
    found = [claim for claim in extract_claims(text) if claim.kind is kind]
    assert len(found) == 1, found
    return found[0]


def reading(claim: Claim) -> Reading:
    assert claim.reading is not None
    return claim.reading


def test_count_with_thousands_separator_and_its_thing() -> None:
    found = numeric("Musk recently purchased 10,000 GPUs to use in two remaining data centers.")
    assert [(c.kind, c.text, c.thing, reading(c).low) for c in found] == [
        (ClaimKind.QUANTITY, "10,000", "GPUs", 10_000.0),
        (ClaimKind.QUANTITY, "two", "data centers", 2.0),
    ]


def test_hedged_count_with_an_acronym() -> None:
    claim = only("The chief procured nearly 10,000 graphics processing units (GPUs) for it.", ClaimKind.QUANTITY)
    assert (claim.text, claim.qualifier, claim.thing) == ("nearly 10,000", "nearly", "graphics processing units (GPUs)")
    assert (reading(claim).low, reading(claim).high, reading(claim).form) == (8_500.0, 10_000.0, Form.NEARLY)
    assert shown_value(claim) == "nearly 10,000"


def test_people_are_counted_by_what_happened_to_them() -> None:
    found = numeric("The storm hit Tuesday, killing at least five people and injuring dozens.", TUESDAY)
    counts = [c for c in found if c.kind is ClaimKind.QUANTITY]
    assert [(c.text, c.role, c.slot, thing_class(c)) for c in counts] == [
        ("at least five", "killing", "dead", "dead"),
        ("dozens", "injuring", "injured", "injured"),
    ]
    assert (reading(counts[0]).low, reading(counts[0]).high) == (5.0, 7.5)
    assert reading(counts[1]).form is Form.VAGUE


def test_a_bare_number_counts_when_a_role_follows_or_a_toll_precedes() -> None:
    assert [c.slot for c in numeric("Officials said 24 dead and over 200 injured.")] == ["dead", "injured"]
    toll = only("The rains brought the confirmed death toll to 11.", ClaimKind.QUANTITY)
    assert (toll.text, toll.role, thing_class(toll)) == ("11", "toll", "dead")
    assert numeric("The bus seats 40 and left at once.") == []


def test_number_words_equal_digits() -> None:
    words = only("Sixty-five per cent of trains ran.", ClaimKind.PERCENT)
    digits = only("65% of trains ran.", ClaimKind.PERCENT)
    assert reading(words) == reading(digits) == Reading(low=65.0, high=65.0, precision=0.5, unit="%")
    assert reading(only("Twelve sailors were rescued.", ClaimKind.QUANTITY)).low == 12.0


def test_lengths_convert_and_agree_after_rounding() -> None:
    km = only("The wreck lies 10 kilometres down.", ClaimKind.MEASURE)
    miles = only("The wreck lies 6.2 miles down.", ClaimKind.MEASURE)
    six = only("The wreck lies six miles down.", ClaimKind.MEASURE)
    assert (reading(km).low, reading(km).unit, reading(km).precision) == (10_000.0, "m", 500.0)
    assert round(reading(miles).low, 1) == 9977.9
    assert agree(reading(km), reading(miles)) and agree(reading(km), reading(six))
    assert agree(reading(miles), reading(six))
    assert not agree(reading(km), reading(only("The wreck lies 55 kilometres away.", ClaimKind.MEASURE)))


def test_times_of_day_with_zones() -> None:
    found = numeric("It began shortly after 8:30 p.m. and the tremor came at 0737 GMT, or 3:37 a.m. EDT.")
    assert [(c.kind, c.text, reading(c).unit, reading(c).low) for c in found] == [
        (ClaimKind.TIME, "shortly after 8:30 p.m.", "local", 1230.0),
        (ClaimKind.TIME, "0737 GMT", "utc", 457.0),
        (ClaimKind.TIME, "3:37 a.m. EDT", "utc", 457.0),
    ]
    assert reading(only("They met around noon.", ClaimKind.TIME)).low == 690.0


def test_weekdays_and_dates_resolve_against_the_publication_date() -> None:
    thursday = only("The fire started Thursday.", ClaimKind.DATE)
    assert thursday.reading is not None and thursday.reading.unit == "weekday"
    resolved = next(c for c in numeric("The fire started Thursday.", TUESDAY) if c.kind is ClaimKind.DATE)
    assert reading(resolved).low == datetime.date(2013, 6, 27).toordinal()
    named = next(c for c in numeric("It reopened on June 27.", TUESDAY) if c.kind is ClaimKind.DATE)
    assert agree(reading(resolved), reading(named))
    ago = next(c for c in numeric("It happened exactly two years ago.", TUESDAY) if c.kind is ClaimKind.DATE)
    assert reading(ago).unit == "day"


def test_ages_records_durations_and_magnitudes_are_kinds_of_their_own() -> None:
    found = numeric("Jane Roe, 43, beat the record 88-72 in around 15 seconds after a 6.1-magnitude quake.")
    assert [(c.kind, c.text) for c in found] == [
        (ClaimKind.AGE, "43"),
        (ClaimKind.RECORD, "88-72"),
        (ClaimKind.DURATION, "around 15 seconds"),
        (ClaimKind.MAGNITUDE, "6.1-magnitude"),
    ]
    assert found[0].thing == "Jane Roe"
    age = only("A 35-year-old man was held.", ClaimKind.AGE)
    assert (age.text, age.thing, reading(age).low) == ("35-year-old", "man", 35.0)


def test_a_count_after_a_comma_is_a_count_not_an_age() -> None:
    found = numeric("The lab bought 10,000 GPUs, 11,000 CPUs and 12,000 servers.")
    assert [(c.kind, c.text) for c in found] == [(ClaimKind.QUANTITY, text) for text in ("10,000", "11,000", "12,000")]
    assert [(c.kind, c.text) for c in numeric("Jones, 7, and Smith, 9, were hurt.")] == [
        (ClaimKind.AGE, "7"),
        (ClaimKind.AGE, "9"),
    ]


def test_digits_inside_names_are_not_claims() -> None:
    assert numeric("Police found AK-47 rifles near Route 66 and the SMW4 cable.") == []
    assert numeric("He called 911 from the 5th Fleet base.") == []


def test_pronoun_one_hypotheticals_denominators_and_rates_are_not_claims() -> None:
    assert numeric("No one knows; it is one of the worst areas.") == []
    assert numeric("If there was just one cable down we could have used the other two.") == []
    assert [c.text for c in numeric("We have lost three out of four lines.")] == ["three"]
    assert numeric("Expect one major break per cable per year.") == []


def test_vague_counts_built_on_number_words() -> None:
    hundreds = only("Hundreds of villagers fled.", ClaimKind.QUANTITY)
    assert (reading(hundreds).low, reading(hundreds).high) == (200.0, 1000.0)
    assert numeric("Several officers and a few villagers fled.") == []


def test_money_and_percent_forms() -> None:
    money = only("Musk allegedly pledged to give OpenAI about $1 billion.", ClaimKind.MONEY)
    assert (money.slot, reading(money).unit, reading(money).low, reading(money).high) == (
        "money USD",
        "USD",
        9e8,
        1.1e9,
    )
    assert reading(only("it raised €30bn last year", ClaimKind.MONEY)).unit == "EUR"
    assert reading(only("up to 70 per cent of services", ClaimKind.PERCENT)).form is Form.AT_MOST


def test_metadata_spans_are_never_claims() -> None:
    text = "Updated: July 02, 2013 15:50 IST Three ferries sank."
    found = extract_claims(text, excluded=[(0, 32)])
    assert [(c.kind, c.text) for c in found if c.kind is not ClaimKind.ENTITY] == [(ClaimKind.QUANTITY, "Three")]


_PIECES = st.sampled_from(
    [
        "10,000", "GPUs", "(GPUs)", "$1", "billion", "€30bn", "nearly", "more than", "thousands of", "May",
        "23,", "2024", "2023-04-13", "11:14:00", "%", "per cent", "Sam", "Altman", "In", "two", "twenty-five",
        "-", "a dozen", "1.5", "million", "killed", "injured", "people", "at least", "0737", "GMT", "p.m.",
        "kilometres", "miles", "35-year-old", "Tuesday", "ago", "years", "magnitude", "88-72", "won",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(st.tuples(_PIECES, st.sampled_from([" ", "", "  ", "\n", "-", ", "])), max_size=25).map(
        lambda parts: "".join(piece + gap for piece, gap in parts)
    ),
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, offset=st.integers(min_value=0, max_value=10_000))
def test_claims_match_their_offsets_and_agree_with_themselves(text: str, offset: int) -> None:
    claims = extract_claims(text, offset, published=TUESDAY)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for claim in claims:
        assert offset <= claim.start < claim.end <= offset + len(text)
        assert text[claim.start - offset : claim.end - offset] == claim.text
        if claim.reading is not None:
            assert claim.reading.low <= claim.reading.high
            assert agree(claim.reading, claim.reading)
    numbers = [c for c in claims if c.kind is not ClaimKind.ENTITY]
    for first in numbers:
        for second in numbers:
            if first is not second:
                assert first.end <= second.start or second.end <= first.start
