"""The comparison grid: one column per document, one row per aligned group, drawn line by line."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
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
from tui.app.evidence import first_doc, mention_groups, row_groups
from tui.app.factindex import FactIndex
from tui.app.gridstate import FactPosition, GridState, OffScreen, RowFilter, SearchState
from tui.app.layout import Columns, RowOffsets, columns_that_fit, place_columns
from tui.app.lens import LensScreen
from tui.app.matching import Matches, find_rows, mark_pieces, matching_docs, narrow, spans
from tui.app.paging import bring, page, refit, step_focus
from tui.app.presence import Presence, folded_summary, presence
from tui.app.rowtext import RowTexts
from tui.engine.model import Comparison, RowKind
from tui.kinds import Mark, is_weak, mark_of
from tui.visible import single_line

__all__ = ["ComparisonGrid", "RowFilter"]

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
_PRESENCE_CLASSES = {
    Presence.HAS: "grid--has",
    Presence.LACKS: "grid--lacks",
    Presence.CLASHES: "grid--clashes",
}


@dataclass(frozen=True, slots=True)
class _Drawn:
    """A cell styled and wrapped for drawing: its lines, where each starts in its text, and the text."""

    lines: list[list[Piece]]
    starts: list[int]
    text: str


class ComparisonGrid(ScrollView, can_focus=True):
    """Rows of aligned sentences, word-wrapped in document columns, rendered lazily (Line API).

    Only the lines on screen are drawn: a row's height comes from its cells' plain text (kept per
    cell), and a cell is styled and wrapped only when one of its lines is drawn, so moving through
    thousands of rows repaints a screenful, no more. With more documents than columns, a row that
    no document on screen holds folds to one line naming its documents (or is hidden: ``z``), and
    the gutter's presence strip shows, for every row, which documents hold it.
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
        "grid--weak",
        "grid--has",
        "grid--lacks",
        "grid--clashes",
        "grid--folded",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next row (folded lines too)", show=False),
        Binding("k,up", "cursor_up", "Prev row (folded lines too)", show=False),
        Binding("n", "next_conflict", "Next conflict"),
        Binding("N", "previous_conflict", "Prev conflict", key_display="N"),
        Binding("u", "next_unique", "Next unique", show=False),
        Binding("U", "previous_unique", "Prev unique", key_display="U", show=False),
        Binding("tab,l,right", "focus_next_document", "Next document", show=False, priority=True),
        Binding("shift+tab,h,left", "focus_previous_document", "Prev document", show=False, priority=True),
        Binding("]", "next_page", "Next page of documents", key_display="]", show=False),
        Binding("[", "previous_page", "Prev page of documents", key_display="[", show=False),
        Binding("g,home", "first_row", "First row", show=False),
        Binding("G,end", "last_row", "Last row", key_display="G", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("f", "cycle_filter", "Filter"),
        Binding("z", "toggle_off_screen", "Fold / hide rows off screen", show=False),
        Binding("s", "open_lens", "Outlets"),
        Binding("v", "pick_pair", "Only this document and one you pick", show=False),
        Binding("b", "bring_row", "Bring the row's documents on screen", show=False),
        Binding("enter", "toggle_detail", "Detail"),
        Binding("o", "open_document", "Full text"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding(">", "next_match", "Next search match", key_display=">", show=False),
        Binding("<", "previous_match", "Prev search match", key_display="<", show=False),
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
    off_screen: reactive[OffScreen] = reactive(OffScreen.FOLD, init=False)
    """Whether rows no on-screen document holds fold to one line or are hidden."""

    @dataclass
    class CursorMoved(Message):
        """The grid's state changed: selected row, columns, filter, lens, focus, search or fact."""

        grid: ComparisonGrid
        state: GridState

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

        grid: ComparisonGrid
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
        self.texts = RowTexts(comparison)
        self.chosen_fact: str | None = None
        """The fact chosen in the ledger or last stepped with ``m``; current wherever a row mentions it."""
        self._mention: int | None = None
        """The place (in grid order) of the chosen fact that ``m`` last went to."""
        self.matches = Matches()
        """The search pattern and the rows it matches (kept when the search bar closes)."""
        self.shown_rows: list[int] = []
        """The rows drawn (folded ones included), in order."""
        self.admitted: list[int] = []
        """The rows the filter and the hidden documents leave, on screen or not."""
        self.away: set[int] = set()
        """Admitted rows that no document on screen holds: folded, or hidden with ``z``."""
        documents = list(range(len(comparison.documents)))
        self.on_screen: tuple[int, ...] = ()
        self.columns = place_columns(80, documents[:1], documents, strip=False)
        self._offsets = RowOffsets([])
        self._drawn: dict[tuple[int, int], _Drawn] = {}
        self._found: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._admitted_for: tuple[RowFilter, frozenset[int]] | None = None
        self._placed = False

    # Layout -----------------------------------------------------------------------------------

    def visible_docs(self) -> list[int]:
        return [doc for doc in range(len(self.comparison.documents)) if doc not in self.hidden]

    def _width(self) -> int:
        return self.scrollable_content_region.width or self.size.width or 80

    def _fit(self, visible: int) -> int:
        return columns_that_fit(self._width(), visible)[0]

    def _select_rows(self) -> None:
        visible = set(self.visible_docs())
        on_screen = set(self.on_screen)
        admitted: list[int] = []
        away: set[int] = set()
        for number, row in enumerate(self.comparison.rows):
            if not self.row_filter.admits(row.kind):
                continue
            docs = [cell.doc for cell in row.cells]
            if not any(doc in visible for doc in docs):
                continue
            admitted.append(number)
            if not any(doc in on_screen for doc in docs):
                away.add(number)
        self.admitted = admitted
        self.away = away
        hide = self.off_screen is OffScreen.HIDE
        self.shown_rows = [number for number in admitted if number not in away] if hide else admitted
        key = (self.row_filter, frozenset(self.hidden))
        if key != self._admitted_for:
            self._admitted_for = key
            self._search_again()

    def _relayout(self, *, keep_row: int | None = None) -> None:
        """Recompute the columns on screen, the rows shown and their offsets for the current width."""
        width = self._width()
        visible = self.visible_docs()
        fit, strip = columns_that_fit(width, len(visible))
        self.on_screen = refit(visible, self.on_screen, self.focus_doc, fit)
        if self.focus_doc not in self.on_screen:
            self.set_reactive(ComparisonGrid.focus_doc, self.on_screen[0])
        columns = place_columns(width, self.on_screen, visible, strip=strip)
        if columns.width != self.columns.width:
            self._drawn.clear()
        changed = columns != self.columns
        self.columns = columns
        self._select_rows()
        self._offsets = RowOffsets(self._heights())
        self.virtual_size = Size(width, self._offsets.total)
        if keep_row is not None:
            self.set_reactive(ComparisonGrid.cursor, self._nearest_shown(keep_row))
        self.set_reactive(ComparisonGrid.cursor, min(self.cursor, max(len(self.shown_rows) - 1, 0)))
        if changed:
            self.post_message(self.ColumnsChanged(self, columns))
        self.refresh()

    def _heights(self) -> list[int]:
        """Each shown row's lines and its rule; a folded row is one line, its block ends with a rule."""
        rows = self.comparison.rows
        shown = self.shown_rows
        on_screen = set(self.columns.docs)
        width = self.columns.width
        heights = []
        for position, number in enumerate(shown):
            if number in self.away:
                last_folded = position + 1 == len(shown) or shown[position + 1] not in self.away
                heights.append(2 if last_folded else 1)
                continue
            docs = [cell.doc for cell in rows[number].cells if cell.doc in on_screen]
            lines = max((self.texts.line_count(number, doc, width) for doc in docs), default=1)
            heights.append(lines + 1)  # a rule under every row
        return heights

    def _drawn_cell(self, number: int, doc: int) -> _Drawn:
        key = (number, doc)
        found = self._drawn.get(key)
        if found is None:
            pieces = cell_pieces(self.comparison, self.comparison.rows[number], doc)
            text = "".join(piece.text for piece in pieces)
            lines = wrap(pieces, self.columns.width) if pieces else [[]]
            starts = []
            position = 0
            for line in lines:
                line_text = "".join(piece.text for piece in line)
                position = max(text.find(line_text, position), position) if line_text else position
                starts.append(position)
                position += len(line_text)
            found = _Drawn(lines, starts, text)
            self._drawn[key] = found
        return found

    def _nearest_shown(self, row_number: int) -> int:
        """Index among shown rows of ``row_number``, or of the nearest shown row after it."""
        index = bisect_left(self.shown_rows, row_number)
        return min(index, max(len(self.shown_rows) - 1, 0))

    @property
    def selected_row(self) -> int | None:
        """Index in ``comparison.rows`` of the selected row, or None when no row is shown."""
        return self.shown_rows[self.cursor] if self.shown_rows else None

    def on_resize(self, event: events.Resize) -> None:
        if not self._placed:
            self._place_cursor()
            return
        self._relayout(keep_row=self.selected_row)
        self._scroll_to_cursor()

    def on_mount(self) -> None:
        if self.size.width:
            self._place_cursor()
        else:
            # Not laid out yet: the first Resize brings the real width, and every row is wrapped then,
            # once (wrapping at a guessed width first would double the start-up of a long comparison).
            self._select_rows()
            self._post_state()

    def _place_cursor(self) -> None:
        """The first layout at the real width: the cursor starts on the first row with a cell on screen."""
        self._placed = True
        self._relayout(keep_row=0)
        first = next((index for index, number in enumerate(self.shown_rows) if number not in self.away), 0)
        self.set_reactive(ComparisonGrid.cursor, first)
        self._scroll_to_cursor()
        self._post_state()

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
        if number in self.away:
            return self._folded_line(number, width, selected) if line == 0 else self._rule_line(width)
        if line == height - 1:
            return self._rule_line(width)
        return self._content_line(number, line, width, selected).crop(scroll_x, scroll_x + width)

    def _rule_line(self, width: int) -> Strip:
        style = self.rich_style + self.get_component_rich_style("grid--rule")
        return Strip([Segment(" " * 2, self.rich_style), Segment("─" * max(width - 2, 0), style)], width)

    def _base(self, selected: bool) -> Style:
        base = self.rich_style
        return base + self.get_component_rich_style("grid--cursor") if selected else base

    def _gutter(self, number: int, line: int, base: Style) -> list[Segment]:
        """The row's mark and, when documents are off screen, its presence strip (first line only)."""
        columns = self.columns
        if line:
            return [Segment(" " * columns.gutter, base)]
        row = self.comparison.rows[number]
        mark = mark_of(row, len(self.comparison.documents))
        weak = is_weak(row)
        segments = [
            Segment(mark.glyph, base + self.get_component_rich_style(_MARK_CLASSES[mark], partial=True)),
            Segment("?", base + self.get_component_rich_style("grid--weak", partial=True))
            if weak
            else Segment(" ", base),
        ]
        if columns.strip:
            for state in presence(row, columns.visible):
                style = base + self.get_component_rich_style(_PRESENCE_CLASSES[state], partial=True)
                segments.append(Segment(state.glyph, style))
            segments.append(Segment(" ", base))
        return segments

    def _folded_line(self, number: int, width: int, selected: bool) -> Strip:
        base = self._base(selected)
        segments = self._gutter(number, 0, base)
        visible = set(self.columns.visible)
        holders = [cell.doc for cell in self.comparison.rows[number].cells if cell.doc in visible]
        summary = folded_summary(holders, self.texts.plain(number, holders[0]) if holders else "")
        room = max(width - self.columns.gutter, 0)
        if width_of(summary) > room:
            summary = Strip([Segment(summary)]).crop(0, max(room - 1, 0)).text + "…"
        segments.append(Segment(summary, base + self.get_component_rich_style("grid--folded", partial=True)))
        return Strip(segments).adjust_cell_length(width, base)

    def _content_line(self, number: int, line: int, width: int, selected: bool) -> Strip:
        base = self._base(selected)
        segments = self._gutter(number, line, base)
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
        drawn = self._drawn_cell(number, doc)
        pieces = drawn.lines[line] if line < len(drawn.lines) else []
        found = self._matches_in(number, doc, drawn) if pieces else []
        if found:
            match = self.get_component_rich_style("grid--match", partial=True)
            marked = mark_pieces(pieces, drawn.starts[line], found)
            segments = [
                Segment(piece.text, self._tone_style(piece.tone, base) + (match if inside else Style()))
                for piece, inside in marked
            ]
        else:
            segments = [Segment(piece.text, self._tone_style(piece.tone, base)) for piece in pieces]
        used = sum(width_of(piece.text) for piece in pieces)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return segments

    def _matches_in(self, number: int, doc: int, drawn: _Drawn) -> list[tuple[int, int]]:
        """Where the search pattern stands in a cell (found when its line is drawn, then kept)."""
        if not self.matches.pattern or self.matches.position(number) is None:
            return []
        key = (number, doc)
        found = self._found.get(key)
        if found is None:
            found = spans(drawn.text, self.matches.pattern)
            self._found[key] = found
        return found

    def _tone_style(self, tone: Tone, base: Style) -> Style:
        component = _TONE_CLASSES.get(tone)
        return base + self.get_component_rich_style(component, partial=True) if component else base

    # State ------------------------------------------------------------------------------------

    @property
    def state(self) -> GridState:
        """Everything the status line says, as one frozen value."""
        documents = self.comparison.documents
        row = self.selected_row
        fact = None
        found = self.current_mention()
        if found is not None:
            fact_id, position = found
            label = self.index.by_id[fact_id].label
            fact = FactPosition(fact_id, label, position, len(self.index.places[fact_id]))
        return GridState(
            row=row,
            position=self.cursor if self.shown_rows else None,
            shown_rows=len(self.shown_rows),
            total_rows=len(self.comparison.rows),
            documents=len(documents),
            visible=tuple(self.visible_docs()),
            on_screen=self.columns.docs,
            focus=self.focus_doc,
            focus_label=documents[self.focus_doc].label,
            row_filter=self.row_filter,
            off_screen=self.off_screen,
            away=len(self.away),
            search=SearchState(self.matches.pattern, len(self.matches.rows), self.matches.position(row)),
            fact=fact,
        )

    def _post_state(self) -> None:
        self.post_message(self.CursorMoved(self, self.state))

    # Cursor -----------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self._post_state()

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
        """Select a row by its index in the comparison, bringing its documents on screen and showing
        it if the filter or hidden documents hid it."""
        row = self.comparison.rows[row_number]
        self._go(row_number, [row.docs])

    def _go(self, row_number: int, groups: list[list[int]], *, focus: int | None = None) -> None:
        """Select a row after bringing the documents of ``groups`` on screen (see ``paging.bring``).

        A row the filter or the hidden documents hide is shown first; ``focus`` (hidden or not) gets
        the focus, else the focus stays where it is when its column stays on screen.
        """
        row = self.comparison.rows[row_number]
        hidden = set(self.hidden)
        if focus is not None:
            hidden.discard(focus)
        row_filter = self.row_filter if self.row_filter.admits(row.kind) else RowFilter.ALL
        if not any(doc not in hidden for doc in row.docs):
            hidden.difference_update(row.docs)
        visible = [doc for doc in range(len(self.comparison.documents)) if doc not in hidden]
        fit = self._fit(len(visible))
        holders = [doc for doc in row.docs if doc not in hidden]
        target = focus if focus is not None else self.focus_doc
        screen = refit(visible, self.on_screen, target if target in visible else visible[0], fit)
        screen = bring(visible, screen, fit, [*([[focus]] if focus is not None else []), *groups], holders)
        if focus is None:
            focus = self.focus_doc if self.focus_doc in screen else first_doc(groups, screen)
            focus = focus if focus is not None else screen[0]
        if (
            screen != self.on_screen
            or focus != self.focus_doc
            or row_filter is not self.row_filter
            or hidden != self.hidden
        ):
            self.set_reactive(ComparisonGrid.row_filter, row_filter)
            self.set_reactive(ComparisonGrid.hidden, frozenset(hidden))
            self.set_reactive(ComparisonGrid.focus_doc, focus)
            self.on_screen = screen
            self._relayout(keep_row=row_number)
            self._scroll_to_cursor()
            self.refresh()
            self._post_state()
        if row_number in self.shown_rows:
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
        """To the next admitted row of ``kinds``, on screen or not: its evidence is brought on screen."""
        rows = self.admitted
        current = self.selected_row
        if current is None:
            index = 0 if direction > 0 else len(rows) - 1
        else:
            index = bisect_right(rows, current) if direction > 0 else bisect_left(rows, current) - 1
        while 0 <= index < len(rows):
            row = self.comparison.rows[rows[index]]
            if row.kind in kinds:
                self._go(rows[index], row_groups(row))
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

    def action_bring_row(self) -> None:
        row = self.selected_row
        if row is not None:
            self.select_row(row)

    # Documents, pages, lens and filter --------------------------------------------------------

    def _show_docs(self, screen: tuple[int, ...], focus: int) -> None:
        """Put ``screen`` on screen and focus ``focus``, re-laying out only when the columns change."""
        if screen == self.on_screen:
            self.focus_doc = focus
            return
        self.on_screen = screen
        self.set_reactive(ComparisonGrid.focus_doc, focus)
        self._relayout(keep_row=self.selected_row)
        self._scroll_to_cursor()
        self._post_state()

    def _focus_step(self, step: int) -> None:
        visible = self.visible_docs()
        focus, screen = step_focus(visible, self.on_screen, self.focus_doc, self._fit(len(visible)), step)
        self._show_docs(screen, focus)

    def action_focus_next_document(self) -> None:
        self._focus_step(+1)

    def action_focus_previous_document(self) -> None:
        self._focus_step(-1)

    def _page(self, direction: int) -> None:
        visible = self.visible_docs()
        screen = page(visible, self.on_screen, self._fit(len(visible)), direction)
        if screen is None or screen == self.on_screen:
            self.app.bell()
            if not self.columns.paged:
                self.notify("Every document is on screen", timeout=2)
            else:
                self.notify(f"No documents further {'right' if direction > 0 else 'left'}", timeout=2)
            return
        place = self.on_screen.index(self.focus_doc) if self.focus_doc in self.on_screen else 0
        self._show_docs(screen, screen[min(place, len(screen) - 1)])

    def action_next_page(self) -> None:
        self._page(+1)

    def action_previous_page(self) -> None:
        self._page(-1)

    def watch_focus_doc(self) -> None:
        if self.focus_doc not in self.on_screen:
            visible = self.visible_docs()
            row = self.selected_row
            holders = self.comparison.rows[row].docs if row is not None else []
            self.on_screen = bring(visible, self.on_screen, self._fit(len(visible)), [[self.focus_doc]], holders)
            self._relayout(keep_row=self.selected_row)
            self._scroll_to_cursor()
        else:
            self._refresh_row(self.cursor)
        self._post_state()

    def action_cycle_filter(self) -> None:
        self.row_filter = self.row_filter.next()

    def watch_row_filter(self) -> None:
        self._changed_rows()

    def action_toggle_off_screen(self) -> None:
        self.off_screen = self.off_screen.other()
        if not self.columns.paged:
            what = "hidden" if self.off_screen is OffScreen.HIDE else "folded"
            self.notify(f"Every document is on screen: rows off screen will be {what} when some are not", timeout=3)

    def watch_off_screen(self) -> None:
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
        self._relayout(keep_row=keep if keep is not None else 0)
        self._scroll_to_cursor()
        self._post_state()

    def action_open_lens(self) -> None:
        """The outlet lens: check the documents to show."""
        documents = self.comparison.documents
        self.app.push_screen(LensScreen(documents, frozenset(self.visible_docs())), self.show_only)

    def action_pick_pair(self) -> None:
        """The outlet lens in pair mode: the focused document and the one picked, nothing else."""
        documents = self.comparison.documents
        lens = LensScreen(documents, frozenset(self.visible_docs()), pair_with=self.focus_doc)
        self.app.push_screen(lens, self.show_only)

    def show_only(self, docs: frozenset[int] | None) -> None:
        """Show only ``docs`` (the lens's choice); None leaves everything as it is."""
        if not docs:
            return
        self.hidden = frozenset(range(len(self.comparison.documents))) - docs

    # Search -----------------------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        """The search pattern, kept after the search bar closes."""
        return self.matches.pattern

    def set_search(self, text: str) -> None:
        """Highlight ``text`` (case-insensitive) and count the rows that hold it; no re-layout: only
        the lines on screen are drawn again."""
        if text == self.matches.pattern:
            return
        visible = set(self.visible_docs())
        self.matches = narrow(self.matches, self.comparison, self.texts, self.admitted, visible, text)
        self._found.clear()
        self.refresh()
        self._post_state()

    def _search_again(self) -> None:
        """Matches found again over the admitted rows (the filter or the hidden documents changed)."""
        if self.matches.pattern:
            visible = set(self.visible_docs())
            rows = find_rows(self.comparison, self.texts, self.admitted, visible, self.matches.pattern)
            self.matches = Matches(self.matches.pattern, rows)
            self._found.clear()

    def next_match(self, *, direction: int = 1) -> bool:
        """Go to the next (or previous) matching row, wrapping around, its matching documents on screen."""
        target = self.matches.after(self.selected_row, direction)
        if target is None:
            return False
        docs = matching_docs(self.comparison, self.texts, target, set(self.visible_docs()), self.matches.pattern)
        self._go(target, [docs])
        self._post_state()
        return True

    def step_match(self, direction: int) -> None:
        if not self.matches.pattern:
            self.app.bell()
            self.notify("No search yet: / to search", timeout=2)
        elif not self.next_match(direction=direction):
            self.app.bell()
            self.notify("No row matches the search", timeout=2)

    def action_next_match(self) -> None:
        self.step_match(+1)

    def action_previous_match(self) -> None:
        self.step_match(-1)

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

    def go_to_fact(self, fact_id: str) -> None:
        """Choose a fact (from the ledger) and select the row of its first mention in grid order."""
        if not self.index.places.get(fact_id):
            self.app.bell()
            return
        self.chosen_fact = fact_id
        self._go_to_place(fact_id, 0)

    def _go_to_place(self, fact_id: str, position: int) -> None:
        """Select the place's row and focus its document, bringing on screen (and showing, if the filter
        or hiding hid them) the document and the row's clashing documents."""
        place = self.index.places[fact_id][position]
        self._mention = position
        self._go(place.row, mention_groups(self.comparison.rows[place.row], place.doc), focus=place.doc)
        self._post_state()

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
