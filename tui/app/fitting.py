"""One line that fits its width when drawn: parts dropped by priority, a last part cut at a word with "…"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

MIN_CUT = 12
"""A shortened part keeps at least this many cells, else it is dropped."""


@dataclass(frozen=True, slots=True)
class Part:
    """A piece of a line; when the line is too narrow, parts of lower ``priority`` go first (ties: the later).

    A part that may be ``shortened`` is cut at a word (with "…") to the room left instead of
    dropped, when that room is at least MIN_CUT cells.
    """

    text: Text
    priority: int = 0
    shortened: bool = False


def fit_parts(parts: Sequence[Part], width: int, *, separator: str = " · ") -> Text:
    """The parts that fit ``width`` cells, joined by ``separator``, in their order.

    Parts are shortened or dropped lowest priority first (the later of equal ones first) until
    the rest fit; when even the first part alone is too wide, it is cut at a word and ends in "…".
    """
    texts = {index: part.text for index, part in enumerate(parts)}
    dropping = sorted(texts, key=lambda index: (parts[index].priority, -index))
    while len(texts) > 1 and _width(texts, separator) > width:
        index = dropping.pop(0)
        room = width - (_width(texts, separator) - texts[index].cell_len)
        if parts[index].shortened and room >= MIN_CUT:
            texts[index] = cut_at_word(texts[index], room)
            break
        del texts[index]
    line = Text(no_wrap=True, overflow="ellipsis", end="")
    for number, index in enumerate(sorted(texts)):
        if number:
            line.append(separator)
        line.append_text(texts[index])
    return cut_at_word(line, width)


def _width(texts: dict[int, Text], separator: str) -> int:
    return sum(text.cell_len for text in texts.values()) + cell_len(separator) * (len(texts) - 1)


def cut_at_word(text: Text, width: int) -> Text:
    """``text`` when it fits ``width`` cells, else cut after its last whole word that fits, plus "…"."""
    if text.cell_len <= width:
        return text
    if width <= 1:
        return Text("…"[:width], end="")
    room = width - 1
    plain = text.plain
    cut = len(plain)
    while cut > 0 and cell_len(plain[:cut]) > room:
        cut -= 1
    space = plain.rfind(" ", 0, cut + 1)
    if space > 0:
        cut = space
    shown = text[:cut]
    shown.rstrip()
    shown.rstrip_end(room)
    shown.append("…")
    shown.no_wrap = True
    shown.end = ""
    return shown


class Fitted:
    """A rich renderable: ``fit_parts`` done at the width the line is drawn at."""

    def __init__(self, parts: Sequence[Part], *, separator: str = " · ") -> None:
        self.parts = list(parts)
        self.separator = separator

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield fit_parts(self.parts, options.max_width, separator=self.separator)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        full = fit_parts(self.parts, 10**6, separator=self.separator).cell_len
        return Measurement(min(full, 1), full)


def parts_of(*texts: Text | str, priorities: Sequence[int] = ()) -> list[Part]:
    """Parts from texts, with the given priorities (0 for the rest)."""
    return [
        Part(text if isinstance(text, Text) else Text(text), priorities[index] if index < len(priorities) else 0)
        for index, text in enumerate(texts)
    ]
