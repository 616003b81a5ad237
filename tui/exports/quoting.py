"""How the reports name an outlet and quote a mention: the sentence that states a value, on one line."""

from __future__ import annotations

from dataclasses import dataclass

from tui.engine.model import Comparison, Document, Fact, Mention
from tui.exports.text import summary_line
from tui.visible import folded, single_line


def outlet_name(document: Document, doc: int) -> str:
    """``3 Daily Beacon``: the document's number (from 1) and its label, as the app's column headers say."""
    return f"{doc + 1} {single_line(document.label)}"


def dated_name(document: Document, doc: int) -> str:
    """``3 Daily Beacon (2013-07-02)``, or the name alone when the document carries no date."""
    name = outlet_name(document, doc)
    return f"{name} ({single_line(document.published)})" if document.published else name


def story_title(comparison: Comparison) -> str:
    """The story a report is about: the first document's headline, else the summary line."""
    for document in comparison.documents[:1]:
        if single_line(document.title):
            return single_line(document.title)
    return summary_line(comparison)


@dataclass(frozen=True, slots=True)
class Quote:
    """A mention's sentence on one line, in three parts: before the value, the value, after it."""

    before: str
    value: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.value + self.after


def quote(comparison: Comparison, mention: Mention) -> Quote:
    """The exact sentence that holds ``mention``, made visible with whitespace folded, its value apart."""
    sentence = comparison.sentences[mention.doc][mention.sentence]
    text = comparison.documents[mention.doc].text
    start = min(max(mention.claim.start, sentence.start), sentence.end)
    end = max(min(mention.claim.end, sentence.end), start)
    return Quote(
        before=folded(text[sentence.start : start]).lstrip(),
        value=folded(text[start:end]),
        after=folded(text[end : sentence.end]).rstrip(),
    )


def disputed(comparison: Comparison) -> list[Fact]:
    """The facts whose values clash, most disputed first (the order of ``comparison.facts``)."""
    return [fact for fact in comparison.facts if fact.disputed]
