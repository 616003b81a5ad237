"""The comparison grid: one column per document, one row per aligned group, drawn line by line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.cells import Piece, Tone, cell_pieces, width_of, wrap
from tui.app.factindex import FactIndex
from tui.app.layout import Columns, RowOffsets, plan_columns
from tui.engine.model import Comparison, RowKind
from tui.kinds import Mark, mark_of
from tui.visible import single_line


class RowFilter(StrEnum):
    """Which rows the grid shows; ``f`` cycles through them in this order."""

    ALL = "all"
    CONFLICTS = "conflicts"
    UNIQUE = "unique"
    SHARED = "shared"

    def next(self) -> RowFilter:
        members = list(RowFilter)
        return members[(members.index(self) + 1) % len(members)]

    def admits(self, kind: RowKind) -> bool:
        if self is RowFilter.ALL:
            return True
        wanted = {
            RowFilter.CONFLICTS: RowKind.CONFLICT,
            RowFilter.UNIQUE: RowKind.UNIQUE,
            RowFilter.SHARED: RowKind.SHARED,
        }
        return kind is wanted[self]


_TONE_CLASSES = {
    Tone.DIFFER: "grid--differ",
    Tone.CONFLICT: "grid--conflict",
    Tone.BOILERPLATE: "grid--boilerplate",
    Tone.MATCH: "grid--match",
}
_MARK_CLASSES = {
    Mark.CONFLICT: "grid--mark-conflict",
    Mark.ALL: "grid--mark-all",
    Mark.SOME: "grid--mark-some",
    Mark.UNIQUE: "grid--mark-unique",
}


class ComparisonGrid(ScrollView, can_focus=True):
    """Rows of aligned sentences, word-wrapped in document columns, rendered lazily (Line API).

    Only the lines on screen are drawn; a row's cells are wrapped once per column width and kept,
    so moving the cursor through thousands of rows repaints a screenful, no more.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid--differ",
        "grid--conflict",
        "grid--boilerplate",
        "grid--match",
        "grid--cursor",
        "grid--cursor-focus",
        "grid--rule",
        "grid--empty",
        "grid--mark-conflict",
        "grid--mark-all",
        "grid--mark-some",
        "grid--mark-unique",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next row", show=False),
        Binding("k,up", "cursor_up", "Prev row", show=False),
        Binding("n", "next_conflict", "Next conflict"),
        Binding("N", "previous_conflict", "Prev conflict", key_display="N"),
        Binding("u", "next_unique", "Next unique", show=False),
        Binding("U", "previous_unique", "Prev unique", key_display="U", show=False),
        Binding("tab,l,right", "focus_next_document", "Next document", show=False, priority=True),
        Binding("shift+tab,h,left", "focus_previous_document", "Prev document", show=False, priority=True),
        Binding("g,home", "first_row", "First row", show=False),
        Binding("G,end", "last_row", "Last row", key_display="G", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("f", "cycle_filter", "Filter"),
        Binding("enter", "toggle_detail", "Detail"),
        Binding("o", "open_document", "Full text"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("c", "open_ledger", "Claims ledger"),
        Binding("m", "next_mention", "Next mention of the fact", show=False),
        Binding("M", "previous_mention", "Prev mention of the fact", key_display="M", show=False),
        *[Binding(str(n), f"toggle_document({n - 1})", f"Hide/show document {n}", show=False) for n in range(1, 10)],
    ]

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the selected row among the rows shown."""
    focus_doc: reactive[int] = reactive(0, init=False)
    """The focused document (its column is highlighted; ``o`` opens it)."""
    row_filter: reactive[RowFilter] = reactive(RowFilter.ALL, init=False)
    hidden: reactive[frozenset[int]] = reactive(frozenset(), init=False)

    @dataclass
    class CursorMoved(Message):
        """The selected row, filter, focus or hidden documents changed."""

        grid: ComparisonGrid

    @dataclass
    class DetailToggled(Message):
        """The user asked to show or hide the detail of the selected row."""

        grid: ComparisonGrid

    @dataclass
    class DocumentOpened(Message):
        """The user asked for the full text of ``doc`` at ``sentence``."""

        doc: int
        sentence: int

    @dataclass
    class SearchRequested(Message):
        """The user pressed ``/``."""

    @dataclass
    class LedgerRequested(Message):
        """The user asked for the claims ledger; ``fact`` is the current fact, to highlight there."""

        fact: str | None

    @dataclass
    class ColumnsChanged(Message):
        """The column geometry changed (resize, paging, hiding)."""

        columns: Columns

    def __init__(
        self,
        comparison: Comparison,
        *,
        index: FactIndex | None = None,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.comparison = comparison
        self.index = index if index is not None else FactIndex(comparison)
        self.chosen_fact: str | None = None
        """The fact chosen in the ledger or last stepped with ``m``; current wherever a row mentions it."""
        self._mention: int | None = None
        """The place (in grid order) of the chosen fact that ``m`` last went to."""
        self.search_text = ""
        self.shown_rows: list[int] = []
        self.columns = plan_columns(80, list(range(len(comparison.documents))), 0)
        self._offsets = RowOffsets([])
        self._wrapped: dict[tuple[int, int], list[list[Piece]]] = {}
        self._layout_width = -1
        self._rows_dirty = True

    # Layout -----------------------------------------------------------------------------------

    def visible_docs(self) -> list[int]:
        return [doc for doc in range(len(self.comparison.documents)) if doc not in self.hidden]

    def _select_rows(self) -> None:
        visible = set(self.visible_docs())
        self.shown_rows = [
            number
            for number, row in enumerate(self.comparison.rows)
            if self.row_filter.admits(row.kind) and any(cell.doc in visible for cell in row.cells)
        ]
        self._rows_dirty = False

    def _relayout(self, *, keep_row: int | None = None) -> None:
        """Recompute columns, wrapped cells and row offsets for the current width and settings."""
        if self._rows_dirty:
            self._select_rows()
        width = self.scrollable_content_region.width or self.size.width or 80
        columns = plan_columns(width, self.visible_docs(), self.focus_doc, first=self.columns.shown_from)
        if columns != self.columns or width != self._layout_width:
            self._wrapped.clear()
        changed = columns != self.columns
        self.columns = columns
        self._layout_width = width
        heights = [self._row_height(number) for number in self.shown_rows]
        self._offsets = RowOffsets(heights)
        self.virtual_size = Size(width, self._offsets.total)
        if keep_row is not None:
            self.set_reactive(ComparisonGrid.cursor, self._nearest_shown(keep_row))
        self.set_reactive(ComparisonGrid.cursor, min(self.cursor, max(len(self.shown_rows) - 1, 0)))
        if changed:
            self.post_message(self.ColumnsChanged(columns))
        self.refresh()

    def _row_height(self, number: int) -> int:
        lines = max((len(self._cell_lines(number, doc)) for doc in self.columns.docs), default=1)
        return lines + 1  # a rule under every row

    def _cell_lines(self, number: int, doc: int) -> list[list[Piece]]:
        key = (number, doc)
        found = self._wrapped.get(key)
        if found is None:
            row = self.comparison.rows[number]
            pieces = cell_pieces(self.comparison, row, doc, search=self.search_text)
            found = wrap(pieces, self.columns.width) if pieces else [[]]
            self._wrapped[key] = found
        return found

    def _nearest_shown(self, row_number: int) -> int:
        """Index among shown rows of ``row_number``, or of the nearest shown row after it."""
        for index, number in enumerate(self.shown_rows):
            if number >= row_number:
                return index
        return max(len(self.shown_rows) - 1, 0)

    @property
    def selected_row(self) -> int | None:
        """Index in ``comparison.rows`` of the selected row, or None when no row is shown."""
        return self.shown_rows[self.cursor] if self.shown_rows else None

    def on_resize(self, event: events.Resize) -> None:
        self._relayout(keep_row=self.selected_row)
        self._scroll_to_cursor()

    def on_mount(self) -> None:
        self._relayout(keep_row=0)
        self.post_message(self.CursorMoved(self))

    # Drawing ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        absolute = y + scroll_y
        width = self.scrollable_content_region.width
        index = self._offsets.row_at(absolute)
        if index is None:
            return Strip.blank(width, self.rich_style)
        number = self.shown_rows[index]
        line = absolute - self._offsets.tops[index]
        height = self._offsets.heights[index]
        selected = index == self.cursor
        if line == height - 1:
            return self._rule_line(width)
        return self._content_line(number, line, width, selected).crop(scroll_x, scroll_x + width)

    def _rule_line(self, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style("grid--rule")
        return Strip([Segment(" " * 2, self.rich_style), Segment("─" * max(width - 2, 0), style)], width)

    def _content_line(self, number: int, line: int, width: int, selected: bool) -> Strip:
        base = self.rich_style
        if selected:
            base = base + self.get_component_rich_style("grid--cursor")
        row = self.comparison.rows[number]
        segments: list[Segment] = []
        if line == 0:
            mark = mark_of(row, len(self.comparison.documents))
            segments.append(
                Segment(mark.glyph, base + self.get_component_rich_style(_MARK_CLASSES[mark], partial=True))
            )
            segments.append(Segment(" ", base))
        else:
            segments.append(Segment("  ", base))
        columns = self.columns
        for position, doc in enumerate(columns.docs):
            cell_base = base
            if selected and doc == self.focus_doc:
                cell_base = base + self.get_component_rich_style("grid--cursor-focus")
            if position:
                segments.append(Segment(" │ ", base + self.get_component_rich_style("grid--rule", partial=True)))
            segments.extend(self._cell_segments(number, doc, line, columns.width, cell_base))
        used = sum(segment.cell_length for segment in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width)

    def _cell_segments(self, number: int, doc: int, line: int, width: int, base: Style) -> list[Segment]:
        row = self.comparison.rows[number]
        if row.cell_for(doc) is None:
            text = "—" if line == 0 else ""
            return [Segment(text.ljust(width), base + self.get_component_rich_style("grid--empty", partial=True))]
        lines = self._cell_lines(number, doc)
        pieces = lines[line] if line < len(lines) else []
        segments = [Segment(piece.text, self._tone_style(piece.tone, base)) for piece in pieces]
        used = sum(width_of(piece.text) for piece in pieces)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments

    def _tone_style(self, tone: Tone, base: Style) -> Style:
        component = _TONE_CLASSES.get(tone)
        return base + self.get_component_rich_style(component, partial=True) if component else base

    # Cursor -----------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self))

    def _refresh_row(self, index: int) -> None:
        if 0 <= index < len(self._offsets):
            top = self._offsets.tops[index] - round(self.scroll_offset.y)
            self.refresh(Region(0, top, self.size.width, self._offsets.heights[index]))

    def _scroll_to_cursor(self) -> None:
        if not self.shown_rows:
            return
        top = self._offsets.tops[self.cursor]
        height = self._offsets.heights[self.cursor]
        viewport = self.scrollable_content_region.height
        region = Region(0, top, 1, min(height, max(viewport, 1)))
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    def move_to(self, index: int) -> None:
        """Select the shown row ``index`` (clamped)."""
        if self.shown_rows:
            self.cursor = min(max(index, 0), len(self.shown_rows) - 1)

    def select_row(self, row_number: int) -> None:
        """Select a row by its index in the comparison, showing it if the filter hides it."""
        if row_number not in self.shown_rows:
            self.row_filter = RowFilter.ALL
            self.hidden = frozenset(self.hidden - {cell.doc for cell in self.comparison.rows[row_number].cells})
        self.move_to(self.shown_rows.index(row_number))

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first_row(self) -> None:
        self.move_to(0)

    def action_last_row(self) -> None:
        self.move_to(len(self.shown_rows) - 1)

    def action_page_down(self) -> None:
        self.move_to(self._row_a_page_away(+1))

    def action_page_up(self) -> None:
        self.move_to(self._row_a_page_away(-1))

    def _row_a_page_away(self, direction: int) -> int:
        if not self.shown_rows:
            return 0
        viewport = max(self.scrollable_content_region.height, 1)
        target = self._offsets.tops[self.cursor] + direction * viewport
        found = self._offsets.row_at(min(max(target, 0), max(self._offsets.total - 1, 0)))
        if found is None:
            return self.cursor
        if found == self.cursor:
            return self.cursor + direction
        return found

    def _jump(self, kinds: set[RowKind], direction: int, name: str) -> None:
        index = self.cursor + direction
        while 0 <= index < len(self.shown_rows):
            if self.comparison.rows[self.shown_rows[index]].kind in kinds:
                self.move_to(index)
                return
            index += direction
        self.app.bell()
        self.notify(f"No {'next' if direction > 0 else 'previous'} {name} row", timeout=2)

    def action_next_conflict(self) -> None:
        self._jump({RowKind.CONFLICT}, +1, "conflict")

    def action_previous_conflict(self) -> None:
        self._jump({RowKind.CONFLICT}, -1, "conflict")

    def action_next_unique(self) -> None:
        self._jump({RowKind.UNIQUE}, +1, "unique")

    def action_previous_unique(self) -> None:
        self._jump({RowKind.UNIQUE}, -1, "unique")

    # Documents and filter ---------------------------------------------------------------------

    def _focus_step(self, step: int) -> None:
        visible = self.visible_docs()
        position = visible.index(self.focus_doc) if self.focus_doc in visible else 0
        self.focus_doc = visible[(position + step) % len(visible)]

    def action_focus_next_document(self) -> None:
        self._focus_step(+1)

    def action_focus_previous_document(self) -> None:
        self._focus_step(-1)

    def watch_focus_doc(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        columns = plan_columns(width, self.visible_docs(), self.focus_doc, first=self.columns.shown_from)
        if columns != self.columns:
            self._relayout(keep_row=self.selected_row)  # the focus paged to other documents
            self._scroll_to_cursor()
        else:
            self._refresh_row(self.cursor)
        self.post_message(self.CursorMoved(self))

    def action_cycle_filter(self) -> None:
        self.row_filter = self.row_filter.next()

    def watch_row_filter(self) -> None:
        self._changed_rows()

    def action_toggle_document(self, doc: int) -> None:
        if doc >= len(self.comparison.documents):
            self.app.bell()
            return
        if doc in self.hidden:
            self.hidden = self.hidden - {doc}
        elif len(self.hidden) + 1 >= len(self.comparison.documents):
            self.app.bell()
            self.notify("At least one document stays shown", timeout=2)
        else:
            self.hidden = self.hidden | {doc}

    def watch_hidden(self) -> None:
        if self.focus_doc in self.hidden:
            self.set_reactive(ComparisonGrid.focus_doc, self.visible_docs()[0])
        self._changed_rows()

    def _changed_rows(self) -> None:
        keep = self.selected_row
        self._rows_dirty = True
        self._relayout(keep_row=keep if keep is not None else 0)
        self._scroll_to_cursor()
        self.post_message(self.CursorMoved(self))

    def set_search(self, text: str) -> None:
        """Highlight ``text`` (case-insensitive) in every cell."""
        if text != self.search_text:
            self.search_text = text
            self._wrapped.clear()
            self._relayout(keep_row=self.selected_row)

    def next_match(self, *, direction: int = 1) -> bool:
        """Move to the next row (after the cursor, wrapping) whose shown cells contain the search text."""
        needle = self.search_text.lower()
        if not needle or not self.shown_rows:
            return False
        count = len(self.shown_rows)
        for step in range(1, count + 1):
            index = (self.cursor + direction * step) % count
            row = self.comparison.rows[self.shown_rows[index]]
            for cell in row.cells:
                if cell.doc in self.hidden:
                    continue
                sentences = self.comparison.sentences[cell.doc]
                if any(needle in sentences[i].text.lower() for i in cell.sentences):
                    self.move_to(index)
                    return True
        return False

    # Facts and their mentions ------------------------------------------------------------------

    def current_fact(self) -> str | None:
        """The fact ``m`` / ``M`` step through (see ``FactIndex.current``)."""
        return self.index.current(self.selected_row, self.chosen_fact)

    def current_mention(self) -> tuple[str, int | None] | None:
        """(fact id, place in grid order or None when the selected row does not mention it)."""
        fact = self.current_fact()
        if fact is None:
            return None
        row = self.selected_row
        if row is None:
            return fact, None
        remembered = self._mention if fact == self.chosen_fact else None
        return fact, self.index.position_in_row(fact, row, self.focus_doc, remembered)

    def fact_status(self) -> str:
        """``fact f1 GPUs · mention 3 of 9`` for the status line, or "" when no fact is current."""
        found = self.current_mention()
        if found is None:
            return ""
        fact_id, position = found
        fact = self.index.by_id[fact_id]
        total = len(self.index.places[fact_id])
        where = f"mention {position + 1} of {total}" if position is not None else f"{total} mentions, none here"
        return f"fact {fact.id} {single_line(fact.label)} · {where}"

    def go_to_fact(self, fact_id: str) -> None:
        """Choose a fact (from the ledger) and select the row of its first mention in grid order."""
        if not self.index.places.get(fact_id):
            self.app.bell()
            return
        self.chosen_fact = fact_id
        self._go_to_place(fact_id, 0)

    def _go_to_place(self, fact_id: str, position: int) -> None:
        """Select the place's row and focus its document, showing both if the filter or hiding hid them."""
        place = self.index.places[fact_id][position]
        self._mention = position
        if place.doc in self.hidden:
            self.hidden = self.hidden - {place.doc}
        self.select_row(place.row)
        self.focus_doc = place.doc
        self.post_message(self.CursorMoved(self))

    def _step_mention(self, direction: int) -> None:
        found = self.current_mention()
        if found is None or self.selected_row is None:
            self.app.bell()
            self.notify("No fact in this row: open the claims ledger (c) to choose one", timeout=2)
            return
        fact_id, position = found
        target = self.index.step(fact_id, self.selected_row, position, direction)
        if target is None:
            fact = self.index.by_id[fact_id]
            self.app.bell()
            which = "next" if direction > 0 else "previous"
            self.notify(f"No {which} mention of {fact.id} {single_line(fact.label)}", timeout=2, markup=False)
            return
        self.chosen_fact = fact_id
        self._go_to_place(fact_id, target)

    def action_next_mention(self) -> None:
        self._step_mention(+1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def action_open_ledger(self) -> None:
        self.post_message(self.LedgerRequested(self.current_fact()))

    # Requests for the app ---------------------------------------------------------------------

    def action_toggle_detail(self) -> None:
        self.post_message(self.DetailToggled(self))

    def action_search(self) -> None:
        self.post_message(self.SearchRequested())

    def action_open_document(self) -> None:
        doc = self.focus_doc
        self.post_message(self.DocumentOpened(doc, self.sentence_for(doc)))

    def sentence_for(self, doc: int) -> int:
        """The sentence of ``doc`` at the selected row, or the last one of ``doc`` before it."""
        if self.selected_row is None:
            return 0
        for number in range(self.selected_row, -1, -1):
            cell = self.comparison.rows[number].cell_for(doc)
            if cell is not None:
                return cell.sentences[0]
        return 0

    # Mouse ------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        index = self._offsets.row_at(event.y + round(self.scroll_offset.y))
        if index is not None:
            self.move_to(index)
        doc = self.columns.column_at(event.x)
        if doc is not None and doc != self.focus_doc:
            self.focus_doc = doc
