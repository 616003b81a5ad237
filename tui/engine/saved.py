"""Reopen a saved comparison: a JSON export with embedded texts back into the exact Comparison, or one clear error."""

from __future__ import annotations

import json
from typing import Any, BinaryIO, TypeVar

from tui.engine.errors import InputError
from tui.engine.model import (
    Cell,
    Claim,
    ClaimKind,
    Comparison,
    Conflict,
    Document,
    Fact,
    Form,
    Mention,
    Reading,
    Row,
    RowKind,
    SelfContradiction,
    Sentence,
    SharedPassage,
    Span,
)
from tui.engine.reading import read_bytes

VERSION = 2
"""The export version this loader reads (``tui.exports.json.FORMAT_VERSION``)."""
MAX_EXPORT_BYTES = 1024 * 1024 * 1024
"""Largest export read: an export repeats its texts in rows and spans, so it is larger than its inputs."""

_T = TypeVar("_T")
_TYPE_NAMES = {int: "an integer", str: "a string", bool: "true or false", list: "a list", dict: "an object"}


class _Damaged(ValueError):
    """The export is JSON from claimdiff but does not hold together."""


def load_comparison(path: str, *, stdin: BinaryIO | None = None) -> Comparison:
    """The comparison saved at ``path`` (``-`` is stdin) by ``claimdiff ... --embed-texts -o FILE.json``."""
    data = read_bytes(path, stdin=stdin, limit=MAX_EXPORT_BYTES)
    return loads(data, "standard input" if path == "-" else path)


def loads(text: str | bytes, name: str) -> Comparison:
    """The comparison in an export's text; errors are one InputError line naming ``name``."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError(f"{name}: not a claimdiff export (nested too deeply)") from None
    except ValueError:
        raise InputError(f"{name}: not a claimdiff export (not JSON)") from None
    if not _is_export(data):
        raise InputError(f"{name}: not a claimdiff export (JSON, but not written by claimdiff)")
    version = data["version"]
    if type(version) is not int or version != VERSION:
        shown = json.dumps(version, ensure_ascii=True)[:40]
        raise InputError(f"{name}: export version {shown} is not supported (this claimdiff reads version {VERSION})")
    documents = data["documents"]
    if isinstance(documents, list) and any(isinstance(item, dict) and "text" not in item for item in documents):
        raise InputError(f"{name}: the export has no document texts; export with --embed-texts")
    try:
        return _comparison(data)
    except KeyError as error:
        what = f"no {error.args[0]!r} field" if error.args and isinstance(error.args[0], str) else "a missing field"
    except (TypeError, ValueError, IndexError) as error:
        what = str(error)
    what = " ".join(what.split())[:200] or "inconsistent data"
    raise InputError(f"{name}: a damaged claimdiff export ({what})") from None


def _is_export(data: object) -> bool:
    if not isinstance(data, dict):
        return False
    generator = data.get("generator")
    has_fields = all(key in data for key in ("version", "documents", "rows"))
    return isinstance(generator, str) and generator.startswith("claimdiff") and has_fields


def _comparison(data: dict[str, Any]) -> Comparison:
    documents = [_document(item) for item in _get(data, "documents", list)]
    index_of = {document.id: doc for doc, document in enumerate(documents)}
    if len(index_of) != len(documents):
        raise _Damaged("two documents share an id")
    loader = _Loader(documents, index_of)
    rows = [loader.row(item, number) for number, item in enumerate(_get(data, "rows", list))]
    sentences = loader.sentences([_get(item, "sentences", int) for item in data["documents"]])
    claims = dict(sorted(loader.claims.items()))
    return Comparison(
        documents=documents,
        sentences=sentences,
        rows=rows,
        self_contradictions=[loader.contradiction(item) for item in _get(data, "self_contradictions", list)],
        passages=[loader.passage(item) for item in _get(data, "passages", list)],
        claims=claims,
        facts=[loader.fact(item) for item in _get(data, "facts", list)],
    )


def _document(item: object) -> Document:
    document = Document(
        id=_get(item, "id", str),
        path=_get(item, "path", str),
        label=_get(item, "label", str),
        title=_get(item, "title", str),
        text=_get(item, "text", str),
        format=_get(item, "format", str),
        published=_get(item, "published", str),
        site=_get(item, "site", str),
        note=_get(item, "note", str),
    )
    if _get(item, "characters", int) != len(document.text):
        raise _Damaged(f"the text of {document.id} is not {_get(item, 'characters', int)} characters long")
    return document


class _Loader:
    """Builds the parts of one comparison, checking every offset against the documents' texts."""

    def __init__(self, documents: list[Document], index_of: dict[str, int]) -> None:
        self.documents = documents
        self.index_of = index_of
        self.found: list[dict[int, Sentence]] = [{} for _ in documents]
        self.claims: dict[tuple[int, int], list[Claim]] = {}
        self.by_place: dict[tuple[int, int, int, int], Claim] = {}

    def doc(self, item: object) -> int:
        """The index of the document whose id is ``item["doc"]``."""
        return self.named(_get(item, "doc", str))

    def named(self, name: str) -> int:
        if name not in self.index_of:
            raise _Damaged(f"unknown document id {name!r}"[:80])
        return self.index_of[name]

    def piece(self, doc: int, start: int, end: int) -> str:
        """The document's text from ``start`` to ``end``, which must be offsets inside it."""
        text = self.documents[doc].text
        if not 0 <= start <= end <= len(text):
            raise _Damaged(f"offsets {start}:{end} outside the text of {self.documents[doc].id}")
        return text[start:end]

    def checked(self, doc: int, item: object, what: str) -> tuple[int, int]:
        """An item's start and end, whose ``text`` (when it has one) must be the document's text there."""
        start, end = _get(item, "start", int), _get(item, "end", int)
        if self.piece(doc, start, end) != _get(item, "text", str):
            raise _Damaged(f"{what} {start}:{end} of {self.documents[doc].id} is not the text there")
        return start, end

    def row(self, item: object, number: int) -> Row:
        cells = [self.cell(cell) for cell in _get(item, "cells", list)]
        docs = [cell.doc for cell in cells]
        spans: dict[int, list[Span]] = {doc: [] for doc in docs}
        for key, shared in (("shared", True), ("differs", False)):
            for span in _get(item, key, list):
                doc = self.doc(span)
                if doc not in spans:
                    raise _Damaged(f"row {number} marks words of {self.documents[doc].id}, which it does not hold")
                spans[doc].append(Span(*self.checked(doc, span, "the words at"), shared))
        conflicts = _get(item, "conflicts", list)
        places = _get(item, "conflict_places", list)
        if len(places) != len(conflicts):
            raise _Damaged(f"row {number} has {len(conflicts)} conflicts but {len(places)} places")
        return Row(
            kind=RowKind(_get(item, "kind", str)),
            cells=cells,
            score=_number(item, "score"),
            conflicts=[self.conflict(conflict, place) for conflict, place in zip(conflicts, places, strict=True)],
            spans={doc: sorted(found, key=lambda span: span.start) for doc, found in spans.items()},
            shared_words=[_string(word) for word in _get(item, "shared_words", list)],
        )

    def cell(self, item: object) -> Cell:
        doc = self.doc(item)
        indices = []
        for found in _get(item, "sentences", list):
            sentence = Sentence(
                doc=doc,
                index=_get(found, "index", int),
                start=_get(found, "start", int),
                end=_get(found, "end", int),
                text=_get(found, "text", str),
                boilerplate=_get(found, "boilerplate", bool),
                heading=_get(found, "heading", bool),
            )
            self.checked(doc, found, "the sentence at")
            if sentence.index in self.found[doc]:
                raise _Damaged(f"sentence {sentence.index} of {self.documents[doc].id} stands in two rows")
            self.found[doc][sentence.index] = sentence
            indices.append(sentence.index)
        for found in _get(item, "claims", list):
            index = _get(found, "sentence", int)
            if index not in indices:
                raise _Damaged(f"a claim of sentence {index} of {self.documents[doc].id} is in another row")
            claim = self.claim(doc, found)
            self.claims.setdefault((doc, index), []).append(claim)
            self.by_place.setdefault((doc, index, claim.start, claim.end), claim)
        return Cell(doc, indices)

    def sentences(self, counts: list[int]) -> list[list[Sentence]]:
        """Each document's sentences in order: the rows must hold every one of them exactly once."""
        for doc, count in enumerate(counts):
            if sorted(self.found[doc]) != list(range(count)):
                raise _Damaged(f"the rows do not hold the {count} sentences of {self.documents[doc].id} once each")
        return [[found[index] for index in range(len(found))] for found in self.found]

    def claim(self, doc: int, item: object) -> Claim:
        start, end = self.checked(doc, item, "the claim at")
        reading = _get(item, "reading", dict) if _has(item, "reading") else None
        return Claim(
            kind=ClaimKind(_get(item, "kind", str)),
            slot=_get(item, "slot", str),
            value=_get(item, "value", str),
            qualifier=_get(item, "qualifier", str),
            start=start,
            end=end,
            text=_get(item, "text", str),
            reading=None if reading is None else _reading(reading),
            thing=_get(item, "thing", str) if _has(item, "thing") else "",
            role=_get(item, "role", str) if _has(item, "role") else "",
        )

    def conflict(self, item: object, places: object) -> Conflict:
        if not isinstance(places, dict):
            raise _Damaged("the places of a conflict are not an object")
        return Conflict(
            slot=_get(item, "slot", str),
            kind=_get(item, "kind", str),
            values={self.named(name): _string(value) for name, value in _get(item, "values", dict).items()},
            places=dict(self.places(self.named(name), found) for name, found in places.items()),
            fact=_get(item, "fact", str),
        )

    def places(self, doc: int, found: object) -> tuple[int, tuple[tuple[int, int], ...]]:
        pairs = tuple(_pair(pair) for pair in _list(found))
        for start, end in pairs:
            self.piece(doc, start, end)
        return doc, pairs

    def fact(self, item: object) -> Fact:
        mentions = tuple(self.mention(found) for found in _get(item, "mentions", list))
        clashes = tuple(_pair(pair) for pair in _get(item, "clashes", list))
        if any(not 0 <= index < len(mentions) for pair in clashes for index in pair):
            raise _Damaged(f"fact {_get(item, 'id', str)} pairs mentions it does not have")
        return Fact(
            id=_get(item, "id", str),
            label=_get(item, "label", str),
            kind=ClaimKind(_get(item, "kind", str)),
            mentions=mentions,
            clashes=clashes,
        )

    def mention(self, item: object) -> Mention:
        doc, sentence = self.doc(item), _get(item, "sentence", int)
        start, end = _get(item, "start", int), _get(item, "end", int)
        claim = self.by_place.get((doc, sentence, start, end))
        stated = (_get(item, "text", str), _get(item, "value", str), _get(item, "qualifier", str))
        if claim is None or (claim.text, claim.value, claim.qualifier) != stated:
            raise _Damaged(f"a fact names a claim at {start}:{end} of {self.documents[doc].id} that is not there")
        return Mention(doc=doc, sentence=sentence, claim=claim)

    def contradiction(self, item: object) -> SelfContradiction:
        doc = self.doc(item)
        first, second = _get(item, "first", dict), _get(item, "second", dict)
        return SelfContradiction(
            doc=doc,
            slot=_get(item, "slot", str),
            kind=_get(item, "kind", str),
            first=self.stored(doc, first),
            second=self.stored(doc, second),
            first_sentence=_get(first, "sentence", int),
            second_sentence=_get(second, "sentence", int),
            fact=_get(item, "fact", str),
        )

    def stored(self, doc: int, item: dict[str, Any]) -> Claim:
        """The claim of a sentence that ``item`` states in full; the same object the sentence holds."""
        claim = self.claim(doc, item)
        found = self.by_place.get((doc, _get(item, "sentence", int), claim.start, claim.end))
        if found != claim:
            raise _Damaged(f"a self-contradiction names a claim at {claim.start}:{claim.end} that is not there")
        return claim if found is None else found

    def passage(self, item: object) -> SharedPassage:
        occurrences = []
        for found in _get(item, "occurrences", list):
            doc, start, end = self.doc(found), _get(found, "start", int), _get(found, "end", int)
            self.piece(doc, start, end)
            occurrences.append((doc, start, end))
        return SharedPassage(
            words=_get(item, "words", int), text=_get(item, "text", str), occurrences=tuple(occurrences)
        )


def _reading(item: dict[str, Any]) -> Reading:
    return Reading(
        low=_number(item, "low"),
        high=_number(item, "high"),
        precision=_number(item, "precision"),
        unit=_get(item, "unit", str),
        form=Form(_get(item, "form", str)),
    )


def _has(item: object, key: str) -> bool:
    return isinstance(item, dict) and key in item


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _get(item: object, key: str, kind: type[_T]) -> _T:
    """``item[key]``, which must be of type ``kind`` (an integer is never a boolean)."""
    if not isinstance(item, dict):
        raise _Damaged(f"an object with {key!r} is {_TYPE_NAMES.get(type(item), type(item).__name__)}")
    value = item[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _Damaged(f"{key!r} is not {_TYPE_NAMES.get(kind, kind.__name__)}")
    return value


def _number(item: object, key: str) -> float:
    value = _get(item, key, object)
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _Damaged(f"{key!r} is not a number")
    return value


def _string(value: object) -> str:
    if not isinstance(value, str):
        raise _Damaged(f"{value!r} is not a string"[:80])
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise _Damaged(f"{value!r} is not a list"[:80])
    return value


def _pair(value: object) -> tuple[int, int]:
    found = _list(value)
    if len(found) != 2 or not all(_is_int(number) for number in found):
        raise _Damaged(f"{value!r} is not a pair of integers"[:80])
    return found[0], found[1]
