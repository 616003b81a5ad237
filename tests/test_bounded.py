"""Memory stays bounded on degenerate input: 1 MB of one repeated sentence, under an address-space cap."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SENTENCE = "The council met on Monday and approved the new budget for roads and schools after a long debate.\n"
CAP_MB = 1_000
"""Before identical sentences were scored once, this input took 15–17 GB and died under a 4 GB cap."""

CHILD = """
import json, resource, sys
cap = {cap} * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
from tui.engine.compare import compare_paths
comparison = compare_paths(sys.argv[1:])
rows = comparison.rows
print(json.dumps({{"rows": len(rows), "pairs": sum(len(row.cells) == 2 for row in rows),
                  "sentences": [len(found) for found in comparison.sentences]}}))
"""


def test_a_megabyte_of_one_repeated_sentence_fits_in_a_gigabyte(tmp_path: Path) -> None:
    copies = 1_000_000 // len(SENTENCE)
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(SENTENCE * copies, encoding="utf-8")
    second.write_text(SENTENCE * copies, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(cap=CAP_MB), str(first), str(second)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["sentences"] == [copies, copies]
    assert found["rows"] == copies and found["pairs"] == copies  # each copy aligned with its copy, in order
