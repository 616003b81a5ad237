"""The full text of one document, every sentence tinted by its row's kind, walked sentence by sentence."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from tui.app.cells import cut, width_of, wrap_ranges
from tui.app.fitting import Fitted, Part
from tui.app.footer import KeyFooter
from tui.app.palette import document_style
from tui.app.search import SearchBar
from tui.engine.model import Comparison
from tui.kinds import mark_of
from tui.styled import Piece, Tone, ToneSpan, displayed, range_pieces, search_matches, sentence_marks
from tui.visible import single_line

_TONE_CLASSES = {
    Tone.ROW_CONFLICT: "fulltext--conflict",
    Tone.ROW_SHARED: "fulltext--shared",
    Tone.ROW_UNIQUE: "fulltext--unique",
    Tone.BOILERPLATE: "fulltext--boilerplate",
    Tone.SELECTED: "fulltext--selected",
    Tone.MATCH: "fulltext--match",
}
LEGEND = (
    (Tone.ROW_CONFLICT, "conflict"),
    (Tone.ROW_SHARED, "shared"),
    (Tone.ROW_UNIQUE, "unique"),
    (Tone.BOILERPLATE, "furniture"),
    (Tone.SELECTED, "selected"),
)
"""The tones the legend shows, each in its own style (so it reads right in every colour system)."""


class DocumentView(ScrollView, can_focus=True):
    """One document's text, wrapped to the width and drawn line by line (Line API).

    Lines are wrapped once per width from the plain text; their tones (row kinds, the selected
    sentence, search matches) are applied when a line is first drawn and kept, so moving the
    selection or typing a search restyles what is on screen, no more.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = set(_TONE_CLASSES.values())

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "next_sentence", "Next sentence", show=False),
        Binding("k,up", "previous_sentence", "Prev sentence", show=False),
        Binding("g,home", "first_sentence", "First sentence", show=False),
        Binding("G,end", "last_sentence", "Last sentence", key_display="G", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("n", "next_conflict", "Next conflict"),
        Binding("N", "previous_conflict", "Prev conflict", key_display="N"),
        Binding("u", "next_unique", "Next unique", show=False),
        Binding("U", "previous_unique", "Prev unique", key_display="U", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding(">", "next_match", "Next search match", key_display=">", show=False),
        Binding("<", "previous_match", "Prev search match", key_display="<", show=False),
    ]

    sentence: reactive[int] = reactive(0, init=False)
    """Index of the selected sentence in the document."""

    @dataclass
    class Moved(Message):
        """The selected sentence, the scroll position or the search changed."""

        view: DocumentView

    @dataclass
    class SearchRequested(Message):
        """The user pressed ``/``."""

    def __init__(self, comparison: Comparison, doc: int, sentence: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.doc = doc
        self.text = comparison.documents[doc].text
        self.sentences = comparison.sentences[doc]
        self._starts = [sentence.start for sentence in self.sentences]
        self._rows = comparison.row_of()
        self._marks = sentence_marks(comparison, doc, where=self._rows)
        self._mark_ends = [end for _, end, _ in self._marks]
        self._raw: list[tuple[int, int]] = []
        position = 0
        for raw_line in self.text.split("\n"):
            self._raw.append((position, position + len(raw_line)))
            position += len(raw_line) + 1
        self._raw_starts = [start for start, _ in self._raw]
        self._ranges: list[list[tuple[int, int]]] = []
        """Per raw line: the (start, end) of each wrapped line in its displayed text."""
        self._first: list[int] = []
        """Per raw line: the index of its first wrapped line."""
        self._styled: dict[int, list[list[Piece]]] = {}
        """Wrapped, toned lines per raw line, made when first drawn."""
        self._total = 0
        self._width = -1
        self.search = ""
        self.matches: list[tuple[int, int]] = []
        self.match: int | None = None
        """Index in ``matches`` of the match ``n`` / ``N`` last went to."""
        self.moved = False
        """True once the user selected another sentence than the one the view opened at."""
        self.set_reactive(DocumentView.sentence, min(max(sentence, 0), max(len(self.sentences) - 1, 0)))

    # Layout -----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._layout()
        self.call_after_refresh(self._opened)

    def _opened(self) -> None:
        self.scroll_to_sentence(top=True)
        self.post_message(self.Moved(self))

    def on_resize(self, event: events.Resize) -> None:
        if self._layout():
            self.call_after_refresh(self.scroll_to_sentence, top=True)

    def _layout(self) -> bool:
        """Wrap every raw line to the width (plain text only); True when the width changed."""
        width = max(self.scrollable_content_region.width, 10)
        if width == self._width:
            return False
        self._width = width
        self._ranges, self._first, self._styled = [], [], {}
        total = 0
        for start, end in self._raw:
            ranges = wrap_ranges(displayed(self.text[start:end]), width) or [(0, 0)]
            self._first.append(total)
            self._ranges.append(ranges)
            total += len(ranges)
        self._total = total
        self.virtual_size = Size(width, total)
        self.refresh()
        return True

    def _lines_of(self, raw: int) -> list[list[Piece]]:
        found = self._styled.get(raw)
        if found is None:
            start, end = self._raw[raw]
            low, high = bisect_right(self._mark_ends, start), bisect_left(self._starts, end)
            marks: list[ToneSpan] = [
                (mark_start, mark_end, Tone.SELECTED if index == self.sentence else tone)
                for index, (mark_start, mark_end, tone) in enumerate(self._marks[low:high], low)
            ]
            found = cut(range_pieces(self.text, start, end, marks, search=self.search), self._ranges[raw])
            self._styled[raw] = found
        return found

    def line_at(self, offset: int) -> int:
        """The wrapped line that shows the character at ``offset`` of the document."""
        if not self._first:
            return 0
        raw = max(bisect_right(self._raw_starts, offset) - 1, 0)
        start, end = self._raw[raw]
        shown = len(displayed(self.text[start : min(max(offset, start), end)]))
        ranges = self._ranges[raw]
        for number, (_, range_end) in enumerate(ranges):
            if shown < range_end:
                return self._first[raw] + number
        return self._first[raw] + len(ranges) - 1

    def _raw_lines(self, start: int, end: int) -> range:
        first = max(bisect_right(self._raw_starts, start) - 1, 0)
        last = max(bisect_right(self._raw_starts, max(end - 1, start)) - 1, first)
        return range(first, last + 1)

    # Drawing ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = y + scroll_y
        base = self.rich_style
        if index >= self._total:
            return Strip.blank(width, base)
        raw = bisect_right(self._first, index) - 1
        pieces = self._lines_of(raw)[index - self._first[raw]]
        segments = [Segment(piece.text, self.tone_style(piece.tone)) for piece in pieces]
        used = sum(width_of(piece.text) for piece in pieces)
        segments.append(Segment(" " * max(width - used, 0), base))
        return Strip(segments).crop(scroll_x, scroll_x + width)

    def tone_style(self, tone: Tone) -> Style:
        """The style of a piece in ``tone`` (from the CSS, over the view's own)."""
        component = _TONE_CLASSES.get(tone)
        return self.rich_style + self.get_component_rich_style(component) if component else self.rich_style

    def legend(self) -> Text:
        """``conflict · shared · unique · furniture · selected``, each word in its tone's style."""
        legend = Text("Sentences by their row: ")
        for number, (tone, name) in enumerate(LEGEND):
            if number:
                legend.append(" ")
            legend.append(f" {name} ", self.get_component_rich_style(_TONE_CLASSES[tone]))
        return legend

    # The selected sentence ----------------------------------------------------------------------

    def watch_sentence(self, old: int, new: int) -> None:
        for index in (old, new):
            if 0 <= index < len(self.sentences):
                sentence = self.sentences[index]
                for raw in self._raw_lines(sentence.start, sentence.end):
                    self._styled.pop(raw, None)
        self.refresh()
        self.scroll_to_sentence()
        self.post_message(self.Moved(self))

    def scroll_to_sentence(self, *, top: bool = False) -> None:
        """Scroll so the selected sentence shows (at the top when ``top``)."""
        if not self.sentences:
            return
        sentence = self.sentences[self.sentence]
        first, last = self.line_at(sentence.start), self.line_at(max(sentence.end - 1, sentence.start))
        self._scroll_to_lines(first, last, top=top)

    def _scroll_to_lines(self, first: int, last: int, *, top: bool = False) -> None:
        height = max(self.scrollable_content_region.height, 1)
        region = Region(0, first, 1, max(min(last - first + 1, height), 1))
        self.scroll_to_region(region, animate=False, top=top, force=True, immediate=True)

    def select(self, index: int) -> None:
        """Select sentence ``index`` (clamped); the bell when there is no sentence."""
        if not self.sentences:
            self.app.bell()
            return
        index = min(max(index, 0), len(self.sentences) - 1)
        if index != self.sentence:
            self.moved = True
        self.sentence = index

    def action_next_sentence(self) -> None:
        self.select(self.sentence + 1)

    def action_previous_sentence(self) -> None:
        self.select(self.sentence - 1)

    def action_first_sentence(self) -> None:
        self.select(0)

    def action_last_sentence(self) -> None:
        self.select(len(self.sentences) - 1)

    def action_next_conflict(self) -> None:
        self._jump(Tone.ROW_CONFLICT, +1, "conflict")

    def action_previous_conflict(self) -> None:
        self._jump(Tone.ROW_CONFLICT, -1, "conflict")

    def action_next_unique(self) -> None:
        self._jump(Tone.ROW_UNIQUE, +1, "unique")

    def action_previous_unique(self) -> None:
        self._jump(Tone.ROW_UNIQUE, -1, "unique")

    def _jump(self, tone: Tone, direction: int, name: str) -> None:
        """Select the next (or previous) sentence whose row is of the kind ``tone`` stands for."""
        index = self.sentence + direction
        while 0 <= index < len(self._marks):
            if self._marks[index][2] is tone:
                self.select(index)
                return
            index += direction
        self.app.bell()
        self.notify(f"No {'next' if direction > 0 else 'previous'} {name} sentence", timeout=2)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll a screen and select the first sentence that starts on it (the last or first at an end)."""
        height = max(self.scrollable_content_region.height, 1)
        top = round(self.scroll_offset.y)
        target = min(max(top + direction * height, 0), max(self._total - height, 0))
        if target == top:
            self.select(len(self.sentences) - 1 if direction > 0 else 0)
            return
        self.scroll_to(y=target, animate=False, immediate=True)
        self.select(self._first_sentence_from(target))

    def _first_sentence_from(self, line: int) -> int:
        """The first sentence that starts on wrapped line ``line`` or below (the last one if none)."""
        low, high = 0, len(self.sentences)
        while low < high:
            middle = (low + high) // 2
            if self.line_at(self.sentences[middle].start) >= line:
                high = middle
            else:
                low = middle + 1
        return min(low, len(self.sentences) - 1)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new):
            self.post_message(self.Moved(self))

    # Search -----------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.post_message(self.SearchRequested())

    def set_search(self, needle: str) -> None:
        """Mark every case-insensitive match of ``needle`` (nothing when empty)."""
        if needle == self.search:
            return
        self.search = needle
        self.matches = search_matches(self.text, needle)
        self.match = None
        self._styled.clear()
        self.refresh()
        self.post_message(self.Moved(self))

    def step_match(self, direction: int) -> bool:
        """Go to the next (or previous) match after the current one or the selected sentence; wraps."""
        if not self.matches:
            return False
        if self.match is not None:
            target = (self.match + direction) % len(self.matches)
        else:
            here = self.sentences[self.sentence].start if self.sentences else 0
            starts = [start for start, _ in self.matches]
            if direction > 0:
                target = bisect_left(starts, here) % len(self.matches)
            else:
                target = (bisect_left(starts, here) - 1) % len(self.matches)
        self.match = target
        start, end = self.matches[target]
        self.select(max(bisect_right(self._starts, start) - 1, 0))
        self._scroll_to_lines(self.line_at(start), self.line_at(max(end - 1, start)))
        self.post_message(self.Moved(self))
        return True

    def action_next_match(self) -> None:
        self._step_or_say(+1)

    def action_previous_match(self) -> None:
        self._step_or_say(-1)

    def _step_or_say(self, direction: int) -> None:
        if not self.step_match(direction):
            self.app.bell()
            note = "Nothing to find: press / to search the text" if not self.search else "No match in this document"
            self.notify(note, timeout=2)

    # Where we are -----------------------------------------------------------------------------

    def row_number(self) -> int | None:
        """The comparison row that holds the selected sentence."""
        if not self.sentences:
            return None
        return self._rows.get((self.doc, self.sentences[self.sentence].index))

    def position(self) -> Text:
        """``sentence 12 of 40 · row 15 ≠ conflict · 35% · “toll”: match 2 of 5``."""
        parts = []
        if self.sentences:
            row_number = self.row_number()
            parts.append(f"sentence {self.sentence + 1} of {len(self.sentences)}")
            if row_number is not None:
                mark = mark_of(self.comparison.rows[row_number], len(self.comparison.documents))
                parts.append(f"row {row_number + 1} {mark.glyph} {mark.value}")
        height = max(self.scrollable_content_region.height, 1)
        seen = min(round(self.scroll_offset.y) + height, self._total)
        parts.append(f"{100 if self._total <= height else round(100 * seen / max(self._total, 1))}%")
        if self.search:
            where = f"match {self.match + 1} of {len(self.matches)}" if self.match is not None else None
            found = where or (f"{len(self.matches)} matches" if self.matches else "no match")
            parts.append(f"“{single_line(self.search)}”: {found}")
        return Text(" · ".join(parts))


class TextSearch(SearchBar):
    """The full text's search field, keyed like the grid's: ``enter`` / ``↓`` next match, ``escape`` closes."""

    PLACEHOLDER = "Search this text… (Enter: next match, Esc: close, > / < go on)"


class FullTextScreen(Screen[tuple[int, int] | None]):
    """A document read whole; ``escape`` goes back to the grid, at the row of the sentence read last.

    Dismissed with (row, document) when the user moved to another sentence, else None.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,o,q", "close", "Back to grid")]

    def __init__(self, comparison: Comparison, doc: int, sentence: int) -> None:
        super().__init__()
        self.comparison = comparison
        self.doc = doc
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        document = self.comparison.documents[self.doc]
        title = [
            Part(Text(f"{self.doc + 1} {single_line(document.label)}", style=document_style(self.doc)), 1),
            Part(Text(single_line(document.title), style="italic"), 0, shortened=True),
        ]
        if document.published:
            title.insert(1, Part(Text(document.published), 0))
        yield Static(Fitted(title, separator="  "), id="fulltext-title")
        yield Static(id="fulltext-legend")
        yield DocumentView(self.comparison, self.doc, self.sentence, id="fulltext-view")
        search = TextSearch(id="fulltext-search")
        search.display = False
        yield search
        yield Static(id="fulltext-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        view = self.query_one(DocumentView)
        self.query_one("#fulltext-legend", Static).update(view.legend())
        view.focus()

    @on(DocumentView.Moved)
    def _moved(self, message: DocumentView.Moved) -> None:
        self.query_one("#fulltext-status", Static).update(message.view.position())

    @on(DocumentView.SearchRequested)
    def _open_search(self) -> None:
        search = self.query_one(TextSearch)
        search.display = True
        search.value = self.query_one(DocumentView).search
        self.call_after_refresh(search.focus)

    @on(Input.Changed, "#fulltext-search")
    def _search_changed(self, message: Input.Changed) -> None:
        self.query_one(DocumentView).set_search(message.value)

    @on(TextSearch.Step)
    def _search_step(self, message: TextSearch.Step) -> None:
        view = self.query_one(DocumentView)
        if view.search and not view.step_match(message.direction):
            self.app.bell()
            self.notify("No match in this document", timeout=2)

    @on(TextSearch.Closed)
    def _search_closed(self) -> None:
        self.query_one(TextSearch).display = False
        self.query_one(DocumentView).focus()

    def action_close(self) -> None:
        """Back to the grid; with the row of the sentence read last when the user moved, so the grid follows."""
        view = self.query_one(DocumentView)
        row = view.row_number() if view.moved else None
        self.dismiss((row, self.doc) if row is not None else None)
