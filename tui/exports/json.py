"""The JSON export (version 2): a stable contract that other tools and our own checks read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from tui import __version__
from tui.engine.model import Claim, Comparison, Fact, Row, Sentence
from tui.exports.registry import ExportOptions
from tui.visible import escape_for_json

FORMAT_VERSION = 2


def to_dict(comparison: Comparison, *, embed_texts: bool = False) -> dict[str, Any]:
    """The comparison as plain JSON-ready data, in a fixed order."""
    ids = [document.id for document in comparison.documents]
    data = _head(comparison, embed_texts=embed_texts)
    data["rows"] = [_row(comparison, row, ids) for row in comparison.rows]
    data.update(_tail(comparison))
    return data


def _head(comparison: Comparison, *, embed_texts: bool = False) -> dict[str, Any]:
    head: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "generator": f"claimdiff {__version__}",
        "documents": [
            {
                "id": document.id,
                "path": document.path,
                "label": document.label,
                "title": document.title,
                "published": document.published,
                "site": document.site,
                "note": document.note,
                "format": document.format,
                "characters": len(document.text),
                "sentences": len(comparison.sentences[doc]),
            }
            | ({"text": document.text} if embed_texts else {})
            for doc, document in enumerate(comparison.documents)
        ],
        "summary": {
            "rows": len(comparison.rows),
            "shared": sum(1 for row in comparison.rows if row.kind.value == "shared"),
            "conflicts": sum(1 for row in comparison.rows if row.kind.value == "conflict"),
            "unique": sum(1 for row in comparison.rows if row.kind.value == "unique"),
        },
    }
    return head


def _tail(comparison: Comparison) -> dict[str, Any]:
    ids = [document.id for document in comparison.documents]
    return {
        "facts": [_fact(comparison, fact, ids) for fact in comparison.facts],
        "self_contradictions": [
            {
                "doc": ids[item.doc],
                "slot": item.slot,
                "kind": item.kind,
                "fact": item.fact,
                "first": _claim(item.first, item.first_sentence),
                "second": _claim(item.second, item.second_sentence),
            }
            for item in comparison.self_contradictions
        ],
        "passages": [
            {
                "words": passage.words,
                "text": passage.text,
                "occurrences": [
                    {"doc": ids[doc], "start": start, "end": end} for doc, start, end in passage.occurrences
                ],
            }
            for passage in comparison.passages
        ],
    }


def _row(comparison: Comparison, row: Row, ids: list[str]) -> dict[str, Any]:
    texts = comparison.documents
    return {
        "kind": row.kind.value,
        "score": row.score,
        "cells": [
            {
                "doc": ids[cell.doc],
                "sentences": [_sentence(comparison.sentences[cell.doc][index]) for index in cell.sentences],
                "claims": [
                    _claim(claim, index)
                    for index in cell.sentences
                    for claim in comparison.claims.get((cell.doc, index), [])
                ],
            }
            for cell in row.cells
        ],
        "conflicts": [
            {
                "slot": conflict.slot,
                "kind": conflict.kind,
                "fact": conflict.fact,
                "values": {ids[doc]: value for doc, value in conflict.values.items()},
            }
            for conflict in row.conflicts
        ],
        "conflict_places": [
            {ids[doc]: [list(place) for place in places] for doc, places in conflict.places.items()}
            for conflict in row.conflicts
        ],
        "shared": [
            {"doc": ids[doc], "start": span.start, "end": span.end, "text": texts[doc].text[span.start : span.end]}
            for doc, spans in row.spans.items()
            for span in spans
            if span.shared
        ],
        "differs": [
            {"doc": ids[doc], "start": span.start, "end": span.end, "text": texts[doc].text[span.start : span.end]}
            for doc, spans in row.spans.items()
            for span in spans
            if not span.shared
        ],
        "shared_words": row.shared_words,
    }


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
        "boilerplate": sentence.boilerplate,
        "heading": sentence.heading,
    }


def _claim(claim: Claim, sentence: int) -> dict[str, Any]:
    found: dict[str, Any] = {
        "sentence": sentence,
        "kind": claim.kind.value,
        "slot": claim.slot,
        "value": claim.value,
        "qualifier": claim.qualifier,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
    }
    if claim.reading is not None:
        found["reading"] = {
            "low": claim.reading.low,
            "high": claim.reading.high,
            "precision": claim.reading.precision,
            "unit": claim.reading.unit,
            "form": claim.reading.form.value,
        }
        found["thing"] = claim.thing
        found["role"] = claim.role
    elif claim.thing or claim.role:
        found |= {"thing": claim.thing, "role": claim.role}
    return found


def _fact(comparison: Comparison, fact: Fact, ids: list[str]) -> dict[str, Any]:
    return {
        "id": fact.id,
        "label": fact.label,
        "kind": fact.kind.value,
        "mentions": [
            {
                "doc": ids[mention.doc],
                "sentence": mention.sentence,
                "start": mention.claim.start,
                "end": mention.claim.end,
                "text": mention.claim.text,
                "value": mention.claim.value,
                "qualifier": mention.claim.qualifier,
            }
            for mention in fact.mentions
        ],
        "clashes": [list(pair) for pair in fact.clashes],
    }


def chunks(comparison: Comparison, *, embed_texts: bool = False) -> Iterator[str]:
    """The export as pieces of text, a few hundred rows at a time, so that a large export is never held
    whole as Python objects; joined, they are exactly ``dumps``.

    One line of compact JSON (UTF-8) ending in a newline. Terminal controls, bidi and zero-width
    characters are written as ``\\u`` escapes: the decoded text is exact, and printing the export
    on a terminal is harmless. Pipe it through ``jq`` or ``python -m json.tool`` to read it.
    """
    ids = [document.id for document in comparison.documents]
    head = _encode(_head(comparison, embed_texts=embed_texts))
    yield head[:-1] + ',"rows":['
    for first in range(0, len(comparison.rows), ROWS_PER_CHUNK):
        batch = [_row(comparison, row, ids) for row in comparison.rows[first : first + ROWS_PER_CHUNK]]
        yield ("," if first else "") + _encode(batch)[1:-1]
    yield "]," + _encode(_tail(comparison))[1:] + "\n"


ROWS_PER_CHUNK = 200
"""Rows encoded in one call: few enough to hold as objects, enough to spare the encoder's per-call cost."""

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _encode(data: dict[str, Any] | list[dict[str, Any]]) -> str:
    return escape_for_json(_ENCODER.encode(data))


def dumps(comparison: Comparison, *, embed_texts: bool = False) -> str:
    """The whole export as one string (see ``chunks``); ``embed_texts`` adds each document's text."""
    return "".join(chunks(comparison, embed_texts=embed_texts))


_DEFAULTS = ExportOptions()


def write(comparison: Comparison, stream: TextIO, options: ExportOptions = _DEFAULTS) -> None:
    """Write the export to ``stream`` a few hundred rows at a time."""
    for chunk in chunks(comparison, embed_texts=options.embed_texts):
        stream.write(chunk)
