"""The text each cell shows, made once per cell and kept: for row heights and for search."""

from __future__ import annotations

import re

from tui.app.cells import wrap_ranges
from tui.engine.model import Comparison
from tui.visible import folded

_SPACES = re.compile(" {2,}")


class RowTexts:
    """Display text, lower-cased text and line counts per (row, document), each made on first use.

    A cell's display text is what ``cell_pieces`` joins to (sentences made visible, whitespace
    folded, one space between sentences), built without the tones: a row's height is the number
    of lines ``wrap_ranges`` gives, so laying out every row styles no cell.
    """

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self._plain: dict[tuple[int, int], str] = {}
        self._lowered: dict[tuple[int, int], str] = {}
        self._lines: dict[tuple[int, int], int] = {}
        self._lines_width = -1

    def plain(self, row: int, doc: int) -> str:
        """The cell's text as the grid shows it ("" when the document has no cell in the row)."""
        key = (row, doc)
        found = self._plain.get(key)
        if found is None:
            cell = self.comparison.rows[row].cell_for(doc)
            if cell is None:
                found = ""
            else:
                sentences = self.comparison.sentences[doc]
                found = _SPACES.sub(" ", " ".join(folded(sentences[index].text) for index in cell.sentences))
            self._plain[key] = found
        return found

    def lowered(self, row: int, doc: int) -> str:
        """The cell's text lower-cased, for case-insensitive search."""
        key = (row, doc)
        found = self._lowered.get(key)
        if found is None:
            found = self.plain(row, doc).lower()
            self._lowered[key] = found
        return found

    def line_count(self, row: int, doc: int, width: int) -> int:
        """How many lines the cell takes word-wrapped to ``width`` cells (1 for an empty cell)."""
        if width != self._lines_width:
            self._lines.clear()
            self._lines_width = width
        key = (row, doc)
        found = self._lines.get(key)
        if found is None:
            text = self.plain(row, doc)
            found = 1 if len(text) <= width and text.isascii() else max(len(wrap_ranges(text, width)), 1)
            self._lines[key] = found
        return found
