"""The claimdiff app: compare in a worker thread, then show the grid, detail, status, search and ledger."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from tui.app import preview
from tui.app.detail import DetailPane
from tui.app.factindex import FactIndex
from tui.app.fitting import Fitted, parts_of
from tui.app.footer import KeyFooter
from tui.app.fulltext import DocumentView, FullTextScreen, TextSearch
from tui.app.grid import ComparisonGrid
from tui.app.headers import ColumnHeaders
from tui.app.help import HelpScreen
from tui.app.ledger import LedgerList, LedgerScreen
from tui.app.lens import LensScreen
from tui.app.loading import LoadingView
from tui.app.provenance import ProvenanceScreen, ProvenanceTable
from tui.app.search import SearchBar
from tui.app.status import StatusLine
from tui.engine.model import Comparison, Document
from tui.engine.progress import Cancelled, Progress
from tui.exports.text import summary_line
from tui.visible import single_line

THEME = "textual-dark"
"""The app's fixed theme (snapshots depend on it)."""


@dataclass
class ComparisonProgress(Message):
    """The worker reports how far the comparison has come."""

    progress: Progress


@dataclass
class ComparisonReady(Message):
    """The worker finished: here is the comparison, and where its facts stand."""

    comparison: Comparison
    index: FactIndex


@dataclass
class OpeningsReady(Message):
    """Long documents: their openings are compared, to show while the whole comparison runs."""

    comparison: Comparison
    index: FactIndex


class ClaimdiffApp(App[int]):
    """Side-by-side comparison of several articles, walked from the keyboard."""

    CSS_PATH = "claimdiff.tcss"
    TITLE = "claimdiff"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "provenance", "Who copied whom"),
        Binding("J,ctrl+d", "scroll_detail(1)", "Scroll the detail pane down", key_display="J", show=False),
        Binding("K,ctrl+u", "scroll_detail(-1)", "Scroll the detail pane up", key_display="K", show=False),
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("escape", "escape", "Cancel / close", show=False),
    ]

    def __init__(self, documents: list[Document] | None = None, *, comparison: Comparison | None = None) -> None:
        super().__init__()
        self.theme = THEME
        if comparison is None and not documents:
            raise ValueError("ClaimdiffApp needs documents or a finished comparison")
        self.documents = comparison.documents if comparison is not None else list(documents or [])
        self.comparison = comparison
        self.index: FactIndex | None = None
        self.previewing = False
        """The comparison on screen is of the documents' openings; the whole one is still running."""

    # Start-up ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Text(f"claimdiff · comparing {len(self.documents)} documents…"), id="story")
        if self.comparison is None:
            yield LoadingView(len(self.documents), id="loading")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.comparison is None:
            self.run_comparison()
        else:
            self._show(self.comparison)

    @work(thread=True, exclusive=True, group="compare")
    def run_comparison(self) -> None:
        """Compare in a thread so the screen keeps painting; report progress by messages."""
        worker = get_current_worker()

        def report(progress: Progress) -> None:
            self.post_message(ComparisonProgress(progress))

        from tui.engine.compare import compare  # the engine's heavy imports, off the event loop

        def cancelled() -> bool:
            return worker.is_cancelled

        try:
            shortened = preview.openings(self.documents)
            if shortened is not None:
                first = compare(shortened, cancelled=cancelled)
                self.post_message(OpeningsReady(first, FactIndex(first)))
            comparison = compare(self.documents, on_progress=report, cancelled=cancelled)
        except Cancelled:
            return
        self.post_message(ComparisonReady(comparison, FactIndex(comparison)))

    def on_comparison_progress(self, message: ComparisonProgress) -> None:
        for view in self.query(LoadingView):
            view.show(message.progress)
        if self.previewing:
            self.query_one("#story", Static).update(_preview_story(message.progress))

    def on_openings_ready(self, message: OpeningsReady) -> None:
        self.previewing = True
        self._show(message.comparison, message.index)
        self.query_one("#story", Static).update(_preview_story(None))

    async def on_comparison_ready(self, message: ComparisonReady) -> None:
        if not self.previewing:
            self._show(message.comparison, message.index)
            return
        # The openings are on screen: put the whole comparison in their place, at the same sentence.
        shown = self.comparison
        grid = self.query_one(ComparisonGrid)
        row = grid.selected_row
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.query("#headers, #grid, #detail, #status, #search").remove()
        self.previewing = False
        self._show(message.comparison, message.index)
        place = preview.same_place(shown, row, message.comparison) if shown is not None and row is not None else None
        if place is not None:
            self.call_after_refresh(self.query_one(ComparisonGrid).select_row, place)

    def _show(self, comparison: Comparison, index: FactIndex | None = None) -> None:
        """Show a finished comparison; its fact index is built here only when the caller gave none."""
        self.comparison = comparison
        self.index = index if index is not None else FactIndex(comparison)
        for view in self.query(LoadingView):
            view.remove()
        self.query_one("#story", Static).update(_story(comparison))
        grid = ComparisonGrid(comparison, index=self.index, id="grid")
        footer = self.query_one(Footer)
        self.mount(ColumnHeaders(comparison.documents, grid.columns, id="headers"), before=footer)
        self.mount(grid, before=footer)
        self.mount(DetailPane(comparison, self.index, id="detail"), before=footer)
        self.mount(StatusLine(id="status"), before=footer)
        self.mount(SearchBar(id="search"), before=footer)
        grid.focus()

    # Grid messages ----------------------------------------------------------------------------

    @on(ComparisonGrid.CursorMoved)
    def _cursor_moved(self, message: ComparisonGrid.CursorMoved) -> None:
        if not self._current(message.grid):
            return
        self.query_one(StatusLine).show(message.state)
        detail = self.query_one(DetailPane)
        if detail.display:
            detail.show_row(message.state.row)

    def _refresh_status(self, grid: ComparisonGrid) -> None:
        self.query_one(StatusLine).show(grid.state)

    @on(ComparisonGrid.ColumnsChanged)
    def _columns_changed(self, message: ComparisonGrid.ColumnsChanged) -> None:
        if not self._current(message.grid):
            return
        self.query_one(ColumnHeaders).show(message.columns)
        self._refresh_status(self.query_one(ComparisonGrid))

    def _current(self, grid: ComparisonGrid) -> bool:
        """Whether a message comes from the grid on screen (not the openings' grid, already replaced)."""
        return any(shown is grid for shown in self.query(ComparisonGrid))

    @on(ComparisonGrid.DetailToggled)
    def _toggle_detail(self, message: ComparisonGrid.DetailToggled) -> None:
        detail = self.query_one(DetailPane)
        detail.display = not detail.display
        if detail.display:
            detail.show_row(message.grid.selected_row)

    @on(ComparisonGrid.DocumentOpened)
    def _open_document(self, message: ComparisonGrid.DocumentOpened) -> None:
        if self.comparison is not None:
            self.push_screen(FullTextScreen(self.comparison, message.doc, message.sentence), self._go_to)

    @on(ComparisonGrid.SearchRequested)
    def _open_search(self) -> None:
        search = self.query_one(SearchBar)
        search.display = True
        self.call_after_refresh(search.focus)

    @on(ComparisonGrid.LedgerRequested)
    def _open_ledger(self, message: ComparisonGrid.LedgerRequested) -> None:
        if self.comparison is None or self.index is None:
            return
        grid = self.query_one(ComparisonGrid)

        def chosen(fact: str | None) -> None:
            if fact is not None:
                grid.go_to_fact(fact)

        self.push_screen(LedgerScreen(self.comparison, self.index, message.fact), chosen)

    @on(SearchBar.Changed, "#search")
    def _search_changed(self, message: SearchBar.Changed) -> None:
        self.query_one(ComparisonGrid).set_search(message.value)

    @on(SearchBar.Step)
    def _search_step(self, message: SearchBar.Step) -> None:
        self.query_one(ComparisonGrid).step_match(message.direction)

    @on(SearchBar.Closed)
    def _close_search(self) -> None:
        self.query_one(SearchBar).display = False
        self.query_one(ComparisonGrid).focus()

    # App actions ------------------------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(
            HelpScreen(
                [
                    ("Rows, documents and views", list(ComparisonGrid.BINDINGS)),
                    ("Search bar", list(SearchBar.BINDINGS)),
                    ("Outlet lens (s, v)", list(LensScreen.BINDINGS)),
                    ("Full-text view", [*DocumentView.BINDINGS, *TextSearch.BINDINGS, *FullTextScreen.BINDINGS]),
                    ("Who copied whom (p)", [*ProvenanceTable.BINDINGS, *ProvenanceScreen.BINDINGS]),
                    ("Claims ledger", [*LedgerList.BINDINGS, *LedgerScreen.BINDINGS]),
                    ("App", [*self.BINDINGS, Binding("ctrl+p", "command_palette", "Command palette")]),
                ]
            )
        )

    def action_provenance(self) -> None:
        """Who copied whom: shared verbatim words and aligned rows of every pair of documents."""
        if self.comparison is not None:
            self.push_screen(ProvenanceScreen(self.comparison), self._go_to)

    def action_scroll_detail(self, direction: int) -> None:
        self.query_one(DetailPane).scroll_page(direction)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The views and the detail pane's keys work on the grid's screen only (and the pane when shown)."""
        if action in ("provenance", "scroll_detail"):
            on_grid = self.comparison is not None and bool(self.screen_stack) and self.screen is self.screen_stack[0]
            if action == "scroll_detail":
                return on_grid and any(detail.display for detail in self.query(DetailPane))
            return on_grid
        return True

    def _go_to(self, place: tuple[int, int] | None) -> None:
        """Select (row, document) in the grid, where a view (full text, who copied whom) left off."""
        if place is None or not self.query(ComparisonGrid):
            return
        grid = self.query_one(ComparisonGrid)
        row, doc = place
        grid.select_row(row)
        if doc in grid.visible_docs() and doc != grid.focus_doc:
            grid.focus_doc = doc

    def action_escape(self) -> None:
        """Cancel a comparison still running, else close the detail pane."""
        if self.comparison is None:
            self.workers.cancel_group(self, "compare")
            self.exit(1, return_code=1, message="claimdiff: comparison cancelled")
            return
        detail = self.query_one(DetailPane)
        if detail.display:
            detail.display = False

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if self.comparison is None or not self.query(ComparisonGrid):
            return
        grid = self.query_one(ComparisonGrid)
        for binding in ComparisonGrid.BINDINGS:
            if isinstance(binding, Binding) and not binding.action.startswith("toggle_document("):
                yield SystemCommand(binding.description, f"Key: {binding.key}", _runner(grid, binding.action))
        yield SystemCommand("Who copied whom", "Key: p · shared verbatim text of every pair", self.action_provenance)
        for doc, document in enumerate(self.comparison.documents):
            yield SystemCommand(
                f"Hide / show document {doc + 1}: {single_line(document.label)}",
                "Toggle this document's column",
                _runner(grid, f"toggle_document({doc})"),
            )


def _story(comparison: Comparison) -> Fitted:
    """``claimdiff · 5 documents · 77 rows · 4 conflicts · 53 unique``, fitted: the name goes first."""
    counts = summary_line(comparison).split(" · ")
    return Fitted(parts_of("claimdiff", *counts, priorities=(0, *[2] * (len(counts) - 1), 1)))


def _preview_story(progress: Progress | None) -> Fitted:
    """``claimdiff · the openings of long documents · comparing them whole: aligning 40%``."""
    stage = f": {progress.stage} {round(100 * progress.done / max(progress.total, 1))}%" if progress else "…"
    return Fitted(
        parts_of(
            "claimdiff",
            f"showing each document's first {preview.OPENING:,} characters or so",
            f"comparing them whole{stage}",
            priorities=(0, 2, 1),
        )
    )


def _runner(grid: ComparisonGrid, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await grid.run_action(action)

    return run
