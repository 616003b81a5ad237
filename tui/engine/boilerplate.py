"""Recognise page furniture (breadcrumbs, bylines, share prompts, copyright) among an article's units."""

from __future__ import annotations

import re

_I = re.IGNORECASE

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}})"
)

ANYWHERE: tuple[re.Pattern[str], ...] = (
    # Copyright notices: "Copyright © 2022-2023 FAMEEX.COM All Rights Reserved".
    re.compile(r"©|^copyright\s*(?:\(c\)|\d{4})|\ball rights reserved\b", _I),
    # Aggregator credits: "Source link", "source: www.cnbcindonesia.com".
    re.compile(r"^source\s*link$|^source\s*:\s*(?:www\.)?[\w-]+(?:\.[\w-]+)+/?\S*$", _I),
    # Embedded-widget placeholders: "[Gambas:Video CNBC]".
    re.compile(r"^\[gambas:[^\]]*\]$", _I),
    # Advertisement slots: "Advertisement", "Story continues below advertisement".
    re.compile(r"^(?:story continues (?:below|after) )?(?:the )?advertisement$", _I),
)
"""Patterns unmistakable wherever they stand in a document."""

NEWSLETTER_PROMPT = re.compile(
    r"\b(?:news|newsletters?|updates|stories|headlines|briefing|digest)\b.{0,40}"
    r"\b(?:in|to|into) your inbox\b"
    r"|^(?:please\s+)?subscribe\b|^sign\s*up\b"
    r"|\b(?:subscribe to|sign up for) (?:our|the)\b.{0,30}\bnewsletters?\b",
    _I,
)
"""Newsletter prompts, wherever they stand: "Get the daily news in your inbox", "Subscribe now",
"Sign up for ..."."""

_NEWSLETTER_HINT = re.compile(r"[isn](?:nbox|ubscribe|ign|ewsletter)", _I)
"""A word every newsletter prompt has: a quick test that spares most sentences the slow pattern."""

EDGE_ANY_LENGTH: tuple[re.Pattern[str], ...] = (
    # Breadcrumbs glued to the headline: "HomeGeneralElon Musk ...", "Home » Tech » ...".
    re.compile(r"^Home(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*[A-Z]|\s*[»>›/|]\s*\S)"),
    # Comment widgets: "Mathew Ayodele on How to Buy Tron in Nigeria".
    re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\s+on\s+[A-Z][^.!?]*$"),
    # Legal disclaimers: "Disclaimer: The information provided in this section ...".
    re.compile(r"^disclaimer\s*:", _I),
)
"""Patterns counted at the top or bottom of a document, whatever the line's length."""

EDGE_PROMPTS: tuple[re.Pattern[str], ...] = (
    # Comment forms: "Leave A Reply", "Please enter your comment!", "Please enter your name here".
    re.compile(
        r"^(?:leave a (?:reply|comment)|please enter your (?:comment|name|e-?mail|website)\b"
        r"|(?:post|submit) (?:a )?comment|cancel reply)",
        _I,
    ),
    # Share and follow prompts: "Share this article", "Follow us on Twitter".
    re.compile(r"^(?:share (?:this|on|via)\b|follow us\b|like us on\b|join us on\b)", _I),
    # Link prompts: "Read more", "Click here", "Continue reading".
    re.compile(r"^(?:read (?:more|also|next)|click here|continue reading|see also)\b", _I),
)
"""Short prompts counted at the top or bottom of a document, even when they end in punctuation."""

BYLINE = re.compile(
    r"^(?i:(?:written |posted |reported )?by|author\s*:)\s+"
    r"[A-Z][\w.'’-]*(?:\s*(?:,|and|&)?\s+[A-Z][\w.'’-]*)*(?:\s*[|·•]\s*[\w .&'’-]+)?$"
)
"""Bylines: "By Jane Doe", "Written by Jane Doe and John Roe", "Author: Jane Doe", "By Jane Doe | Site"."""

DATELINE = re.compile(
    rf"^(?:(?:published|updated|posted)(?:\s+on)?\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?|{_TIME})$",
    _I,
)
"""Datelines that are only a date or time: "Thursday, May 23, 2024", "2023-04-13 11:14:00"."""

EDGE_LABELS: tuple[re.Pattern[str], ...] = (
    # Section headings: "Most Popular", "Recent Comments", "Related Stories", "Next Article".
    re.compile(
        r"^(?:most (?:popular|read|viewed|shared)|(?:recent|latest|popular|top) "
        r"(?:comments|articles|posts|stories|news)|related(?: (?:stories|articles|posts|news|topics))?"
        r"|other (?:articles|stories|news)|(?:next|previous|prev) (?:article|post|story)"
        r"|(?:you (?:may|might) )?also like|more (?:from|stories|articles|news)\b.*"
        r"|trending(?: now)?|tags?\s*:.*|comments?|advertisement)$",
        _I,
    ),
    BYLINE,
    # Staff credits: "AI Catalog's chief editor", "Senior Reporter".
    re.compile(
        r"(?:^|['’]s\s+|,\s+)(?:(?:chief|senior|managing|deputy|contributing|staff|executive)\s+)"
        r"(?:editor|writer|reporter|correspondent|columnist)s?$"
        r"|['’]s\s+(?:editor|writer|reporter|correspondent|columnist)$",
        _I,
    ),
    DATELINE,
    # Share-widget labels: "Share", "Tweet", "WhatsApp".
    re.compile(
        r"^(?:share|tweet|print|e-?mail|facebook|whatsapp|linkedin|pinterest|reddit|telegram)$",
        _I,
    ),
    # App promotions with squashed menu items: "FameEX APPMobile trading, anytime, anywhere".
    re.compile(r"[A-Z]{3,}[a-z]{2,}|\banytime,? anywhere\b"),
)
"""Short labels counted at the top or bottom of a document, only without sentence-final punctuation."""

MAX_LABEL_WORDS = 8
"""Longest line, in words, that can count as a label or prompt."""

EDGE_TOP = 3
"""Units before this position are near the top of a document."""

EDGE_BOTTOM = 6
"""Units this close to the end of a document are near its bottom."""

_FINAL_PUNCTUATION = re.compile(r"[.!?…][\"'”’)\]]*$")


def is_boilerplate(sentence: str, *, position: int, count: int) -> bool:
    """True when the unit at ``position`` of ``count`` is page furniture rather than reporting."""
    text = " ".join(sentence.split())
    if not text:
        return False
    if _matches(ANYWHERE, text) or (_NEWSLETTER_HINT.search(text) and NEWSLETTER_PROMPT.search(text)):
        return True
    if not _near_edge(position, count):
        return False
    return _matches(EDGE_ANY_LENGTH, text) or _short_label(text)


def is_byline_or_dateline(sentence: str) -> bool:
    """True for a unit that only says who wrote a document or when: never a row other outlets share."""
    text = " ".join(sentence.split())
    return bool(BYLINE.search(text) or DATELINE.search(text))


def _near_edge(position: int, count: int) -> bool:
    """True when a unit sits among the first or last few of its document."""
    return position < EDGE_TOP or position >= count - EDGE_BOTTOM


def _short_label(text: str) -> bool:
    """True when a short line is a prompt, or an unpunctuated label."""
    if len(text.split()) > MAX_LABEL_WORDS:
        return False
    if _matches(EDGE_PROMPTS, text):
        return True
    return not _FINAL_PUNCTUATION.search(text) and _matches(EDGE_LABELS, text)


def _matches(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """True when any of ``patterns`` occurs in ``text``."""
    return any(pattern.search(text) for pattern in patterns)
