"""Who copied whom in the app: p opens the matrix, the cursor walks it, Enter goes to the grid."""

from __future__ import annotations

import io

import pytest
from outlets import make_outlets
from rich.console import Console
from textual.command import CommandPalette
from textual.coordinate import Coordinate
from textual.widgets import Static

from tui.app.app import ClaimdiffApp
from tui.app.grid import ComparisonGrid
from tui.app.help import HelpScreen
from tui.app.provenance import ProvenanceScreen, ProvenanceTable
from tui.engine.compare import compare
from tui.engine.model import Comparison
from tui.engine.provenance import provenance

SIZE = (160, 48)


def card_text(screen: ProvenanceScreen) -> str:
    """The pair's card as plain text."""
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(screen.query_one("#provenance-card-body", Static).content)
    return console.export_text()


@pytest.fixture(scope="module")
def outlets_comparison() -> Comparison:
    return compare(make_outlets(14))


async def open_provenance(app: ClaimdiffApp, pilot: object) -> ProvenanceScreen:
    await pilot.press("p")  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, ProvenanceScreen)
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
    assert screen.result is not None
    return screen


async def test_p_shows_every_pair_in_the_clustered_order(outlets_comparison: Comparison) -> None:
    expected = provenance(outlets_comparison)
    app = ClaimdiffApp(comparison=outlets_comparison)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_provenance(app, pilot)
        table = screen.query_one(ProvenanceTable)
        assert table.row_count == len(table.columns) == 14
        assert [int(str(key.value)) for key in table.rows] == list(expected.order)
        a, b = expected.order[0], expected.order[1]
        cell = str(table.get_cell_at(Coordinate(0, 1)))
        pair = expected.pair(a, b)
        assert cell.strip() == f"{'●' if pair.copied else ''}{pair.words}/{pair.rows}"
        assert str(table.get_cell_at(Coordinate(0, 0))).strip() == "—"
        # The cursor starts on the pair that shares most: two of the wire outlets.
        assert screen.highlighted_pair() is not None
        assert set(screen.highlighted_pair() or ()) == set(expected.strongest() or ())
        assert set(expected.strongest() or ()) <= {2, 3, 4}
        card = card_text(screen)
        assert "copied verbatim" in card and "shared words" in card


async def test_the_cursor_moves_with_hjkl_and_the_card_follows(outlets_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=outlets_comparison)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_provenance(app, pilot)
        table = screen.query_one(ProvenanceTable)
        await pilot.press("g")
        start = table.cursor_coordinate
        await pilot.press("j", "l", "l")
        assert (table.cursor_coordinate.row, table.cursor_coordinate.column) == (start.row + 1, start.column + 2)
        await pilot.press("h", "k")
        assert (table.cursor_coordinate.row, table.cursor_coordinate.column) == (start.row, start.column + 1)
        a, b = screen.highlighted_pair() or (0, 0)
        card = card_text(screen)
        assert f"{a + 1} {outlets_comparison.documents[a].label} ↔ {b + 1}" in card


async def test_enter_goes_to_the_row_of_the_longest_shared_passage(outlets_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=outlets_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        screen = await open_provenance(app, pilot)
        a, b = screen.highlighted_pair() or (0, 0)
        target = screen.target(a, b)
        assert target is not None
        await pilot.press("enter")
        assert not isinstance(app.screen, ProvenanceScreen)
        row = outlets_comparison.rows[target[0]]
        assert grid.selected_row == target[0] and {a, b} <= set(row.docs)
        assert grid.focus_doc == a


async def test_escape_returns_and_p_is_only_offered_on_the_grid(outlets_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=outlets_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await open_provenance(app, pilot)
        assert app.check_action("provenance", ()) is False  # no second matrix over the first
        await pilot.press("escape")
        assert app.screen.query_one(ComparisonGrid) is grid and grid.selected_row == 0
        assert app.check_action("provenance", ()) is True


async def test_help_and_palette_offer_the_view(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        commands = [command.title for command in app.get_system_commands(app.screen)]
        assert "Who copied whom" in commands
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        titles = [title for title, _ in app.screen.sections]
        assert "Who copied whom (p)" in titles
        await pilot.press("escape", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)


async def test_twenty_outlets_fit_160_columns_and_scroll_at_80() -> None:
    comparison = compare(make_outlets(20))
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        table = (await open_provenance(app, pilot)).query_one(ProvenanceTable)
        assert len(table.columns) == 20 and table.max_scroll_x == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert table.max_scroll_x > 0 and table.max_scroll_y > 0
        await pilot.press("G", "end")
        assert table.cursor_coordinate.row == 19
