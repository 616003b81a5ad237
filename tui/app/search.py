"""The search bar: type to highlight and count, Enter / Shift+Enter to the next / previous match, Esc closes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line search field docked under the grid; it keeps its pattern when closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down", "step(1)", "Next match", key_display="Enter"),
        Binding("shift+enter,up", "step(-1)", "Prev match", key_display="Shift+Enter"),
        Binding("escape", "close", "Close search (the pattern stays: > / < go on)"),
    ]

    @dataclass
    class Closed(Message):
        """The user closed the search bar."""

    @dataclass
    class Step(Message):
        """The user asked for the next (``direction`` 1) or previous (-1) matching row."""

        direction: int

    PLACEHOLDER = "Search rows… (Enter / Shift+Enter: next / previous match, Esc: close)"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=self.PLACEHOLDER, id=id)

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(direction))

    def action_close(self) -> None:
        self.post_message(self.Closed())
