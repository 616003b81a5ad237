"""Which documents are on screen: paging, stepping the focus, refitting and bringing evidence (pure)."""

from __future__ import annotations

from tui.app.evidence import clash_groups
from tui.app.layout import columns_that_fit, place_columns
from tui.app.paging import bring, page, refit, step_focus, window
from tui.engine.model import Cell, Conflict, Row, RowKind

ALL = list(range(14))


def test_columns_that_fit_leave_room_for_the_strip_only_when_paged() -> None:
    assert columns_that_fit(158, 5) == (5, False)
    fit, strip = columns_that_fit(158, 14)
    assert strip and fit == 5
    columns = place_columns(158, range(5), ALL, strip=True)
    assert columns.gutter == 17 and columns.starts[0] == 17 and columns.width >= 24
    assert columns.off_left == 0 and columns.off_right == 9


def test_pages_are_screenfuls_and_the_last_one_is_full() -> None:
    assert window(ALL, 5) == (0, 1, 2, 3, 4)
    assert page(ALL, (0, 1, 2, 3, 4), 5, +1) == (5, 6, 7, 8, 9)
    assert page(ALL, (5, 6, 7, 8, 9), 5, +1) == (9, 10, 11, 12, 13)
    assert page(ALL, (9, 10, 11, 12, 13), 5, +1) is None
    assert page(ALL, (2, 3, 4, 5, 6), 5, -1) == (0, 1, 2, 3, 4)
    assert page(ALL, (0, 1, 2, 3, 4), 5, -1) is None
    assert page(ALL, (1, 3, 5, 7, 9), 5, +1) == (9, 10, 11, 12, 13)


def test_tab_moves_along_the_columns_then_slides_them() -> None:
    assert step_focus(ALL, (0, 1, 2, 3, 4), 2, 5, +1) == (3, (0, 1, 2, 3, 4))
    assert step_focus(ALL, (0, 1, 2, 3, 4), 4, 5, +1) == (5, (1, 2, 3, 4, 5))
    assert step_focus(ALL, (1, 3, 5, 7, 9), 3, 5, +1) == (5, (1, 3, 5, 7, 9))  # skips the gaps
    assert step_focus(ALL, (9, 10, 11, 12, 13), 13, 5, +1) == (0, (0, 1, 2, 3, 4))  # wraps
    assert step_focus(ALL, (0, 1, 2, 3, 4), 0, 5, -1) == (13, (9, 10, 11, 12, 13))


def test_refit_after_a_resize_or_hiding() -> None:
    assert refit(ALL, (3, 4, 5, 6, 7), 7, 3) == (5, 6, 7)  # the right ones go, never the focus
    assert refit(ALL, (3, 4, 5, 6, 7), 3, 3) == (3, 4, 5)
    assert refit(ALL, (3, 4, 5), 3, 5) == (3, 4, 5, 6, 7)  # then the ones after come in
    assert refit(ALL, (11, 12, 13), 12, 5) == (9, 10, 11, 12, 13)  # and the ones before
    assert refit([0, 1, 5, 6], (2, 3, 4), 5, 2) == (5, 6)  # every shown one was hidden


def test_bring_changes_as_little_as_it_can() -> None:
    shown = (0, 1, 2, 3, 4)
    assert bring(ALL, shown, 5, [[2]]) == shown  # already there
    assert bring(ALL, shown, 5, [[9]]) == (0, 1, 2, 3, 9)  # the evidence takes the last place
    holders = [1, 3, 5, 7, 9]
    assert bring(ALL, shown, 5, [[5], [1, 3, 7, 9]], holders) == (1, 3, 5, 7, 9)  # both sides, no blank column
    assert bring(ALL, shown, 2, [[5], [1, 3, 7, 9]], holders) == (1, 5)
    assert bring([0, 1, 2], shown, 5, [[9]]) == (0, 1, 2)  # hidden evidence cannot come


def test_clash_groups_put_the_odd_value_first() -> None:
    values = {1: "15", 3: "15", 5: "12", 7: "at least 15"}
    places = {doc: ((0, 2),) for doc in values}
    row = Row(
        RowKind.CONFLICT, [Cell(doc, [0]) for doc in values], conflicts=[Conflict("dead", "quantity", values, places)]
    )
    assert clash_groups(row) == [[5], [7], [1, 3]]
