"""One colour per document, used for its label everywhere it appears (headers, detail, full text)."""

from __future__ import annotations

from rich.style import Style

DOCUMENT_COLOURS = (
    "#5fafff",
    "#ffaf00",
    "#5fd787",
    "#ff5f87",
    "#af87ff",
    "#00d7d7",
    "#ff875f",
    "#d7d75f",
    "#87afaf",
)
"""Distinct hues, readable on dark and light backgrounds; the ninth and later documents reuse them."""


def document_colour(doc: int) -> str:
    return DOCUMENT_COLOURS[doc % len(DOCUMENT_COLOURS)]


def document_style(doc: int) -> Style:
    """The bold style of document ``doc``'s label."""
    return Style(color=document_colour(doc), bold=True)
