"""The claims ledger and the walk through a fact's mentions, driven with Pilot on the seeds."""

from __future__ import annotations

import dataclasses
import io

from rich.console import Console
from rich.text import Text
from seed_rows import gpu_fact, gpu_row, keys_to_gpu_row
from textual.binding import Binding

from tui.app.app import ClaimdiffApp
from tui.app.detail import DetailPane, _Claims, _claims_table, render_detail
from tui.app.factindex import FactIndex
from tui.app.grid import ComparisonGrid, RowFilter
from tui.app.help import HelpScreen
from tui.app.ledger import LedgerList, LedgerScreen
from tui.app.status import StatusLine
from tui.engine.compare import compare
from tui.engine.model import Comparison, Document

SIZE = (160, 48)


def status(app: ClaimdiffApp) -> str:
    return app.query_one(StatusLine).text.plain


def ledger_line(ledger: LedgerList, y: int) -> str:
    return "".join(segment.text for segment in ledger.render_line(y)).strip()


async def test_c_opens_the_ledger_with_the_disputed_facts_first(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, LedgerScreen)
        ledger = app.screen.query_one(LedgerList)
        facts = [ledger.index.facts[number] for number in ledger.shown]
        assert [fact.id for fact in facts] == [fact.id for fact in seeds_comparison.facts]
        disputed = [fact.disputed for fact in facts]
        assert disputed[0] and disputed == sorted(disputed, reverse=True)  # every disputed fact comes first
        assert len(facts) > sum(disputed)  # and the undisputed ones are listed after them
        first = ledger_line(ledger, 0)
        assert first.startswith(f"≠ {gpu_fact(seeds_comparison).id}")
        assert "GPUs · thousands ×3 (2" in first and "100,000 ×2 (3" in first
        assert first.endswith("≠ 5 contradicts itself")  # compact form: the labelled one is wider than 160
        assert not any(ledger_line(ledger, y).startswith("≠") for y in range(1, len(facts)))
        assert "1 000_19b…" in "\n".join(ledger_line(ledger, y) for y in range(len(facts)))
        assert ledger.highlighted == gpu_fact(seeds_comparison).id


async def test_d_shows_only_the_disputed_facts(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "j", "d")
        ledger = app.screen.query_one(LedgerList)
        assert ledger.disputed_only
        assert [ledger.index.facts[n].id for n in ledger.shown] == [f.id for f in seeds_comparison.facts if f.disputed]
        assert ledger.highlighted == gpu_fact(seeds_comparison).id  # the highlighted fact was hidden
        await pilot.press("d")
        assert len(ledger.shown) == len(seeds_comparison.facts)


async def test_enter_goes_to_the_row_of_the_first_mention(seeds_comparison: Comparison) -> None:
    fact = gpu_fact(seeds_comparison)
    first = FactIndex(seeds_comparison).places[fact.id][0]
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "enter")
        assert not isinstance(app.screen, LedgerScreen)
        grid = app.query_one(ComparisonGrid)
        assert grid.has_focus
        assert grid.selected_row == first.row
        assert grid.focus_doc == first.doc
        total = len(fact.mentions)
        assert f"Row {first.row + 1} of {len(seeds_comparison.rows)} · fact {fact.id} GPUs · mention 1 of {total}" in (
            status(app)
        )


async def test_enter_shows_a_row_the_filter_or_hidden_documents_hid(seeds_comparison: Comparison) -> None:
    index = FactIndex(seeds_comparison)
    fact = next(fact for fact in seeds_comparison.facts if not fact.disputed and len(fact.docs) > 1)
    first = index.places[fact.id][0]
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("f", str(first.doc + 1))  # conflicts only, and the mention's document hidden
        assert first.row not in grid.shown_rows
        await pilot.press("c")
        ledger = app.screen.query_one(LedgerList)
        ledger.highlight(fact.id)
        await pilot.press("enter")
        assert grid.row_filter is RowFilter.ALL
        assert first.doc not in grid.hidden
        assert grid.selected_row == first.row and grid.focus_doc == first.doc


async def test_m_and_shift_m_step_through_the_mentions_in_grid_order(seeds_comparison: Comparison) -> None:
    fact = gpu_fact(seeds_comparison)
    places = FactIndex(seeds_comparison).places[fact.id]
    assert [place.row for place in places] == sorted(place.row for place in places)
    assert len({place.row for place in places}) > 2  # the mentions stand in several rows
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("c", "enter")
        for number, place in enumerate(places[1:], 2):
            await pilot.press("m")
            assert (grid.selected_row, grid.focus_doc) == (place.row, place.doc)
            assert f"fact {fact.id} GPUs · mention {number} of {len(places)}" in status(app)
        await pilot.press("m")  # no mention after the last: the cursor stays
        assert (grid.selected_row, grid.focus_doc) == (places[-1].row, places[-1].doc)
        await pilot.press("M", "M")
        assert (grid.selected_row, grid.focus_doc) == (places[-3].row, places[-3].doc)
        assert f"mention {len(places) - 2} of {len(places)}" in status(app)


async def test_m_without_the_ledger_steps_the_rows_disputed_fact(seeds_comparison: Comparison) -> None:
    fact = gpu_fact(seeds_comparison)
    places = FactIndex(seeds_comparison).places[fact.id]
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press(*keys_to_gpu_row(seeds_comparison))
        here = [number for number, place in enumerate(places) if place.row == gpu_row(seeds_comparison)]
        assert f"fact {fact.id} GPUs · mention {here[0] + 1} of {len(places)}" in status(app)
        await pilot.press("m")
        assert grid.chosen_fact == fact.id
        assert (grid.selected_row, grid.focus_doc) == (places[here[0] + 1].row, places[here[0] + 1].doc)


async def test_escape_closes_the_ledger_and_keeps_the_row(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.press("j", "j", "c")
        assert isinstance(app.screen, LedgerScreen)
        await pilot.press("j", "escape")
        assert not isinstance(app.screen, LedgerScreen)
        assert grid.selected_row == 2 and grid.has_focus


async def test_the_ledger_keys_are_in_the_footer_help_and_palette(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        commands = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Claims ledger", "Next mention of the fact", "Prev mention of the fact"} <= commands
        shown = {binding.key for binding in ComparisonGrid.BINDINGS if isinstance(binding, Binding) and binding.show}
        assert "c" in shown  # in the footer
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        actions = {binding.action for binding in sections["Rows, documents and views"] if isinstance(binding, Binding)}
        assert {"open_ledger", "next_mention", "previous_mention"} <= actions
        assert "Claims ledger" in sections


async def test_the_detail_pane_says_which_document_contradicts_itself(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys_to_gpu_row(seeds_comparison), "enter")
        detail = app.query_one(DetailPane)
        assert detail.display and detail.row_number == gpu_row(seeds_comparison)
        console = Console(width=160, record=True, file=io.StringIO())
        console.print(render_detail(seeds_comparison, detail.row_number))
        shown = console.export_text()
        assert "≠ document 5 contradicts itself: approximately 10,000 vs 100,000 GPUs" in shown
        assert f"≠ GPUs ({gpu_fact(seeds_comparison).id})" in shown


def test_claims_table_is_red_only_for_clashing_mentions(seeds_comparison: Comparison) -> None:
    """In the GPU row the GPU values that clash are red; the row's other facts ("two data centers") are not."""
    index = FactIndex(seeds_comparison)
    row = gpu_row(seeds_comparison)
    claims = _claims_table(seeds_comparison, row, index)
    assert isinstance(claims, _Claims)  # the side-by-side table, or by value when it is too wide
    table = claims.table
    cells = [list(column.cells) for column in table.columns]
    names = [str(cell) for cell in cells[0]]
    clashing = {
        (doc, start)
        for conflict in seeds_comparison.rows[row].conflicts
        for doc, places in conflict.places.items()
        for start, _ in places
    }
    for line, name in enumerate(names):
        values = [cell for column in cells[1:] for cell in [column[line]] if isinstance(cell, Text)]
        red = [value for value in values if any("red" in str(span.style) for span in value.spans)]
        if name.startswith("≠ GPUs"):
            assert red and len(red) == len({doc for doc, _ in clashing})
        else:
            assert not red, name


async def test_a_click_highlights_a_fact_and_a_second_click_goes_to_it(seeds_comparison: Comparison) -> None:
    fact = seeds_comparison.facts[2]
    first = FactIndex(seeds_comparison).places[fact.id][0]
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        ledger = app.screen.query_one(LedgerList)
        await pilot.click(LedgerList, offset=(4, 2))
        assert ledger.highlighted == fact.id and isinstance(app.screen, LedgerScreen)
        await pilot.click(LedgerList, offset=(4, 2))
        assert not isinstance(app.screen, LedgerScreen)
        grid = app.query_one(ComparisonGrid)
        assert (grid.selected_row, grid.focus_doc, grid.chosen_fact) == (first.row, first.doc, fact.id)


HOSTILE_LABEL = "[bold]GPUs\x1b[2J"


def hostile_comparison() -> Comparison:
    """Two small documents whose GPU count clashes, the fact's label and a file name made hostile."""
    one = "Chip deal\n\nMusk bought 10,000 GPUs for the project, the report said.\n\n"
    one += "Musk bought 20,000 GPUs for the project, he said later.\n"
    two = "Chip news\n\nMusk bought 10,000 GPUs for the project, insiders say.\n"
    documents = [Document("d0", "a.txt", "[red]a\x07.txt", "", one), Document("d1", "b.txt", "b.txt", "", two)]
    comparison = compare(documents)
    assert [fact.disputed for fact in comparison.facts] == [True]
    comparison.facts = [dataclasses.replace(fact, label=HOSTILE_LABEL) for fact in comparison.facts]
    comparison.self_contradictions = [
        dataclasses.replace(item, slot=HOSTILE_LABEL) for item in comparison.self_contradictions
    ]
    assert comparison.self_contradictions
    return comparison


async def test_markup_and_controls_in_labels_show_as_text() -> None:
    comparison = hostile_comparison()
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        line = ledger_line(app.screen.query_one(LedgerList), 0)
        assert line.startswith("≠ f1 [bold]GPUs␛[2J · ") and "(1 [red]a␇…, 2 b.txt)" in line and "\x1b" not in line
        await pilot.press("enter")
        assert "fact f1 [bold]GPUs␛[2J · mention 1 of 3" in status(app)
        console = Console(width=160, record=True, file=io.StringIO())
        console.print(render_detail(comparison, app.query_one(ComparisonGrid).selected_row))
        shown = console.export_text()
        assert "≠ document 1 contradicts itself: 10,000 vs 20,000 [bold]GPUs␛[2J (f1)" in shown
