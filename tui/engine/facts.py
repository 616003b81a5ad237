"""Group the claim mentions of all documents into facts: one quantity of one thing in one event."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tui.engine.counts import locative_anchor, thing_class
from tui.engine.evidence import mention_context, mention_key, rare_names, reference_years
from tui.engine.factlabels import fact_label
from tui.engine.judging import agree, comparable
from tui.engine.model import Claim, ClaimKind, Fact, Form, Mention, Reading, Sentence

OUTLIER_FACTOR = 30.0
"""Values of one key that differ more than this from the outlets' median are of another fact."""


MAX_MATES = 16
"""At most this many row-mates are looked at per mention (a row of one repeated sentence)."""


CLOSE_ROW = 0.6
"""Sentences aligned at least this closely say the same thing: their figures are one fact."""


LEAD_SHARE = 0.55
"""A document's first figure for a key states the story's fact when it stands in this share of the
text; a figure first given further down (background, another event) joins only if most outlets agree."""


SELF_SIMILARITY = 0.2


SELF_WINDOW = 12
"""Sentences further apart than this are not taken to restate one figure of their document."""


NEAR_SENTENCES = 3


MAX_CLASHES = 5_000
"""At most this many clashing pairs are listed per fact (degenerate input repeats one value)."""


MAX_READINGS = 200
"""At most this many distinct values of one fact are judged against one another."""


Similarity = Callable[[int, int, int], float]
"""(doc, sentence, other sentence) → how alike two sentences of one document are."""


@dataclass(slots=True)
class _Item:
    """A mention while it is being grouped."""

    mention: Mention
    key: tuple[str, ...] | None
    """Strong evidence of its fact, or None when only the alignment can place it."""
    row: int
    lead: bool
    """Whether the mention stands in the first part of its document (LEAD_SHARE)."""
    context: frozenset[str]
    """Content terms around the mention: what two row-mates must share to be one fact."""
    anchor: str = ""
    """Where a count applies ("in the province"), which keeps background figures apart."""
    group: int = -1


def group_facts(
    sentences: Sequence[Sequence[Sentence]],
    claims: dict[tuple[int, int], list[Claim]],
    row_of: dict[tuple[int, int], int],
    *,
    published: Sequence[datetime.date | None],
    similarity: Similarity,
    row_scores: Sequence[float] = (),
) -> list[Fact]:
    """Every mention of every document in exactly one fact, the most disputed facts first.

    Evidence, strongest first: what a value counts or measures (its counted thing, or for people
    what happened to them: "killed", "injured"), the anchors around it (a place a share or distance
    refers to, "deep", the person an age belongs to), the time frame of its sentence (a value
    stated about 2004 is not one about today), and the rows the sentence alignment made (see
    ``evidence``). Inside one document an article is taken to be consistent: a second value that
    clashes with the document's first value of the same key is another fact (a district's toll
    beside the overall toll) unless its sentence says the same thing as the first or it is what
    most other outlets give for the key, which makes it a self-contradiction.
    """
    years = reference_years(published)
    rare = rare_names(claims, len(sentences))
    lengths = [max((sentence.end for sentence in document), default=0) or 1 for document in sentences]
    items = [
        _Item(
            mention=Mention(doc=doc, sentence=index, claim=claim),
            key=mention_key(sentences[doc][index].text, sentences[doc][index].start, claim, years[doc], rare),
            row=row_of.get((doc, index), -1),
            lead=claim.start <= LEAD_SHARE * lengths[doc],
            context=mention_context(sentences[doc][index], claim),
            anchor=locative_anchor(sentences[doc][index].text, claim, sentences[doc][index].start),
        )
        for (doc, index), found in sorted(claims.items())
        for claim in found
        if claim.reading is not None
    ]
    _set_comparisons_aside(items)
    groups = _Groups([item.mention.doc for item in items])
    _group_strong(items, groups, similarity, row_scores)
    _group_by_rows(items, groups)
    keys = {
        (item.mention.doc, item.mention.claim.start): tuple(part for part in item.key if not part.startswith("#"))
        for item in items
        if item.key is not None
    }
    facts = [_fact(members, keys) for members in groups.collect(items)]
    facts.sort(key=_dispute_order)
    return [_with_id(fact, number) for number, fact in enumerate(facts, 1)]


class _Groups:
    """Union-find over item indices, knowing which documents each group holds."""

    def __init__(self, docs: Sequence[int]) -> None:
        self.parent: dict[int, int] = {}
        self.docs: dict[int, set[int]] = {}
        self.doc_of = docs

    def documents(self, item: int) -> set[int]:
        return self.docs.get(self.find(item)) or {self.doc_of[item]}

    def union_apart(self, first: int, second: int) -> None:
        """Join two groups unless that would put two mentions of one document together."""
        if self.find(first) != self.find(second) and not self.documents(first) & self.documents(second):
            self.union(first, second)

    def find(self, item: int) -> int:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(item, item) != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            merged = self.documents(first) | self.documents(second)
            self.parent[max(a, b)] = min(a, b)
            self.docs[min(a, b)] = merged
            self.docs.pop(max(a, b), None)

    def collect(self, items: Sequence[_Item]) -> list[list[Mention]]:
        members: dict[int, list[Mention]] = defaultdict(list)
        for index, item in enumerate(items):
            members[self.find(index)].append(item.mention)
        return [members[root] for root in sorted(members)]


def _set_comparisons_aside(items: list[_Item]) -> None:
    """A sentence giving two values of one key compares them ("better one eye than two", "rose from
    11 to 24"): neither is the key's figure, so both are left to the alignment."""
    readings: dict[tuple[int, int, tuple[str, ...]], set[Reading]] = defaultdict(set)
    for item in items:
        if item.key is not None and item.mention.claim.reading is not None:
            readings[(item.mention.doc, item.mention.sentence, item.key)].add(item.mention.claim.reading)
    compared = {
        place
        for place, found in readings.items()
        if len(found) > MAX_READINGS or (len(found) > 1 and any(not agree(a, b) for a in found for b in found))
    }
    for item in items:
        if item.key is not None and (item.mention.doc, item.mention.sentence, item.key) in compared:
            item.key = None


def _group_strong(items: list[_Item], groups: _Groups, similarity: Similarity, row_scores: Sequence[float]) -> None:
    """Mentions of one key: each document's consistent values form the key's main fact.

    A document takes part through its anchor: its first mention of the key when that stands in the
    lead of the article, else a later one that agrees with the outlets' consensus or shares an
    aligned row with another outlet's lead mention. A key with a time frame of its own (a figure
    about 2004 in a story of 2013) also keys on where the figure applies ("in the province",
    "across Asia"), since background figures are so often a part beside a whole.
    """
    by_key: dict[tuple[str, ...], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, item in enumerate(items):
        if item.key is not None:
            by_key[_loose_key(item)][item.mention.doc].append(index)
    for key, per_doc in by_key.items():
        anchors = _anchors(items, per_doc)
        main: dict[int, list[int]] = {}
        for doc, anchor in anchors.items():
            others = _consensus([items[a].mention.claim.reading for d, a in anchors.items() if d != doc])
            main[doc] = []
            for index in per_doc[doc]:
                if _agrees(items[index], items[anchor]) or _same_fact_after_all(
                    items, anchor, index, others, similarity
                ):
                    main[doc].append(index)
        _join_by_close_rows(items, per_doc, main, row_scores)
        for doc, indices in per_doc.items():
            kept = set(main.get(doc, []))
            for index in indices:
                if index not in kept:
                    items[index].key = (*key, f"#{doc}:{index}")
        everyone = [index for indices in main.values() for index in indices]
        for index in everyone[1:]:
            groups.union(everyone[0], index)
        for index in everyone:
            items[index].group = everyone[0]


def _join_by_close_rows(
    items: list[_Item], per_doc: dict[int, list[int]], main: dict[int, list[int]], row_scores: Sequence[float]
) -> None:
    """A figure left out of the main fact joins it when its sentence and another outlet's sentence
    holding the main figure were aligned closely (a copy that changed the number)."""
    main_rows: dict[int, list[int]] = defaultdict(list)
    for indices in main.values():
        for index in indices:
            if items[index].row >= 0:
                main_rows[items[index].row].append(index)
    for doc, indices in per_doc.items():
        kept = set(main.get(doc, []))
        joiners = []
        for index in indices:
            row = items[index].row
            if index in kept or row < 0 or row >= len(row_scores) or row_scores[row] < CLOSE_ROW:
                continue
            mates = [mate for mate in main_rows.get(row, []) if items[mate].mention.doc != doc and items[mate].lead]
            if any(items[mate].context & items[index].context for mate in mates[:MAX_MATES]):
                joiners.append(index)
        if not joiners:
            continue
        joined = main.setdefault(doc, [])
        first = items[joiners[0]]
        unsupported = {
            other
            for other in joined
            if not _agrees(items[other], first) and not _supported(items, other, main_rows, row_scores)
        }
        joined[:] = [other for other in joined if other not in unsupported] + joiners


def _supported(items: list[_Item], index: int, main_rows: dict[int, list[int]], row_scores: Sequence[float]) -> bool:
    """Whether this figure's sentence is closely aligned with another outlet's main figure (which
    makes it that fact whether or not the two agree)."""
    row = items[index].row
    if row < 0 or row >= len(row_scores) or row_scores[row] < CLOSE_ROW:
        return False
    doc = items[index].mention.doc
    return any(items[mate].mention.doc != doc for mate in main_rows.get(row, [])[:MAX_MATES])


def _anchors(items: list[_Item], per_doc: dict[int, list[int]]) -> dict[int, int]:
    """Per document, the mention that states the key's main fact (see ``_group_strong``)."""
    anchors = {doc: indices[0] for doc, indices in per_doc.items() if items[indices[0]].lead}
    if not anchors:
        anchors = {doc: indices[0] for doc, indices in per_doc.items()}
    _drop_outliers(items, anchors)
    consensus = _consensus([items[index].mention.claim.reading for index in anchors.values()], least=1)
    lead_rows = {
        items[index].row
        for doc, anchor in anchors.items()
        for index in per_doc[doc]
        if items[index].lead and items[index].row >= 0 and _agrees(items[index], items[anchor])
    }
    for doc, indices in per_doc.items():
        if doc in anchors:
            continue
        found = next(
            (
                index
                for index in indices
                if (consensus is not None and _reading_agrees(items[index], consensus)) or items[index].row in lead_rows
            ),
            None,
        )
        if found is not None:
            anchors[doc] = found
    return anchors


def _same_fact_after_all(
    items: list[_Item], anchor: int, index: int, others: Reading | None, similarity: Similarity
) -> bool:
    """Whether a document's figure that clashes with its anchor is still that fact (so the document
    contradicts itself): it is what most other outlets say, or it is larger than the anchor (not a
    part of it), in another sentence not far from it, and that sentence says the same as the
    anchor's or stands next to it."""
    if others is not None and _reading_agrees(items[index], others):
        return True
    if _midpoint(items[index]) <= _midpoint(items[anchor]) or items[index].anchor:
        return False
    doc, first, second = items[index].mention.doc, items[anchor].mention.sentence, items[index].mention.sentence
    if first == second or abs(first - second) > SELF_WINDOW:
        return False  # one sentence compares ("one eye … two eyes"); far apart, alike wording is another event
    key = items[index].key
    framed = key is not None and bool(key[-1])
    near = abs(first - second) <= NEAR_SENTENCES and not framed
    return near or similarity(doc, first, second) >= SELF_SIMILARITY


def _agrees(item: _Item, other: _Item) -> bool:
    first, second = item.mention.claim.reading, other.mention.claim.reading
    return first is not None and second is not None and agree(first, second)


def _reading_agrees(item: _Item, reading: Reading) -> bool:
    own = item.mention.claim.reading
    return own is not None and agree(own, reading)


def _midpoint(item: _Item) -> float:
    reading = item.mention.claim.reading
    assert reading is not None
    if reading.form is Form.AT_MOST:
        return reading.high
    if reading.form in (Form.VAGUE, Form.AT_LEAST):
        return reading.low
    return (reading.low + reading.high) / 2


def _drop_outliers(items: list[_Item], anchors: dict[int, int]) -> None:
    """Documents whose value of a key is far off every other outlet's state another fact."""
    if len(anchors) < 3:
        return
    values = sorted(_midpoint(items[index]) for index in anchors.values())
    median = values[len(values) // 2]
    if median <= 0:
        return
    for doc in list(anchors):
        value = _midpoint(items[anchors[doc]])
        if value <= 0 or max(value / median, median / value) > OUTLIER_FACTOR:
            del anchors[doc]


def _consensus(readings: Sequence[Reading | None], *, least: int = 2) -> Reading | None:
    """The definite reading most of ``readings`` agree with, if more than half do (and ``least``)."""
    known = [reading for reading in readings if reading is not None]
    definite = [r for r in known if r.form not in (Form.VAGUE, Form.AT_MOST)]
    if len(known) < least or not definite:
        return None
    best = max(definite, key=lambda reading: sum(agree(reading, other) for other in known))
    return best if sum(agree(best, other) for other in known) * 2 > len(known) else None


def _group_by_rows(items: list[_Item], groups: _Groups) -> None:
    """Mentions left to the alignment: in one row, values of one kind and thing whose surrounding
    words overlap ("police said Friday" and "police said on Friday", not "argued Thursday") are one fact."""
    by_row: dict[tuple[int, tuple[str, ...]], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, item in enumerate(items):
        if item.group >= 0 or item.row < 0:
            continue
        by_row[(item.row, _loose_key(item))][item.mention.doc].append(index)
    for per_doc in by_row.values():
        if len(per_doc) < 2:
            continue
        docs = sorted(per_doc)
        for position, doc in enumerate(docs):
            for index in per_doc[doc]:
                # The next few documents of the row only: a row that a thousand tiny documents share
                # costs a thousand times a few comparisons, not a million (joins carry through).
                for other_doc in docs[position + 1 : position + 1 + MAX_MATES]:
                    candidates = per_doc[other_doc][:MAX_MATES]
                    partner = next((i for i in candidates if _same_context(items[i], items[index])), None)
                    if partner is not None:
                        groups.union_apart(index, partner)


def _same_context(first: _Item, second: _Item) -> bool:
    """Whether two row-mates are said in the same words around them: one shared term, or two for a
    date or a time (a day is named beside many things: "argued Thursday", "said Friday")."""
    needed = 2 if first.mention.claim.kind in (ClaimKind.DATE, ClaimKind.TIME, ClaimKind.YEAR) else 1
    return len(first.context & second.context) >= needed


def _loose_key(item: _Item) -> tuple[str, ...]:
    """What two mentions of one row must share to be one fact: kind, unit, and for counts the thing."""
    claim = item.mention.claim
    assert claim.reading is not None
    if item.key is not None:
        key = tuple(part for part in item.key if not part.startswith("#"))
        return (*key, item.anchor) if key[-1] else key
    if claim.kind is ClaimKind.QUANTITY:
        return (claim.kind.value, thing_class(claim) or claim.slot.lower())
    return (claim.kind.value, claim.reading.unit if claim.kind is not ClaimKind.MONEY else claim.slot)


def _fact(mentions: list[Mention], keys: dict[tuple[int, int], tuple[str, ...]]) -> Fact:
    mentions.sort(key=lambda m: (m.doc, m.claim.start))
    found = Counter(keys[(m.doc, m.claim.start)] for m in mentions if (m.doc, m.claim.start) in keys)
    return Fact(
        id="",
        label=fact_label(mentions, found.most_common(1)[0][0] if found else ()),
        kind=mentions[0].claim.kind,
        mentions=tuple(mentions),
        clashes=tuple(_clashes(mentions)),
    )


def _clashes(mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """Pairs of mentions whose readings cannot both be true.

    Each document's first statement of a value stands for its repeats (a headline and a lead that
    give the same figure): a pair is listed once for every two documents and two clashing values,
    and once inside a document that states both.
    """
    by_value: dict[tuple[float, float, float, str, str], dict[int, int]] = defaultdict(dict)
    for index, mention in enumerate(mentions):
        reading = mention.claim.reading
        assert reading is not None
        key = (reading.low, reading.high, reading.precision, reading.unit, reading.form.value)
        by_value[key].setdefault(mention.doc, index)
    values = sorted(by_value, key=lambda value: -len(by_value[value]))[:MAX_READINGS]
    found: list[tuple[int, int]] = []
    for position, first in enumerate(values):
        for second in values[position + 1 :]:
            a = mentions[next(iter(by_value[first].values()))].claim.reading
            b = mentions[next(iter(by_value[second].values()))].claim.reading
            assert a is not None and b is not None
            if not comparable(a, b) or agree(a, b):
                continue
            for i in by_value[first].values():
                for j in by_value[second].values():
                    found.append((min(i, j), max(i, j)))
                    if len(found) >= MAX_CLASHES:
                        return sorted(found)
    return sorted(found)


def _dispute_order(fact: Fact) -> tuple[int, int, int]:
    clashing_docs = {fact.mentions[index].doc for pair in fact.clashes for index in pair}
    return (-len(clashing_docs), -len(fact.docs), fact.mentions[0].doc)


def _with_id(fact: Fact, number: int) -> Fact:
    return Fact(id=f"f{number}", label=fact.label, kind=fact.kind, mentions=fact.mentions, clashes=fact.clashes)
