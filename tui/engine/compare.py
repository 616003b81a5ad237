"""Run the whole comparison: documents in, a finished Comparison out, with progress and cancel."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import BinaryIO

from tui.engine.aligning import AlignOptions, Group, align
from tui.engine.boilerplate import is_boilerplate
from tui.engine.claims import extract_claims, same_value, shown_value, slot_key, slot_label
from tui.engine.model import Cell, Claim, Comparison, Conflict, Document, Row, RowKind, SelfContradiction, Sentence
from tui.engine.passages import verbatim_passages, word_spans
from tui.engine.reading import read_documents
from tui.engine.segmenting import segment_many
from tui.engine.similarity import TermSpace
from tui.engine.words import Word, terms, words

CONFLICT_KINDS = frozenset({"quantity", "money", "percent", "date", "year"})
"""Claim kinds whose different values make a conflict (names differ by paraphrase, not fact)."""

SELF_CONTRADICTION_SIMILARITY = 0.2
"""Two sentences of one document must be at least this alike for their values to clash."""

_HEADING_END = re.compile(r"[.!?:;…]['\"”’)\]]*$")


class Cancelled(Exception):
    """The comparison was cancelled before it finished."""


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a comparison has come: ``done`` of ``total`` steps of ``stage``."""

    stage: str
    done: int
    total: int


ProgressCallback = Callable[[Progress], None]


def compare_paths(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    on_progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    options: AlignOptions | None = None,
) -> Comparison:
    """Read the files (``-`` is stdin) and compare them."""
    documents = read_documents(paths, stdin=stdin)
    return compare(documents, on_progress=on_progress, cancelled=cancelled, options=options)


def compare(
    documents: Sequence[Document],
    *,
    on_progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    options: AlignOptions | None = None,
) -> Comparison:
    """Segment, align and check the claims of ``documents``; every sentence ends up in one row."""

    def step(stage: str, done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled
        if on_progress is not None:
            on_progress(Progress(stage, done, total))

    step("segmenting", 0, len(documents))
    spans = segment_many(
        [document.text for document in documents], on_progress=lambda done, total: step("segmenting", done, total)
    )
    sentences = [
        _sentences(doc, document.text, found)
        for doc, (document, found) in enumerate(zip(documents, spans, strict=True))
    ]
    step("scoring", 0, 1)
    space = TermSpace([[terms(sentence.text) for sentence in document] for document in sentences])
    step("aligning", 0, 1)
    boilerplate = [[sentence.boilerplate for sentence in document] for document in sentences]
    groups = align(
        space,
        [len(document) for document in sentences],
        boilerplate=boilerplate,
        options=options,
        on_pair=lambda done, total: step("aligning", done, total),
    )
    step("claims", 0, 1)
    claims = {
        (sentence.doc, sentence.index): found
        for document in sentences
        for sentence in document
        if not sentence.boilerplate
        for found in [extract_claims(sentence.text, sentence.start)]
        if found
    }
    rows = []
    for number, group in enumerate(groups):
        rows.append(_row(group, sentences, claims))
        if number % 200 == 0:
            step("claims", number, len(groups))
    step("passages", 0, 1)
    passages = verbatim_passages([document.text for document in documents])
    contradictions = self_contradictions(sentences, claims, space)
    step("done", 1, 1)
    return Comparison(
        documents=list(documents),
        sentences=sentences,
        rows=rows,
        self_contradictions=contradictions,
        passages=passages,
        claims=claims,
    )


def _sentences(doc: int, text: str, spans: Sequence[tuple[int, int]]) -> list[Sentence]:
    """Sentence objects for the spans; a heading is a whole line without final punctuation."""
    newlines = [match.start() for match in re.finditer("\n", text)]
    found = []
    for index, (start, end) in enumerate(spans):
        piece = text[start:end]
        before = bisect_left(newlines, start)
        line_start = newlines[before - 1] + 1 if before else 0
        after = bisect_left(newlines, end)
        line_end = newlines[after] if after < len(newlines) else len(text)
        whole_line = not text[line_start:start].strip() and not text[end:line_end].strip()
        heading = whole_line and not _HEADING_END.search(piece) and len(piece.split()) <= 20
        found.append(
            Sentence(
                doc=doc,
                index=index,
                start=start,
                end=end,
                text=piece,
                boilerplate=is_boilerplate(piece, position=index, count=len(spans)),
                heading=heading,
            )
        )
    return found


def _row(
    group: Group,
    sentences: Sequence[Sequence[Sentence]],
    claims: dict[tuple[int, int], list[Claim]],
) -> Row:
    cells = [Cell(doc, list(indices)) for doc, indices in sorted(group.members.items())]
    cell_words = (
        [
            [
                word
                for index in cell.sentences
                for word in words(sentences[cell.doc][index].text, sentences[cell.doc][index].start)
            ]
            for cell in cells
        ]
        if len(cells) > 1
        else []
    )
    spans = word_spans(cell_words) if len(cells) > 1 else [[] for _ in cells]
    conflicts = row_conflicts(cells, claims) if len(cells) > 1 else []
    if len(cells) == 1:
        kind = RowKind.UNIQUE
    elif conflicts:
        kind = RowKind.CONFLICT
    else:
        kind = RowKind.SHARED
    shared_terms = _shared_terms(cell_words) if len(cells) > 1 else []
    return Row(
        kind=kind,
        cells=cells,
        score=round(group.score, 4),
        conflicts=conflicts,
        spans={cell.doc: found for cell, found in zip(cells, spans, strict=True)},
        shared_words=shared_terms,
    )


def _shared_terms(cell_words: Sequence[Sequence[Word]]) -> list[str]:
    """Words whose terms every cell of the row has, in the first cell's order, once each."""
    term_sets = [{word.term for word in found if word.term} for found in cell_words[1:]]
    shown: list[str] = []
    seen: set[str] = set()
    for word in cell_words[0]:
        if word.term and word.term not in seen and all(word.term in other for other in term_sets):
            seen.add(word.term)
            shown.append(word.text)
    return shown


def row_conflicts(cells: Sequence[Cell], claims: dict[tuple[int, int], list[Claim]]) -> list[Conflict]:
    """Slots for which two documents of a row give values that cannot both be true.

    Two documents clash on a slot when each states a value for it that nothing in the other agrees
    with (``same_value``: "about $1 billion" and "roughly $1 billion" agree). A document that only
    adds a value the other does not mention does not clash. The clashing values are the ones shown
    and highlighted.
    """
    by_slot: dict[str, dict[int, list[Claim]]] = {}
    for cell in cells:
        for index in cell.sentences:
            for claim in claims.get((cell.doc, index), []):
                if claim.kind in CONFLICT_KINDS:
                    by_slot.setdefault(slot_key(claim), {}).setdefault(cell.doc, []).append(claim)
    conflicts = []
    for per_doc in by_slot.values():
        clashing: dict[int, list[Claim]] = {}
        for first, second in combinations(sorted(per_doc), 2):
            left = [a for a in per_doc[first] if not any(same_value(a, b) for b in per_doc[second])]
            right = [b for b in per_doc[second] if not any(same_value(b, a) for a in per_doc[first])]
            if left and right:
                for doc, found in ((first, left), (second, right)):
                    known = clashing.setdefault(doc, [])
                    known.extend(claim for claim in found if claim not in known)
        if not clashing:
            continue
        shown = {doc: clashing.get(doc, found) for doc, found in sorted(per_doc.items())}
        first_claim = next(iter(shown.values()))[0]
        conflicts.append(
            Conflict(
                slot=slot_label(first_claim),
                kind=first_claim.kind,
                values={doc: shown_value(found[0]) for doc, found in shown.items()},
                places={
                    doc: tuple((claim.start, claim.end) for claim in sorted(found, key=lambda c: c.start))
                    for doc, found in sorted(clashing.items())
                },
            )
        )
    return conflicts


def self_contradictions(
    sentences: Sequence[Sequence[Sentence]], claims: dict[tuple[int, int], list[Claim]], space: TermSpace
) -> list[SelfContradiction]:
    """Pairs of claims of one document that fill the same slot with clashing values.

    Only claims of two different sentences about the same thing (similar enough wording) count:
    one article may well give two sums of money for two different deals. Claims are grouped by
    slot first, and the similar sentence pairs of a group come from one sparse product, so a long
    document costs what its similar pairs cost, not the square of its claims.
    """
    found: list[SelfContradiction] = []
    for doc, document in enumerate(sentences):
        by_slot: dict[str, list[tuple[int, Claim]]] = {}
        for sentence in document:
            for claim in claims.get((doc, sentence.index), []):
                if claim.kind in CONFLICT_KINDS:
                    by_slot.setdefault(f"{claim.kind}:{slot_key(claim)}", []).append((sentence.index, claim))
        for stated in by_slot.values():
            if len({index for index, _ in stated}) < 2:
                continue
            found.extend(_clashes_in_slot(doc, stated, space))
    return found


def _clashes_in_slot(doc: int, stated: list[tuple[int, Claim]], space: TermSpace) -> list[SelfContradiction]:
    indices = sorted({index for index, _ in stated})
    by_sentence: dict[int, list[Claim]] = {}
    for index, claim in stated:
        by_sentence.setdefault(index, []).append(claim)
    found = []
    for first_index, second_index in space.similar_pairs(doc, indices, SELF_CONTRADICTION_SIMILARITY):
        clash = next(
            (
                (first, second)
                for first in by_sentence[first_index]
                for second in by_sentence[second_index]
                if not same_value(first, second)
            ),
            None,
        )
        if clash is None:
            continue
        found.append(
            SelfContradiction(
                doc=doc,
                slot=slot_label(clash[0]),
                kind=clash[0].kind,
                first=clash[0],
                second=clash[1],
                first_sentence=first_index,
                second_sentence=second_index,
            )
        )
    return found
