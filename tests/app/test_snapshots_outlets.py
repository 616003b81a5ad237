"""SVG snapshots of fourteen outlets on one screen; each docstring says what the picture shows."""

from __future__ import annotations

from outlets import make_outlets
from textual.pilot import Pilot

from tui.app.app import ClaimdiffApp


def outlets_app(count: int = 14) -> ClaimdiffApp:
    return ClaimdiffApp(make_outlets(count))


async def comparison_done(pilot: Pilot[int]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_outlets_folded_rows_and_presence_strip(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """160×48, 14 outlets: five columns (documents 1–5) beside a gutter that holds each row's mark and
    its presence strip, one cell per document ("•" has the row, "·" lacks it, red "≠" gives a
    clashing value); over the strip the document numbers stand upright (tens over units, 1–5 in their
    colours), and the fifth header ends with "9 more ▶". Rows none of documents 1–5 hold fold to one
    dim line each ("◦ held by 8 (off screen): By Tom Okafor | Evening Wire"), a rule after each run
    of them; the cursor starts on the first row, which documents 1, 3 and 5 hold. The status line:
    "Row 1 of 28 · showing 1–5 of 14 ([ ] pages) · 9 rows off screen folded (z hides) · …"."""
    assert snap_compare(outlets_app(), terminal_size=(160, 48), run_before=comparison_done)


def test_outlets_n_brings_both_sides_of_the_clash(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After n: the headline row where document 6 says 12 dead and the others 15 is selected, and the
    columns that show the clash came on screen: documents 2, 4, 6, 8 and 10 (each holds the row, 6's
    "12" and the others' "15" in red); the headers read "◀ 1 more" and "4 more ▶", the upright
    numbers over the strip light 2, 4, 6, 8, 10, the focus moved to document 6 (its column was
    needed), row 1 folded to "◦ held by 1, 3, 5, 7, 9, 11, 13 (off screen): …", and the status line
    says "Row 2 of 28 · fact f1 dead · mention 3 of 21 · showing 2, 4, 6, 8, 10 of 14 …"."""
    assert snap_compare(outlets_app(), press=["n"], terminal_size=(160, 48), run_before=comparison_done)


def test_outlets_rows_off_screen_hidden(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After z: the rows no document on screen holds are hidden instead of folded; only rows with a
    cell in documents 1–5 remain (bylines of 2, 1, 3, 4, 5, the dateline, the long lead, the wire
    sentence of 3–5), and the status line says "Row 1 of 28 (1 of 19 shown) · … · 9 rows off screen
    hidden (z folds)"."""
    assert snap_compare(outlets_app(), press=["z"], terminal_size=(160, 48), run_before=comparison_done)


def test_outlets_lens(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After s, ↓, Space, ↓: the outlet lens, a box over the dimmed grid: "Outlets · 13 of 14 checked:
    1, 3–14", the filter field (empty, its placeholder), and one line per document — a green "[x]"
    or a grey "[ ]" (document 2, just unchecked), its number and label in its colour and its title
    in italics — the highlight on document 3, and the keys under the list."""
    assert snap_compare(
        outlets_app(), press=["s", "down", "space", "down"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_outlets_lens_filtered(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After s, t, i: the lens filtered fuzzily to the documents whose number, label or title hold
    "t" then "i": 2 Coastal Times first (a word that starts with "ti"), then 9 Tidewater, 12 Metro
    Bulletin and 11 Globe Dispatch; all still checked ("14 of 14 checked")."""
    assert snap_compare(outlets_app(), press=["s", *"ti"], terminal_size=(160, 48), run_before=comparison_done)


def test_outlets_search(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After / coast Enter: the search bar at the bottom still shows "coast" (its keys in the footer),
    the cursor went to the first matching row, row 8 (document 2's byline "By Tom Okafor | Coastal
    Times", "Coast" highlighted), and the status line ends "search: coast, match 1 of 2": two rows
    hold it."""
    assert snap_compare(
        outlets_app(), press=["slash", *"coast", "enter"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_outlets_only_two(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """After v, metro, Enter: only document 1 (the focus) and document 12 (picked in the lens) are
    shown, in two wide columns without a strip (every shown document is on screen); rows neither
    holds are gone; the status line says "Row 1 of 28 (1 of 13 shown) · showing 1, 12 of 14 · … · 12
    hidden"."""
    assert snap_compare(
        outlets_app(), press=["v", *"metro", "enter"], terminal_size=(160, 48), run_before=comparison_done
    )


def test_outlets_narrow(snap_compare) -> None:  # type: ignore[no-untyped-def]
    """80×24 after n: two columns, the two sides of the clash (document 2 "15 dead", document 6 "12
    dead"), "◀ 1 more" and "8 more ▶" in the headers, the strip still one cell per document, and most
    other rows folded to one line each naming their documents."""
    assert snap_compare(outlets_app(), press=["n"], terminal_size=(80, 24), run_before=comparison_done)
