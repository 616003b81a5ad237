"""The detail pane: the selected row's sentences in full, its claims by fact, why it aligned."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app.factindex import FactIndex
from tui.app.factlines import contradiction_line, short_label
from tui.app.palette import document_style
from tui.engine.model import ClaimKind, Comparison, Fact, shown_value
from tui.kinds import mark_of, score_note
from tui.styled import Tone, cell_pieces, rich_text
from tui.visible import single_line

_TONE_STYLES = {
    Tone.PLAIN: Style(),
    Tone.DIFFER: Style(bold=True, underline=True),
    Tone.CONFLICT: Style(bold=True, reverse=True, color="red"),
    Tone.BOILERPLATE: Style(dim=True),
    Tone.MATCH: Style(reverse=True),
}


LABEL_CELLS = 32
"""A document's label beside its sentence is cut (with "…") beyond this many cells; its sentence hangs under itself."""


class DetailPane(VerticalScroll):
    """Everything about one row, as tall as it needs up to half the screen; scrolls beyond that.

    The grid keeps the focus, so the app's ``J`` / ``K`` (or ``ctrl+d`` / ``ctrl+u``) scroll it.
    """

    def __init__(self, comparison: Comparison, index: FactIndex | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.index = index if index is not None else FactIndex(comparison)
        self.row_number: int | None = None
        self.body = Static(id="detail-body")

    def compose(self) -> ComposeResult:
        yield self.body

    def show_row(self, row_number: int | None) -> None:
        self.row_number = row_number
        self.body.update(render_detail(self.comparison, row_number, self.index))
        self.scroll_home(animate=False)

    def scroll_page(self, direction: int) -> None:
        """Scroll a page of the pane down (1) or up (-1), keeping a line of the last page in view."""
        step = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_relative(y=direction * step, animate=False)


def render_detail(comparison: Comparison, row_number: int | None, index: FactIndex | None = None) -> RenderableType:
    """The renderable of the detail pane for one row (or a note when no row is selected).

    ``index`` is the comparison's fact index; it is built here when not given (tests, one-off use).
    """
    if row_number is None:
        return Text("No row is shown: change the filter (f) or show documents (1–9).", style="italic")
    row = comparison.rows[row_number]
    mark = mark_of(row, len(comparison.documents))
    head = Text.assemble(
        (f"{mark.glyph} Row {row_number + 1} of {len(comparison.rows)}", "bold"),
        f" · {mark.value}",
        score_note(row).replace(" · score", " · alignment score"),
    )
    if index is None:
        index = FactIndex(comparison)
    parts: list[RenderableType] = [head]
    parts.extend(contradiction_line(item) for item in index.row_contradictions.get(row_number, []))
    if row.shared_words:
        parts.append(Text.assemble(("Aligned on: ", "bold"), single_line(", ".join(row.shared_words))))
    sentences = Table.grid(padding=(0, 2, 0, 0))
    sentences.add_column(no_wrap=True, max_width=LABEL_CELLS, overflow="ellipsis")
    sentences.add_column()
    for cell in row.cells:
        label = Text(f"{cell.doc + 1} {single_line(comparison.documents[cell.doc].label)}", document_style(cell.doc))
        sentences.add_row(label, rich_text(cell_pieces(comparison, row, cell.doc), _TONE_STYLES))
    parts.append(sentences)
    claims = _claims_table(comparison, row_number, index)
    if claims is not None:
        parts.append(claims)
    return Group(*parts)


@dataclass(frozen=True, slots=True)
class _FactValues:
    """One fact of a row: its values per document, each flagged when it clashes."""

    fact: Fact
    conflict: bool
    per_doc: dict[int, list[tuple[str, bool]]]


def _claims_table(comparison: Comparison, row_number: int, index: FactIndex) -> RenderableType | None:
    """The row's values, one line per fact: side by side in a column per document when that fits,
    else each value once with the documents that give it (many outlets).

    Only documents of the row that state a value get a column. A value is red only where its
    mention clashes (by fact id and place, never by label).
    """
    row = comparison.rows[row_number]
    by_fact: dict[str, dict[int, list[tuple[str, bool]]]] = {}
    facts: dict[str, Fact] = {}
    clashing_places = {
        (conflict.fact, doc, start, end)
        for conflict in row.conflicts
        for doc, places in conflict.places.items()
        for start, end in places
    }
    for cell in row.cells:
        for sentence in cell.sentences:
            for claim in comparison.claims.get((cell.doc, sentence), []):
                fact = index.fact_of.get((cell.doc, claim.start, claim.end))
                if claim.kind is ClaimKind.ENTITY or fact is None:
                    continue
                facts[fact.id] = fact
                clashes = (fact.id, cell.doc, claim.start, claim.end) in clashing_places
                by_fact.setdefault(fact.id, {}).setdefault(cell.doc, []).append((shown_value(claim), clashes))
    if not by_fact:
        return None
    clashing = {conflict.fact for conflict in row.conflicts}
    docs = [cell.doc for cell in row.cells if any(cell.doc in per_doc for per_doc in by_fact.values())]
    values = [_FactValues(facts[fact_id], fact_id in clashing, per_doc) for fact_id, per_doc in by_fact.items()]
    return _Claims(_side_by_side(comparison, docs, values), _by_value(values))


class _Claims:
    """The claims of a row as a table with a column per document, or by value when that is too wide."""

    def __init__(self, table: Table, by_value: Table) -> None:
        self.table = table
        self.by_value = by_value

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        wide = Measurement.get(console, options.update(width=10**4), self.table).maximum
        yield self.table if wide <= options.max_width else self.by_value

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.by_value)


def _fact_name(item: _FactValues) -> Text:
    return Text(
        f"{'≠ ' if item.conflict else ''}{single_line(item.fact.label)} ({item.fact.id})",
        style="bold red" if item.conflict else "",
    )


def _side_by_side(comparison: Comparison, docs: list[int], values: list[_FactValues]) -> Table:
    table = Table(title=Text("Claims", style="bold"), title_justify="left", expand=False, show_edge=False)
    table.add_column(Text("fact"), no_wrap=True)
    for doc in docs:
        header = Text(f"{doc + 1} {short_label(comparison.documents[doc])}", style=document_style(doc))
        table.add_column(header, no_wrap=True)
    for item in values:
        cells = [_fact_name(item)]
        for doc in docs:
            found = item.per_doc.get(doc)
            if not found:
                cells.append(Text("—", style="dim"))
                continue
            shown = Text()
            for number, (value, clashes) in enumerate(found):
                if number:
                    shown.append(", ")
                shown.append(single_line(value), "bold red" if clashes else "")
            cells.append(shown)
        table.add_row(*cells)
    return table


def _by_value(values: list[_FactValues]) -> Table:
    """``≠ killed (f1)  15 ×10 (1–5, 7, 9–14) · at least 15 ×3 (8, 10, 12) · 12 ×1 (6)``."""
    table = Table(
        title=Text("Claims", style="bold"), title_justify="left", show_header=False, box=None, padding=(0, 2, 0, 0)
    )
    table.add_column(no_wrap=True)
    table.add_column()
    for item in values:
        stated: dict[str, tuple[str, list[int], bool]] = {}
        for doc, found in item.per_doc.items():
            for value, clashes in found:
                text = single_line(value)
                shown, holders, clashing = stated.get(text.casefold(), (text, [], False))
                if doc not in holders:
                    holders.append(doc)
                stated[text.casefold()] = (shown, holders, clashing or clashes)
        line = Text()
        ordered = sorted(stated.values(), key=lambda entry: -len(entry[1]))
        for number, (shown, holders, clashing) in enumerate(ordered):
            if number:
                line.append(" · ", "dim")
            line.append(shown, "bold red" if clashing else "bold")
            line.append(f" ×{len(holders)} ", "dim")
            line.append("(")
            line.append_text(_doc_numbers(sorted(holders)))
            line.append(")")
        table.add_row(_fact_name(item), line)
    return table


def _doc_numbers(docs: list[int]) -> Text:
    """``1–5, 7, 9–14``: document numbers in their colours, runs of three or more folded."""
    text = Text()
    start = 0
    while start < len(docs):
        end = start
        while end + 1 < len(docs) and docs[end + 1] == docs[end] + 1:
            end += 1
        if text:
            text.append(", ")
        if end - start >= 2:
            text.append(str(docs[start] + 1), document_style(docs[start]))
            text.append("–")
            text.append(str(docs[end] + 1), document_style(docs[end]))
        else:
            for number, doc in enumerate(docs[start : end + 1]):
                if number:
                    text.append(", ")
                text.append(str(doc + 1), document_style(doc))
        start = end + 1
    return text
