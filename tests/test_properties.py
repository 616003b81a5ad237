"""Invariants of the engine for any documents (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.compare import compare
from tui.engine.model import Document
from tui.engine.segmenting import segment, sentences
from tui.exports.json import dumps

WORDS = [
    "Musk",
    "bought",
    "10,000",
    "GPUs",
    "the",
    "council",
    "voted",
    "Mr.",
    "Dr.",
    "U.S.",
    "e.g.",
    "data",
    "“Go",
    "home.”",
    "it;",
    "100,000",
    "$1",
    "billion",
    "2018",
    "a.m.",
]
PUNCTUATION = [" ", " ", " ", ". ", "? ", "! ", "; ", ", ", "\n", "\n\n", " — ", ": "]

prose = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION)), min_size=1, max_size=60).map(
    lambda pairs: "".join(word + gap for word, gap in pairs)
)
any_text = st.one_of(prose, st.text(min_size=1, max_size=300))


def check_cover(text: str, spans: list[tuple[int, int]]) -> None:
    owners = [0] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
        for index in range(start, end):
            owners[index] += 1
    for index, char in enumerate(text):
        assert owners[index] <= 1 if char.isspace() else owners[index] == 1


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_sentences_and_units_cover_every_non_space_character_once_in_order(text: str) -> None:
    check_cover(text, sentences(text))
    check_cover(text, segment(text))


documents = st.lists(any_text.filter(lambda t: t.strip() != ""), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_every_sentence_is_in_exactly_one_row_and_rows_hold_a_document_once(texts: list[str]) -> None:
    docs = [Document(f"d{n}", f"doc{n}.txt", f"doc{n}.txt", "", text) for n, text in enumerate(texts)]
    comparison = compare(docs)
    placed: list[tuple[int, int]] = []
    for row in comparison.rows:
        row_docs = [cell.doc for cell in row.cells]
        assert len(row_docs) == len(set(row_docs))
        assert (row.kind.value == "unique") == (len(row.cells) == 1)
        for cell in row.cells:
            assert cell.sentences == list(range(cell.sentences[0], cell.sentences[-1] + 1))
            placed.extend((cell.doc, index) for index in cell.sentences)
    expected = [(doc, s.index) for doc, found in enumerate(comparison.sentences) for s in found]
    assert sorted(placed) == expected
    for doc, found in enumerate(comparison.sentences):
        check_cover(texts[doc], [(s.start, s.end) for s in found])
    assert dumps(comparison) == dumps(compare(docs))
