"""The seeds' rows and facts the app tests go to: the GPU purchase row and the disputed GPU count."""

from __future__ import annotations

from tui.engine.model import Comparison, Fact, RowKind


def conflict_rows(comparison: Comparison) -> list[int]:
    return [number for number, row in enumerate(comparison.rows) if row.kind is RowKind.CONFLICT]


def gpu_fact(comparison: Comparison) -> Fact:
    """The most disputed fact of the seeds: how many GPUs Musk bought."""
    fact = comparison.facts[0]
    assert fact.label == "GPUs" and fact.disputed
    return fact


def gpu_row(comparison: Comparison) -> int:
    """The row where every outlet states the purchase: "purchased 10,000 GPUs" in document 1."""
    where = comparison.row_of()
    sentence = next(s for s in comparison.sentences[0] if "10,000 GPUs" in s.text)
    return where[(0, sentence.index)]


def keys_to_gpu_row(comparison: Comparison) -> list[str]:
    """``n`` pressed until the GPU row is selected."""
    return ["n"] * (conflict_rows(comparison).index(gpu_row(comparison)) + 1)
