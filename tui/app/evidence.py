"""What a jump must bring on screen: the documents of a row that show why the cursor went there."""

from __future__ import annotations

from collections.abc import Sequence

from tui.engine.model import Row, RowKind


def clash_groups(row: Row) -> list[list[int]]:
    """The clashing documents of a row grouped by the value they give, the rarest value first
    (the odd one out), so that one document of each side can be put on screen."""
    groups: list[list[int]] = []
    for conflict in row.conflicts:
        by_value: dict[str, list[int]] = {}
        for doc in sorted(conflict.places or conflict.values):
            by_value.setdefault(conflict.values.get(doc, ""), []).append(doc)
        groups.extend(sorted(by_value.values(), key=lambda docs: (len(docs), docs[0])))
    return groups


def row_groups(row: Row) -> list[list[int]]:
    """Evidence of a row reached by ``n`` or ``u``: both sides of its clashes, else its documents."""
    if row.kind is RowKind.CONFLICT:
        groups = clash_groups(row)
        if groups:
            return groups
    return [row.docs]


def mention_groups(row: Row, doc: int) -> list[list[int]]:
    """Evidence of a mention: its document first, then the sides of the row's clashes."""
    return [[doc], *clash_groups(row)]


def first_doc(groups: Sequence[Sequence[int]], allowed: Sequence[int]) -> int | None:
    """The first document of the groups that is in ``allowed``."""
    for group in groups:
        for doc in group:
            if doc in allowed:
                return doc
    return None
