"""What must hold on the five bundled articles: the GPU conflict, the calm $1 billion, coverage."""

from __future__ import annotations

from tui.engine.model import Comparison, Row, RowKind

GPU_SENTENCES = {
    0: "Musk recently purchased 10,000 GPUs",
    1: "Elon Musk has purchased 10,000 GPUs",
    2: "he has bought 100,000 GPUs",
    3: "procured nearly 10,000 graphics processing units",
    4: "Elon Musk recently bought 100,000 GPUs",
}


def row_holding(comparison: Comparison, doc: int, needle: str) -> Row:
    for row in comparison.rows:
        cell = row.cell_for(doc)
        if cell and any(needle in comparison.sentences[doc][index].text for index in cell.sentences):
            return row
    raise AssertionError(f"no row holds {needle!r} of document {doc}")


def test_the_five_gpu_sentences_share_one_conflict_row(seeds_comparison: Comparison) -> None:
    rows = {id(row_holding(seeds_comparison, doc, needle)) for doc, needle in GPU_SENTENCES.items()}
    assert len(rows) == 1
    row = row_holding(seeds_comparison, 0, GPU_SENTENCES[0])
    assert row.kind is RowKind.CONFLICT
    gpu = next(conflict for conflict in row.conflicts if conflict.slot == "GPUs")
    assert gpu.kind == "quantity"
    assert gpu.values == {0: "10,000", 1: "10,000", 2: "100,000", 3: "nearly 10,000", 4: "100,000"}


def test_the_microsoft_billion_is_shared_and_calm(seeds_comparison: Comparison) -> None:
    first = row_holding(seeds_comparison, 1, "Microsoft later invested $1 billion")
    second = row_holding(seeds_comparison, 2, "Microsoft invested $1 billion")
    assert first is second
    assert first.kind is RowKind.SHARED
    assert first.conflicts == []


def test_the_pledged_billion_agrees_about_and_roughly(seeds_comparison: Comparison) -> None:
    row = row_holding(seeds_comparison, 2, "pledged to give OpenAI about $1 billion")
    assert row is row_holding(seeds_comparison, 1, "despite pledging roughly $1 billion")
    assert row.conflicts == []


def test_seed_004_contradicts_itself_on_gpus(seeds_comparison: Comparison) -> None:
    found = [(item.doc, item.slot, item.first.text, item.second.text) for item in seeds_comparison.self_contradictions]
    assert found == [(4, "GPUs", "approximately 10,000", "100,000")]


def test_every_non_space_character_is_in_exactly_one_sentence(seeds_comparison: Comparison) -> None:
    for doc, document in enumerate(seeds_comparison.documents):
        owners = [0] * len(document.text)
        for sentence in seeds_comparison.sentences[doc]:
            assert document.text[sentence.start : sentence.end] == sentence.text
            for index in range(sentence.start, sentence.end):
                owners[index] += 1
        for index, char in enumerate(document.text):
            if char.isspace():
                assert owners[index] <= 1, (doc, index)
            else:
                assert owners[index] == 1, (doc, index, char)


def test_every_sentence_is_in_exactly_one_row(seeds_comparison: Comparison) -> None:
    placed = [(cell.doc, index) for row in seeds_comparison.rows for cell in row.cells for index in cell.sentences]
    everything = [(doc, s.index) for doc, found in enumerate(seeds_comparison.sentences) for s in found]
    assert sorted(placed) == everything


def test_page_furniture_is_marked_boilerplate(seeds_comparison: Comparison) -> None:
    flagged = {s.text for found in seeds_comparison.sentences for s in found if s.boilerplate}
    assert {"Most Popular", "Leave A Reply", "Source link", "Recent Comments"} <= flagged
    assert not any("GPUs" in text and "Musk" in text and not text.startswith("Home") for text in flagged)
