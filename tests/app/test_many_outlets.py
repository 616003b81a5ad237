"""Fourteen (and twenty) outlets on one screen, driven with Pilot: folded rows, the presence strip,
headers that count documents off screen, paging, and jumps that bring their evidence on screen."""

from __future__ import annotations

from pathlib import Path

from many import SIZE, on_screen_cells, outlets, row_text
from textual import on

import tui.app.app as app_module
from tui.app.app import ClaimdiffApp
from tui.app.evidence import clash_groups
from tui.app.grid import ComparisonGrid
from tui.app.gridstate import GridState, OffScreen
from tui.app.headers import ColumnHeaders
from tui.app.presence import doc_numbers
from tui.app.status import StatusLine, status_text
from tui.engine.model import Comparison, RowKind


def status(app: ClaimdiffApp) -> str:
    return app.query_one(StatusLine).text.plain


def headers(app: ClaimdiffApp) -> list[str]:
    widget = app.query_one(ColumnHeaders)
    return [widget.render_line(y).text for y in range(2)]


def strip_of(grid: ComparisonGrid, row: int) -> str:
    """The presence strip drawn in ``row``'s first line (after the mark and a space)."""
    return row_text(grid, row)[0][2 : 2 + len(grid.columns.visible)]


def assert_not_blank(grid: ComparisonGrid) -> None:
    """The selected row has a cell on screen, or is a folded line that names its documents."""
    row = grid.selected_row
    assert row is not None
    if on_screen_cells(grid, row):
        return
    assert row in grid.away and grid.off_screen is OffScreen.FOLD
    assert "◦ held by " in row_text(grid, row)[0]


async def test_fourteen_outlets_page_columns_and_show_the_strip() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        fit = len(grid.columns.docs)
        assert 1 < fit < 14 and grid.columns.width >= 24
        assert grid.columns.docs == tuple(range(fit)) and grid.columns.strip
        assert grid.columns.gutter == 2 + 14 + 1  # the mark, a space, one cell per document, a space


async def test_the_cursor_starts_on_a_row_with_a_cell_on_screen() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        row = grid.selected_row
        assert row is not None and on_screen_cells(grid, row)


async def test_j_and_k_stop_on_rows_with_cells_or_on_folded_lines_never_on_blank_ones() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        assert grid.away  # some rows are held only by documents off screen
        seen = set()
        for _ in range(len(comparison.rows) + 2):
            assert_not_blank(grid)
            seen.add(grid.selected_row)
            await pilot.press("j")
        assert seen == set(range(len(comparison.rows)))  # every row is a stop, folded ones as one line each
        for index, row in enumerate(grid.shown_rows):
            if row in grid.away:
                assert grid._offsets.heights[index] in (1, 2)  # one line, and a rule after the last of a run
        await pilot.press("z")  # hide them: j and k only meet rows with a cell on screen
        assert grid.off_screen is OffScreen.HIDE
        for _ in range(len(grid.shown_rows) + 1):
            assert on_screen_cells(grid, grid.selected_row or 0)
            await pilot.press("k")


async def test_a_folded_row_lists_the_documents_that_hold_it() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        row = min(grid.away)
        holders = comparison.rows[row].docs
        assert not set(holders) & set(grid.columns.docs)
        first = comparison.sentences[holders[0]][comparison.rows[row].cells[0].sentences[0]].text
        lines = row_text(grid, row)
        assert f"◦ held by {doc_numbers(holders)} (off screen): {first[:20]}" in lines[0]
        assert len(lines) in (1, 2)


async def test_z_hides_rows_off_screen_and_brings_them_back() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        away = set(grid.away)
        await pilot.press("z")
        assert not away & set(grid.shown_rows)
        assert len(grid.shown_rows) == len(comparison.rows) - len(away)
        assert f"{len(away)} rows off screen hidden (z folds)" in status(app)
        await pilot.press("z")
        assert grid.shown_rows == list(range(len(comparison.rows)))
        assert f"{len(away)} rows off screen folded (z hides)" in status(app)


async def test_the_presence_strip_marks_every_document_of_a_row() -> None:
    comparison = outlets(14)
    conflict = next(number for number, row in enumerate(comparison.rows) if row.kind is RowKind.CONFLICT)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        row = comparison.rows[conflict]
        clashing = {doc for group in clash_groups(row) for doc in group}
        expected = "".join("≠" if doc in clashing else "•" if doc in row.docs else "·" for doc in range(14))
        assert strip_of(grid, conflict) == expected
        assert "≠" in expected and "·" in expected
        unique = next(number for number, row in enumerate(comparison.rows) if row.kind is RowKind.UNIQUE)
        doc = comparison.rows[unique].docs[0]
        assert strip_of(grid, unique) == "·" * doc + "•" + "·" * (13 - doc)


async def test_no_strip_when_every_document_is_on_screen() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=(400, 48)) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        assert grid.columns.docs == tuple(range(14)) and not grid.columns.strip and not grid.away
        assert "showing" not in status(app)


async def test_headers_count_the_documents_off_screen_on_each_side() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        fit = len(grid.columns.docs)
        top, _ = headers(app)
        assert top.rstrip().endswith(f"{14 - fit} more ▶") and "◀" not in top
        await pilot.press("]")
        top, _ = headers(app)
        assert f"◀ {fit} more" in top and top.rstrip().endswith(f"{14 - 2 * fit} more ▶")
        digits = headers(app)
        start = 2
        assert digits[0][start : start + 14] == " " * 9 + "11111"  # the document numbers over the strip
        assert digits[1][start : start + 14] == "12345678901234"


async def test_brackets_page_through_the_documents_a_screenful_at_a_time() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        fit = len(grid.columns.docs)
        await pilot.press("]")
        assert grid.columns.docs == tuple(range(fit, 2 * fit))
        assert grid.focus_doc == fit  # the focus keeps its place among the columns
        assert f"showing {doc_numbers(range(fit, 2 * fit))} of 14 ([ ] pages)" in status(app)
        for _ in range(5):
            await pilot.press("]")
        assert grid.columns.docs == tuple(range(14 - fit, 14))  # the last page is a full screen
        await pilot.press("[", "[", "[", "[")
        assert grid.columns.docs == tuple(range(fit))


async def test_tab_walks_every_document_and_slides_the_columns() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        for doc in range(1, 14):
            await pilot.press("tab")
            assert grid.focus_doc == doc and doc in grid.columns.docs
        await pilot.press("tab")
        assert grid.focus_doc == 0 and 0 in grid.columns.docs


async def test_n_brings_both_sides_of_the_clash_on_screen() -> None:
    comparison = outlets(14)
    conflicts = [number for number, row in enumerate(comparison.rows) if row.kind is RowKind.CONFLICT]
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        for number in conflicts:
            await pilot.press("n")
            assert grid.selected_row == number
            groups = clash_groups(comparison.rows[number])
            assert len(groups) >= 2
            for group in groups[: len(grid.columns.docs)]:
                assert set(group) & set(grid.columns.docs), (group, grid.columns.docs)
            assert grid.focus_doc in grid.columns.docs
            assert set(grid.columns.docs) <= set(comparison.rows[number].docs)  # no column left blank
            assert_not_blank(grid)


async def test_u_brings_the_unique_rows_document_on_screen() -> None:
    comparison = outlets(14)
    unique = [number for number, row in enumerate(comparison.rows) if row.kind is RowKind.UNIQUE]
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        await pilot.press("z")  # even with the rows off screen hidden, u finds them
        for number in unique:
            await pilot.press("u")
            assert grid.selected_row == number
            assert on_screen_cells(grid, number) == comparison.rows[number].docs


async def test_m_and_the_ledger_bring_the_mention_on_screen() -> None:
    comparison = outlets(14)
    fact = comparison.facts[0]
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        await pilot.press("c", "enter")
        places = grid.index.places[fact.id]
        assert (grid.selected_row, grid.focus_doc) == (places[0].row, places[0].doc)
        for place in places[1:8]:
            await pilot.press("m")
            assert (grid.selected_row, grid.focus_doc) == (place.row, place.doc)
            assert place.doc in grid.columns.docs
            assert_not_blank(grid)


async def test_b_brings_a_folded_rows_documents_on_screen() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        folded = min(grid.away)
        grid.move_to(grid.shown_rows.index(folded))
        await pilot.press("b")
        assert grid.selected_row == folded and folded not in grid.away
        assert on_screen_cells(grid, folded)


async def test_the_status_line_counts_documents_by_their_numbers() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        fit = len(grid.columns.docs)
        assert f"showing 1–{fit} of 14 ([ ] pages)" in status(app)
        await pilot.press(*"345")  # hide documents 3, 4 and 5
        assert grid.columns.docs == (0, 1, *range(5, 5 + fit - 2))
        assert f"showing {doc_numbers(grid.columns.docs)} of 14" in status(app)
        assert "showing 1, 2, 6–" in status(app) and "3 hidden" in status(app)
        assert status(app) == status_text(grid.state).plain  # the status line is drawn from the state


class RecordingApp(ClaimdiffApp):
    """The app, keeping every state the grid sends."""

    CSS_PATH = str(Path(app_module.__file__).with_name("claimdiff.tcss"))

    def __init__(self, comparison: Comparison) -> None:
        super().__init__(comparison=comparison)
        self.states: list[GridState] = []

    @on(ComparisonGrid.CursorMoved)
    def _record(self, message: ComparisonGrid.CursorMoved) -> None:
        self.states.append(message.state)


async def test_the_grid_sends_its_state_and_the_status_line_is_drawn_from_it() -> None:
    app = RecordingApp(outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        await pilot.press("n")
        await pilot.pause()
        state = app.states[-1]
        assert state == grid.state
        assert state.row == grid.selected_row and state.on_screen == grid.columns.docs
        assert state.fact is not None and state.fact.position is not None
        assert status(app) == status_text(state).plain


async def test_every_size_draws_lines_the_width_of_the_screen() -> None:
    for count, size in ((14, (40, 12)), (14, (80, 24)), (20, (80, 24)), (14, (300, 100)), (20, (60, 20))):
        app = ClaimdiffApp(comparison=outlets(count))
        async with app.run_test(size=size) as pilot:
            await pilot.press("n", "]", "z", "z", "j")
            grid = app.query_one(ComparisonGrid)
            width = grid.scrollable_content_region.width
            for y in range(grid.scrollable_content_region.height):
                assert grid.render_line(y).cell_length == width, (count, size, y)
            for line in headers(app):
                assert len(line) == app.query_one(ColumnHeaders).size.width, (count, size, line)
            assert grid.columns.width >= 24 or len(grid.columns.docs) == 1
