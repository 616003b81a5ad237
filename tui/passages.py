"""Shared and differing words inside a row, and verbatim runs of words that documents share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from tui.model import SharedPassage, Span
from tui.words import Word, words

MIN_RUN_WORDS = 6
"""A verbatim run must be at least this many words long to count as a shared passage."""


def surface(word: Word) -> str:
    """The form two words are compared in: lower case, curly apostrophes straightened."""
    return word.text.lower().replace("’", "'").replace("‘", "'")


def word_spans(cells: Sequence[Sequence[Word]]) -> list[list[Span]]:
    """For each cell's words, runs marked shared (found in order in another cell) or not.

    Each cell is compared with every other one by the Indel opcodes of their word sequences
    (RapidFuzz); a word in an ``equal`` block with any other cell is shared. Runs are merged so
    that a cell's spans alternate between shared and differing.
    """
    keys = [[surface(word) for word in cell] for cell in cells]
    shared = [[False] * len(cell) for cell in cells]
    for first in range(len(cells)):
        for second in range(first + 1, len(cells)):
            for opcode in Indel.opcodes(keys[first], keys[second]):
                if opcode.tag != "equal":
                    continue
                for index in range(opcode.src_start, opcode.src_end):
                    shared[first][index] = True
                for index in range(opcode.dest_start, opcode.dest_end):
                    shared[second][index] = True
    return [_runs(cell, marks) for cell, marks in zip(cells, shared, strict=True)]


def _runs(cell: Sequence[Word], marks: Sequence[bool]) -> list[Span]:
    runs: list[Span] = []
    for word, mark in zip(cell, marks, strict=True):
        if runs and runs[-1].shared == mark:
            runs[-1] = Span(runs[-1].start, word.end, mark)
        else:
            runs.append(Span(word.start, word.end, mark))
    return runs


def verbatim_passages(texts: Sequence[str], *, min_words: int = MIN_RUN_WORDS) -> list[SharedPassage]:
    """Maximal runs of at least ``min_words`` words that two or more documents share verbatim.

    Each document's words are hashed in windows of ``min_words``; a window seen in another
    document seeds a match that is extended as far as both texts agree. Runs are reported once
    per distinct wording, with every place each document has it, longest first.
    """
    tokens = [words(text) for text in texts]
    keys = [[surface(word) for word in found] for found in tokens]
    seen: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for doc, found in enumerate(keys):
        for position in range(len(found) - min_words + 1):
            seen[tuple(found[position : position + min_words])].append((doc, position))
    runs: dict[tuple[str, ...], set[tuple[int, int]]] = defaultdict(set)
    covered: set[tuple[int, int]] = set()
    for places in seen.values():
        if len({doc for doc, _ in places}) < 2:
            continue
        for doc, position in places:
            if (doc, position) in covered:
                continue
            start, end = _widest(keys, places, doc, position, min_words)
            run = tuple(keys[doc][start:end])
            runs[run].add((doc, start))
            covered.update((doc, index) for index in range(start, end - min_words + 1))
    passages = []
    for run, starts in runs.items():
        occurrences = tuple(
            sorted((doc, tokens[doc][start].start, tokens[doc][start + len(run) - 1].end) for doc, start in starts)
        )
        if len({doc for doc, _, _ in occurrences}) < 2:
            continue
        doc, first, last = occurrences[0]
        passages.append(SharedPassage(len(run), texts[doc][first:last], occurrences))
    passages.sort(key=lambda passage: (-passage.words, passage.occurrences))
    return passages


def _widest(
    keys: Sequence[Sequence[str]], places: Sequence[tuple[int, int]], doc: int, position: int, width: int
) -> tuple[int, int]:
    """Extend a window of one document as far as some other document's copy of it agrees."""
    own = keys[doc]
    best = (position, position + width)
    for other_doc, other_position in places:
        if other_doc == doc:
            continue
        theirs = keys[other_doc]
        before = 0
        while (
            position - before > 0
            and other_position - before > 0
            and own[position - before - 1] == theirs[other_position - before - 1]
        ):
            before += 1
        after = width
        while (
            position + after < len(own)
            and other_position + after < len(theirs)
            and own[position + after] == theirs[other_position + after]
        ):
            after += 1
        if after + before > best[1] - best[0]:
            best = (position - before, position + after)
    return best
