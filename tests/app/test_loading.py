"""While the comparison runs: the loading view, its progress, cancelling, and resizing meanwhile."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from textual.widgets import Label

from tui.app import preview
from tui.app.app import ClaimdiffApp
from tui.app.grid import ComparisonGrid
from tui.app.loading import LoadingView
from tui.app.rowtext import RowTexts
from tui.engine import compare as compare_module
from tui.engine.compare import compare
from tui.engine.model import Comparison, Document
from tui.engine.progress import Cancelled, Progress


class HeldComparison:
    """A stand-in for ``compare`` that reports a stage and then waits until released."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.reported = threading.Event()

    def __call__(
        self,
        documents: Sequence[Document],
        *,
        on_progress: Callable[[Progress], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        **_: object,
    ) -> Comparison:
        assert on_progress is not None and cancelled is not None
        on_progress(Progress("aligning", 3, 10))
        self.reported.set()
        while not self.release.wait(0.01):
            if cancelled():
                raise Cancelled
        return compare(documents)


async def test_the_loading_view_shows_progress_and_escape_cancels(
    seeds_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldComparison()
    monkeypatch.setattr(compare_module, "compare", held)
    app = ClaimdiffApp(seeds_comparison.documents)
    async with app.run_test(size=(100, 30)) as pilot:
        assert held.reported.wait(5)
        await pilot.pause(0.1)
        view = app.query_one(LoadingView)
        assert str(view.query_one("#loading-stage", Label).render()) == "aligning"
        assert str(view.query_one("#loading-title", Label).render()) == "Comparing 5 documents…"
        await pilot.press("escape")
        await pilot.pause(0.1)
    assert app.return_code == 1
    assert not app.query(ComparisonGrid)


async def test_resizing_while_loading_then_showing_the_grid(
    seeds_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = HeldComparison()
    monkeypatch.setattr(compare_module, "compare", held)
    app = ClaimdiffApp(seeds_comparison.documents)
    async with app.run_test(size=(160, 48)) as pilot:
        assert held.reported.wait(5)
        for size in ((40, 12), (300, 100), (80, 24), (40, 12), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        held.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        assert grid.selected_row == 0
        assert len(grid.columns.docs) == 4  # 120 columns hold four of 24 or more
        await pilot.press("n")
        assert grid.comparison.rows[grid.selected_row or 0].kind.value == "conflict"


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (160, 48), (300, 100)])
async def test_every_size_draws_lines_no_wider_than_the_screen(
    seeds_comparison: Comparison, size: tuple[int, int]
) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=size) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("n", "enter", "tab", "j")
        width = grid.scrollable_content_region.width
        for y in range(grid.scrollable_content_region.height):
            assert grid.render_line(y).cell_length == width
        assert grid.columns.width >= 24 or len(grid.columns.docs) == 1


async def test_the_rows_are_wrapped_once_at_the_real_width(
    seeds_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grid's first layout waits for its real size: no row is wrapped at a guessed width first."""
    widths: list[int] = []
    line_count = RowTexts.line_count

    def counted(self: RowTexts, row: int, doc: int, width: int) -> int:
        if not widths or widths[-1] != width:
            widths.append(width)
        return line_count(self, row, doc, width)

    monkeypatch.setattr(RowTexts, "line_count", counted)
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        assert widths == [grid.columns.width]
        assert grid.shown_rows and grid.virtual_size.height > len(grid.shown_rows)


class HeldWhole:
    """``compare`` that runs at once for the documents' openings and holds the whole comparison until released."""

    def __init__(self, whole: Sequence[Document]) -> None:
        self.release = threading.Event()
        self.whole = list(whole)

    def __call__(self, documents: Sequence[Document], **options: Any) -> Comparison:
        if list(documents) == self.whole:
            while not self.release.wait(0.01):
                if options["cancelled"]():
                    raise Cancelled
        return compare(documents)


async def test_long_documents_show_their_openings_first_then_the_whole(
    seeds_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above PREVIEW_ABOVE characters the openings are on screen while the whole runs; then the whole
    replaces them, with the cursor on the same sentence."""
    monkeypatch.setattr(preview, "PREVIEW_ABOVE", 1_000)
    monkeypatch.setattr(preview, "OPENING", 600)
    held = HeldWhole(seeds_comparison.documents)
    monkeypatch.setattr(compare_module, "compare", held)
    app = ClaimdiffApp(seeds_comparison.documents)
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.query(ComparisonGrid):
                break
        grid = app.query_one(ComparisonGrid)
        assert app.previewing and app.comparison is not None
        assert all(len(d.text) < 1_000 for d in app.comparison.documents)
        assert "showing each document's first 600 characters or so" in app.query_one("#story").render_line(0).text
        await pilot.press("j", "j", "j")
        row = grid.comparison.rows[grid.shown_rows[grid.cursor]]
        doc, start = row.cells[0].doc, grid.comparison.sentences[row.cells[0].doc][row.cells[0].sentences[0]].start
        held.release.set()
        await app.workers.wait_for_complete()
        for _ in range(20):
            await pilot.pause(0.05)
            if not app.previewing:
                break
        await pilot.pause()
        assert app.comparison == seeds_comparison
        assert "5 documents" in app.query_one("#story").render_line(0).text
        whole = app.query_one(ComparisonGrid)
        assert whole is not grid and len(app.query(ComparisonGrid)) == 1
        selected = whole.comparison.rows[whole.shown_rows[whole.cursor]]
        assert any(
            cell.doc == doc and seeds_comparison.sentences[doc][index].start == start
            for cell in selected.cells
            for index in cell.sentences
        )
