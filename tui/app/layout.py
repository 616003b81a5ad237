"""Geometry of the grid: how many document columns fit, where each starts, where each row starts."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

GUTTER = 2
"""Cells left of the first column without the presence strip: the row's mark and a space."""
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
    visible: tuple[int, ...] = ()
    """Every document not hidden, on screen or not, in order."""
    strip: bool = False
    """True when the gutter holds the presence strip: one mark per visible document."""

    @property
    def gutter(self) -> int:
        """Cells left of the first column: the mark, a space, and the strip with a space after it."""
        return GUTTER + (len(self.visible) + 1 if self.strip else 0)

    @property
    def not_hidden(self) -> int:
        """How many documents are not hidden (shown or paged out)."""
        return len(self.visible)

    @property
    def paged(self) -> bool:
        """True when some documents not hidden are off screen."""
        return len(self.docs) < len(self.visible)

    @property
    def off_left(self) -> int:
        """Documents off screen before the first column."""
        return self.visible.index(self.docs[0]) if self.docs and self.docs[0] in self.visible else 0

    @property
    def off_right(self) -> int:
        """Documents off screen after the last column."""
        if not self.docs or self.docs[-1] not in self.visible:
            return 0
        return len(self.visible) - 1 - self.visible.index(self.docs[-1])

    def column_at(self, x: int) -> int | None:
        """The document whose column holds screen column ``x``, if any."""
        for doc, start in zip(self.docs, self.starts, strict=True):
            if start <= x < start + self.width + SEPARATOR - 1:
                return doc
        return None


def fit(total_width: int, gutter: int) -> int:
    """How many columns of at least MIN_COLUMN cells fit beside a gutter (at least one)."""
    room = max(total_width - gutter, 1)
    return max(1, (room + SEPARATOR) // (MIN_COLUMN + SEPARATOR))


def columns_that_fit(total_width: int, visible: int) -> tuple[int, bool]:
    """(columns, strip): every document when all fit, else as many as fit beside the presence strip
    (left out when it would not leave one column of MIN_COLUMN cells)."""
    if fit(total_width, GUTTER) >= visible:
        return max(visible, 1), False
    if total_width - (GUTTER + visible + 1) < MIN_COLUMN:
        return fit(total_width, GUTTER), False
    return min(fit(total_width, GUTTER + visible + 1), visible), True


def place_columns(total_width: int, docs: Sequence[int], visible: Sequence[int], *, strip: bool) -> Columns:
    """The geometry of ``docs`` side by side in ``total_width`` cells, sharing the room equally."""
    shown = tuple(docs)
    gutter = GUTTER + (len(visible) + 1 if strip else 0)
    room = max(total_width - gutter, 1)
    width = max((room - SEPARATOR * (len(shown) - 1)) // max(len(shown), 1), 1)
    starts = tuple(gutter + number * (width + SEPARATOR) for number in range(len(shown)))
    return Columns(docs=shown, starts=starts, width=width, visible=tuple(visible), strip=strip)


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
