"""The Markdown fact-check note: exact lines for the seeds' disputed fact, offsets that point at the values,
document text that cannot break the note's structure."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tui.engine.compare import compare_paths
from tui.engine.model import Comparison
from tui.exports import markdown
from tui.exports.registry import by_name, for_path

RENDER = MarkdownIt("commonmark").enable("table").enable("strikethrough")
"""CommonMark with GitHub's tables and strikethrough (markdown-it-py comes with rich)."""
MENTION = re.compile(r"^- (?P<who>.+?) — `(?P<doc>d\d+)` chars (?P<start>\d+)–(?P<end>\d+) — > (?P<quote>.+)$")


def note(comparison: Comparison) -> str:
    stream = io.StringIO()
    markdown.write(comparison, stream)
    return stream.getvalue()


def unescaped(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


@pytest.fixture(scope="module")
def seeds_note(seeds_comparison: Comparison) -> str:
    return note(seeds_comparison)


def test_the_registry_finds_the_writer() -> None:
    assert by_name("markdown").writer() is markdown.write
    assert for_path("note.md").name == "markdown"


def test_the_seeds_note_head(seeds_note: str) -> None:
    assert seeds_note.splitlines()[:8] == [
        "# Elon Musk Suddenly Buys GPU, Twitter Opens Bitcoin Mine?",
        "",
        "Fact-check note · 5 documents · 78 rows · 4 conflicts · 55 unique · claimdiff 0.1.0",
        "",
        r"Outlets compared: 1 000\_19b86c5bc931dde7.txt, 2 001\_fbef36d6ad37a341.txt, "
        r"3 002\_4b139ca93faf4d75.txt (2024-05-23), 4 003\_65ac90b7189b3663.txt (2023-04-13), "
        r"5 004\_f142d67f16e0c3d2.txt",
        "",
        "## Disputed facts",
        "",
    ]


def test_the_gpus_fact_exactly(seeds_note: str) -> None:
    lines = seeds_note.splitlines()
    start = lines.index("### ≠ GPUs (f1)")
    assert lines[start : start + 11] == [
        "### ≠ GPUs (f1)",
        "",
        r"- **thousands** — 2 001\_fbef36d6ad37a341.txt, 4 003\_65ac90b7189b3663.txt (2023-04-13), "
        r"5 004\_f142d67f16e0c3d2.txt",
        r"- **nearly 10,000** — 4 003\_65ac90b7189b3663.txt (2023-04-13)",
        r"- **approximately 10,000** — 5 004\_f142d67f16e0c3d2.txt",
        r"- **10,000** — 1 000\_19b86c5bc931dde7.txt, 2 001\_fbef36d6ad37a341.txt",
        r"- **100,000** — 3 002\_4b139ca93faf4d75.txt (2024-05-23), 5 004\_f142d67f16e0c3d2.txt",
        "",
        "Quotes:",
        "",
        r"- 1 000\_19b86c5bc931dde7.txt — `d0` chars 360–366 — > According to Business Insider, Musk recently "
        "purchased **10,000** GPUs to use in one of the company’s two remaining data centers.",
    ]
    assert lines[start + 13] == (
        r"- 3 002\_4b139ca93faf4d75.txt (2024-05-23) — `d2` chars 136–143 — > Elon Musk Has Reportedly Bought "
        "**100,000** GPUs For Twitter’s AI Search"
    )
    assert lines[start + 15] == (
        r"- 4 003\_65ac90b7189b3663.txt (2023-04-13) — `d3` chars 188–197 — > FameEX Hot Topics \| Elon Musk Buys "
        "**Thousands** of GPUs for AI Project on Twitter"
    )


def test_every_offset_points_at_its_bold_value(seeds_note: str, seeds_comparison: Comparison) -> None:
    texts = {document.id: document.text for document in seeds_comparison.documents}
    found = [match for line in seeds_note.splitlines() if (match := MENTION.match(line))]
    assert len(found) == 10
    for match in found:
        (value,) = re.findall(r"\*\*(.+?)\*\*", match["quote"])
        assert texts[match["doc"]][int(match["start"]) : int(match["end"])] == unescaped(value)


def test_self_contradictions(seeds_note: str) -> None:
    assert seeds_note.endswith(
        "## Documents that contradict themselves\n\n"
        r"- 5 004\_f142d67f16e0c3d2.txt: approximately 10,000 vs 100,000 GPUs (f1)" + "\n"
    )


def test_the_note_renders_as_its_structure(seeds_note: str) -> None:
    rendered = RENDER.render(seeds_note)
    assert re.findall(r"<h(\d)>(.*?)</h\1>", rendered) == [
        ("1", "Elon Musk Suddenly Buys GPU, Twitter Opens Bitcoin Mine?"),
        ("2", "Disputed facts"),
        ("3", "≠ GPUs (f1)"),
        ("2", "Documents that contradict themselves"),
    ]
    assert rendered.count("<li>") == 5 + 10 + 1


def test_the_same_comparison_writes_the_same_note(seeds_comparison: Comparison, seeds_note: str) -> None:
    assert note(seeds_comparison) == seeds_note


HOSTILE = (
    "# Breaking | *live* _now_\n\n"
    "Officials said 40 people\ndied in the fire at the `Acme` <b>plant</b> | $5 fine & [more](x) ~~no~~.\n"
    "The fire started at night.\n"
)
PLAIN = (
    "Fire at Acme plant\n\nOfficials said 45 people died in the fire at the Acme plant.\nThe fire started at night.\n"
)


def test_markdown_in_documents_is_escaped(tmp_path: Path) -> None:
    first, second = tmp_path / "a*b_.txt", tmp_path / "c.txt"
    first.write_text(HOSTILE, encoding="utf-8")
    second.write_text(PLAIN, encoding="utf-8")
    text = note(compare_paths([str(first), str(second)]))
    lines = text.splitlines()
    assert lines[0] == r"# \# Breaking \| \*live\* \_now\_"
    assert r"Outlets compared: 1 a\*b\_.txt, 2 c.txt" in lines
    mention = next(line for line in lines if line.startswith(r"- 1 a\*b\_.txt — `d0`"))
    assert mention == (
        r"- 1 a\*b\_.txt — `d0` chars 42–44 — > Officials said **40** people died in the fire at the \`Acme\` "
        r"\<b\>plant\</b\> \| \$5 fine \& \[more\](x) \~\~no\~\~."
    )
    assert HOSTILE[42:44] == "40"
    rendered = RENDER.render(text)
    assert "<b>" not in rendered and "<em>" not in rendered and "<a " not in rendered and "<del>" not in rendered
    assert "<table>" not in rendered
    assert re.findall(r"<strong>(.*?)</strong>", rendered) == ["40", "45", "40", "45"]
    assert re.findall(r"<h(\d)>", rendered) == ["1", "2", "3"]
    item = re.search(r"<li>1 a\*b_\.txt — <code>d0</code>.*?</li>", rendered)
    assert item is not None and "\n" not in item.group()
    assert "&lt;b&gt;plant&lt;/b&gt; | $5 fine &amp; [more](x) ~~no~~." in item.group()


def test_control_characters_are_made_visible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Officials said 40 people died in the \x1b[2Jfire\u202e.\n", encoding="utf-8")
    second.write_text("Officials said 45 people died in the fire.\n", encoding="utf-8")
    text = note(compare_paths([str(first), str(second)]))
    assert "\x1b" not in text and "\u202e" not in text
    assert r"died in the ␛\[2Jfire\\u202e." in text


def test_no_disputed_facts_is_said_plainly(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Officials said 40 people died in the fire.\n", encoding="utf-8")
    text = note(compare_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]))
    assert text.splitlines()[-1] == "No disputed facts: no two statements of a fact give values that clash."
    assert "## Disputed facts" not in text and "###" not in text
