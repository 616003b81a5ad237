"""Search like less and vim: incremental count and highlight without re-layout, next / previous match
from the bar and from the grid, the pattern kept after Esc, and matches off screen brought on screen."""

from __future__ import annotations

from many import SIZE, on_screen_cells, outlets, row_text

from tui.app.app import ClaimdiffApp
from tui.app.grid import ComparisonGrid
from tui.app.search import SearchBar
from tui.app.status import StatusLine
from tui.engine.model import Comparison


def status(app: ClaimdiffApp) -> str:
    return app.query_one(StatusLine).text.plain


def rows_with(comparison: Comparison, needle: str) -> list[int]:
    """Rows where some cell's text holds ``needle``, ignoring case (worked out apart from the app)."""
    found = []
    for number, row in enumerate(comparison.rows):
        texts = [comparison.sentences[cell.doc][index].text for cell in row.cells for index in cell.sentences]
        if any(needle.lower() in " ".join(text.split()).lower() for text in texts):
            found.append(number)
    return found


async def test_typing_counts_matches_as_you_type_without_a_relayout() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        layouts = 0
        relayout = grid._relayout

        def counting(**kwargs: int | None) -> None:
            nonlocal layouts
            layouts += 1
            relayout(**kwargs)

        grid._relayout = counting  # type: ignore[method-assign]
        await pilot.press("slash")
        await pilot.pause()
        layouts = 0  # the bar, opening, took three lines from the grid: that one layout is not typing's
        for length in range(1, len("coast") + 1):
            typed = "coast"[:length]
            await pilot.press(typed[-1])
            expected = rows_with(comparison, typed)
            assert grid.matches.rows == expected
            assert f"search: {typed}, " in status(app)
        assert layouts == 0  # typing restyles the lines on screen, no more
        count = len(rows_with(comparison, "coast"))
        assert f"search: coast, {count} matches" in status(app) or "match 1 of" in status(app)


async def test_enter_and_shift_enter_step_through_matches_and_the_count_follows() -> None:
    comparison = outlets(14)
    matches = rows_with(comparison, "ferry")
    assert len(matches) > 3
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("slash", *"ferry")
        first = grid.selected_row
        assert first == matches[0]  # the first row is a match already
        await pilot.press("enter")
        assert grid.selected_row == matches[1]
        assert f"match 2 of {len(matches)}" in status(app)
        await pilot.press("enter", "enter")
        assert grid.selected_row == matches[3]
        await pilot.press("shift+enter")
        assert grid.selected_row == matches[2]
        assert f"match 3 of {len(matches)}" in status(app)
        await pilot.press("up")
        assert grid.selected_row == matches[1]
        await pilot.press("down")
        assert grid.selected_row == matches[2]


async def test_the_pattern_stays_after_esc_and_the_grid_keys_go_on() -> None:
    comparison = outlets(14)
    matches = rows_with(comparison, "ferry")
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        search = app.query_one(SearchBar)
        await pilot.press("slash", *"ferry", "enter", "escape")
        assert not search.display and grid.has_focus
        assert grid.search_text == "ferry" and f"search: ferry, match 2 of {len(matches)}" in status(app)
        await pilot.press(">")
        assert grid.selected_row == matches[2]
        await pilot.press("<", "<")
        assert grid.selected_row == matches[0]
        await pilot.press("<")  # wraps around to the last match
        assert grid.selected_row == matches[-1]
        await pilot.press("slash")
        assert search.display and search.value == "ferry"  # reopened, it shows the pattern
        await pilot.press("enter")
        assert grid.selected_row == matches[0]


async def test_matches_are_highlighted_in_the_lines_on_screen() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("slash", *"KELO")
        row = grid.selected_row or 0
        top = grid._offsets.tops[grid.cursor] - round(grid.scroll_offset.y)
        segments = [segment for y in range(top, top + 3) for segment in grid.render_line(y)]
        highlighted = [segment.text for segment in segments if segment.style and segment.style.bgcolor]
        assert "Kelo" in highlighted, row_text(grid, row)


async def test_a_match_off_screen_brings_its_column_on_screen() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        last = comparison.documents[13]
        needle = next(
            sentence.text.split("|")[-1].strip()
            for sentence in comparison.sentences[13]
            if sentence.text.startswith("By ")  # the byline names the outlet
        )
        assert 13 not in grid.columns.docs
        await pilot.press("slash", *needle, "enter")
        row = grid.selected_row
        assert row is not None and 13 in comparison.rows[row].docs and 13 in grid.columns.docs
        assert on_screen_cells(grid, row), last.label


async def test_no_match_says_so() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        before = grid.selected_row
        await pilot.press("slash", *"zeppelin", "enter")
        assert "search: zeppelin, no match" in status(app)
        assert grid.selected_row == before
