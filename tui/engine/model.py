"""Plain data types of a comparison: documents, sentences, rows, claims and conflicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class RowKind(StrEnum):
    """What a row of the comparison says about its documents."""

    SHARED = "shared"
    CONFLICT = "conflict"
    UNIQUE = "unique"


@dataclass(frozen=True, slots=True)
class Document:
    """One input document: its decoded text and how to name it."""

    id: str
    path: str
    label: str
    title: str
    text: str
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A unit of a document: ``doc.text[start:end] == text``."""

    doc: int
    index: int
    start: int
    end: int
    text: str
    boilerplate: bool = False
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable value stated in a sentence, such as ``10,000 GPUs`` or ``$1 billion``."""

    kind: str
    slot: str
    value: str
    normalized: float | str
    qualifier: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """Documents of one row that give different values for the same slot."""

    slot: str
    kind: str
    values: dict[int, str]
    places: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Per document, the (start, end) offsets of the claims that clash, to highlight them."""


@dataclass(frozen=True, slots=True)
class SelfContradiction:
    """One document that states two different values for the same slot."""

    doc: int
    slot: str
    kind: str
    first: Claim
    second: Claim
    first_sentence: int
    second_sentence: int


@dataclass(frozen=True, slots=True)
class Span:
    """A run of words inside one sentence, by character offsets into the document."""

    start: int
    end: int
    shared: bool


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A verbatim run of at least six words that two documents both contain."""

    words: int
    text: str
    occurrences: tuple[tuple[int, int, int], ...]
    """(doc, start, end) of each place the run stands, character offsets into the document."""


@dataclass(slots=True)
class Cell:
    """The sentences one document contributes to a row: a contiguous run."""

    doc: int
    sentences: list[int]


@dataclass(slots=True)
class Row:
    """Sentences of several documents that say the same thing."""

    kind: RowKind
    cells: list[Cell]
    score: float = 0.0
    conflicts: list[Conflict] = field(default_factory=list)
    spans: dict[int, list[Span]] = field(default_factory=dict)
    """Per document of the row: its words, each marked shared with another document or not."""
    shared_words: list[str] = field(default_factory=list)

    @property
    def docs(self) -> list[int]:
        return [cell.doc for cell in self.cells]

    def cell_for(self, doc: int) -> Cell | None:
        for cell in self.cells:
            if cell.doc == doc:
                return cell
        return None


@dataclass(slots=True)
class Comparison:
    """The finished comparison the app and the exporters receive."""

    documents: list[Document]
    sentences: list[list[Sentence]]
    rows: list[Row]
    self_contradictions: list[SelfContradiction] = field(default_factory=list)
    passages: list[SharedPassage] = field(default_factory=list)
    claims: dict[tuple[int, int], list[Claim]] = field(default_factory=dict)
    """Claims by (doc, sentence index)."""

    def sentence(self, doc: int, index: int) -> Sentence:
        return self.sentences[doc][index]

    def row_of(self) -> dict[tuple[int, int], int]:
        """Map each (doc, sentence index) to the index of the row that holds it."""
        where: dict[tuple[int, int], int] = {}
        for row_index, row in enumerate(self.rows):
            for cell in row.cells:
                for index in cell.sentences:
                    where[(cell.doc, index)] = row_index
        return where

    def count(self, kind: RowKind) -> int:
        return sum(1 for row in self.rows if row.kind is kind)
