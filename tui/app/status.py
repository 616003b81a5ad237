"""The status line, drawn from the grid's state alone: row, fact, documents on screen, filter, focus, search."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.app.fitting import Part, fit_parts
from tui.app.gridstate import GridState, OffScreen, SearchState
from tui.app.palette import document_style
from tui.app.presence import doc_numbers
from tui.visible import single_line


def status_text(state: GridState) -> Text:
    """``Row 15 of 77 · fact f1 GPUs · mention 3 of 9 · showing 2, 10–13 of 14 ([ ] pages) · filter: all ·
    focus: 3 002_….txt · search: ferry, match 2 of 17``: parts that say nothing new are left out."""
    return fit_parts(status_parts(state), 10_000)


def status_parts(state: GridState) -> list[Part]:
    """The status line's parts, each with how much it matters when the line must be shortened: where
    you are and what you searched stay longest; the filter, the focus and the counts go first."""
    total = state.total_rows
    where = f"Row {state.row + 1} of {total}" if state.row is not None else f"No rows of {total}"
    if state.shown_rows != state.total_rows and state.position is not None:
        where += f" ({state.position + 1} of {state.shown_rows} shown)"
    parts = [Part(Text(where, style="bold"), priority=9)]
    if state.fact is not None:
        fact = state.fact
        if fact.position is not None:
            where_in_fact = f"mention {fact.position + 1} of {fact.total}"
        else:
            where_in_fact = f"{fact.total} mentions, none here"
        label = Text(f"fact {fact.id} {single_line(fact.label)} · {where_in_fact}", "italic")
        parts.append(Part(label, priority=6, shortened=True))
    if len(state.on_screen) < state.documents:
        showing = Text.assemble("showing ", (doc_numbers(state.on_screen), "bold"), f" of {state.documents}")
        if state.paged:
            showing.append(" ([ ] pages)")
        parts.append(Part(showing, priority=7, shortened=True))
    if state.away:
        rows = f"{state.away} row{'s' if state.away != 1 else ''}"
        hidden = state.off_screen is OffScreen.HIDE
        parts.append(Part(Text(f"{rows} off screen {'hidden (z folds)' if hidden else 'folded (z hides)'}"), 2))
    parts.append(Part(Text.assemble("filter: ", (state.row_filter.value, "bold")), priority=3))
    focus = Text.assemble(
        "focus: ", (f"{state.focus + 1} {single_line(state.focus_label)}", document_style(state.focus))
    )
    parts.append(Part(focus, priority=4, shortened=True))
    if state.hidden:
        parts.append(Part(Text(f"{state.hidden} hidden"), priority=1))
    if state.search.pattern:
        search = Text.assemble(
            "search: ", (single_line(state.search.pattern), "bold"), f", {search_count(state.search)}"
        )
        parts.append(Part(search, priority=8, shortened=True))
    return parts


def search_count(search: SearchState) -> str:
    """``match 3 of 17``, ``17 matches`` when the selected row is none of them, or ``no match``."""
    if not search.matches:
        return "no match"
    if search.match is not None:
        return f"match {search.match + 1} of {search.matches}"
    return f"{search.matches} match{'es' if search.matches != 1 else ''}"


class StatusLine(Widget):
    """One line under the grid, redrawn in place (no layout pass) each time the grid's state changes."""

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: list[Part] = []

    @property
    def text(self) -> Text:
        """The whole status, as wide as it is (what tests and readers of the state compare)."""
        return fit_parts(self.parts, 10_000)

    def render(self) -> Text:
        """The parts that fit the width: at 60 columns the row and the search stay, the rest goes."""
        return fit_parts(self.parts, max(self.size.width, 1))

    def show(self, state: GridState) -> None:
        self.parts = status_parts(state)
        self.refresh()
