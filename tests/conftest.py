"""Fixtures shared by all tests (the comparison of the bundled seeds, computed once), and how many
workers ``-n auto`` starts."""

from __future__ import annotations

import os

import pytest

from tui.engine.compare import compare_paths
from tui.engine.model import Comparison
from tui.engine.reading import bundled_seeds


@pytest.fixture(scope="session")
def seeds_comparison() -> Comparison:
    return compare_paths(bundled_seeds())


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto`` (pyproject's addopts): two workers per CPU this process may use.

    The app tests spend about half their time waiting on the app's timers and idle loop, not
    computing: on 2 CPUs the suite took 64 s with 2 workers, 51 s with 3, 48 s with 4, 59 s with 6.
    ``PYTEST_XDIST_AUTO_NUM_WORKERS=N`` still sets the number; ``-n 0`` runs in this process.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist's own hook reads it
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return 2 * cpus
