"""Short names for facts, built from their own words and evidence ("dead · in Takengon", "depth")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tui.engine.metadata import MONTH_NAMES
from tui.engine.model import ClaimKind, Mention


def fact_label(mentions: Sequence[Mention], key: tuple[str, ...] = ()) -> str:
    """A short name for a fact from its own words and evidence: "undersea cables", "dead · in
    Takengon", "percent · India", "depth", "magnitude · April 2012", "age of Hiller"."""
    claim = mentions[0].claim
    evidence = key[2:-1] if len(key) >= 3 else ()
    frame = _frame_words(key[-1]) if key else ""
    if claim.kind is ClaimKind.QUANTITY:
        things = Counter(m.claim.slot for m in mentions if m.claim.slot)
        label = things.most_common(1)[0][0] if things else "count"
        places = [part for part in evidence if part.startswith("in ")]
        label += "".join(f" {_titled(place)}" for place in places)
    elif claim.kind is ClaimKind.PERCENT:
        label = f"percent · {_titled(evidence[0])}" if evidence else "percent"
    elif claim.kind is ClaimKind.MEASURE:
        where = evidence[0] if evidence else ""
        label = "depth" if where == "depth" else f"distance {_titled(where)}" if where else claim.slot
    elif claim.kind is ClaimKind.AGE:
        people = Counter(m.claim.thing for m in mentions if m.claim.thing)
        label = f"age of {people.most_common(1)[0][0]}" if people else "age"
    elif claim.kind is ClaimKind.MONEY:
        label = claim.slot
    else:
        label = claim.kind.value
    return f"{label} · {frame}" if frame else label


def _frame_words(frame: str) -> str:
    """A key's time frame for a reader: "2012-05" → "May 2012", "peak" → "at its peak"."""
    if not frame:
        return ""
    if frame == "peak":
        return "at its peak"
    if frame.endswith("m") and frame[:-1].isdigit():
        return MONTH_NAMES[int(frame[:-1]) - 1].capitalize()
    year, _, month = frame.partition("-")
    return f"{MONTH_NAMES[int(month) - 1].capitalize()} {year}" if month.isdigit() else frame


def _titled(words: str) -> str:
    """Lower-cased names from a key, capitalised again for reading ("bener meriah" → "Bener Meriah")."""
    return " ".join(word if word in ("in", "from", "of") else word.capitalize() for word in words.split())
