"""The detail pane: as tall as its row, scrolled from the keyboard, claims of many outlets by value."""

from __future__ import annotations

import io

import pytest
from outlets import make_outlets
from rich.console import Console

from tui.app.app import ClaimdiffApp
from tui.app.detail import DetailPane, _Claims, _claims_table, render_detail
from tui.app.factindex import FactIndex
from tui.app.grid import ComparisonGrid
from tui.engine.compare import compare
from tui.engine.model import Comparison, RowKind

SIZE = (160, 48)


@pytest.fixture(scope="module")
def outlets_comparison() -> Comparison:
    return compare(make_outlets(14))


def docs_with_values(comparison: Comparison, number: int) -> set[int]:
    index = FactIndex(comparison)
    row = comparison.rows[number]
    return {
        cell.doc
        for cell in row.cells
        for sentence in cell.sentences
        for claim in comparison.claims.get((cell.doc, sentence), [])
        if (cell.doc, claim.start, claim.end) in index.fact_of
    }


def widest_conflict(comparison: Comparison) -> int:
    """The conflict row that holds most documents (every outlet's toll, in the ferry story)."""
    rows = [number for number, row in enumerate(comparison.rows) if row.kind is RowKind.CONFLICT]
    return max(rows, key=lambda number: len(comparison.rows[number].cells))


def shown(renderable: object, width: int) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_the_claims_table_has_a_column_only_for_documents_that_state_a_value(seeds_comparison: Comparison) -> None:
    number = next(
        n
        for n, row in enumerate(seeds_comparison.rows)
        if 0 < len(docs_with_values(seeds_comparison, n)) < len(row.cells)
    )
    claims = _claims_table(seeds_comparison, number, FactIndex(seeds_comparison))
    assert isinstance(claims, _Claims)
    headers = [str(column.header).split(" ")[0] for column in claims.table.columns[1:]]
    assert headers == [str(doc + 1) for doc in sorted(docs_with_values(seeds_comparison, number))]


def test_many_outlets_claims_read_by_value(outlets_comparison: Comparison) -> None:
    """Fourteen outlets give the toll: one line per fact, each value once with its documents, the
    clashing 12 of outlet 6 among them; nothing cut."""
    number = widest_conflict(outlets_comparison)
    assert len(outlets_comparison.rows[number].cells) == 14
    text = shown(render_detail(outlets_comparison, number), 160)
    claims = text[text.index("Claims") :].splitlines()
    dead = next(line for line in claims if line.startswith("≠ "))
    assert "15 ×10 (" in dead and "12 ×1 (6)" in dead
    assert "…" not in "".join(claims)
    assert all(len(line.rstrip()) <= 160 for line in text.splitlines())
    narrow = shown(render_detail(outlets_comparison, number), 80)
    assert "12 ×1 (6)" in narrow  # the line wraps under its values, it is not cut


async def test_the_pane_is_as_tall_as_its_row_up_to_half_the_screen(outlets_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=outlets_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        detail = app.query_one(DetailPane)
        unique = next(n for n, row in enumerate(outlets_comparison.rows) if row.kind is RowKind.UNIQUE)
        grid.select_row(unique)
        await pilot.press("enter")
        await pilot.pause()
        assert detail.display and detail.row_number == unique
        assert detail.outer_size.height <= 6  # a rule, the head line and one sentence: no blank lines
        grid.select_row(widest_conflict(outlets_comparison))
        await pilot.pause()
        assert SIZE[1] // 2 - 2 <= detail.outer_size.height <= SIZE[1] // 2  # half the screen, the footer aside
        assert detail.max_scroll_y > 0  # the rest scrolls


@pytest.mark.parametrize(("down", "up"), [("J", "K"), ("ctrl+d", "ctrl+u")])
async def test_keys_scroll_the_pane_while_the_grid_keeps_the_focus(
    outlets_comparison: Comparison, down: str, up: str
) -> None:
    app = ClaimdiffApp(comparison=outlets_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        detail = app.query_one(DetailPane)
        row = widest_conflict(outlets_comparison)
        grid.select_row(row)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(down)
        await pilot.pause()
        assert detail.scroll_y > 0
        assert grid.has_focus and grid.selected_row == row
        await pilot.press(up)
        await pilot.pause()
        assert detail.scroll_y == 0


async def test_the_scroll_keys_do_nothing_while_the_pane_is_closed(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("J", "K")
        assert not app.query_one(DetailPane).display and grid.selected_row == 0
        assert app.check_action("scroll_detail", (1,)) is False
