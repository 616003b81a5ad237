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
    """160×48: the story line "5 documents · 78 rows · 4 conflicts · 55 unique", five coloured
    column headers (number, file name, title), rows of word-wrapped cells with a mark per row
    (◆ unique, ≈ shared by some, ≠ conflict: the headlines, "thousands" and "100,000" in red),
    empty cells as "—", no presence strip (every document is on screen), the first row (document
    3's date) selected, the status line "Row 1 of 78 · filter: all · focus: 1 000_….txt" (no fact:
    the row states none) and the footer with "s Outlets", "c Claims ledger" and "p Who copied whom"."""
    assert snap_compare(seeds_app(), terminal_size=(160, 48), run_before=comparison_done)


def test_after_n(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n: the headlines' row (≠) is selected, all five cells filled; "thousands" (documents
    2 and 4) and "100,000" (document 3) stand out in red, differing words are underlined, and the
    status line says "Row 7 of 78 · fact f1 GPUs · mention 1 of 10"."""
    assert snap_compare(seeds_app(), press=["n"], terminal_size=(160, 48), run_before=comparison_done)


def test_filter_conflicts(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After f: only the four conflict rows are shown, all about the GPU count: the headlines
    (selected), document 5's "approximately 10,000" alone, the GPU purchase row (10,000 / nearly
    10,000 / 100,000 in red) and document 5's "thousands"; the status line reads "Row 7 of 78
    (1 of 4 shown) · fact f1 GPUs · mention 1 of 10 · filter: conflicts"."""
    assert snap_compare(seeds_app(), press=["f"], terminal_size=(160, 48), run_before=comparison_done)


def test_detail_pane(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n n n, enter: the detail pane of the GPU row shows "≠ Row 16 of 78 · conflict", the red
    line "≠ document 5 contradicts itself: approximately 10,000 vs 100,000 GPUs (f1)", the words
    the row is aligned on, each document's label in its colour with its sentence in full beside it
    (wrapped lines hang under the sentence), and a claims table with one line per fact ("≠ GPUs
    (f1)", "data centers (f3)", "anonymous insiders (f13)") and a column per document (number and
    short label); the clashing GPU values are red, document 3's 100,000 (a repeat of its
    headline's) and the other facts' values are not. The pane is as tall as all that, no blank
    lines under it."""
    assert snap_compare(
        seeds_app(), press=["n", "n", "n", "enter"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_ledger(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After c: the claims ledger. A title "Claims ledger · 16 facts · 1 disputed · 1
    self-contradiction · all shown", a legend, then one line per fact: first the red "≠ f1 GPUs"
    (highlighted) with each value, its count and its documents by number ("thousands ×3 (2, 4, 5)",
    … "100,000 ×2 (3, 5)") and "≠ 5 contradicts itself"; then the undisputed facts, "=" where
    several documents agree and "◆" where one states it, naming documents by number and short label
    ("1 000_19b…"). Under a rule, the card of f1: its values with full document labels, the
    self-contradiction and "Enter: go to row 7 …"; the footer offers Enter, d and Esc."""
    assert snap_compare(seeds_app(), press=["c"], terminal_size=(160, 48), run_before=comparison_done)


def test_ledger_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """80×24 after c: the same ledger; a line too wide even with document numbers alone ends in "…"
    (f1's), and f5's names its documents by number alone to fit; the card of f1 takes the lower
    part: the self-contradiction first, then one document per line where a value's list would not
    fit, and it scrolls (its scrollbar shows that it continues)."""
    assert snap_compare(seeds_app(), press=["c"], terminal_size=(80, 24), run_before=comparison_done)


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After ?: a centred box "claimdiff — keys" lists every key from the bindings, grouped as
    rows/documents/views (with ] / [ pages of documents, z fold / hide, s outlets, > / < search
    matches, c Claims ledger, m / M the fact's mentions), search bar (Enter / ↓, Shift+Enter / ↑,
    Esc keeps the pattern), outlet lens, full-text view (its sentence walk, n / u, / and > / <),
    who copied whom (p), claims ledger and app (p, J / K for the detail pane); one key column for
    every section; the box scrolls (its scrollbar shows) to the app keys and the legend of row marks.
    The footer under it drops "p Who copied whom" (not offered over another screen)."""
    assert snap_compare(
        seeds_app(), press=["question_mark", "wait:300"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_full_text_view(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n, o: document 1 read whole, its title on top, a legend whose words stand on the tints
    themselves, every sentence tinted by its row (grey-green shared, amber unique, red conflict,
    furniture such as "Next Article" dimmed), the headline shown reversed as the selected one, the
    GPU sentence red, the status line "sentence 1 of 23 · row 7 ≠ conflict · 100%" and "n Next
    conflict", "/ Search", "esc Back to grid" and "? Help" in the footer."""
    assert snap_compare(seeds_app(), press=["n", "o"], terminal_size=(160, 48), run_before=comparison_done)


def test_narrow_layout(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """80×24 after n: two columns of at least 24 cells beside a presence strip of five marks (the
    numbers 1–5 over it, 1 and 5 lit); the cursor started on the headlines (the first row with a
    cell on screen) and n went to the next conflict, document 5's "approximately 10,000" (red),
    whose column came on screen beside document 1's ("—"); rows that neither holds are folded to
    one line each ("◦ held by 4 (off screen): 2023-04-13 11:14:00"), and the status line says
    "Row 12 of 78 · fact f1 GPUs · mention 4 of 10 · showing 1, 5 of 5 ([ ] pages)". The footer
    keeps what fits whole, "q Quit" and "? Help" always among it."""
    assert snap_compare(seeds_app(), press=["n"], terminal_size=(80, 24), run_before=comparison_done)
