"""Tests of claim extraction and comparison."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.claims import extract_claims, same_value, slot_key
from tui.engine.model import Claim


def only(text: str, kind: str) -> Claim:
    found = [claim for claim in extract_claims(text) if claim.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_quantity_with_thousands_separator() -> None:
    text = "Musk recently purchased 10,000 GPUs to use in one of the company's two remaining data centers."
    claims = extract_claims(text)
    gpus = [c for c in claims if c.kind == "quantity" and c.value == "10,000"]
    assert len(gpus) == 1
    assert gpus[0].normalized == 10000.0
    assert gpus[0].slot == "GPUs"
    assert gpus[0].qualifier == ""
    assert gpus[0].text == "10,000 GPUs"
    centers = [c for c in claims if c.kind == "quantity" and c.value == "two"]
    assert [(c.normalized, c.slot) for c in centers] == [(2.0, "data centers")]


def test_qualified_quantity_with_acronym_shares_the_slot() -> None:
    first = only("Musk recently purchased 10,000 GPUs to use in the company.", "quantity")
    second = only(
        "The Twitter CEO recently procured nearly 10,000 graphics processing units (GPUs) for the platform",
        "quantity",
    )
    assert second.normalized == 10000.0
    assert second.qualifier == "nearly"
    assert second.text == "nearly 10,000 graphics processing units (GPUs)"
    assert slot_key(second) == slot_key(first) == "gpu"
    assert same_value(first, second)


def test_approximate_money_agrees() -> None:
    first = only("Musk allegedly pledged to give OpenAI about $1 billion.", "money")
    second = only("despite pledging roughly $1 billion to the organisation", "money")
    assert (first.normalized, first.qualifier, first.value) == (1e9, "about", "$1 billion")
    assert (second.normalized, second.qualifier) == (1e9, "roughly")
    assert first.slot == "money USD"
    assert slot_key(first) == slot_key(second) == "money:USD"
    assert same_value(first, second)


def test_different_money_disagrees() -> None:
    first = only("Microsoft later invested $1 billion into the firm.", "money")
    second = only("he donated around $100 million", "money")
    assert second.normalized == 1e8
    assert not same_value(first, second)


def test_market_cap() -> None:
    claim = only("a for-profit company with a $30 billion market cap", "money")
    assert claim.normalized == 3e10
    assert claim.text == "$30 billion"


def test_tenfold_quantities_disagree() -> None:
    first = only("has not only purchased approximately 10,000 GPUs", "quantity")
    second = only("recently bought 100,000 GPUs", "quantity")
    assert first.qualifier == "approximately"
    assert slot_key(first) == slot_key(second)
    assert not same_value(first, second)


def test_year_and_entity() -> None:
    claims = extract_claims("In 2018, Musk reportedly told Sam Altman")
    assert [(c.kind, c.value) for c in claims if c.kind == "year"] == [("year", "2018")]
    assert only("In 2018, Musk reportedly told Sam Altman", "year").normalized == 2018.0
    entities = [c.normalized for c in claims if c.kind == "entity"]
    assert "sam altman" in entities
    assert "in" not in entities


def test_iso_date_with_time() -> None:
    claims = extract_claims("2023-04-13 11:14:00")
    assert [(c.kind, c.normalized) for c in claims] == [("date", "2023-04-13")]


def test_written_dates() -> None:
    text = "It opened on May 23, 2024, reopened 23 May 2024 and closed April 13."
    dates = [c for c in extract_claims(text) if c.kind == "date"]
    assert [c.normalized for c in dates] == ["2024-05-23", "2024-05-23", "--04-13"]
    assert not [c for c in extract_claims(text) if c.kind == "year"]
    assert same_value(dates[0], dates[1])


def test_money_forms() -> None:
    assert only("it raised €30bn last year", "money").normalized == 3e10
    assert only("it raised €30bn last year", "money").slot == "money EUR"
    assert only("a fine of USD 5m was paid", "money").normalized == 5e6
    assert only("worth 1 billion dollars", "money").normalized == 1e9
    assert not [c for c in extract_claims("worth 1 billion dollars") if c.kind == "quantity"]


def test_percent_forms() -> None:
    for text in ("up 10%", "up ten percent", "up 10 per cent"):
        claim = only(text, "percent")
        assert (claim.slot, claim.normalized, slot_key(claim)) == ("percent", 10.0, "percent")
    assert only("grew by more than 2.5%", "percent").qualifier == "more than"


def test_number_words_and_scales() -> None:
    assert only("they hired a dozen engineers", "quantity").normalized == 12.0
    assert only("home to 1.5 million people", "quantity").normalized == 1.5e6
    assert only("some 10k users", "quantity").normalized == 1e4
    assert only("twenty-five new models", "quantity").slot == "models"


def test_vague_count() -> None:
    vague = only("it bought thousands of GPUs", "quantity")
    assert (vague.normalized, vague.qualifier, vague.slot) == (1000.0, "thousands of", "GPUs")
    exact = only("it bought 10,000 GPUs", "quantity")
    assert same_value(vague, exact)
    assert not same_value(only("it bought hundreds of GPUs", "quantity"), exact)


def test_bounds() -> None:
    exact = only("it bought 10,000 GPUs", "quantity")
    assert same_value(only("it bought more than 5,000 GPUs", "quantity"), exact)
    assert not same_value(only("it bought over 20,000 GPUs", "quantity"), exact)
    assert same_value(only("it bought 1.2 million GPUs", "quantity"),
                      only("it bought 1.23 million GPUs", "quantity"))  # fmt: skip
    assert not same_value(only("it bought 1 million GPUs", "quantity"),
                          only("it bought 1.2 million GPUs", "quantity"))  # fmt: skip


def test_year_before_noun_is_not_a_quantity() -> None:
    claims = extract_claims("after the 2016 election and in 2015 researchers left")
    assert [c.kind for c in claims] == ["year", "year"]
    assert only("it employs 2000 researchers", "quantity").normalized == 2000.0


def test_offsets_are_shifted() -> None:
    text = "Musk bought nearly 10,000 GPUs."
    for claim in extract_claims(text, offset=100):
        assert text[claim.start - 100 : claim.end - 100] == claim.text


def test_kinds_never_agree() -> None:
    year = only("In 2018 it began", "year")
    quantity = only("it bought 2018 GPUs", "quantity")
    assert not same_value(year, quantity)
    assert same_value(year, only("Back in 2018, it began", "year"))


def test_sentence_initial_function_words_are_not_names() -> None:
    names = [c.value for c in extract_claims("But The Verge said DeepMind was ahead")]
    assert names == ["Verge", "DeepMind"]
    assert [c.value for c in extract_claims("Recently, Elon Musk spoke")] == ["Elon Musk"]


_PIECES = st.sampled_from(
    [
        "10,000", "GPUs", "(GPUs)", "$1", "billion", "€30bn", "nearly", "more than", "thousands of",
        "May", "23,", "2024", "2023-04-13", "11:14:00", "%", "per cent", "Sam", "Altman", "In",
        "two", "twenty-five", "-", "a dozen", "1.5", "million", "data", "centers", "USD", "5m",
        "'s", ".", ",", "(", ")", "The", "over", "up to", "hundreds of", "year", "2100", "1799",
    ]
)  # fmt: skip
_TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(st.tuples(_PIECES, st.sampled_from([" ", "", "  ", "\n", "-"])), max_size=25).map(
        lambda parts: "".join(piece + gap for piece, gap in parts)
    ),
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, offset=st.integers(min_value=0, max_value=10_000))
def test_claims_match_their_offsets(text: str, offset: int) -> None:
    claims = extract_claims(text, offset)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for claim in claims:
        assert offset <= claim.start < claim.end <= offset + len(text)
        assert text[claim.start - offset : claim.end - offset] == claim.text
        assert isinstance(slot_key(claim), str)
        assert same_value(claim, claim)
    for first in claims:
        for second in claims:
            if first is not second and first.kind == second.kind:
                assert first.end <= second.start or second.end <= first.start


def test_pronoun_one_is_not_a_count() -> None:
    assert not [c for c in extract_claims("no one knows the answer") if c.kind == "quantity"]
    assert only("he bought one GPU", "quantity").normalized == 1.0
