"""Hostile and odd input, through the command line and in the app (headless).

Terminal control characters, Rich/Textual markup, foreign encodings, binary data, odd shapes
(one document, thirty, twins, one 100,000-character sentence, only whitespace, only furniture,
wide scripts, a 300-character URL) and odd files (FIFO, device, the same file twice, stdin).
Every fixture is written to ``tmp_path`` by the test that needs it. The command line runs in this
process (``clirun.claimdiff``) but for a FIFO, a device and a terminal, which take a real process.
"""

from __future__ import annotations

import fcntl
import html
import json
import os
import re
import struct
import subprocess
import sys
import termios
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from clirun import claimdiff, claimdiff_process, process_environment
from rich.cells import cell_len

from tui.app.app import ClaimdiffApp
from tui.app.detail import DetailPane
from tui.app.fulltext import FullTextScreen
from tui.app.grid import ComparisonGrid
from tui.engine.reading import read_documents

ROOT = Path(__file__).resolve().parent.parent

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
"""Characters that must never reach a terminal raw: C0 (but tab and newline), DEL, C1, bidi, zero-width."""


# Helpers --------------------------------------------------------------------------------------


def export_of(
    *arguments: str, stdin: bytes | None = None, run: Callable[..., subprocess.CompletedProcess[str]] = claimdiff
) -> dict[str, Any]:
    result = run("--format", "json", *arguments, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    export: dict[str, Any] = json.loads(result.stdout)
    return export


def sentences_of(export: dict[str, Any], doc: str) -> list[dict[str, Any]]:
    """Every sentence of one document in the export, in document order."""
    found = [
        sentence
        for row in export["rows"]
        for cell in row["cells"]
        if cell["doc"] == doc
        for sentence in cell["sentences"]
    ]
    return sorted(found, key=lambda sentence: sentence["start"])


def assert_one_line_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("claimdiff: ")
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def write_text(path: Path, text: str) -> str:
    path.write_bytes(text.encode("utf-8"))
    return str(path)


async def settle(app: ClaimdiffApp, pilot: Any) -> ComparisonGrid:
    """Wait for the comparison worker and the mount that follows; return the grid."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    return app.query_one(ComparisonGrid)


def grid_lines(grid: ComparisonGrid) -> list[str]:
    """The text of every grid line on screen, as the grid draws it."""
    return [grid.render_line(y).text for y in range(grid.size.height)]


def cell_texts(grid: ComparisonGrid, *, joiner: str = " ") -> list[str]:
    """The text of each cell of the rows on screen, its wrapped lines joined again (narrow text only).

    Each cell is cut out of the drawn lines by the column geometry; the lines of a row are joined
    with ``joiner`` (a space stands for the one dropped at a word-wrap break).
    """
    lines = grid_lines(grid)
    found = []
    offsets = grid._offsets
    for index in range(len(offsets)):
        top, height = offsets.tops[index], offsets.heights[index]
        if top + height > len(lines):
            break
        for start in grid.columns.starts:
            pieces = [line[start : start + grid.columns.width].strip() for line in lines[top : top + height - 1]]
            found.append(joiner.join(piece for piece in pieces if piece))
    return found


def screen_lines(app: ClaimdiffApp) -> list[str]:
    """The text of every line of the whole screen (headers, grid, detail, status, footer)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def screenshot_lines(app: ClaimdiffApp) -> list[str]:
    """The text of the exported SVG screenshot, its ``<text>`` pieces joined line by line."""
    by_line: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in _SVG_TEXT.findall(app.export_screenshot()):
        by_line.setdefault(float(y), []).append((float(x), html.unescape(text).replace("\xa0", " ")))
    return ["".join(text for _, text in sorted(pieces)) for _, pieces in sorted(by_line.items())]


# 1. Terminal control characters ---------------------------------------------------------------

HOSTILE_TITLE = "Hostile \x1b[2J report \u202eon the council\x07"
HOSTILE_LINES = [
    HOSTILE_TITLE,
    "The council met on Monday and cleared the screen \x1b[2J before the vote was taken.",
    "Readers could follow \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ to the minutes of the meeting.",
    "A clipboard write \x1b]52;c;aGVsbG8=\x07 was hidden inside this sentence about budgets.",
    "The bell rang \x07 twice and the clerk typed a backspace \x08 by mistake in the record.",
    "One line had a carriage return\rin the middle of it, which some editors hide from view.",
    "A C1 control \x9b appeared in the minutes, followed by the word override \u202eelif txt.",
    "The zero\u200bwidth space split a word that looked whole on the screen of every reader.",
]
HOSTILE = "\n".join(HOSTILE_LINES) + "\n"
PLAIN = (
    "The council met on Monday and approved the budget after a long vote.\n"
    "The mayor said the clerk made a mistake in the record.\n"
)
MARKS = [
    "Hostile ␛[2J report \\u202eon the council␇",
    "cleared the screen ␛[2J before",
    "␛]8;;http://x␛\\link␛]8;;␛\\",
    "␛]52;c;aGVsbG8=␇ was hidden",
    "The bell rang ␇ twice",
    "a backspace ␈ by mistake",
    "A C1 control \\u009b appeared",
    "override \\u202eelif txt.",
    "The zero\\u200bwidth space",
]
"""How the text report shows each hostile piece (each fits one line of a 77-cell grid column too)."""


@pytest.fixture
def hostile(tmp_path: Path) -> list[str]:
    return [write_text(tmp_path / "hostile.txt", HOSTILE), write_text(tmp_path / "plain.txt", PLAIN)]


def test_lone_carriage_return_is_read_as_a_newline(hostile: list[str]) -> None:
    document = read_documents(hostile)[0]
    assert document.text == HOSTILE.replace("\r", "\n")
    assert document.title == HOSTILE_TITLE  # raw in the model; every view makes it visible


def test_text_report_shows_control_characters_as_marks(hostile: list[str]) -> None:
    result = claimdiff("--format", "text", *hostile)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert UNSAFE.findall(result.stdout) == []
    assert "\r" not in result.stdout
    for mark in MARKS:
        assert mark in result.stdout, mark
    # The line split by "\r" is one unit (a hard-wrapped line), shown with the break as a space.
    assert "[hostile.txt] One line had a carriage return in the middle of it, which some editors" in result.stdout
    assert "  d0 hostile.txt — Hostile ␛[2J report \\u202eon the council␇\n" in result.stdout


def test_text_report_to_a_file_shows_control_characters_as_marks(hostile: list[str], tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    result = claimdiff("--format", "text", "-o", str(target), *hostile)
    assert result.returncode == 0 and result.stdout == "", result.stderr
    report = target.read_bytes().decode("utf-8")
    assert UNSAFE.findall(report) == []
    assert "\r" not in report
    for mark in MARKS:
        assert mark in report, mark


def test_json_keeps_the_raw_characters(hostile: list[str]) -> None:
    export = export_of(*hostile)
    text = HOSTILE.replace("\r", "\n")
    found = sentences_of(export, "d0")
    for sentence in found:
        assert sentence["text"] == text[sentence["start"] : sentence["end"]]
    expected = [line for line in HOSTILE_LINES if "\r" not in line]
    expected.insert(5, HOSTILE_LINES[5].replace("\r", "\n"))
    assert [sentence["text"] for sentence in found] == expected
    assert export["documents"][0]["title"] == HOSTILE_TITLE
    assert export["documents"][0]["characters"] == len(text)


def test_file_name_with_control_characters(tmp_path: Path) -> None:
    name = "evil\x1b[31m\u202e\x07.txt"
    path = write_text(tmp_path / name, PLAIN)
    result = claimdiff("--format", "text", path, write_text(tmp_path / "other.txt", HOSTILE))
    assert result.returncode == 0, result.stderr
    assert UNSAFE.findall(result.stdout) == []
    assert "  d0 evil␛[31m\\u202e␇.txt — The council met on Monday" in result.stdout
    assert "[evil␛[31m\\u202e␇.txt] The council met on Monday" in result.stdout
    export = export_of(path)
    assert export["documents"][0]["label"] == name
    assert export["documents"][0]["path"] == path


def test_self_contradiction_slot_is_made_visible(tmp_path: Path) -> None:
    text = (
        "Chip deal\n"
        "The firm bought 10,000 graphics\x1fchips from the supplier last year.\n"
        "The firm bought 20,000 graphics\x85chips from the supplier last year, it said later.\n"
    )
    result = claimdiff("--format", "text", write_text(tmp_path / "sc.txt", text))
    assert result.returncode == 0, result.stderr
    assert "Documents that contradict themselves" in result.stdout
    assert UNSAFE.findall(result.stdout) == []


async def test_app_shows_marks_not_control_characters(hostile: list[str]) -> None:
    app = ClaimdiffApp(read_documents(hostile))
    async with app.run_test(size=(160, 48)) as pilot:
        grid = await settle(app, pilot)
        lines = grid_lines(grid)
        shown = "\n".join(lines)
        assert UNSAFE.findall(shown) == []
        assert "\r" not in shown
        cells = "\n".join(cell_texts(grid))
        for mark in MARKS:
            assert mark in cells, mark
        assert "One line had a carriage return in the middle of it, which some editors hide from view." in cells
        screen = "\n".join(screen_lines(app))
        assert UNSAFE.findall(screen) == []
        assert "  Hostile ␛[2J report \\u202eon the council␇" in screen  # the column header's title
        assert UNSAFE.findall("\n".join(screenshot_lines(app))) == []
        # The detail pane of every row, and the full text of the hostile document.
        await pilot.press("enter")
        assert app.query_one(DetailPane).display
        details = []
        for _ in range(len(grid.comparison.rows)):
            await pilot.pause()
            details.append("\n".join(screen_lines(app)))
            assert UNSAFE.findall(details[-1]) == []
            await pilot.press("j")
        assert any("1 hostile.txt  A clipboard write ␛]52;c;aGVsbG8=␇" in screen for screen in details)
        await pilot.press("g", "o")
        await pilot.pause()
        assert isinstance(app.screen, FullTextScreen)
        full_text = "\n".join(screen_lines(app))
        assert UNSAFE.findall(full_text) == []
        for mark in MARKS:
            assert mark in full_text, mark
        assert app.is_running


async def test_command_palette_shows_file_name_marks(tmp_path: Path) -> None:
    name = "evil\x1b[31m\u202e[@click=app.quit]x.txt"
    paths = [write_text(tmp_path / name, PLAIN), write_text(tmp_path / "hostile.txt", HOSTILE)]
    app = ClaimdiffApp(read_documents(paths))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Hide")
        await pilot.pause(0.3)
        screen = screen_lines(app)
        assert any("Hide / show document 2: hostile.txt" in line for line in screen)  # the palette is open
        assert app.is_running
        assert UNSAFE.findall("\n".join(screen)) == []
        assert any("Hide / show document 1: evil␛[31m\\u202e[@click=app.quit]x.txt" in line for line in screen)


async def test_search_in_text_whose_lower_case_is_longer(tmp_path: Path) -> None:
    path = write_text(tmp_path / "tr.txt", "İstanbul, İzmir and İzmit sent delegates to the meeting\n")
    app = ClaimdiffApp(read_documents([path]))
    async with app.run_test(size=(160, 48)) as pilot:
        grid = await settle(app, pilot)
        await pilot.press("slash", *"meeting")
        await pilot.pause()
        assert app.is_running
        assert grid.search_text == "meeting"
        assert "İstanbul, İzmir and İzmit sent delegates to the meeting" in grid_lines(grid)[0]


# 2. Rich and Textual markup -------------------------------------------------------------------

MARKUP = ["[bold red]alarm[/]", "[link=https://evil.example]click[/link]", "[@click=app.quit]quit[/]"]
MARKUP_TEXT = (
    "[@click=app.quit]quit[/] headline of the day\n"
    "The siren made a [bold red]alarm[/] sound across the whole town on Monday.\n"
    "Readers were told to [link=https://evil.example]click[/link] the banner for the minutes.\n"
    "A button said [@click=app.quit]quit[/] but nobody pressed it at the meeting.\n"
)


def test_text_report_shows_markup_literally(tmp_path: Path) -> None:
    result = claimdiff("--format", "text", write_text(tmp_path / "mk.txt", MARKUP_TEXT))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "  d0 mk.txt — [@click=app.quit]quit[/] headline of the day\n" in result.stdout
    assert "  [mk.txt] The siren made a [bold red]alarm[/] sound across the whole town on Monday.\n" in result.stdout
    for markup in MARKUP:
        assert markup in result.stdout, markup


async def test_app_shows_markup_literally_and_triggers_nothing(tmp_path: Path) -> None:
    app = ClaimdiffApp(read_documents([write_text(tmp_path / "mk.txt", MARKUP_TEXT)]))
    async with app.run_test(size=(160, 48)) as pilot:
        grid = await settle(app, pilot)
        lines = grid_lines(grid)
        for markup in MARKUP:
            assert any(markup in line for line in lines), markup
        for y in range(grid.size.height):
            for segment in grid.render_line(y):
                assert segment.style is None or (not segment.style.link and not segment.style.meta), segment
        screen = screen_lines(app)
        assert "  [@click=app.quit]quit[/] headline of the day" in screen[2]  # the column header's title
        screenshot = "\n".join(screenshot_lines(app))
        for markup in MARKUP:
            assert markup in screenshot, markup
        # Click right on the "quit" of "[@click=app.quit]quit[/]" in the last row, then look again.
        y = next(y for y, line in enumerate(lines) if "A button said" in line)
        x = lines[y].index("quit[/]") + 1
        await pilot.click(ComparisonGrid, offset=(x, y))
        await pilot.pause()
        assert app.is_running
        assert app.return_value is None
        assert grid.selected_row == 3
        await pilot.press("enter")  # the detail pane renders the row's text too
        await pilot.pause()
        assert app.is_running
        assert any("[@click=app.quit]quit[/]" in line for line in screen_lines(app)[-20:])


# 3. Encodings ---------------------------------------------------------------------------------

ENCODED = {
    "utf16.txt": (
        "utf-16",
        "Grüße aus Köln, sagte der Bürgermeister am Montag.\nDie Stadt plant neue Brücken über den Rhein.\n",
    ),
    "cp1252.txt": (
        "cp1252",
        "The café’s owner said “no” — twice, to the élite crowd at the opening.\n"
        "He added that the “new menu” would arrive next week, après the holidays.\n",
    ),
    "latin1.txt": (
        "latin-1",
        "Le maire a annoncé une réunion à Genève pour discuter du budget municipal.\n"
        "Les élus ont déclaré que la décision était définitive et sans appel.\n",
    ),
    "sjis.txt": (
        "shift_jis",
        "東京で会議が開かれました。参加者は百人でした。\n会議では新しい予算が承認されました。市長は満足していると述べました。\n",
    ),
}


def test_encodings_are_decoded(tmp_path: Path) -> None:
    paths = []
    for name, (encoding, text) in ENCODED.items():
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        paths.append(str(path))
    assert (tmp_path / "utf16.txt").read_bytes()[:2] in {b"\xff\xfe", b"\xfe\xff"}  # with a BOM
    export = export_of(*paths)
    for number, (_encoding, text) in enumerate(ENCODED.values()):
        found = sentences_of(export, f"d{number}")
        assert [sentence["text"] for sentence in found] == text.strip().split("\n")
        for sentence in found:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert export["documents"][number]["characters"] == len(text)


def test_binary_input_is_refused(tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"This looks like text.\n\x00\x00\x00\x01\x02 and then it is not.\n" * 10)
    assert_one_line_error(claimdiff("--format", "json", str(blob)), f"{blob}: binary data, not text")
    assert_one_line_error(
        claimdiff("--format", "text", "-", stdin=blob.read_bytes()), "standard input: binary data, not text"
    )


# 4. Shapes ------------------------------------------------------------------------------------


def test_one_document(tmp_path: Path) -> None:
    export = export_of(write_text(tmp_path / "one.txt", PLAIN))
    assert [document["id"] for document in export["documents"]] == ["d0"]
    assert [row["kind"] for row in export["rows"]] == ["unique", "unique"]
    result = claimdiff("--format", "text", str(tmp_path / "one.txt"))
    assert result.returncode == 0
    assert result.stdout.startswith("1 document · 2 rows · 0 conflicts · 2 unique\n")


def test_thirty_small_documents(tmp_path: Path) -> None:
    words = "council budget mayor vote city river bridge school tax plan road park water power rail".split()
    paths = []
    for number in range(30):
        lines = [
            " ".join(words[(number * 7 + line * 3 + k) % len(words)] for k in range(8)).capitalize()
            + f" in {2000 + number + line}."
            for line in range(4)
        ]
        paths.append(write_text(tmp_path / f"doc{number:02d}.txt", "\n".join(lines) + "\n"))
    export = export_of(*paths)
    assert [document["id"] for document in export["documents"]] == [f"d{n}" for n in range(30)]
    assert [document["label"] for document in export["documents"]] == [f"doc{n:02d}.txt" for n in range(30)]
    assert sum(len(sentences_of(export, f"d{n}")) for n in range(30)) == 120
    result = claimdiff("--format", "text", *paths)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("30 documents · ")


def test_two_identical_documents_pair_every_sentence(tmp_path: Path) -> None:
    seed = next((ROOT / "seeds").glob("000_*.txt")).read_bytes()
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(seed)
    second.write_bytes(seed)
    export = export_of(str(first), str(second))
    assert export["summary"]["unique"] == 0 and export["summary"]["conflicts"] == 0
    for row in export["rows"]:
        assert row["kind"] == "shared"
        assert [cell["doc"] for cell in row["cells"]] == ["d0", "d1"]
        left, right = ([sentence["index"] for sentence in cell["sentences"]] for cell in row["cells"])
        assert left == right
    assert len(sentences_of(export, "d0")) == export["documents"][0]["sentences"]


def test_one_unpunctuated_line_of_100000_characters_is_cut_at_spaces(tmp_path: Path) -> None:
    text = ("word " * 20000)[:-1] + "s"
    assert len(text) == 100_000 and "." not in text
    export = export_of(write_text(tmp_path / "long.txt", "\n  " + text + "  \n"))
    found = sentences_of(export, "d0")
    # Cut at spaces into units of at most 2,000 characters (the cost of a unit grows with its
    # square), which together hold every character: nothing is lost.
    assert len(found) == 50
    assert all(len(sentence["text"]) <= 2_000 for sentence in found)
    assert " ".join(sentence["text"] for sentence in found) == text
    assert (found[0]["start"], found[-1]["end"]) == (3, 100_003)


def test_only_whitespace_is_refused(tmp_path: Path) -> None:
    path = write_text(tmp_path / "blank.txt", "  \n\t\n   \n\u00a0\n")
    assert_one_line_error(claimdiff("--format", "json", path), f"{path}: no text to compare (empty or only whitespace)")


def test_only_boilerplate(tmp_path: Path) -> None:
    export = export_of(write_text(tmp_path / "furniture.txt", "Most Popular\nLeave A Reply\nSource link\n"))
    found = sentences_of(export, "d0")
    assert [sentence["text"] for sentence in found] == ["Most Popular", "Leave A Reply", "Source link"]
    assert all(sentence["boilerplate"] for sentence in found)
    assert all(cell["claims"] == [] for row in export["rows"] for cell in row["cells"])


WIDE = {
    "cjk.txt": "東京で会議が開かれました。参加者は百人でした。会議では新しい予算が承認されました。"
    "市長は満足していると述べました。東京で会議が開かれました。参加者は百人でした。\n"
    "北京的会议讨论了新的预算方案，代表们一致通过了这个决定。\n",
    "arabic.txt": "قال رئيس البلدية إن المجلس وافق على الميزانية الجديدة يوم الاثنين بعد نقاش طويل.\n"
    "وأضاف أن المشروع سيبدأ في الربيع المقبل.\n",
    "emoji.txt": "The crowd cheered 🎉🎉 when the mayor 👩‍⚖️ announced the new park 🌳🌳🌳 and the flag 🇯🇵 "
    "was raised ❤️ twice.\nThe family 👨‍👩‍👧‍👦 walked home happily after the vote was counted 👍🏽.\n",
}


def test_wide_scripts_through_the_command_line(tmp_path: Path) -> None:
    paths = [write_text(tmp_path / name, text) for name, text in WIDE.items()]
    result = claimdiff("--format", "text", *paths)
    assert result.returncode == 0, result.stderr
    assert "北京的会议讨论了新的预算方案，代表们一致通过了这个决定。" in result.stdout
    assert "وأضاف أن المشروع سيبدأ في الربيع المقبل." in result.stdout
    assert "👨\\u200d👩\\u200d👧\\u200d👦" in result.stdout  # the joiners are made visible, as everywhere
    export = export_of(*paths)
    for number, text in enumerate(WIDE.values()):
        assert [sentence["text"] for sentence in sentences_of(export, f"d{number}")] == text.strip().split("\n")


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
async def test_wide_scripts_keep_every_line_the_width_of_the_screen(tmp_path: Path, size: tuple[int, int]) -> None:
    paths = [write_text(tmp_path / name, text) for name, text in WIDE.items()]
    app = ClaimdiffApp(read_documents(paths))
    async with app.run_test(size=size) as pilot:
        grid = await settle(app, pilot)
        width = grid.scrollable_content_region.width
        assert width >= size[0] - 2  # the grid spans the screen but for its scrollbar
        for y in range(grid.size.height):
            strip = grid.render_line(y)
            assert strip.cell_length == width, y
            assert cell_len(strip.text) == width, (y, strip.text)  # measured, not the declared length
        for y, line in enumerate(screen_lines(app)):
            assert cell_len(line) == size[0], (y, line)
        shown = "\n".join(grid_lines(grid))
        assert "北京的会议讨论了新的预算方案" in shown.replace(" ", "").replace("│", "")


URL = "https://example.com/" + "a1b2c3d4e5" * 28
URL_TEXT = f"See the record at {URL} for the full minutes of the meeting.\nThe council approved the budget on Monday.\n"


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
async def test_a_300_character_url_is_cut_not_lost(tmp_path: Path, size: tuple[int, int]) -> None:
    assert len(URL) == 300
    paths = [write_text(tmp_path / "url.txt", URL_TEXT), write_text(tmp_path / "plain.txt", PLAIN)]
    app = ClaimdiffApp(read_documents(paths))
    async with app.run_test(size=size) as pilot:
        grid = await settle(app, pilot)
        lines = grid_lines(grid)
        for line in lines:
            assert cell_len(line) <= size[0]
        for line in screen_lines(app):
            assert cell_len(line) == size[0]
        row = grid.comparison.rows[0]
        assert [cell.doc for cell in row.cells] == [0]
        assert grid.shown_rows[0] == 0
        cell = cell_texts(grid, joiner="")[0]
        assert URL in cell
        # Only the spaces at line breaks are dropped; every other character is there once, in order.
        assert cell.replace(" ", "") == f"See the record at {URL} for the full minutes of the meeting.".replace(" ", "")


def test_a_300_character_url_in_the_text_report(tmp_path: Path) -> None:
    result = claimdiff("--format", "text", write_text(tmp_path / "url.txt", URL_TEXT))
    assert result.returncode == 0
    assert f"  [url.txt] See the record at {URL} for the full minutes of the meeting.\n" in result.stdout


# 5. Files -------------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "missing.txt")
    assert_one_line_error(claimdiff("--format", "text", path), f"{path}: no such file")


def test_a_directory(tmp_path: Path) -> None:
    assert_one_line_error(claimdiff("--format", "json", str(tmp_path)), f"{tmp_path}: is a directory, not a file")


def test_a_fifo_with_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as stream:  # blocks until claimdiff opens the FIFO for reading
            for line in PLAIN.splitlines(keepends=True):
                stream.write(line.encode("utf-8"))
                stream.flush()

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    export = export_of(str(fifo), run=claimdiff_process)  # a process: a read that never ends can be killed
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert export["documents"][0]["label"] == "pipe.txt"
    assert [sentence["text"] for sentence in sentences_of(export, "d0")] == PLAIN.strip().split("\n")


def test_dev_zero_is_binary() -> None:
    assert_one_line_error(claimdiff_process("--format", "json", "/dev/zero"), "/dev/zero: binary data, not text")


def test_dev_null_is_empty() -> None:
    assert_one_line_error(claimdiff_process("--format", "json", "/dev/null"), "/dev/null: no text to compare")


def test_the_same_file_twice_gets_numbered_labels(tmp_path: Path) -> None:
    path = write_text(tmp_path / "story.txt", PLAIN)
    export = export_of(path, path)
    assert [document["label"] for document in export["documents"]] == ["story.txt (1)", "story.txt (2)"]
    assert [document["path"] for document in export["documents"]] == [path, path]
    result = claimdiff("--format", "text", path, path)
    assert "  d0 story.txt (1) — " in result.stdout and "  d1 story.txt (2) — " in result.stdout


def test_stdin_as_a_document(tmp_path: Path) -> None:
    export = export_of("-", write_text(tmp_path / "plain.txt", PLAIN), stdin=HOSTILE.encode("utf-8"))
    assert [document["label"] for document in export["documents"]] == ["stdin", "plain.txt"]
    assert export["documents"][0]["path"] == "-"
    assert export["documents"][0]["characters"] == len(HOSTILE)
    result = claimdiff("--format", "text", "-", stdin=HOSTILE.encode("utf-8"))
    assert result.returncode == 0
    assert UNSAFE.findall(result.stdout) == []
    assert "  d0 stdin — Hostile ␛[2J report \\u202eon the council␇\n" in result.stdout


def test_stdin_twice_is_refused() -> None:
    assert_one_line_error(
        claimdiff("--format", "json", "-", "-", stdin=PLAIN.encode()), "standard input can be given only once"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(PLAIN)
    path.chmod(0)
    assert_one_line_error(claimdiff("--format", "json", str(path)), f"{path}: permission denied")


# 6. NO_COLOR and TERM=dumb --------------------------------------------------------------------


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "TERM": "xterm-256color"}, {"TERM": "dumb"}])
def test_no_color_and_dumb_terminal_in_a_pipe(hostile: list[str], env: dict[str, str]) -> None:
    result = claimdiff("--format", "text", *hostile, env=env)
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert "\x1b" not in result.stdout


def run_on_a_terminal(arguments: list[str], env: dict[str, str]) -> str:
    """Run claimdiff with its stdout on a pseudo-terminal of 120x40; return what it wrote there."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    environment = process_environment()
    environment.pop("COLUMNS", None)
    environment.pop("LINES", None)
    environment.update(env)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", *arguments],
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=environment,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8")


@pytest.fixture(scope="module")
def coloured(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text report of the hostile files on a terminal that takes colour (run once for the module)."""
    folder = tmp_path_factory.mktemp("coloured")
    hostile = [write_text(folder / "hostile.txt", HOSTILE), write_text(folder / "plain.txt", PLAIN)]
    return run_on_a_terminal(["--format", "text", *hostile], {"TERM": "xterm-256color"})


@pytest.mark.parametrize("env", [{"NO_COLOR": "1", "TERM": "xterm-256color"}, {"TERM": "dumb"}])
def test_no_color_and_dumb_terminal_on_a_terminal(hostile: list[str], env: dict[str, str], coloured: str) -> None:
    assert "\x1b[" in coloured  # on a terminal the report is coloured, unless told not to be
    plain = run_on_a_terminal(["--format", "text", *hostile], env)
    assert "\x1b[" not in plain
    assert "\x1b" not in plain
    assert UNSAFE.findall(plain.replace("\r\n", "\n")) == []
    assert "\r" not in plain.replace("\r\n", "\n")
    assert "cleared the screen ␛[2J before" in plain


def test_coloured_report_on_a_terminal_has_only_colour_codes(coloured: str) -> None:
    without_colour = re.sub(r"\x1b\[[0-9;]*m", "", coloured).replace("\r\n", "\n")
    assert UNSAFE.findall(without_colour) == []
    assert "\r" not in without_colour
    for mark in ("␛[2J", "␛]52;c;aGVsbG8=␇", "\\u009b", "\\u202eelif", "zero\\u200bwidth"):
        assert mark in without_colour, mark
