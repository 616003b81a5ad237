"""The Markdown fact-check note: each disputed fact, who says what, and the exact quotes with their offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from tui import __version__
from tui.engine.model import Comparison, Fact
from tui.exports.quoting import dated_name, disputed, quote, story_title
from tui.exports.registry import ExportOptions
from tui.exports.text import contradiction_text, stated_values, summary_line
from tui.visible import single_line

_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>#|~$&])")
"""Characters that could start Markdown structure (emphasis, code, links, HTML, tables, math, lists)."""


def escaped(text: str) -> str:
    """``text`` on one line, every Markdown-significant character backslash-escaped (CommonMark allows it)."""
    return _escape(single_line(text))


def _escape(text: str) -> str:
    return _SIGNIFICANT.sub(r"\\\1", text)


def lines(comparison: Comparison) -> Iterator[str]:
    """The note, line by line."""
    documents = comparison.documents
    yield f"# {escaped(story_title(comparison))}"
    yield ""
    yield f"Fact-check note · {summary_line(comparison)} · claimdiff {__version__}"
    yield ""
    names = ", ".join(escaped(dated_name(document, doc)) for doc, document in enumerate(documents))
    yield f"Outlets compared: {names}"
    yield ""
    facts = disputed(comparison)
    if not facts:
        yield "No disputed facts: no two statements of a fact give values that clash."
        return
    yield "## Disputed facts"
    yield ""
    yield "Offsets are characters of each document's text, counted from 0, the end excluded."
    for fact in facts:
        yield ""
        yield from _fact(comparison, fact)
    if comparison.self_contradictions:
        yield ""
        yield "## Documents that contradict themselves"
        yield ""
        for item in comparison.self_contradictions:
            document = documents[item.doc]
            where = f" ({escaped(item.fact)})" if item.fact else ""
            yield f"- {escaped(dated_name(document, item.doc))}: {escaped(contradiction_text(item))}{where}"


def _fact(comparison: Comparison, fact: Fact) -> Iterator[str]:
    documents = comparison.documents
    yield f"### ≠ {escaped(fact.label)} ({escaped(fact.id)})"
    yield ""
    for value in stated_values(fact):
        who = ", ".join(escaped(dated_name(documents[doc], doc)) for doc in value.docs)
        yield f"- **{escaped(value.text)}** — {who}"
    yield ""
    yield "Quotes:"
    yield ""
    for mention in fact.mentions:
        found = quote(comparison, mention)
        document = documents[mention.doc]
        place = f"`{single_line(document.id)}` chars {mention.claim.start}–{mention.claim.end}"
        stated = found.value.strip()
        lead = " " if found.value.startswith(" ") else ""
        trail = " " if found.value.endswith(" ") and stated else ""
        sentence = f"{_escape(found.before)}{lead}**{_escape(stated)}**{trail}{_escape(found.after)}"
        yield f"- {escaped(dated_name(document, mention.doc))} — {place} — > {sentence}"


_DEFAULTS = ExportOptions()


def write(comparison: Comparison, stream: TextIO, options: ExportOptions = _DEFAULTS) -> None:
    """Write the note to ``stream``, a line at a time."""
    for line in lines(comparison):
        stream.write(line + "\n")
