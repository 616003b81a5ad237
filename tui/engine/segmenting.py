"""Split a document into sentences and comparison units with character offsets.

Two layers:

* ``sentences`` are what a sentence splitter finds: pySBD's boundaries inside lines, and every
  heading or line without final punctuation a unit of its own.
* ``segment`` gives the units a comparison aligns: those sentences, cut again after a full stop
  inside a quotation and at semicolons (other versions of a text often end a sentence there), with
  fragments too short to stand alone joined to their neighbour.

Both keep every non-space character of the text exactly once, in order.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import pysbd

Span = tuple[int, int]

MIN_UNIT_CHARS = 25
"""A comparison unit shorter than this joins the next unit."""
LONG_PIECE = 600
"""Past this length a stray quotation mark no longer stops sure cuts (see ``_sure_pieces``)."""

_LINE = re.compile(r"[^\n]*\n?")
_FINAL = re.compile(r"[.!?:;…。！？]['\"”’»)\]*_]*\s*$")
_INNER_BOUNDARY = re.compile(r"[.!?…。！？]['\"”’»)\]]*\s+\S|\s\(?\w{1,2}[.)]\s")
_BLOCK_START = re.compile(r"\s*(#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|>|\|)")
_HEADING = re.compile(r"\s{0,3}#{1,6}\s")
_WORD_START_LOWER = re.compile(r"\s*[a-z(,;]")
_SURE_END = re.compile(r'(?<![\w.])(?P<word>[A-Za-z][a-z]{2,})(?P<stop>[.!?][”"’]?)\s+(?=[“"‘]?(?:[A-Z][a-z]|I\s))')
_QUOTED_END = re.compile(
    r'(?<![\s.][A-Za-z])[.!?…][”"’]+(?=\s+[“"‘]?[A-Z0-9])|(?<=[a-z]{3})[.!?](?=\s+[“"‘]?[A-Z][a-z])'
)
_SEMICOLON = re.compile(r";(?=\s)")


class _MemoisedRe:
    """The ``re`` module as pySBD sees it: the same functions, each pattern compiled only once.

    pySBD builds patterns as it goes (several for each abbreviation a text holds), more than the
    512 that ``re`` itself remembers, so it used to compile some two thousand for a long text.
    ``re.sub(pattern, repl, string, count, flags)`` is ``re.compile(pattern, flags).sub(repl,
    string, count)``, and so on for the others: what pySBD finds does not change.
    """

    IGNORECASE = re.IGNORECASE
    escape = staticmethod(re.escape)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    @staticmethod
    def sub(pattern: str | re.Pattern[str], repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        return _compiled(pattern, flags).sub(repl, string, count)

    @staticmethod
    def search(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
        return _compiled(pattern, flags).search(string)

    @staticmethod
    def match(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
        return _compiled(pattern, flags).match(string)

    @staticmethod
    def findall(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> list[Any]:
        return _compiled(pattern, flags).findall(string)

    @staticmethod
    def finditer(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> Iterator[re.Match[str]]:
        return _compiled(pattern, flags).finditer(string)

    @staticmethod
    def split(pattern: str | re.Pattern[str], string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return _compiled(pattern, flags).split(string, maxsplit)


@lru_cache(maxsize=4096)
def _compiled(pattern: str | re.Pattern[str], flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _memoise_pysbd_patterns() -> None:
    """Give every pySBD module that uses ``re`` the memoising one instead (once, at import)."""
    memoised = _MemoisedRe()
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] == "pysbd" and getattr(module, "re", None) is re:
            vars(module)["re"] = memoised


_memoise_pysbd_patterns()


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    return pysbd.Segmenter(language="en", clean=False)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    return frozenset(value.strip().lower() for value in English.Abbreviation.ABBREVIATIONS)


def line_units(text: str) -> list[Span]:
    """Spans of text in which sentences are sought: lines, or runs of hard-wrapped lines joined.

    A heading or any line without final punctuation ends its unit, unless the next line continues
    it in lower case, or the block looks hard-wrapped (several long lines, most without final
    punctuation).
    """
    lines: list[Span] = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        if start == end:
            break
        content = text[start:end].rstrip("\n")
        if content.strip():
            lines.append((start, start + len(content)))
        else:
            lines.append((start, start))  # a blank line separates blocks
    units: list[Span] = []
    block: list[Span] = []
    for line in [*lines, (len(text), len(text))]:
        if line[0] == line[1]:
            units.extend(_units_of_block(text, block))
            block = []
        else:
            block.append(line)
    return units


def _units_of_block(text: str, block: list[Span]) -> list[Span]:
    if not block:
        return []
    wrapped = _is_hard_wrapped(text, block)
    units: list[Span] = []
    current = block[0]
    previous = block[0]
    for line in block[1:]:
        # Only the unit's last line decides (a unit of thousands of joined lines costs no more per line).
        previous_text = text[previous[0] : previous[1]]
        line_text = text[line[0] : line[1]]
        joins = (
            not _BLOCK_START.match(line_text)
            and not _HEADING.match(previous_text)
            and not _FINAL.search(previous_text)
            and (wrapped or _WORD_START_LOWER.match(line_text) is not None)
        )
        if joins:
            current = (current[0], line[1])
        else:
            units.append(current)
            current = line
        previous = line
    units.append(current)
    return units


def _is_hard_wrapped(text: str, block: list[Span]) -> bool:
    """Several lines of prose cut at a fixed width: long, of like length, most open-ended."""
    if len(block) < 3:
        return False
    inner = [end - start for start, end in block[:-1]]
    widest = max(inner)
    if widest > 110 or sorted(inner)[len(inner) // 2] < 40:
        return False
    open_ended = [end - start for start, end in block[:-1] if not _FINAL.search(text[start:end])]
    if len(open_ended) * 2 < len(inner):
        return False
    return all(length >= 0.6 * widest for length in open_ended)


def split_unit(unit: str) -> list[Span]:
    """Sentence spans inside one line unit, relative to it, surrounding whitespace left out.

    The unit is first cut at sure sentence ends (see ``_sure_pieces``); only pieces that still
    hold a possible boundary (an abbreviation, a number, a quotation, a list marker) go to pySBD,
    whose time grows with the square of what it is given.
    """
    stripped_start = len(unit) - len(unit.lstrip())
    stripped_end = len(unit.rstrip())
    if stripped_start >= stripped_end:
        return []
    body = unit[stripped_start:stripped_end]
    spans: list[Span] = []
    for piece_start, piece_end in _sure_pieces(body):
        for chunk_start, chunk_end in _bounded(body, piece_start, piece_end):
            piece = body[chunk_start:chunk_end]
            offset = stripped_start + chunk_start
            if not _INNER_BOUNDARY.search(piece):
                spans.append((offset, offset + len(piece)))
                continue
            spans.extend((start + offset, end + offset) for start, end in _pysbd_spans(piece))
    return spans


MAX_PIECE = 2_000
"""Longest stretch handed on whole: text with no sentence end for longer than this (a page of words
without punctuation) is cut at spaces, since pySBD and the word-level comparisons of a unit cost
the square of its length."""


def _bounded(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` as one span, or cut at spaces into spans of at most about MAX_PIECE."""
    spans: list[Span] = []
    while end - start > MAX_PIECE:
        cut = text.rfind(" ", start + MAX_PIECE // 2, start + MAX_PIECE)
        if cut <= start:
            cut = start + MAX_PIECE
        spans.append((start, cut))
        start = cut
        while start < end and text[start] == " ":
            start += 1
    if start < end:
        spans.append((start, end))
    return spans


@lru_cache(maxsize=20_000)
def _pysbd_spans(piece: str) -> tuple[Span, ...]:
    """pySBD's sentences of a piece as spans; remembered, since outlets copy paragraphs verbatim."""
    return tuple(_map_pieces(piece, _located(piece, _segmenter().processor(piece).process())))


def _located(text: str, found: Sequence[str]) -> list[str]:
    """What ``Segmenter.segment`` makes of its processor's sentences, without its costly search.

    It seeks each sentence, with the whitespace after it, by a regular expression compiled for that
    sentence, takes the first occurrence that ends past the sentence before, and drops a sentence
    it does not find; ``_occurrence`` does the same with ``str.find``.
    """
    located: list[str] = []
    prior_end = 0
    for sentence in found:
        span = _occurrence(text, sentence, prior_end)
        if span is not None:
            located.append(text[span[0] : span[1]])
            prior_end = span[1]
    return located


def _occurrence(text: str, sentence: str, prior_end: int) -> Span | None:
    r"""Where ``re.escape(sentence) + r"\s*"`` first matches in the text, ending past ``prior_end``
    (``\s`` is what ``str.isspace`` accepts)."""
    if not sentence:  # pySBD's pattern is then a bare r"\s*", which also matches empty strings
        return next((match.span() for match in re.finditer(r"\s*", text) if match.end() > prior_end), None)
    start = text.find(sentence)
    while start >= 0:
        end = start + len(sentence)
        while end < len(text) and text[end].isspace():
            end += 1
        if end > prior_end:
            return (start, end)
        start = text.find(sentence, end)
    return None


def _sure_pieces(body: str) -> list[Span]:
    """Cut a paragraph where any sentence splitter would: a full stop after a plain word of three
    letters or more that is no abbreviation, outside quotation marks and brackets, before a
    capitalised word.
    """
    pieces: list[Span] = []
    start = 0
    previous = 0
    for match in _SURE_END.finditer(body):
        if match.group("word").lower() in _abbreviations():
            continue
        # Quotation marks must close before a cut; a stray one (a typo in the source) would stop
        # all cutting, so past LONG_PIECE characters only the last sentence must be balanced.
        since = start if match.start() - start <= LONG_PIECE else previous
        previous = match.end()
        if not _balanced(body, since, match.end("stop")):
            continue
        pieces.append((start, match.end("stop")))
        start = match.end()
    pieces.append((start, len(body)))
    return pieces


def _balanced(body: str, start: int, end: int) -> bool:
    piece = body[start:end]
    return (
        piece.count("“") == piece.count("”")
        and piece.count('"') % 2 == 0
        and piece.count("(") == piece.count(")")
        and piece.count("[") == piece.count("]")
        and piece.count("‘") <= piece.count("’")
    )


def _map_pieces(body: str, pieces: Sequence[str]) -> list[Span]:
    """Place pySBD's sentences on the body by counting non-whitespace characters.

    pySBD may drop or move whitespace, but it keeps every other character in order; counting those
    gives exact offsets whatever it did to the spaces.
    """
    spans: list[Span] = []
    position = 0
    for piece in pieces:
        wanted = sum(1 for char in piece if not char.isspace())
        if wanted == 0:
            continue
        while position < len(body) and body[position].isspace():
            position += 1
        start = position
        seen = 0
        while position < len(body) and seen < wanted:
            if not body[position].isspace():
                seen += 1
            position += 1
        spans.append((start, position))
    if body[position:].strip():
        # Anything pySBD did not return joins the last sentence, so nothing is lost.
        tail_end = len(body.rstrip())
        if spans:
            spans[-1] = (spans[-1][0], tail_end)
        else:
            spans.append((len(body) - len(body.lstrip()), tail_end))
    return spans


def sentences(text: str) -> list[Span]:
    """Sentence spans of a whole text, in order (pySBD's boundaries, lines as units)."""
    spans: list[Span] = []
    for unit_start, unit_end in line_units(text):
        for start, end in split_unit(text[unit_start:unit_end]):
            spans.append((unit_start + start, unit_start + end))
    return spans


def segment(text: str) -> list[Span]:
    """The units a comparison aligns, in order; together they hold every non-space character."""
    units: list[Span] = []
    for unit_start, unit_end in line_units(text):
        units.extend(_units_of_line(text, unit_start, unit_end))
    return units


def _units_of_line(text: str, unit_start: int, unit_end: int) -> list[Span]:
    line: list[Span] = []
    for start, end in split_unit(text[unit_start:unit_end]):
        line.extend(_clauses(text, unit_start + start, unit_start + end))
    return _join_fragments(line)


def _clauses(text: str, start: int, end: int) -> list[Span]:
    """Cut a sentence after a full stop inside a quotation and at each semicolon (and at a colon
    just before either)."""
    cuts = [match.end() for match in _QUOTED_END.finditer(text, start, end)]
    cuts.extend(match.end() for match in _SEMICOLON.finditer(text, start, end))
    # A cut just after a colon ("he said to them: “Listen! ...") would split the speech it
    # introduces: cut at the colon as well, and the short speech start joins what follows.
    # Not after a bare participle ("..., saying: Let us alone;"), which belongs to what it says.
    for cut in list(cuts):
        colon = text.rfind(": ", max(start, cut - MIN_UNIT_CHARS), cut)
        if colon >= 0 and colon - text.rfind(", ", start, colon) > 10:
            cuts.append(colon + 1)
    spans: list[Span] = []
    current = start
    for cut in sorted(set(cuts)):
        following = cut
        while following < end and text[following].isspace():
            following += 1
        if cut <= current or following >= end:
            continue
        spans.append((current, cut))
        current = following
    spans.append((current, end))
    return spans


def _join_fragments(line: list[Span]) -> list[Span]:
    """Join a unit shorter than MIN_UNIT_CHARS to the next one (at the end of a line, to the one
    before): "He left." alone says too little to be matched, and often begins what another
    version makes one sentence of. What has been joined goes on joining while it is still short
    ("He said:" “Go;" and what follows stay one unit), and no further: a line of a thousand short
    sentences becomes units of two or three, never one unit the length of the line.
    """
    joined: list[Span] = []
    pending: int | None = None
    for position, (start, end) in enumerate(line):
        if pending is not None:
            start, pending = pending, None
        short = end - start < MIN_UNIT_CHARS  # what has been joined so far: a run of short units ends
        last = position == len(line) - 1
        if not last and short:
            pending = start
            continue
        if last and end - start < MIN_UNIT_CHARS and joined:
            joined[-1] = (joined[-1][0], end)
            continue
        joined.append((start, end))
    return joined


def segment_many(texts: Sequence[str], *, on_progress: Callable[[int, int], None] | None = None) -> list[list[Span]]:
    """Segment several documents, reporting (line units done, line units in all) now and then."""
    units = [line_units(text) for text in texts]
    total = sum(len(found) for found in units)
    done = 0
    spans: list[list[Span]] = []
    for text, found in zip(texts, units, strict=True):
        document: list[Span] = []
        for unit_start, unit_end in found:
            document.extend(_units_of_line(text, unit_start, unit_end))
            done += 1
            if on_progress is not None and done % 500 == 0:
                on_progress(done, total)
        spans.append(document)
    if on_progress is not None:
        on_progress(total, total)
    return spans
