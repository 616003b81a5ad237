"""The claims ledger: one line per fact, the most disputed first; Enter goes to its first mention."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from tui.app.factindex import FactIndex
from tui.app.factlines import Part, Run, fact_card, ledger_runs, runs_width
from tui.app.footer import KeyFooter
from tui.app.palette import document_style
from tui.engine.model import Comparison

_PART_CLASSES = {
    Part.DISPUTED: "ledger--disputed",
    Part.AGREED: "ledger--agreed",
    Part.SINGLE: "ledger--single",
    Part.ID: "ledger--id",
    Part.LABEL: "ledger--label",
    Part.VALUE: "ledger--value",
    Part.COUNT: "ledger--count",
    Part.RULE: "ledger--rule",
    Part.SELF: "ledger--self",
}


class LedgerList(ScrollView, can_focus=True):
    """The facts, one line each, drawn lazily (Line API): thousands of facts cost a screenful.

    A line names its documents by number and short label when it fits the width, by number alone
    when not, and is cut with an ellipsis when even that is too wide; the card under the list
    shows the highlighted fact in full.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {*_PART_CLASSES.values(), "ledger--cursor", "ledger--empty"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next fact", show=False),
        Binding("k,up", "cursor_up", "Prev fact", show=False),
        Binding("g,home", "first", "First fact", show=False),
        Binding("G,end", "last", "Last fact", key_display="G", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "choose", "Go to first mention"),
        Binding("d", "toggle_disputed", "Disputed only"),
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the highlighted fact among the facts shown."""
    disputed_only: reactive[bool] = reactive(False, init=False)

    @dataclass
    class Highlighted(Message):
        """The highlighted fact changed (None when the list is empty)."""

        fact: str | None

    @dataclass
    class Chosen(Message):
        """The user chose a fact: go to its first mention."""

        fact: str

    def __init__(self, comparison: Comparison, index: FactIndex, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.index = index
        self.shown: list[int] = list(range(len(index.facts)))
        self._id_width = max((len(fact.id) for fact in index.facts), default=1)
        self._runs: dict[tuple[int, bool], tuple[list[Run], int]] = {}

    @property
    def highlighted(self) -> str | None:
        """The id of the highlighted fact."""
        return self.index.facts[self.shown[self.cursor]].id if self.shown else None

    def highlight(self, fact_id: str | None) -> None:
        """Put the cursor on ``fact_id`` when it is shown."""
        for position, number in enumerate(self.shown):
            if self.index.facts[number].id == fact_id:
                self.cursor = position
                return

    def on_mount(self) -> None:
        self._layout()
        self.post_message(self.Highlighted(self.highlighted))

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def _layout(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, max(len(self.shown), 1))
        self.set_reactive(LedgerList.cursor, min(self.cursor, max(len(self.shown) - 1, 0)))
        self._scroll_to_cursor()
        self.refresh()

    # Drawing ----------------------------------------------------------------------------------

    def _runs_of(self, number: int, labels: bool) -> tuple[list[Run], int]:
        key = (number, labels)
        found = self._runs.get(key)
        if found is None:
            fact = self.index.facts[number]
            runs = ledger_runs(
                fact,
                self.comparison.documents,
                self.index.contradictions.get(fact.id, []),
                id_width=self._id_width,
                labels=labels,
            )
            found = (runs, runs_width(runs))
            self._runs[key] = found
        return found

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = y + round(self.scroll_offset.y)
        base = self.rich_style
        if not self.shown:
            if y:
                return Strip.blank(width, base)
            note = "No disputed facts (d shows every fact)" if self.disputed_only else "No document states a value"
            style = base + self.get_component_rich_style("ledger--empty", partial=True)
            return Strip([Segment(note, style)]).adjust_cell_length(width, base)
        if position >= len(self.shown):
            return Strip.blank(width, base)
        if position == self.cursor:
            base = base + self.get_component_rich_style("ledger--cursor")
        number = self.shown[position]
        runs, used = self._runs_of(number, labels=True)
        if used > width:
            runs, used = self._runs_of(number, labels=False)
        segments = [Segment(" ", base)]
        segments.extend(Segment(run.text, self._style(run, base)) for run in runs)
        strip = Strip(segments)
        if strip.cell_length > width:
            strip = Strip.join([strip.crop(0, max(width - 1, 0)), Strip([Segment("…", base)])])
        return strip.adjust_cell_length(width, base)

    def _style(self, run: Run, base: Style) -> Style:
        if run.doc is not None:
            return base + document_style(run.doc)
        component = _PART_CLASSES.get(run.part)
        return base + self.get_component_rich_style(component, partial=True) if component else base

    # Cursor -----------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self.highlighted))

    def _scroll_to_cursor(self) -> None:
        if self.shown:
            self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True, force=True)

    def _move_to(self, position: int) -> None:
        if self.shown:
            self.cursor = min(max(position, 0), len(self.shown) - 1)

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.shown) - 1)

    def action_page_down(self) -> None:
        self._move_to(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self._move_to(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    def action_choose(self) -> None:
        fact = self.highlighted
        if fact is None or not self.index.places.get(fact):
            self.app.bell()
            return
        self.post_message(self.Chosen(fact))

    def action_toggle_disputed(self) -> None:
        self.disputed_only = not self.disputed_only

    def watch_disputed_only(self, disputed_only: bool) -> None:
        keep = self.highlighted
        facts = self.index.facts
        self.shown = [number for number, fact in enumerate(facts) if fact.disputed or not disputed_only]
        self.set_reactive(LedgerList.cursor, 0)
        self.highlight(keep)
        self._layout()
        self.post_message(self.Highlighted(self.highlighted))

    def on_click(self, event: events.Click) -> None:
        """A click highlights a fact; a click on the highlighted fact chooses it."""
        position = event.y + round(self.scroll_offset.y)
        if not 0 <= position < len(self.shown):
            return
        if position == self.cursor:
            self.action_choose()
        else:
            self.cursor = position


class LedgerScreen(Screen[str | None]):
    """The claims ledger over the grid; dismissed with the chosen fact's id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,c,q", "close", "Back to grid")]

    def __init__(self, comparison: Comparison, index: FactIndex, current: str | None = None) -> None:
        super().__init__()
        self.comparison = comparison
        self.index = index
        self.current = current
        self.disputed = sum(1 for fact in index.facts if fact.disputed)

    def compose(self) -> ComposeResult:
        yield Static(self._title(disputed_only=False), id="ledger-title")
        yield Static(
            Text.assemble(
                ("≠", "bold red"),
                " disputed · ",
                ("=", "bold green"),
                " agreed · ",
                ("◆", "bold yellow"),
                " one document only · value ×count (documents)",
            ),
            id="ledger-legend",
        )
        yield LedgerList(self.comparison, self.index, id="ledger-list")
        with VerticalScroll(id="ledger-card"):
            yield Static(id="ledger-card-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        ledger = self.query_one(LedgerList)
        ledger.highlight(self.current)
        ledger.focus()

    def _title(self, *, disputed_only: bool) -> Text:
        facts = self.index.facts
        contradicting = len(self.comparison.self_contradictions)
        return Text.assemble(
            ("Claims ledger", "bold"),
            f" · {len(facts)} fact{'s' if len(facts) != 1 else ''} · {self.disputed} disputed",
            f" · {contradicting} self-contradiction{'s' if contradicting != 1 else ''}" if contradicting else "",
            " · ",
            ("disputed only" if disputed_only else "all shown", "bold"),
        )

    @staticmethod
    def _no_fact() -> Text:
        return Text("No fact to show.", style="italic")

    def on_ledger_list_highlighted(self, message: LedgerList.Highlighted) -> None:
        ledger = self.query_one(LedgerList)
        self.query_one("#ledger-title", Static).update(self._title(disputed_only=ledger.disputed_only))
        self._show_card(message.fact)
        self.query_one("#ledger-card", VerticalScroll).scroll_home(animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self._show_card(self.query_one(LedgerList).highlighted)

    def _show_card(self, fact_id: str | None) -> None:
        card = self.query_one("#ledger-card", VerticalScroll)
        fact = self.index.by_id.get(fact_id) if fact_id is not None else None
        width = card.scrollable_content_region.width or self.size.width - 4
        body = fact_card(fact, self.comparison.documents, self.index, width) if fact is not None else self._no_fact()
        self.query_one("#ledger-card-body", Static).update(body)

    def on_ledger_list_chosen(self, message: LedgerList.Chosen) -> None:
        self.dismiss(message.fact)

    def action_close(self) -> None:
        self.dismiss(None)
