"""What the app shows while the comparison runs: the stage, a progress bar, and how to cancel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, ProgressBar

from tui.engine.progress import Progress


class LoadingView(Vertical):
    """``Comparing 5 documents…`` with the current stage and a progress bar."""

    def __init__(self, documents: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.documents = documents

    def compose(self) -> ComposeResult:
        noun = "document" if self.documents == 1 else "documents"
        yield Label(f"Comparing {self.documents} {noun}…", id="loading-title")
        yield Label("reading", id="loading-stage")
        yield ProgressBar(total=100, show_eta=False, id="loading-bar")
        yield Label("Esc cancels", id="loading-hint")

    def show(self, progress: Progress) -> None:
        self.query_one("#loading-stage", Label).update(progress.stage)
        bar = self.query_one(ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.done)
