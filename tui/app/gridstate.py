"""The grid's state as one frozen value: what its messages carry and what the status line is drawn from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tui.engine.model import RowKind


class RowFilter(StrEnum):
    """Which rows the grid shows; ``f`` cycles through them in this order."""

    ALL = "all"
    CONFLICTS = "conflicts"
    UNIQUE = "unique"
    SHARED = "shared"

    def next(self) -> RowFilter:
        members = list(RowFilter)
        return members[(members.index(self) + 1) % len(members)]

    def admits(self, kind: RowKind) -> bool:
        if self is RowFilter.ALL:
            return True
        wanted = {
            RowFilter.CONFLICTS: RowKind.CONFLICT,
            RowFilter.UNIQUE: RowKind.UNIQUE,
            RowFilter.SHARED: RowKind.SHARED,
        }
        return kind is wanted[self]


class OffScreen(StrEnum):
    """What becomes of a row none of whose documents is on screen; ``z`` switches."""

    FOLD = "fold"
    """One line that names the documents holding it."""
    HIDE = "hide"
    """Not shown at all."""

    def other(self) -> OffScreen:
        return OffScreen.HIDE if self is OffScreen.FOLD else OffScreen.FOLD


@dataclass(frozen=True, slots=True)
class FactPosition:
    """The current fact and which of its mentions (grid order) the selected row holds."""

    id: str
    label: str
    position: int | None
    """0-based place among the fact's mentions, or None when the selected row does not mention it."""
    total: int


@dataclass(frozen=True, slots=True)
class SearchState:
    """The search pattern (kept after the bar closes) and where the selected row stands among its matches."""

    pattern: str = ""
    matches: int = 0
    """How many rows (among those the filter and the lens admit) match."""
    match: int | None = None
    """0-based index of the selected row among the matching rows, or None when it does not match."""


@dataclass(frozen=True, slots=True)
class GridState:
    """Everything the status line says, as the grid had it when it sent the message."""

    row: int | None
    """The selected row (index in ``comparison.rows``), None when no row is shown."""
    position: int | None
    """The selected row's index among the rows shown."""
    shown_rows: int
    total_rows: int
    documents: int
    visible: tuple[int, ...]
    """Documents the lens and the digit keys leave in (not hidden), in order."""
    on_screen: tuple[int, ...]
    """Documents whose columns are on screen, left to right."""
    focus: int
    focus_label: str
    row_filter: RowFilter = RowFilter.ALL
    off_screen: OffScreen = OffScreen.FOLD
    away: int = 0
    """Rows the filter and lens admit that no on-screen document holds (folded or hidden)."""
    search: SearchState = SearchState()
    fact: FactPosition | None = None

    @property
    def hidden(self) -> int:
        """How many documents are hidden."""
        return self.documents - len(self.visible)

    @property
    def paged(self) -> bool:
        """True when some documents not hidden are off screen."""
        return len(self.on_screen) < len(self.visible)
