"""Who holds a row: one mark per document for the presence strip, and document numbers as a list."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from tui.engine.model import Row


class Presence(StrEnum):
    """What the presence strip says of one document in one row: a glyph, never colour alone."""

    HAS = "has"
    LACKS = "lacks"
    CLASHES = "clashes"

    @property
    def glyph(self) -> str:
        return _GLYPHS[self]


_GLYPHS = {Presence.HAS: "•", Presence.LACKS: "·", Presence.CLASHES: "≠"}


def clashing_docs(row: Row) -> set[int]:
    """Documents of the row with a mention that clashes (the red values)."""
    return {doc for conflict in row.conflicts for doc in (conflict.places or conflict.values)}


def presence(row: Row, docs: Sequence[int]) -> list[Presence]:
    """One mark per document of ``docs``: it clashes, it has a cell in the row, or it lacks one."""
    holding = set(row.docs)
    clashing = clashing_docs(row)
    return [Presence.CLASHES if doc in clashing else Presence.HAS if doc in holding else Presence.LACKS for doc in docs]


def doc_numbers(docs: Sequence[int]) -> str:
    """Documents by their numbers as people count them, runs of three or more as ranges: "2, 10–13"."""
    numbers = sorted({doc + 1 for doc in docs})
    parts: list[str] = []
    index = 0
    while index < len(numbers):
        end = index
        while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
            end += 1
        if end - index >= 2:
            parts.append(f"{numbers[index]}–{numbers[end]}")
        else:
            parts.extend(str(number) for number in numbers[index : end + 1])
        index = end + 1
    return ", ".join(parts)


def folded_summary(holders: Sequence[int], start: str) -> str:
    """The line a row folds to when none of its documents is on screen."""
    return f"◦ held by {doc_numbers(holders)} (off screen): {start}"
