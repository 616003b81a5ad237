"""Words of a sentence with offsets, and the normalised content terms used to compare sentences."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

WORD = re.compile(r"[^\W_]+(?:[’'.,\-/:][^\W_]+)*", re.UNICODE)
"""A word: letters and digits, joined by inner apostrophes, dots, commas, hyphens (``10,000``)."""

NUMBER = re.compile(r"\d[\d,.]*")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each either else ever
    every few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just least less let like may me might more most much must my myself
    neither no nor not now of off on once one only or other ought our ours ourselves out over own
    per same shall she should so some such than that the their theirs them themselves then there
    these they this those though through thus to too under until up upon us very via was we were
    what when where whether which while who whom whose why will with within without would yet you
    your yours yourself yourselves s t d ll m re ve
    thee thou thy thine ye unto hath doth art wilt shalt hast dost hither thither whither whence
    wherefore lo behold o oh verily
    """.split()
)
"""Function words, with the older English forms that Bible and period texts use."""

_SYNONYMS = {
    # Verbs that news reports swap for one another.
    "purchase": "buy",
    "purchas": "buy",
    "bought": "buy",
    "procur": "buy",
    "acquir": "buy",
    "acquisit": "buy",
    "invest": "invest",
    "said": "say",
    "saith": "say",
    "told": "tell",
    "spake": "speak",
    "spoke": "speak",
    "went": "go",
    "goeth": "go",
    "came": "come",
    "cometh": "come",
    "gave": "give",
    "giveth": "give",
    "answer": "answer",
    "repli": "answer",
    "replied": "answer",
    "employ": "hire",
    "recruit": "hire",
    "rehir": "hire",
    # Common abbreviations written out.
    "gpus": "gpu",
    "ai": "ai",
    "ceo": "ceo",
}

_BRITISH = (
    (re.compile(r"isation"), "ization"),
    (re.compile(r"ise$"), "ize"),
    (re.compile(r"ised$"), "ized"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"our(s?)$"), r"or\1"),
)
_ARCHAIC_VERB = re.compile(r"^(\w{3,}?)(eth|est)$")
_stemmer = snowballstemmer.stemmer("english")


class Word(NamedTuple):
    """One word of a text: its characters, offsets and normalised term (None for a function word).

    A named tuple: a comparison makes one per word of every document, so it must be cheap.
    """

    text: str
    start: int
    end: int
    term: str | None


def words(text: str, offset: int = 0) -> list[Word]:
    """Every word of ``text`` with offsets (plus ``offset``) and its term."""
    return [
        Word(match.group(), match.start() + offset, match.end() + offset, term(match.group()))
        for match in WORD.finditer(text)
    ]


@lru_cache(maxsize=200_000)
def term(word: str) -> str | None:
    """The comparable form of a word: lower case, possessive dropped, stemmed, synonyms merged.

    Numbers become ``#`` so that two sentences giving a number in the same place match whatever
    the numbers are (the claims module compares the values). Function words give None.

    >>> term("Purchased"), term("GPUs"), term("10,000"), term("the"), term("centres")
    ('buy', 'gpu', '#', None, 'center')
    """
    lowered = word.lower().replace("’", "'")
    if lowered.endswith("'s"):
        lowered = lowered[:-2]
    lowered = lowered.strip("'.,-/:")
    if not lowered or lowered in STOPWORDS:
        return None
    if lowered[0].isdigit() or (lowered[0] in "$€£" and len(lowered) > 1):
        return "#" if NUMBER.match(lowered.lstrip("$€£")) else lowered
    if lowered in _SYNONYMS:
        return _SYNONYMS[lowered]
    for pattern, replacement in _BRITISH:
        if pattern.search(lowered) and len(lowered) > 5:
            lowered = pattern.sub(replacement, lowered)
            break
    archaic = _ARCHAIC_VERB.match(lowered)
    if archaic and lowered not in {"best", "rest", "test", "west", "interest", "forest", "honest"}:
        lowered = archaic.group(1)
    stem = str(_stemmer.stemWord(lowered))
    return _SYNONYMS.get(stem, stem)


_PARTS = re.compile(r"[\-/]")


def word_terms(word: str) -> list[str]:
    """Terms of one word; a compound such as ``data-center`` gives one term per part."""
    whole = term(word)
    if whole is None or whole == "#" or not _PARTS.search(word):
        return [whole] if whole is not None else []
    return [part for piece in _PARTS.split(word) if piece for part in [term(piece)] if part]


def terms(text: str) -> list[str]:
    """The content terms of a text, in order, function words left out."""
    found: list[str] = []
    for match in WORD.finditer(text):
        found.extend(word_terms(match.group()))
    return found
