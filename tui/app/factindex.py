"""Where each fact's mentions stand in the grid: built once per comparison, looked up per keypress."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from tui.engine.model import Comparison, Fact, SelfContradiction


@dataclass(frozen=True, slots=True)
class Place:
    """One mention of a fact where the grid shows it: row, document, offset, index in ``fact.mentions``."""

    row: int
    doc: int
    start: int
    mention: int


class FactIndex:
    """The comparison's facts with their mentions in grid order, and the facts of every row.

    Building it walks every mention once (linear); the app builds it in the comparison's worker
    thread. Every lookup afterwards is a dictionary access or a scan of one row's facts.
    """

    def __init__(self, comparison: Comparison) -> None:
        self.facts: list[Fact] = list(comparison.facts)
        self.by_id: dict[str, Fact] = {fact.id: fact for fact in self.facts}
        self.fact_of: dict[tuple[int, int, int], Fact] = comparison.fact_of()
        row_of = comparison.row_of()
        self.places: dict[str, list[Place]] = {}
        self._place_rows: dict[str, list[int]] = {}
        self.row_facts: dict[int, list[str]] = {}
        self.fact_rows: dict[str, set[int]] = {}
        for fact in self.facts:
            places = [
                Place(row=row_of[where], doc=mention.doc, start=mention.claim.start, mention=number)
                for number, mention in enumerate(fact.mentions)
                if (where := (mention.doc, mention.sentence)) in row_of
            ]
            places.sort(key=lambda place: (place.row, place.doc, place.start))
            self.places[fact.id] = places
            self._place_rows[fact.id] = [place.row for place in places]
            rows = {place.row for place in places}
            self.fact_rows[fact.id] = rows
            for row in sorted(rows):
                self.row_facts.setdefault(row, []).append(fact.id)
        self.disputed_in_row: dict[int, list[str]] = {
            number: [conflict.fact for conflict in row.conflicts if conflict.fact in self.by_id]
            for number, row in enumerate(comparison.rows)
            if row.conflicts
        }
        self.contradictions: dict[str, list[SelfContradiction]] = {}
        self.row_contradictions: dict[int, list[SelfContradiction]] = {}
        for item in comparison.self_contradictions:
            self.contradictions.setdefault(item.fact, []).append(item)
            sentences = ((item.doc, item.first_sentence), (item.doc, item.second_sentence))
            for row in sorted({row_of[where] for where in sentences if where in row_of}):
                self.row_contradictions.setdefault(row, []).append(item)

    def row_fact(self, row: int) -> str | None:
        """The fact a row stands for: its first fact with a clash in the row, else its first fact."""
        disputed = self.disputed_in_row.get(row)
        if disputed:
            return disputed[0]
        facts = self.row_facts.get(row)
        return facts[0] if facts else None

    def current(self, row: int | None, chosen: str | None) -> str | None:
        """The fact ``m`` steps through: ``chosen`` where the row mentions it, else the row's own fact.

        On a row without facts the chosen fact stays current, so ``m`` goes on from there.
        """
        if row is None:
            return chosen
        if chosen is not None and row in self.fact_rows.get(chosen, ()):
            return chosen
        return self.row_fact(row) or chosen

    def position_in_row(self, fact: str, row: int, doc: int, remembered: int | None = None) -> int | None:
        """Which of ``fact``'s places (grid order) is at ``row``: the remembered one if it is there and in
        ``doc``, else the first in ``doc``, else the first in the row; None when the row has none."""
        places = self.places.get(fact, [])
        if remembered is not None and 0 <= remembered < len(places):
            place = places[remembered]
            if place.row == row and place.doc == doc:
                return remembered
        rows = self._place_rows.get(fact, [])
        in_row = range(bisect_left(rows, row), bisect_right(rows, row))
        if not in_row:
            return None
        for number in in_row:
            if places[number].doc == doc:
                return number
        return in_row[0]

    def step(self, fact: str, row: int, position: int | None, direction: int) -> int | None:
        """The place after (``direction`` +1) or before (-1) the current one, in grid order."""
        rows = self._place_rows.get(fact, [])
        if position is not None:
            target = position + direction
        elif direction > 0:
            target = bisect_right(rows, row)
        else:
            target = bisect_left(rows, row) - 1
        return target if 0 <= target < len(rows) else None
