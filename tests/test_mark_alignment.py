"""Alignment quality on the four English versions of Mark, scored by the public scorer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from support import bench_path

from tui.engine.compare import compare_paths
from tui.exports.json import dumps


def test_mark_pair_f1_is_at_least_085(tmp_path: Path) -> None:
    mark = bench_path("mark")
    comparison = compare_paths(sorted(str(path) for path in mark.glob("mark-*.txt")))
    export = tmp_path / "mark.json"
    export.write_text(dumps(comparison), encoding="utf-8")
    scorer = bench_path("score_alignment.py")
    result = subprocess.run(
        [sys.executable, str(scorer), str(export), str(mark / "gold.json")], capture_output=True, text=True
    )
    match = re.search(r"^F1 (\d\.\d+)$", result.stdout, re.MULTILINE)
    assert match, result.stdout
    assert float(match.group(1)) >= 0.85, result.stdout
