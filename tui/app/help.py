"""The help screen: every key of the grid and the app, listed from their bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.app.keys import binding_rows


class HelpScreen(ModalScreen[None]):
    """A key table built from the bindings it is given; any of ``escape``, ``?``, ``q`` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "Close help")]

    def __init__(self, sections: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("claimdiff — keys", style="bold"), id="help-title")
            for title, bindings in self.sections:
                table = Table(title=Text(title, style="bold"), title_justify="left", show_header=False, box=None)
                table.add_column(style="bold", no_wrap=True, min_width=16)
                table.add_column()
                for keys, description in binding_rows(bindings):
                    table.add_row(Text(keys), Text(description))
                yield Static(table)
            yield Static(
                Text(
                    "Rows: = shared by all · ≈ shared by some · ≠ conflict · ◆ unique. "
                    "In cells, words no other document has are underlined and clashing values stand out.",
                    style="italic",
                )
            )

    def action_close(self) -> None:
        self.dismiss(None)
