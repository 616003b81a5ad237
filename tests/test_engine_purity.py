"""The engine modules never import textual or rich: checked in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.engine

PURE_OUTSIDE_ENGINE = ["tui.exports.json", "tui.kinds", "tui.visible"]
"""Modules outside the engine package that the JSON export path needs, so they must stay pure too."""


def engine_modules() -> list[str]:
    """Every module of the engine package, found on disk so a new module is checked without a list."""
    return sorted(info.name for info in pkgutil.walk_packages(tui.engine.__path__, prefix="tui.engine."))


def test_engine_package_is_found() -> None:
    found = engine_modules()
    assert "tui.engine.compare" in found
    assert "tui.engine.segmenting" in found


def test_engine_imports_neither_textual_nor_rich() -> None:
    names = engine_modules() + PURE_OUTSIDE_ENGINE
    code = (
        "import sys, importlib\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "from tui.engine.compare import compare_paths\n"
        "from tui.engine.reading import bundled_seeds\n"
        "compare_paths(bundled_seeds())\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
