"""The status line as a pure function of the grid's state: no app, no Pilot."""

from __future__ import annotations

from tui.app.gridstate import FactPosition, GridState, OffScreen, RowFilter, SearchState
from tui.app.presence import doc_numbers
from tui.app.status import search_count, status_text


def state(**changes: object) -> GridState:
    values: dict[str, object] = {
        "row": 14,
        "position": 14,
        "shown_rows": 77,
        "total_rows": 77,
        "documents": 5,
        "visible": (0, 1, 2, 3, 4),
        "on_screen": (0, 1, 2, 3, 4),
        "focus": 2,
        "focus_label": "002_x.txt",
    }
    values.update(changes)
    return GridState(**values)  # type: ignore[arg-type]


def text(**changes: object) -> str:
    return status_text(state(**changes)).plain


def test_every_document_on_screen_says_nothing_of_documents() -> None:
    assert text() == "Row 15 of 77 · filter: all · focus: 3 002_x.txt"


def test_the_documents_on_screen_by_their_numbers() -> None:
    on_screen = (1, 9, 10, 11, 12)
    assert text(documents=14, visible=tuple(range(14)), on_screen=on_screen, focus=9) == (
        "Row 15 of 77 · showing 2, 10–13 of 14 ([ ] pages) · filter: all · focus: 10 002_x.txt"
    )


def test_hidden_documents_and_a_filter() -> None:
    assert text(
        visible=(0, 2, 4),
        on_screen=(0, 2, 4),
        shown_rows=40,
        position=3,
        row_filter=RowFilter.CONFLICTS,
    ) == ("Row 15 of 77 (4 of 40 shown) · showing 1, 3, 5 of 5 · filter: conflicts · focus: 3 002_x.txt · 2 hidden")


def test_rows_off_screen_folded_or_hidden() -> None:
    paged = {"documents": 14, "visible": tuple(range(14)), "on_screen": (0, 1, 2, 3, 4)}
    assert "· 9 rows off screen folded (z hides) ·" in text(**paged, away=9)
    assert "· 1 row off screen hidden (z folds) ·" in text(**paged, away=1, off_screen=OffScreen.HIDE)


def test_the_fact_and_the_mention() -> None:
    assert text(fact=FactPosition("f1", "GPUs", 2, 9)).startswith("Row 15 of 77 · fact f1 GPUs · mention 3 of 9 ·")
    assert "fact f2 dead\\u202e · 4 mentions, none here" in text(fact=FactPosition("f2", "dead\u202e", None, 4))


def test_search_counts() -> None:
    assert text(search=SearchState("ferry", 17, 2)).endswith(" · search: ferry, match 3 of 17")
    assert search_count(SearchState("ferry", 17, None)) == "17 matches"
    assert search_count(SearchState("ferry", 1, None)) == "1 match"
    assert search_count(SearchState("zeppelin", 0, None)) == "no match"


def test_no_rows() -> None:
    assert text(row=None, position=None, shown_rows=0).startswith("No rows of 77 ·")


def test_document_numbers_fold_runs_into_ranges() -> None:
    assert doc_numbers([1, 9, 10, 11, 12]) == "2, 10–13"
    assert doc_numbers([0, 1]) == "1, 2"
    assert doc_numbers([0, 1, 2, 5, 7, 8, 9, 10]) == "1–3, 6, 8–11"
    assert doc_numbers([]) == ""
