"""Who each document is: its outlet's name, its headline and its label, from what the input carries."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from tui.engine.boilerplate import BYLINE, is_boilerplate
from tui.engine.errors import InputError
from tui.engine.metadata import find_metadata, url_spans
from tui.engine.model import Document
from tui.engine.words import terms

HEAD = 8
"""A web address that opens a text (within this many characters) is the page's own; one further down
is a link the article gives."""
TITLE_CHARACTERS = 140
"""A headline longer than this is cut at a word (a text that is one long line has no line of its own
for the headline)."""
STORY_SHARE = 0.3
LONG_LINE_TERMS = 8
"""A line is the headline only if this share of its words are words other documents use too: a
site's tagline ("Timely, comprehensive, professional…") is not the story's headline."""
CANDIDATE_LINES = 5
MIN_HEADLINE_WORDS = 3

_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
_BYLINE_SITE = re.compile(r"[|·•]\s*(?P<site>[^|·•]+?)\s*$")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z])")


def identify(documents: Sequence[Document], labels: Sequence[str] = ()) -> list[Document]:
    """The documents with their outlet (``site``), headline (``title``) and ``label`` filled in.

    The label is, first, the one given (``--label``, in the order of the files), else the outlet's
    name, else the file name; two documents never share a label.
    """
    if len(labels) > len(documents):
        raise InputError(f"--label given {len(labels)} times for {len(documents)} documents")
    story = _story_terms(documents)
    found = []
    for index, document in enumerate(documents):
        site = document.site or site_of(document.text)
        title = document.title if document.format == "html" and document.title else headline(document, story)
        label = labels[index] if index < len(labels) else site or document.label
        found.append(replace(document, site=site, title=title, label=" ".join(label.split()) or document.label))
    return distinct_labels(found)


def site_of(text: str) -> str:
    """The outlet a plain text names for itself: the host of the address it opens with, or a byline
    "By Jane Doe | Harbour Herald"; "" when it names none."""
    for start, end in url_spans(text[:1_000]):
        if start > HEAD:
            break
        try:
            host = urlsplit("http://" + re.sub(r"\s+", "", text[start:end]).split("://")[-1]).hostname or ""
        except ValueError:  # not an address after all ("http://[" in hostile text)
            continue
        if "." in host:
            return host.removeprefix("www.")
    for line in text.split("\n")[:CANDIDATE_LINES]:
        folded = " ".join(line.split())
        if BYLINE.search(folded):
            site = _BYLINE_SITE.search(folded)
            if site:
                return site.group("site")
    return ""


def headline(document: Document, story: frozenset[str] = frozenset()) -> str:
    """The document's headline: its first Markdown heading, else the first of its first lines that
    is neither page furniture nor off the story (a tagline), without the page's address and dateline."""
    lines = [line for line in document.text.split("\n") if line.strip()]
    if document.format == "markdown":
        for line in lines:
            heading = _MARKDOWN_HEADING.match(line)
            if heading:
                return _shortened(heading.group(1))
    candidates = [
        line
        for position, line in enumerate(lines[:CANDIDATE_LINES])
        if not is_boilerplate(line, position=position, count=len(lines))
    ]
    for line in candidates:
        if not story or _on_story(line, story):
            return _shortened(_without_metadata(line))
    return _shortened(_without_metadata(candidates[0] if candidates else lines[0] if lines else ""))


def _story_terms(documents: Sequence[Document]) -> frozenset[str]:
    """Terms that half the documents (two at least) use: the story's own vocabulary (none with one
    document)."""
    if len(documents) < 2:
        return frozenset()
    counts: Counter[str] = Counter()
    for document in documents:
        counts.update(set(terms(document.text[:20_000])))
    return frozenset(term for term, count in counts.items() if count >= max(2, len(documents) / 2))


def _on_story(line: str, story: frozenset[str]) -> bool:
    """A short line is taken as it is; a long one must use the story's words (a tagline does not)."""
    found = terms(line[:2_000])
    if len(found) < LONG_LINE_TERMS:
        return True
    return sum(term in story for term in found) >= STORY_SHARE * len(found)


def _without_metadata(line: str) -> str:
    """A line's headline: the first stretch between its web address, datelines and timestamps that
    has a few words ("INDONESIA," before a dateline is a place, not the headline)."""
    pieces, start = [], 0
    for span_start, span_end in find_metadata(line).spans:
        pieces.append(line[start:span_start])
        start = max(start, span_end)
    pieces.append(line[start:])
    return next((piece for piece in pieces if len(piece.split()) >= MIN_HEADLINE_WORDS), line)


def _shortened(text: str) -> str:
    folded = " ".join(text.split())
    if len(folded) <= TITLE_CHARACTERS:
        return folded
    end = _SENTENCE_END.search(folded, 20, TITLE_CHARACTERS)
    if end:
        return folded[: end.start() + 1]
    cut = folded.rfind(" ", 0, TITLE_CHARACTERS)
    return folded[: cut if cut > 20 else TITLE_CHARACTERS] + "…"


def distinct_labels(documents: list[Document]) -> list[Document]:
    """The same label twice gets a number, so each document stays distinct."""
    counts = Counter(document.label for document in documents)
    seen: Counter[str] = Counter()
    result = []
    for document in documents:
        if counts[document.label] > 1:
            seen[document.label] += 1
            document = replace(document, label=f"{document.label} ({seen[document.label]})")
        result.append(document)
    return result
