"""Column headers: each shown document's number, label and title, and how many documents are off screen."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from tui.app.layout import GUTTER, Columns
from tui.app.palette import document_style
from tui.engine.model import Document
from tui.visible import single_line

_OFF = Style(dim=True)
_MORE = Style(reverse=True)


class ColumnHeaders(Widget):
    """Two lines over the grid: ``1 label`` and the publication date and title, cut to the column with an ellipsis.

    With documents off screen, the leftmost label starts with ``◀ 3 more`` and the rightmost ends
    with ``9 more ▶``, and over the presence strip the document numbers stand upright (tens over
    units), the ones on screen in their colour.
    """

    DEFAULT_CSS = """
    ColumnHeaders { height: 2; }
    """

    def __init__(self, documents: list[Document], columns: Columns, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents = documents
        self.columns = columns

    def show(self, columns: Columns) -> None:
        self.columns = columns
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        columns = self.columns
        segments: list[Segment] = [Segment(" " * GUTTER, base)]
        if columns.strip:
            segments.extend(self._ruler(y, base))
            segments.append(Segment(" ", base))
        last = len(columns.docs) - 1
        for position, doc in enumerate(columns.docs):
            if position:
                segments.append(Segment(" │ ", base + Style(dim=True)))
            document = self.documents[doc]
            if y == 0:
                before = f"◀ {columns.off_left} more" if position == 0 and columns.off_left else ""
                after = f"{columns.off_right} more ▶" if position == last and columns.off_right else ""
                label = f"{doc + 1} {single_line(document.label)}"
                segments.extend(_labelled(label, before, after, columns.width, base + document_style(doc), base))
            else:
                dated = f"{document.published} · {document.title}" if document.published else document.title
                segments.append(Segment(_fit(single_line(dated), columns.width), base + Style(italic=True)))
        return Strip(segments).adjust_cell_length(width, base)

    def _ruler(self, y: int, base: Style) -> list[Segment]:
        """Document numbers over the strip, one cell each: tens on the first line, units on the second."""
        on_screen = set(self.columns.docs)
        segments = []
        for doc in self.columns.visible:
            number = doc + 1
            digit = str(number % 10) if y else (str(number // 10 % 10) if number >= 10 else " ")
            style = base + (document_style(doc) if doc in on_screen else _OFF)
            segments.append(Segment(digit, style))
        return segments


def _labelled(label: str, before: str, after: str, width: int, style: Style, base: Style) -> list[Segment]:
    """A column's first header line: ``before`` (left), the label, ``after`` (right), the label cut first."""
    room = width - cell_len(before) - cell_len(after) - (1 if before else 0) - (1 if after else 0)
    if room < 8:  # a narrow column: "◀3" and "9▶" leave the label some room
        before = before.replace(" more", "").replace(" ", "")
        after = after.replace(" more", "").replace(" ", "")
        room = width - cell_len(before) - cell_len(after) - (1 if before else 0) - (1 if after else 0)
    segments: list[Segment] = []
    if before:
        segments.extend([Segment(before, base + _MORE), Segment(" ", base)])
    segments.append(Segment(_fit(label, max(room, 0)), style))
    if after:
        segments.extend([Segment(" ", base), Segment(after, base + _MORE)])
    return segments


def _fit(text: str, width: int) -> str:
    """``text`` padded or cut to ``width`` cells, with an ellipsis where cut."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(width - 1, 0)) + "…" if width else ""
