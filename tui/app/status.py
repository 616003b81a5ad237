"""The status line, drawn from the grid's state alone: row, fact, documents on screen, filter, focus, search."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.app.gridstate import GridState, OffScreen, SearchState
from tui.app.palette import document_style
from tui.app.presence import doc_numbers
from tui.visible import single_line


def status_text(state: GridState) -> Text:
    """``Row 15 of 77 · fact f1 GPUs · mention 3 of 9 · showing 2, 10–13 of 14 ([ ] pages) · filter: all ·
    focus: 3 002_….txt · search: ferry, match 2 of 17``: parts that say nothing new are left out."""
    total = state.total_rows
    where = f"Row {state.row + 1} of {total}" if state.row is not None else f"No rows of {total}"
    if state.shown_rows != state.total_rows and state.position is not None:
        where += f" ({state.position + 1} of {state.shown_rows} shown)"
    text = Text(where, style="bold", no_wrap=True, overflow="ellipsis")
    if state.fact is not None:
        fact = state.fact
        if fact.position is not None:
            where_in_fact = f"mention {fact.position + 1} of {fact.total}"
        else:
            where_in_fact = f"{fact.total} mentions, none here"
        text.append(" · ")
        text.append(f"fact {fact.id} {single_line(fact.label)} · {where_in_fact}", "italic")
    if len(state.on_screen) < state.documents:
        text.append(" · showing ")
        text.append(doc_numbers(state.on_screen), "bold")
        text.append(f" of {state.documents}")
        if state.paged:
            text.append(" ([ ] pages)")
    if state.away:
        rows = f"{state.away} row{'s' if state.away != 1 else ''}"
        hidden = state.off_screen is OffScreen.HIDE
        text.append(f" · {rows} off screen {'hidden (z folds)' if hidden else 'folded (z hides)'}")
    text.append(" · filter: ")
    text.append(state.row_filter.value, "bold")
    text.append(" · focus: ")
    text.append(f"{state.focus + 1} {single_line(state.focus_label)}", document_style(state.focus))
    if state.hidden:
        text.append(f" · {state.hidden} hidden")
    if state.search.pattern:
        text.append(" · search: ")
        text.append(single_line(state.search.pattern), "bold")
        text.append(f", {search_count(state.search)}")
    return text


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
        self.text = Text()

    def render(self) -> Text:
        return self.text

    def show(self, state: GridState) -> None:
        self.text = status_text(state)
        self.refresh()
