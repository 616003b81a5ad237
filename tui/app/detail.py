"""The detail pane: the selected row's sentences in full, its claims by fact, why it aligned."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app.cells import Tone, cell_pieces
from tui.app.factindex import FactIndex
from tui.app.factlines import contradiction_line, short_label
from tui.app.palette import document_style
from tui.engine.mentions import shown_value
from tui.engine.model import ClaimKind, Comparison, Fact
from tui.kinds import mark_of
from tui.visible import single_line

_TONE_STYLES = {
    Tone.PLAIN: Style(),
    Tone.DIFFER: Style(bold=True, underline=True),
    Tone.CONFLICT: Style(bold=True, reverse=True, color="red"),
    Tone.BOILERPLATE: Style(dim=True),
    Tone.MATCH: Style(reverse=True),
}


class DetailPane(VerticalScroll):
    """Everything about one row; scrolls when the row is long."""

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
        f" · alignment score {row.score:.2f}" if len(row.cells) > 1 else "",
    )
    if index is None:
        index = FactIndex(comparison)
    parts: list[RenderableType] = [head]
    parts.extend(contradiction_line(item) for item in index.row_contradictions.get(row_number, []))
    if row.shared_words:
        parts.append(Text.assemble(("Aligned on: ", "bold"), single_line(", ".join(row.shared_words))))
    for cell in row.cells:
        line = Text.assemble(
            (f"{cell.doc + 1} {single_line(comparison.documents[cell.doc].label)}  ", document_style(cell.doc))
        )
        for piece in cell_pieces(comparison, row, cell.doc):
            line.append(piece.text, _TONE_STYLES[piece.tone])
        parts.append(line)
    claims = _claims_table(comparison, row_number, index)
    if claims is not None:
        parts.append(claims)
    return Group(*parts)


def _claims_table(comparison: Comparison, row_number: int, index: FactIndex) -> Table | None:
    """The row's values side by side, one line per fact, one column per document of the row.

    A value is red only where its mention clashes (by fact id and place, never by label).
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
    table = Table(title=Text("Claims", style="bold"), title_justify="left", expand=False, show_edge=False)
    table.add_column(Text("fact"))
    for doc in docs:
        header = Text(f"{doc + 1} {short_label(comparison.documents[doc])}", style=document_style(doc))
        table.add_column(header, no_wrap=True)
    for fact_id, per_doc in by_fact.items():
        fact = facts[fact_id]
        conflict = fact_id in clashing
        name = f"{'≠ ' if conflict else ''}{single_line(fact.label)} ({fact.id})"
        cells = [Text(name, style="bold red" if conflict else "")]
        for doc in docs:
            values = per_doc.get(doc)
            if not values:
                cells.append(Text("—", style="dim"))
                continue
            shown = Text()
            for number, (value, clashes) in enumerate(values):
                if number:
                    shown.append(", ")
                shown.append(single_line(value), "bold red" if clashes else "")
            cells.append(shown)
        table.add_row(*cells)
    return table
