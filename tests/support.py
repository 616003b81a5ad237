"""Paths the tests share: the bundled seeds and the public evaluation data beside the repository."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(path) for path in (ROOT / "seeds").glob("*.txt"))
BENCH = ROOT.parent / "shared" / "bench"


def seed(prefix: str) -> str:
    """The path of the seed whose file name starts with ``prefix`` ("000" ... "004")."""
    return next(path for path in SEEDS if Path(path).name.startswith(prefix))


def bench_path(*parts: str) -> Path:
    """A file of ../shared/bench; the test is skipped, saying why, when the data is not there."""
    path = BENCH.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"the evaluation data is not beside the repository ({path})")
    return path
