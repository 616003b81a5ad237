"""The help screen: every key of the grid and the app, listed from their bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keys import binding_rows


class HelpScreen(ModalScreen[None]):
    """A key table built from the bindings it is given; any of ``escape``, ``?``, ``q`` closes it.

    The box scrolls when it does not fit: with the mouse wheel, the arrows and page keys (it has the
    focus), and the grid's ``j`` / ``k``, ``space`` / ``b``, ``g`` / ``G``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close help"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
        Binding("space", "page(1)", "Page down", show=False),
        Binding("b", "page(-1)", "Page up", show=False),
        Binding("g", "top", "Top", show=False),
        Binding("G", "bottom", "Bottom", show=False),
    ]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        rows = [(title, binding_rows(bindings)) for title, bindings in self.sections]
        key_cells = max((cell_len(keys) for _, found in rows for keys, _ in found), default=16)
        with VerticalScroll(id="help-box"):
            yield Static(Text("claimdiff — keys", style="bold"), id="help-title")
            for title, found in rows:
                table = Table(title=Text(title, style="bold"), title_justify="left", show_header=False, box=None)
                table.add_column(style="bold", no_wrap=True, min_width=key_cells)  # one key column for all
                table.add_column()
                for keys, description in found:
                    table.add_row(Text(keys), Text(description))
                yield Static(table)
            yield Static(
                Text(
                    "Rows: = shared by all · ≈ shared by some · ≠ conflict · ◆ unique; "
                    "? after the mark: aligned on little, the sentences may not say the same thing. "
                    "In cells, words no other document has are underlined and clashing values stand out.",
                    style="italic",
                )
            )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, direction: int) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_relative(y=direction * max(box.scrollable_content_region.height - 1, 1), animate=False)

    def action_top(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_end(animate=False)
