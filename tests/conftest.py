"""Fixtures shared by all tests: the comparison of the bundled seeds, computed once."""

from __future__ import annotations

import pytest

from tui.engine.compare import compare_paths
from tui.engine.model import Comparison
from tui.engine.reading import bundled_seeds


@pytest.fixture(scope="session")
def seeds_comparison() -> Comparison:
    return compare_paths(bundled_seeds())
