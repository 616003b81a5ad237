"""Whether two readings of one fact agree: ranges that overlap, given hedges, rounding and units."""

from __future__ import annotations

from tui.engine.model import Form, Reading


def comparable(first: Reading, second: Reading) -> bool:
    """Whether two readings are in one unit, so that one can be judged against the other."""
    return first.unit == second.unit


def agree(first: Reading, second: Reading) -> bool:
    """Whether two readings of one fact can both be true.

    Each reading is a range; an exact value is blurred by half its last written digit, so "6 miles"
    agrees with "6.2 miles" and "10" with "10.0", but "9 minutes" and "10 minutes" clash. Ranges
    that only touch clash: "at least three" (3–4.5) and "five" (4.5–5.5 rounded) do not overlap.
    Readings in different units are never said to clash.

    >>> exact = lambda v: Reading(low=v, high=v, precision=0.5, unit="")
    >>> agree(exact(10_000), Reading(low=8_500, high=10_000, precision=0.5, unit="", form=Form.NEARLY))
    True
    >>> agree(exact(9), exact(10))
    False
    """
    if not comparable(first, second):
        return True
    if first.unit == "record":
        return first.low == second.low
    low_first, high_first = _blurred(first)
    low_second, high_second = _blurred(second)
    tolerance = 1e-9 * max(abs(low_first), abs(high_first), abs(low_second), abs(high_second), 1.0)
    overlap = min(high_first, high_second) - max(low_first, low_second)
    if overlap > tolerance:
        return True
    points = high_first - low_first <= tolerance or high_second - low_second <= tolerance
    return points and overlap >= -tolerance


def _blurred(reading: Reading) -> tuple[float, float]:
    """The range a reading allows, its written ends widened by their rounding."""
    low, high, blur = reading.low, reading.high, reading.precision
    if reading.form is Form.EXACT or reading.form is Form.RANGE:
        return low - blur, high + blur
    if reading.form is Form.AT_LEAST:
        return low - blur, high
    if reading.form in (Form.AT_MOST, Form.NEARLY):
        return low, high + blur
    return low, high
