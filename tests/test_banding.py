"""Two documents whose every sentence is like every other: scored in a band, plus rare terms."""

from __future__ import annotations

import random
from pathlib import Path
from unittest.mock import patch

from support import seed

from tui.engine import aligning, banding
from tui.engine.compare import compare
from tui.engine.model import Document
from tui.engine.similarity import TermSpace
from tui.engine.words import terms

FIRST = ("John", "Mary", "Peter", "Anna", "Carlos", "Li", "Fatima", "Ivan", "Kofi", "Sven", "Aiko", "Omar")
LAST = ("Smith", "Garcia", "Chen", "Okafor", "Novak", "Tanaka", "Haddad", "Rossi", "Kowalski", "Dubois")
PLACES = ("London", "Paris", "Berlin", "Madrid", "Tokyo", "Lagos", "Lima", "Oslo", "Cairo", "Delhi")


def names_line(rng: random.Random) -> str:
    names = " ".join(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4))
    return f"{names} met {rng.choice(FIRST)} {rng.choice(LAST)} in {rng.choice(PLACES)}.\n"


def documents(*texts: str) -> list[Document]:
    return [
        Document(id=f"d{number}", path=f"{number}.txt", label=f"{number}.txt", title="", text=text)
        for number, text in enumerate(texts)
    ]


def test_two_copies_of_a_long_list_of_names_align_line_by_line_and_a_moved_line_is_found() -> None:
    rng = random.Random(5)
    lines = [names_line(rng) for _ in range(1500)]
    moved = "Zanzibar Quayside met Okonkwo Vasquez in Timbuktu.\n"
    dense: list[bool] = []

    def is_dense(*matrices: object) -> bool:
        dense.append(banding.is_dense(*matrices))  # type: ignore[arg-type]
        return dense[-1]

    with patch.object(aligning, "is_dense", is_dense):
        comparison = compare(documents("".join([moved, *lines]), "".join([*lines, moved])))
    assert dense == [True]
    pairs = [(row.cells[0].sentences, row.cells[1].sentences) for row in comparison.rows if len(row.cells) == 2]
    assert len(pairs) == 1501
    assert sum(1 for first, second in pairs if [index - 1 for index in first] == second) == 1500
    assert ([0], [1500]) in pairs  # the moved line, found by its rare names, far outside the band


def test_the_work_of_scoring_every_pair_grows_with_the_square_of_a_list_of_names_but_not_of_news() -> None:
    rng = random.Random(5)
    for count, expected in ((500, False), (2000, True)):
        lines = [names_line(rng) for _ in range(count)]
        space = TermSpace([[terms(line) for line in lines], [terms(line) for line in reversed(lines)]])
        assert banding.is_dense(space.vectors[0], space.vectors[1]) is expected
    seeds = [Path(seed(prefix)).read_text(encoding="utf-8") for prefix in ("001", "002")]
    space = TermSpace([[terms(line) for line in text.splitlines() if line.strip()] for text in seeds])
    assert banding.pair_work(space.vectors[0], space.vectors[1]) < 50 * (
        space.vectors[0].shape[0] + space.vectors[1].shape[0]
    )


def test_the_band_keeps_a_few_candidates_per_sentence() -> None:
    rng = random.Random(7)
    lines = [names_line(rng) for _ in range(3000)]
    space = TermSpace([[terms(line) for line in lines], [terms(line) for line in lines[::-1]]])
    rows, cols, scores = banding.banded_pairs(space.vectors[0], space.vectors[1], 0.12, 8)
    # Each row's best 8, each column's best 8 in each block of 64 rows, and the rare pairs.
    window = banding.BAND + 64
    assert len(rows) <= (8 + 8 * window / 64 + 2 * banding.RARE_WORK_PER_SENTENCE) * 3000
    assert scores.min() >= 0.12
    keys = rows * 3001 + cols
    assert (keys[1:] > keys[:-1]).all()  # row-major, each pair once
