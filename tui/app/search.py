"""The search bar: type to highlight, ``enter`` jumps to the next matching row, ``escape`` closes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """A one-line search field docked under the grid."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close search")]

    @dataclass
    class Closed(Message):
        """The user closed the search bar."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search rows… (Enter: next match, Esc: close)", id=id)

    def action_close(self) -> None:
        self.post_message(self.Closed())
