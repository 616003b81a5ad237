"""What a cell shows: its text as styled pieces, and that text word-wrapped to a width."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.cells import cell_len

from tui.engine.model import Comparison, Row
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
    if not search and not any(mark_start < end and mark_end > start for mark_start, mark_end, _ in marks):
        return [Piece(_display(text[start:end]), base)]
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

    The breaks are found on the plain text (``wrap_ranges``), then the pieces are cut to them.
    Spaces at a line break are dropped; every other character appears exactly once.
    """
    plain = "".join(piece.text for piece in pieces)
    lines: list[list[Piece]] = []
    piece_index, piece_start = 0, 0
    for line_start, line_end in wrap_ranges(plain, width):
        line: list[Piece] = []
        while piece_index < len(pieces) and piece_start + len(pieces[piece_index].text) <= line_start:
            piece_start += len(pieces[piece_index].text)
            piece_index += 1
        index, start = piece_index, piece_start
        while index < len(pieces) and start < line_end:
            piece = pieces[index]
            cut_from, cut_to = max(line_start, start) - start, min(line_end, start + len(piece.text)) - start
            if cut_to > cut_from:
                line.append(Piece(piece.text[cut_from:cut_to], piece.tone))
            start += len(piece.text)
            index += 1
        lines.append(line)
    return lines or [[]]


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` greedily wrapped at spaces to ``width`` cells.

    Words are separated by single spaces (cell text is folded); a word wider than a line is cut
    into line-wide parts. The space at a break belongs to no line.
    """
    width = max(width, 1)
    ascii_only = text.isascii()
    ranges: list[tuple[int, int]] = []
    line_start, used = -1, 0
    position = 0
    for word in text.split(" "):
        word_start, word_end = position, position + len(word)
        position = word_end + 1
        if not word:
            continue
        word_width = len(word) if ascii_only else cell_len(word)
        if line_start >= 0 and used + 1 + word_width <= width:
            used += 1 + word_width
            continue
        if line_start >= 0:
            ranges.append((line_start, line_end_of(text, line_start, used, ascii_only)))
        if word_width <= width:
            line_start, used = word_start, word_width
            continue
        cut = word_start
        for char_index in range(word_start, word_end + 1):
            if char_index == word_end or _width_between(text, cut, char_index + 1, ascii_only) > width:
                if char_index == word_end:
                    break
                ranges.append((cut, char_index))
                cut = char_index
        line_start, used = cut, _width_between(text, cut, word_end, ascii_only)
    if line_start >= 0:
        ranges.append((line_start, line_end_of(text, line_start, used, ascii_only)))
    return ranges


def _width_between(text: str, start: int, end: int, ascii_only: bool) -> int:
    return end - start if ascii_only else cell_len(text[start:end])


def line_end_of(text: str, start: int, used: int, ascii_only: bool) -> int:
    """The end offset of a line that starts at ``start`` and is ``used`` cells wide."""
    if ascii_only:
        return start + used
    end, width = start, 0
    while end < len(text) and width < used:
        width += cell_len(text[end])
        end += 1
    return end
