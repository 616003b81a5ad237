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

from tui.app.detail import DetailPane
from tui.app.factindex import FactIndex
from tui.app.fulltext import FullTextScreen
from tui.app.grid import ComparisonGrid
from tui.app.headers import ColumnHeaders
from tui.app.help import HelpScreen
from tui.app.ledger import LedgerList, LedgerScreen
from tui.app.loading import LoadingView
from tui.app.search import SearchBar
from tui.app.status import StatusLine
from tui.engine.compare import Cancelled, Progress, compare
from tui.engine.model import Comparison, Document
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


class ClaimdiffApp(App[int]):
    """Side-by-side comparison of several articles, walked from the keyboard."""

    CSS_PATH = "claimdiff.tcss"
    TITLE = "claimdiff"

    BINDINGS: ClassVar[list[BindingType]] = [
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

    # Start-up ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(Text(f"claimdiff · comparing {len(self.documents)} documents…"), id="story")
        if self.comparison is None:
            yield LoadingView(len(self.documents), id="loading")
        yield Footer()

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

        try:
            comparison = compare(self.documents, on_progress=report, cancelled=lambda: worker.is_cancelled)
        except Cancelled:
            return
        self.post_message(ComparisonReady(comparison, FactIndex(comparison)))

    def on_comparison_progress(self, message: ComparisonProgress) -> None:
        for view in self.query(LoadingView):
            view.show(message.progress)

    def on_comparison_ready(self, message: ComparisonReady) -> None:
        self._show(message.comparison, message.index)

    def _show(self, comparison: Comparison, index: FactIndex | None = None) -> None:
        """Show a finished comparison; its fact index is built here only when the caller gave none."""
        self.comparison = comparison
        self.index = index if index is not None else FactIndex(comparison)
        for view in self.query(LoadingView):
            view.remove()
        self.query_one("#story", Static).update(Text(f"claimdiff · {summary_line(comparison)}"))
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
        self._refresh_status(message.grid)
        detail = self.query_one(DetailPane)
        if detail.display:
            detail.show_row(message.grid.selected_row)

    def _refresh_status(self, grid: ComparisonGrid) -> None:
        comparison = grid.comparison
        self.query_one(StatusLine).show(
            position=grid.cursor if grid.shown_rows else None,
            shown=len(grid.shown_rows),
            total=len(comparison.rows),
            row_number=grid.selected_row,
            row_filter=grid.row_filter.value,
            focus=grid.focus_doc,
            focus_label=comparison.documents[grid.focus_doc].label,
            hidden=len(grid.hidden),
            search=grid.search_text,
            paging=_paging_note(grid),
            fact=grid.fact_status(),
        )

    @on(ComparisonGrid.ColumnsChanged)
    def _columns_changed(self, message: ComparisonGrid.ColumnsChanged) -> None:
        self.query_one(ColumnHeaders).show(message.columns)
        self._refresh_status(self.query_one(ComparisonGrid))

    @on(ComparisonGrid.DetailToggled)
    def _toggle_detail(self, message: ComparisonGrid.DetailToggled) -> None:
        detail = self.query_one(DetailPane)
        detail.display = not detail.display
        if detail.display:
            detail.show_row(message.grid.selected_row)

    @on(ComparisonGrid.DocumentOpened)
    def _open_document(self, message: ComparisonGrid.DocumentOpened) -> None:
        if self.comparison is not None:
            self.push_screen(FullTextScreen(self.comparison, message.doc, message.sentence))

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

    @on(SearchBar.Changed)
    def _search_changed(self, message: SearchBar.Changed) -> None:
        grid = self.query_one(ComparisonGrid)
        grid.set_search(message.value)
        self._refresh_status(grid)

    @on(SearchBar.Submitted)
    def _search_next(self) -> None:
        grid = self.query_one(ComparisonGrid)
        if not grid.next_match():
            self.bell()
            self.notify("No row matches the search", timeout=2)

    @on(SearchBar.Closed)
    def _close_search(self) -> None:
        search = self.query_one(SearchBar)
        search.display = False
        grid = self.query_one(ComparisonGrid)
        search.value = ""
        grid.set_search("")
        self._refresh_status(grid)
        grid.focus()

    # App actions ------------------------------------------------------------------------------

    def action_help(self) -> None:
        self.push_screen(
            HelpScreen(
                [
                    ("Rows, documents and views", list(ComparisonGrid.BINDINGS)),
                    ("Search bar", list(SearchBar.BINDINGS)),
                    ("Full-text view", list(FullTextScreen.BINDINGS)),
                    ("Claims ledger", [*LedgerList.BINDINGS, *LedgerScreen.BINDINGS]),
                    ("App", [*self.BINDINGS, Binding("ctrl+p", "command_palette", "Command palette")]),
                ]
            )
        )

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
        for doc, document in enumerate(self.comparison.documents):
            yield SystemCommand(
                f"Hide / show document {doc + 1}: {single_line(document.label)}",
                "Toggle this document's column",
                _runner(grid, f"toggle_document({doc})"),
            )


def _paging_note(grid: ComparisonGrid) -> str:
    columns = grid.columns
    if not columns.paged:
        return ""
    first = columns.shown_from + 1
    return f"documents {first}–{first + len(columns.docs) - 1} of {columns.not_hidden} (Tab pages)"


def _runner(grid: ComparisonGrid, action: str) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await grid.run_action(action)

    return run
