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
    published: str = ""
    """The publication date (ISO ``YYYY-MM-DD``) when the document carries one, else ""."""
    site: str = ""
    """The outlet's name when the document carries it (HTML site name, its address, a byline)."""
    note: str = ""
    """A caveat about how the text was read ("no article found: the page's visible text"), or ""."""


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


class ClaimKind(StrEnum):
    """What a claim states; claims of one fact share a kind (a count and a vague count are both counts)."""

    QUANTITY = "quantity"
    MONEY = "money"
    PERCENT = "percent"
    MEASURE = "measure"
    DURATION = "duration"
    DATE = "date"
    TIME = "time"
    YEAR = "year"
    AGE = "age"
    RECORD = "record"
    MAGNITUDE = "magnitude"
    ENTITY = "entity"


class Form(StrEnum):
    """How a value is stated, which decides the range of values it allows."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    NEARLY = "nearly"
    AT_LEAST = "at least"
    AT_MOST = "at most"
    RANGE = "range"
    VAGUE = "vague"


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """A value as a range in a canonical unit: ``low``..``high``, each end blurred by ``precision``.

    Counts have the unit "", measures "m", "kg" or "m2", durations "s", money its currency code,
    percentages "%", dates "day" (proleptic ordinals), weekdays "weekday" (0 = Monday), times of day
    "utc" or "local" (minutes after midnight), years "year", ages "age", magnitudes "magnitude",
    records "record" (the two numbers packed as ``a * 1e6 + b``).
    """

    low: float
    high: float
    precision: float
    unit: str
    form: Form = Form.EXACT


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """A checkable value stated in a sentence, such as ``10,000 GPUs`` or ``about $1 billion``.

    ``slot`` names what is measured in a few words ("GPUs", "money USD", "depth"); ``thing`` is the
    counted noun with its modifiers; ``role`` is the verb and the anchors around the value ("killed",
    "off Aden", "deep"); ``reading`` is None only for names.
    """

    kind: ClaimKind
    slot: str
    value: str
    qualifier: str
    start: int
    end: int
    text: str
    reading: Reading | None = None
    thing: str = ""
    role: str = ""


def shown_value(claim: Claim) -> str:
    """The value as a reader should see it, qualifier first: "nearly 10,000"."""
    value = claim.value
    if claim.qualifier and not value.lower().startswith(claim.qualifier):
        return f"{claim.qualifier} {value}"
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A claim where it stands: document, sentence index and the claim itself."""

    doc: int
    sentence: int
    claim: Claim


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    """One quantity of one thing in one event, as every document that states it states it.

    ``clashes`` are pairs of indices into ``mentions`` whose values cannot both be true; a pair
    inside one document is a self-contradiction.
    """

    id: str
    label: str
    kind: ClaimKind
    mentions: tuple[Mention, ...]
    clashes: tuple[tuple[int, int], ...] = ()

    @property
    def disputed(self) -> bool:
        return bool(self.clashes)

    @property
    def docs(self) -> list[int]:
        return sorted({mention.doc for mention in self.mentions})

    def clashing(self) -> set[int]:
        """Indices of the mentions that take part in a clash."""
        return {index for pair in self.clashes for index in pair}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Documents of one row whose mentions of one fact clash."""

    slot: str
    kind: str
    values: dict[int, str]
    places: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    """Per document, the (start, end) offsets of the claims that clash, to highlight them."""
    fact: str = ""
    """The id of the fact whose mentions clash."""


@dataclass(frozen=True, slots=True)
class SelfContradiction:
    """One document that states two clashing values of one fact."""

    doc: int
    slot: str
    kind: str
    first: Claim
    second: Claim
    first_sentence: int
    second_sentence: int
    fact: str = ""


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
    facts: list[Fact] = field(default_factory=list)
    """Every fact the claims state, the most disputed first."""

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

    def fact_of(self) -> dict[tuple[int, int, int], Fact]:
        """Map each claim, as (doc, start, end), to the fact it is a mention of."""
        return {
            (mention.doc, mention.claim.start, mention.claim.end): fact
            for fact in self.facts
            for mention in fact.mentions
        }

    def count(self, kind: RowKind) -> int:
        return sum(1 for row in self.rows if row.kind is kind)
