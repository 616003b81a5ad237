"""Run the whole comparison: documents in, a finished Comparison out, with progress and cancel."""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import accumulate
from typing import BinaryIO

from tui.engine.aligning import AlignOptions, Group, align
from tui.engine.boilerplate import is_boilerplate, is_byline_or_dateline
from tui.engine.collection import rare_full_collections
from tui.engine.conflicts import row_conflicts, self_contradictions
from tui.engine.facts import group_facts
from tui.engine.mentions import extract_claims
from tui.engine.metadata import find_metadata
from tui.engine.model import Cell, Claim, Comparison, Conflict, Document, Row, RowKind, Sentence
from tui.engine.passages import verbatim_passages, word_spans
from tui.engine.progress import Cancelled, Progress, ProgressCallback
from tui.engine.reading import read_documents
from tui.engine.segmenting import segment_many
from tui.engine.similarity import TermSpace
from tui.engine.words import Word, terms, words

_HEADING_END = re.compile(r"[.!?:;…]['\"”’)\]]*$")


def compare_paths(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    on_progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    options: AlignOptions | None = None,
    labels: Sequence[str] = (),
) -> Comparison:
    """Read the files (``-`` is stdin), name them (``labels`` in order, else their outlets), compare them."""
    documents = read_documents(paths, stdin=stdin, labels=labels)
    return compare(documents, on_progress=on_progress, cancelled=cancelled, options=options)


def compare(
    documents: Sequence[Document],
    *,
    on_progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    options: AlignOptions | None = None,
) -> Comparison:
    """Segment, align and check the claims of ``documents``; every sentence ends up in one row."""
    with rare_full_collections():
        return _compare(documents, on_progress=on_progress, cancelled=cancelled, options=options)


def _compare(
    documents: Sequence[Document],
    *,
    on_progress: ProgressCallback | None,
    cancelled: Callable[[], bool] | None,
    options: AlignOptions | None,
) -> Comparison:
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
    read: dict[str, list[str]] = {}  # a wording met again (repeated lines, wire copy) is read once
    space = TermSpace(
        [
            [
                read[sentence.text] if sentence.text in read else read.setdefault(sentence.text, terms(sentence.text))
                for sentence in document
            ]
            for document in sentences
        ]
    )
    step("aligning", 0, 1)
    metadata = [find_metadata(document.text) for document in documents]
    boilerplate = [[sentence.boilerplate for sentence in document] for document in sentences]
    wordings: dict[str, int] = {}
    solitary = [
        [
            wordings.setdefault(" ".join(sentence.text.split()), len(wordings))
            if _is_own_metadata(sentence, metadata[sentence.doc].spans)
            else -1
            for sentence in document
        ]
        for document in sentences
    ]
    groups = align(
        space,
        [len(document) for document in sentences],
        boilerplate=boilerplate,
        solitary=solitary,
        options=options,
        on_pair=lambda done, total: step("aligning", done, total),
    )
    step("claims", 0, 1)
    documents = [
        document if document.published or not found.published else replace(document, published=found.published)
        for document, found in zip(documents, metadata, strict=True)
    ]
    published = [_date(document.published) for document in documents]
    claims = _claims(sentences, [found.spans for found in metadata], published)
    row_of = {
        (doc, index): number
        for number, group in enumerate(groups)
        for doc, run in group.members.items()
        for index in run
    }
    step("facts", 0, 1)
    facts = group_facts(
        sentences,
        claims,
        row_of,
        published=published,
        similarity=lambda doc, first, second: space.passage_similarity((doc, [first]), (doc, [second])),
        row_scores=[group.score for group in groups],
    )
    conflicts = row_conflicts(facts, row_of, len(groups))
    rows = []
    for number, group in enumerate(groups):
        rows.append(_row(group, sentences, conflicts.get(number, [])))
        if number % 200 == 0:
            step("claims", number, len(groups))
    step("passages", 0, 1)
    passages = verbatim_passages([document.text for document in documents])
    contradictions = self_contradictions(facts)
    step("done", 1, 1)
    return Comparison(
        documents=list(documents),
        sentences=sentences,
        rows=rows,
        self_contradictions=contradictions,
        passages=passages,
        claims=claims,
        facts=facts,
    )


def _is_own_metadata(sentence: Sentence, spans: Sequence[tuple[int, int]]) -> bool:
    """A byline or a dateline, or a unit that is all web address and timestamp: it belongs to its
    own document, and two outlets' dates or bylines are never one row. ``spans`` are sorted by start
    (``find_metadata``), so only those around the sentence are looked at."""
    if sentence.boilerplate and is_byline_or_dateline(sentence.text):
        return True
    first = max(bisect_left(spans, (sentence.start, sentence.start)) - 1, 0)
    covered = 0
    for start, end in spans[first:]:
        if start >= sentence.end:
            break
        covered += max(0, min(end, sentence.end) - max(start, sentence.start))
    return covered >= len(sentence.text.strip()) > 0


def _date(iso: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


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


def _claims(
    sentences: Sequence[Sequence[Sentence]],
    metadata: Sequence[Sequence[tuple[int, int]]],
    published: Sequence[datetime.date | None],
) -> dict[tuple[int, int], list[Claim]]:
    """The claims of every sentence but furniture, by (doc, sentence index).

    A wording met again (a page's repeated lines, a wire story's shared sentences) is read once: its
    claims are the first reading's, moved to where it stands. Sentences that touch the document's
    metadata are read on their own, since what they may claim depends on where that metadata lies.
    """
    reaches = [([start for start, _ in spans], list(accumulate((end for _, end in spans), max))) for spans in metadata]
    read: dict[tuple[str, datetime.date | None], list[Claim]] = {}
    found: dict[tuple[int, int], list[Claim]] = {}
    for document in sentences:
        for sentence in document:
            if sentence.boilerplate:
                continue
            when = published[sentence.doc]
            starts, reach = reaches[sentence.doc]
            before = bisect_left(starts, sentence.end)  # the spans that start before the sentence ends
            if before and reach[before - 1] > sentence.start:
                # Only the spans that touch the sentence can touch its claims: those from the first
                # whose reach passes the sentence's start (a page of timestamps has thousands).
                spans = metadata[sentence.doc]
                first = bisect_right(reach, sentence.start, 0, before)
                excluded = [span for span in spans[first:before] if span[1] > sentence.start]
                claims = extract_claims(sentence.text, sentence.start, excluded=excluded, published=when)
            else:
                key = (sentence.text, when)
                if key not in read:
                    read[key] = extract_claims(sentence.text, published=when)
                claims = [
                    replace(claim, start=claim.start + sentence.start, end=claim.end + sentence.start)
                    for claim in read[key]
                ]
            if claims:
                found[(sentence.doc, sentence.index)] = claims
    return found


def _row(group: Group, sentences: Sequence[Sequence[Sentence]], conflicts: list[Conflict]) -> Row:
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
    if conflicts:
        kind = RowKind.CONFLICT
    elif len(cells) == 1:
        kind = RowKind.UNIQUE
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
