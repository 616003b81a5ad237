"""Claim mentions of a sentence: every numeric or dated value, each with its reading, counted thing and role."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import replace

from tui.engine.counts import quantities, with_context
from tui.engine.datetimes import dates, times, years
from tui.engine.measures import ages, durations, magnitudes, measures, money, percents, records
from tui.engine.model import Claim, ClaimKind
from tui.engine.names import entities
from tui.engine.numbers import SCALES, WORD_VALUES

_PRIORITY = {
    ClaimKind.DATE: 0, ClaimKind.TIME: 1, ClaimKind.MONEY: 2, ClaimKind.PERCENT: 3, ClaimKind.MAGNITUDE: 4,
    ClaimKind.AGE: 5, ClaimKind.MEASURE: 6, ClaimKind.DURATION: 7, ClaimKind.RECORD: 8, ClaimKind.QUANTITY: 9,
    ClaimKind.YEAR: 10, ClaimKind.ENTITY: 11,
}  # fmt: skip
"""Which claim keeps a stretch of text that two kinds both match."""


_NUMBER_WORDS = "|".join(sorted({*WORD_VALUES, *SCALES}, key=len, reverse=True))


_ANY_VALUE = re.compile(
    rf"[0-9$€£¥%]|\b(?:{_NUMBER_WORDS}|dozens|hundreds|thousands|millions|billions|noon|midday|midnight|"
    r"christmas|boxing|new year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|"
    r"sept|oct|nov|dec)\b"
)
"""Whether a lower-cased sentence may hold a value at all: most sentences of a long text do not."""


_NOON = re.compile(r"\b(?:noon|midday|midnight)\b")


_MONEY_HINT = re.compile(r"[$€£¥]|\b(?:dollars|euros|yen|pounds|usd|eur|gbp|jpy|chf|cny|inr|cad|aud)\b")


_PERCENT_HINT = re.compile(r"%|\bper\s?cent|\bpct\b|percentage")


_UNIT_HINT = re.compile(
    r"(?:[0-9]\s?|\b)(?:km|kilomet|mile|mi\b|m\b|metre|meter|ft\b|foot|feet|cm\b|centimet|inch|yard|nautical|"
    r"kg\b|kilogram|kilos|tonne|ton\b|tons|lb|gram|g\b)"
)


_DURATION_HINT = re.compile(r"second|sec\b|secs|minute|mins\b|hour|hrs\b|\bday|week|month|year|decade")


def extract_claims(
    text: str,
    offset: int = 0,
    *,
    excluded: Sequence[tuple[int, int]] = (),
    published: datetime.date | None = None,
) -> list[Claim]:
    """The claims of one sentence, ordered by start; offsets into ``text`` plus ``offset``.

    ``excluded`` are spans (document offsets) that are the document's metadata, never claims;
    ``published`` resolves weekdays and dates without a year.
    """
    lowered = text.lower()
    if not _ANY_VALUE.search(lowered):
        return (
            [*entities(text)]
            if not offset
            else [replace(c, start=c.start + offset, end=c.end + offset) for c in entities(text)]
        )
    digits = any(character.isdigit() for character in text)
    candidates = [
        *dates(text, published),
        *(times(text) if digits or _NOON.search(lowered) else ()),
        *(money(text) if _MONEY_HINT.search(lowered) else ()),
        *(percents(text) if _PERCENT_HINT.search(lowered) else ()),
        *(magnitudes(text) if "magnitude" in lowered or "richter" in lowered else ()),
        *(ages(text) if digits or "year" in lowered else ()),
        *(measures(text) if _UNIT_HINT.search(lowered) else ()),
        *(durations(text, published) if _DURATION_HINT.search(lowered) else ()),
        *(records(text) if digits else ()),
        *quantities(text),
        *(years(text) if digits else ()),
    ]
    if excluded:
        candidates = [c for c in candidates if not _inside_any(c.start + offset, c.end + offset, excluded)]
    numeric = _without_overlaps(candidates)
    numeric = [with_context(text, claim) for claim in numeric]
    names = [name for name in entities(text) if not any(_overlap(name, c) for c in numeric)]
    found = sorted([*numeric, *names], key=lambda claim: (claim.start, claim.end))
    if not offset:
        return found
    return [replace(c, start=c.start + offset, end=c.end + offset) for c in found]


def _inside_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _overlap(first: Claim, second: Claim) -> bool:
    return first.start < second.end and second.start < first.end


def _without_overlaps(claims: list[Claim]) -> list[Claim]:
    """Keep, of claims sharing characters, the one of the surest kind, then the longest.

    The claims kept never overlap, so in order of start their ends rise too: a new claim overlaps
    one of them exactly when the last to start before it ends has not ended where it starts (one
    bisection, not a look at every claim kept, for a sentence of four hundred values).
    """
    kept: list[Claim] = []
    spans: list[tuple[int, int]] = []  # the kept claims' (start, end), in order
    for claim in sorted(claims, key=lambda c: (_PRIORITY[c.kind], c.start - c.end, c.start)):
        before = bisect_left(spans, (claim.end, claim.end))  # the kept claims that start before it ends
        if before and spans[before - 1][1] > claim.start:
            continue
        kept.append(claim)
        insort(spans, (claim.start, claim.end))
    return kept
