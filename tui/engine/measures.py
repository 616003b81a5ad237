"""Money, percentages, magnitudes, lengths, weights, durations, ages and records, each read into its canonical unit."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from tui.engine.claimtext import (
    AFTER_NUMBER,
    DIGIT_NUMBER,
    NOUN,
    NUMBER,
    NUMBER_ANY_END,
    QUALIFIER,
    WORD_NUMBER,
    alternation,
    hedged_reading,
    make_claim,
    qualifier_of,
)
from tui.engine.model import Claim, ClaimKind, Form, Reading
from tui.engine.names import name_runs, person_before
from tui.engine.numbers import read_number

_CURRENCIES = {
    "$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "dollars": "USD", "us dollars": "USD", "euros": "EUR", "yen": "JPY", "pounds": "GBP",
}  # fmt: skip


_CODES = ("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "CAD", "AUD")


LENGTHS = {
    "km": 1000.0, "kilometre": 1000.0, "kilometres": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0,
    "mile": 1609.344, "miles": 1609.344, "mi": 1609.344, "m": 1.0, "metre": 1.0, "metres": 1.0,
    "meter": 1.0, "meters": 1.0, "ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "cm": 0.01,
    "centimetres": 0.01, "centimeters": 0.01, "inch": 0.0254, "inches": 0.0254, "yards": 0.9144,
    "nautical miles": 1852.0,
}  # fmt: skip
"""Lengths in metres: converted by hand, since pint costs 0.2 s of import for these few factors."""


WEIGHTS = {
    "kg": 1.0, "kilogram": 1.0, "kilograms": 1.0, "kilos": 1.0, "tonne": 1000.0, "tonnes": 1000.0,
    "ton": 907.185, "tons": 907.185, "lb": 0.4536, "lbs": 0.4536, "grams": 0.001, "g": 0.001,
}  # fmt: skip


DURATIONS = {
    "second": 1.0, "seconds": 1.0, "secs": 1.0, "minute": 60.0, "minutes": 60.0, "mins": 60.0,
    "hour": 3600.0, "hours": 3600.0, "hrs": 3600.0, "day": 86400.0, "days": 86400.0,
    "week": 604800.0, "weeks": 604800.0, "month": 2629800.0, "months": 2629800.0,
    "year": 31557600.0, "years": 31557600.0, "decade": 315576000.0, "decades": 315576000.0,
}  # fmt: skip


_RECORD_CONTEXT = re.compile(
    r"\b(?:record|score[sd]?|won|win|wins|lost|loss|beat|defeated|victory|season|lead|led|trail|trailed|"
    r"votes?|voted|margin|final|draw|tie|tied)\b",
    re.IGNORECASE,
)


_CURRENCY_BEFORE = rf"(?-i:US\$|A\$|C\$|\$|€|£|¥|(?:{'|'.join(_CODES)})\s?)"


_CURRENCY_AFTER = rf"(?:(?:US\s+)?dollars|euros|yen|pounds|(?-i:{'|'.join(_CODES)}))"


_PERCENT = re.compile(
    rf"{QUALIFIER}(?P<value>{NUMBER_ANY_END}\s?(?:%|percent\b|per\s?cent\b|pct\b|percentage\s+points\b))",
    re.IGNORECASE,
)


_MONEY_BEFORE = re.compile(
    rf"{QUALIFIER}(?P<value>(?<![\w$])(?P<cur>{_CURRENCY_BEFORE})(?P<num>{DIGIT_NUMBER})){AFTER_NUMBER}",
    re.IGNORECASE,
)


_MONEY_AFTER = re.compile(rf"{QUALIFIER}(?P<value>{NUMBER}\s?(?P<cur>{_CURRENCY_AFTER}))(?!\w)", re.IGNORECASE)


_MAGNITUDE = re.compile(
    rf"{QUALIFIER}(?P<value>(?<![\w.])(?:magnitude[\s-]+(?P<after>[0-9]+\.[0-9]+|[0-9]+(?!\.[0-9]))"
    rf"|(?P<before>[0-9]+(?:\.[0-9]+)?)(?:[\s-]+magnitude\b|\s+on\s+the\s+richter\s+scale\b)))",
    re.IGNORECASE,
)


_MEASURE = re.compile(
    rf"{QUALIFIER}(?P<value>{NUMBER_ANY_END}(?:\s?|-)(?P<unit>{alternation(LENGTHS)}|{alternation(WEIGHTS)})"
    r"(?:-(?:long|wide|high|deep|tall|thick))?)(?![\w])",
    re.IGNORECASE,
)


_DURATION = re.compile(
    rf"{QUALIFIER}(?P<value>{NUMBER_ANY_END}(?:\s+|-)(?P<unit>{alternation(DURATIONS)}))(?![\w])"
    r"(?P<ago>\s+(?:ago|earlier|before))?",
    re.IGNORECASE,
)


_AGE = re.compile(
    r"(?P<value>(?<![\w-])(?P<num>[0-9]{1,3}|" + WORD_NUMBER + r")[\s-]+years?[\s-]+old\b)"
    r"|(?<=[A-Za-z]), (?P<comma>[1-9][0-9]?)(?=[,.](?![0-9])|\s+(?:was|is|had|has|who|and)\b)"
    r"|\b(?:aged|age)\s+(?P<aged>[1-9][0-9]?)\b",
    re.IGNORECASE,
)


_RECORD = re.compile(r"(?<![\w.,/-])(?P<first>[0-9]{1,3})[-–](?P<second>[0-9]{1,3})(?![\w/-]|[.,][0-9])")


def money(text: str) -> Iterator[Claim]:
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        for match in pattern.finditer(text):
            currency = _currency(match.group("cur"))
            parsed = read_number(match.group("num"))
            reading = hedged_reading(parsed.value, parsed.precision, currency, qualifier_of(match))
            slot = f"money {currency}"
            yield make_claim(
                text, ClaimKind.MONEY, slot, match.span(), match.group("value"), reading, qualifier_of(match)
            )


def _currency(written: str) -> str:
    lowered = " ".join(written.lower().split())
    return _CURRENCIES.get(lowered, written.strip().upper())


def percents(text: str) -> Iterator[Claim]:
    for match in _PERCENT.finditer(text):
        parsed = read_number(match.group("num"))
        reading = hedged_reading(parsed.value, parsed.precision, "%", qualifier_of(match))
        yield make_claim(
            text, ClaimKind.PERCENT, "percent", match.span(), match.group("value"), reading, qualifier_of(match)
        )


def magnitudes(text: str) -> Iterator[Claim]:
    for match in _MAGNITUDE.finditer(text):
        number = match.group("after") or match.group("before")
        if "." not in number and "magnitude" not in match.group("value").lower():
            continue
        parsed = read_number(number)
        reading = hedged_reading(parsed.value, parsed.precision, "magnitude", qualifier_of(match))
        yield make_claim(text, ClaimKind.MAGNITUDE, "magnitude", match.span(), number, reading, qualifier_of(match))


def measures(text: str) -> Iterator[Claim]:
    for match in _MEASURE.finditer(text):
        unit_word = " ".join(match.group("unit").lower().split())
        if unit_word in LENGTHS:
            factor, unit, slot = LENGTHS[unit_word], "m", "distance"
        else:
            factor, unit, slot = WEIGHTS[unit_word], "kg", "weight"
        if unit_word in ("m", "g") and not match.group("num")[0].isdigit():
            continue
        parsed = read_number(match.group("num"))
        reading = hedged_reading(parsed.value * factor, parsed.precision * factor, unit, qualifier_of(match))
        yield make_claim(
            text, ClaimKind.MEASURE, slot, match.span(), match.group("value"), reading, qualifier_of(match)
        )


def durations(text: str, published: datetime.date | None) -> Iterator[Claim]:
    for match in _DURATION.finditer(text):
        parsed = read_number(match.group("num"))
        seconds = DURATIONS[match.group("unit").lower()]
        qualifier = qualifier_of(match)
        if match.group("ago") and match.group("ago").strip().lower() == "ago":
            yield from _ago(text, match, parsed.value * seconds, qualifier, published)
            continue
        reading = hedged_reading(parsed.value * seconds, parsed.precision * seconds, "s", qualifier)
        span = (match.start(), match.end("value"))
        yield make_claim(text, ClaimKind.DURATION, "duration", span, match.group("value"), reading, qualifier)


def _ago(
    text: str, match: re.Match[str], seconds: float, qualifier: str, published: datetime.date | None
) -> Iterator[Claim]:
    """ "Two years ago": a date counted back from the publication date (a whole unit of slack)."""
    span = (match.start(), match.end())
    if published is None:
        return
    days = seconds / 86400.0
    unit_days = DURATIONS[match.group("unit").lower()] / 86400.0
    centre = published.toordinal() - days
    slack = max(1.0, unit_days / 2) if not qualifier else max(1.0, unit_days)
    reading = Reading(low=centre - slack, high=centre + slack, precision=0.5, unit="day", form=Form.RANGE)
    yield make_claim(text, ClaimKind.DATE, "date", span, text[span[0] : span[1]], reading, qualifier)


def ages(text: str) -> Iterator[Claim]:
    for match in _AGE.finditer(text):
        group = "num" if match.group("num") else "comma" if match.group("comma") else "aged"
        number = match.group(group)
        parsed = read_number(number)
        if not 0 < parsed.value < 120:
            continue
        reading = Reading(low=parsed.value, high=parsed.value, precision=0.5, unit="age")
        span = match.span("value") if group == "num" else match.span(group)
        person = _noun_after(text, span[1]) if group == "num" else person_before(text, match.start())
        yield make_claim(text, ClaimKind.AGE, "age", span, number, reading, thing=person)


def _noun_after(text: str, position: int) -> str:
    """Whose age a "35-year-old" gives: the word after it ("man"), or a name ("Hiller")."""
    runs = [run for run in name_runs(text) if 0 <= run[0] - position <= 2]
    if runs:
        return text[runs[0][0] : runs[0][1]]
    word = NOUN.match(text, position + 1) if position < len(text) else None
    return word.group() if word else ""


def records(text: str) -> Iterator[Claim]:
    for match in _RECORD.finditer(text):
        window = text[max(0, match.start() - 60) : match.end() + 60]
        if not _RECORD_CONTEXT.search(window):
            continue
        first, second = int(match.group("first")), int(match.group("second"))
        packed = first * 1e6 + second
        reading = Reading(low=packed, high=packed, precision=0.0, unit="record")
        yield make_claim(text, ClaimKind.RECORD, "record", match.span(), match.group(), reading)
