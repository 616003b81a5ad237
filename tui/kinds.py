"""How a row's kind is named and marked, the same in the app and the text report."""

from __future__ import annotations

from enum import StrEnum

from tui.engine.model import Row, RowKind


class Mark(StrEnum):
    """What the gutter of a row says: a glyph and a name, never colour alone."""

    CONFLICT = "conflict"
    ALL = "shared by all"
    SOME = "shared by some"
    UNIQUE = "unique"

    @property
    def glyph(self) -> str:
        return _GLYPHS[self]


_GLYPHS = {Mark.CONFLICT: "≠", Mark.ALL: "=", Mark.SOME: "≈", Mark.UNIQUE: "◆"}


def mark_of(row: Row, documents: int) -> Mark:
    """The mark of a row in a comparison of ``documents`` documents."""
    if row.kind is RowKind.CONFLICT:
        return Mark.CONFLICT
    if row.kind is RowKind.UNIQUE:
        return Mark.UNIQUE
    return Mark.ALL if len(row.cells) == documents else Mark.SOME


WEAK_ROW = 0.35
"""Rows of several documents aligned below this score are shown as weak ("?" in the gutter)."""


def is_weak(row: Row) -> bool:
    """Whether a row's documents were aligned on little: its sentences may not say the same thing."""
    return len(row.cells) > 1 and row.score < WEAK_ROW


def score_note(row: Row) -> str:
    """ " · score 0.28 (weak)" for a row of several documents, "" for one document's row."""
    if len(row.cells) < 2:
        return ""
    return f" · score {row.score:.2f}" + (" (weak: may not say the same thing)" if is_weak(row) else "")
