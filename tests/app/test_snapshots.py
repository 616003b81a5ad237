"""SVG snapshots of the main views on the seeds; each docstring says what the picture shows."""

from __future__ import annotations

from textual.pilot import Pilot

from tui.app.app import ClaimdiffApp
from tui.engine.reading import bundled_seeds, read_documents


def seeds_app() -> ClaimdiffApp:
    return ClaimdiffApp(read_documents(bundled_seeds()))


async def comparison_done(pilot: Pilot[int]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_initial_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """160×48: the story line "5 documents · 77 rows · 1 conflict · 55 unique", five coloured
    column headers (number, file name, title), rows of word-wrapped cells with a mark per row
    (◆ unique, = shared by all, ≈ shared by some), empty cells as "—", the first row selected,
    and the status line "Row 1 of 77 · filter: all · focus: 1 000_….txt" above the footer."""
    assert snap_compare(seeds_app(), terminal_size=(160, 48), run_before=comparison_done)


def test_after_n(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n: the GPU row (≠) is selected at the bottom of the screen, all five cells filled;
    10,000 / nearly 10,000 / 100,000 GPUs stand out in red, differing words are underlined, the
    status line says "Row 15 of 77"."""
    assert snap_compare(seeds_app(), press=["n"], terminal_size=(160, 48), run_before=comparison_done)


def test_filter_conflicts(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After f: only the conflict row is shown and selected; the status line reads
    "Row 15 of 77 (1 of 1 shown) · filter: conflicts"."""
    assert snap_compare(seeds_app(), press=["f"], terminal_size=(160, 48), run_before=comparison_done)


def test_detail_pane(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n, enter: the detail pane under the grid shows "≠ Row 15 of 77 · conflict", the words
    the row is aligned on, each document's sentence in full in its colour, and a claims table
    with "≠ GPUs" and the five values."""
    assert snap_compare(seeds_app(), press=["n", "enter"], terminal_size=(160, 48), run_before=comparison_done)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After ?: a centred box "claimdiff — keys" lists every key from the bindings, grouped as
    rows/documents/views, search bar, full-text view and app, with the legend of row marks."""
    assert snap_compare(
        seeds_app(), press=["question_mark", "wait:300"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_full_text_view(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n, o: document 1 read whole, its title on top, a legend, every sentence tinted by its
    row (green shared, orange unique, red conflict), the GPU sentence shown reversed as the
    selected one, and "esc Back to grid" in the footer."""
    assert snap_compare(seeds_app(), press=["n", "o"], terminal_size=(160, 48), run_before=comparison_done)


def test_narrow_layout(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """80×24 after n: two columns of at least 24 cells (documents 1–2), words wrapped and never
    cut, the GPU row selected, and the status line saying "documents 1–2 of 5 (Tab pages)"."""
    assert snap_compare(seeds_app(), press=["n"], terminal_size=(80, 24), run_before=comparison_done)
