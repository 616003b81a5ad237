"""Checkable values of a sentence (counts, money, percentages, dates, years, names) and their comparison."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from tui.engine.model import Claim
from tui.engine.words import STOPWORDS, term

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_SMALL = {
    **_UNITS,
    "zero": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12,
}  # fmt: skip
_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_WORD_VALUES: dict[str, float] = {**_SMALL, **_TENS}
_MULTIPLIERS: dict[str, float] = {**_SUFFIXES, **_SCALES}

_APPROXIMATE = frozenset({"nearly", "almost", "about", "around", "approximately", "roughly", "some"})
_AT_LEAST = frozenset({"over", "more than", "at least"})
_AT_MOST = frozenset({"less than", "fewer than", "up to", "at most"})
_QUALIFIERS = _APPROXIMATE | _AT_LEAST | _AT_MOST

_VAGUE: dict[str, tuple[float, float]] = {
    "dozens of": (24.0, 100.0),
    "hundreds of": (1e2, 1e3),
    "thousands of": (1e3, 1e6),
    "tens of thousands of": (1e4, 1e5),
    "hundreds of thousands of": (1e5, 1e6),
    "millions of": (1e6, 1e9),
    "tens of millions of": (1e7, 1e8),
    "hundreds of millions of": (1e8, 1e9),
    "billions of": (1e9, 1e12),
}
"""Vague counts: the range of values each one allows, lower bound included, upper excluded."""

_CURRENCIES = {
    "$": "USD", "us$": "USD", "a$": "AUD", "c$": "CAD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "dollars": "USD", "us dollars": "USD", "euros": "EUR", "yen": "JPY",
}  # fmt: skip
_CODES = ("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "CAD", "AUD")

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = _word_set("monday tuesday wednesday thursday friday saturday sunday")

_MODIFIERS = _word_set("remaining additional extra new more other further existing former current total")
"""Words between a number and its noun that are not part of the slot (``two remaining data centers``)."""
_IRREGULAR_PLURALS = _word_set("people children men women staff personnel police feet teeth mice geese cattle data")
_YEAR_PREPOSITIONS = _word_set("in since by until till from before after during of early late mid around circa")
_PRONOUN_ONE = _word_set("no any every each the this that which")
_SENTENCE_STARTERS = _word_set(
    """
    according additionally after although already also around as despite earlier elsewhere
    finally first however indeed instead last later meanwhile moreover nevertheless next now
    often once since still then there thus today tomorrow yesterday yet when while nearly almost
    approximately roughly over
    """
)
"""Capitalised words that open a sentence without naming anything."""
_NOT_NAMES = (
    frozenset(_MONTHS) | _WEEKDAYS | frozenset(_WORD_VALUES) | frozenset(_SCALES)
    | frozenset(q.split()[0] for q in _VAGUE)
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_SCALE = _alternation(_SCALES)
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_DIGIT_NUMBER = rf"{_DIGITS}(?:(?:{_alternation(_SUFFIXES)})(?![A-Za-z])|\s+(?:{_SCALE})\b)?"
_WORD_NUMBER = (
    rf"(?:(?:a|an)\s+(?:{_SCALE})|(?:{_alternation(_TENS)})(?:[\s-](?:{_alternation(_UNITS)}))?"
    rf"|(?:{_alternation(_SMALL)}))(?:\s+(?:{_SCALE})){{0,2}}"
)
_BEFORE_NUMBER = r"(?<![\w$€£¥.,:/-])"
_AFTER_NUMBER = r"(?!\w|[.,:/-][0-9])"
_NUMBER = rf"{_BEFORE_NUMBER}(?P<num>{_DIGIT_NUMBER}|{_WORD_NUMBER}){_AFTER_NUMBER}"
_QUALIFIER = rf"(?:(?<![\w-])(?P<qual>{_alternation(_QUALIFIERS)})\s+)?"
_CURRENCY_BEFORE = rf"(?-i:US\$|A\$|C\$|\$|€|£|¥|(?:{'|'.join(_CODES)})\s?)"
_CURRENCY_AFTER = rf"(?:(?:US\s+)?dollars|euros|yen|(?-i:{'|'.join(_CODES)}))"

_QUANTITY = re.compile(rf"{_QUALIFIER}{_NUMBER}", re.IGNORECASE)
_VAGUE_COUNT = re.compile(rf"(?<![\w-])(?P<vague>{_alternation(_VAGUE)})(?=\s)", re.IGNORECASE)
_PERCENT = re.compile(rf"{_QUALIFIER}(?P<value>{_NUMBER}\s?(?:%|percent\b|per\s+cent\b))", re.IGNORECASE)
_MONEY_BEFORE = re.compile(
    rf"{_QUALIFIER}(?P<value>(?<![\w$])(?P<cur>{_CURRENCY_BEFORE})(?P<num>{_DIGIT_NUMBER}))"
    rf"{_AFTER_NUMBER}",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(rf"{_QUALIFIER}(?P<value>{_NUMBER}\s?(?P<cur>{_CURRENCY_AFTER}))(?!\w)", re.IGNORECASE)

_MONTH = rf"(?P<month>(?:{_alternation(m.capitalize() for m in _MONTHS)})\b\.?)"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATES = (
    re.compile(r"(?<![\w-])(?P<year>[0-9]{4})(?P<sep>[-/])(?P<mon>[0-9]{1,2})(?P=sep)"
               r"(?P<day>[0-9]{1,2})(?![\w-])"),
    re.compile(rf"(?<!\w){_MONTH}\s+(?P<day>[0-9]{{1,2}}){_ORDINAL}(?:,?\s+(?P<year>[0-9]{{4}}))?"
               r"(?![\w])"),
    re.compile(rf"(?<![\w.,])(?P<day>[0-9]{{1,2}}){_ORDINAL}\s+(?:of\s+)?{_MONTH}"
               r"(?:,?\s+(?P<year>[0-9]{4}))?(?!\w)"),
    re.compile(rf"(?<!\w){_MONTH},?\s+(?P<year>[0-9]{{4}})(?!\w)"),
)  # fmt: skip
_YEAR = re.compile(r"(?<![\w$€£¥.,:/-])(?P<year>1[89][0-9]{2}|20[0-9]{2}|2100)(?!\w|[.,:/-][0-9]|\s?%)")

_FIRST_GAP = re.compile(r"\s+|-")
_GAP = re.compile(r"\s+")
_NOUN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w'’])")
_BRACKETED = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9]*)\)")
_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])")
_DIGIT_VALUE = re.compile(r"(?P<digits>[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<unit>[a-z]+)?")
_OPENING = " \t\r\n\"'“”‘’([*•-—–"

_PRIORITY = {"date": 0, "money": 1, "percent": 2, "quantity": 3, "year": 4}
"""Which numeric claim keeps a stretch of text that two kinds both match."""

# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------


def extract_claims(text: str, offset: int = 0) -> list[Claim]:
    """The checkable values of one sentence, ordered by start, offsets into ``text`` plus ``offset``."""
    candidates = [*_dates(text), *_money(text), *_percents(text), *_quantities(text), *_years(text)]
    numeric = _without_overlaps(candidates)
    names = [name for name in _entities(text) if not any(_overlap(name, c) for c in numeric)]
    found = sorted([*numeric, *names], key=lambda claim: (claim.start, claim.end))
    if not offset:
        return found
    return [replace(c, start=c.start + offset, end=c.end + offset) for c in found]


def _claim(
    text: str,
    kind: str,
    slot: str,
    span: tuple[int, int],
    value: str,
    normalized: float | str,
    qualifier: str = "",
) -> Claim:
    start, end = span
    return Claim(kind, slot, value, normalized, qualifier, start, end, text[start:end])


def _overlap(first: Claim, second: Claim) -> bool:
    return first.start < second.end and second.start < first.end


def _without_overlaps(claims: list[Claim]) -> list[Claim]:
    """Keep, of claims sharing characters, the one of the surest kind, then the longest."""
    kept: list[Claim] = []
    for claim in sorted(claims, key=lambda c: (_PRIORITY[c.kind], c.start - c.end, c.start)):
        if not any(_overlap(claim, other) for other in kept):
            kept.append(claim)
    return kept


def _qualifier(match: re.Match[str]) -> str:
    return " ".join(match.group("qual").lower().split()) if match.group("qual") else ""


def _number_value(number: str) -> float:
    """The value of a number as written: ``10,000``, ``1.5 million``, ``10k``, ``two dozen``."""
    lowered = " ".join(number.lower().split())
    digits = _DIGIT_VALUE.fullmatch(lowered)
    if digits:
        base = float(digits.group("digits").replace(",", ""))
        return base * _MULTIPLIERS.get(digits.group("unit") or "", 1.0)
    total = 0.0
    for word in re.split(r"[\s-]+", lowered):
        if word in ("a", "an"):
            total = 1.0
        elif word in _WORD_VALUES:
            total += _WORD_VALUES[word]
        elif word in _SCALES:
            total = (total or 1.0) * _SCALES[word]
    return total


# Quantities ----------------------------------------------------------------------------------


def _quantities(text: str) -> Iterator[Claim]:
    for match in _QUANTITY.finditer(text):
        noun = _counted_noun(text, match.end())
        if noun is None:
            continue
        slot, end, plural = noun
        if _is_pronoun_one(text, match):
            continue
        if _looks_like_year(match) and not (plural and not _after_year_word(text, match)):
            continue
        number = match.group("num")
        span = (match.start(), end)
        yield _claim(text, "quantity", slot, span, number, _number_value(number), _qualifier(match))
    for match in _VAGUE_COUNT.finditer(text):
        noun = _counted_noun(text, match.end())
        if noun is not None:
            phrase = " ".join(match.group("vague").lower().split())
            value = phrase.removesuffix(" of")
            span = (match.start(), noun[1])
            yield _claim(text, "quantity", noun[0], span, value, _VAGUE[phrase][0], phrase)


def _is_pronoun_one(text: str, match: re.Match[str]) -> bool:
    """Whether ``one`` is a pronoun rather than a count: ``no one``, ``the one``, ``every one``."""
    if match.group("num").lower() != "one":
        return False
    return _word_before(text, match.start("num")) in _PRONOUN_ONE


def _looks_like_year(match: re.Match[str]) -> bool:
    number = match.group("num")
    return len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


def _after_year_word(text: str, match: re.Match[str]) -> bool:
    """Whether the number follows a word that introduces years: ``in 2015``, ``since 2020``."""
    return _word_before(text, match.start("num")) in _YEAR_PREPOSITIONS


def _word_before(text: str, position: int) -> str:
    before = re.search(r"([A-Za-z]+)\W*$", text[:position])
    return before.group(1).lower() if before else ""


def _counted_noun(text: str, position: int) -> tuple[str, int, bool] | None:
    """The noun counted by a number ending at ``position``: (slot, end, whether it is plural)."""
    found = _noun_words(text, position)
    first = next((i for i, w in enumerate(found) if w.group().lower() not in _MODIFIERS), None)
    if first is None:
        return None
    heads = [i for i in range(first, len(found)) if _is_plural(found[i].group())]
    last = heads[-1] if heads else first
    start, end = found[first].start(), found[last].end()
    bracket = _BRACKETED.match(text, end)
    if bracket and _is_acronym(bracket.group("acronym")):
        end = bracket.end()
    return text[start:end], end, bool(heads)


def _noun_words(text: str, position: int) -> list[re.Match[str]]:
    """Up to three words after a number that may name what it counts."""
    found: list[re.Match[str]] = []
    gap = _FIRST_GAP
    while len(found) < 3:
        space = gap.match(text, position)
        word = _NOUN.match(text, space.end()) if space else None
        leading = all(w.group().lower() in _MODIFIERS for w in found)
        if word is None or not _is_noun_word(word.group(), leading):
            break
        found.append(word)
        position, gap = word.end(), _GAP
    return found


def _is_noun_word(word: str, leading: bool) -> bool:
    lowered = word.lower()
    if leading and lowered in _MODIFIERS:
        return True
    if lowered in STOPWORDS or lowered in _WORD_VALUES or lowered in _SCALES:
        return False
    if word[0].isupper() and not _is_acronym(word) and not _is_plural(word):
        return False  # a name, not a counted noun; a capitalised plural ("3 Months" in a headline) counts
    return not (len(lowered) > 4 and lowered.endswith(("ed", "ly")) and not lowered.endswith("eed"))


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 or (word[0].isupper() and any(c.isdigit() for c in word))


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in _IRREGULAR_PLURALS:
        return True
    if len(word) > 2 and word[-1] == "s" and word[-2].isupper():
        return True
    return len(lowered) > 2 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


# Money, percentages --------------------------------------------------------------------------


def _money(text: str) -> Iterator[Claim]:
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        for match in pattern.finditer(text):
            currency = _currency(match.group("cur"))
            yield _claim(
                text,
                "money",
                f"money {currency}",
                match.span(),
                match.group("value"),
                _number_value(match.group("num")),
                _qualifier(match),
            )


def _currency(written: str) -> str:
    lowered = " ".join(written.lower().split())
    return _CURRENCIES.get(lowered, written.strip().upper())


def _percents(text: str) -> Iterator[Claim]:
    for match in _PERCENT.finditer(text):
        value = _number_value(match.group("num"))
        yield _claim(text, "percent", "percent", match.span(), match.group("value"), value, _qualifier(match))


# Dates, years --------------------------------------------------------------------------------


def _dates(text: str) -> Iterator[Claim]:
    for pattern in _DATES:
        for match in pattern.finditer(text):
            normalized = _iso_date(match)
            if normalized is not None:
                yield _claim(text, "date", "date", match.span(), match.group(), normalized)


def _iso_date(match: re.Match[str]) -> str | None:
    """``2024-05-23``, ``--05-23`` without a year, ``2024-05`` without a day; None if invalid."""
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month = _MONTHS[groups["month"].rstrip(".").lower()] if groups.get("month") else int(groups["mon"])
    day = int(groups["day"]) if groups.get("day") else None
    try:
        datetime.date(year or 2000, month, day or 1)
    except ValueError:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _years(text: str) -> Iterator[Claim]:
    for match in _YEAR.finditer(text):
        year = match.group("year")
        yield _claim(text, "year", "year", match.span(), year, float(year))


# Names ---------------------------------------------------------------------------------------


def _entities(text: str) -> Iterator[Claim]:
    for start, end in _name_runs(text):
        name = text[start:end]
        yield _claim(text, "entity", "entity", (start, end), name, name.lower())


def _name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised words that follow one another, separated by single spaces."""
    runs: list[tuple[int, int]] = []
    for match in _CAPITAL.finditer(text):
        if not _is_name_word(text, match):
            continue
        if runs and text[runs[-1][1] : match.start()] == " ":
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append(match.span())
    return runs


def _is_name_word(text: str, match: re.Match[str]) -> bool:
    word = match.group()
    lowered = word.lower()
    if lowered in STOPWORDS or lowered in _NOT_NAMES:
        return False
    if word.isupper() and len(word) > 5:
        return False
    opening = not text[: match.start()].strip(_OPENING)
    return not (opening and (lowered in _SENTENCE_STARTERS or lowered.endswith("ly")))


# ---------------------------------------------------------------------------------------------
# Comparison
# ---------------------------------------------------------------------------------------------


def same_value(first: Claim, second: Claim) -> bool:
    """Whether two claims of one kind state the same value, allowing for qualifiers and rounding."""
    if first.kind != second.kind:
        return False
    if isinstance(first.normalized, str) or isinstance(second.normalized, str):
        return _same_text(str(first.normalized), str(second.normalized), first.kind)
    low_first, high_first = _bounds(first)
    low_second, high_second = _bounds(second)
    slack = _slack(first, second)
    return low_first <= high_second + slack and low_second <= high_first + slack


def _same_text(first: str, second: str, kind: str) -> bool:
    if first == second:
        return True
    if kind != "date":
        return False
    short, long = sorted((first, second), key=len)
    if short.startswith("--"):
        return long.endswith(short[1:])
    return long.startswith(short + "-")


def _bounds(claim: Claim) -> tuple[float, float]:
    """The range of values a claim allows before any slack: a point unless a qualifier widens it."""
    value = float(claim.normalized)
    if claim.qualifier in _VAGUE:
        low, high = _VAGUE[claim.qualifier]
        return low, math.nextafter(high, low)
    if claim.qualifier in _AT_LEAST:
        return value, math.inf
    if claim.qualifier in _AT_MOST:
        return -math.inf, value
    return value, value


def _slack(first: Claim, second: Claim) -> float:
    """How far apart two values may be: 10% if either is approximate, else rounding."""
    size = max(abs(float(first.normalized)), abs(float(second.normalized)))
    if first.qualifier in _APPROXIMATE or second.qualifier in _APPROXIMATE:
        return 0.1 * size
    return max(_rounding(first), _rounding(second), 1e-9 * size)


def _rounding(claim: Claim) -> float:
    """Half the last decimal place of a value written with decimals (``1.2 billion``: 0.05e9)."""
    digits = re.search(r"[0-9][0-9,]*(?:\.([0-9]+))?", claim.value)
    if digits is None or not digits.group(1):
        return 0.0
    mantissa = float(digits.group(0).replace(",", ""))
    if mantissa == 0:
        return 0.0
    scale = float(claim.normalized) / mantissa
    return 0.5 * scale * 10.0 ** -len(digits.group(1))


def slot_key(claim: Claim) -> str:
    """A key equal for claims that fill the same slot (``GPUs`` and ``graphics processing units (GPUs)``)."""
    if claim.kind == "quantity":
        return _noun_key(claim.slot)
    if claim.kind == "money":
        return "money:" + claim.slot.split()[-1]
    if claim.kind == "entity":
        return f"entity:{claim.normalized}"
    return claim.kind


def _noun_key(slot: str) -> str:
    bracket = re.search(r"\(([^()]+)\)\s*$", slot)
    words = re.findall(r"[A-Za-z0-9]+", bracket.group(1) if bracket else slot)
    if not words:
        return slot.lower()
    last = words[-1]
    return term(last) or last.lower()


def slot_label(claim: Claim) -> str:
    """How a slot is named to a reader: the counted noun ("GPUs") or the kind ("money")."""
    return claim.slot if claim.kind == "quantity" else claim.kind


def shown_value(claim: Claim) -> str:
    """The value as a reader should see it, qualifier first: "nearly 10,000"."""
    return f"{claim.qualifier} {claim.value}".strip()
