"""Who copied whom: the documents × documents matrix of shared verbatim words and aligned rows."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.app.fitting import Fitted, cut_at_word, parts_of
from tui.app.footer import KeyFooter
from tui.app.palette import document_style
from tui.engine.model import Comparison
from tui.engine.provenance import Provenance, pair_passages, provenance
from tui.visible import single_line

COPIED = "●"
"""The mark of a pair that copied text verbatim (a glyph, so it reads without colour)."""
MAX_PASSAGES = 3
"""Shared passages the card quotes for the highlighted pair."""
QUOTE_CELLS = 240
"""A quoted passage is cut (at a word, with "…") beyond this many cells."""


class ProvenanceTable(DataTable[Text]):
    """The matrix: a row and a column per document in the clustered order, a cell per pair."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *DataTable.COMPONENT_CLASSES,
        "provenance--copied",
        "provenance--shared",
        "provenance--none",
        "provenance--self",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next document (row)", show=False),
        Binding("k,up", "cursor_up", "Prev document (row)", show=False),
        Binding("l,right", "cursor_right", "Next document (column)", show=False),
        Binding("h,left", "cursor_left", "Prev document (column)", show=False),
        Binding("g,home", "scroll_top", "First row", show=False),
        Binding("G,end", "scroll_bottom", "Last row", key_display="G", show=False),
        Binding("enter", "select_cursor", "Go to their longest shared passage"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", cell_padding=0, zebra_stripes=False)

    def fill(self, comparison: Comparison, result: Provenance, label_cells: int) -> None:
        """(Re)build the matrix; the cursor keeps its cell."""
        keep = self.cursor_coordinate
        self.clear(columns=True)
        order = result.order
        texts = {(a, b): _cell_text(result, a, b) for a in order for b in order}
        width = max((cell_len(text) for text in texts.values()), default=1) + 1
        for doc in order:
            self.add_column(Text(f"{doc + 1}".rjust(width), style=document_style(doc)), width=width, key=str(doc))
        digits = len(str(len(order)))
        for a in order:
            label = fit_label(f"{a + 1:>{digits}} {single_line(comparison.documents[a].label)}", label_cells)
            cells = [self._styled(result, a, b, texts[(a, b)].rjust(width)) for b in order]
            self.add_row(*cells, key=str(a), label=Text.assemble((label, document_style(a)), " "))
        if self.row_count:
            self.cursor_coordinate = self.validate_cursor_coordinate(keep)

    def _styled(self, result: Provenance, a: int, b: int, text: str) -> Text:
        pair = result.pair(a, b)
        if a == b:
            component = "provenance--self"
        elif pair.copied:
            component = "provenance--copied"
        elif pair.words or pair.rows:
            component = "provenance--shared"
        else:
            component = "provenance--none"
        return Text(text, style=self.get_component_rich_style(component, partial=True))


def _cell_text(result: Provenance, a: int, b: int) -> str:
    """``●139/8`` (copied, 139 shared words, 8 aligned rows), ``14/4``, ``0/0`` (dim), ``—`` (itself)."""
    if a == b:
        return "—"
    pair = result.pair(a, b)
    return f"{COPIED if pair.copied else ''}{pair.words}/{pair.rows}"


def fit_label(label: str, cells: int) -> str:
    """A label padded to ``cells``, or cut to them with an ellipsis."""
    if cell_len(label) <= cells:
        return set_cell_size(label, cells)
    return set_cell_size(label, max(cells - 1, 0)) + "…"


class ProvenanceScreen(Screen[tuple[int, int] | None]):
    """Who copied whom over the grid; dismissed with (row, document) to go to, or None.

    The matrix is computed in a thread worker (it reads every passage and row), so a long
    comparison never holds up the screen.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,p,q", "close", "Back to grid")]

    @dataclass
    class Computed(Message):
        """The worker finished the matrix."""

        provenance: Provenance

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison
        self.result: Provenance | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Who copied whom", style="bold"), id="provenance-title")
        yield Static(_legend(), id="provenance-legend")
        yield ProvenanceTable(id="provenance-table")
        with VerticalScroll(id="provenance-card"):
            yield Static(Text("Counting shared words…", style="italic"), id="provenance-card-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(ProvenanceTable)
        table.loading = True
        table.focus()
        self._compute()

    @work(thread=True, exclusive=True, group="provenance")
    def _compute(self) -> None:
        self.post_message(self.Computed(provenance(self.comparison)))

    def on_provenance_screen_computed(self, message: Computed) -> None:
        self.result = message.provenance
        table = self.query_one(ProvenanceTable)
        table.loading = False
        self._fill()
        self.query_one("#provenance-title", Static).update(self._title())
        best = self.result.strongest()
        if best is not None:
            order = self.result.order
            table.cursor_coordinate = Coordinate(order.index(best[0]), order.index(best[1]))

    def on_resize(self, event: events.Resize) -> None:
        if self.result is not None:
            self._fill()

    def _fill(self) -> None:
        """Fill the matrix, its row labels as wide as the screen leaves (8 to all of a label's cells)."""
        assert self.result is not None
        documents = self.comparison.documents
        count = len(documents)
        cells = max((cell_len(_cell_text(self.result, a, b)) for a in range(count) for b in range(count)), default=1)
        number = len(str(count)) + 1
        longest = max((cell_len(single_line(document.label)) for document in documents), default=8)
        room = self.size.width - count * (cells + 1) - 3
        self.query_one(ProvenanceTable).fill(self.comparison, self.result, number + min(max(room - number, 8), longest))
        self._show_card()

    def _title(self) -> Fitted:
        assert self.result is not None
        copies = len(self.result.copies)
        count = len(self.comparison.documents)
        return Fitted(
            parts_of(
                Text("Who copied whom", style="bold"),
                f"{count} document{'s' if count != 1 else ''}",
                Text(f"{copies} pair{'s' if copies != 1 else ''} copied verbatim", style="bold"),
                f"{COPIED} = a shared run of {self.result.copy_words}+ words",
                "ordered so that documents sharing most text stand together",
                priorities=(3, 2, 3, 1, 0),
            )
        )

    # The highlighted pair --------------------------------------------------------------------------

    @on(DataTable.CellHighlighted)
    def _highlighted(self) -> None:
        self._show_card()

    def highlighted_pair(self) -> tuple[int, int] | None:
        """(row document, column document) under the cursor."""
        if self.result is None or not self.result.order:
            return None
        row, column = self.query_one(ProvenanceTable).cursor_coordinate
        order = self.result.order
        if not (0 <= row < len(order) and 0 <= column < len(order)):
            return None
        return order[row], order[column]

    def _show_card(self) -> None:
        pair = self.highlighted_pair()
        body = self.query_one("#provenance-card-body", Static)
        if pair is None or self.result is None:
            body.update(Text("No documents.", style="italic"))
            return
        body.update(self._card(*pair))
        self.query_one("#provenance-card", VerticalScroll).scroll_home(animate=False)

    def _card(self, a: int, b: int) -> RenderableType:
        assert self.result is not None
        documents = self.comparison.documents
        name_a = Text(f"{a + 1} {single_line(documents[a].label)}", style=document_style(a))
        if a == b:
            return self._document_card(a, name_a)
        pair = self.result.pair(a, b)
        name_b = Text(f"{b + 1} {single_line(documents[b].label)}", style=document_style(b))
        head = Text.assemble(
            name_a,
            " ↔ ",
            name_b,
            f" · {pair.words} shared word{'s' if pair.words != 1 else ''}",
            f" · {pair.rows} aligned row{'s' if pair.rows != 1 else ''}",
        )
        if pair.copied:
            head.append(f" · {COPIED} copied verbatim", "bold")
            head.append(f" (a run of {pair.longest} words)")
        elif pair.longest:
            head.append(f" · longest shared run {pair.longest} words (under {self.result.copy_words}: no copy)")
        parts: list[RenderableType] = [head]
        quotes = Table.grid(padding=(0, 1, 0, 0))
        quotes.add_column(justify="right", style="dim", no_wrap=True)
        quotes.add_column()
        for passage in pair_passages(self.comparison, a, b, limit=MAX_PASSAGES):
            quote = cut_at_word(Text(single_line(passage.text)), QUOTE_CELLS)
            quotes.add_row(f"{passage.words} words", Text.assemble("“", quote, "”"))
        if quotes.row_count:
            parts.append(Padding(quotes, (0, 0, 0, 2)))
        if pair.words or pair.rows:
            parts.append(Text("Enter: go to the row of their longest shared passage", style="italic dim"))
        return Group(*parts)

    def _document_card(self, doc: int, name: Text) -> Text:
        """A document with itself: its size and the document it shares most with."""
        assert self.result is not None
        result = self.result
        documents = self.comparison.documents
        head = Text.assemble(name, f" · {result.sizes[doc]} words")
        others = [other for other in range(len(documents)) if other != doc]
        best = min(others, key=lambda other: (-result.pair(doc, other).words, other), default=None)
        if best is not None and result.pair(doc, best).words:
            head.append(" · shares most with ")
            head.append(f"{best + 1} {single_line(documents[best].label)}", document_style(best))
            head.append(f" ({result.pair(doc, best).words} words)")
        return head

    @on(DataTable.CellSelected)
    def _selected(self) -> None:
        pair = self.highlighted_pair()
        target = self.target(*pair) if pair is not None else None
        if target is None:
            self.app.bell()
            return
        self.dismiss(target)

    def target(self, a: int, b: int) -> tuple[int, int] | None:
        """(row, document) of the pair's longest shared passage in document ``a``, else of the first
        row that holds both; None for a document with itself or a pair with nothing in common."""
        if a == b:
            return None
        where = self.comparison.row_of()
        passages = pair_passages(self.comparison, a, b, limit=1)
        if passages:
            start = next(start for doc, start, _ in passages[0].occurrences if doc == a)
            sentences = self.comparison.sentences[a]
            index = max(bisect_right([sentence.start for sentence in sentences], start) - 1, 0)
            if (a, index) in where:
                return where[(a, index)], a
        for number, row in enumerate(self.comparison.rows):
            if a in row.docs and b in row.docs:
                return number, a
        return None

    def action_close(self) -> None:
        self.dismiss(None)


def _legend() -> Fitted:
    return Fitted(
        parts_of(
            Text.assemble("cell: ", ("shared words", "bold"), " / ", ("aligned rows", "bold")),
            f"{COPIED} copied verbatim",
            "— the document itself",
            "Enter on a cell: go there",
        )
    )
