"""The outlet lens: pick which documents the grid shows, filtered fuzzily by number, label, title and site."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

from tui.app.fuzzy import rank
from tui.app.palette import document_style
from tui.app.presence import doc_numbers
from tui.engine.model import Document
from tui.visible import single_line


class LensFilter(Input):
    """The lens's filter field: it types every printable key but Space, which checks a document."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return character != " " and super().check_consume_key(key, character)


class LensList(ScrollView):
    """The documents the filter leaves, one line each: ``[x] 12 label · title · site``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"lens--cursor", "lens--checked", "lens--unchecked", "lens--empty"}

    cursor: reactive[int] = reactive(0, init=False)

    def __init__(self, documents: list[Document], checked: set[int], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents = documents
        self.checked = checked
        self.listed: list[int] = list(range(len(documents)))

    @property
    def highlighted(self) -> int | None:
        return self.listed[self.cursor] if self.listed else None

    def show(self, listed: list[int]) -> None:
        self.listed = listed
        self.set_reactive(LensList.cursor, 0)
        self._layout()

    def on_mount(self) -> None:
        self._layout()

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def _layout(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, max(len(self.listed), 1))
        self.set_reactive(LensList.cursor, min(self.cursor, max(len(self.listed) - 1, 0)))
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True, force=True)
        self.refresh()

    def watch_cursor(self) -> None:
        self._layout()

    def move(self, step: int) -> None:
        if self.listed:
            self.cursor = min(max(self.cursor + step, 0), len(self.listed) - 1)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = y + round(self.scroll_offset.y)
        base = self.rich_style
        if not self.listed:
            if y:
                return Strip.blank(width, base)
            style = base + self.get_component_rich_style("lens--empty", partial=True)
            return Strip([Segment("No document matches", style)]).adjust_cell_length(width, base)
        if position >= len(self.listed):
            return Strip.blank(width, base)
        if position == self.cursor:
            base = base + self.get_component_rich_style("lens--cursor")
        doc = self.listed[position]
        document = self.documents[doc]
        checked = doc in self.checked
        box = self.get_component_rich_style("lens--checked" if checked else "lens--unchecked", partial=True)
        site = getattr(document, "site", "") or ""
        named = site.lower() in document.label.lower() or site.lower() in document.title.lower()
        rest = f" · {single_line(document.title)}" + (f" · {single_line(site)}" if site and not named else "")
        segments = [
            Segment(" [x] " if checked else " [ ] ", base + box),
            Segment(f"{doc + 1:>2} {single_line(document.label)}", base + document_style(doc)),
            Segment(rest, base + Style(italic=True)),
        ]
        strip = Strip(segments)
        if strip.cell_length > width:
            strip = Strip.join([strip.crop(0, max(width - 1, 0)), Strip([Segment("…", base)])])
        return strip.adjust_cell_length(width, base)

    def on_click(self, event: events.Click) -> None:
        position = event.y + round(self.scroll_offset.y)
        if 0 <= position < len(self.listed):
            self.cursor = position
            screen = self.screen
            if isinstance(screen, LensScreen):
                screen.action_check()


class LensScreen(ModalScreen[frozenset[int] | None]):
    """A picker over the grid: type to filter, Space to check, Enter to show the checked documents.

    Dismissed with the documents to show, or None (Esc). Given ``pair_with``, it picks one document
    to show beside that one: Enter dismisses with the two.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "check", "Check / uncheck", key_display="Space", priority=True),
        Binding("enter", "apply", "Show the checked documents", priority=True),
        Binding("down", "move(1)", "Next document", show=False, priority=True),
        Binding("up", "move(-1)", "Prev document", show=False, priority=True),
        Binding("pagedown", "move(10)", "Page down", show=False, priority=True),
        Binding("pageup", "move(-10)", "Page up", show=False, priority=True),
        Binding("ctrl+o", "only", "Only this one", key_display="Ctrl+O", priority=True),
        Binding("ctrl+t", "toggle_all", "Check / uncheck all listed", key_display="Ctrl+T", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    def __init__(self, documents: list[Document], shown: frozenset[int], *, pair_with: int | None = None) -> None:
        super().__init__()
        self.documents = documents
        self.pair_with = pair_with
        self.checked: set[int] = {pair_with} if pair_with is not None else set(shown)

    def compose(self) -> ComposeResult:
        with Vertical(id="lens-box"):
            yield Static(self._title(), id="lens-title")
            yield LensFilter(placeholder="Filter by number, name, title or site…", id="lens-filter")
            yield LensList(self.documents, self.checked, id="lens-list")
            yield Static(self._hint(), id="lens-hint")

    def on_mount(self) -> None:
        self.query_one(LensFilter).focus()

    def _title(self) -> Text:
        total = len(self.documents)
        if self.pair_with is not None:
            doc = self.pair_with
            return Text.assemble(
                ("Compare ", "bold"),
                (f"{doc + 1} {single_line(self.documents[doc].label)}", document_style(doc)),
                (" with…", "bold"),
            )
        checked = sorted(self.checked)
        return Text.assemble(
            ("Outlets", "bold"),
            f" · {len(checked)} of {total} checked",
            (f": {doc_numbers(checked)}" if checked and len(checked) < total else ""),
        )

    def _hint(self) -> Text:
        if self.pair_with is not None:
            return Text("Type to filter · ↑ ↓ choose · Enter shows these two · Esc cancels", style="italic")
        return Text(
            "Type to filter · ↑ ↓ move · Space checks · Ctrl+O only this · Ctrl+T all listed · "
            "Enter shows the checked · Esc cancels",
            style="italic",
        )

    def _refresh(self) -> None:
        self.query_one("#lens-title", Static).update(self._title())
        self.query_one(LensList).refresh()

    @on(LensFilter.Changed, "#lens-filter")
    def _filter(self, message: LensFilter.Changed) -> None:
        message.stop()
        self.query_one(LensList).show(rank(message.value, self.documents))

    def action_move(self, step: int) -> None:
        self.query_one(LensList).move(step)

    def action_check(self) -> None:
        doc = self.query_one(LensList).highlighted
        if doc is None:
            self.app.bell()
            return
        if self.pair_with is not None:
            self.action_apply()
            return
        if doc in self.checked:
            self.checked.discard(doc)
        else:
            self.checked.add(doc)
        self._refresh()

    def action_only(self) -> None:
        doc = self.query_one(LensList).highlighted
        if doc is None or self.pair_with is not None:
            self.app.bell()
            return
        self.checked.clear()
        self.checked.add(doc)
        self._refresh()

    def action_toggle_all(self) -> None:
        listed = self.query_one(LensList).listed
        if self.pair_with is not None or not listed:
            self.app.bell()
            return
        if all(doc in self.checked for doc in listed):
            self.checked.difference_update(listed)
        else:
            self.checked.update(listed)
        self._refresh()

    def action_apply(self) -> None:
        if self.pair_with is not None:
            doc = self.query_one(LensList).highlighted
            if doc is None or doc == self.pair_with:
                self.app.bell()
                self.notify("Choose another document to compare with", timeout=2)
                return
            self.dismiss(frozenset({self.pair_with, doc}))
            return
        if not self.checked:
            self.app.bell()
            self.notify("Check at least one document (Space)", timeout=2)
            return
        self.dismiss(frozenset(self.checked))

    def action_cancel(self) -> None:
        self.dismiss(None)
