"""Names in a sentence: runs of capitalised words, as claims of their own and as the places and people near a value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tui.engine.claimtext import OPENING, make_claim, word_set
from tui.engine.metadata import MONTHS, WEEKDAYS
from tui.engine.model import Claim, ClaimKind
from tui.engine.numbers import SCALES, VAGUE, WORD_VALUES
from tui.engine.words import STOPWORDS

SENTENCE_STARTERS = word_set(
    """
    according additionally after although already also around as despite earlier elsewhere
    finally first however indeed instead last later meanwhile moreover nevertheless next now
    often once since still then there thus today tomorrow yesterday yet when while nearly almost
    approximately roughly over another some many more about at least up in on by
    """
)
"""Capitalised words that open a sentence without naming anything."""


NOT_NAMES = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WORD_VALUES) | frozenset(SCALES)
    | frozenset(word for phrase in VAGUE for word in phrase.split())
)  # fmt: skip


_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])")


def person_before(text: str, position: int) -> str:
    """The name just before an age: "Yvonne Hiller, 43" → "Yvonne Hiller"."""
    runs = [run for run in name_runs(text) if run[1] <= position and position - run[1] <= 30]
    return text[runs[-1][0] : runs[-1][1]] if runs else ""


def entities(text: str) -> Iterator[Claim]:
    for start, end in name_runs(text):
        name = text[start:end]
        yield make_claim(text, ClaimKind.ENTITY, "entity", (start, end), name, None)


@lru_cache(maxsize=1024)
def name_runs(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of capitalised words that follow one another (a name, a place).

    Kept for the last texts asked about: a sentence's every value asks for its names.
    """
    runs: list[tuple[int, int]] = []
    lead = len(text) - len(text.lstrip(OPENING))  # where the sentence's opening quotes and dashes end
    for match in _CAPITAL.finditer(text):
        if not _is_name_word(match, opening=match.start() <= lead):
            continue
        if runs and text[runs[-1][1] : match.start()] == " ":
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append(match.span())
    return tuple(runs)


def _is_name_word(match: re.Match[str], *, opening: bool) -> bool:
    word = match.group()
    lowered = word.lower()
    if lowered in STOPWORDS or lowered in NOT_NAMES:
        return False
    if word.isupper() and len(word) > 5:
        return False
    return not (opening and (lowered in SENTENCE_STARTERS or lowered.endswith("ly")))
