"""Building blocks the claim extractors share: number patterns, hedges, the claim and its reading."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.engine.model import Claim, ClaimKind, Form, Reading
from tui.engine.numbers import SCALES, SMALL, SUFFIXES, TENS, UNITS


def word_set(words: str) -> frozenset[str]:
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


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


SCALE = alternation(SCALES)


DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"


DIGIT_NUMBER = rf"{DIGITS}(?:(?:{alternation(SUFFIXES)})(?![A-Za-z])|\s+(?:{SCALE})\b)?"


WORD_NUMBER = (
    rf"(?:(?:a|an)\s+(?:{SCALE})|(?:{alternation(TENS)})(?:[\s-](?:{alternation(UNITS)}))?"
    rf"|(?:{alternation(SMALL)}))(?:\s+(?:{SCALE})){{0,2}}"
)


BEFORE_NUMBER = r"(?<![\w$€£¥.,:/-])"


AFTER_NUMBER = r"(?![\w]|[.,:/][0-9])"


NUMBER = rf"{BEFORE_NUMBER}(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER}){AFTER_NUMBER}"


NUMBER_ANY_END = rf"{BEFORE_NUMBER}(?P<num>{DIGIT_NUMBER}|{WORD_NUMBER})"


QUALIFIER = rf"(?:(?<![\w-])(?P<qual>{alternation(QUALIFIER_FORMS)})\s+)?"


FIRST_GAP = re.compile(r"\s+|-")


GAP = re.compile(r"\s+")


NOUN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w'’])")


OPENING = " \t\r\n\"'“”‘’([*•-—–"


WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'’-]*)[^A-Za-z0-9]*$")


LOWER_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'’-]*)")


def make_claim(
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


def qualifier_of(match: re.Match[str]) -> str:
    return " ".join(match.group("qual").lower().split()) if match.group("qual") else ""


def hedged_reading(low: float, precision: float, unit: str, qualifier: str, high: float | None = None) -> Reading:
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


def word_before(text: str, position: int) -> str:
    before = search_word_before(text, position)
    return before.group(1).lower() if before else ""


_WORDISH = re.compile(r"[A-Za-z'’-]*")
_ALPHANUMERIC = re.compile(r"[A-Za-z0-9]")


def search_word_before(text: str, position: int, *, window: int = 128) -> re.Match[str] | None:
    """``WORD_BEFORE.search(text, 0, position)``, found in the ``window`` characters before
    ``position`` when they settle it (a sentence of two hundred numbers would otherwise be read
    from its start for each).

    The match is a word and the non-alphanumeric run after it up to ``position``. One that starts
    before the window would leave the window either without a letter or digit, or with nothing
    but word characters before the match found in it; only then is the whole text searched.
    """
    start = max(0, position - window)
    found = WORD_BEFORE.search(text, start, position)
    if not start:
        return found
    if found is None:
        return None if _ALPHANUMERIC.search(text, start, position) else WORD_BEFORE.search(text, 0, position)
    if _WORDISH.fullmatch(text, start - 1, found.start()):
        return WORD_BEFORE.search(text, 0, position)
    return found
