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
