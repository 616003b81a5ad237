"""Make document text safe to show: control, bidi and zero-width characters become visible marks."""

from __future__ import annotations

import re

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_SEPARATORS = "\u2028\u2029\u0085"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}{_ZERO_WIDTH}{_SEPARATORS}]")


def _mark(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\x1b":
        return "␛"
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ␇ ␈ ␍ ...
    if code == 0x7F:
        return "␡"
    return f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every character that could steer a terminal or hide text shown as a mark.

    Tabs and newlines stay. ESC becomes ``␛``, other C0 controls their Control Pictures
    (``␇`` for BEL), C1 controls, bidi overrides and zero-width characters ``\\u202e``-style.

    >>> visible("a\\x1b[2Jb\\u202ec\\x07")
    'a␛[2Jb\\\\u202ec␇'
    """
    return _UNSAFE.sub(_mark, text)


def escape_for_json(encoded: str) -> str:
    """JSON text with every character ``visible`` would mark written as a ``\\uXXXX`` escape.

    The decoded value is unchanged (the exact text stays in the data), but printing the JSON on a
    terminal can no longer move the cursor or flip the reading direction. Characters below 0x20
    are escaped by the json module already.
    """
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def single_line(text: str) -> str:
    """``visible`` text with runs of whitespace folded to single spaces."""
    return " ".join(visible(text).split())


_WHITESPACE = re.compile(r"\s+")


def folded(text: str) -> str:
    """``visible`` text with each run of whitespace made one space, ends kept (for pieces)."""
    return _WHITESPACE.sub(" ", visible(text))
