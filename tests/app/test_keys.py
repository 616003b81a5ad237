"""Every key of the grid on the seeds, driven with Pilot: the selected row, filter and focus."""

from __future__ import annotations

import io

from rich.console import Console
from seed_rows import conflict_rows, gpu_row, keys_to_gpu_row

from tui.app.app import ClaimdiffApp
from tui.app.detail import DetailPane, render_detail
from tui.app.fulltext import DocumentView, FullTextScreen
from tui.app.grid import ComparisonGrid, RowFilter
from tui.app.help import HelpScreen
from tui.app.search import SearchBar
from tui.engine.model import Comparison, RowKind

SIZE = (160, 48)


def unique_rows(comparison: Comparison) -> list[int]:
    return [number for number, row in enumerate(comparison.rows) if row.kind is RowKind.UNIQUE]


async def test_rows_move_with_j_k_and_arrows(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        assert grid.selected_row == 0
        await pilot.press("j", "down", "j")
        assert grid.selected_row == 3
        await pilot.press("k", "up")
        assert grid.selected_row == 1
        await pilot.press("k", "k")
        assert grid.selected_row == 0  # stays at the top


async def test_n_and_shift_n_walk_conflicts(seeds_comparison: Comparison) -> None:
    conflicts = conflict_rows(seeds_comparison)
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("n")
        assert grid.selected_row == conflicts[0]
        await pilot.press("G", "N")
        assert grid.selected_row == conflicts[-1]


async def test_u_and_shift_u_walk_unique_rows(seeds_comparison: Comparison) -> None:
    unique = unique_rows(seeds_comparison)
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("u")
        assert grid.selected_row == next(n for n in unique if n > 0)
        await pilot.press("u", "U")
        assert grid.selected_row == next(n for n in unique if n > 0)


async def test_first_last_and_pages(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("G")
        assert grid.selected_row == len(seeds_comparison.rows) - 1
        await pilot.press("g")
        assert grid.selected_row == 0
        await pilot.press("end")
        assert grid.selected_row == len(seeds_comparison.rows) - 1
        await pilot.press("home", "pagedown")
        after_page = grid.selected_row
        assert after_page is not None and after_page > 1
        await pilot.press("pagedown")
        assert grid.selected_row is not None and grid.selected_row > after_page
        await pilot.press("pageup", "pageup")
        assert grid.selected_row == 0


async def test_document_focus_moves_with_tab_l_h_and_arrows(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        assert grid.focus_doc == 0
        await pilot.press("tab", "l", "right")
        assert grid.focus_doc == 3
        await pilot.press("shift+tab", "h")
        assert grid.focus_doc == 1
        await pilot.press("left", "left")
        assert grid.focus_doc == 4  # wraps around


async def test_f_cycles_the_filter(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        kinds = []
        for expected in (RowFilter.CONFLICTS, RowFilter.UNIQUE, RowFilter.SHARED, RowFilter.ALL):
            await pilot.press("f")
            assert grid.row_filter is expected
            kinds.append({seeds_comparison.rows[n].kind for n in grid.shown_rows})
        assert kinds[0] == {RowKind.CONFLICT}
        assert kinds[1] == {RowKind.UNIQUE}
        assert kinds[2] == {RowKind.SHARED}
        assert len(grid.shown_rows) == len(seeds_comparison.rows)


async def test_filter_keeps_the_selected_row_when_it_still_shows(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("n")
        selected = grid.selected_row
        await pilot.press("f")
        assert grid.selected_row == selected


async def test_enter_toggles_the_detail_pane(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        detail = app.query_one(DetailPane)
        assert not detail.display
        await pilot.press(*keys_to_gpu_row(seeds_comparison), "enter")
        assert detail.display
        assert detail.row_number == gpu_row(seeds_comparison)
        console = Console(width=160, record=True, file=io.StringIO())
        console.print(render_detail(seeds_comparison, detail.row_number))
        shown = console.export_text()
        assert "≠ GPUs" in shown and "nearly 10,000" in shown and "100,000" in shown
        await pilot.press("enter")
        assert not detail.display


async def test_o_opens_the_full_text_at_the_row_and_escape_returns(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press(*keys_to_gpu_row(seeds_comparison), "tab", "tab", "o")
        assert isinstance(app.screen, FullTextScreen)
        view = app.screen.query_one(DocumentView)
        assert view.doc == 2
        assert "100,000 GPUs" in seeds_comparison.sentences[2][view.sentence].text
        await pilot.press("escape")
        assert not isinstance(app.screen, FullTextScreen)
        assert grid.selected_row == gpu_row(seeds_comparison)
        assert grid.focus_doc == 2


async def test_digits_hide_and_show_documents(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("2", "4")
        assert grid.hidden == frozenset({1, 3})
        assert grid.columns.docs == (0, 2, 4)
        assert all(any(cell.doc in {0, 2, 4} for cell in seeds_comparison.rows[n].cells) for n in grid.shown_rows)
        await pilot.press("2")
        assert grid.hidden == frozenset({3})
        await pilot.press("9")
        assert grid.hidden == frozenset({3})  # there is no ninth document


async def test_slash_searches_and_enter_jumps_to_the_next_match(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("slash")
        search = app.query_one(SearchBar)
        assert search.display and search.has_focus
        await pilot.press(*"Microsoft")
        await pilot.press("enter")
        row = seeds_comparison.rows[grid.selected_row or 0]
        assert any("Microsoft" in seeds_comparison.sentences[c.doc][i].text for c in row.cells for i in c.sentences)
        await pilot.press("escape")
        assert not search.display and grid.has_focus
        assert grid.search_text == "Microsoft"  # the pattern stays for > and <, and shows when / reopens


async def test_question_mark_shows_help_built_from_bindings(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_clicking_selects_a_row_and_a_column(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        start = grid.columns.starts[2]
        await pilot.click(ComparisonGrid, offset=(start + 2, 12))
        assert grid.focus_doc == 2
        assert grid.selected_row is not None and grid.selected_row > 0


async def test_resizing_keeps_the_selected_row(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("n")
        selected = grid.selected_row
        for size in ((80, 24), (40, 12), (300, 100), (160, 48)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert grid.selected_row == selected
        assert grid.columns.docs == (0, 1, 2, 3, 4)


async def test_narrow_terminal_pages_through_documents(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=(80, 24)) as pilot:
        grid = app.query_one(ComparisonGrid)
        assert len(grid.columns.docs) < 5 and grid.columns.width >= 24
        await pilot.press("tab", "tab", "tab", "tab")
        assert grid.focus_doc == 4
        assert 4 in grid.columns.docs


async def test_the_app_computes_in_a_worker_and_shows_the_grid(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(seeds_comparison.documents)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        grid = app.query_one(ComparisonGrid)
        assert len(grid.comparison.rows) == len(seeds_comparison.rows)


async def test_headers_and_full_text_give_the_publication_date(seeds_comparison: Comparison) -> None:
    from tui.app.headers import ColumnHeaders

    dated = next(doc for doc, document in enumerate(seeds_comparison.documents) if document.published)
    published = seeds_comparison.documents[dated].published
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        headers = app.query_one(ColumnHeaders)
        assert published in headers.render_line(1).text
        grid = app.query_one(ComparisonGrid)
        while grid.focus_doc != dated:
            await pilot.press("tab")
        await pilot.press("o")
        await pilot.pause()
        assert published in app.screen.query_one("#fulltext-title").render_line(0).text
