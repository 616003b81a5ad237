"""Shared and differing words of a row, and verbatim runs shared across documents."""

from __future__ import annotations

from array import array

from hypothesis import given
from hypothesis import strategies as st

from tui.engine.model import Span
from tui.engine.passages import _agreeing, verbatim_passages, word_spans
from tui.engine.words import words


def test_word_spans_mark_the_differing_number() -> None:
    left = "Musk bought 10,000 GPUs for Twitter."
    right = "Musk bought 100,000 GPUs for Twitter."
    spans = word_spans([words(left), words(right)])
    assert spans[0] == [Span(0, 11, True), Span(12, 18, False), Span(19, 35, True)]
    assert [left[s.start : s.end] for s in spans[0] if not s.shared] == ["10,000"]
    assert [right[s.start : s.end] for s in spans[1] if not s.shared] == ["100,000"]


def test_curly_and_straight_apostrophes_count_as_the_same_word() -> None:
    spans = word_spans([words("Twitter’s data"), words("Twitter's data")])
    assert spans == [[Span(0, 14, True)], [Span(0, 14, True)]]


def test_verbatim_runs_of_six_words_or_more() -> None:
    first = "Intro. The quick brown fox jumps over the lazy dog today. End."
    second = "Other start: the quick brown fox jumps over the lazy dog. Fin."
    third = "Nothing in common with the others at all."
    passages = verbatim_passages([first, second, third])
    assert len(passages) == 1
    passage = passages[0]
    assert passage.words == 9
    assert passage.text == "The quick brown fox jumps over the lazy dog"
    assert passage.occurrences == ((0, 7, 50), (1, 13, 56))


def test_runs_shorter_than_six_words_are_not_passages() -> None:
    assert verbatim_passages(["one two three four five", "one two three four five"]) == []


def test_a_long_shared_run_is_followed_to_the_word_where_it_breaks() -> None:
    vocabulary = [f"w{number}" for number in range(2000)]
    first = " ".join(vocabulary)
    second = " ".join([*vocabulary[:1000], "changed", *vocabulary[1001:]])
    passages = verbatim_passages([first, second])
    assert [passage.words for passage in passages] == [1000, 999]
    assert passages[0].text == " ".join(vocabulary[:1000])
    assert passages[1].text == " ".join(vocabulary[1001:])
    start = len(" ".join(vocabulary[:1001])) + 1
    assert passages[1].occurrences == ((0, start, len(first)), (1, start + 2, len(second)))


@given(st.lists(st.sampled_from(["a", "b", "c"]), max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_words_agree_as_far_as_the_naive_walk_says(words_: list[str], mine: int, their: int) -> None:
    own = array("q", [ord(word) for word in words_])
    theirs = array("q", [ord(word) for word in reversed(words_)] + [ord("a")] * 3)
    mine, their = min(mine, len(own)), min(their, len(theirs))
    forward = 0
    while (
        mine + forward < len(own) and their + forward < len(theirs) and own[mine + forward] == theirs[their + forward]
    ):
        forward += 1
    back = 0
    while mine - back > 0 and their - back > 0 and own[mine - back - 1] == theirs[their - back - 1]:
        back += 1
    assert _agreeing(own, mine, theirs, their, forward=True) == forward
    assert _agreeing(own, mine, theirs, their, forward=False) == back
