"""Lookups that spare re-reading a sentence for each of its values find what reading it whole finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.engine.claimtext import WORD_BEFORE, search_word_before
from tui.engine.counts import _OUT_OF, _ends_out_of
from tui.engine.evidence import _CLAUSE_BREAK, _clause_bounds, mention_context
from tui.engine.mentions import _PRIORITY, _without_overlaps, extract_claims
from tui.engine.model import Claim, ClaimKind, Sentence
from tui.engine.words import WORD, term

PIECES = ["out", "of", "a", "total", "one", "in", "and", "but", "while", "5", "10,000", "GPUs", "Paris", "rose"]
GAPS = [" ", "  ", " " * 40, ", ", "; ", " - ", " (", ") ", ": ", "\n"]


def texts() -> st.SearchStrategy[str]:
    return st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=60).map(
        lambda parts: "".join(piece + gap for piece, gap in parts)
    )


@settings(max_examples=300, deadline=None)
@given(texts(), st.integers(0, 2000))
def test_out_of_before_a_number_is_found_as_searching_from_the_start_finds_it(text: str, position: int) -> None:
    position = min(position, len(text))
    assert _ends_out_of(text, position) == (_OUT_OF.search(text, 0, position) is not None)


@settings(max_examples=300, deadline=None)
@given(texts(), st.integers(0, 2000), st.integers(0, 20))
def test_a_values_clause_is_bounded_by_the_breaks_a_scan_of_the_sentence_finds(
    text: str, start: int, length: int
) -> None:
    start = min(start, len(text))
    end = min(start + length, len(text))
    before = max((match.end() for match in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    after = _CLAUSE_BREAK.search(text, end)
    assert _clause_bounds(text, start, end) == (before, after.start() if after else len(text))


def context_read_from_the_start(sentence: Sentence, claim: Claim) -> frozenset[str]:
    """``mention_context`` as it was: the words before the mention read from the sentence's start."""
    before = WORD.findall(sentence.text[: claim.start - sentence.start])[-4:]
    rest = sentence.text[claim.end - sentence.start :]
    if claim.thing and claim.thing in rest[: len(claim.thing) + 3]:
        rest = rest[rest.index(claim.thing) + len(claim.thing) :]
    after = WORD.findall(rest)[:4]
    return frozenset(found for word in before + after for found in [term(word)] if found and found != "#")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "lab", "bought", "10,000", "GPUs", "in", "Paris", "said", "x" * 90]), max_size=120)
)
def test_a_mentions_context_is_the_four_words_each_side_however_far_into_the_sentence(words: list[str]) -> None:
    text = "Officials said " + " ".join(words) + " and 75,000 GPUs arrived for the new center in Paris."
    sentence = Sentence(doc=0, index=0, start=100, end=100 + len(text), text=text)
    claims = extract_claims(text, 100)
    assert any(claim.value == "75,000" for claim in claims)
    for claim in claims:
        assert mention_context(sentence, claim) == context_read_from_the_start(sentence, claim)


WORDY = ["Route", "route", "o'neil", "rock-n-roll", "-", "’", "66", "4", "x" * 150, "—", "(", "'"]
GLUE = [" ", "", "  ", ", ", "\n", " " * 140, "-"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(WORDY), st.sampled_from(GLUE)), max_size=30),
    st.integers(0, 3000),
    st.integers(1, 40),
)
def test_the_word_before_a_position_is_found_as_searching_from_the_start_finds_it(
    parts: list[tuple[str, str]], position: int, window: int
) -> None:
    text = "".join(piece + glue for piece, glue in parts)
    position = min(position, len(text))
    found = search_word_before(text, position, window=window)
    expected = WORD_BEFORE.search(text, 0, position)
    assert (found.span(), found.span(1)) == (expected.span(), expected.span(1)) if expected else found is None


def kept_by_looking_at_every_claim(claims: list[Claim]) -> list[Claim]:
    """``_without_overlaps`` as it was: each claim checked against every claim kept."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (_PRIORITY[c.kind], c.start - c.end, c.start)):
        if not any(claim.start < other.end and other.start < claim.end for other in kept):
            kept.append(claim)
    return kept


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(0, 8), st.sampled_from([ClaimKind.QUANTITY, ClaimKind.PERCENT])),
        max_size=40,
    )
)
def test_overlapping_claims_are_settled_as_looking_at_every_kept_claim_settles_them(
    spans: list[tuple[int, int, ClaimKind]],
) -> None:
    claims = [
        Claim(kind=kind, slot="", value=str(start), qualifier="", start=start, end=start + length, text="")
        for start, length, kind in spans
    ]
    assert _without_overlaps(claims) == kept_by_looking_at_every_claim(claims)
