"""Geometry of the grid: which document columns fit, where each starts, where each row starts."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

GUTTER = 2
"""Cells left of the first column: the row's mark and a space."""
SEPARATOR = 3
"""Cells between two columns: " │ "."""
MIN_COLUMN = 24
"""Narrower than this, a column cannot hold a sentence readably: fewer columns are shown."""


@dataclass(frozen=True, slots=True)
class Columns:
    """The document columns on screen and their geometry."""

    docs: tuple[int, ...]
    """Documents shown, left to right."""
    starts: tuple[int, ...]
    """The x of each shown column."""
    width: int
    """Width of every column."""
    shown_from: int
    """Position of the first shown document among the documents not hidden."""
    not_hidden: int
    """How many documents are not hidden (shown or paged out)."""

    @property
    def paged(self) -> bool:
        """True when some documents do not fit and wait on another page."""
        return len(self.docs) < self.not_hidden

    def column_at(self, x: int) -> int | None:
        """The document whose column holds screen column ``x``, if any."""
        for doc, start in zip(self.docs, self.starts, strict=True):
            if start <= x < start + self.width + SEPARATOR - 1:
                return doc
        return None


def plan_columns(total_width: int, visible: Sequence[int], focus: int, *, first: int = 0) -> Columns:
    """Fit as many of the ``visible`` documents as leave each column MIN_COLUMN wide.

    When not all fit, a window of them is shown; it starts at ``first`` (the previous window)
    and moves just enough to keep ``focus`` inside it.
    """
    room = max(total_width - GUTTER, 1)
    fit = max(1, min(len(visible), (room + SEPARATOR) // (MIN_COLUMN + SEPARATOR)))
    position = visible.index(focus) if focus in visible else 0
    first = min(max(first, 0), max(len(visible) - fit, 0))
    if position < first:
        first = position
    elif position >= first + fit:
        first = position - fit + 1
    shown = tuple(visible[first : first + fit])
    width = max((room - SEPARATOR * (len(shown) - 1)) // max(len(shown), 1), 1)
    starts = tuple(GUTTER + number * (width + SEPARATOR) for number in range(len(shown)))
    return Columns(docs=shown, starts=starts, width=width, shown_from=first, not_hidden=len(visible))


class RowOffsets:
    """Where each row of the grid starts, given the height of every row; y to row by bisection."""

    def __init__(self, heights: Sequence[int]) -> None:
        tops = []
        total = 0
        for height in heights:
            tops.append(total)
            total += height
        self.tops = tops
        self.heights = list(heights)
        self.total = total

    def row_at(self, y: int) -> int | None:
        """The row that holds line ``y``, or None past the end."""
        if not self.tops or y < 0 or y >= self.total:
            return None
        return bisect_right(self.tops, y) - 1

    def __len__(self) -> int:
        return len(self.tops)
