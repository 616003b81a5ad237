"""NO_COLOR: the app drops colour, and what colour told is still told by glyphs and text styles."""

from __future__ import annotations

import pytest
from seed_rows import keys_to_gpu_row

from tui.app.app import ClaimdiffApp
from tui.app.grid import ComparisonGrid
from tui.engine.model import Comparison


async def test_no_color_keeps_marks_and_conflict_styles(
    seeds_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=(160, 48)) as pilot:
        assert app.no_color
        grid = app.query_one(ComparisonGrid)
        await pilot.press(*keys_to_gpu_row(seeds_comparison))
        top = grid._offsets.tops[grid.cursor] - round(grid.scroll_offset.y)
        height = grid._offsets.heights[grid.cursor]
        assert next(iter(grid.render_line(top))).text == "≠"
        segments = [segment for y in range(top, top + height) for segment in grid.render_line(y)]
        clashing = [segment for segment in segments if segment.text.startswith("10,000")]
        assert clashing and all(segment.style is not None and segment.style.bold for segment in clashing)
        differing = [segment for segment in segments if segment.text == "to"]
        assert differing and differing[0].style is not None and differing[0].style.underline
