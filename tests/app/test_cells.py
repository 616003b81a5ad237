"""Cell text: styled pieces and word wrapping, with exact values and a wrapping property."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app.cells import Piece, Tone, cell_pieces, wrap, wrap_ranges
from tui.engine.model import Comparison


def texts(lines: list[list[Piece]]) -> list[str]:
    return ["".join(piece.text for piece in line) for line in lines]


def test_wrap_keeps_tones_and_cuts_long_words() -> None:
    pieces = [
        Piece("Musk bought ", Tone.PLAIN),
        Piece("10,000", Tone.CONFLICT),
        Piece(" GPUs for the supercalifragilisticexpialidocious project.", Tone.PLAIN),
    ]
    lines = wrap(pieces, 20)
    assert texts(lines) == ["Musk bought 10,000", "GPUs for the", "supercalifragilistic", "expialidocious", "project."]
    assert lines[0] == [Piece("Musk bought ", Tone.PLAIN), Piece("10,000", Tone.CONFLICT)]


def test_wide_characters_take_two_cells() -> None:
    assert texts(wrap([Piece("東京で会議が開かれました。", Tone.PLAIN)], 10)) == ["東京で会議", "が開かれま", "した。"]


def test_empty_and_tiny_widths() -> None:
    assert wrap([], 5) == [[]]
    assert wrap_ranges("ab cd", 1) == [(0, 1), (1, 2), (3, 4), (4, 5)]


def test_seed_cell_marks_the_conflicting_value(seeds_comparison: Comparison) -> None:
    """The first conflict row is the headlines': "thousands of GPUs" against document 3's "100,000" (in red)."""
    row = next(row for row in seeds_comparison.rows if row.kind.value == "conflict")
    pieces = cell_pieces(seeds_comparison, row, 2)
    assert [piece.text for piece in pieces if piece.tone is Tone.CONFLICT] == ["100,000"]
    text = "".join(piece.text for piece in pieces)
    assert text == "Elon Musk Has Reportedly Bought 100,000 GPUs For Twitter’s AI Search"


words = st.text(alphabet=st.sampled_from("ab東é "), min_size=0, max_size=60)


@settings(max_examples=300, deadline=None)
@given(words.map(lambda t: " ".join(t.split())), st.integers(min_value=1, max_value=30))
def test_every_character_once_and_no_line_too_wide(text: str, width: int) -> None:
    lines = texts(wrap([Piece(text, Tone.PLAIN)], width))
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(line) <= max(width, 2) for line in lines)
    assert all(line == line.strip() for line in lines)
