"""Dates, weekdays, named days, times of day and years, resolved against the publication date where one is known."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from tui.engine.claimtext import QUALIFIER, QUALIFIER_FORMS, alternation, make_claim, qualifier_of
from tui.engine.metadata import MONTHS, WEEKDAYS, ZONE, ZONES
from tui.engine.model import Claim, ClaimKind, Form, Reading

_MONTH_NAME = rf"(?P<month>(?:{alternation(m.capitalize() for m in MONTHS)})\b\.?)"


_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"


_DATES = (
    re.compile(r"(?<![\w-])(?P<year>[0-9]{4})(?P<sep>[-/])(?P<mon>[0-9]{1,2})(?P=sep)"
               r"(?P<day>[0-9]{1,2})(?![\w-])"),
    re.compile(rf"(?<!\w){_MONTH_NAME}\s+(?P<day>[0-9]{{1,2}}){_ORDINAL_SUFFIX}(?:,?\s+(?P<year>[0-9]{{4}}))?"
               r"(?![\w])"),
    re.compile(rf"(?<![\w.,])(?P<day>[0-9]{{1,2}}){_ORDINAL_SUFFIX}\s+(?:of\s+)?{_MONTH_NAME}"
               r"(?:,?\s+(?P<year>[0-9]{4}))?(?!\w)"),
    re.compile(rf"(?<!\w){_MONTH_NAME},?\s+(?P<year>[0-9]{{4}})(?!\w)"),
    re.compile(rf"(?<![\w-])(?:(?P<early>early|late|mid)[\s-]+)?{_MONTH_NAME}(?![\w-])"),
)  # fmt: skip


_WEEKDAY = re.compile(
    r"(?<![\w-])(?:(?P<part>early|late)\s+)?(?P<weekday>(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday))(?:'s)?(?:\s+(?P<when>morning|afternoon|evening|night))?(?![\w-])",
    re.IGNORECASE,
)


_NAMED_DAY = re.compile(r"(?<![\w-])(?P<day>Boxing Day|Christmas(?: Day| Eve)?|New Year's (?:Day|Eve))(?![\w-])")


_TIME_OF_DAY = re.compile(
    rf"{QUALIFIER}(?P<value>(?<![\w:.])(?:(?P<hour>[0-9]{{1,2}})(?:[:.](?P<minute>[0-9]{{2}}))?\s?"
    r"(?P<ampm>[AaPp]\.?\s?[Mm]\b\.?)"
    r"|(?P<h24>[0-9]{1,2})[:.](?P<m24>[0-9]{2})(?![0-9])(?!\s?[AaPp]\.?\s?[Mm]\b)"
    rf"|(?P<hhmm>[0-9]{{4}})(?=\s?(?-i:{ZONE})\b)"
    r"|(?P<noon>noon|midday|midnight))"
    rf"(?:\s?(?P<zone>(?-i:{ZONE}))(?![A-Za-z])|\s+(?P<local>local\s+time))?)",
    re.IGNORECASE,
)


_YEAR = re.compile(r"(?<![\w$€£¥.,:/-])(?P<year>1[89][0-9]{2}|20[0-9]{2}|2100)(?!\w|[.,:/-][0-9]|\s?%)")


def dates(text: str, published: datetime.date | None) -> Iterator[Claim]:
    for pattern in _DATES:
        for match in pattern.finditer(text):
            reading = _date_reading(match, published)
            if reading is not None:
                yield make_claim(text, ClaimKind.DATE, "date", match.span(), match.group(), reading)
    for match in _WEEKDAY.finditer(text):
        day = WEEKDAYS[match.group("weekday").lower()]
        resolved = _resolve_weekday(day, published)
        if resolved is None:
            reading = Reading(low=day, high=day, precision=0.5, unit="weekday")
        else:
            reading = Reading(low=resolved, high=resolved, precision=0.5, unit="day")
        yield make_claim(text, ClaimKind.DATE, "date", match.span(), match.group("weekday"), reading)
    for match in _NAMED_DAY.finditer(text):
        name = match.group("day").lower()
        month, day = (12, 26) if name.startswith("boxing") else (1, 1) if name.startswith("new") else (12, 25)
        if name.endswith("eve"):
            month, day = (12, 24) if month == 12 else (12, 31)
        reading = _month_day(month, day, published)
        if reading is not None:
            yield make_claim(text, ClaimKind.DATE, "date", match.span(), match.group(), reading)


def _resolve_weekday(day: int, published: datetime.date | None) -> float | None:
    """The ordinal of the named weekday nearest on or before the publication date."""
    if published is None:
        return None
    back = (published.weekday() - day) % 7
    return float(published.toordinal() - back)


def _month_day(month: int, day: int, published: datetime.date | None) -> Reading | None:
    if published is None:
        return Reading(low=month * 100 + day, high=month * 100 + day, precision=0.5, unit="monthday")
    for year in (published.year, published.year - 1, published.year + 1):
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            return None
        if -300 <= (date - published).days <= 60:
            return Reading(low=date.toordinal(), high=date.toordinal(), precision=0.5, unit="day")
    return None


def _date_reading(match: re.Match[str], published: datetime.date | None) -> Reading | None:
    """A date as a range of days; a month alone is its whole month; the year defaults from ``published``."""
    groups = match.groupdict()
    month_text = groups.get("month")
    month = MONTHS[month_text.rstrip(".").lower()] if month_text else int(groups["mon"])
    if month_text and not groups.get("day") and not groups.get("year"):
        if month_text.rstrip(".").lower() == "may" and not groups.get("early"):
            return None  # the verb, far more often than the month
        if len(month_text.rstrip(".")) <= 3 and month_text.rstrip(".").lower() in ("mar", "jan", "sat"):
            return None
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if day is not None:
        if year is None:
            return _month_day(month, day, published)
        try:
            ordinal = datetime.date(year, month, day).toordinal()
        except ValueError:
            return None
        return Reading(low=ordinal, high=ordinal, precision=0.5, unit="day")
    if year is None:
        if published is None:
            return Reading(low=month * 100 + 1, high=month * 100 + 31, precision=0.5, unit="monthday")
        year = published.year if month <= published.month + 1 else published.year - 1
    try:
        first = datetime.date(year, month, 1).toordinal()
        last = (datetime.date(year + month // 12, month % 12 + 1, 1).toordinal()) - 1
    except ValueError:
        return None
    return Reading(low=first, high=last, precision=1.0, unit="day", form=Form.RANGE)


def times(text: str) -> Iterator[Claim]:
    for match in _TIME_OF_DAY.finditer(text):
        minutes = _minutes(match)
        if minutes is None:
            continue
        zone = match.group("zone")
        if zone:
            minutes = (minutes - ZONES[zone.upper()] * 60) % 1440
            unit = "utc"
        else:
            unit = "local"
        qualifier = qualifier_of(match)
        form = QUALIFIER_FORMS.get(qualifier, Form.EXACT)
        low, high = minutes, minutes
        if form is Form.APPROXIMATE:
            low, high = minutes - 30, minutes + 30
        elif form is Form.AT_LEAST:
            high = minutes + 30
        elif form is Form.AT_MOST:
            low = minutes - 30
        reading = Reading(low=low, high=high, precision=0.5, unit=unit, form=form)
        value = match.group("value")
        yield make_claim(text, ClaimKind.TIME, "time", match.span(), value, reading, qualifier)


def _minutes(match: re.Match[str]) -> float | None:
    if match.group("noon"):
        return 0.0 if match.group("noon").lower() == "midnight" else 720.0
    if match.group("hhmm"):
        hour, minute = int(match.group("hhmm")[:2]), int(match.group("hhmm")[2:])
    elif match.group("h24"):
        hour, minute = int(match.group("h24")), int(match.group("m24"))
        if not match.group("zone") and not match.group("local"):
            return None  # "3.5", a score or a ratio unless a zone says it is a time
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        pm = match.group("ampm").lower().startswith("p")
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    return float(hour * 60 + minute)


def years(text: str) -> Iterator[Claim]:
    for match in _YEAR.finditer(text):
        year = float(match.group("year"))
        reading = Reading(low=year, high=year, precision=0.5, unit="year")
        yield make_claim(text, ClaimKind.YEAR, "year", match.span(), match.group("year"), reading)
