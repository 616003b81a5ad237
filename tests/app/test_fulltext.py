"""The full-text view: the grid's motion keys, its position, search, and tints in every colour system."""

from __future__ import annotations

import re

import pytest
import textual.constants
from rich.segment import Segment
from seed_rows import gpu_row, keys_to_gpu_row
from textual.strip import Strip

from tui.app.app import ClaimdiffApp
from tui.app.fulltext import DocumentView, FullTextScreen, TextSearch
from tui.app.grid import ComparisonGrid
from tui.engine.model import Comparison, RowKind
from tui.styled import Tone

SIZE = (100, 30)
ROW_TONES = (Tone.ROW_CONFLICT, Tone.ROW_SHARED, Tone.ROW_UNIQUE)


async def open_full_text(app: ClaimdiffApp, pilot: object, *keys: str) -> DocumentView:
    await pilot.press(*keys, "o")  # type: ignore[attr-defined]
    assert isinstance(app.screen, FullTextScreen)
    return app.screen.query_one(DocumentView)


async def test_motion_keys_walk_the_sentences_and_the_position_follows(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_full_text(app, pilot)
        count = len(seeds_comparison.sentences[0])
        start = view.sentence
        await pilot.press("j", "down")
        assert view.sentence == start + 2
        await pilot.press("k")
        assert view.sentence == start + 1
        await pilot.press("G")
        assert view.sentence == count - 1
        assert re.fullmatch(rf"sentence {count} of {count} · row \d+ . [a-z ]+ · 100%", view.position().plain)
        await pilot.press("home")
        assert view.sentence == 0 and view.scroll_offset.y == 0
        assert view.position().plain.startswith(f"sentence 1 of {count} · row ")
        await pilot.press("end", "g")
        assert view.sentence == 0


async def test_space_and_b_page_through_the_text(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=(80, 16)) as pilot:
        view = await open_full_text(app, pilot, "g")
        await pilot.press("g")
        await pilot.press("space")
        after_one = view.sentence
        assert after_one > 0 and view.scroll_offset.y > 0
        assert view.line_at(seeds_comparison.sentences[0][after_one].start) >= view.scroll_offset.y
        await pilot.press("pagedown")
        assert view.sentence > after_one
        await pilot.press("b", "pageup")
        assert view.sentence == 0 and view.scroll_offset.y == 0
        percent = int(view.position().plain.rsplit(" · ", 1)[-1].rstrip("%"))
        assert 0 < percent < 100


async def test_n_and_u_go_to_conflict_and_unique_sentences(seeds_comparison: Comparison) -> None:
    where = seeds_comparison.row_of()
    sentences = seeds_comparison.sentences[0]

    def of_kind(kind: RowKind) -> list[int]:
        return [
            s.index for s in sentences if not s.boilerplate and seeds_comparison.rows[where[(0, s.index)]].kind is kind
        ]

    conflicts, unique = of_kind(RowKind.CONFLICT), of_kind(RowKind.UNIQUE)
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_full_text(app, pilot, "g")
        await pilot.press("g", "n")
        assert view.sentence == next(index for index in conflicts if index > 0)
        await pilot.press("N")
        assert view.sentence == max(index for index in conflicts if index < conflicts[1])
        await pilot.press("u")
        assert view.sentence == next(index for index in unique if index > conflicts[0])
        await pilot.press("G", "n")
        assert view.sentence == len(sentences) - 1  # no conflict after the last sentence: it stays


async def test_slash_searches_and_enter_and_angle_brackets_step_through_matches(
    seeds_comparison: Comparison,
) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    text = seeds_comparison.documents[0].text
    async with app.run_test(size=SIZE) as pilot:
        view = await open_full_text(app, pilot, "g")
        await pilot.press("g", "slash")
        search = app.screen.query_one(TextSearch)
        assert search.display and search.has_focus
        await pilot.press(*"musk")
        total = len(re.findall("musk", text, re.IGNORECASE))
        assert total > 2 and len(view.matches) == total
        assert view.position().plain.endswith(f"“musk”: {total} matches")
        await pilot.press("enter")
        assert view.match == 0
        start, _ = view.matches[0]
        sentence = seeds_comparison.sentences[0][view.sentence]
        assert sentence.start <= start < sentence.end
        await pilot.press("escape")
        assert not search.display and view.has_focus and view.search == "musk"
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert view.match == 2
        assert view.position().plain.endswith(f"“musk”: match 3 of {total}")
        await pilot.press("less_than_sign")
        assert view.match == 1
        shown = [segment for y in range(view.size.height) for segment in view.render_line(y)]
        marked = [s.text for s in shown if s.style == view.tone_style(Tone.MATCH)]
        assert marked and all(piece.lower() == "musk" for piece in marked)


async def test_escape_returns_to_the_row_of_the_sentence_read_last(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        view = await open_full_text(app, pilot, *keys_to_gpu_row(seeds_comparison))
        await pilot.press("escape")
        assert grid.selected_row == gpu_row(seeds_comparison)  # not moved: the grid stays
        await pilot.press("o", "j", "j")
        view = app.screen.query_one(DocumentView)
        sentence = view.sentence
        await pilot.press("q")
        assert grid.selected_row == seeds_comparison.row_of()[(0, sentence)]
        assert grid.focus_doc == 0


# Colours ------------------------------------------------------------------------------------------


def ansi_background(app: ClaimdiffApp, view: DocumentView, tone: Tone) -> str:
    """The SGR codes the terminal receives for a character in ``tone``, as Textual writes them."""
    written = Strip([Segment("x", view.tone_style(tone))]).render(app.console)
    codes = re.match(r"\x1b\[([0-9;]*)m", written)
    assert codes is not None, repr(written)
    parts = codes.group(1).split(";")
    for index, part in enumerate(parts):  # the background: 48;5;N, 48;2;R;G;B, or 40–47 / 100–107
        if part == "48":
            return ";".join(parts[index : index + (3 if parts[index + 1] == "5" else 5)])
        if part.isdigit() and (40 <= int(part) <= 47 or 100 <= int(part) <= 107):
            return part
    return ""


@pytest.mark.parametrize(
    ("environment", "system"),
    [
        ({"COLORTERM": "truecolor", "TERM": "xterm-256color"}, "truecolor"),
        ({"TERM": "xterm-256color"}, "256"),
        ({"TERM": "xterm-16color"}, "standard"),
    ],
)
async def test_the_tints_stay_apart_in_every_colour_system(
    seeds_comparison: Comparison, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], system: str
) -> None:
    """Conflict, shared and unique sentences, the page background and a search match: five different
    backgrounds, whether the terminal has millions of colours, 256 or 16."""
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "auto")
    monkeypatch.delenv("COLORTERM", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        assert app.console.color_system == system
        view = await open_full_text(app, pilot)
        backgrounds = {tone: ansi_background(app, view, tone) for tone in (*ROW_TONES, Tone.PLAIN, Tone.MATCH)}
        assert all(backgrounds.values())
        assert len(set(backgrounds.values())) == len(backgrounds), backgrounds


async def test_without_colour_the_kinds_differ_by_text_style(
    seeds_comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: conflict sentences bold, unique ones underlined, shared ones plain, the selected one
    reversed, furniture dim; a match is underlined and reversed."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color
        view = await open_full_text(app, pilot)

        def attributes(tone: Tone) -> tuple[bool, bool, bool, bool]:
            style = view.tone_style(tone)
            return (bool(style.bold), bool(style.underline), bool(style.reverse), bool(style.dim))

        assert attributes(Tone.ROW_CONFLICT) == (True, False, False, False)
        assert attributes(Tone.ROW_UNIQUE) == (False, True, False, False)
        assert attributes(Tone.ROW_SHARED) == (False, False, False, False)
        assert attributes(Tone.SELECTED)[2] and attributes(Tone.BOILERPLATE)[3]
        assert attributes(Tone.MATCH)[1:3] == (True, True)
        legend = app.screen.query_one("#fulltext-legend").render()
        assert "conflict" in str(legend) and "unique" in str(legend)
