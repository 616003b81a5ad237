"""Who copied whom: shared verbatim words and aligned rows for every pair of documents, clustered."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from tui.engine.model import Comparison, SharedPassage
from tui.engine.words import WORD

COPY_WORDS = 20
"""A pair copied text verbatim when they share one run of at least this many words.

Measured on the three 14-outlet stories of ``../shared/bench/news`` (273 pairs): runs of 20 words or
more were all republished paragraphs or wire copy (the longest 302, 86, 49, 43 words), while runs
of 6 to 19 words were mostly quotes every outlet carries, headlines and stock phrases ("Many people
were injured but it is difficult to evacuate them due to traffic jams", 15 words, in 7 outlets).
"""


@dataclass(frozen=True, slots=True)
class Pair:
    """What two documents have in common."""

    words: int
    """Words of verbatim text they share: the words of one document inside runs the other also has
    (the smaller count of the two, so a passage one of them repeats counts once)."""
    rows: int
    """Rows of the comparison that hold both, page furniture (all-boilerplate cells) aside."""
    longest: int
    """Words of the longest verbatim run they share (0 when none)."""
    copied: bool
    """True when ``longest`` reaches the copy threshold: one of them, or a common source, wrote
    what the other carries word for word."""


NO_PAIR = Pair(words=0, rows=0, longest=0, copied=False)


@dataclass(frozen=True, slots=True)
class Provenance:
    """The documents × documents picture of shared text, in an order that keeps copies together."""

    order: tuple[int, ...]
    """Every document once, clustered: documents that share most text stand next to each other."""
    sizes: tuple[int, ...]
    """Words of each document, by document number."""
    pairs: dict[tuple[int, int], Pair]
    """By (a, b) with a < b; pairs that share nothing are left out."""
    copy_words: int = COPY_WORDS

    def pair(self, first: int, second: int) -> Pair:
        """The pair of two documents, in either order (NO_PAIR when they share nothing)."""
        return self.pairs.get((min(first, second), max(first, second)), NO_PAIR)

    def share(self, first: int, second: int) -> float:
        """Shared words as a fraction of the shorter document (0 to 1)."""
        smaller = min(self.sizes[first], self.sizes[second])
        return self.pair(first, second).words / smaller if smaller else 0.0

    def strongest(self) -> tuple[int, int] | None:
        """The pair (a, b), a < b, that shares most words (the first such in document order), if any shares."""
        best = max(self.pairs.items(), key=lambda item: (item[1].words, -item[0][0], -item[0][1]), default=None)
        return best[0] if best is not None and best[1].words else None

    @property
    def copies(self) -> list[tuple[int, int]]:
        """The pairs that copied text verbatim, as (a, b) with a < b, in document order."""
        return sorted(key for key, pair in self.pairs.items() if pair.copied)


def provenance(comparison: Comparison, *, copy_words: int = COPY_WORDS) -> Provenance:
    """Shared words (from ``comparison.passages``) and aligned rows for each pair, and the clustered order.

    Cost: one pass over the passages and the rows, a word count of each document, and an average-
    linkage clustering of the documents (cubic in their number: nothing for a few dozen).
    """
    starts = [[match.start() for match in WORD.finditer(document.text)] for document in comparison.documents]
    sizes = tuple(len(found) for found in starts)
    places: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    longest: dict[tuple[int, int], int] = {}
    for passage in comparison.passages:
        docs = sorted({doc for doc, _, _ in passage.occurrences})
        for position, first in enumerate(docs):
            for second in docs[position + 1 :]:
                key = (first, second)
                longest[key] = max(longest.get(key, 0), passage.words)
                places.setdefault(key, []).extend(passage.occurrences)
    rows = _aligned_rows(comparison)
    pairs: dict[tuple[int, int], Pair] = {}
    for key in sorted(set(places) | set(rows)):
        spots = places.get(key, [])
        words = min(_covered_words(starts[doc], [(s, e) for d, s, e in spots if d == doc]) for doc in key)
        run = longest.get(key, 0)
        pairs[key] = Pair(words=words, rows=rows.get(key, 0), longest=run, copied=run >= copy_words)
    shares = [
        [
            pairs.get((min(a, b), max(a, b)), NO_PAIR).words / max(min(sizes[a], sizes[b]), 1) if a != b else 0.0
            for b in range(len(sizes))
        ]
        for a in range(len(sizes))
    ]
    return Provenance(order=cluster_order(shares), sizes=sizes, pairs=pairs, copy_words=copy_words)


def _aligned_rows(comparison: Comparison) -> dict[tuple[int, int], int]:
    """Rows that hold both documents of a pair, counting only cells that are not all page furniture."""
    counts: dict[tuple[int, int], int] = {}
    sentences = comparison.sentences
    for row in comparison.rows:
        docs = sorted(
            cell.doc for cell in row.cells if not all(sentences[cell.doc][i].boilerplate for i in cell.sentences)
        )
        for position, first in enumerate(docs):
            for second in docs[position + 1 :]:
                counts[(first, second)] = counts.get((first, second), 0) + 1
    return counts


def _covered_words(word_starts: list[int], spans: list[tuple[int, int]]) -> int:
    """Words (by their start offsets, sorted) that begin inside the union of the (start, end) spans."""
    total = 0
    low, high = -1, -1
    for start, end in sorted(spans):
        if start > high:
            total += _words_between(word_starts, low, high)
            low, high = start, end
        else:
            high = max(high, end)
    return total + _words_between(word_starts, low, high)


def _words_between(word_starts: list[int], start: int, end: int) -> int:
    return bisect_left(word_starts, end) - bisect_left(word_starts, start) if end > start else 0


def cluster_order(similarity: list[list[float]]) -> tuple[int, ...]:
    """Documents ordered by average-linkage clustering on ``similarity`` (symmetric, 0 to 1).

    The two clusters most alike on average are joined, each turned so that the two documents that
    meet are as alike as possible; clusters that share nothing are listed by their first document.
    Ties go to the lower document numbers, so the order is deterministic.
    """
    clusters = [[doc] for doc in range(len(similarity))]
    while len(clusters) > 1:
        best: tuple[float, int, int] | None = None
        for i, first in enumerate(clusters):
            for j in range(i + 1, len(clusters)):
                second = clusters[j]
                mean = sum(similarity[a][b] for a in first for b in second) / (len(first) * len(second))
                if mean > 0 and (best is None or mean > best[0]):
                    best = (mean, i, j)
        if best is None:
            break
        _, i, j = best
        clusters[i] = _joined(clusters[i], clusters[j], similarity)
        del clusters[j]
    clusters.sort(key=min)
    return tuple(doc for cluster in clusters for doc in cluster)


def _joined(first: list[int], second: list[int], similarity: list[list[float]]) -> list[int]:
    """``first`` and ``second`` end to end, each turned so that the documents that meet are most alike."""
    options = [
        first + second,
        first + second[::-1],
        first[::-1] + second,
        first[::-1] + second[::-1],
    ]
    best = options[0]
    for option in options[1:]:
        if similarity[option[len(first) - 1]][option[len(first)]] > similarity[best[len(first) - 1]][best[len(first)]]:
            best = option
    return best


def pair_passages(comparison: Comparison, first: int, second: int, *, limit: int = 5) -> list[SharedPassage]:
    """The longest verbatim runs two documents share, longest first, at most ``limit``.

    A run that stands inside a longer one already listed (in ``first``) is left out: a wire
    sentence three outlets carry is part of the longer run two of them share.
    """
    found: list[SharedPassage] = []
    taken: list[tuple[int, int]] = []
    for passage in comparison.passages:
        if not {first, second} <= {doc for doc, _, _ in passage.occurrences}:
            continue
        spans = [(start, end) for doc, start, end in passage.occurrences if doc == first]
        if all(any(s <= start and end <= e for s, e in taken) for start, end in spans):
            continue
        found.append(passage)
        taken.extend(spans)
        if len(found) == limit:
            break
    return found
