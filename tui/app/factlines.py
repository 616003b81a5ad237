"""How a fact reads in the app: its one-line ledger entry (wide and compact) and its full card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from tui.app.factindex import FactIndex
from tui.app.palette import document_style
from tui.engine.model import Document, Fact, SelfContradiction
from tui.exports.text import contradiction_text, stated_values
from tui.visible import single_line

SHORT_LABEL = 8
"""Cells of a document label in a ledger line, the ellipsis included: ``000_19b…``."""
MAX_CARD_VALUES = 8
"""Values listed on a fact's card before "… and N more"."""


class Part(StrEnum):
    """What a piece of a ledger line is; the ledger maps each to a component class of its CSS."""

    DISPUTED = "disputed"
    AGREED = "agreed"
    SINGLE = "single"
    ID = "id"
    LABEL = "label"
    VALUE = "value"
    COUNT = "count"
    RULE = "rule"
    SELF = "self"
    PLAIN = "plain"


@dataclass(frozen=True, slots=True)
class Run:
    """A run of ledger text: one part of the line, or a document reference (``doc`` set)."""

    text: str
    part: Part = Part.PLAIN
    doc: int | None = None


def mark_of_fact(fact: Fact) -> tuple[str, Part]:
    """``≠`` disputed, ``=`` the same in several documents, ``◆`` stated by one document."""
    if fact.disputed:
        return "≠", Part.DISPUTED
    if len(fact.docs) > 1:
        return "=", Part.AGREED
    return "◆", Part.SINGLE


def short_label(document: Document) -> str:
    """The document's label cut to SHORT_LABEL cells with an ellipsis: ``000_19b…``."""
    label = single_line(document.label)
    if cell_len(label) <= SHORT_LABEL:
        return label
    return set_cell_size(label, SHORT_LABEL - 1) + "…"


def ledger_runs(
    fact: Fact,
    documents: Sequence[Document],
    contradictions: Sequence[SelfContradiction],
    *,
    id_width: int,
    labels: bool,
) -> list[Run]:
    """``≠ f1  GPUs · 10,000 ×2 (1 000_19b…, 2 001_fbe…) · … · ≠ document 5 contradicts itself``.

    With ``labels`` False documents are named by number only (the compact form for narrow screens).
    """
    glyph, part = mark_of_fact(fact)
    runs = [
        Run(glyph, part),
        Run(" "),
        Run(fact.id.ljust(id_width), Part.ID),
        Run(" "),
        Run(single_line(fact.label), Part.DISPUTED if fact.disputed else Part.LABEL),
    ]
    for value in stated_values(fact):
        runs.append(Run(" · ", Part.RULE))
        runs.append(Run(value.text, Part.VALUE))
        runs.append(Run(f" ×{len(value.docs)} ", Part.COUNT))
        runs.append(Run("("))
        for number, doc in enumerate(value.docs):
            if number:
                runs.append(Run(", "))
            name = f"{doc + 1} {short_label(documents[doc])}" if labels else str(doc + 1)
            runs.append(Run(name, doc=doc))
        runs.append(Run(")"))
    for doc in sorted({item.doc for item in contradictions}):
        runs.append(Run(" · ", Part.RULE))
        runs.append(Run("≠ ", Part.SELF))
        runs.append(Run(f"document {doc + 1}" if labels else str(doc + 1), doc=doc))
        runs.append(Run(" contradicts itself", Part.SELF))
    return runs


def runs_width(runs: Sequence[Run]) -> int:
    return sum(cell_len(run.text) for run in runs)


def contradiction_line(item: SelfContradiction) -> Text:
    """``≠ document 5 contradicts itself: approximately 10,000 vs 100,000 GPUs (f1)``."""
    return Text.assemble(
        ("≠ ", "bold red"),
        (f"document {item.doc + 1}", document_style(item.doc)),
        (" contradicts itself: ", "bold red"),
        contradiction_text(item),
        f" ({single_line(item.fact)})" if item.fact else "",
    )


def fact_card(fact: Fact, documents: Sequence[Document], index: FactIndex, width: int = 160) -> RenderableType:
    """Everything the ledger knows of one fact: its values with full document labels, where it is.

    A value's documents share a line when they fit ``width`` cells, else each takes a line of its own.
    """
    glyph, _ = mark_of_fact(fact)
    places = index.places.get(fact.id, [])
    rows = sorted({place.row for place in places})
    docs = fact.docs
    head = Text.assemble(
        (f"{glyph} {fact.id} {single_line(fact.label)}", "bold red" if fact.disputed else "bold"),
        f" · {fact.kind.value} · {len(fact.mentions)} mention{'s' if len(fact.mentions) != 1 else ''}"
        f" in {len(docs)} document{'s' if len(docs) != 1 else ''}",
        f", {len(rows)} row{'s' if len(rows) != 1 else ''}" if rows else "",
        (" · disputed", "red") if fact.disputed else "",
    )
    values = stated_values(fact)
    value_width = max((cell_len(value.text) for value in values[:MAX_CARD_VALUES]), default=0)
    count_width = max((len(f"×{len(value.docs)}") for value in values[:MAX_CARD_VALUES]), default=0)
    room = width - 2 - value_width - 1 - count_width - 1
    table = Table(show_header=False, box=None, padding=(0, 1, 0, 0), expand=False)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, style="dim")
    table.add_column()
    for value in values[:MAX_CARD_VALUES]:
        named = [(f"{doc + 1} {single_line(documents[doc].label)}", doc) for doc in value.docs]
        apart = sum(cell_len(name) + 2 for name, _ in named) - 2 > room
        names = Text()
        for number, (name, doc) in enumerate(named):
            if number:
                names.append(",\n" if apart else ", ")
            names.append(name, document_style(doc))
        table.add_row(Text(value.text, style=Style(bold=True)), Text(f"×{len(value.docs)}"), names)
    parts: list[RenderableType] = [head]
    parts.extend(Text.assemble("  ", contradiction_line(item)) for item in index.contradictions.get(fact.id, []))
    parts.append(Padding(table, (0, 0, 0, 2)))
    if len(values) > MAX_CARD_VALUES:
        parts.append(Text(f"  … and {len(values) - MAX_CARD_VALUES} more values", style="dim"))
    if rows:
        parts.append(
            Text(
                f"Enter: go to row {rows[0] + 1}, its first mention; then m / M step through "
                f"all {len(places)} in the grid",
                style="italic dim",
            )
        )
    return Group(*parts)
