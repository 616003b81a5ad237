"""The engine modules never import textual or rich: checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

ENGINE = [
    "tui.model",
    "tui.errors",
    "tui.reading",
    "tui.segmenting",
    "tui.words",
    "tui.similarity",
    "tui.aligning",
    "tui.boilerplate",
    "tui.claims",
    "tui.passages",
    "tui.compare",
    "tui.export_json",
    "tui.kinds",
    "tui.visible",
]


def test_engine_imports_neither_textual_nor_rich() -> None:
    code = (
        "import sys, importlib\n"
        f"for name in {ENGINE!r}: importlib.import_module(name)\n"
        "from tui.compare import compare_paths\n"
        "from tui.reading import bundled_seeds\n"
        "compare_paths(bundled_seeds())\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
