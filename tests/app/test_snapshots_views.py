"""SVG snapshots of the views for many outlets and small terminals; each docstring says what the picture shows."""

from __future__ import annotations

from outlets import make_outlets
from textual.pilot import Pilot

from tui.app.app import ClaimdiffApp
from tui.app.grid import ComparisonGrid
from tui.engine.model import RowKind
from tui.engine.reading import bundled_seeds, read_documents


def seeds_app() -> ClaimdiffApp:
    return ClaimdiffApp(read_documents(bundled_seeds()))


def outlets_app() -> ClaimdiffApp:
    return ClaimdiffApp(make_outlets(14))


async def comparison_done(pilot: Pilot[int]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def provenance_open(pilot: Pilot[int]) -> None:
    await comparison_done(pilot)
    await pilot.press("p")
    await comparison_done(pilot)


async def toll_row_detail(pilot: Pilot[int]) -> None:
    """The conflict row every outlet is in (the toll), its detail pane open."""
    await comparison_done(pilot)
    grid = pilot.app.query_one(ComparisonGrid)
    rows = grid.comparison.rows
    conflicts = [number for number, row in enumerate(rows) if row.kind is RowKind.CONFLICT]
    grid.select_row(max(conflicts, key=lambda number: len(rows[number].cells)))
    await pilot.press("enter")
    await pilot.pause()


def test_provenance_fourteen_outlets(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """160×48 after p on the 14-outlet ferry story: "Who copied whom · 14 documents · 50 pairs copied
    verbatim · ● = a shared run of 20+ words · …", a legend, then the matrix: a row and a column per
    outlet in the clustered order (the wire outlets 3, 4, 5 next to each other), labels and numbers in
    their colours, each cell "words/rows" with ● (bold, amber) where the pair copied, "—" dim on the
    diagonal. The cursor is on 4 ↔ 5 (139 words); the card under the matrix names the pair, "● copied
    verbatim (a run of 104 words)", and quotes their two longest shared passages with hanging indents."""
    assert snap_compare(outlets_app(), terminal_size=(160, 48), run_before=provenance_open)


def test_detail_pane_fourteen_outlets(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """160×48, the toll row (≠, all 14 outlets) with its detail pane: it takes half the screen and
    scrolls (its scrollbar shows); the head "≠ Row … · conflict", the words it is aligned on, each
    outlet's sentence in full with its label in its colour; the claims (further down) read one line
    per fact, "≠ dead (f1)  15 ×10 (1–5, …) · at least 15 ×3 (…) · 12 ×1 (6)"."""
    assert snap_compare(outlets_app(), terminal_size=(160, 48), run_before=toll_row_detail)


def test_full_text_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """80×24 after n, o, j: document 1 read whole; its title cut at a word ("… Twitter Opens…"), the
    legend with each kind on its own background, sentences tinted (red conflict, grey-green shared,
    amber unique), the selected sentence reversed, the status line "sentence … of 23 · row … · …%"
    and a footer that keeps "esc Back to grid" and "? Help"."""
    assert snap_compare(seeds_app(), press=["n", "o", "j"], terminal_size=(80, 24), run_before=comparison_done)


def test_grid_sixty_columns(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """60×20: the story line without the name ("5 documents · … rows · … conflicts · … unique"), two
    columns of at least 24 cells, and a footer that keeps "n Next conflict", "q Quit", "? Help" and
    the palette key, every label whole."""
    assert snap_compare(seeds_app(), terminal_size=(60, 20), run_before=comparison_done)


def test_help_sixty_columns(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """60×20 after ?: the help box fits the screen, the key column whole, descriptions wrapped; its
    scrollbar shows that it scrolls (j / k, space / b, the arrows, the wheel)."""
    assert snap_compare(seeds_app(), press=["question_mark"], terminal_size=(60, 20), run_before=comparison_done)
