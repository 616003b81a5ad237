"""The aligner's parts, with exact expected values on small inputs."""

from __future__ import annotations

from unittest.mock import patch

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from tui.engine import aligning
from tui.engine.aligning import (
    AlignOptions,
    Group,
    Link,
    align,
    candidate_pairs,
    heaviest_chain,
    merge_links,
    reading_order,
    trusted_groups,
)
from tui.engine.similarity import TermSpace
from tui.engine.words import terms


def test_heaviest_chain_is_increasing_in_both_coordinates() -> None:
    rows = np.array([0, 0, 1, 2, 2, 3])
    cols = np.array([0, 3, 1, 1, 2, 3])
    weights = np.array([0.5, 0.9, 0.5, 0.2, 0.5, 0.5])
    assert heaviest_chain(rows, cols, weights) == [(0, 0), (1, 1), (2, 2), (3, 3)]


def test_heaviest_chain_prefers_one_heavy_pair_to_two_light_crossing_ones() -> None:
    rows = np.array([0, 1])
    cols = np.array([1, 0])
    weights = np.array([0.3, 0.8])
    assert heaviest_chain(rows, cols, weights) == [(1, 0)]


def test_merge_keeps_one_contiguous_run_per_document() -> None:
    links = [
        Link(0.9, (0, 0), (1, 0)),
        Link(0.8, (0, 0), (1, 1)),
        Link(0.7, (0, 1), (1, 3)),
        Link(0.6, (0, 0), (1, 3)),  # would give document 1 the run 0, 1, 3: refused
    ]
    groups = merge_links(links, [2, 4])
    assert [group.members for group in groups] == [{0: [0], 1: [0, 1]}, {0: [1], 1: [3]}, {1: [2]}]


def test_reading_order_follows_each_document_and_breaks_cycles() -> None:
    groups = [Group({0: [1], 1: [0]}), Group({0: [0], 1: [1]}), Group({1: [2]})]
    ordered = reading_order(groups, [2, 3])
    assert [group.members for group in ordered] == [{0: [0], 1: [1]}, {0: [1], 1: [0]}, {1: [2]}]


def test_reordered_paraphrases_are_aligned() -> None:
    first = [
        "The mayor opened the new bridge on Monday morning.",
        "Hundreds of residents watched the ceremony from the river bank.",
        "The bridge cost the city twelve million dollars.",
    ]
    second = [
        "The city paid twelve million dollars for the bridge.",
        "On Monday morning the mayor opened the new bridge.",
        "A brass band played for the crowd.",
    ]
    space = TermSpace([[terms(text) for text in first], [terms(text) for text in second]])
    groups = align(space, [3, 3])
    members = sorted(tuple(sorted((doc, tuple(indices)) for doc, indices in g.members.items())) for g in groups)
    assert members == [
        ((0, (0,)), (1, (1,))),
        ((0, (1,)),),
        ((0, (2,)), (1, (0,))),
        ((1, (2,)),),
    ]


def test_a_row_aligned_on_little_is_split_into_rows_of_its_own() -> None:
    weak = Group(members={0: [3], 1: [5]}, scores=[0.18])
    strong = Group(members={0: [4], 1: [6]}, scores=[0.6])
    kept = trusted_groups([weak, strong], 0.22)
    assert [group.members for group in kept] == [{0: [3]}, {1: [5]}, {0: [4], 1: [6]}]


def test_a_wording_repeated_everywhere_costs_each_partner_only_its_own_copies() -> None:
    # Half the lines are one repeated wording, and every other line chooses it among its best
    # partners: paired copy by copy with all of them, it made pairs in the square of the copies.
    common = "council members met in the town hall"
    for count in (200, 400):
        first = [line for number in range(count) for line in (common, f"{common} about road w{number}x")]
        second = [line for number in range(count) for line in (common, f"{common} about road v{number}y")]
        space = TermSpace([[terms(line) for line in first], [terms(line) for line in second]])
        rows, cols, _ = candidate_pairs(space, 0, 1, AlignOptions())
        assert len(rows) <= 3 * AlignOptions().candidates_per_sentence * len(first)
        last = len(first) - 2  # the last copy of the repeated line, in both
        assert {(int(row), int(col)) for row, col in zip(rows, cols, strict=True)} >= {(0, 0), (2, 2), (last, last)}


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 14),
    st.integers(1, 14),
    st.lists(st.sampled_from([0.0, 0.1, 0.2, 0.5, 1.0]), min_size=196, max_size=196),
    st.integers(1, 4),
)
def test_a_dense_block_ranked_as_a_table_keeps_the_pairs_sorting_keeps(
    left_rows: int, right_rows: int, values: list[float], count: int
) -> None:
    # Few distinct values, so many ties: both ways must break them alike (lower column, lower row).
    left = sparse.csr_matrix(np.array(values[: left_rows * 7]).reshape(left_rows, 7))
    right = sparse.csr_matrix(np.array(values[-right_rows * 7 :]).reshape(right_rows, 7))
    options = AlignOptions(candidates_per_sentence=count)
    found = []
    for share in (10**9, 1):  # every block a table, then none
        with patch.object(aligning, "DENSE_SHARE", share), patch.object(aligning, "BLOCK_CELLS", 3 * right_rows):
            found.append([part.tolist() for part in aligning._best_pairs(left, right, options)])
    assert found[0] == found[1]
