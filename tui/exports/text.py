"""The text report: the rows of a comparison rendered with rich, readable in a pipe."""

from __future__ import annotations

import os
from typing import TextIO

from rich.console import Console, Group
from rich.text import Text

from tui.engine.model import Comparison, Row
from tui.kinds import Mark, mark_of
from tui.visible import folded, single_line

_STYLES = {Mark.CONFLICT: "bold red", Mark.ALL: "green", Mark.SOME: "cyan", Mark.UNIQUE: "yellow"}


def summary_line(comparison: Comparison) -> str:
    """``5 documents · 62 rows · 3 conflicts · 31 unique``."""
    counts = {mark: 0 for mark in Mark}
    for row in comparison.rows:
        counts[mark_of(row, len(comparison.documents))] += 1
    documents = len(comparison.documents)
    return (
        f"{documents} document{'s' if documents != 1 else ''} · {len(comparison.rows)} rows · "
        f"{counts[Mark.CONFLICT]} conflict{'s' if counts[Mark.CONFLICT] != 1 else ''} · "
        f"{counts[Mark.UNIQUE]} unique"
    )


def render(comparison: Comparison) -> Group:
    """The whole report as one rich renderable."""
    parts: list[Text] = [Text(summary_line(comparison), style="bold")]
    for document in comparison.documents:
        parts.append(
            Text.assemble(
                (f"  {document.id} ", "bold"), single_line(document.label), " — ", single_line(document.title)
            )
        )
    for number, row in enumerate(comparison.rows, 1):
        parts.append(Text(""))
        parts.extend(_row(comparison, row, number))
    if comparison.self_contradictions:
        parts.append(Text(""))
        parts.append(Text("Documents that contradict themselves", style="bold red"))
        for item in comparison.self_contradictions:
            label = comparison.documents[item.doc].label
            parts.append(
                Text.assemble(
                    "  ≠ ",
                    (single_line(label), "bold"),
                    f" {single_line(item.slot)}: ",
                    (single_line(item.first.text), "red"),
                    " vs ",
                    (single_line(item.second.text), "red"),
                )
            )
    return Group(*parts)


def _row(comparison: Comparison, row: Row, number: int) -> list[Text]:
    mark = mark_of(row, len(comparison.documents))
    head = Text.assemble(
        (f"{mark.glyph} ", _STYLES[mark]),
        (f"Row {number}", "bold"),
        f" · {mark.value}",
        f" · score {row.score:.2f}" if len(row.cells) > 1 else "",
    )
    lines: list[Text] = [head]
    for conflict in row.conflicts:
        values = " · ".join(f"{comparison.documents[doc].label}: {value}" for doc, value in conflict.values.items())
        lines.append(
            Text.assemble("  ", ("≠ ", "bold red"), (single_line(conflict.slot), "bold"), " — ", single_line(values))
        )
    for cell in row.cells:
        document = comparison.documents[cell.doc]
        body = _cell_text(comparison, row, cell.doc, cell.sentences)
        line = Text("  ")
        line.append(f"[{single_line(document.label)}] ", style="bold")
        line.append_text(body)
        lines.append(line)
    return lines


def _cell_text(comparison: Comparison, row: Row, doc: int, indices: list[int]) -> Text:
    sentences = [comparison.sentences[doc][index] for index in indices]
    text = Text()
    spans = row.spans.get(doc, [])
    dim = all(sentence.boilerplate for sentence in sentences)
    for number, sentence in enumerate(sentences):
        if number:
            text.append(" ")
        cursor = sentence.start
        for span in spans:
            if span.end <= sentence.start or span.start >= sentence.end:
                continue
            start, end = max(span.start, sentence.start), min(span.end, sentence.end)
            text.append(_piece(comparison, doc, cursor, start))
            text.append(_piece(comparison, doc, start, end), style="" if span.shared else "bold underline")
            cursor = end
        text.append(_piece(comparison, doc, cursor, sentence.end))
    if dim:
        text.stylize("dim")
    return text


def _piece(comparison: Comparison, doc: int, start: int, end: int) -> str:
    return folded(comparison.documents[doc].text[start:end]) if end > start else ""


def write(comparison: Comparison, stream: TextIO, *, color: bool | None = None) -> None:
    """Print the report to ``stream``: colour only on a terminal, never with NO_COLOR or TERM=dumb."""
    plain = os.environ.get("NO_COLOR") is not None or os.environ.get("TERM") == "dumb"
    console = Console(
        file=stream,
        no_color=plain,
        force_terminal=color,
        color_system=None if plain else "auto",
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=not stream.isatty(),
    )
    console.print(render(comparison))
