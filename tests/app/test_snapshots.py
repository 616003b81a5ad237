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
    """160×48: the story line "5 documents · 77 rows · 4 conflicts · 53 unique", five coloured
    column headers (number, file name, title), rows of word-wrapped cells with a mark per row
    (◆ unique, ≈ shared by some, ≠ conflict: the headlines, "thousands" and "100,000" in red),
    empty cells as "—", the first row selected, the status line "Row 1 of 77 · filter: all ·
    focus: 1 000_….txt" (no fact: the row states none) and the footer with "c Claims ledger"."""
    assert snap_compare(seeds_app(), terminal_size=(160, 48), run_before=comparison_done)


def test_after_n(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n: the headlines' row (≠) is selected, all five cells filled; "thousands" (documents
    2 and 4) and "100,000" (document 3) stand out in red, differing words are underlined, and the
    status line says "Row 6 of 77 · fact f1 GPUs · mention 1 of 10"."""
    assert snap_compare(seeds_app(), press=["n"], terminal_size=(160, 48), run_before=comparison_done)


def test_filter_conflicts(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After f: only the four conflict rows are shown, all about the GPU count: the headlines
    (selected), document 5's "approximately 10,000" alone, the GPU purchase row (10,000 / nearly
    10,000 / 100,000 in red) and document 5's "thousands"; the status line reads "Row 6 of 77
    (1 of 4 shown) · fact f1 GPUs · mention 1 of 10 · filter: conflicts"."""
    assert snap_compare(seeds_app(), press=["f"], terminal_size=(160, 48), run_before=comparison_done)


def test_detail_pane(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n n n, enter: the detail pane of the GPU row shows "≠ Row 15 of 77 · conflict", the red
    line "≠ document 5 contradicts itself: approximately 10,000 vs 100,000 GPUs (f1)", the words
    the row is aligned on, each document's sentence in full with its label in its colour, and a
    claims table with one line per fact ("≠ GPUs (f1)", "data centers", "anonymous insiders") and a
    column per document (number and short label); the clashing GPU values are red, document 3's
    100,000 (a repeat of its headline's) and the other facts' values are not."""
    assert snap_compare(
        seeds_app(), press=["n", "n", "n", "enter"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_ledger(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After c: the claims ledger. A title "Claims ledger · 15 facts · 1 disputed · 1
    self-contradiction · all shown", a legend, then one line per fact: first the red "≠ f1 GPUs"
    (highlighted) with each value, its count and its documents by number ("thousands ×3 (2, 4, 5)",
    … "100,000 ×2 (3, 5)") and "≠ 5 contradicts itself"; then the undisputed facts, "=" where
    several documents agree and "◆" where one states it, naming documents by number and short label
    ("1 000_19b…"). Under a rule, the card of f1: its values with full document labels, the
    self-contradiction and "Enter: go to row 6 …"; the footer offers Enter, d and Esc."""
    assert snap_compare(seeds_app(), press=["c"], terminal_size=(160, 48), run_before=comparison_done)


def test_ledger_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """80×24 after c: the same ledger; a line too wide even with document numbers alone ends in "…"
    (f1's), and f5's names its documents by number alone to fit; the card of f1 takes the lower
    part: the self-contradiction first, then one document per line where a value's list would not
    fit, and it scrolls (its scrollbar shows that it continues)."""
    assert snap_compare(seeds_app(), press=["c"], terminal_size=(80, 24), run_before=comparison_done)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After ?: a centred box "claimdiff — keys" lists every key from the bindings, grouped as
    rows/documents/views (with c Claims ledger, m / M the fact's mentions), search bar, full-text
    view, claims ledger and app; the box scrolls (its scrollbar shows) to the app keys and the
    legend of row marks."""
    assert snap_compare(
        seeds_app(), press=["question_mark", "wait:300"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_full_text_view(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n, o: document 1 read whole, its title on top, a legend, every sentence tinted by its
    row (green shared, orange unique, red conflict), the headline shown reversed as the selected
    one, the GPU sentence red, and "esc Back to grid" in the footer."""
    assert snap_compare(seeds_app(), press=["n", "o"], terminal_size=(160, 48), run_before=comparison_done)


def test_narrow_layout(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """80×24 after n: two columns of at least 24 cells (documents 1–2), words wrapped and never
    cut, the headlines' row selected ("thousands" red in document 2), and the status line
    "Row 6 of 77 · fact f1 GPUs · mention 1 of 10 · documents 1–2 of 5 (Tab pages)"."""
    assert snap_compare(seeds_app(), press=["n"], terminal_size=(80, 24), run_before=comparison_done)
