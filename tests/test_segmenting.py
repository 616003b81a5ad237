"""Sentence boundaries and comparison units, with exact expected spans."""

from __future__ import annotations

import json
from pathlib import Path

from support import bench_path, seed

from tui.engine.segmenting import line_units, segment, sentences


def pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_golden_rules_score_at_least_97_percent() -> None:
    rules = [json.loads(line) for line in bench_path("golden-rules", "english_golden_rules.jsonl").open()]
    passed = [rule["id"] for rule in rules if pieces(rule["text"], sentences(rule["text"])) == rule["sentences"]]
    assert len(rules) == 48
    assert len(passed) / len(rules) >= 0.97
    assert sorted(set(range(1, 49)) - set(passed)) == [18]  # "At 5 a.m. Mr. Smith", as pySBD itself


def test_pysbd_decides_inside_a_piece_without_sure_cuts() -> None:
    # No plain word ends a sentence before a capital outside quotation marks, so each line goes to
    # pySBD whole (through the memoised patterns and the search for its sentences in the text).
    text = (
        "Prices rose 3.5 percent in the U.S. He said: “Mr. Smith knew it. So did we.” "
        "Then he left at 5 p.m. Nobody followed."
    )
    assert sentences(text) == [(0, 35), (36, 76), (77, 99), (100, 116)]
    assert pieces(text, sentences(text)) == [
        "Prices rose 3.5 percent in the U.S.",
        "He said: “Mr. Smith knew it. So did we.”",
        "Then he left at 5 p.m.",
        "Nobody followed.",
    ]
    # pySBD finds "mr" in any case, and ends no sentence at "U.S." before "Mr."
    text = (
        "Prices rose 3.5 percent in the U.S. Mr. Smith said: “We knew it. So did they.” "
        "Then he left at 5 p.m. Nobody followed."
    )
    assert sentences(text) == [(0, 78), (79, 101), (102, 118)]
    # pySBD returns "∯" (its own mark for a full stop that ends nothing) as ".": that sentence is not
    # in the text, so pySBD drops it, and its words stay with the sentence before.
    text = "It costs 3.5 U.S. cents! ∯ is rare. Mr. Smith said so."
    assert pieces(text, sentences(text)) == ["It costs 3.5 U.S. cents! ∯ is rare.", "Mr. Smith said so."]


def test_headings_and_unpunctuated_lines_are_units_of_their_own() -> None:
    text = "Big News Today\nThe council met. It voted.\nMost Popular\nRecent Comments\n"
    assert pieces(text, sentences(text)) == [
        "Big News Today",
        "The council met.",
        "It voted.",
        "Most Popular",
        "Recent Comments",
    ]


def test_hard_wrapped_prose_is_joined_before_splitting() -> None:
    text = (
        "The committee met on Tuesday to discuss the proposal that was\n"
        "put forward last spring by the mayor and her advisers, and after\n"
        "a long debate it voted to adopt it. The vote was close.\n"
    )
    assert line_units(text) == [(0, len(text) - 1)]
    assert pieces(text, sentences(text))[-1] == "The vote was close."


def test_a_lower_case_continuation_line_joins_the_line_before() -> None:
    text = "Prices rose by\nten percent last year.\nNew paragraph here.\n"
    assert pieces(text, sentences(text)) == ["Prices rose by\nten percent last year.", "New paragraph here."]


def test_units_cut_quotations_and_semicolons_and_join_fragments() -> None:
    text = (
        "He turned to them and said: “Go back home. Tell your people what happened to you.” "
        "They went away; and the whole town heard about it before the evening came. He left."
    )
    assert pieces(text, segment(text)) == [
        "He turned to them and said:",
        "“Go back home. Tell your people what happened to you.”",
        "They went away; and the whole town heard about it before the evening came. He left.",
    ]


def test_a_long_quotation_is_cut_at_its_full_stops() -> None:
    text = "Then he said to the crowd: “The time has come at last. Turn back to the road you left long ago.”"
    assert pieces(text, segment(text)) == [
        "Then he said to the crowd: “The time has come at last.",
        "Turn back to the road you left long ago.”",
    ]


def test_no_cut_at_the_colon_of_a_bare_participle() -> None:
    text = "And he cried out at once, saying: Let us alone; what have we to do with thee, thou Nazarene?"
    assert pieces(text, segment(text)) == [
        "And he cried out at once, saying: Let us alone;",
        "what have we to do with thee, thou Nazarene?",
    ]


def test_seed_units_keep_the_gpu_sentence_whole() -> None:
    text = Path(seed("000")).read_text(encoding="utf-8")
    units = pieces(text, segment(text))
    assert units[:3] == [
        "Elon Musk Suddenly Buys GPU, Twitter Opens Bitcoin Mine?",
        "Elon Musk Suddenly Buys GPU, Twitter Opens Bitcoin Mine?",
        "Jakarta, Reportase – Twitter is reportedly creating an in-house artificial intelligence project.",
    ]
    assert (
        "According to Business Insider, Musk recently purchased 10,000 GPUs to use in one of the company’s two "
        "remaining data centers." in units
    )
    assert units[-2:] == ["source: www.cnbcindonesia.com", "Source link"]


def test_every_non_space_character_is_in_exactly_one_unit() -> None:
    text = Path(seed("004")).read_text(encoding="utf-8")
    spans = segment(text)
    covered = [0] * len(text)
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
        for index in range(start, end):
            covered[index] += 1
    assert all(covered[i] == (0 if text[i].isspace() else 1) or text[i].isspace() for i in range(len(text)))
    assert all(count <= 1 for count in covered)
    assert [start for start, _ in spans] == sorted(start for start, _ in spans)


def test_a_line_of_short_sentences_is_joined_two_or_three_at_a_time_not_whole() -> None:
    text = "Prices rose 4%. Prices fell 12%. Rates held. Oil rose 7%. Gold fell 1%. Wheat rose 3%."
    assert pieces(text, segment(text)) == [
        "Prices rose 4%. Prices fell 12%.",
        "Rates held. Oil rose 7%. Gold fell 1%. Wheat rose 3%.",  # the last short one joins the one before
    ]
    endless = " ".join(f"Prices rose {number % 90 + 1}%." for number in range(3000))
    assert max(end - start for start, end in segment(endless)) < 60
