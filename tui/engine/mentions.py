"""Claim mentions of a sentence: each numeric or dated value with its reading, counted thing and role."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from tui.engine.metadata import MONTHS, WEEKDAYS, ZONE, ZONES
from tui.engine.model import Claim, ClaimKind, Form, Reading
from tui.engine.numbers import SCALES, SMALL, SUFFIXES, TENS, UNITS, VAGUE, WORD_VALUES, read_number
from tui.engine.words import STOPWORDS, term

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


QUALIFIER_FORMS: dict[str, Form] = {
    **dict.fromkeys(
        ["about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "circa", "approx"],
        Form.APPROXIMATE,
    ),
    **dict.fromkeys(["nearly", "almost", "close to", "just under", "nearly all"], Form.NEARLY),
    **dict.fromkeys(
        ["more than", "over", "at least", "just over", "upwards of", "in excess of", "no fewer than", "shortly after"],
        Form.AT_LEAST,
    ),
    **dict.fromkeys(
        ["less than", "fewer than", "up to", "at most", "as many as", "as much as", "under", "no more than"],
        Form.AT_MOST,
    ),
}
"""Hedges before a value and how each widens it."""

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

_PEOPLE = _word_set(
    """people persons person residents villagers others civilians victims individuals workers co-workers
    coworkers employees men women man woman colleagues staff passengers inhabitants citizens""",
)
"""Counted nouns that name people in general: their role ("killed", "injured") says what is counted."""
_ROLES = {
    **dict.fromkeys(
        "kill killed killing kills dead died die dies dying death deaths toll fatalities perished".split(), "dead"
    ),
    **dict.fromkeys(
        "injure injured injuring injures injuries wounded wounding wounds hurt hospitalised hospitalized".split(),
        "injured",
    ),
    **dict.fromkeys("missing unaccounted".split(), "missing"),
    **dict.fromkeys("arrest arrested arresting detained held".split(), "arrested"),
    **dict.fromkeys("evacuate evacuated evacuating displaced homeless".split(), "evacuated"),
    **dict.fromkeys("trapped buried".split(), "trapped"),
    **dict.fromkeys("shot shooting shoots shooting".split(), "shot"),
    **dict.fromkeys("rescued saved freed".split(), "rescued"),
    **dict.fromkeys("charged indicted convicted".split(), "charged"),
}
"""What happened to counted people, in the words outlets swap for one another."""
_THING_CLASSES = {
    "lines": "cables", "line": "cables", "circuits": "cables", "cable": "cables", "links": "cables",
    "homes": "buildings", "houses": "buildings", "house": "buildings", "building": "buildings",
    "structures": "buildings", "fatalities": "dead", "deaths": "dead", "casualties": "dead",
}  # fmt: skip
"""Counted nouns that news reports swap for one another."""


def _thing_term(word: str) -> str:
    """The comparable form of a counted noun: stemmed, with words outlets swap merged."""
    stem = term(word) or word
    return _THING_TERMS.get(stem, stem)


_THING_TERMS = {term(word) or word: term(same) or same for word, same in _THING_CLASSES.items()}
_GENERIC_HEADS = _word_set("systems system units pieces sections kinds types networks sets")
_AUXILIARIES = _word_set(
    """were was are is have has had been being be reportedly reported so far also confirmed now believed
    feared thought said to later still initially all already officially""",
)
_MODIFIERS = _word_set("remaining additional extra new more other others further existing former current total")
_IRREGULAR_PLURALS = _word_set("people children men women staff personnel police feet teeth mice geese cattle data")
_YEAR_PREPOSITIONS = _word_set("in since by until till from before after during of early late mid around circa")
_PRONOUN_ONE = _word_set("no any every each the this that which")
_NOT_COUNT_BEFORE = _word_set("floor page chapter verse section article route highway flight room gate level")
_ONE_IDIOMS = re.compile(
    r"\bone\s+(?:of|another|day|point|time|by|side|way|thing|hand|another|after|more|less)\b"
    r"|\b(?:a|the|loved|only|this|that|which|someone|anyone|no)\s+one\b",
    re.IGNORECASE,
)
_NAME_CONNECTORS = _word_set("of de van von al bin the and")
_ORDINAL_NOT_COUNT = _word_set("first second third fourth fifth")
_SENTENCE_STARTERS = _word_set(
    """
    according additionally after although already also around as despite earlier elsewhere
    finally first however indeed instead last later meanwhile moreover nevertheless next now
    often once since still then there thus today tomorrow yesterday yet when while nearly almost
    approximately roughly over another some many more about at least up in on by
    """
)
"""Capitalised words that open a sentence without naming anything."""
_NOT_NAMES = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WORD_VALUES) | frozenset(SCALES)
    | frozenset(word for phrase in VAGUE for word in phrase.split())
)  # fmt: skip
_RECORD_CONTEXT = re.compile(
    r"\b(?:record|score[sd]?|won|win|wins|lost|loss|beat|defeated|victory|season|lead|led|trail|trailed|"
    r"votes?|voted|margin|final|draw|tie|tied)\b",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_SCALE = _alternation(SCALES)
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_DIGIT_NUMBER = rf"{_DIGITS}(?:(?:{_alternation(SUFFIXES)})(?![A-Za-z])|\s+(?:{_SCALE})\b)?"
_WORD_NUMBER = (
    rf"(?:(?:a|an)\s+(?:{_SCALE})|(?:{_alternation(TENS)})(?:[\s-](?:{_alternation(UNITS)}))?"
    rf"|(?:{_alternation(SMALL)}))(?:\s+(?:{_SCALE})){{0,2}}"
)
_BEFORE_NUMBER = r"(?<![\w$€£¥.,:/-])"
_AFTER_NUMBER = r"(?![\w]|[.,:/][0-9])"
_NUMBER = rf"{_BEFORE_NUMBER}(?P<num>{_DIGIT_NUMBER}|{_WORD_NUMBER}){_AFTER_NUMBER}"
_NUMBER_ANY_END = rf"{_BEFORE_NUMBER}(?P<num>{_DIGIT_NUMBER}|{_WORD_NUMBER})"
_QUALIFIER = rf"(?:(?<![\w-])(?P<qual>{_alternation(QUALIFIER_FORMS)})\s+)?"
_CURRENCY_BEFORE = rf"(?-i:US\$|A\$|C\$|\$|€|£|¥|(?:{'|'.join(_CODES)})\s?)"
_CURRENCY_AFTER = rf"(?:(?:US\s+)?dollars|euros|yen|pounds|(?-i:{'|'.join(_CODES)}))"

_QUANTITY = re.compile(rf"{_QUALIFIER}{_NUMBER}(?!-)", re.IGNORECASE)
_VAGUE_COUNT = re.compile(rf"{_QUALIFIER}(?<![\w-])(?P<vague>{_alternation(VAGUE)})(?![\w-])", re.IGNORECASE)
_PERCENT = re.compile(
    rf"{_QUALIFIER}(?P<value>{_NUMBER_ANY_END}\s?(?:%|percent\b|per\s?cent\b|pct\b|percentage\s+points\b))",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(
    rf"{_QUALIFIER}(?P<value>(?<![\w$])(?P<cur>{_CURRENCY_BEFORE})(?P<num>{_DIGIT_NUMBER})){_AFTER_NUMBER}",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(rf"{_QUALIFIER}(?P<value>{_NUMBER}\s?(?P<cur>{_CURRENCY_AFTER}))(?!\w)", re.IGNORECASE)
_MAGNITUDE = re.compile(
    rf"{_QUALIFIER}(?P<value>(?<![\w.])(?:magnitude[\s-]+(?P<after>[0-9]+\.[0-9]+|[0-9]+(?!\.[0-9]))"
    rf"|(?P<before>[0-9]+(?:\.[0-9]+)?)(?:[\s-]+magnitude\b|\s+on\s+the\s+richter\s+scale\b)))",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    rf"{_QUALIFIER}(?P<value>{_NUMBER_ANY_END}(?:\s?|-)(?P<unit>{_alternation(LENGTHS)}|{_alternation(WEIGHTS)})"
    r"(?:-(?:long|wide|high|deep|tall|thick))?)(?![\w])",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"{_QUALIFIER}(?P<value>{_NUMBER_ANY_END}(?:\s+|-)(?P<unit>{_alternation(DURATIONS)}))(?![\w])"
    r"(?P<ago>\s+(?:ago|earlier|before))?",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"(?P<value>(?<![\w-])(?P<num>[0-9]{1,3}|" + _WORD_NUMBER + r")[\s-]+years?[\s-]+old\b)"
    r"|(?<=[A-Za-z]), (?P<comma>[1-9][0-9]?)(?=,|\.|\s+(?:was|is|had|has|who|and)\b)"
    r"|\b(?:aged|age)\s+(?P<aged>[1-9][0-9]?)\b",
    re.IGNORECASE,
)
_RECORD = re.compile(r"(?<![\w.,/-])(?P<first>[0-9]{1,3})[-–](?P<second>[0-9]{1,3})(?![\w/-]|[.,][0-9])")

_MONTH_NAME = rf"(?P<month>(?:{_alternation(m.capitalize() for m in MONTHS)})\b\.?)"
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
    rf"{_QUALIFIER}(?P<value>(?<![\w:.])(?:(?P<hour>[0-9]{{1,2}})(?:[:.](?P<minute>[0-9]{{2}}))?\s?"
    r"(?P<ampm>[AaPp]\.?\s?[Mm]\b\.?)"
    r"|(?P<h24>[0-9]{1,2})[:.](?P<m24>[0-9]{2})(?![0-9])(?!\s?[AaPp]\.?\s?[Mm]\b)"
    rf"|(?P<hhmm>[0-9]{{4}})(?=\s?(?-i:{ZONE})\b)"
    r"|(?P<noon>noon|midday|midnight))"
    rf"(?:\s?(?P<zone>(?-i:{ZONE}))(?![A-Za-z])|\s+(?P<local>local\s+time))?)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![\w$€£¥.,:/-])(?P<year>1[89][0-9]{2}|20[0-9]{2}|2100)(?!\w|[.,:/-][0-9]|\s?%)")

_FIRST_GAP = re.compile(r"\s+|-")
_GAP = re.compile(r"\s+")
_NOUN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w'’])")
_BRACKETED = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9]*)\)")
_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])")
_OPENING = " \t\r\n\"'“”‘’([*•-—–"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’-]*)[^A-Za-z0-9]*$")
_LOWER_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")

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

# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------


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
            [*_entities(text)]
            if not offset
            else [replace(c, start=c.start + offset, end=c.end + offset) for c in _entities(text)]
        )
    digits = any(character.isdigit() for character in text)
    candidates = [
        *_dates(text, published),
        *(_times(text) if digits or _NOON.search(lowered) else ()),
        *(_money(text) if _MONEY_HINT.search(lowered) else ()),
        *(_percents(text) if _PERCENT_HINT.search(lowered) else ()),
        *(_magnitudes(text) if "magnitude" in lowered or "richter" in lowered else ()),
        *(_ages(text) if digits or "year" in lowered else ()),
        *(_measures(text) if _UNIT_HINT.search(lowered) else ()),
        *(_durations(text, published) if _DURATION_HINT.search(lowered) else ()),
        *(_records(text) if digits else ()),
        *_quantities(text),
        *(_years(text) if digits else ()),
    ]
    if excluded:
        candidates = [c for c in candidates if not _inside_any(c.start + offset, c.end + offset, excluded)]
    numeric = _without_overlaps(candidates)
    numeric = [_with_context(text, claim) for claim in numeric]
    names = [name for name in _entities(text) if not any(_overlap(name, c) for c in numeric)]
    found = sorted([*numeric, *names], key=lambda claim: (claim.start, claim.end))
    if not offset:
        return found
    return [replace(c, start=c.start + offset, end=c.end + offset) for c in found]


def _inside_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _claim(
    text: str,
    kind: ClaimKind,
    slot: str,
    span: tuple[int, int],
    value: str,
    reading: Reading | None,
    qualifier: str = "",
    thing: str = "",
) -> Claim:
    start, end = span
    return Claim(
        kind=kind,
        slot=slot,
        value=value,
        qualifier=qualifier,
        start=start,
        end=end,
        text=text[start:end],
        reading=reading,
        thing=thing,
    )


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


def _reading(low: float, precision: float, unit: str, qualifier: str, high: float | None = None) -> Reading:
    """A value's range given its hedge: "about" ±10%, "nearly" 0.85x..x, "more than" x..1.5x, "up to" ≤x."""
    high = low if high is None else high
    form = QUALIFIER_FORMS.get(qualifier, Form.RANGE if high != low else Form.EXACT)
    if form is Form.APPROXIMATE:
        return Reading(low=low * 0.9, high=high * 1.1, precision=precision, unit=unit, form=form)
    if form is Form.NEARLY:
        return Reading(low=low * 0.85, high=high, precision=precision, unit=unit, form=form)
    if form is Form.AT_LEAST:
        return Reading(low=low, high=high * 1.5, precision=precision, unit=unit, form=form)
    if form is Form.AT_MOST:
        return Reading(low=0.0, high=high, precision=precision, unit=unit, form=form)
    return Reading(low=low, high=high, precision=precision, unit=unit, form=form)


# Counts --------------------------------------------------------------------------------------


def _quantities(text: str) -> Iterator[Claim]:
    for match in _QUANTITY.finditer(text):
        number = match.group("num")
        if _is_pronoun_one(text, match) or _names_something(text, match.start("num")):
            continue
        if _OUT_OF.search(text, 0, match.start()) or _hypothetical(text, match.start()):
            continue
        noun = _counted_noun(text, match.end())
        if noun is not None and _RATE.match(text, noun[1]):
            continue
        if noun is not None and _looks_like_year(match) and not (noun[2] and not _after_year_word(text, match)):
            continue
        if noun is None and (_looks_like_year(match) or not _has_role_nearby(text, match.start(), match.end())):
            continue
        parsed = read_number(number)
        slot = noun[0] if noun else ""
        reading = _reading(parsed.value, parsed.precision, "", _qualifier(match))
        yield _claim(text, ClaimKind.QUANTITY, slot, match.span(), number, reading, _qualifier(match), slot)
    for match in _VAGUE_COUNT.finditer(text):
        phrase = " ".join(match.group("vague").lower().split())
        noun = _counted_noun(text, match.end(), after_of=True)
        if noun is None and not _has_role_nearby(text, match.start(), match.end()):
            continue
        low, high = VAGUE[phrase]
        slot = noun[0] if noun else ""
        reading = Reading(low=low, high=high, precision=0.0, unit="", form=Form.VAGUE)
        yield _claim(text, ClaimKind.QUANTITY, slot, match.span(), phrase, reading, _qualifier(match), slot)


_RATE = re.compile(r"\s+(?:per|a|each|every)\s+(?:year|month|week|day|hour|cable|person|capita|head)\b", re.I)
"""A count followed by "per cable per year" is a rate or a generic figure, not a claim about the story."""
_OUT_OF = re.compile(r"\bout\s+of\s+(?:a\s+total\s+of\s+)?$|\bone\s+in\s+$", re.IGNORECASE)
"""A number after "out of" is the whole a part is counted against, not a claim of its own."""
_CONDITIONAL = re.compile(r"^\W*(?:if|unless|should|were|suppose|imagine)\b[^,;]*$", re.IGNORECASE)


def _hypothetical(text: str, position: int) -> bool:
    """Whether a number stands in a conditional clause opening the sentence ("If there was just one")."""
    return bool(_CONDITIONAL.match(text[:position]))


def _has_role_nearby(text: str, start: int, end: int) -> bool:
    """Whether a bare number counts people by what happened to them: "24 dead", "killing at least one"."""
    return bool(_role_after(text, end) or _role_before(text, start) or _toll_before(text, start))


def _is_pronoun_one(text: str, match: re.Match[str]) -> bool:
    """Whether ``one`` is a pronoun or idiom rather than a count: ``no one``, ``one of the worst``."""
    if match.group("num").lower() != "one":
        return False
    if _word_before(text, match.start("num")) in _PRONOUN_ONE:
        return True
    window = text[max(0, match.start("num") - 12) : match.end() + 12]
    return bool(_ONE_IDIOMS.search(window))


def _names_something(text: str, start: int) -> bool:
    """A number that is part of a name: "Route 66", "Western Europe 4", "Flight 370", "floor 3"."""
    before = _WORD_BEFORE.search(text, 0, start)
    if before is None or before.end() != start:
        return False
    gap = text[before.end(1) : start]
    if gap not in (" ", "-"):
        return False
    word = before.group(1)
    if word.lower() in _NOT_COUNT_BEFORE:
        return True
    if not text[start].isdigit() or not word[0].isupper() or _title_case(text):
        return False
    lowered = word.lower()
    opening = before.start(1) == 0 or not text[: before.start(1)].strip(_OPENING)
    return lowered not in _NOT_NAMES and lowered not in _SENTENCE_STARTERS and not opening


def _title_case(text: str) -> bool:
    """A headline in Title Case ("Musk Has Bought 100,000 GPUs For AI"), where capitals name nothing."""
    words = re.findall(r"[A-Za-z][a-z]+", text)
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.6 * len(words)


def _looks_like_year(match: re.Match[str]) -> bool:
    number = match.group("num")
    return len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


def _after_year_word(text: str, match: re.Match[str]) -> bool:
    """Whether the number follows a word that introduces years: ``in 2015``, ``since 2020``."""
    return _word_before(text, match.start("num")) in _YEAR_PREPOSITIONS


def _word_before(text: str, position: int) -> str:
    before = _WORD_BEFORE.search(text, 0, position)
    return before.group(1).lower() if before else ""


def _counted_noun(text: str, position: int, *, after_of: bool = False) -> tuple[str, int, bool] | None:
    """The noun counted by a number ending at ``position``: (slot, end, whether it is plural).

    "three of the cables" and "three out of four lines" count cables and lines too.
    """
    of = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|[0-9a-z]+\s+(?=\w+s\b))?")
    found = _noun_words(text, position)
    if not found:
        joined = of.match(text, position)
        if joined is None:
            return None
        found = _noun_words(text, joined.end() - 1)
        if not found:
            return None
    elif after_of:
        pass
    first = next((i for i, w in enumerate(found) if w.group().lower() not in _MODIFIERS), None)
    if first is None:
        if found and found[-1].group().lower() == "others":
            return found[-1].group(), found[-1].end(), True
        return None
    heads = [i for i in range(first, len(found)) if _is_plural(found[i].group())]
    last = heads[-1] if heads else len(found) - 1
    start, end = found[first].start(), found[last].end()
    bracket = _BRACKETED.match(text, end)
    if bracket and _is_acronym(bracket.group("acronym")):
        end = bracket.end()
    return text[start:end], end, bool(heads)


def _noun_words(text: str, position: int) -> list[re.Match[str]]:
    """Up to four words after a number that may name what it counts ("three Internet cables")."""
    found: list[re.Match[str]] = []
    gap = _FIRST_GAP
    while len(found) < 4:
        space = gap.match(text, position)
        word = _NOUN.match(text, space.end()) if space else None
        leading = all(w.group().lower() in _MODIFIERS for w in found)
        if word is None or not (_is_noun_word(word.group(), leading) or _names_a_kind(text, word)):
            break
        found.append(word)
        position, gap = word.end(), _GAP
    return found


def _names_a_kind(text: str, word: re.Match[str]) -> bool:
    """A capitalised word that modifies a plural noun after it: "Internet" in "three Internet cables"."""
    if not word.group()[0].isupper():
        return False
    following = re.match(r"\s+([a-z][a-z-]*)", text[word.end() :])
    return following is not None and _is_plural(following.group(1)) and _is_noun_word(following.group(1), False)


def _is_noun_word(word: str, leading: bool) -> bool:
    lowered = word.lower()
    if leading and lowered in _MODIFIERS:
        return True
    if lowered in _ROLES and lowered not in ("deaths", "injuries", "fatalities", "casualties"):
        return False
    if lowered in STOPWORDS or lowered in WORD_VALUES or lowered in SCALES or lowered in _AUXILIARIES:
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


# Money, percentages, measures ----------------------------------------------------------------


def _money(text: str) -> Iterator[Claim]:
    for pattern in (_MONEY_BEFORE, _MONEY_AFTER):
        for match in pattern.finditer(text):
            currency = _currency(match.group("cur"))
            parsed = read_number(match.group("num"))
            reading = _reading(parsed.value, parsed.precision, currency, _qualifier(match))
            slot = f"money {currency}"
            yield _claim(text, ClaimKind.MONEY, slot, match.span(), match.group("value"), reading, _qualifier(match))


def _currency(written: str) -> str:
    lowered = " ".join(written.lower().split())
    return _CURRENCIES.get(lowered, written.strip().upper())


def _percents(text: str) -> Iterator[Claim]:
    for match in _PERCENT.finditer(text):
        parsed = read_number(match.group("num"))
        reading = _reading(parsed.value, parsed.precision, "%", _qualifier(match))
        yield _claim(text, ClaimKind.PERCENT, "percent", match.span(), match.group("value"), reading, _qualifier(match))


def _magnitudes(text: str) -> Iterator[Claim]:
    for match in _MAGNITUDE.finditer(text):
        number = match.group("after") or match.group("before")
        if "." not in number and "magnitude" not in match.group("value").lower():
            continue
        parsed = read_number(number)
        reading = _reading(parsed.value, parsed.precision, "magnitude", _qualifier(match))
        yield _claim(text, ClaimKind.MAGNITUDE, "magnitude", match.span(), number, reading, _qualifier(match))


def _measures(text: str) -> Iterator[Claim]:
    for match in _MEASURE.finditer(text):
        unit_word = " ".join(match.group("unit").lower().split())
        if unit_word in LENGTHS:
            factor, unit, slot = LENGTHS[unit_word], "m", "distance"
        else:
            factor, unit, slot = WEIGHTS[unit_word], "kg", "weight"
        if unit_word in ("m", "g") and not match.group("num")[0].isdigit():
            continue
        parsed = read_number(match.group("num"))
        reading = _reading(parsed.value * factor, parsed.precision * factor, unit, _qualifier(match))
        yield _claim(text, ClaimKind.MEASURE, slot, match.span(), match.group("value"), reading, _qualifier(match))


def _durations(text: str, published: datetime.date | None) -> Iterator[Claim]:
    for match in _DURATION.finditer(text):
        parsed = read_number(match.group("num"))
        seconds = DURATIONS[match.group("unit").lower()]
        qualifier = _qualifier(match)
        if match.group("ago") and match.group("ago").strip().lower() == "ago":
            yield from _ago(text, match, parsed.value * seconds, qualifier, published)
            continue
        reading = _reading(parsed.value * seconds, parsed.precision * seconds, "s", qualifier)
        span = (match.start(), match.end("value"))
        yield _claim(text, ClaimKind.DURATION, "duration", span, match.group("value"), reading, qualifier)


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
    yield _claim(text, ClaimKind.DATE, "date", span, text[span[0] : span[1]], reading, qualifier)


def _ages(text: str) -> Iterator[Claim]:
    for match in _AGE.finditer(text):
        group = "num" if match.group("num") else "comma" if match.group("comma") else "aged"
        number = match.group(group)
        parsed = read_number(number)
        if not 0 < parsed.value < 120:
            continue
        reading = Reading(low=parsed.value, high=parsed.value, precision=0.5, unit="age")
        span = match.span("value") if group == "num" else match.span(group)
        person = _noun_after(text, span[1]) if group == "num" else _person_before(text, match.start())
        yield _claim(text, ClaimKind.AGE, "age", span, number, reading, thing=person)


def _noun_after(text: str, position: int) -> str:
    """Whose age a "35-year-old" gives: the word after it ("man"), or a name ("Hiller")."""
    runs = [run for run in _name_runs(text) if 0 <= run[0] - position <= 2]
    if runs:
        return text[runs[0][0] : runs[0][1]]
    word = _NOUN.match(text, position + 1) if position < len(text) else None
    return word.group() if word else ""


def _person_before(text: str, position: int) -> str:
    """The name just before an age: "Yvonne Hiller, 43" → "Yvonne Hiller"."""
    runs = [run for run in _name_runs(text) if run[1] <= position and position - run[1] <= 30]
    return text[runs[-1][0] : runs[-1][1]] if runs else ""


def _records(text: str) -> Iterator[Claim]:
    for match in _RECORD.finditer(text):
        window = text[max(0, match.start() - 60) : match.end() + 60]
        if not _RECORD_CONTEXT.search(window):
            continue
        first, second = int(match.group("first")), int(match.group("second"))
        packed = first * 1e6 + second
        reading = Reading(low=packed, high=packed, precision=0.0, unit="record")
        yield _claim(text, ClaimKind.RECORD, "record", match.span(), match.group(), reading)


# Dates, times, years -------------------------------------------------------------------------


def _dates(text: str, published: datetime.date | None) -> Iterator[Claim]:
    for pattern in _DATES:
        for match in pattern.finditer(text):
            reading = _date_reading(match, published)
            if reading is not None:
                yield _claim(text, ClaimKind.DATE, "date", match.span(), match.group(), reading)
    for match in _WEEKDAY.finditer(text):
        day = WEEKDAYS[match.group("weekday").lower()]
        resolved = _resolve_weekday(day, published)
        if resolved is None:
            reading = Reading(low=day, high=day, precision=0.5, unit="weekday")
        else:
            reading = Reading(low=resolved, high=resolved, precision=0.5, unit="day")
        yield _claim(text, ClaimKind.DATE, "date", match.span(), match.group("weekday"), reading)
    for match in _NAMED_DAY.finditer(text):
        name = match.group("day").lower()
        month, day = (12, 26) if name.startswith("boxing") else (1, 1) if name.startswith("new") else (12, 25)
        if name.endswith("eve"):
            month, day = (12, 24) if month == 12 else (12, 31)
        reading = _month_day(month, day, published)
        if reading is not None:
            yield _claim(text, ClaimKind.DATE, "date", match.span(), match.group(), reading)


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


def _times(text: str) -> Iterator[Claim]:
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
        qualifier = _qualifier(match)
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
        yield _claim(text, ClaimKind.TIME, "time", match.span(), value, reading, qualifier)


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


def _years(text: str) -> Iterator[Claim]:
    for match in _YEAR.finditer(text):
        year = float(match.group("year"))
        reading = Reading(low=year, high=year, precision=0.5, unit="year")
        yield _claim(text, ClaimKind.YEAR, "year", match.span(), match.group("year"), reading)


# Context: role and anchors -------------------------------------------------------------------


def _with_context(text: str, claim: Claim) -> Claim:
    """The claim with its role: the verb or adjective that says what its value counts or measures."""
    if claim.kind is not ClaimKind.QUANTITY:
        return claim
    after = claim.end
    if claim.thing:
        found = text.find(claim.thing, claim.end)
        if 0 <= found - claim.end <= 4:
            after = found + len(claim.thing)
    role = _role_after(text, after) or _role_before(text, claim.start)
    if claim.kind is ClaimKind.QUANTITY and not role:
        role = _toll_before(text, claim.start)
    slot = claim.slot
    if claim.kind is ClaimKind.QUANTITY and (not slot or _head(slot) in _PEOPLE) and role in _ROLES:
        slot = _ROLE_LABELS[_ROLES[role]]
    return replace(claim, role=role, slot=slot or claim.slot)


_ROLE_LABELS = {
    "dead": "dead", "injured": "injured", "missing": "missing", "arrested": "arrested",
    "evacuated": "evacuated", "trapped": "trapped", "shot": "shot", "rescued": "rescued", "charged": "charged",
}  # fmt: skip


def _role_after(text: str, position: int) -> str:
    """A participle or adjective after the value: "24 dead", "were killed", "have been reported injured"."""
    for _ in range(5):
        word = _LOWER_WORD.match(text, position)
        if word is None:
            return ""
        lowered = word.group(1).lower()
        if lowered in _ROLES:
            return lowered
        if lowered in _AUXILIARIES:
            position = word.end()
            continue
        if lowered in ("people", "persons", "others", "more", "other", "of", "them", "villagers", "residents"):
            position = word.end()
            continue
        return ""
    return ""


def _role_before(text: str, position: int) -> str:
    """A verb just before the value: "killing at least five", "injuring dozens", "shot three"."""
    before = text[max(0, position - 40) : position]
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z'’-]*", before)
    for word in reversed(words[-3:]):
        lowered = word.lower()
        if lowered in _ROLES:
            return lowered
        if lowered not in _BETWEEN_VERB_AND_NUMBER:
            return ""
    return ""


_BETWEEN_VERB_AND_NUMBER = _word_set("the a an least at more than nearly about some over another all leaving left")


def _toll_before(text: str, position: int) -> str:
    """ "the death toll ... to 11", "a toll of 24": a bare number that is a toll."""
    before = text[max(0, position - 60) : position].lower()
    return "toll" if _TOLL.search(before) else ""


_TOLL = re.compile(r"\btoll\b[^.;]{0,40}\b(?:to|of|at|is|was|stands at|rose to|reached)\s*$")


def _head(slot: str) -> str:
    words: list[str] = re.findall(r"[A-Za-z0-9-]+", slot.lower())
    if not words:
        return ""
    if len(words) > 1 and words[-1] in _GENERIC_HEADS:
        return words[-2]
    return words[-1]


def thing_class(claim: Claim) -> str:
    """What a count counts, in words outlets swap: "undersea cables" and "data lines" are both cables;
    people are counted by their role ("dead", "injured"); "" when the count says neither."""
    head = _head(claim.thing)
    if claim.role:
        role_class = _ROLES.get(claim.role) or ("dead" if claim.role == "toll" else "")
        if not head or head in _PEOPLE:
            return role_class
    if not head:
        return ""
    if head in _PEOPLE:
        return "people"
    counted = _thing_term(head)
    role_class = _ROLES.get(claim.role, "")
    return f"{counted} {role_class}" if role_class else counted


_ANCHOR = re.compile(
    r"\s+(?:people\s+|persons\s+|others\s+)?(?:in|across|around|throughout|on|at)\s+(?:the\s+)?(?:[0-9]+\s+)?"
    r"(?P<head>[A-Za-z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*)*)"
)


def locative_anchor(text: str, claim: Claim, offset: int = 0) -> str:
    """Where a count applies, from the phrase right after it: "170,000 people in the province" → "province"."""
    end = claim.end - offset
    if claim.thing:
        found = text.find(claim.thing, end)
        if found >= 0 and found - end <= 3:
            end = found + len(claim.thing)
    anchor = _ANCHOR.match(text, end)
    return anchor.group("head").lower() if anchor else ""


# Names ---------------------------------------------------------------------------------------


def _entities(text: str) -> Iterator[Claim]:
    for start, end in _name_runs(text):
        name = text[start:end]
        yield _claim(text, ClaimKind.ENTITY, "entity", (start, end), name, None)


def name_runs(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised words that follow one another (a name, a place)."""
    return _name_runs(text)


def _name_runs(text: str) -> list[tuple[int, int]]:
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


# Reading for people --------------------------------------------------------------------------


def slot_label(claim: Claim) -> str:
    """How a slot is named to a reader: the counted thing ("GPUs") or the kind ("money")."""
    return claim.slot if claim.kind is ClaimKind.QUANTITY and claim.slot else claim.kind.value


def shown_value(claim: Claim) -> str:
    """The value as a reader should see it, qualifier first: "nearly 10,000"."""
    value = claim.value
    if claim.qualifier and not value.lower().startswith(claim.qualifier):
        return f"{claim.qualifier} {value}"
    return value
