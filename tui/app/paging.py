"""Which documents have a column on screen: the first page, paging, stepping the focus, bringing evidence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Every function takes ``visible`` (the documents not hidden, in order) and returns the documents on
# screen as a tuple in that order, at most ``fit`` of them. A jump may show documents that are not
# neighbours (the two sides of a clash), so what is on screen is not always a contiguous window.


def _ordered(visible: Sequence[int], docs: Iterable[int]) -> tuple[int, ...]:
    wanted = set(docs)
    return tuple(doc for doc in visible if doc in wanted)


def window(visible: Sequence[int], fit: int, around: int | None = None) -> tuple[int, ...]:
    """``fit`` neighbouring documents: the first ones, or the ones that start at ``around``."""
    start = visible.index(around) if around in visible else 0
    start = min(start, max(len(visible) - fit, 0))
    return tuple(visible[start : start + fit])


def refit(visible: Sequence[int], shown: Sequence[int], focus: int, fit: int) -> tuple[int, ...]:
    """``shown`` made valid after a resize or a change of hidden documents.

    Hidden documents leave; when too many are left, the ones furthest from the focus go (the right
    ones first); when room is left, the documents after the last shown one come in, then those before.
    """
    fit = max(fit, 1)
    kept = list(_ordered(visible, shown))
    if not kept:
        return window(visible, fit, focus)
    while len(kept) > fit:
        centre = kept.index(focus) if focus in kept else 0
        kept.pop(0 if centre - 0 > len(kept) - 1 - centre else len(kept) - 1)
    if len(kept) < fit:
        last, first = visible.index(kept[-1]), visible.index(kept[0])
        extra = [*visible[last + 1 :], *reversed(visible[:first]), *visible[first:last]]
        for doc in extra:
            if len(kept) >= fit:
                break
            if doc not in kept:
                kept.append(doc)
    return _ordered(visible, kept)


def page(visible: Sequence[int], shown: Sequence[int], fit: int, direction: int) -> tuple[int, ...] | None:
    """The screenful of documents after (``direction`` +1) or before (-1) ``shown``; None at the end."""
    on = _ordered(visible, shown)
    if not on:
        return window(visible, fit)
    if direction > 0:
        after = list(visible[visible.index(on[-1]) + 1 :])
        if not after:
            return None
        return tuple(after[:fit]) if len(after) >= fit else tuple(visible[-fit:])
    before = list(visible[: visible.index(on[0])])
    if not before:
        return None
    return tuple(before[-fit:]) if len(before) >= fit else tuple(visible[:fit])


def step_focus(
    visible: Sequence[int], shown: Sequence[int], focus: int, fit: int, direction: int
) -> tuple[int, tuple[int, ...]]:
    """(new focus, new shown) for Tab (+1) or Shift+Tab (-1).

    The focus moves to the next column on screen; from the last one it moves on to the next document
    and the columns slide by one; from the last document it wraps to the first page.
    """
    on = _ordered(visible, shown)
    if focus in on:
        index = on.index(focus) + direction
        if 0 <= index < len(on):
            return on[index], on
    edge = on[-1] if direction > 0 else on[0]
    beyond = visible.index(edge) + direction
    if not 0 <= beyond < len(visible):
        target = visible[0] if direction > 0 else visible[-1]
        return target, (window(visible, fit) if direction > 0 else tuple(visible[-fit:]))
    target = visible[beyond]
    kept = list(on)
    if len(kept) >= fit:
        kept.remove(on[0] if direction > 0 else on[-1])
    kept.append(target)
    return target, _ordered(visible, kept)


def bring(
    visible: Sequence[int],
    shown: Sequence[int],
    fit: int,
    groups: Sequence[Sequence[int]],
    holders: Iterable[int] = (),
) -> tuple[int, ...]:
    """``shown`` changed as little as needed to put one document of each group on screen.

    ``groups`` are evidence, most important first: for a clash, the documents of each value; for a
    mention, its document. When a group has no document on screen, one of each group is chosen
    (one already on screen where it can be), and the rest of the screen is filled with, in turn:
    shown documents that hold the row (``holders``), the other documents of the groups, the other
    holders, and the documents shown before.
    """
    fit = max(fit, 1)
    allowed = set(visible)
    wanted = [[doc for doc in group if doc in allowed] for group in groups]
    wanted = [group for group in wanted if group][:fit]
    on = _ordered(visible, shown)
    if all(any(doc in on for doc in group) for group in wanted):
        return on
    chosen: list[int] = []
    for group in wanted:
        choice = next((doc for doc in group if doc in on), group[0])
        if choice not in chosen:
            chosen.append(choice)
    holding = _ordered(visible, holders)
    spread = [doc for layer in _round_robin(wanted) for doc in layer]
    for doc in [*(doc for doc in on if doc in holding), *spread, *holding, *on, *visible]:
        if len(chosen) >= fit:
            break
        if doc not in chosen:
            chosen.append(doc)
    return _ordered(visible, chosen)


def _round_robin(groups: Sequence[Sequence[int]]) -> list[list[int]]:
    """The first of each group, then the second of each, and so on."""
    longest = max((len(group) for group in groups), default=0)
    return [[group[index] for group in groups if index < len(group)] for index in range(longest)]
