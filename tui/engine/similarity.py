"""Sentence vectors (IDF-weighted content terms) and the similarity scores between them."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from scipy import sparse


class TermSpace:
    """The vocabulary and inverse document frequencies of every sentence of every document.

    Each sentence becomes a unit-length vector of its distinct terms weighted by IDF, so that the
    dot product of two sentences is their cosine similarity: rare shared words (names, "GPUs")
    count for much, common ones ("said") for little.
    """

    def __init__(self, sentence_terms: Sequence[Sequence[Sequence[str]]]) -> None:
        vocabulary: dict[str, int] = {}
        frequency: list[int] = []
        total = 0
        for document in sentence_terms:
            for found in document:
                total += 1
                for value in dict.fromkeys(found):
                    index = vocabulary.setdefault(value, len(vocabulary))
                    if index == len(frequency):
                        frequency.append(0)
                    frequency[index] += 1
        self.vocabulary = vocabulary
        self.idf = np.array([math.log((1 + total) / (1 + df)) + 1.0 for df in frequency], dtype=np.float64)
        self.squared: list[float] = (self.idf * self.idf).tolist()
        self.term_ids = [
            [tuple(sorted({vocabulary[value] for value in found})) for found in document] for document in sentence_terms
        ]
        self.term_texts = [[" ".join(found) for found in document] for document in sentence_terms]
        """Each sentence's terms in order, for the character-level (RapidFuzz) half of the score."""
        self.presence = [self._presence(document) for document in sentence_terms]
        self.vectors = [self._unit_rows(matrix) for matrix in self.presence]

    def _presence(self, document: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        indptr = [0]
        indices: list[int] = []
        for found in document:
            indices.extend(sorted({self.vocabulary[value] for value in found}))
            indptr.append(len(indices))
        return sparse.csr_matrix(
            (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
            shape=(len(document), len(self.vocabulary)),
        )

    def _unit_rows(self, presence: sparse.csr_matrix) -> sparse.csr_matrix:
        weighted = sparse.csr_matrix(presence.multiply(self.idf[np.newaxis, :]))
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(weighted.multiply(1.0 / norms[:, np.newaxis]))

    def weight(self, value: str) -> float:
        """The IDF of a term (0 for a term no sentence has)."""
        index = self.vocabulary.get(value)
        return float(self.idf[index]) if index is not None else 0.0

    def document_similarities(self) -> np.ndarray:
        """Cosine similarity of whole documents (each the union of its sentences' terms)."""
        rows = [sparse.csr_matrix(matrix.sum(axis=0)) for matrix in self.presence]
        stacked = sparse.vstack(rows).tocsr() if rows else sparse.csr_matrix((0, len(self.vocabulary)))
        stacked.data = np.ones_like(stacked.data)
        vectors = self._unit_rows(stacked)
        return np.asarray((vectors @ vectors.T).todense())

    def blended(
        self, first: int, second: int, rows: np.ndarray, cols: np.ndarray, cosines: np.ndarray, *, weight: float
    ) -> np.ndarray:
        """Scores of sentence pairs: ``weight`` of RapidFuzz's normalised Indel similarity of their
        term sequences (word order and near-identical wording count), the rest their cosine."""
        if weight <= 0 or len(cosines) == 0:
            return cosines
        left = [self.term_texts[first][row] for row in rows.tolist()]
        right = [self.term_texts[second][col] for col in cols.tolist()]
        ratios = process.cpdist(left, right, scorer=fuzz.ratio, workers=1) / 100.0
        return np.asarray((1 - weight) * cosines + weight * ratios, dtype=np.float64)

    def similar_pairs(
        self, doc: int, indices: Sequence[int], threshold: float, *, per_sentence: int = 3
    ) -> list[tuple[int, int]]:
        """Pairs (i < j) of the given sentences of one document at least ``threshold`` alike,
        each sentence keeping only its ``per_sentence`` most alike partners.
        """
        if len(indices) < 2:
            return []
        chosen = self.vectors[doc][list(indices)]
        product = sparse.coo_matrix(chosen @ chosen.T)
        keep = (product.data >= threshold) & (product.row != product.col)
        rows, cols, scores = product.row[keep], product.col[keep], product.data[keep]
        best = best_of_each(rows, scores, per_sentence)
        pairs = {(min(a, b), max(a, b)) for a, b in zip(rows[best].tolist(), cols[best].tolist(), strict=True)}
        return [(indices[first], indices[second]) for first, second in sorted(pairs)]

    def passage_similarity(self, first: tuple[int, Sequence[int]], second: tuple[int, Sequence[int]]) -> float:
        """Cosine of two passages, each a run of sentences of one document read as one text."""
        left = self._union(*first)
        right = self._union(*second)
        squared: list[float] = self.squared
        right_set = set(right)
        shared = sum(squared[index] for index in left if index in right_set)
        if shared == 0.0:
            return 0.0
        norms = math.sqrt(sum(squared[index] for index in left) * sum(squared[index] for index in right))
        return shared / norms

    def _union(self, doc: int, indices: Sequence[int]) -> list[int]:
        """Sorted term ids of a passage, so sums run in one order whatever the hash seed."""
        found = self.term_ids[doc]
        if len(indices) == 1:
            return list(found[indices[0]])
        return sorted({term for index in indices for term in found[index]})


def best_of_each(owners: np.ndarray, scores: np.ndarray, count: int) -> np.ndarray:
    """Mask of the ``count`` highest scores of each owner (ties broken by position)."""
    if len(scores) == 0:
        return np.zeros(0, dtype=bool)
    order = np.lexsort((-scores, owners))
    sorted_owners = owners[order]
    starts = np.flatnonzero(np.r_[True, sorted_owners[1:] != sorted_owners[:-1]])
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    mask = np.zeros(len(scores), dtype=bool)
    mask[order[rank < count]] = True
    return mask
