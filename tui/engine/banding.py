"""Candidate pairs where nearly every sentence shares terms with every other: a band around each
sentence's place in the other document, and the pairs that share a rare term."""

from __future__ import annotations

import numpy as np
from scipy import sparse

DENSE_WORK_PER_SENTENCE = 2_000
"""Term co-occurrences per sentence above which two documents are scored by band.

Scoring every pair costs, for each term, the product of how many sentences of each document have
it. News and books stay far below this (the seeds 13 per sentence, a news story under 20, Mark 107,
a 1 MB pair of books 274); a dozen names on every line of two long lists reach thousands per
sentence and more the longer the lists, which makes the cost grow with the square of their length.
"""

RARE_WORK_PER_SENTENCE = 16
"""Co-occurrences per sentence spent on the rare terms, which find a sentence moved far away."""

BAND = 256
"""Sentences of the other document each sentence is scored against, around its relative place."""

_ROWS_PER_BLOCK = 64


def pair_work(left: sparse.csr_matrix, right: sparse.csr_matrix) -> float:
    """Term co-occurrences between the rows of two documents: what scoring every pair costs."""
    return float(_frequency(left) @ _frequency(right))


def is_dense(left: sparse.csr_matrix, right: sparse.csr_matrix) -> bool:
    """Whether scoring every pair of rows would cost more than ``DENSE_WORK_PER_SENTENCE`` each."""
    return bool(pair_work(left, right) > DENSE_WORK_PER_SENTENCE * (left.shape[0] + right.shape[0]))


def banded_pairs(
    left: sparse.csr_matrix, right: sparse.csr_matrix, floor: float, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (row of ``left``, row of ``right``, cosine) of at least ``floor`` worth ranking: of each
    row against the rows of ``right`` within ``BAND`` of its relative place, the ``count`` best of
    each row and of each column of each block; and every pair sharing a rare term.

    The cost is linear in the rows: a band of bounded width per row, ranked as a table, and rare
    terms chosen so that their co-occurrences stay under ``RARE_WORK_PER_SENTENCE`` per row. The
    best ``count`` of a row or a column among these are its best in the band and the rare pairs.
    Pairs in row-major order, each once.
    """
    rows, cols, scores = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)], [np.zeros(0)]
    total, columns = left.shape[0], right.shape[0]
    right_t = right.T.tocsc()
    half = BAND // 2
    for start in range(0, total, _ROWS_PER_BLOCK):
        stop = min(start + _ROWS_PER_BLOCK, total)
        low = max(0, _place(start, total, columns) - half)
        high = min(columns, _place(stop - 1, total, columns) + half + 1)
        product = (left[start:stop] @ right_t[:, low:high]).tocoo()
        keep = product.data >= floor
        table, in_rows, in_columns = ranked_table(
            product.shape, product.row[keep], product.col[keep], product.data[keep], count
        )
        block_rows, block_cols = np.nonzero(in_rows | in_columns)
        rows.append(block_rows.astype(np.int64) + start)
        cols.append(block_cols.astype(np.int64) + low)
        scores.append(table[block_rows, block_cols])
    rare_rows, rare_cols = _sharing_a_rare_term(left, right)
    rare_scores = np.asarray(left[rare_rows].multiply(right[rare_cols]).sum(axis=1), dtype=np.float64).ravel()
    keep = rare_scores >= floor
    rows.append(rare_rows[keep])
    cols.append(rare_cols[keep])
    scores.append(rare_scores[keep])
    all_rows, all_cols, all_scores = np.concatenate(rows), np.concatenate(cols), np.concatenate(scores)
    _, first = np.unique(all_rows * (columns + 1) + all_cols, return_index=True)
    return all_rows[first], all_cols[first], all_scores[first]


def ranked_table(
    shape: tuple[int, int], rows: np.ndarray, cols: np.ndarray, values: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The values laid out as a table (-inf where there is none), and masks of the ``count`` best
    of each row (ties to the lower column) and of each column (ties to the lower row)."""
    table = np.full(shape, -np.inf)
    table[rows, cols] = values
    return table, best_in_rows(table, count), best_in_rows(table.T, count).T


def best_in_rows(table: np.ndarray, count: int) -> np.ndarray:
    """Mask of the ``count`` highest finite values of each row of ``table``, ties to the lower column.

    The ``count``-th highest value of each row comes from a partition (linear, no sort); values
    above it are kept, and values equal to it in column order until the row has ``count``.
    """
    finite = table > -np.inf
    if table.shape[1] <= count:
        return finite
    kth = -np.partition(-table, count - 1, axis=1)[:, count - 1 : count]
    above = table > kth
    tied = (table == kth) & finite
    room = count - above.sum(axis=1, keepdims=True)
    chosen: np.ndarray = above | (tied & (np.cumsum(tied, axis=1) <= room))
    return chosen


def _place(row: int, count: int, columns: int) -> int:
    """The row of the other document at the same relative place."""
    return round(row * (columns - 1) / max(count - 1, 1))


def _frequency(matrix: sparse.csr_matrix) -> np.ndarray:
    """How many rows have each term."""
    return np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.float64)


def _sharing_a_rare_term(left: sparse.csr_matrix, right: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of rows that share one of the rarest terms, the terms taken rarest first while their
    co-occurrences stay within ``RARE_WORK_PER_SENTENCE`` per row."""
    work = _frequency(left) * _frequency(right)
    order = np.argsort(work, kind="stable")
    within = np.cumsum(work[order]) <= RARE_WORK_PER_SENTENCE * (left.shape[0] + right.shape[0])
    rare = np.sort(order[within & (work[order] > 0)])
    if not len(rare):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    product = (left[:, rare] @ right[:, rare].T).tocoo()
    return product.row.astype(np.int64), product.col.astype(np.int64)
