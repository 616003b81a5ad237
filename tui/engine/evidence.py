"""What a mention measures, as its words say: the key of its fact (thing, role, place, time frame) and its context."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from itertools import islice

from tui.engine.counts import thing_class
from tui.engine.metadata import MONTH_NAMES, MONTHS
from tui.engine.model import Claim, ClaimKind, Sentence
from tui.engine.names import name_runs
from tui.engine.words import WORD as WORDS
from tui.engine.words import term

RARE_NAME_SHARE = 0.5
"""A name fewer than this share of the outlets use marks a part of the story (a district), not all of it."""


FRAME_WORDS = 20
"""A year or "last year" sets the time of a value at most this many words after it."""
"""A larger figure this close to a document's own figure for a key contradicts it, not adds to it."""
"""Two sentences of one document at least this alike state the same fact."""


_DEPTH = re.compile(r"\b(?:depth|deep|beneath|below\s+the\s+surface|underground|depths)\b", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s|\band\b|\bwhile\b|\bbut\b")


_YEAR_WORD = re.compile(r"(?<![\w.,/-])(1[89][0-9]{2}|20[0-9]{2})(?![\w]|[.,/-][0-9])")


_LAST_YEAR = re.compile(r"\blast\s+year\b|\ba\s+year\s+ago\b|\bprevious\s+year\b", re.IGNORECASE)


_PEAK = re.compile(r"\bat\s+one\s+point\b|\bat\s+(?:its|the)\s+(?:peak|height|worst)\b", re.IGNORECASE)


_EARLIER = re.compile(r"\bearlier\s+this\s+year\b|\bin\s+(?:a|the)\s+previous\b|\blast\s+time\b", re.IGNORECASE)


_MONTH_OPENING = re.compile(
    rf"^\W*(?:in|on|back\s+in|since|during)\s+(?P<month>{'|'.join(n for n in MONTH_NAMES if n != 'may')})\b",
    re.IGNORECASE,
)


_MONTH_BEFORE = re.compile(rf"\b({'|'.join(MONTH_NAMES)})\s+$", re.IGNORECASE)


_NAME = r"([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)"


_PLACE_OPENING = re.compile(rf"^\W*(?:In|At|Near)\s+(?:the\s+)?(?:neighbou?ring\s+|nearby\s+)?{_NAME}")


_PLACE_AFTER = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}?(?:\s+(?:were|was|have\s+been|had\s+been|are|is))?(?:\s+[a-z]+ly)?"
    rf"(?:\s+[a-z]+ed)?\s+in\s+(?:the\s+)?{_NAME}"
)


_DETACHED = re.compile(r"\b(?:by|which|that|who|where|whose|when)\b", re.IGNORECASE)


_STRONG_KINDS = frozenset(
    {ClaimKind.QUANTITY, ClaimKind.PERCENT, ClaimKind.MEASURE, ClaimKind.DURATION, ClaimKind.AGE, ClaimKind.MAGNITUDE}
)


CONTEXT_WINDOW = 300
"""Characters before a mention searched for its last four words (the whole text before it only when
the window holds too few): the text before a value need not be read from the sentence's start."""


def mention_context(sentence: Sentence, claim: Claim) -> frozenset[str]:
    """Content terms of the four words each side of a mention (past its counted thing), numbers and
    the thing itself left out: "police said Friday" against "argued Thursday"."""
    cut = claim.start - sentence.start
    before = WORDS.findall(sentence.text, max(0, cut - CONTEXT_WINDOW), cut)
    if len(before) <= 4 and cut > CONTEXT_WINDOW:  # too few words in the window to be sure of the last four
        before = WORDS.findall(sentence.text, 0, cut)
    rest = sentence.text[claim.end - sentence.start :]
    if claim.thing and claim.thing in rest[: len(claim.thing) + 3]:
        rest = rest[rest.index(claim.thing) + len(claim.thing) :]
    after = [match.group() for match in islice(WORDS.finditer(rest), 4)]
    before = before[-4:]
    return frozenset(found for word in before + after for found in [term(word)] if found and found != "#")


def reference_years(published: Sequence[datetime.date | None]) -> list[int | None]:
    """The year each document reports from: its own publication year, else the other outlets'.

    With no publication date anywhere, every explicit year marks a time frame of its own.
    """
    years = Counter(date.year for date in published if date is not None)
    fallback = years.most_common(1)[0][0] if years else None
    return [date.year if date is not None else fallback for date in published]


def rare_names(claims: dict[tuple[int, int], list[Claim]], documents: int) -> frozenset[str]:
    """Names that few outlets use (a district, a village), unlike the story's own setting."""
    seen: dict[str, set[int]] = defaultdict(set)
    for (doc, _), found in claims.items():
        for claim in found:
            if claim.kind is ClaimKind.ENTITY:
                seen[claim.text.lower()].add(doc)
    return frozenset(name for name, docs in seen.items() if len(docs) < RARE_NAME_SHARE * documents)


def mention_key(
    sentence: str, offset: int, claim: Claim, year: int | None, rare: frozenset[str] = frozenset()
) -> tuple[str, ...] | None:
    """What a mention measures, when the sentence says it plainly; None leaves it to the alignment."""
    if claim.kind not in _STRONG_KINDS or claim.reading is None:
        return None
    start, end = claim.start - offset, claim.end - offset
    subject = _subject(sentence, start, end, claim)
    if subject is None:
        return None
    if claim.kind is ClaimKind.QUANTITY:
        place = _sub_place(sentence, start, end, rare)
        subject = (*subject, f"in {place}") if place else subject
    frame = _frame(sentence, start, end, year)
    return (claim.kind.value, claim.reading.unit, *subject, frame)


def _sub_place(sentence: str, start: int, end: int, rare: frozenset[str]) -> str:
    """A place few outlets name that a count is said to be in: "In neighbouring Central Aceh
    district, 10 people were killed", "10 houses were damaged in Takengon"."""
    opening = _PLACE_OPENING.match(sentence)
    if opening and opening.end() <= start and opening.group(1).lower() in rare:
        return opening.group(1).lower()
    after = _PLACE_AFTER.match(sentence, end)
    if after and after.group(1).lower() in rare:
        return after.group(1).lower()
    return ""


def _subject(sentence: str, start: int, end: int, claim: Claim) -> tuple[str, ...] | None:
    if claim.kind is ClaimKind.QUANTITY:
        counted = thing_class(claim)
        return (counted,) if counted and counted != "people" else None
    if claim.kind is ClaimKind.PERCENT:
        places = places_near(sentence, start, end)
        return (places,) if places else None
    if claim.kind is ClaimKind.MEASURE:
        clause = _clause(sentence, start, end)
        if _DEPTH.search(clause):
            return ("depth",)
        places = places_near(sentence, start, end, after_only=True)
        return ("from " + places,) if places else None
    if claim.kind is ClaimKind.DURATION:
        assert claim.reading is not None
        if claim.reading.high <= 86_400:
            return ("short",)
        person = places_near(sentence, start, end, before_only=True)
        return ("long", person) if person else None
    if claim.kind is ClaimKind.AGE:
        return (claim.thing.split()[-1].lower(),) if claim.thing else None
    return ()


def _clause(sentence: str, start: int, end: int) -> str:
    """The stretch of the sentence around a value between clause breaks (commas, "and", dashes)."""
    clause_start, clause_end = _clause_bounds(sentence, start, end)
    return sentence[clause_start:clause_end]


_BREAK_ENDING = re.compile(rf"(?:{_CLAUSE_BREAK.pattern})\Z")


@lru_cache(maxsize=256)
def _breaks(sentence: str) -> tuple[list[int], list[int]]:
    """Where the sentence's clause breaks start and where they end, in order: found once, since
    each of a sentence's values asks (a list of four hundred percentages asked four hundred times)."""
    spans = [match.span() for match in _CLAUSE_BREAK.finditer(sentence)]
    return [start for start, _ in spans], [end for _, end in spans]


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``sentence[start:end]``: from the end of the last break before the value
    (as the text before the value, read alone, has it) to the start of the first break after it."""
    starts, ends = _breaks(sentence)
    if _BREAK_ENDING.search(sentence, max(0, start - 12), start):
        clause_start = start  # a break that ends where the value starts ("and" before "10,000")
    else:
        before = bisect_right(ends, start)
        clause_start = ends[before - 1] if before else 0
    after = bisect_left(starts, end)
    return clause_start, starts[after] if after < len(starts) else len(sentence)


def places_near(sentence: str, start: int, end: int, *, after_only: bool = False, before_only: bool = False) -> str:
    """The names in a value's clause ("65% of traffic to India" → "india"), nearest first after it."""
    clause_start, clause_end = _clause_bounds(sentence, start, end)
    runs = name_runs(sentence)
    after = [sentence[a:b] for a, b in runs if end <= a < clause_end]
    before = [sentence[a:b] for a, b in runs if clause_start <= a and b <= start]
    chosen = [] if before_only else after
    if not chosen and not after_only:
        chosen = before[-1:]
    return " ".join(sorted({name.lower() for name in chosen}))


_TIME_PHRASES = ((_LAST_YEAR, "last year"), (_EARLIER, "earlier"), (_PEAK, "peak"))


@lru_cache(maxsize=256)
def _time_markers(sentence: str) -> tuple[list[tuple[int, int, str]], list[tuple[str, list[tuple[int, int]]]]]:
    """The sentence's years (start, end, year) and its time phrases by label, found once for all its
    values rather than once for each."""
    years = [(match.start(), match.end(), match.group(1)) for match in _YEAR_WORD.finditer(sentence)]
    phrases = [(label, [match.span() for match in pattern.finditer(sentence)]) for pattern, label in _TIME_PHRASES]
    return years, phrases


def _frame(sentence: str, start: int, end: int, year: int | None) -> str:
    """The time a value's sentence is about when it is not the story's own ("2004", "last year")."""
    years, phrases = _time_markers(sentence)
    for marker_start, marker_end, written in years:
        if start <= marker_start < end:
            continue
        if year is not None and abs(int(written) - year) < 1:
            continue
        if _applies(sentence, marker_start, marker_end, start, end):
            return written + _month_before(sentence, marker_start)
    for label, spans in phrases:
        for marker_start, marker_end in spans:
            if _applies(sentence, marker_start, marker_end, start, end):
                found = str(year - 1) if label == "last year" and year is not None else label
                return found + _month_before(sentence, marker_start)
    opening = _MONTH_OPENING.match(sentence)
    if opening and opening.end() <= start:
        return f"{MONTHS[opening.group('month').lower()]}m"
    return ""


def _month_before(sentence: str, position: int) -> str:
    """ "-05" when a month name stands right before a year marker ("May 2012", "April last year")."""
    month = _MONTH_BEFORE.search(sentence, 0, position)
    return f"-{MONTHS[month.group(1).lower()]:02d}" if month else ""


def _applies(sentence: str, marker_start: int, marker_end: int, start: int, end: int) -> bool:
    """Whether a time marker governs a value: shortly before it, or after it in the same stretch of clause."""
    if marker_end <= start:
        return len(sentence[marker_end:start].split()) <= FRAME_WORDS
    between = sentence[end:marker_start]
    return len(between.split()) <= 15 and not _DETACHED.search(between)
