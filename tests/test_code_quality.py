"""Checks of the repository itself. Ruff (rules and formatting) and mypy run in .ci/run, not here."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_every_stored_snapshot_has_its_test() -> None:
    """An SVG under a ``__snapshots__`` folder is left over when its test was renamed or removed.

    syrupy fails the run on such a snapshot, and ``--snapshot-update`` deletes it, only when the tests
    do not run in parallel: under pytest-xdist it does neither, so the suite checks it here.
    """
    left_over = []
    for snapshot in sorted(TESTS.rglob("__snapshots__/*/*.svg")):
        module = snapshot.parent.parent.parent / f"{snapshot.parent.name}.py"
        # syrupy's name: [Class.]function, then [parameters] and .N for a second snapshot in one test.
        name = re.sub(r"(\[.*\])?(\.\d+)?$", "", snapshot.stem)
        if not module.exists() or name not in _test_names(module):
            left_over.append(str(snapshot.relative_to(TESTS)))
    assert left_over == [], "snapshots without a test (delete them, or: pytest tests/app --snapshot-update -n 0)"


def _test_names(module: Path) -> set[str]:
    """The module's functions and the ``Class.method`` of its classes, as syrupy names their snapshots."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    names = {node.name for node in tree.body if isinstance(node, functions)}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names |= {f"{node.name}.{item.name}" for item in node.body if isinstance(item, functions)}
    return names
