"""Judging: when two readings of one fact agree, given hedges, rounding, vague counts and units."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tui.engine.judging import agree
from tui.engine.mentions import extract_claims
from tui.engine.model import ClaimKind, Reading


def value(text: str) -> Reading:
    """The reading of the one count, share or measure in ``text``."""
    found = [c.reading for c in extract_claims(text) if c.kind is not ClaimKind.ENTITY and c.reading is not None]
    assert len(found) == 1, found
    return found[0]


def test_hedges_widen_a_value() -> None:
    assert agree(value("about 150 boats"), value("150 boats"))
    assert agree(value("nearly 10,000 GPUs"), value("10,000 GPUs"))
    assert not agree(value("nearly 10,000 GPUs"), value("100,000 GPUs"))
    assert not agree(value("at least 50 boats"), value("30 boats"))
    assert agree(value("more than 20 boats"), value("25 boats"))
    assert not agree(value("more than 20 boats"), value("40 boats"))
    assert agree(value("less than ten minutes"), value("10 minutes"))
    assert agree(value("at least 24 boats"), value("24 boats"))


def test_exact_values_clash_at_their_last_digit() -> None:
    assert not agree(value("nine minutes"), value("10 minutes"))
    assert agree(value("About 10 minutes"), value("nine minutes"))
    assert not agree(value("at least three boats"), value("five boats"))
    assert not agree(value("13 countries"), value("14 countries"))
    assert agree(value("6 miles"), value("6.2 miles"))
    assert not agree(value("8.6-magnitude"), value("8.7-magnitude"))


def test_vague_counts() -> None:
    assert agree(value("dozens of boats"), value("more than 200 boats"))
    assert agree(value("dozens of boats"), value("at least 50 boats"))
    assert not agree(value("dozens of boats"), value("at least five boats"))
    assert agree(value("hundreds of boats"), value("249 boats"))
    assert not agree(value("hundreds of boats"), value("at least 50 boats"))
    assert agree(value("thousands of GPUs"), value("10,000 GPUs"))


def test_readings_in_other_units_never_clash() -> None:
    assert agree(value("0737 GMT"), value("7:37 AM local time"))
    assert agree(value("10 kilometres"), value("10 minutes"))


_READINGS = st.builds(
    lambda low, width, precision: Reading(low=low, high=low + width, precision=precision, unit=""),
    st.floats(min_value=0, max_value=1e6),
    st.floats(min_value=0, max_value=1e3),
    st.sampled_from([0.0, 0.5, 5.0]),
)


@given(first=_READINGS, second=_READINGS)
def test_agreement_is_symmetric_and_reflexive(first: Reading, second: Reading) -> None:
    assert agree(first, first)
    assert agree(first, second) == agree(second, first)
