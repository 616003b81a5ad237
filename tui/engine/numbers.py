"""Numbers as written (digits, words, scales) read as a value and the rounding its last digit implies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import text2num

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
SMALL = {
    **UNITS,
    "zero": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
SCALES = {
    "dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}  # fmt: skip
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
WORD_VALUES: dict[str, float] = {**SMALL, **TENS}
MULTIPLIERS: dict[str, float] = {**SUFFIXES, **SCALES}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip

VAGUE: dict[str, tuple[float, float]] = {
    "a dozen": (12.0, 12.0),
    "dozens": (24.0, 1e6),
    "several dozen": (30.0, 60.0),
    "hundreds": (200.0, 1e3),
    "several hundred": (300.0, 900.0),
    "thousands": (2e3, 1e4),
    "several thousand": (3e3, 9e3),
    "tens of thousands": (1e4, 1e5),
    "hundreds of thousands": (2e5, 1e6),
    "millions": (2e6, 1e7),
    "tens of millions": (1e7, 1e8),
    "hundreds of millions": (2e8, 1e9),
    "billions": (2e9, 1e10),
}
"""Vague counts built on a number word and the values each allows, both ends included ("dozens" is at
least 24, with no upper bound that outlets keep to; "thousands" may be ten thousand). "Several" and
"a few" alone are not counts."""


@dataclass(frozen=True, slots=True)
class Number:
    """A number's value and half the step of its last written digit ("6.2" → 0.05, "10" → 0.5)."""

    value: float
    precision: float


_DIGIT_VALUE = re.compile(r"(?P<digits>[0-9][0-9,]*(?:\.(?P<decimals>[0-9]+))?)\s*(?P<unit>[a-z]+)?")
_WORD_SPLIT = re.compile(r"[\s-]+")


@lru_cache(maxsize=4096)
def read_number(written: str) -> Number:
    """The value of a number as written: ``10,000``, ``1.5 million``, ``10k``, ``Sixty-five``, ``two dozen``.

    >>> read_number("6.2")
    Number(value=6.2, precision=0.05)
    >>> read_number("Sixty-five").value
    65.0
    >>> read_number("1.5 million")
    Number(value=1500000.0, precision=50000.0)
    """
    lowered = " ".join(written.lower().split())
    digits = _DIGIT_VALUE.fullmatch(lowered)
    if digits:
        base = float(digits.group("digits").replace(",", ""))
        scale = MULTIPLIERS.get(digits.group("unit") or "", 1.0)
        decimals = digits.group("decimals")
        step = 10.0 ** -len(decimals) if decimals else 1.0
        return Number(base * scale, 0.5 * step * scale)
    return Number(_word_value(lowered), 0.5)


def _word_value(lowered: str) -> float:
    """Number words read by text2num; scales it does not know ("a hundred", "two dozen") by hand."""
    words = [word for word in _WORD_SPLIT.split(lowered) if word and word != "and"]
    if "dozen" not in words and words[:1] not in (["a"], ["an"]):
        try:
            return float(text2num(" ".join(words), "en"))
        except ValueError:
            pass
    total = 0.0
    for word in words:
        if word in ("a", "an"):
            total = 1.0
        elif word in WORD_VALUES:
            total += WORD_VALUES[word]
        elif word in SCALES:
            total = (total or 1.0) * SCALES[word]
    return total
