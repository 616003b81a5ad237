"""The footer of every screen: the keys that fit whole, "? Help" and "q Quit" (or the way back) always among them."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ESSENTIAL_ACTIONS = frozenset({"help", "quit", "close"})
"""Keys the footer never drops: the help screen lists the rest, and these say how to get out."""


class KeyFooter(Footer):
    """Textual's footer, fitted to its width: never a label cut mid-word.

    When the keys do not fit, the others go from the end of the list, then the command palette's
    key; ``?`` (help, which lists every key) and the way out stay.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._width = -1

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        yield from fit_keys(widgets, self.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:
            self._width = event.size.width
            if self._bindings_ready:
                self.call_after_refresh(self.recompose)


def key_width(key: FooterKey) -> int:
    """Cells a footer key takes: `` k `` then ``description `` (the palette's key adds its border and padding)."""
    width = cell_len(key.key_display) + 2 + (cell_len(key.description) + 1 if key.description else 0)
    return width + 2 if key.has_class("-command-palette") else width


def fit_keys(widgets: list[Widget], width: int) -> list[Widget]:
    """The footer's widgets that fit ``width``, in their order: essential keys first kept, then the
    others from the start of the list while they fit, the palette's key when there is room for it."""
    keys = [widget for widget in widgets if isinstance(widget, FooterKey)]
    palette = [key for key in keys if key.has_class("-command-palette")]
    essential = [key for key in keys if key.action in ESSENTIAL_ACTIONS and key not in palette]
    used = sum(key_width(key) for key in essential)
    room = width - sum(key_width(key) for key in palette)
    if used > room:
        palette, room = [], width
    kept = set(essential) | set(palette)
    for key in keys:
        if key in kept:
            continue
        if used + key_width(key) > room:
            break
        kept.add(key)
        used += key_width(key)
    return [widget for widget in widgets if not isinstance(widget, FooterKey) or widget in kept]
