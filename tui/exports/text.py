"""The text report: the disputed facts and the rows of a comparison rendered with rich, for a pipe."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console, Group
from rich.text import Text

from tui.engine.model import Comparison, Fact, Row, SelfContradiction, shown_value
from tui.exports.registry import ExportOptions
from tui.kinds import Mark, mark_of, score_note
from tui.styled import Tone, cell_pieces, rich_text
from tui.visible import single_line

_DEFAULTS = ExportOptions()

_STYLES = {Mark.CONFLICT: "bold red", Mark.ALL: "green", Mark.SOME: "cyan", Mark.UNIQUE: "yellow"}
_TONE_STYLES = {Tone.DIFFER: "bold underline", Tone.CONFLICT: "bold underline red", Tone.BOILERPLATE: "dim"}
"""A cell as the grid shows it: differing words underlined, clashing values red too, furniture dimmed."""


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


@dataclass(frozen=True, slots=True)
class StatedValue:
    """One value of a fact and the documents that state it (each document counted once)."""

    text: str
    """The value as shown, hedge first ("nearly 10,000"), made visible on one line."""
    docs: tuple[int, ...]
    clashing: bool
    """True when one of its mentions clashes with another value."""


def stated_values(fact: Fact) -> list[StatedValue]:
    """The distinct values of a fact, smallest first, each with the documents that give it.

    Values are told apart by their shown text, case and spacing aside ("Thousands" is "thousands").
    """
    clashing = fact.clashing()
    order: list[str] = []
    first: dict[str, tuple[str, int]] = {}
    docs: dict[str, set[int]] = {}
    clashes: dict[str, bool] = {}
    for index, mention in enumerate(fact.mentions):
        text = single_line(shown_value(mention.claim))
        key = text.casefold()
        if key not in first:
            order.append(key)
            first[key] = (text, index)
        docs.setdefault(key, set()).add(mention.doc)
        clashes[key] = clashes.get(key, False) or index in clashing

    def place(key: str) -> tuple[int, float, float, int]:
        index = first[key][1]
        reading = fact.mentions[index].claim.reading
        if reading is None:
            return (1, 0.0, 0.0, index)
        return (0, (reading.low + reading.high) / 2, reading.low, index)

    return [
        StatedValue(text=first[key][0], docs=tuple(sorted(docs[key])), clashing=clashes[key])
        for key in sorted(order, key=place)
    ]


def fact_line(fact: Fact, name_doc: Callable[[int], str]) -> str:
    """``≠ GPUs (f1) · 10,000 ×2 (d0, d1) · 100,000 ×1 (d2)``, documents named by ``name_doc``."""
    values = " · ".join(
        f"{value.text} ×{len(value.docs)} ({', '.join(name_doc(doc) for doc in value.docs)})"
        for value in stated_values(fact)
    )
    return f"{'≠' if fact.disputed else '='} {single_line(fact.label)} ({fact.id}) · {values}"


def contradiction_text(item: SelfContradiction) -> str:
    """``approximately 10,000 vs 100,000 GPUs`` (counts name their thing last, other kinds first)."""
    first, second = single_line(shown_value(item.first)), single_line(shown_value(item.second))
    if item.kind == "quantity":
        return f"{first} vs {second} {single_line(item.slot)}"
    return f"{single_line(item.slot)}: {first} vs {second}"


def render(comparison: Comparison) -> Group:
    """The whole report as one rich renderable."""
    parts: list[Text] = [Text(summary_line(comparison), style="bold")]
    for document in comparison.documents:
        parts.append(
            Text.assemble(
                (f"  {document.id} ", "bold"),
                single_line(document.label),
                " — ",
                single_line(document.title),
                f" · {document.published}" if document.published else "",
            )
        )
    disputed = [fact for fact in comparison.facts if fact.disputed]
    if disputed:
        parts.append(Text(""))
        parts.append(Text("Disputed facts", style="bold red"))
        for fact in disputed:
            parts.append(Text("  " + fact_line(fact, lambda doc: comparison.documents[doc].id)))
    if comparison.self_contradictions:
        parts.append(Text(""))
        parts.append(Text("Documents that contradict themselves", style="bold red"))
        for item in comparison.self_contradictions:
            document = comparison.documents[item.doc]
            parts.append(
                Text.assemble(
                    "  ≠ ",
                    (f"{document.id} {single_line(document.label)}", "bold"),
                    f": {contradiction_text(item)}",
                    f" ({single_line(item.fact)})" if item.fact else "",
                )
            )
    for number, row in enumerate(comparison.rows, 1):
        parts.append(Text(""))
        parts.extend(_row(comparison, row, number))
    return Group(*parts)


def _row(comparison: Comparison, row: Row, number: int) -> list[Text]:
    mark = mark_of(row, len(comparison.documents))
    head = Text.assemble(
        (f"{mark.glyph} ", _STYLES[mark]),
        (f"Row {number}", "bold"),
        f" · {mark.value}",
        score_note(row),
    )
    lines: list[Text] = [head]
    for conflict in row.conflicts:
        values = " · ".join(f"{comparison.documents[doc].label}: {value}" for doc, value in conflict.values.items())
        lines.append(
            Text.assemble("  ", ("≠ ", "bold red"), (single_line(conflict.slot), "bold"), " — ", single_line(values))
        )
    for cell in row.cells:
        document = comparison.documents[cell.doc]
        body = rich_text(cell_pieces(comparison, row, cell.doc), _TONE_STYLES)
        line = Text("  ")
        line.append(f"[{single_line(document.label)}] ", style="bold")
        line.append_text(body)
        lines.append(line)
    return lines


def write(comparison: Comparison, stream: TextIO, options: ExportOptions = _DEFAULTS) -> None:
    """Print the report to ``stream``: colour only on a terminal, never with NO_COLOR or TERM=dumb."""
    color = options.color
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
