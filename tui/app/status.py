"""The status line: where the cursor is, the current fact, the filter, the focused and hidden documents."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.app.palette import document_style
from tui.visible import single_line


class StatusLine(Widget):
    """``Row 15 of 77 · fact f1 GPUs · mention 3 of 9 · documents 3–4 of 5 · filter: all · focus: 3 002_….txt``.

    Redrawn in place (no layout pass) each time the cursor moves.
    """

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def render(self) -> Text:
        return self.text

    def show(
        self,
        *,
        position: int | None,
        shown: int,
        total: int,
        row_number: int | None,
        row_filter: str,
        focus: int,
        focus_label: str,
        hidden: int,
        search: str,
        paging: str = "",
        fact: str = "",
    ) -> None:
        where = f"Row {row_number + 1} of {total}" if row_number is not None else f"No rows of {total}"
        if shown != total and position is not None:
            where += f" ({position + 1} of {shown} shown)"
        text = Text(where, style="bold", no_wrap=True, overflow="ellipsis")
        if fact:
            text.append(" · ")
            text.append(single_line(fact), "italic")
        if paging:
            text.append(f" · {paging}", "reverse")
        text.append(" · filter: ")
        text.append(row_filter, "bold")
        text.append(" · focus: ")
        text.append(f"{focus + 1} {single_line(focus_label)}", document_style(focus))
        if hidden:
            text.append(f" · {hidden} hidden")
        if search:
            text.append(" · search: ")
            text.append(single_line(search), "bold")
        self.text = text
        self.refresh()
