"""Styled pieces word-wrapped to a width; the pieces themselves come from ``tui.styled``."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

from tui.styled import Piece, Tone, cell_pieces

__all__ = ["Piece", "Tone", "cell_pieces", "cut", "line_end_of", "width_of", "wrap", "wrap_ranges"]
"""``Piece``, ``Tone`` and ``cell_pieces`` stay importable from here for the grid."""


def width_of(text: str) -> int:
    """Terminal cells a text takes (wide CJK characters take two)."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(pieces: Sequence[Piece], width: int) -> list[list[Piece]]:
    """Word-wrap styled pieces to ``width`` cells; a word longer than a line is cut, not lost.

    The breaks are found on the plain text (``wrap_ranges``), then the pieces are cut to them.
    Spaces at a line break are dropped; every other character appears exactly once.
    """
    return cut(pieces, wrap_ranges("".join(piece.text for piece in pieces), width))


def cut(pieces: Sequence[Piece], ranges: Sequence[tuple[int, int]]) -> list[list[Piece]]:
    """The pieces cut into lines at ``ranges`` (offsets into their joined text, in order)."""
    lines: list[list[Piece]] = []
    piece_index, piece_start = 0, 0
    for line_start, line_end in ranges:
        line: list[Piece] = []
        while piece_index < len(pieces) and piece_start + len(pieces[piece_index].text) <= line_start:
            piece_start += len(pieces[piece_index].text)
            piece_index += 1
        index, start = piece_index, piece_start
        while index < len(pieces) and start < line_end:
            piece = pieces[index]
            cut_from, cut_to = max(line_start, start) - start, min(line_end, start + len(piece.text)) - start
            if cut_to > cut_from:
                line.append(Piece(piece.text[cut_from:cut_to], piece.tone))
            start += len(piece.text)
            index += 1
        lines.append(line)
    return lines or [[]]


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` greedily wrapped at spaces to ``width`` cells.

    Words are separated by single spaces (cell text is folded); a word wider than a line is cut
    into line-wide parts. The space at a break belongs to no line.
    """
    width = max(width, 1)
    ascii_only = text.isascii()
    ranges: list[tuple[int, int]] = []
    line_start, used = -1, 0
    position = 0
    for word in text.split(" "):
        word_start, word_end = position, position + len(word)
        position = word_end + 1
        if not word:
            continue
        word_width = len(word) if ascii_only else cell_len(word)
        if line_start >= 0 and used + 1 + word_width <= width:
            used += 1 + word_width
            continue
        if line_start >= 0:
            ranges.append((line_start, line_end_of(text, line_start, used, ascii_only)))
        if word_width <= width:
            line_start, used = word_start, word_width
            continue
        cut = word_start
        for char_index in range(word_start, word_end + 1):
            if char_index == word_end or _width_between(text, cut, char_index + 1, ascii_only) > width:
                if char_index == word_end:
                    break
                ranges.append((cut, char_index))
                cut = char_index
        line_start, used = cut, _width_between(text, cut, word_end, ascii_only)
    if line_start >= 0:
        ranges.append((line_start, line_end_of(text, line_start, used, ascii_only)))
    return ranges


def _width_between(text: str, start: int, end: int, ascii_only: bool) -> int:
    return end - start if ascii_only else cell_len(text[start:end])


def line_end_of(text: str, start: int, used: int, ascii_only: bool) -> int:
    """The end offset of a line that starts at ``start`` and is ``used`` cells wide."""
    if ascii_only:
        return start + used
    end, width = start, 0
    while end < len(text) and width < used:
        width += cell_len(text[end])
        end += 1
    return end
