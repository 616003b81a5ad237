"""Fuzzy matching of documents by number, label, title and site, as the outlet lens filters them."""

from __future__ import annotations

from collections.abc import Sequence

from tui.engine.model import Document


def subsequence_score(query: str, text: str) -> int | None:
    """How well ``query``'s characters, in order, stand in ``text`` (both lower-case); None if they don't.

    The query found whole scores most (more at the start of a word); else a run of characters that
    follow each other scores more than scattered ones, and a character at the start of a word more
    than one inside it, so "cotim" ranks "Coastal Times" high.
    """
    if not query:
        return 0
    found = text.find(query)
    if found >= 0:
        while found > 0 and text[found - 1].isalnum():
            later = text.find(query, found + 1)
            if later < 0:
                break
            found = later
        at_word = found == 0 or not text[found - 1].isalnum()
        return 6 * len(query) + (2 if at_word else 0)
    score = 0
    position = 0
    previous = -2
    for char in query:
        found = text.find(char, position)
        if found < 0:
            return None
        score += 1
        if found == previous + 1:
            score += 3
        if found == 0 or not text[found - 1].isalnum():
            score += 2
        previous = found
        position = found + 1
    return score


def fields(doc: int, document: Document) -> list[str]:
    """What the lens matches a document on: its number, label, title and site (when it has one)."""
    return [str(doc + 1), document.label, document.title, getattr(document, "site", "") or ""]


def rank(query: str, documents: Sequence[Document]) -> list[int]:
    """Documents whose number, label, title or site matches ``query`` fuzzily, best first.

    Spaces in the query are ignored; a query that is a document's number puts it first; ties keep
    document order, so an empty query lists every document in order.
    """
    needle = "".join(query.lower().split())
    scored: list[tuple[int, int]] = []
    for doc, document in enumerate(documents):
        if needle.isdigit() and needle == str(doc + 1):
            scored.append((-1_000_000, doc))
            continue
        best = None
        for field in fields(doc, document):
            score = subsequence_score(needle, field.lower())
            if score is not None and (best is None or score > best):
                best = score
        if best is not None:
            scored.append((-best, doc))
    return [doc for _, doc in sorted(scored)]
