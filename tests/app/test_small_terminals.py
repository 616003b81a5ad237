"""Small terminals: footers keep "? Help" and the way out, no label cut mid-word, the help box scrolls."""

from __future__ import annotations

import pytest
from rich.text import Text
from textual import events
from textual.containers import VerticalScroll
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.app.app import ClaimdiffApp
from tui.app.fitting import Part, cut_at_word, fit_parts
from tui.app.footer import fit_keys, key_width
from tui.app.help import HelpScreen
from tui.engine.model import Comparison
from tui.exports.text import summary_line

SMALL = [(80, 24), (60, 20)]


def screen_lines(app: ClaimdiffApp) -> list[str]:
    """What the terminal shows, line by line."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def footer_labels(app: ClaimdiffApp) -> list[str]:
    return [f"{key.key_display} {key.description}".strip() for key in app.screen.query_one(Footer).query(FooterKey)]


# The fitting of one line ---------------------------------------------------------------------------


def test_parts_go_lowest_priority_first_and_whole() -> None:
    parts = [
        Part(Text("claimdiff"), 0),
        Part(Text("5 documents"), 2),
        Part(Text("77 rows"), 2),
        Part(Text("4 unique"), 1),
    ]
    assert fit_parts(parts, 80).plain == "claimdiff · 5 documents · 77 rows · 4 unique"
    assert fit_parts(parts, 40).plain == "5 documents · 77 rows · 4 unique"
    assert fit_parts(parts, 25).plain == "5 documents · 77 rows"
    assert fit_parts(parts, 12).plain == "5 documents"
    assert fit_parts(parts, 8).plain == "5…"


def test_a_part_that_may_be_shortened_is_cut_at_a_word() -> None:
    parts = [Part(Text("1 label.txt"), 1), Part(Text("Elon Musk Suddenly Buys GPU"), 0, shortened=True)]
    assert fit_parts(parts, 40, separator="  ").plain == "1 label.txt  Elon Musk Suddenly Buys GPU"
    assert fit_parts(parts, 33, separator="  ").plain == "1 label.txt  Elon Musk Suddenly…"
    assert fit_parts(parts, 20, separator="  ").plain == "1 label.txt"  # under twelve cells: dropped


def test_cut_at_word() -> None:
    assert cut_at_word(Text("one two three"), 13).plain == "one two three"
    assert cut_at_word(Text("one two three"), 12).plain == "one two…"
    assert cut_at_word(Text("onetwothree"), 6).plain == "onetw…"
    assert cut_at_word(Text("東京で会議"), 5).plain == "東京…"


def test_fit_keys_keeps_help_and_the_way_out() -> None:
    keys = [
        FooterKey("n", "n", "Next conflict", "next_conflict"),
        FooterKey("f", "f", "Filter", "cycle_filter"),
        FooterKey("q", "q", "Quit", "quit"),
        FooterKey("question_mark", "?", "Help", "help"),
        FooterKey("ctrl+p", "^p", "palette", "command_palette", classes="-command-palette"),
    ]
    assert [key_width(key) for key in keys] == [17, 10, 8, 8, 14]
    assert [key.description for key in fit_keys(list(keys), 80)] == [
        "Next conflict",
        "Filter",
        "Quit",
        "Help",
        "palette",
    ]
    assert [key.description for key in fit_keys(list(keys), 40)] == ["Quit", "Help", "palette"]
    assert [key.description for key in fit_keys(list(keys), 20)] == ["Quit", "Help"]


# The app at 80×24 and 60×20 ------------------------------------------------------------------------


@pytest.mark.parametrize("size", SMALL)
async def test_the_grid_keeps_help_and_quit_and_cuts_no_label(
    seeds_comparison: Comparison, size: tuple[int, int]
) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        labels = footer_labels(app)
        assert "? Help" in labels and "q Quit" in labels
        assert all(label in lines[-1] for label in labels)  # every key shown whole
        story = lines[0].strip()
        parts = ["claimdiff", *summary_line(seeds_comparison).split(" · ")]
        assert all(part in parts for part in story.split(" · ")), story
        assert len(story.split(" · ")) >= 4


@pytest.mark.parametrize("size", SMALL)
async def test_every_view_keeps_help_and_the_way_back(seeds_comparison: Comparison, size: tuple[int, int]) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=size) as pilot:
        for key in ("o", "c", "p"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            labels = footer_labels(app)
            assert "? Help" in labels and any(label.startswith("esc ") for label in labels), (key, labels)
            assert all(label in screen_lines(app)[-1] for label in labels)
            await pilot.press("escape")


async def test_the_full_text_title_is_cut_at_a_word(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("o")
        title = screen_lines(app)[0].strip()
        document = seeds_comparison.documents[0]
        assert title.startswith(f"1 {document.label}  ")
        shown = title.removeprefix(f"1 {document.label}  ").removesuffix("…")
        assert document.title.startswith(shown) and document.title[len(shown)] == " "


async def test_the_help_box_scrolls_by_keyboard_and_mouse(seeds_comparison: Comparison) -> None:
    app = ClaimdiffApp(comparison=seeds_comparison)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert box.region.bottom <= 20 and box.region.right <= 60  # the box fits; its content scrolls
        assert box.max_scroll_y > 0 and box.has_focus
        await pilot.press("j", "j")
        assert box.scroll_y == 2
        await pilot.press("down", "k")
        assert box.scroll_y == 2
        await pilot.press("space")
        assert box.scroll_y > 2
        await pilot.press("G")
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        assert box.scroll_y == 0
        box.post_message(events.MouseScrollDown(box, 2, 2, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert box.scroll_y > 0
