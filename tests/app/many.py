"""Comparisons of many outlets (tests/outlets.py) for the app tests, made once, and what to read off the grid."""

from __future__ import annotations

from functools import cache

from outlets import make_outlets

from tui.app.grid import ComparisonGrid
from tui.engine.compare import compare
from tui.engine.model import Comparison

SIZE = (160, 48)


@cache
def outlets(count: int = 14) -> Comparison:
    """The ferry story told by ``count`` outlets, compared."""
    return compare(make_outlets(count))


def row_text(grid: ComparisonGrid, row: int) -> list[str]:
    """The lines the grid draws for ``row`` (a shown row), as text."""
    index = grid.shown_rows.index(row)
    top, height = grid._offsets.tops[index], grid._offsets.heights[index]
    scroll = round(grid.scroll_offset.y)
    return [grid.render_line(y - scroll).text for y in range(top, top + height)]


def on_screen_cells(grid: ComparisonGrid, row: int) -> list[int]:
    """The documents on screen that have a cell in ``row``."""
    return [doc for doc in grid.comparison.rows[row].docs if doc in grid.columns.docs]
