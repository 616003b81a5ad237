"""Group the sentences of N documents into rows that say the same thing, in a shared reading order.

The method, in three steps:

1. For every pair of documents (with many documents, each with its most alike others), score the
   best few candidate partners of each sentence, chain the similar sentences in order (the
   heaviest increasing chain), keep the confident links, accept out-of-order pairs when they are
   strong mutual best matches (outlets move paragraphs around; such a pair displaces much weaker
   chain links), and let a sentence take its neighbour along where one outlet split what another
   wrote as one sentence.
2. Merge the links of all pairs, strongest first, into groups; a group takes at most one
   contiguous run of sentences from each document.
3. Order the groups so that every document reads in its own order as far as possible.
"""

from __future__ import annotations

import functools
import heapq
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
from scipy import sparse

from tui.engine.banding import banded_pairs, is_dense, ranked_table
from tui.engine.similarity import TermSpace, best_of_each

Key = tuple[int, int]
"""(document, sentence index)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class AlignOptions:
    """Settings of the aligner; thresholds are pair scores in [0, 1]."""

    candidate: float = 0.12
    """Pairs below this are not considered at all."""
    fuzzy_weight: float = 0.1
    """Share of a pair's score from RapidFuzz's ratio of the two term sequences (the rest is the
    IDF cosine): it rewards the same words in the same order. Measured: Mark F1 0.853 → 0.855 at
    0.1; at 0.3 Mark gains more (0.858) but a reworded seed sentence loses its row, so 0.1."""
    candidates_per_sentence: int = 8
    """Each sentence keeps only its best few partners in the other document (blocking), so that
    a pair of long documents on one subject costs what its good pairs cost, not their product."""
    link: float = 0.30
    """An in-order pair at least this similar is linked on its own strength."""
    supported_link: float = 0.16
    """A weaker in-order pair is linked when its chain neighbours are linked right beside it."""
    crossing: float = 0.45
    """An out-of-order pair must be this similar, and each the other's best match."""
    crossing_margin: float = 0.3
    """An out-of-order pair displaces chain links of its sentences weaker than it by this much."""
    split_gain: float = 0.1
    """How much reading a neighbour along must raise the similarity to count as a split."""
    row_floor: float = 0.22
    """A row whose links score below this on average is not trusted: its sentences keep rows of
    their own (measured: Mark F1 unchanged at 0.855; on a 14-outlet story such rows paired
    unrelated sentences, "a Kraft representative confirmed …" with "Wilson's family …")."""
    partners_per_document: int = 10
    """With many documents, each is aligned with this many of the most alike others (not all),
    and rows join through them; a pair of documents costs work, their number grows as N, not N²."""


@dataclass(slots=True)
class Link:
    """Two sentences of two documents that say the same thing."""

    score: float
    left: Key
    right: Key


@dataclass(slots=True)
class Group:
    """Sentences of several documents in one row: per document a contiguous run."""

    members: dict[int, list[int]] = field(default_factory=dict)
    scores: list[float] = field(default_factory=list)

    @property
    def score(self) -> float:
        """The mean of the link scores. Below eight values NumPy's mean is this very loop (its pairwise
        sum starts with a plain one), so the plain loop gives the same bits without NumPy's overhead."""
        if not self.scores:
            return 0.0
        if len(self.scores) >= 8:
            return float(np.mean(self.scores))
        total = 0.0  # not sum(): from Python 3.12 it compensates, and the bits would differ
        for value in self.scores:
            total += value
        return total / len(self.scores)


def align(
    space: TermSpace,
    counts: Sequence[int],
    *,
    boilerplate: Sequence[Sequence[bool]] | None = None,
    solitary: Sequence[Sequence[int]] | None = None,
    options: AlignOptions | None = None,
    on_pair: Callable[[int, int], None] | None = None,
) -> list[Group]:
    """Align the sentences of ``len(counts)`` documents into ordered groups.

    Every sentence of every document is in exactly one group, and each group holds at most one
    contiguous run of sentences per document. Boilerplate links only with boilerplate. ``solitary``
    gives each sentence a number: -1 for ordinary ones, else the same number for the same wording;
    a solitary sentence (a byline, a dateline) links only with the same wording, so two outlets'
    different dates or bylines never share a row.
    ``on_pair(done, total)`` is called before each pair of documents is aligned (it may raise to
    stop the work).
    """
    options = options or AlignOptions()
    flags = boilerplate or [[False] * count for count in counts]
    alone = solitary or [[-1] * count for count in counts]
    links: list[Link] = []
    pairs = document_pairs(space, len(counts), options.partners_per_document)
    for done, (first, second) in enumerate(pairs):
        if on_pair is not None:
            on_pair(done, len(pairs))
        links.extend(pair_links(space, first, second, flags, options, solitary=alone))
    groups = merge_links(links, counts)
    return reading_order(trusted_groups(groups, options.row_floor), counts)


def trusted_groups(groups: list[Group], floor: float) -> list[Group]:
    """Groups as they are, except weak ones, whose sentences each get a group of their own."""
    kept: list[Group] = []
    for group in groups:
        if len(group.members) > 1 and group.score < floor:
            kept.extend(Group(members={doc: list(run)}) for doc, run in group.members.items())
        else:
            kept.append(group)
    return kept


def document_pairs(space: TermSpace, documents: int, partners: int) -> list[tuple[int, int]]:
    """The pairs of documents to align: all of them for a few documents; else each document with
    its ``partners`` most alike others (cosine of whole-document vectors), in a fixed order.
    """
    every = [(first, second) for first in range(documents) for second in range(first + 1, documents)]
    if documents <= partners + 1:
        return every
    alike = space.document_similarities()
    chosen: set[tuple[int, int]] = set()
    for doc in range(documents):
        ranked = sorted((other for other in range(documents) if other != doc), key=lambda o: (-alike[doc, o], o))
        chosen.update((min(doc, other), max(doc, other)) for other in ranked[:partners])
    return sorted(chosen)


def pair_links(
    space: TermSpace,
    first: int,
    second: int,
    boilerplate: Sequence[Sequence[bool]],
    options: AlignOptions,
    *,
    solitary: Sequence[Sequence[int]] | None = None,
) -> list[Link]:
    """Links between the sentences of two documents."""
    rows, cols, cosines = candidate_pairs(space, first, second, options)
    scores = space.blended(first, second, rows, cols, cosines, weight=options.fuzzy_weight)
    keep = np.asarray(boilerplate[first], dtype=bool)[rows] == np.asarray(boilerplate[second], dtype=bool)[cols]
    if solitary is not None:
        keep &= np.asarray(solitary[first], dtype=np.int64)[rows] == np.asarray(solitary[second], dtype=np.int64)[cols]
    rows, cols, scores = rows[keep], cols[keep], scores[keep]
    if len(scores) == 0:
        return []
    lookup = PairScores(rows, cols, scores)
    chain = heaviest_chain(rows, cols, scores - options.candidate)
    chosen: dict[int, int] = {}
    for position, (a, b) in enumerate(chain):
        score = lookup[(a, b)]
        beside = (position > 0 and chain[position - 1] == (a - 1, b - 1)) or (
            position + 1 < len(chain) and chain[position + 1] == (a + 1, b + 1)
        )
        if score >= options.link or (score >= options.supported_link and beside):
            chosen[a] = b
    _take_crossings(rows, cols, scores, chosen, lookup, options)
    links = [Link(lookup[(a, b)], (first, a), (second, b)) for a, b in sorted(chosen.items())]
    links.extend(_split_links(space, first, second, links, lookup, options))
    return links


BLOCK_CELLS = 4_000_000
"""Sentence pairs scored at once: the product of two long documents is taken in row blocks of
about this many cells, so memory stays bounded however long the documents are."""


def candidate_pairs(
    space: TermSpace, first: int, second: int, options: AlignOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs worth aligning (rows of ``first``, columns of ``second``, cosine), blocked.

    Sentences with the same terms are scored once (a page that repeats a line ten thousand times
    costs what one line costs); a pair of repeated wordings is then spread over their copies in
    order, so repeated sentences still align copy by copy: each copy of a wording that chose the
    other among its best is paired with the other's copies at the same relative place and their
    neighbours. A wording repeated a thousand times that many others choose costs each of them
    only its own copies, so the pairs stay a few per sentence.
    """
    left_keys, left_copies = _wordings(space.term_ids[first])
    right_keys, right_copies = _wordings(space.term_ids[second])
    left = space.vectors[first][left_keys]
    right = space.vectors[second][right_keys]
    rows, cols, scores, chosen_by = _best_pairs(left, right, options)
    return _spread(rows, cols, scores, chosen_by, left_copies, right_copies, space.vectors[second].shape[0])


def _wordings(term_ids: Sequence[tuple[int, ...]]) -> tuple[np.ndarray, list[np.ndarray]]:
    """One representative sentence per distinct set of terms, and the positions of each set's copies."""
    seen: dict[tuple[int, ...], list[int]] = {}
    for position, found in enumerate(term_ids):
        seen.setdefault(found, []).append(position)
    copies = [np.asarray(positions, dtype=np.int64) for positions in seen.values()]
    return np.asarray([positions[0] for positions in copies], dtype=np.int64), copies


ROW_CHOSE = 1
"""The pair is among the best few of its row (a wording of the first document)."""
COLUMN_CHOSE = 2
"""The pair is among the best few of its column (a wording of the second document)."""


def _best_pairs(
    left: sparse.csr_matrix, right: sparse.csr_matrix, options: AlignOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Pairs that reach ``candidate`` and are among the best few of their row or of their column,
    with which of the two chose each (``ROW_CHOSE | COLUMN_CHOSE`` when both did).

    Rows are scored in blocks: each block's rows keep their best at once, and the columns' best are
    carried from block to block, so what is held stays a few pairs per sentence. Ties go to the
    lower column within a row and to the lower row within a column. A block where most pairs
    reach ``candidate`` (sentences that all share a few names) is ranked as a table, in time
    linear in its cells, rather than by sorting every pair. Where scoring every pair would cost
    more than a few thousand term co-occurrences per sentence (``banding.is_dense``), each
    sentence is scored only against a band around its place and the sentences it shares a rare
    term with.
    """
    if is_dense(left, right):  # every pair would cost the square of the documents: a band instead
        by_row, by_col = _best_in_band(left, right, options)
    else:
        by_row, by_col = _best_of_every_pair(left, right, options)
    rows = np.concatenate([part[0] for part in [*by_row, by_col]])
    cols = np.concatenate([part[1] for part in [*by_row, by_col]])
    scores = np.concatenate([part[2] for part in [*by_row, by_col]])
    reasons = np.full(len(rows), ROW_CHOSE, dtype=np.int8)
    reasons[len(rows) - len(by_col[0]) :] = COLUMN_CHOSE
    _, first_seen, inverse = np.unique(rows * (right.shape[0] + 1) + cols, return_index=True, return_inverse=True)
    chosen_by = np.zeros(len(first_seen), dtype=np.int8)
    np.bitwise_or.at(chosen_by, inverse.ravel(), reasons)
    return rows[first_seen], cols[first_seen], scores[first_seen], chosen_by


def _best_of_every_pair(
    left: sparse.csr_matrix, right: sparse.csr_matrix, options: AlignOptions
) -> tuple[list[_Pairs], _Pairs]:
    """Each block's rows' best pairs, and the columns' best, scoring every pair in blocks."""
    count = options.candidates_per_sentence
    right_t = right.T.tocsc()
    block = max(1, BLOCK_CELLS // max(right.shape[0], 1))
    by_row: list[_Pairs] = []
    by_col: _Pairs = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    for start in range(0, left.shape[0], block):
        product = left[start : start + block] @ right_t
        product.sort_indices()  # row by row, columns in order: the order ties are broken in
        product = product.tocoo()
        keep = product.data >= options.candidate
        rows = product.row[keep].astype(np.int64)
        cols = product.col[keep].astype(np.int64)
        scores = product.data[keep]
        if len(scores) * DENSE_SHARE > product.shape[0] * product.shape[1]:
            table, in_rows, in_columns = ranked_table(product.shape, rows, cols, scores, count)
            row_best = _pairs_of(table, in_rows, start)
            column_best = _pairs_of(table, in_columns, start)
        else:
            best = best_of_each(rows, scores, count)
            row_best = (rows[best] + start, cols[best], scores[best])
            column_best = (rows + start, cols, scores)
        by_row.append(row_best)
        rows = np.concatenate([by_col[0], column_best[0]])
        cols = np.concatenate([by_col[1], column_best[1]])
        scores = np.concatenate([by_col[2], column_best[2]])
        best = best_of_each(cols, scores, count)
        by_col = (rows[best], cols[best], scores[best])
    return by_row, by_col


def _best_in_band(
    left: sparse.csr_matrix, right: sparse.csr_matrix, options: AlignOptions
) -> tuple[list[_Pairs], _Pairs]:
    """The rows' best pairs and the columns' best among the pairs a band and rare terms find."""
    count = options.candidates_per_sentence
    rows, cols, scores = banded_pairs(left, right, options.candidate, count)
    by_row = best_of_each(rows, scores, count)
    by_col = best_of_each(cols, scores, count)
    return [(rows[by_row], cols[by_row], scores[by_row])], (rows[by_col], cols[by_col], scores[by_col])


DENSE_SHARE = 8
"""A block is ranked as a table when more than one cell in this many holds a candidate pair."""


def _pairs_of(table: np.ndarray, mask: np.ndarray, start: int) -> _Pairs:
    """The (row + ``start``, column, value) of the cells ``mask`` marks, row by row, columns in order."""
    rows, cols = np.nonzero(mask)
    return rows.astype(np.int64) + start, cols.astype(np.int64), table[rows, cols]


def _spread(
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    chosen_by: np.ndarray,
    left_copies: list[np.ndarray],
    right_copies: list[np.ndarray],
    columns: int,
) -> _Pairs:
    """Pairs of wordings turned into pairs of sentences: one pair for single copies; for repeated
    wordings, each copy of the wording (or both) that chose the pair with the other document's
    copies at the same relative place (± one)."""
    left_count = np.fromiter((len(copies) for copies in left_copies), dtype=np.int64, count=len(left_copies))
    right_count = np.fromiter((len(copies) for copies in right_copies), dtype=np.int64, count=len(right_copies))
    single = (left_count[rows] == 1) & (right_count[cols] == 1)
    left_first = np.fromiter((copies[0] for copies in left_copies), dtype=np.int64, count=len(left_copies))
    right_first = np.fromiter((copies[0] for copies in right_copies), dtype=np.int64, count=len(right_copies))
    found_rows, found_cols = [left_first[rows[single]]], [right_first[cols[single]]]
    found_scores = [scores[single]]
    repeated = ~single
    if repeated.any():
        # Pairs of repeated wordings, taken together by their numbers of copies and by who chose
        # them (one band each): copy j of wording w is flat[start[w] + j], so a group's pairs are
        # two gathers.
        left_flat, left_start = _flattened(left_copies)
        right_flat, right_start = _flattened(right_copies)
        mine, theirs, score, chooser = rows[repeated], cols[repeated], scores[repeated], chosen_by[repeated]
        mine_count, theirs_count = left_count[mine], right_count[theirs]
        combination = (mine_count * (int(right_count.max()) + 1) + theirs_count) * 4 + chooser
        order = np.argsort(combination, kind="stable")
        bounds = np.flatnonzero(np.r_[True, combination[order][1:] != combination[order][:-1], True])
        for low, high in pairwise(bounds.tolist()):
            group = order[low:high]
            a, b = _band(int(mine_count[group[0]]), int(theirs_count[group[0]]), int(chooser[group[0]]))
            found_rows.append(left_flat[left_start[mine[group]][:, None] + a].ravel())
            found_cols.append(right_flat[right_start[theirs[group]][:, None] + b].ravel())
            found_scores.append(np.repeat(score[group], len(a)))
    all_rows, all_cols = np.concatenate(found_rows), np.concatenate(found_cols)
    all_scores = np.concatenate(found_scores)
    _, first_seen = np.unique(all_rows * (columns + 1) + all_cols, return_index=True)
    return all_rows[first_seen], all_cols[first_seen], all_scores[first_seen]


def _flattened(copies: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Every wording's copies in one array, and where each wording's copies start in it."""
    sizes = np.fromiter((len(found) for found in copies), dtype=np.int64, count=len(copies))
    start = np.zeros(len(copies), dtype=np.int64)
    np.cumsum(sizes[:-1], out=start[1:])
    return np.concatenate(copies) if copies else np.zeros(0, dtype=np.int64), start


@functools.lru_cache(maxsize=1024)
def _band(mine: int, theirs: int, chooser: int = ROW_CHOSE | COLUMN_CHOSE) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs that match ``mine`` copies with ``theirs`` copies in order: each copy of the side
    that chose the pair (``ROW_CHOSE`` for mine, ``COLUMN_CHOSE`` for theirs, or both) with the
    copy at its relative place in the other document and the two beside it. With as many copies on
    both sides, either side gives the same pairs.

    The same counts give the same pairs, so they are worked out once per pair of counts.
    """
    forward = np.arange(mine)
    across = (
        np.rint(forward * (theirs - 1) / max(mine - 1, 1)).astype(np.int64)
        if theirs > 1
        else np.zeros(mine, dtype=np.int64)
    )
    backward = np.arange(theirs)
    back = (
        np.rint(backward * (mine - 1) / max(theirs - 1, 1)).astype(np.int64)
        if mine > 1
        else np.zeros(theirs, dtype=np.int64)
    )
    a_parts, b_parts = [], []
    for shift in (-1, 0, 1):
        if chooser & ROW_CHOSE:
            a_parts.append(forward)
            b_parts.append(np.clip(across + shift, 0, theirs - 1))
        if chooser & COLUMN_CHOSE:
            a_parts.append(np.clip(back + shift, 0, mine - 1))
            b_parts.append(backward)
    a, b = np.concatenate(a_parts), np.concatenate(b_parts)
    a.flags.writeable = False
    b.flags.writeable = False
    return a, b


_Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]


class PairScores:
    """The score of each candidate pair, looked up by bisection in sorted lists of integer keys (no
    dict of millions of tuples for two long documents, and no NumPy call per lookup)."""

    def __init__(self, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray) -> None:
        self._width = int(cols.max()) + 2 if len(cols) else 1
        keys = rows.astype(np.int64) * self._width + cols.astype(np.int64)
        order = np.argsort(keys, kind="stable")
        self._keys: list[int] = keys[order].tolist()
        self._scores: list[float] = scores[order].tolist()

    def get(self, pair: tuple[int, int], default: float = 0.0) -> float:
        row, col = pair
        if col >= self._width - 1 or col < 0:
            return default
        key = row * self._width + col
        index = bisect_left(self._keys, key)
        if index < len(self._keys) and self._keys[index] == key:
            return self._scores[index]
        return default

    def __getitem__(self, pair: tuple[int, int]) -> float:
        found = self.get(pair, -1.0)
        if found < 0:
            raise KeyError(pair)
        return found


def heaviest_chain(rows: np.ndarray, cols: np.ndarray, weights: np.ndarray) -> list[tuple[int, int]]:
    """The chain of pairs, strictly increasing in both row and column, of greatest total weight.

    O(k log n) for k pairs, with a Fenwick tree of prefix maxima over columns, the pairs taken in
    (row, column) order.
    """
    if not len(rows):
        return []
    order = np.lexsort((cols, rows))
    row_list: list[int] = rows[order].tolist()
    col_list: list[int] = cols[order].tolist()
    weight_list: list[float] = weights[order].tolist()
    row_starts = np.flatnonzero(np.r_[True, rows[order][1:] != rows[order][:-1]]).tolist()
    size = int(cols.max()) + 2
    tree_value = [0.0] * (size + 1)
    tree_pair = [-1] * (size + 1)
    total = len(row_list)
    best = [0.0] * total
    back = [-1] * total
    for position, end in zip(row_starts, [*row_starts[1:], total], strict=True):
        for pair in range(position, end):
            # Prefix maximum over columns < col (tree indices are column + 1), inlined: hot loop.
            value, previous = 0.0, -1
            index = col_list[pair]
            while index > 0:
                if tree_value[index] > value:
                    value, previous = tree_value[index], tree_pair[index]
                index -= index & -index
            best[pair] = value + weight_list[pair]
            back[pair] = previous
        for pair in range(position, end):
            value = best[pair]
            index = col_list[pair] + 1
            while index <= size:
                if value > tree_value[index]:
                    tree_value[index], tree_pair[index] = value, pair
                index += index & -index
    top = max(best)
    given = order.tolist()  # among equally heavy chains, the one ending at the pair given first
    pair = min((pair for pair in range(total) if best[pair] == top), key=given.__getitem__)
    chain = []
    while pair != -1:
        chain.append((row_list[pair], col_list[pair]))
        pair = back[pair]
    chain.reverse()
    return chain


def _take_crossings(
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    chosen: dict[int, int],
    lookup: PairScores,
    options: AlignOptions,
) -> None:
    """Add strong pairs off the chain that are each other's best match (a moved paragraph).

    Such a pair also replaces chain links that hold either of its sentences when they are much
    weaker (by ``crossing_margin``): an exact copy moved elsewhere beats a loose in-order match.
    """
    strong = scores >= options.crossing
    if not strong.any():
        return
    mutual = best_of_each(rows, scores, 1) & best_of_each(cols, scores, 1) & strong
    holder = {b: a for a, b in chosen.items()}
    order = np.argsort(-scores[mutual], kind="stable")
    pairs = list(
        zip(rows[mutual][order].tolist(), cols[mutual][order].tolist(), scores[mutual][order].tolist(), strict=True)
    )
    for a, b, score in pairs:
        if chosen.get(a) == b:
            continue
        held = [(a, chosen[a])] if a in chosen else []
        if b in holder:
            held.append((holder[b], b))
        if any(lookup[pair] > score - options.crossing_margin for pair in held):
            continue
        for old_a, old_b in held:
            chosen.pop(old_a, None)
            holder.pop(old_b, None)
        chosen[a] = b
        holder[b] = a


def _split_links(
    space: TermSpace,
    first: int,
    second: int,
    links: list[Link],
    lookup: PairScores,
    options: AlignOptions,
) -> list[Link]:
    """Where one document split a sentence that the other kept whole, link the other half too."""
    linked_first = {link.left[1] for link in links}
    linked_second = {link.right[1] for link in links}
    extra: list[Link] = []
    for link in links:
        a, b = link.left[1], link.right[1]
        for side in (0, 1):
            run = [b] if side == 0 else [a]
            anchor = a if side == 0 else b
            taken = linked_second if side == 0 else linked_first
            doc = second if side == 0 else first
            other = first if side == 0 else second
            limit = space.presence[doc].shape[0]
            current = space.passage_similarity((other, [anchor]), (doc, run))
            for step in (1, -1):
                while True:
                    nxt = (run[-1] + 1) if step == 1 else (run[0] - 1)
                    if nxt < 0 or nxt >= limit or nxt in taken:
                        break
                    direct = lookup.get((anchor, nxt) if side == 0 else (nxt, anchor), 0.0)
                    if direct < options.candidate:
                        break
                    candidate = sorted([*run, nxt])
                    merged = space.passage_similarity((other, [anchor]), (doc, candidate))
                    if merged < current + options.split_gain:
                        break
                    run = candidate
                    current = merged
                    taken.add(nxt)
                    pair = ((first, anchor), (second, nxt)) if side == 0 else ((first, nxt), (second, anchor))
                    extra.append(Link(merged, pair[0], pair[1]))
    return extra


def merge_links(links: list[Link], counts: Sequence[int]) -> list[Group]:
    """Union the links, strongest first, into groups that keep one contiguous run per document."""
    group_of: dict[Key, Group] = {}
    for link in sorted(links, key=lambda item: (-item.score, item.left, item.right)):
        left = group_of.get(link.left)
        right = group_of.get(link.right)
        if left is not None and left is right:
            left.scores.append(link.score)
            continue
        left_members = left.members if left is not None else {link.left[0]: [link.left[1]]}
        right_members = right.members if right is not None else {link.right[0]: [link.right[1]]}
        merged = _merge_members(left_members, right_members)
        if merged is None:
            continue
        group = Group(merged, (left.scores if left else []) + (right.scores if right else []) + [link.score])
        for doc, indices in merged.items():
            for index in indices:
                group_of[(doc, index)] = group
    groups: list[Group] = []
    seen: set[int] = set()
    for doc, count in enumerate(counts):
        for index in range(count):
            found = group_of.get((doc, index))
            if found is None:
                groups.append(Group({doc: [index]}))
            elif id(found) not in seen:
                seen.add(id(found))
                groups.append(found)
    return groups


def _merge_members(left: dict[int, list[int]], right: dict[int, list[int]]) -> dict[int, list[int]] | None:
    merged = {doc: list(indices) for doc, indices in left.items()}
    for doc, indices in right.items():
        if doc in merged:
            union = sorted(set(merged[doc]) | set(indices))
            if union[-1] - union[0] + 1 != len(union):
                return None
            merged[doc] = union
        else:
            merged[doc] = list(indices)
    return dict(sorted(merged.items()))


def reading_order(groups: list[Group], counts: Sequence[int]) -> list[Group]:
    """Order groups so each document's sentences come in their own order wherever possible.

    Each document asks that the group of its sentence k come before the group of sentence k + 1.
    Outlets that reorder make these wishes cycle; a topological order is taken, and where every
    remaining group still waits on another, the one that reads earliest across its documents goes
    first.
    """
    where: dict[Key, int] = {}
    for number, group in enumerate(groups):
        for doc, indices in group.members.items():
            for index in indices:
                where[(doc, index)] = number
    successors: list[set[int]] = [set() for _ in groups]
    waiting = [0] * len(groups)
    for doc, count in enumerate(counts):
        for index in range(count - 1):
            before, after = where[(doc, index)], where[(doc, index + 1)]
            if before != after and after not in successors[before]:
                successors[before].add(after)
                waiting[after] += 1
    position = [_relative_position(group, counts) for group in groups]
    ready = [(position[n], n) for n in range(len(groups)) if waiting[n] == 0]
    heapq.heapify(ready)
    done = [False] * len(groups)
    ordered: list[Group] = []
    remaining = sorted(range(len(groups)), key=lambda n: position[n])
    cursor = 0
    while len(ordered) < len(groups):
        if not ready:
            while done[remaining[cursor]]:
                cursor += 1
            heapq.heappush(ready, (position[remaining[cursor]], remaining[cursor]))
        _, number = heapq.heappop(ready)
        if done[number]:
            continue
        done[number] = True
        ordered.append(groups[number])
        for after in successors[number]:
            waiting[after] -= 1
            if waiting[after] == 0 and not done[after]:
                heapq.heappush(ready, (position[after], after))
    return ordered


def _relative_position(group: Group, counts: Sequence[int]) -> tuple[float, int, int]:
    spots = [indices[0] / max(counts[doc], 1) for doc, indices in group.members.items()]
    first_doc = min(group.members)
    return (float(np.mean(spots)), first_doc, group.members[first_doc][0])
