"""Key names as people read them, and the rows of the help screen built from bindings."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "slash": "/",
    "question_mark": "?",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "escape": "Esc",
    "enter": "Enter",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "shift+enter": "Shift+Enter",
}


def key_name(key: str) -> str:
    """``down`` → ``↓``, ``slash`` → ``/``, ``ctrl+o`` → ``Ctrl+O``; letters stay as typed (``N`` is shift+n)."""
    if key.startswith("ctrl+") and len(key) == 6:
        return f"Ctrl+{key[-1].upper()}"
    return _NAMES.get(key, key)


def binding_rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, description) for each binding, its keys joined: ``j / ↓``. Digits 1–9 fold into one."""
    rows: list[tuple[str, str]] = []
    digits_done = False
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = [key.strip() for key in binding.key.split(",")]
        if binding.action.startswith("toggle_document("):
            if not digits_done:
                rows.append(("1 – 9", "Hide / show document N"))
                digits_done = True
            continue
        rows.append((" / ".join(key_name(key) for key in keys), binding.description))
    return rows
