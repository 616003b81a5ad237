"""Long documents get a first screen at once: their openings are compared and shown while the whole runs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from tui.engine.model import Comparison, Document

PREVIEW_ABOVE = 200_000
"""Characters of the longest document above which the openings are compared and shown first."""
OPENING = 30_000
"""Characters of each document's opening, cut at the next line break (or space) after this many."""
_LINE_REACH = 4_000
"""How far past ``OPENING`` a line break is looked for before a space will do."""


def openings(documents: Sequence[Document]) -> list[Document] | None:
    """Each document cut to its opening, or None when every document is short enough to wait for."""
    if not documents or max(len(document.text) for document in documents) <= PREVIEW_ABOVE:
        return None
    return [replace(document, text=opening(document.text)) for document in documents]


def opening(text: str) -> str:
    """The start of ``text``: about ``OPENING`` characters, ending at a line break where one is near."""
    if len(text) <= OPENING:
        return text
    cut = text.find("\n", OPENING, OPENING + _LINE_REACH)
    if cut < 0:
        cut = text.find(" ", OPENING)
    return text if cut < 0 else text[:cut]


def same_place(old: Comparison, row: int, new: Comparison) -> int | None:
    """The row of ``new`` that holds the first sentence of ``old``'s row ``row`` (matched by its start)."""
    cell = old.rows[row].cells[0]
    start = old.sentences[cell.doc][cell.sentences[0]].start
    for sentence in new.sentences[cell.doc]:
        if sentence.start == start:
            return new.row_of().get((cell.doc, sentence.index))
        if sentence.start > start:
            break
    return None
