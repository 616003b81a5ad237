"""Search over the grid's rows: which rows and documents match a pattern, and where in a cell's text."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from tui.app.cells import Piece
from tui.app.rowtext import RowTexts
from tui.engine.model import Comparison


@dataclass
class Matches:
    """The rows that match ``pattern`` (case-insensitive) in a document not hidden, in grid order.

    Typing one more character only narrows the matches, so ``narrow`` searches the previous
    matching rows alone; a lens or filter change searches every row again.
    """

    pattern: str = ""
    rows: list[int] = field(default_factory=list)

    def position(self, row: int | None) -> int | None:
        """Index of ``row`` among the matching rows, or None when it does not match."""
        if row is None:
            return None
        index = bisect_left(self.rows, row)
        return index if index < len(self.rows) and self.rows[index] == row else None

    def after(self, row: int | None, direction: int) -> int | None:
        """The next matching row after ``row`` (``direction`` +1) or before it (-1), wrapping around."""
        if not self.rows:
            return None
        if row is None:
            return self.rows[0] if direction > 0 else self.rows[-1]
        if direction > 0:
            index = bisect_right(self.rows, row)
            return self.rows[index % len(self.rows)]
        index = bisect_left(self.rows, row) - 1
        return self.rows[index]  # -1 wraps to the last


def find_rows(
    comparison: Comparison, texts: RowTexts, rows: Iterable[int], visible: set[int], pattern: str
) -> list[int]:
    """The ``rows`` (in their order) where a document of ``visible`` has ``pattern`` in its cell."""
    needle = pattern.lower()
    if not needle:
        return []
    found = []
    for number in rows:
        for cell in comparison.rows[number].cells:
            if cell.doc in visible and needle in texts.lowered(number, cell.doc):
                found.append(number)
                break
    return found


def narrow(
    previous: Matches, comparison: Comparison, texts: RowTexts, rows: Sequence[int], visible: set[int], pattern: str
) -> Matches:
    """The matches of ``pattern``, from ``previous`` when ``pattern`` only extends its pattern."""
    if previous.pattern and pattern.lower().startswith(previous.pattern.lower()):
        candidates: Iterable[int] = previous.rows
    else:
        candidates = rows
    return Matches(pattern, find_rows(comparison, texts, candidates, visible, pattern))


def matching_docs(comparison: Comparison, texts: RowTexts, row: int, visible: set[int], pattern: str) -> list[int]:
    """The documents of ``visible`` whose cell in ``row`` has ``pattern``."""
    needle = pattern.lower()
    return [
        cell.doc
        for cell in comparison.rows[row].cells
        if cell.doc in visible and needle and needle in texts.lowered(row, cell.doc)
    ]


def spans(text: str, pattern: str) -> list[tuple[int, int]]:
    """Where ``pattern`` stands in ``text``, ignoring case (matched on the text itself: lower-casing
    can change lengths, as "İ" does)."""
    if not pattern:
        return []
    found = re.finditer(re.escape(pattern), text, re.IGNORECASE)
    return [match.span() for match in found if match.end() > match.start()]


def mark_pieces(pieces: Sequence[Piece], start: int, found: Sequence[tuple[int, int]]) -> list[tuple[Piece, bool]]:
    """The pieces of one wrapped line, which starts at offset ``start`` of its cell's text, cut where
    the matches ``found`` (offsets into that text) begin and end: (piece, inside a match) pairs."""
    out: list[tuple[Piece, bool]] = []
    position = start
    for piece in pieces:
        end = position + len(piece.text)
        cuts = {position, end}
        for match_start, match_end in found:
            if match_start < end and match_end > position:
                cuts.update((max(match_start, position), min(match_end, end)))
        edges = sorted(cuts)
        for left, right in pairwise(edges):
            inside = any(match_start <= left and right <= match_end for match_start, match_end in found)
            out.append((Piece(piece.text[left - position : right - position], piece.tone), inside))
        position = end
    return out
