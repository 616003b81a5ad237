"""Column headers: each shown document's number, label and title, in its colour, above its column."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from tui.app.layout import Columns
from tui.app.palette import document_style
from tui.engine.model import Document
from tui.visible import single_line


class ColumnHeaders(Widget):
    """Two lines over the grid: ``1 label`` and the title, cut to the column with an ellipsis."""

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
        segments: list[Segment] = [Segment("  ", base)]
        for position, doc in enumerate(self.columns.docs):
            if position:
                segments.append(Segment(" │ ", base + Style(dim=True)))
            document = self.documents[doc]
            if y == 0:
                text = f"{doc + 1} {single_line(document.label)}"
                style = base + document_style(doc)
            else:
                text = single_line(document.title)
                style = base + Style(italic=True)
            segments.append(Segment(_fit(text, self.columns.width), style))
        return Strip(segments).adjust_cell_length(width, base)


def _fit(text: str, width: int) -> str:
    """``text`` padded or cut to ``width`` cells, with an ellipsis where cut (titles only)."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(width - 1, 0)) + "…"
