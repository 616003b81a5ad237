"""The detail pane: the selected row's sentences in full, its claims side by side, why it aligned."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app.cells import Tone, cell_pieces
from tui.app.palette import document_style
from tui.engine.claims import shown_value, slot_key, slot_label
from tui.engine.model import Comparison
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

    def __init__(self, comparison: Comparison, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.row_number: int | None = None
        self.body = Static(id="detail-body")

    def compose(self) -> ComposeResult:
        yield self.body

    def show_row(self, row_number: int | None) -> None:
        self.row_number = row_number
        self.body.update(render_detail(self.comparison, row_number))
        self.scroll_home(animate=False)


def render_detail(comparison: Comparison, row_number: int | None) -> RenderableType:
    """The renderable of the detail pane for one row (or a note when no row is selected)."""
    if row_number is None:
        return Text("No row is shown: change the filter (f) or show documents (1–9).", style="italic")
    row = comparison.rows[row_number]
    mark = mark_of(row, len(comparison.documents))
    head = Text.assemble(
        (f"{mark.glyph} Row {row_number + 1} of {len(comparison.rows)}", "bold"),
        f" · {mark.value}",
        f" · alignment score {row.score:.2f}" if len(row.cells) > 1 else "",
    )
    parts: list[RenderableType] = [head]
    if row.shared_words:
        parts.append(Text.assemble(("Aligned on: ", "bold"), single_line(", ".join(row.shared_words))))
    for cell in row.cells:
        line = Text.assemble(
            (f"{cell.doc + 1} {single_line(comparison.documents[cell.doc].label)}  ", document_style(cell.doc))
        )
        for piece in cell_pieces(comparison, row, cell.doc):
            line.append(piece.text, _TONE_STYLES[piece.tone])
        parts.append(line)
    claims = _claims_table(comparison, row_number)
    if claims is not None:
        parts.append(claims)
    return Group(*parts)


def _claims_table(comparison: Comparison, row_number: int) -> Table | None:
    row = comparison.rows[row_number]
    by_slot: dict[str, dict[int, list[str]]] = {}
    labels: dict[str, str] = {}
    for cell in row.cells:
        for index in cell.sentences:
            for claim in comparison.claims.get((cell.doc, index), []):
                if claim.kind == "entity":
                    continue
                key = slot_key(claim)
                labels.setdefault(key, slot_label(claim))
                value = shown_value(claim)
                by_slot.setdefault(key, {}).setdefault(cell.doc, []).append(value)
    if not by_slot:
        return None
    clashing = {conflict.slot for conflict in row.conflicts}
    table = Table(title=Text("Claims", style="bold"), title_justify="left", expand=False, show_edge=False)
    table.add_column(Text("slot"))
    for cell in row.cells:
        table.add_column(
            Text(f"{cell.doc + 1} {single_line(comparison.documents[cell.doc].label)}", style=document_style(cell.doc))
        )
    for key, per_doc in by_slot.items():
        label = labels[key]
        conflict = label in clashing
        cells = [Text(f"{'≠ ' if conflict else ''}{single_line(label)}", style="bold red" if conflict else "")]
        for cell in row.cells:
            values = per_doc.get(cell.doc)
            cells.append(
                Text(
                    single_line(", ".join(values)) if values else "—",
                    style="bold" if conflict and values else "dim" if not values else "",
                )
            )
        table.add_row(*cells)
    return table
