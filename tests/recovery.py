"""A generator-made gold for the aligner: an article, an edited copy of it, and where each unit went.

``make_recovery(original, rate=r, seed=s)`` edits a copy of ``original`` the way another outlet
might republish it, driven only by ``random.Random(seed)`` (so the same arguments always give the
same copy):

* its paragraphs are shuffled. Every non-empty line is a paragraph, except that lines the
  segmenter joins into one unit (a line continued in lower case) stay together. Only the body is
  shuffled, from the first to the last prose paragraph (a line of at least ``MIN_LINE_CHARS``
  characters ending in a full stop or an exclamation mark, none of its units page furniture by
  ``is_boilerplate``; a headline may end in "?"): headlines and datelines above it and furniture
  below it ("Source link", "Leave A Reply", "Disclaimer: ...") stay in place, as on any
  republished page, and the engine rightly judges furniture by its place at the top or bottom of
  a page. The paragraphs of the copy are joined by blank lines;
* some units are reworded: one to three content words are replaced by synonyms from ``SYNONYMS``
  (``purchased`` -> ``bought``, ``company`` -> ``firm`` ...), the case of the first letter kept;
* some units have one number changed (``10,000`` -> ``12,000``, ``2018`` -> ``2019``,
  ``$1 billion`` -> ``$2 billion``), always by more than the 10% that a qualifier such as
  "nearly" allows, so the two values cannot both be true.

``rate`` is the fraction of all units (``segment(original)``) that are touched, rounded, taken
from the units that can be edited: a unit of a line of at least ``MIN_LINE_CHARS`` characters
(shorter lines are headlines and page furniture), not page furniture by ``is_boilerplate`` either
(a breadcrumb glued to a headline: the engine reads no claims in furniture, by design), that holds
a synonym or a number. A touched unit is either reworded or has a number changed, never both.
Edits never touch punctuation, so sentence ends stay where they were; the generator checks that
``segment(edited)`` cuts the copy exactly into the copies of the original units (an edit that
would move a boundary, for instance by pushing a short fragment past ``MIN_UNIT_CHARS``, is
undone).

The gold, a ``Recovery``, lists for every unit of ``segment(original)`` its span in the original,
the span of its copy in the edited text, whether it was ``untouched``, ``reworded`` or had a
``number`` changed, and for the last the old and the new number as written.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Literal

from tui.engine.boilerplate import is_boilerplate
from tui.engine.segmenting import segment

Status = Literal["untouched", "reworded", "number"]
Span = tuple[int, int]

MIN_LINE_CHARS = 40
"""Units of lines shorter than this (headlines, bylines, "Source link") are never edited."""

SYNONYMS: dict[str, str] = {
    "purchased": "bought",
    "bought": "purchased",
    "company": "firm",
    "recently": "lately",
    "reportedly": "allegedly",
    "project": "initiative",
    "data": "information",
    "business": "enterprise",
    "massive": "huge",
    "enormous": "vast",
    "immense": "vast",
    "significant": "considerable",
    "unclear": "uncertain",
    "critic": "detractor",
    "famous": "well-known",
    "help": "assist",
    "ambitious": "bold",
    "researchers": "scientists",
    "crucial": "vital",
    "extensive": "broad",
    "quickly": "rapidly",
    "enhance": "improve",
    "potential": "possible",
    "suggests": "indicates",
    "stopped": "ceased",
    "departure": "exit",
    "plans": "intentions",
    "commitment": "dedication",
    "dedication": "commitment",
    "rebuild": "restore",
    "speculate": "guess",
    "hired": "recruited",
    "recruiting": "hiring",
    "leverage": "exploit",
    "feud": "quarrel",
    "rejected": "declined",
    "promised": "pledged",
    "pledged": "promised",
    "invested": "put",
    "furious": "angry",
    "perfect": "ideal",
    "tasks": "jobs",
    "understand": "grasp",
    "reach": "contact",
    "several": "various",
    "huge": "vast",
    "big": "large",
}
"""Replacement words, lower case; a word is replaced whatever the case of its first letter."""

_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")
_NUMBER = re.compile(
    r"(?<![\w.,:/$€£-])"
    r"(?:(?P<money>\$(?P<amount>[0-9]+(?:\.[0-9]+)?)(?P<scale>\s(?:million|billion|trillion))?)"
    r"|(?P<grouped>[0-9]{1,3}(?:,[0-9]{3})+)"
    r"|(?P<year>(?:19|20)[0-9]{2})"
    r"|(?P<plain>[0-9]+))"
    r"(?![\w:/%-]|[.,][0-9])"
)
_PROSE_END = re.compile(r"[.!…][\"”’)]*$")
"""Numbers written in digits that stand alone: not times, ranges, versions, ordinals or percentages."""


@dataclass(frozen=True, slots=True)
class NumberChange:
    """One number of a unit as the original and as the copy write it (``10,000`` -> ``12,000``)."""

    old: str
    new: str


@dataclass(frozen=True, slots=True)
class UnitGold:
    """Where one unit of the original went: ``original[start:end]`` became ``edited[start:end]``."""

    index: int
    """The unit's index in ``segment(original)``."""
    original: Span
    edited: Span
    text: str
    edited_text: str
    status: Status
    change: NumberChange | None = None
    """The changed number when ``status == "number"``."""


@dataclass(frozen=True, slots=True)
class Recovery:
    """An article, its edited copy, and for every unit of the article where its copy stands."""

    original: str
    edited: str
    rate: float
    seed: int
    units: tuple[UnitGold, ...]

    def of_status(self, status: Status) -> list[UnitGold]:
        return [unit for unit in self.units if unit.status == status]


@dataclass(slots=True)
class _Edit:
    status: Status
    text: str
    change: NumberChange | None = None


def make_recovery(original: str, *, rate: float, seed: int) -> Recovery:
    """The edited copy of ``original`` at edit rate ``rate`` and its gold (see the module docstring)."""
    rng = random.Random(seed)
    units = segment(original)
    paragraphs = _paragraphs(original, units)
    furniture = [s for i, s in enumerate(units) if is_boilerplate(original[s[0] : s[1]], position=i, count=len(units))]
    order = _shuffled(original, paragraphs, furniture, rng)

    editable = [i for i, span in enumerate(units) if _editable(original, span, i, len(units))]
    touched = min(len(editable), round(rate * len(units)))
    chosen = sorted(rng.sample(editable, touched))
    edits: dict[int, _Edit] = {}
    for index in chosen:
        edit = _edit_unit(original[units[index][0] : units[index][1]], rng)
        if edit is not None:
            edits[index] = edit

    while True:
        edited, spans = _build(original, units, paragraphs, order, edits)
        found = segment(edited)
        wrong = [i for i, span in enumerate(spans) if span not in found]
        if sorted(spans) == found:
            break
        undone = [i for i in wrong if i in edits]
        if not undone:
            raise AssertionError(f"the shuffled copy does not segment like the original (units {wrong})")
        for index in undone:
            del edits[index]

    golds = []
    for index, (span, copy) in enumerate(zip(units, spans, strict=True)):
        edit = edits.get(index)
        golds.append(
            UnitGold(
                index=index,
                original=span,
                edited=copy,
                text=original[span[0] : span[1]],
                edited_text=edited[copy[0] : copy[1]],
                status=edit.status if edit else "untouched",
                change=edit.change if edit else None,
            )
        )
    return Recovery(original=original, edited=edited, rate=rate, seed=seed, units=tuple(golds))


def _paragraphs(text: str, units: list[Span]) -> list[Span]:
    """Spans of the non-empty lines, lines that one unit runs across merged into one paragraph."""
    lines: list[Span] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((position, position + len(line.rstrip())))
        position += len(line) + 1
    merged: list[Span] = []
    for start, end in lines:
        if merged and any(u_start < merged[-1][1] and u_end > start for u_start, u_end in units):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _shuffled(text: str, paragraphs: list[Span], furniture: list[Span], rng: random.Random) -> list[int]:
    """A new order of the paragraphs: the body shuffled, the page's head and foot left in place.

    The body runs from the first to the last prose paragraph (at least ``MIN_LINE_CHARS`` long,
    ending in sentence punctuation, no unit of it page furniture); headlines and datelines before
    it and page furniture after it stay where a republished page has them.
    """
    prose = [
        i
        for i, (start, end) in enumerate(paragraphs)
        if _is_prose(text[start:end]) and not any(start <= f_start < end for f_start, _ in furniture)
    ]
    order = list(range(len(paragraphs)))
    if not prose:
        return order
    body = order[prose[0] : prose[-1] + 1]
    rng.shuffle(body)
    return order[: prose[0]] + body + order[prose[-1] + 1 :]


def _is_prose(paragraph: str) -> bool:
    stripped = paragraph.strip()
    return len(stripped) >= MIN_LINE_CHARS and _PROSE_END.search(stripped) is not None


def _line_of(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : len(text) if end < 0 else end]


def _editable(text: str, span: Span, index: int, count: int) -> bool:
    if len(_line_of(text, span[0]).strip()) < MIN_LINE_CHARS:
        return False
    piece = text[span[0] : span[1]]
    if is_boilerplate(piece, position=index, count=count):
        return False
    return bool(_synonym_words(piece) or list(_NUMBER.finditer(piece)))


def _synonym_words(piece: str) -> list[re.Match[str]]:
    return [match for match in _WORD.finditer(piece) if match.group().lower() in SYNONYMS]


def _edit_unit(piece: str, rng: random.Random) -> _Edit | None:
    numbers = list(_NUMBER.finditer(piece))
    words = _synonym_words(piece)
    if numbers and (not words or rng.random() < 0.7):
        match = rng.choice(numbers)
        new = _changed_number(match, rng)
        text = piece[: match.start()] + new + piece[match.end() :]
        return _Edit("number", text, NumberChange(old=match.group(), new=new))
    if not words:
        return None
    picked = sorted(rng.sample(words, min(len(words), rng.randint(1, 3))), key=lambda m: m.start())
    parts = []
    position = 0
    for match in picked:
        word = match.group()
        synonym = SYNONYMS[word.lower()]
        if word[0].isupper():
            synonym = synonym[0].upper() + synonym[1:]
        parts.extend([piece[position : match.start()], synonym])
        position = match.end()
    parts.append(piece[position:])
    return _Edit("reworded", "".join(parts))


def _changed_number(match: re.Match[str], rng: random.Random) -> str:
    """A different value written the same way, at least 20% away (beyond any "nearly")."""
    if match.group("money"):
        amount = match.group("amount")
        value = float(amount) * rng.choice([2, 3, 5])
        written = f"{value:g}" if "." in amount else str(int(value))
        return f"${written}{match.group('scale') or ''}"
    if match.group("grouped"):
        old = int(match.group("grouped").replace(",", ""))
        return f"{round(old * rng.choice([1.2, 1.5, 2, 3])):,}"
    if match.group("year"):
        old = int(match.group("year"))
        new = old + rng.choice([-3, -2, -1, 1, 2, 3])
        return str(min(max(new, 1900), 2099))
    old = int(match.group("plain"))
    return str(max(old * rng.choice([2, 3]), old + 2))


def _build(
    original: str, units: list[Span], paragraphs: list[Span], order: list[int], edits: dict[int, _Edit]
) -> tuple[str, list[Span]]:
    """The edited text and, per original unit, the span of its copy."""
    spans: list[Span | None] = [None] * len(units)
    pieces: list[str] = []
    length = 0
    for number, paragraph in enumerate(order):
        if number:
            pieces.append("\n\n")
            length += 2
        start, end = paragraphs[paragraph]
        position = start
        for index, (u_start, u_end) in enumerate(units):
            if not (start <= u_start < end):
                continue
            gap = original[position:u_start]
            body = edits[index].text if index in edits else original[u_start:u_end]
            pieces.extend([gap, body])
            length += len(gap)
            spans[index] = (length, length + len(body))
            length += len(body)
            position = u_end
        tail = original[position:end]
        pieces.append(tail)
        length += len(tail)
    pieces.append("\n")
    assert all(span is not None for span in spans)
    return "".join(pieces), [span for span in spans if span is not None]


__all__ = ["SYNONYMS", "NumberChange", "Recovery", "UnitGold", "make_recovery"]
