"""Counts: a number with what it counts ("three undersea cables"), or with what happened to the people it counts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from tui.engine.claimtext import (
    FIRST_GAP,
    GAP,
    LOWER_WORD,
    NOUN,
    NUMBER,
    OPENING,
    QUALIFIER,
    alternation,
    hedged_reading,
    make_claim,
    qualifier_of,
    search_word_before,
    word_before,
    word_set,
)
from tui.engine.model import Claim, ClaimKind, Form, Reading
from tui.engine.names import NOT_NAMES, SENTENCE_STARTERS
from tui.engine.numbers import SCALES, VAGUE, WORD_VALUES, read_number
from tui.engine.words import STOPWORDS, term

_PEOPLE = word_set(
    """people persons person residents villagers others civilians victims individuals workers co-workers
    coworkers employees men women man woman colleagues staff passengers inhabitants citizens""",
)
"""Counted nouns that name people in general: their role ("killed", "injured") says what is counted."""


_ROLES = {
    **dict.fromkeys(
        "kill killed killing kills dead died die dies dying death deaths toll fatalities perished".split(), "dead"
    ),
    **dict.fromkeys(
        "injure injured injuring injures injuries wounded wounding wounds hurt hospitalised hospitalized".split(),
        "injured",
    ),
    **dict.fromkeys("missing unaccounted".split(), "missing"),
    **dict.fromkeys("arrest arrested arresting detained held".split(), "arrested"),
    **dict.fromkeys("evacuate evacuated evacuating displaced homeless".split(), "evacuated"),
    **dict.fromkeys("trapped buried".split(), "trapped"),
    **dict.fromkeys("shot shooting shoots shooting".split(), "shot"),
    **dict.fromkeys("rescued saved freed".split(), "rescued"),
    **dict.fromkeys("charged indicted convicted".split(), "charged"),
}
"""What happened to counted people, in the words outlets swap for one another."""


_THING_CLASSES = {
    "lines": "cables", "line": "cables", "circuits": "cables", "cable": "cables", "links": "cables",
    "homes": "buildings", "houses": "buildings", "house": "buildings", "building": "buildings",
    "structures": "buildings", "fatalities": "dead", "deaths": "dead", "casualties": "dead",
}  # fmt: skip
"""Counted nouns that news reports swap for one another."""


def _thing_term(word: str) -> str:
    """The comparable form of a counted noun: stemmed, with words outlets swap merged."""
    stem = term(word) or word
    return _THING_TERMS.get(stem, stem)


_THING_TERMS = {term(word) or word: term(same) or same for word, same in _THING_CLASSES.items()}


_GENERIC_HEADS = word_set("systems system units pieces sections kinds types networks sets")


_AUXILIARIES = word_set(
    """were was are is have has had been being be reportedly reported so far also confirmed now believed
    feared thought said to later still initially all already officially""",
)


_MODIFIERS = word_set("remaining additional extra new more other others further existing former current total")


_IRREGULAR_PLURALS = word_set("people children men women staff personnel police feet teeth mice geese cattle data")


_YEAR_PREPOSITIONS = word_set("in since by until till from before after during of early late mid around circa")


_PRONOUN_ONE = word_set("no any every each the this that which")


_NOT_COUNT_BEFORE = word_set("floor page chapter verse section article route highway flight room gate level")


_ONE_IDIOMS = re.compile(
    r"\bone\s+(?:of|another|day|point|time|by|side|way|thing|hand|another|after|more|less)\b"
    r"|\b(?:a|the|loved|only|this|that|which|someone|anyone|no)\s+one\b",
    re.IGNORECASE,
)


_QUANTITY = re.compile(rf"{QUALIFIER}{NUMBER}(?!-)", re.IGNORECASE)


_VAGUE_COUNT = re.compile(rf"{QUALIFIER}(?<![\w-])(?P<vague>{alternation(VAGUE)})(?![\w-])", re.IGNORECASE)


_BRACKETED = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z0-9]*)\)")


def quantities(text: str) -> Iterator[Claim]:
    for match in _QUANTITY.finditer(text):
        number = match.group("num")
        if _is_pronoun_one(text, match) or _names_something(text, match.start("num")):
            continue
        if _ends_out_of(text, match.start()) or _hypothetical(text, match.start()):
            continue
        noun = _counted_noun(text, match.end())
        if noun is not None and _RATE.match(text, noun[1]):
            continue
        if noun is not None and _looks_like_year(match) and not (noun[2] and not _after_year_word(text, match)):
            continue
        if noun is None and (_looks_like_year(match) or not _has_role_nearby(text, match.start(), match.end())):
            continue
        parsed = read_number(number)
        slot = noun[0] if noun else ""
        reading = hedged_reading(parsed.value, parsed.precision, "", qualifier_of(match))
        yield make_claim(text, ClaimKind.QUANTITY, slot, match.span(), number, reading, qualifier_of(match), slot)
    for match in _VAGUE_COUNT.finditer(text):
        phrase = " ".join(match.group("vague").lower().split())
        noun = _counted_noun(text, match.end())
        if noun is None and not _has_role_nearby(text, match.start(), match.end()):
            continue
        low, high = VAGUE[phrase]
        slot = noun[0] if noun else ""
        reading = Reading(low=low, high=high, precision=0.0, unit="", form=Form.VAGUE)
        yield make_claim(text, ClaimKind.QUANTITY, slot, match.span(), phrase, reading, qualifier_of(match), slot)


_RATE = re.compile(r"\s+(?:per|a|each|every)\s+(?:year|month|week|day|hour|cable|person|capita|head)\b", re.I)
"""A count followed by "per cable per year" is a rate or a generic figure, not a claim about the story."""


_OUT_OF = re.compile(r"\bout\s+of\s+(?:a\s+total\s+of\s+)?$|\bone\s+in\s+$", re.IGNORECASE)
"""A number after "out of" is the whole a part is counted against, not a claim of its own."""

_LONG_SPACE = re.compile(r"\s{32}")


def _ends_out_of(text: str, position: int) -> bool:
    """``_OUT_OF`` just before ``position``, looked for in the last 256 characters only (a sentence
    of four hundred numbers would otherwise be read from its start for each). A match is a few
    words and the spaces between them, so one that starts earlier holds a run of spaces the window
    shows; then the whole text before is searched."""
    start = max(0, position - 256)
    if start and _LONG_SPACE.search(text, start, position):
        start = 0
    return _OUT_OF.search(text, start, position) is not None


_CONDITIONAL = re.compile(r"^\W*(?:if|unless|should|were|suppose|imagine)\b[^,;]*$", re.IGNORECASE)


def _hypothetical(text: str, position: int) -> bool:
    """Whether a number stands in a conditional clause opening the sentence ("If there was just one")."""
    return bool(_CONDITIONAL.match(text, 0, position))  # as on text[:position], without the copy


def _has_role_nearby(text: str, start: int, end: int) -> bool:
    """Whether a bare number counts people by what happened to them: "24 dead", "killing at least one"."""
    return bool(_role_after(text, end) or _role_before(text, start) or _toll_before(text, start))


def _is_pronoun_one(text: str, match: re.Match[str]) -> bool:
    """Whether ``one`` is a pronoun or idiom rather than a count: ``no one``, ``one of the worst``."""
    if match.group("num").lower() != "one":
        return False
    if word_before(text, match.start("num")) in _PRONOUN_ONE:
        return True
    window = text[max(0, match.start("num") - 12) : match.end() + 12]
    return bool(_ONE_IDIOMS.search(window))


def _names_something(text: str, start: int) -> bool:
    """A number that is part of a name: "Route 66", "Western Europe 4", "Flight 370", "floor 3"."""
    before = search_word_before(text, start)
    if before is None or before.end() != start:
        return False
    gap = text[before.end(1) : start]
    if gap not in (" ", "-"):
        return False
    word = before.group(1)
    if word.lower() in _NOT_COUNT_BEFORE:
        return True
    if not text[start].isdigit() or not word[0].isupper() or _title_case(text):
        return False
    lowered = word.lower()
    opening = before.start(1) == 0 or not text[: before.start(1)].strip(OPENING)
    return lowered not in NOT_NAMES and lowered not in SENTENCE_STARTERS and not opening


@lru_cache(maxsize=256)
def _title_case(text: str) -> bool:
    """A headline in Title Case ("Musk Has Bought 100,000 GPUs For AI"), where capitals name nothing."""
    words = re.findall(r"[A-Za-z][a-z]+", text)
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.6 * len(words)


def _looks_like_year(match: re.Match[str]) -> bool:
    number = match.group("num")
    return len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


def _after_year_word(text: str, match: re.Match[str]) -> bool:
    """Whether the number follows a word that introduces years: ``in 2015``, ``since 2020``."""
    return word_before(text, match.start("num")) in _YEAR_PREPOSITIONS


_OF_THE = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|[0-9a-z]+\s+(?=\w+s\b))?")


def _counted_noun(text: str, position: int) -> tuple[str, int, bool] | None:
    """The noun counted by a number ending at ``position``: (slot, end, whether it is plural).

    "three of the cables" and "three out of four lines" count cables and lines too.
    """
    found = _noun_words(text, position)
    if not found:
        joined = _OF_THE.match(text, position)
        if joined is None:
            return None
        found = _noun_words(text, joined.end() - 1)
        if not found:
            return None
    first = next((i for i, w in enumerate(found) if w.group().lower() not in _MODIFIERS), None)
    if first is None:
        if found and found[-1].group().lower() == "others":
            return found[-1].group(), found[-1].end(), True
        return None
    heads = [i for i in range(first, len(found)) if _is_plural(found[i].group())]
    last = heads[-1] if heads else len(found) - 1
    start, end = found[first].start(), found[last].end()
    bracket = _BRACKETED.match(text, end)
    if bracket and _is_acronym(bracket.group("acronym")):
        end = bracket.end()
    return text[start:end], end, bool(heads)


def _noun_words(text: str, position: int) -> list[re.Match[str]]:
    """Up to four words after a number that may name what it counts ("three Internet cables")."""
    found: list[re.Match[str]] = []
    gap = FIRST_GAP
    while len(found) < 4:
        space = gap.match(text, position)
        word = NOUN.match(text, space.end()) if space else None
        leading = all(w.group().lower() in _MODIFIERS for w in found)
        if word is None or not (_is_noun_word(word.group(), leading) or _names_a_kind(text, word)):
            break
        found.append(word)
        position, gap = word.end(), GAP
    return found


def _names_a_kind(text: str, word: re.Match[str]) -> bool:
    """A capitalised word that modifies a plural noun after it: "Internet" in "three Internet cables"."""
    if not word.group()[0].isupper():
        return False
    following = re.match(r"\s+([a-z][a-z-]*)", text[word.end() :])
    return following is not None and _is_plural(following.group(1)) and _is_noun_word(following.group(1), False)


def _is_noun_word(word: str, leading: bool) -> bool:
    lowered = word.lower()
    if leading and lowered in _MODIFIERS:
        return True
    if lowered in _ROLES and lowered not in ("deaths", "injuries", "fatalities", "casualties"):
        return False
    if lowered in STOPWORDS or lowered in WORD_VALUES or lowered in SCALES or lowered in _AUXILIARIES:
        return False
    if word[0].isupper() and not _is_acronym(word) and not _is_plural(word):
        return False  # a name, not a counted noun; a capitalised plural ("3 Months" in a headline) counts
    return not (len(lowered) > 4 and lowered.endswith(("ed", "ly")) and not lowered.endswith("eed"))


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 or (word[0].isupper() and any(c.isdigit() for c in word))


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in _IRREGULAR_PLURALS:
        return True
    if len(word) > 2 and word[-1] == "s" and word[-2].isupper():
        return True
    return len(lowered) > 2 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


def with_context(text: str, claim: Claim) -> Claim:
    """The claim with its role: the verb or adjective that says what its value counts or measures."""
    if claim.kind is not ClaimKind.QUANTITY:
        return claim
    after = claim.end
    if claim.thing:
        found = text.find(claim.thing, claim.end)
        if 0 <= found - claim.end <= 4:
            after = found + len(claim.thing)
    role = _role_after(text, after) or _role_before(text, claim.start)
    if claim.kind is ClaimKind.QUANTITY and not role:
        role = _toll_before(text, claim.start)
    slot = claim.slot
    if claim.kind is ClaimKind.QUANTITY and (not slot or _head(slot) in _PEOPLE) and role in _ROLES:
        slot = _ROLES[role]
    return replace(claim, role=role, slot=slot or claim.slot)


def _role_after(text: str, position: int) -> str:
    """A participle or adjective after the value: "24 dead", "were killed", "have been reported injured"."""
    for _ in range(5):
        word = LOWER_WORD.match(text, position)
        if word is None:
            return ""
        lowered = word.group(1).lower()
        if lowered in _ROLES:
            return lowered
        if lowered in _AUXILIARIES:
            position = word.end()
            continue
        if lowered in ("people", "persons", "others", "more", "other", "of", "them", "villagers", "residents"):
            position = word.end()
            continue
        return ""
    return ""


def _role_before(text: str, position: int) -> str:
    """A verb just before the value: "killing at least five", "injuring dozens", "shot three"."""
    before = text[max(0, position - 40) : position]
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z'’-]*", before)
    for word in reversed(words[-3:]):
        lowered = word.lower()
        if lowered in _ROLES:
            return lowered
        if lowered not in _BETWEEN_VERB_AND_NUMBER:
            return ""
    return ""


_BETWEEN_VERB_AND_NUMBER = word_set("the a an least at more than nearly about some over another all leaving left")


def _toll_before(text: str, position: int) -> str:
    """ "the death toll ... to 11", "a toll of 24": a bare number that is a toll."""
    before = text[max(0, position - 60) : position].lower()
    return "toll" if _TOLL.search(before) else ""


_TOLL = re.compile(r"\btoll\b[^.;]{0,40}\b(?:to|of|at|is|was|stands at|rose to|reached)\s*$")


def _head(slot: str) -> str:
    words: list[str] = re.findall(r"[A-Za-z0-9-]+", slot.lower())
    if not words:
        return ""
    if len(words) > 1 and words[-1] in _GENERIC_HEADS:
        return words[-2]
    return words[-1]


def thing_class(claim: Claim) -> str:
    """What a count counts, in words outlets swap: "undersea cables" and "data lines" are both cables;
    people are counted by their role ("dead", "injured"); "" when the count says neither."""
    head = _head(claim.thing)
    if claim.role:
        role_class = _ROLES.get(claim.role) or ("dead" if claim.role == "toll" else "")
        if not head or head in _PEOPLE:
            return role_class
    if not head:
        return ""
    if head in _PEOPLE:
        return "people"
    counted = _thing_term(head)
    role_class = _ROLES.get(claim.role, "")
    return f"{counted} {role_class}" if role_class else counted


_ANCHOR = re.compile(
    r"\s+(?:people\s+|persons\s+|others\s+)?(?:in|across|around|throughout|on|at)\s+(?:the\s+)?(?:[0-9]+\s+)?"
    r"(?P<head>[A-Za-z][A-Za-z-]*(?:\s+[A-Z][A-Za-z-]*)*)"
)


def locative_anchor(text: str, claim: Claim, offset: int = 0) -> str:
    """Where a count applies, from the phrase right after it: "170,000 people in the province" → "province"."""
    end = claim.end - offset
    if claim.thing:
        found = text.find(claim.thing, end)
        if found >= 0 and found - end <= 3:
            end = found + len(claim.thing)
    anchor = _ANCHOR.match(text, end)
    return anchor.group("head").lower() if anchor else ""
