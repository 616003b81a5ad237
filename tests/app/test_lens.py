"""The outlet lens (s) and its pair mode (v), driven with Pilot on many outlets; fuzzy ranking unit-tested."""

from __future__ import annotations

from many import SIZE, outlets
from textual.widgets import Input

from tui.app.app import ClaimdiffApp
from tui.app.fuzzy import rank
from tui.app.grid import ComparisonGrid
from tui.app.lens import LensList, LensScreen
from tui.app.status import StatusLine
from tui.engine.model import Document


def lens(app: ClaimdiffApp) -> LensScreen:
    screen = app.screen
    assert isinstance(screen, LensScreen)
    return screen


def listed(app: ClaimdiffApp) -> list[int]:
    return lens(app).query_one(LensList).listed


def doc(label: str, title: str = "", number: int = 0) -> Document:
    return Document(id=f"d{number}", path=label, label=label, title=title, text="x")


def test_rank_is_fuzzy_over_number_label_and_title() -> None:
    documents = [
        doc("00_harbour-herald.txt", "Harbour Herald: ferry disaster at Kelo"),
        doc("01_coastal-times.txt", "Ferry sinks off Kelo Island, 15 dead"),
        doc("02_daily-beacon.txt", "Daily Beacon: ferry disaster at Kelo"),
        doc("11_metro-bulletin.txt", "Ferry sinks"),
    ]
    assert rank("", documents) == [0, 1, 2, 3]
    assert rank("beacon", documents) == [2]
    assert rank("cstl tms", documents) == [1]  # letters in order, spaces ignored
    assert rank("metro", documents) == [3]
    assert rank("4", documents)[0] == 3  # a document's number puts it first
    assert rank("herald", documents) == [0]
    assert rank("zzz", documents) == []
    assert rank("kelo", documents)[:3] == [0, 1, 2]  # whole words score the same: document order


def test_rank_uses_a_site_when_the_document_has_one() -> None:
    class Sited:
        def __init__(self, label: str, site: str) -> None:
            self.label, self.title, self.site = label, "", site

    documents = [Sited("a.html", "Harbour Herald"), Sited("b.html", "Coastal Times")]
    assert rank("coastal", documents) == [1]  # type: ignore[arg-type]


async def test_s_opens_the_lens_and_typing_filters_fuzzily() -> None:
    comparison = outlets(14)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, LensScreen)
        assert listed(app) == list(range(14))
        assert lens(app).checked == set(range(14))
        await pilot.press(*"beacon")
        assert listed(app) == rank("beacon", comparison.documents)
        assert listed(app)[0] == 2
        await pilot.press("escape")
        assert not isinstance(app.screen, LensScreen)
        assert app.query_one(ComparisonGrid).hidden == frozenset()  # Esc changes nothing


async def test_space_checks_several_and_enter_shows_only_them() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("s", "ctrl+t")  # every document was checked: uncheck all
        assert lens(app).checked == set()
        await pilot.press(*"beacon", "space")
        lens(app).query_one(Input).value = ""
        await pilot.pause()
        await pilot.press(*"metro", "space")
        await pilot.press("ctrl+u", "down", "down", "down", "space")  # and document 4 from the whole list
        assert lens(app).checked == {2, 3, 11}
        assert "3 of 14 checked: 3, 4, 12" in str(lens(app).query_one("#lens-title").render())
        await pilot.press("enter")
        assert not isinstance(app.screen, LensScreen)
        assert grid.visible_docs() == [2, 3, 11]
        assert grid.columns.docs == (2, 3, 11) and not grid.columns.strip
        assert "showing 3, 4, 12 of 14" in app.query_one(StatusLine).text.plain
        await pilot.press("s", "ctrl+t", "enter")  # all checked again
        assert grid.visible_docs() == list(range(14))


async def test_ctrl_o_keeps_only_the_highlighted_document() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("s", *"coastal", "ctrl+o", "enter")
        assert grid.visible_docs() == [1]


async def test_enter_with_nothing_checked_keeps_the_lens_open() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "ctrl+t", "enter")
        assert isinstance(app.screen, LensScreen)


async def test_v_shows_only_the_focused_document_and_the_one_picked() -> None:
    app = ClaimdiffApp(comparison=outlets(14))
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("tab", "v", *"metro", "enter")  # only these two, in four keys and a name
        assert grid.visible_docs() == [1, 11]
        assert grid.columns.docs == (1, 11) and grid.focus_doc == 1


async def test_twenty_outlets_documents_past_nine_are_reachable() -> None:
    comparison = outlets(20)
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("s", *"17", "ctrl+o", "enter")  # by its number in the lens
        assert grid.visible_docs() == [16] and grid.focus_doc == 16
        await pilot.press("s", "ctrl+t", "enter")
        assert grid.visible_docs() == list(range(20))
        for _ in range(3):
            await pilot.press("]")  # by pages
        assert 19 in grid.columns.docs
        await pilot.press("1")  # the digits still hide and show documents 1 to 9
        assert grid.hidden == frozenset({0})
