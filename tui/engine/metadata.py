"""A document's own metadata inside its text: URLs, datelines and timestamps, and its publication date."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
MONTHS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

HEAD_CHARACTERS = 700
"""Datelines stand above the article's first paragraphs: only this much of a text is searched for them."""

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_DAY = r"[0-9]{1,2}(?:st|nd|rd|th)?"
_FULL_DATE = (
    rf"(?:(?:{_MONTH})\.?\s+{_DAY},?\s+[0-9]{{4}}"  # July 2nd, 2013 / Sep 10, 2012 / July 02 2013
    rf"|{_DAY}\s+(?:{_MONTH})\.?,?\s+[0-9]{{4}}"  # 02 Jul 2013 / 03 JULY 2013
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}"  # 2013-07-02
    r"|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})"  # 11/09/2010
)
ZONES = {
    "GMT": 0.0, "UTC": 0.0, "Z": 0.0, "BST": 1.0, "CET": 1.0, "CEST": 2.0, "EET": 2.0, "EEST": 3.0,
    "MSK": 3.0, "IST": 5.5, "PKT": 5.0, "WIB": 7.0, "ICT": 7.0, "SGT": 8.0, "HKT": 8.0, "JST": 9.0,
    "KST": 9.0, "AEST": 10.0, "AEDT": 11.0, "EDT": -4.0, "EST": -5.0, "CDT": -5.0, "CST": -6.0,
    "MDT": -6.0, "MST": -7.0, "PDT": -7.0, "PST": -8.0,
}  # fmt: skip
"""Time zones a news timestamp names, as hours from UTC (IST read as India's)."""
ZONE = "|".join(sorted(ZONES, key=len, reverse=True))
_TIME = (
    r"[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?\s?(?:[AaPp]\.?[Mm]\.?)?"
    rf"(?:\s?(?-i:(?:{ZONE})(?:[+-][0-9]{{1,2}})?)(?![A-Za-z])|\s?hrs\b)?"
)
_STAMP_WORD = r"(?:updated|posted|published|last\s+modified|modified|created|first\s+published)"
_DATE_ONLY = re.compile(rf"(?=[0-9jfmasond])(?<![\w/-])(?:{_FULL_DATE})(?![\w/-])", re.IGNORECASE)
"""A full date standing alone (the lookahead, a first character any such date has, only makes the scan quick)."""
_BEFORE_DATE = re.compile(
    rf"(?P<stamp>{_STAMP_WORD}\s*:?\s*(?:on\s+)?)?(?P<weekday>(?:{_WEEKDAY})\.?,?\s+)?$", re.IGNORECASE
)
_AFTER_DATE = re.compile(
    rf"(?P<time>(?:,?\s+(?:at\s+)?|\s*[|·•-]\s*|\s+){_TIME})?"
    rf"(?P<update>\s*[|·•-]?\s*{_STAMP_WORD}\s*:?\s*(?:{_FULL_DATE},?\s+)?{_TIME})?",
    re.IGNORECASE,
)
_LONE_STAMP = re.compile(rf"(?=[uplmcf]){_STAMP_WORD}\s*:?\s*{_TIME}", re.IGNORECASE)
"""A timestamp without a date (the lookahead, a stamp word's first letter, only makes the scan quick)."""
_GLUED_TO_TEXT = re.compile(r" [A-Z][a-z]")
"""A date in the head followed, without punctuation, by a capitalised word: a dateline glued to the lead."""
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|since|by|until|till|from|of|before|after|between|and|to)\s+$", re.I)
_URL_START = re.compile(r"(?<![\w/])(?:https?\s?:\s?/\s?/|www\.)", re.IGNORECASE)
_URL_DATE = re.compile(
    r"/\s?(?P<year>(?:19|20)[0-9]{2})\s?[/-]\s?(?P<month>[0-9]{1,2})(?:\s?[/-]\s?(?P<day>[0-9]{1,2}))?\s?/"
)
_NEXT_TOKEN = re.compile(r"\s?(\S+)")
_NEXT_SLASH = re.compile(r"\s?/")
_URL_EXTENSION = frozenset({"html", "htm", "php", "asp", "aspx", "shtml", "cms", "jsp"})


@dataclass(frozen=True, slots=True)
class Metadata:
    """Where a text names itself: spans that are never claims, and its publication date ("" if unknown)."""

    spans: tuple[tuple[int, int], ...]
    published: str


def find_metadata(text: str) -> Metadata:
    """URLs, datelines and timestamps of ``text``, and the publication date the first of them gives."""
    spans: list[tuple[int, int]] = []
    from_url: datetime.date | None = None
    url_month: tuple[int, int] | None = None
    for start, end in url_spans(text):
        spans.append((start, end))
        found = _URL_DATE.search(text, start, end)
        if found and url_month is None:
            url_month = (int(found["year"]), int(found["month"]))
            if found["day"]:
                from_url = _valid_date(int(found["year"]), int(found["month"]), int(found["day"]))
    in_address = _inside(spans)
    datelines: list[tuple[int, datetime.date]] = []
    dateline_reach = 0  # datelines start in order, so a date is inside one when it starts before their last end
    for match in _DATE_ONLY.finditer(text):
        if match.start() < dateline_reach or in_address(match.start()):
            continue
        before = _BEFORE_DATE.search(text, max(0, match.start() - 40), match.start())
        after = _AFTER_DATE.match(text, match.end())
        assert before is not None and after is not None
        if not _is_dateline(text, match.start(), before, after):
            continue
        start = before.start() if before.group() else match.start()
        spans.append((start, after.end()))
        dateline_reach = max(dateline_reach, after.end())
        date = parse_full_date(match.group(), month_hint=url_month)
        if date is not None:
            datelines.append((start, date))
    in_head = [date for position, date in datelines if position < HEAD_CHARACTERS]
    published = in_head[0] if in_head else from_url or (datelines[0][1] if datelines else None)
    in_either = _inside(sorted(spans))
    spans.extend(match.span() for match in _LONE_STAMP.finditer(text) if not in_either(match.start()))
    return Metadata(tuple(sorted(spans)), published.isoformat() if published else "")


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a position lies inside any of ``spans`` (sorted by start): one bisection,
    against the furthest end of the spans that start at or before it."""
    starts = [start for start, _ in spans]
    reach = list(accumulate((end for _, end in spans), max))

    def inside(position: int) -> bool:
        before = bisect_right(starts, position)
        return before > 0 and reach[before - 1] > position

    return inside


def _is_dateline(text: str, start: int, before: re.Match[str], after: re.Match[str]) -> bool:
    """A full date is the document's own when stamped, timed, or standing alone in the head."""
    if before["stamp"] or after["time"] or after["update"]:
        return True
    if start >= HEAD_CHARACTERS:
        return False
    if before["weekday"] or _GLUED_TO_TEXT.match(text, after.end()):
        return True  # "… Co-workers on September 10th, 2010 According to reports": a headline's date
    return not _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)


def url_spans(text: str) -> list[tuple[int, int]]:
    """Web addresses, including ones a corpus spaced out ("http: / / www. example. com / a / b")."""
    found: list[tuple[int, int]] = []
    for match in _URL_START.finditer(text):
        if found and match.start() < found[-1][1]:
            continue
        end = _token_end(text, match.end())
        spaced = " " in match.group() or text[match.end() : end].endswith((".", "/"))
        while spaced:
            following = _NEXT_TOKEN.match(text, end)
            if following is None:
                break
            token = following.group(1)
            joined = token.startswith("/") or token.lower().rstrip(".") in _URL_EXTENSION
            continues = _NEXT_SLASH.match(text, following.end()) is not None
            joined = joined or (text[end - 1] in "./" and (_looks_like_path(token) or continues))
            if not joined or end >= len(text) or text[end] == "\n":
                break
            end = following.end()
        found.append((match.start(), end))
    return found


def _looks_like_path(token: str) -> bool:
    """A piece of an address: lower case, or with digits, hyphens or dots; not a headline's first word."""
    if re.match(r"[0-9]+\.[0-9]+-[a-z]", token):
        return False  # "6.1-magnitude": a headline's measure, not a path
    if re.search(r"[-_.=?&]|[0-9]{3}", token):
        return True
    return token.isalnum() and token.lower() == token and not token.isdigit()


def _token_end(text: str, position: int) -> int:
    space = re.compile(r"\s").search(text, position)
    return space.start() if space else len(text)


def parse_full_date(written: str, *, month_hint: tuple[int, int] | None = None) -> datetime.date | None:
    """The date a dateline names: ``July 2nd, 2013``, ``02 Jul 2013``, ``2013-07-02``, ``11/09/2010``.

    A numeric date that reads both ways is read month first, unless ``month_hint`` (the year and
    month of the page's address) says it is day first.
    """
    lowered = written.lower().replace(",", " ").replace(".", " ")
    iso = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", written)
    if iso:
        return _valid_date(int(iso[1]), int(iso[2]), int(iso[3]))
    slashed = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", written)
    if slashed:
        first, second, year = int(slashed[1]), int(slashed[2]), int(slashed[3])
        if month_hint == (year, second) and first <= 12:
            return _valid_date(year, second, first)
        return _valid_date(year, first, second) or _valid_date(year, second, first)
    parts = lowered.split()
    month = next((MONTHS[p] for p in parts if p in MONTHS), None)
    numbers = [int(re.sub(r"[^0-9]", "", p)) for p in parts if re.match(r"[0-9]", p)]
    if month is None or len(numbers) != 2:
        return None
    day, year = (numbers[0], numbers[1]) if numbers[1] > 31 else (numbers[1], numbers[0])
    return _valid_date(year, month, day)


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
