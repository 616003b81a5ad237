"""Spans of a comparison as styled text: (text, tone) pieces for a cell or a document range, and rich Text."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from rich.style import StyleType
from rich.text import Text

from tui.engine.model import Comparison, Row, RowKind
from tui.visible import visible

_WHITESPACE = re.compile(r"\s+")


class Tone(StrEnum):
    """What a piece of text is; each view maps tones to its own styles (CSS, rich styles, HTML classes)."""

    PLAIN = "plain"
    """Words the row's other documents share."""
    DIFFER = "differ"
    """Words no other document of the row has."""
    CONFLICT = "conflict"
    """A value that clashes with another document's value of the same fact."""
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
    """Full text: the selected sentence."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of display text in one tone."""

    text: str
    tone: Tone


ToneSpan = tuple[int, int, Tone]
"""(start, end, tone): a tone over a range of a document's text, by character offsets."""


# A grid cell (and the detail pane, and the text report) ---------------------------------------


_CELL_PRIORITY = {Tone.PLAIN: 0, Tone.BOILERPLATE: 0, Tone.DIFFER: 1, Tone.CONFLICT: 2, Tone.MATCH: 3}
"""Which tone wins where a cell's marks overlap."""


def cell_pieces(comparison: Comparison, row: Row, doc: int, *, search: str = "") -> list[Piece]:
    """The styled text of one document's cell: its sentences, whitespace folded, made visible.

    Tones stack by priority: a search match over a conflicting value over a differing word;
    boilerplate sentences are dimmed throughout.
    """
    cell = row.cell_for(doc)
    if cell is None:
        return []
    text = comparison.documents[doc].text
    marks: list[ToneSpan] = [(s.start, s.end, Tone.DIFFER) for s in row.spans.get(doc, []) if not s.shared]
    for conflict in row.conflicts:
        marks.extend((start, end, Tone.CONFLICT) for start, end in conflict.places.get(doc, ()))
    pieces: list[Piece] = []
    for number, index in enumerate(cell.sentences):
        sentence = comparison.sentences[doc][index]
        if number:
            pieces.append(Piece(" ", Tone.PLAIN))
        base = Tone.BOILERPLATE if sentence.boilerplate else Tone.PLAIN
        here = [
            (start, end, tone)
            for start, end, tone in marks
            if start < sentence.end and end > sentence.start and not (base is Tone.BOILERPLATE and tone is Tone.DIFFER)
        ]
        if not here and not search:
            pieces.append(Piece(_folded(text[sentence.start : sentence.end]), base))
            continue
        tones = _tones(text, sentence.start, sentence.end, base, here, search, _CELL_PRIORITY)
        pieces.extend(_runs(text, sentence.start, tones, _folded))
    return _merge(pieces)


# A range of a document's full text ----------------------------------------------------------

_KIND_TONES = {RowKind.CONFLICT: Tone.ROW_CONFLICT, RowKind.SHARED: Tone.ROW_SHARED, RowKind.UNIQUE: Tone.ROW_UNIQUE}
_RANGE_PRIORITY = {
    Tone.PLAIN: 0,
    Tone.ROW_SHARED: 1,
    Tone.ROW_UNIQUE: 1,
    Tone.ROW_CONFLICT: 1,
    Tone.BOILERPLATE: 1,
    Tone.SELECTED: 2,
    Tone.MATCH: 3,
}


def sentence_marks(
    comparison: Comparison,
    doc: int,
    *,
    selected: int | None = None,
    where: dict[tuple[int, int], int] | None = None,
) -> list[ToneSpan]:
    """Each sentence of ``doc`` toned by its row's kind (boilerplate dimmed, ``selected`` marked), in order.

    ``where`` is ``comparison.row_of()`` when the caller has it already (it walks every row).
    """
    where = where if where is not None else comparison.row_of()
    marks: list[ToneSpan] = []
    for sentence in comparison.sentences[doc]:
        if sentence.index == selected:
            tone = Tone.SELECTED
        elif sentence.boilerplate:
            tone = Tone.BOILERPLATE
        else:
            tone = _KIND_TONES[comparison.rows[where[(doc, sentence.index)]].kind]
        marks.append((sentence.start, sentence.end, tone))
    return marks


def range_pieces(text: str, start: int, end: int, marks: Sequence[ToneSpan], *, search: str = "") -> list[Piece]:
    """``text[start:end]`` (one line of a document, say) as pieces toned by ``marks``, made visible.

    ``marks`` are sorted by start and do not overlap (``sentence_marks``); text outside them is
    plain, and search matches inside the range stand out over every tone. Whitespace is kept
    (tabs become four spaces), so the pieces read as the document does.
    """
    if not search:
        return _marked_runs(text, start, end, marks)
    tones = _tones(text, start, end, Tone.PLAIN, marks, search, _RANGE_PRIORITY)
    return _runs(text, start, tones, displayed)


def _marked_runs(text: str, start: int, end: int, marks: Sequence[ToneSpan]) -> list[Piece]:
    """The fast path of ``range_pieces`` without a search: one piece per mark, no per-character work."""
    pieces: list[Piece] = []
    cursor = start
    for mark_start, mark_end, tone in marks:
        if mark_end <= start or mark_start >= end:
            continue
        piece_start, piece_end = max(mark_start, start), min(mark_end, end)
        if piece_start > cursor:
            pieces.append(Piece(displayed(text[cursor:piece_start]), Tone.PLAIN))
        pieces.append(Piece(displayed(text[piece_start:piece_end]), tone))
        cursor = piece_end
    if cursor < end:
        pieces.append(Piece(displayed(text[cursor:end]), Tone.PLAIN))
    return [piece for piece in pieces if piece.text]


def search_matches(text: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) of every case-insensitive match of ``needle`` in ``text``, in order."""
    if not needle:
        return []
    # Matched on the text itself, not on text.lower(): lower-casing can change lengths ("İ").
    return [match.span() for match in re.finditer(re.escape(needle), text, re.IGNORECASE)]


# Shared machinery -----------------------------------------------------------------------------


def _tones(
    text: str,
    start: int,
    end: int,
    base: Tone,
    marks: Sequence[ToneSpan],
    search: str,
    priority: Mapping[Tone, int],
) -> list[Tone]:
    """The tone of every character of ``text[start:end]``: ``base`` under the marks, by priority."""
    tones = [base] * (end - start)
    for mark_start, mark_end, tone in marks:
        for position in range(max(mark_start, start), min(mark_end, end)):
            if priority[tone] > priority[tones[position - start]]:
                tones[position - start] = tone
    for match_start, match_end in search_matches(text[start:end], search):
        tones[match_start:match_end] = [Tone.MATCH] * (match_end - match_start)
    return tones


def _runs(text: str, start: int, tones: Sequence[Tone], shown: Callable[[str], str]) -> list[Piece]:
    """Pieces of equal tone, each made displayable by ``shown``."""
    pieces: list[Piece] = []
    run_start = 0
    for position in range(1, len(tones) + 1):
        if position == len(tones) or tones[position] is not tones[run_start]:
            piece = shown(text[start + run_start : start + position])
            if piece:
                pieces.append(Piece(piece, tones[run_start]))
            run_start = position
    return pieces


def _folded(raw: str) -> str:
    """Control characters made visible, and every run of whitespace one space."""
    return _WHITESPACE.sub(" ", visible(raw))


def displayed(raw: str) -> str:
    """A range's text as its pieces read: control characters made visible, tabs four spaces, other
    whitespace kept (one character in, one or more out, so offsets map in order)."""
    return visible(raw.replace("\t", "    "))


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


# The rich adapter -----------------------------------------------------------------------------


def rich_text(pieces: Iterable[Piece], styles: Mapping[Tone, StyleType]) -> Text:
    """The pieces as one rich Text, each in its tone's style (tones missing from ``styles`` are plain)."""
    text = Text()
    for piece in pieces:
        text.append(piece.text, styles.get(piece.tone, ""))
    return text
