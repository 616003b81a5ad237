"""Row heights come from each cell's plain text: it must be the text the grid draws, wrapped alike."""

from __future__ import annotations

from many import outlets

from tui.app.cells import cell_pieces, wrap
from tui.app.rowtext import RowTexts
from tui.engine.compare import compare
from tui.engine.model import Comparison, Document

HOSTILE = Document(
    "d9",
    "hostile.txt",
    "hostile.txt",
    "t",
    "Tabs\tand  double  spaces, a bell \x07 and a bidi \u202e mark.\r\n"
    "Wide 東京で会議が開かれました。 Line\u2028two ends here.\n",
)
PLAIN = Document(
    "d8", "plain.txt", "plain.txt", "t", "Tabs and double spaces, a bell and a bidi mark. Line two ends.\n"
)


def check(comparison: Comparison) -> None:
    texts = RowTexts(comparison)
    for number, row in enumerate(comparison.rows):
        for cell in row.cells:
            pieces = cell_pieces(comparison, row, cell.doc)
            assert texts.plain(number, cell.doc) == "".join(piece.text for piece in pieces)
            for width in (7, 24, 33):
                assert texts.line_count(number, cell.doc, width) == len(wrap(pieces, width)), (number, width)


def test_plain_text_and_line_counts_match_the_drawn_cells(seeds_comparison: Comparison) -> None:
    check(seeds_comparison)
    check(outlets(14))
    check(compare([HOSTILE, PLAIN]))
