"""What a cell shows: its text as styled pieces, and that text word-wrapped to a width."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.cells import cell_len

from tui.model import Comparison, Row
from tui.visible import visible

_WHITESPACE = re.compile(r"\s+")


class Tone(StrEnum):
    """How a piece of a cell is shown; the app maps each tone to a style from its CSS."""

    PLAIN = "plain"
    """Words the row's other documents share."""
    DIFFER = "differ"
    """Words no other document of the row has."""
    CONFLICT = "conflict"
    """A value that clashes with another document's value for the same slot."""
    BOILERPLATE = "boilerplate"
    """Page furniture: kept, but dimmed."""
    MATCH = "match"
    """A search match."""
    ROW_CONFLICT = "row-conflict"
    """Full text: a sentence whose row is a conflict."""
    ROW_SHARED = "row-shared"
    """Full text: a sentence other documents share."""
    ROW_UNIQUE = "row-unique"
    """Full text: a sentence no other document has."""
    SELECTED = "selected"
    """Full text: the sentence of the selected row."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of display text in one tone."""

    text: str
    tone: Tone


def cell_pieces(comparison: Comparison, row: Row, doc: int, *, search: str = "") -> list[Piece]:
    """The styled text of one document's cell: its sentences, whitespace folded, made visible.

    Tones stack by priority: a search match over a conflicting value over a differing word;
    boilerplate sentences are dimmed throughout.
    """
    cell = row.cell_for(doc)
    if cell is None:
        return []
    text = comparison.documents[doc].text
    marks: list[tuple[int, int, Tone]] = [(s.start, s.end, Tone.DIFFER) for s in row.spans.get(doc, []) if not s.shared]
    for conflict in row.conflicts:
        marks.extend((start, end, Tone.CONFLICT) for start, end in conflict.places.get(doc, ()))
    pieces: list[Piece] = []
    for number, index in enumerate(cell.sentences):
        sentence = comparison.sentences[doc][index]
        if number:
            pieces.append(Piece(" ", Tone.PLAIN))
        base = Tone.BOILERPLATE if sentence.boilerplate else Tone.PLAIN
        pieces.extend(_sentence_pieces(text, sentence.start, sentence.end, base, marks, search))
    return _merge(pieces)


_PRIORITY = {Tone.PLAIN: 0, Tone.BOILERPLATE: 0, Tone.DIFFER: 1, Tone.CONFLICT: 2, Tone.MATCH: 3}
"""Which tone wins where marks overlap (only the tones a grid cell uses)."""


def _sentence_pieces(
    text: str, start: int, end: int, base: Tone, marks: Sequence[tuple[int, int, Tone]], search: str
) -> list[Piece]:
    tones = [base] * (end - start)
    for mark_start, mark_end, tone in marks:
        if base is Tone.BOILERPLATE and tone is Tone.DIFFER:
            continue
        for position in range(max(mark_start, start), min(mark_end, end)):
            if _PRIORITY[tone] > _PRIORITY[tones[position - start]]:
                tones[position - start] = tone
    if search:
        # Matched on the text itself, not on text.lower(): lower-casing can change lengths ("İ").
        for match in re.finditer(re.escape(search), text[start:end], re.IGNORECASE):
            for position in range(match.start(), match.end()):
                tones[position] = Tone.MATCH
    pieces: list[Piece] = []
    run_start = 0
    for position in range(1, len(tones) + 1):
        if position == len(tones) or tones[position] is not tones[run_start]:
            pieces.append(Piece(_display(text[start + run_start : start + position]), tones[run_start]))
            run_start = position
    return pieces


def _display(raw: str) -> str:
    """Control characters made visible, and every run of whitespace one space."""
    return _WHITESPACE.sub(" ", visible(raw))


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbours of one tone, drop empty pieces and spaces doubled across a boundary."""
    merged: list[Piece] = []
    for piece in pieces:
        text = piece.text
        if merged and text.startswith(" ") and merged[-1].text.endswith(" "):
            text = text[1:]
        if not text:
            continue
        if merged and merged[-1].tone is piece.tone:
            merged[-1] = Piece(merged[-1].text + text, piece.tone)
        else:
            merged.append(Piece(text, piece.tone))
    return merged


def width_of(text: str) -> int:
    """Terminal cells a text takes (wide CJK characters take two)."""
    return len(text) if text.isascii() else cell_len(text)


def wrap(pieces: Sequence[Piece], width: int) -> list[list[Piece]]:
    """Word-wrap styled pieces to ``width`` cells; a word longer than a line is cut, not lost.

    Spaces at a line break are dropped; every other character appears exactly once.
    """
    width = max(width, 1)
    lines: list[list[Piece]] = [[]]
    used = 0
    for word in _words(pieces):
        word_width = sum(width_of(piece.text) for piece in word)
        if word and word[0].text.startswith(" "):
            if used == 0:
                word = _strip_leading_space(word)
                word_width -= 1
            elif used + word_width > width:
                lines.append([])
                used = 0
                word = _strip_leading_space(word)
                word_width -= 1
        if used + word_width > width and used > 0:
            lines.append([])
            used = 0
        for piece in word:
            for part in _cut(piece, width, used):
                if used + width_of(part.text) > width and used > 0:
                    lines.append([])
                    used = 0
                lines[-1].append(part)
                used += width_of(part.text)
    return [line for line in lines if line] or [[]]


def _words(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """Split pieces into words, each word keeping the one space before it."""
    words: list[list[Piece]] = []
    current: list[Piece] = []
    for piece in pieces:
        parts = piece.text.split(" ")
        for number, part in enumerate(parts):
            if number > 0:
                if current:
                    words.append(current)
                current = [Piece(" ", piece.tone)]
            if part:
                current.append(Piece(part, piece.tone))
    if current:
        words.append(current)
    return [_merge(word) for word in words]


def _strip_leading_space(word: list[Piece]) -> list[Piece]:
    first = word[0]
    rest = first.text[1:]
    return ([Piece(rest, first.tone)] if rest else []) + word[1:]


def _cut(piece: Piece, width: int, used: int) -> list[Piece]:
    """Cut a piece wider than the room left into parts that each fit a line."""
    if used + width_of(piece.text) <= width:
        return [piece]
    parts: list[Piece] = []
    current = ""
    room = width - used if used else width
    for char in piece.text:
        char_width = width_of(char)
        if current and width_of(current) + char_width > room:
            parts.append(Piece(current, piece.tone))
            current = ""
            room = width
        current += char
    if current:
        parts.append(Piece(current, piece.tone))
    return parts
