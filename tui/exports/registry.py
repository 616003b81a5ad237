"""The export formats by name: each a writer, the file suffixes that choose it, and a one-line description."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from tui.engine.model import Comparison


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportOptions:
    """What the command line asks of every exporter; an exporter ignores what does not apply to it."""

    color: bool | None = None
    """Colour for the text report: None decides by the stream (a terminal, NO_COLOR, TERM=dumb)."""
    embed_texts: bool = False
    """The JSON export carries each document's full text, so that ``claimdiff open`` needs no files."""


Writer = Callable[[Comparison, TextIO, ExportOptions], None]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportFormat:
    """One format: its name for ``--format``, the suffixes ``-o`` recognises, and where its writer lives.

    The writer is imported only when the format is used, so that naming the formats costs nothing.
    """

    name: str
    suffixes: tuple[str, ...]
    description: str
    module: str
    """The module whose ``write(comparison, stream, options)`` writes this format."""

    def writer(self) -> Writer:
        write: Writer = importlib.import_module(self.module).write
        return write


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        name="text",
        suffixes=(".txt",),
        description="the report for a terminal or a pipe",
        module="tui.exports.text",
    ),
    ExportFormat(
        name="json",
        suffixes=(".json",),
        description="the full comparison as JSON (version 2), for other tools and `claimdiff open`",
        module="tui.exports.json",
    ),
    ExportFormat(
        name="html",
        suffixes=(".html", ".htm"),
        description="one self-contained web page to send to a colleague",
        module="tui.exports.html",
    ),
    ExportFormat(
        name="markdown",
        suffixes=(".md", ".markdown"),
        description="a fact-check note of the disputed facts, to paste into a ticket",
        module="tui.exports.markdown",
    ),
)

DEFAULT = "text"


def names() -> tuple[str, ...]:
    return tuple(found.name for found in FORMATS)


def by_name(name: str) -> ExportFormat:
    for found in FORMATS:
        if found.name == name:
            return found
    raise KeyError(name)


def for_path(path: str) -> ExportFormat:
    """The format a file name asks for by its suffix, else the text report."""
    lowered = path.lower()
    for found in FORMATS:
        if lowered.endswith(found.suffixes):
            return found
    return by_name(DEFAULT)
