"""Shared and differing words inside a row, and verbatim runs of words that documents share."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Sequence
from itertools import groupby, pairwise

import numpy as np
from rapidfuzz.distance import Indel

from tui.engine.model import SharedPassage, Span
from tui.engine.words import WORD, Word

MIN_RUN_WORDS = 6
"""A verbatim run must be at least this many words long to count as a shared passage."""


def surface(word: Word) -> str:
    """The form two words are compared in: lower case, curly apostrophes straightened."""
    return _surface_text(word.text)


def _surface_text(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


PARTNERS_PER_CELL = 4
"""In a row of many documents, each cell is compared with the few cells most like it."""


def word_spans(cells: Sequence[Sequence[Word]]) -> list[list[Span]]:
    """For each cell's words, runs marked shared (found in order in another cell) or not.

    Each cell is compared by the Indel opcodes of word sequences (RapidFuzz) with the cells that
    share most words with it (all of them in a row of up to five); a word in an ``equal`` block
    with any of them is shared. Runs are merged so that a cell's spans alternate.
    """
    keys = [[surface(word) for word in cell] for cell in cells]
    shared = [[False] * len(cell) for cell in cells]
    for first, second in _pairs_to_compare(keys):
        for opcode in Indel.opcodes(keys[first], keys[second]):
            if opcode.tag != "equal":
                continue
            shared[first][opcode.src_start : opcode.src_end] = [True] * (opcode.src_end - opcode.src_start)
            shared[second][opcode.dest_start : opcode.dest_end] = [True] * (opcode.dest_end - opcode.dest_start)
    return [_runs(cell, marks) for cell, marks in zip(cells, shared, strict=True)]


RANKED_CELLS = 40
"""Up to this many cells in a row, each is compared with the cells sharing most words with it; in a
larger row (hundreds of tiny documents) with the next few in order, so the cost stays linear."""


def _pairs_to_compare(keys: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    count = len(keys)
    if count <= PARTNERS_PER_CELL + 1:
        return [(first, second) for first in range(count) for second in range(first + 1, count)]
    if count > RANKED_CELLS:
        return [(first, (first + step) % count) for first in range(count) for step in range(1, PARTNERS_PER_CELL + 1)]
    vocabularies = [set(found) for found in keys]
    pairs: set[tuple[int, int]] = set()
    for first in range(count):
        ranked = sorted(
            (other for other in range(count) if other != first),
            key=lambda other: (-len(vocabularies[first] & vocabularies[other]), other),
        )
        pairs.update((min(first, other), max(first, other)) for other in ranked[:PARTNERS_PER_CELL])
    return sorted(pairs)


def _runs(cell: Sequence[Word], marks: Sequence[bool]) -> list[Span]:
    runs: list[Span] = []
    first = 0
    for mark, group in groupby(marks):
        last = first + sum(1 for _ in group) - 1
        runs.append(Span(cell[first].start, cell[last].end, mark))
        first = last + 1
    return runs


def verbatim_passages(texts: Sequence[str], *, min_words: int = MIN_RUN_WORDS) -> list[SharedPassage]:
    """Maximal runs of at least ``min_words`` words that two or more documents share verbatim.

    Each document's words are hashed in windows of ``min_words`` (NumPy, so a long document costs
    little); only windows that occur in two documents or more are kept as seeds, and each seed is
    extended, partner by partner, as far as both texts agree: every pair of documents gets its own
    longest runs, so a run two outlets share stays a passage when a third shares a longer one
    with either. Runs are reported once per distinct wording, with every place each document has
    it, longest first; a pair's runs can therefore nest inside a longer run of other documents.
    Memory: a few compact arrays per document.
    """
    vocabulary: dict[str, int] = {}
    keys: list[array[int]] = []
    bounds: list[tuple[array[int], array[int]]] = []
    for text in texts:
        found, starts, ends = array("q"), array("q"), array("q")
        lowered = _surface_text(text)
        if len(lowered) == len(text):  # lower-casing kept every offset: take words from the lowered text
            for match in WORD.finditer(lowered):
                found.append(vocabulary.setdefault(match.group(), len(vocabulary)))
                start, end = match.span()
                starts.append(start)
                ends.append(end)
        else:
            for match in WORD.finditer(text):
                found.append(vocabulary.setdefault(_surface_text(match.group()), len(vocabulary)))
                starts.append(match.start())
                ends.append(match.end())
        keys.append(found)
        bounds.append((starts, ends))
    runs: dict[tuple[int, int, int], set[tuple[int, int]]] = defaultdict(set)
    """(doc, start, length) of a run's first seen copy -> every (doc, start) that has the same words."""
    wording: dict[bytes, tuple[int, int, int]] = {}
    covered = [bytearray(len(found)) for found in keys]
    place_docs, place_positions, bounds_of = _shared_windows(keys, min_words)
    for low, high in pairwise(bounds_of):
        places: list[tuple[int, int]] = []
        for doc, position in zip(place_docs[low:high], place_positions[low:high], strict=True):
            if covered[doc][position]:
                continue
            places = places or list(zip(place_docs[low:high], place_positions[low:high], strict=True))
            widest = (position, position)
            for start, end, other_doc, other_start in _pair_runs(keys, places, doc, position, min_words):
                # Each partner's own longest run with this document is a passage of the two, even
                # when a third document shares a longer run here (a wire copy quoted by several).
                signature = keys[doc][start:end].tobytes()
                first_copy = wording.setdefault(signature, (doc, start, end - start))
                runs[first_copy].update(((doc, start), (other_doc, other_start)))
                if end - start > widest[1] - widest[0]:
                    widest = (start, end)
            start, end = widest
            if end - start >= min_words:
                covered[doc][start : end - min_words + 1] = b"\x01" * (end - min_words + 1 - start)
    passages = []
    for (_, _, length), copies in runs.items():
        occurrences = tuple(
            sorted((doc, bounds[doc][0][start], bounds[doc][1][start + length - 1]) for doc, start in copies)
        )
        if len({doc for doc, _, _ in occurrences}) < 2:
            continue
        doc, first, last = occurrences[0]
        passages.append(SharedPassage(length, texts[doc][first:last], occurrences))
    passages.sort(key=lambda passage: (-passage.words, passage.occurrences))
    return passages


_MAX_PLACES = 64
"""A window found more often than this (a refrain, a repeated copy) seeds from its first places only."""


def _shared_windows(keys: Sequence[array[int]], width: int) -> tuple[list[int], list[int], list[int]]:
    """Places of each window of ``width`` words found in two documents or more, bucket by bucket.

    Returns the places' documents and positions, and where each bucket starts (with the end last).
    A bucket holds one window's places in reading order (documents in turn, positions ascending), at
    most ``_MAX_PLACES`` of them; buckets come in the order their window first appears. NumPy
    throughout: a long pair whose every window is shared costs a few array passes.
    """
    hashes: list[np.ndarray] = []
    for found in keys:
        if len(found) < width:
            hashes.append(np.zeros(0, dtype=np.uint64))
            continue
        ids = np.frombuffer(found, dtype=np.int64).astype(np.uint64)
        windows = np.lib.stride_tricks.sliding_window_view(ids, width)
        powers = np.array([pow(1_000_003, k, 2**64) for k in range(width - 1, -1, -1)], dtype=np.uint64)
        with np.errstate(over="ignore"):
            hashes.append((windows * powers).sum(axis=1, dtype=np.uint64))
    if not hashes:
        return [], [], [0]
    values, counts = np.unique(
        np.concatenate([np.unique(window_hashes) for window_hashes in hashes]), return_counts=True
    )
    shared = values[counts >= 2]
    found_in = [np.flatnonzero(np.isin(window_hashes, shared)) for window_hashes in hashes]
    docs = np.concatenate([np.full(len(positions), doc, dtype=np.int64) for doc, positions in enumerate(found_in)])
    positions = np.concatenate(found_in).astype(np.int64)
    if not len(positions):
        return [], [], [0]
    window = np.concatenate([window_hashes[places] for window_hashes, places in zip(hashes, found_in, strict=True)])
    order = np.argsort(window, kind="stable")  # by window, each window's places in reading order
    ordered = window[order]
    opens = np.ones(len(order), dtype=bool)
    opens[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(opens)
    bucket = np.cumsum(opens) - 1
    kept = np.arange(len(order)) - starts[bucket] < _MAX_PLACES
    order, bucket = order[kept], bucket[kept]
    starts = np.flatnonzero(np.r_[True, bucket[1:] != bucket[:-1]])
    ends = np.r_[starts[1:], len(order)]
    kept_docs = docs[order]
    several = np.minimum.reduceat(kept_docs, starts) != np.maximum.reduceat(kept_docs, starts)
    by_appearance = np.argsort(order[starts][several], kind="stable")
    starts, ends = starts[several][by_appearance], ends[several][by_appearance]
    sizes = ends - starts
    bounds = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=bounds[1:])
    picked = np.repeat(starts - bounds[:-1], sizes) + np.arange(bounds[-1])
    return kept_docs[picked].tolist(), positions[order][picked].tolist(), bounds.tolist()


def _pair_runs(
    keys: Sequence[array[int]], places: Sequence[tuple[int, int]], doc: int, position: int, width: int
) -> list[tuple[int, int, int, int]]:
    """(start, end, other document, its start) of the run each partner shares with a window of ``doc``.

    The window is extended as far as that partner's copy agrees. Hash collisions are ruled out
    here: a partner counts only where the words themselves agree.
    """
    own = keys[doc]
    found = []
    for other_doc, other_position in places:
        if other_doc == doc:
            continue
        theirs = keys[other_doc]
        if own[position : position + width] != theirs[other_position : other_position + width]:
            continue
        before = _agreeing(own, position, theirs, other_position, forward=False)
        after = width + _agreeing(own, position + width, theirs, other_position + width, forward=True)
        found.append((position - before, position + after, other_doc, other_position - before))
    return found


def _agreeing(own: array[int], mine: int, theirs: array[int], their: int, *, forward: bool) -> int:
    """How many words agree from ``mine`` in ``own`` and ``their`` in ``theirs``, going forward (from
    those places on) or back (from just before them).

    Compared in slices that double while they agree and halve when they do not, so a run of a
    whole chapter costs a few dozen slice comparisons rather than a Python step per word.
    """
    limit = min(len(own) - mine, len(theirs) - their) if forward else min(mine, their)
    length, step = 0, 8
    while length < limit:
        size = min(step, limit - length)
        if forward:
            same = own[mine + length : mine + length + size] == theirs[their + length : their + length + size]
        else:
            same = own[mine - length - size : mine - length] == theirs[their - length - size : their - length]
        if same:
            length += size
            step *= 2
        elif size == 1:
            break
        else:
            step = size // 2
    return length
