"""What the facts' clashes mean for rows (which values of a row clash) and for single documents."""

from __future__ import annotations

from collections import defaultdict

from tui.engine.model import Conflict, Fact, Mention, SelfContradiction, shown_value


def row_conflicts(facts: list[Fact], row_of: dict[tuple[int, int], int], rows: int) -> dict[int, list[Conflict]]:
    """Per row index, one conflict per fact with a clashing mention in the row.

    The conflict's values are what each document of the row says of that fact; its places are the
    mentions that clash (with a mention in this row or in any other), which the app paints red.
    """
    found: dict[int, list[Conflict]] = defaultdict(list)
    for fact in facts:
        if not fact.clashes:
            continue
        clashing = _clashing_with_repeats(fact)
        in_rows: dict[int, list[int]] = defaultdict(list)
        for index, mention in enumerate(fact.mentions):
            row = row_of.get((mention.doc, mention.sentence), -1)
            if 0 <= row < rows:
                in_rows[row].append(index)
        for row, indices in sorted(in_rows.items()):
            if not any(index in clashing for index in indices):
                continue
            per_doc: dict[int, list[Mention]] = defaultdict(list)
            places: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for index in indices:
                mention = fact.mentions[index]
                per_doc[mention.doc].append(mention)
                if index in clashing:
                    places[mention.doc].append((mention.claim.start, mention.claim.end))
            found[row].append(
                Conflict(
                    slot=fact.label,
                    kind=fact.kind.value,
                    values={doc: ", ".join(shown_value(m.claim) for m in ms) for doc, ms in sorted(per_doc.items())},
                    places={doc: tuple(spans) for doc, spans in sorted(places.items())},
                    fact=fact.id,
                )
            )
    return dict(found)


def _clashing_with_repeats(fact: Fact) -> set[int]:
    """Mentions in a clash, and each document's repeats of a clashing value (a headline's figure
    stands for the same figure further down, and both are painted)."""
    pairs = fact.clashing()
    values = {(fact.mentions[index].doc, fact.mentions[index].claim.reading) for index in pairs}
    return {index for index, mention in enumerate(fact.mentions) if (mention.doc, mention.claim.reading) in values}


def self_contradictions(facts: list[Fact]) -> list[SelfContradiction]:
    """Clashes of a fact inside one document, the first pair of each document and fact."""
    found: list[SelfContradiction] = []
    for fact in facts:
        seen: set[int] = set()
        for first_index, second_index in fact.clashes:
            first, second = fact.mentions[first_index], fact.mentions[second_index]
            if first.doc != second.doc or first.doc in seen:
                continue
            seen.add(first.doc)
            first, second = sorted((first, second), key=lambda mention: mention.claim.start)
            found.append(
                SelfContradiction(
                    doc=first.doc,
                    slot=fact.label,
                    kind=fact.kind.value,
                    first=first.claim,
                    second=second.claim,
                    first_sentence=first.sentence,
                    second_sentence=second.sentence,
                    fact=fact.id,
                )
            )
    return sorted(found, key=lambda item: (item.doc, item.first.start))
