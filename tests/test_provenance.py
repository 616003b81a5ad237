"""Who copied whom: exact shared words, aligned rows, copy marks and the clustered order."""

from __future__ import annotations

from outlets import make_outlets

from tui.engine.compare import compare
from tui.engine.model import Cell, Comparison, Document, Row, RowKind, Sentence
from tui.engine.passages import verbatim_passages
from tui.engine.provenance import NO_PAIR, Pair, cluster_order, pair_passages, provenance

WIRE = (
    "The ferry built in 1987 was due to be replaced next year under a programme to renew "
    "the island fleet, a ministry spokesman told reporters."
)
"""25 words an agency wrote, which documents 1 and 4 carry word for word."""
QUOTE = "Officials said rocks and heavy seas sank the"
"""8 words documents 2 and 4 share: a passage, but too short to be a copy."""

TEXTS = [
    f"Ferry sinks off Kelo.\n{WIRE}\nRescuers worked all night.\n",
    f"Boat lost near island.\n{QUOTE} boat.\nBy Ana Reyes\n",
    "Nothing alike here at all, a different story entirely.\n",
    f"Kelo ferry disaster.\n{WIRE}\n{QUOTE} vessel.\n",
]


def small_comparison() -> Comparison:
    """Four documents, one sentence a line; the second document's third line is a byline."""
    documents = [Document(id=f"d{n}", path=f"{n}.txt", label=f"{n}.txt", title="", text=t) for n, t in enumerate(TEXTS)]
    sentences = []
    for doc, text in enumerate(TEXTS):
        found, start = [], 0
        for index, line in enumerate(text.splitlines()):
            found.append(Sentence(doc, index, start, start + len(line), line, boilerplate=line.startswith("By ")))
            start += len(line) + 1
        sentences.append(found)

    def row(*places: tuple[int, int]) -> Row:
        kind = RowKind.SHARED if len(places) > 1 else RowKind.UNIQUE
        return Row(kind=kind, cells=[Cell(doc, [index]) for doc, index in places])

    rows = [
        row((0, 0), (1, 0), (3, 0)),  # the headlines
        row((0, 1), (3, 1)),  # the wire sentence
        row((1, 1), (3, 2)),  # the officials
        row((0, 2)),
        row((1, 2), (2, 0)),  # a byline beside a sentence: page furniture does not count
    ]
    return Comparison(documents, sentences, rows, passages=verbatim_passages(TEXTS))


def test_shared_words_rows_and_copies_of_every_pair() -> None:
    result = provenance(small_comparison())
    assert result.sizes == (33, 16, 9, 37)
    assert result.pairs == {
        (0, 1): Pair(words=0, rows=1, longest=0, copied=False),
        (0, 3): Pair(words=25, rows=2, longest=25, copied=True),
        (1, 3): Pair(words=8, rows=2, longest=8, copied=False),
    }
    assert result.pair(3, 0) == result.pair(0, 3)
    assert result.pair(1, 2) == NO_PAIR  # only the byline's row holds both
    assert result.copies == [(0, 3)]
    assert round(result.share(0, 3), 3) == round(25 / 33, 3)


def test_copies_stand_together_in_the_order() -> None:
    """0 and 3 share the wire, 3 and 1 a quote, 2 nothing: 0 3 1, then 2."""
    assert provenance(small_comparison()).order == (0, 3, 1, 2)


def test_the_copy_threshold_can_be_raised() -> None:
    assert provenance(small_comparison(), copy_words=26).copies == []


def test_the_longest_passages_of_a_pair() -> None:
    comparison = small_comparison()
    assert [passage.words for passage in pair_passages(comparison, 0, 3)] == [25]
    assert [passage.text for passage in pair_passages(comparison, 3, 1)] == [QUOTE]
    assert pair_passages(comparison, 0, 2) == []


def test_cluster_order_joins_the_ends_that_are_most_alike() -> None:
    similarity = [
        [0.0, 0.0, 0.9, 0.0, 0.1],
        [0.0, 0.0, 0.0, 0.8, 0.0],
        [0.9, 0.0, 0.0, 0.0, 0.5],
        [0.0, 0.8, 0.0, 0.0, 0.0],
        [0.1, 0.0, 0.5, 0.0, 0.0],
    ]
    assert cluster_order(similarity) == (0, 2, 4, 1, 3)
    assert cluster_order([[0.0] * 3 for _ in range(3)]) == (0, 1, 2)
    assert cluster_order([]) == ()


def test_a_run_two_share_is_kept_when_a_third_shares_a_longer_one() -> None:
    """The first document carries 12 words the other two also carry inside a longer run of theirs."""
    run = "the ferry was due to be replaced next year under a programme"
    longer = f"Zed zed. {run} and the crew were arrested on Wednesday by police"
    passages = verbatim_passages([f"Alpha beta. {run} gamma.", longer, longer])
    assert [(passage.words, sorted({doc for doc, _, _ in passage.occurrences})) for passage in passages] == [
        (23, [1, 2]),
        (12, [0, 1, 2]),
    ]


def test_wire_copies_of_the_many_outlet_story_cluster() -> None:
    """Outlets 2, 3 and 4 carry the wire's 35-word sentence: each pair is a copy, and they stand together."""
    result = provenance(compare(make_outlets(14)))
    assert {(2, 3), (2, 4), (3, 4)} <= set(result.copies)
    where = [result.order.index(doc) for doc in (2, 3, 4)]
    assert max(where) - min(where) == 2
    assert sorted(result.order) == list(range(14))
