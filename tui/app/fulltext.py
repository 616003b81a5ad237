"""The full text of one document, every sentence tinted by its row's kind, opened at a sentence."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Static

from tui.app.cells import Piece, Tone, width_of, wrap
from tui.app.palette import document_style
from tui.engine.model import Comparison, RowKind
from tui.visible import single_line, visible

_TONE_CLASSES = {
    Tone.ROW_CONFLICT: "fulltext--conflict",
    Tone.ROW_SHARED: "fulltext--shared",
    Tone.ROW_UNIQUE: "fulltext--unique",
    Tone.BOILERPLATE: "fulltext--boilerplate",
    Tone.SELECTED: "fulltext--selected",
}
_KIND_TONES = {RowKind.CONFLICT: Tone.ROW_CONFLICT, RowKind.SHARED: Tone.ROW_SHARED, RowKind.UNIQUE: Tone.ROW_UNIQUE}


class DocumentView(ScrollView, can_focus=True):
    """One document's text, wrapped to the width, drawn line by line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(_TONE_CLASSES.values())

    def __init__(self, comparison: Comparison, doc: int, sentence: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.comparison = comparison
        self.doc = doc
        self.sentence = sentence
        self._lines: list[list[Piece]] = []
        self._sentence_line = 0
        self._width = -1

    def on_resize(self, event: events.Resize) -> None:
        self._layout()
        self.call_after_refresh(self.scroll_to_sentence)

    def on_mount(self) -> None:
        self._layout()
        self.call_after_refresh(self.scroll_to_sentence)

    def _layout(self) -> None:
        width = max(self.scrollable_content_region.width, 10)
        if width == self._width:
            return
        self._width = width
        document = self.comparison.documents[self.doc]
        text = document.text
        tones = self._sentence_tones()
        lines: list[list[Piece]] = []
        target_line = 0
        position = 0
        for raw_line in text.split("\n"):
            line_start, line_end = position, position + len(raw_line)
            position = line_end + 1
            pieces = self._pieces(text, line_start, line_end, tones)
            if self._contains_selected(line_start, line_end):
                target_line = len(lines)
            lines.extend(wrap(pieces, width) if pieces else [[]])
        self._lines = lines
        self._sentence_line = target_line
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def _sentence_tones(self) -> list[tuple[int, int, Tone]]:
        where = self.comparison.row_of()
        tones = []
        for sentence in self.comparison.sentences[self.doc]:
            if sentence.index == self.sentence:
                tone = Tone.SELECTED
            elif sentence.boilerplate:
                tone = Tone.BOILERPLATE
            else:
                tone = _KIND_TONES[self.comparison.rows[where[(self.doc, sentence.index)]].kind]
            tones.append((sentence.start, sentence.end, tone))
        return tones

    def _contains_selected(self, start: int, end: int) -> bool:
        selected = self.comparison.sentences[self.doc][self.sentence] if self.comparison.sentences[self.doc] else None
        return selected is not None and start <= selected.start < max(end, start + 1)

    @staticmethod
    def _pieces(text: str, start: int, end: int, tones: list[tuple[int, int, Tone]]) -> list[Piece]:
        pieces: list[Piece] = []
        cursor = start
        for tone_start, tone_end, tone in tones:
            if tone_end <= start or tone_start >= end:
                continue
            piece_start, piece_end = max(tone_start, start), min(tone_end, end)
            if piece_start > cursor:
                pieces.append(Piece(_shown(text[cursor:piece_start]), Tone.PLAIN))
            pieces.append(Piece(_shown(text[piece_start:piece_end]), tone))
            cursor = piece_end
        if cursor < end:
            pieces.append(Piece(_shown(text[cursor:end]), Tone.PLAIN))
        return [piece for piece in pieces if piece.text]

    def scroll_to_sentence(self) -> None:
        self.scroll_to_region(Region(0, self._sentence_line, 1, 1), animate=False, top=True, force=True)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = y + scroll_y
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        base = self.rich_style
        segments = []
        for piece in self._lines[index]:
            component = _TONE_CLASSES.get(piece.tone)
            style = base + self.get_component_rich_style(component) if component else base
            segments.append(Segment(piece.text, style))
        used = sum(width_of(piece.text) for piece in self._lines[index])
        segments.append(Segment(" " * max(width - used, 0), base))
        return Strip(segments).crop(scroll_x, scroll_x + width)


def _shown(raw: str) -> str:
    return visible(raw.replace("\t", "    "))


class FullTextScreen(Screen[None]):
    """A document read whole; ``escape`` goes back to the grid at the same row."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,o,q", "close", "Back to grid")]

    def __init__(self, comparison: Comparison, doc: int, sentence: int) -> None:
        super().__init__()
        self.comparison = comparison
        self.doc = doc
        self.sentence = sentence

    def compose(self) -> ComposeResult:
        document = self.comparison.documents[self.doc]
        yield Static(
            Text.assemble(
                (f"{self.doc + 1} {single_line(document.label)}", document_style(self.doc)),
                "  ",
                (single_line(document.title), "italic"),
            ),
            id="fulltext-title",
        )
        yield Static(
            Text.assemble(
                "Sentences tinted by their row: ",
                ("conflict", "bold red"),
                " · ",
                ("shared", "bold green"),
                " · ",
                ("unique", "bold yellow"),
                " · ",
                ("selected", "reverse"),
            ),
            id="fulltext-legend",
        )
        yield DocumentView(self.comparison, self.doc, self.sentence, id="fulltext-view")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DocumentView).focus()

    def action_close(self) -> None:
        self.dismiss(None)
