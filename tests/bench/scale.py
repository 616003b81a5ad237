"""Scale benchmark: 30 documents of 300 sentences, and one very long document against a long one.

Run from the repository root:  python tests/bench/scale.py [--sizes 0.5,1,2,4,10]
Each case runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own. Inputs are
built from the Mark versions in ../shared/bench/mark and the bundled seeds.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARK = ROOT.parent / "shared" / "bench" / "mark"

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from tui.engine.compare import compare
from tui.exports.json import dumps
from tui.engine.reading import read_documents
paths = json.loads(sys.argv[1])
started = time.perf_counter()
documents = read_documents(paths)
comparison = compare(documents)
text = dumps(comparison)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "rows": len(comparison.rows),
                  "sentences": sum(len(s) for s in comparison.sentences), "json_mb": len(text) / 1e6}}))
"""


def run_case(paths: list[Path]) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), json.dumps([str(p) for p in paths])],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def mark_units() -> list[list[str]]:
    """Each Mark version's text cut into sentences at full stops (good enough to build inputs)."""
    versions = []
    for path in sorted(MARK.glob("mark-*.txt")):
        text = path.read_text(encoding="utf-8")
        units = [u.strip() for u in re.split(r"(?<=[.!?])\s+", text) if len(u.strip()) > 20]
        versions.append(units)
    return versions


def thirty_documents(folder: Path) -> list[Path]:
    """30 documents of 300 sentences: windows of the four Mark versions, shifted, plus the seeds."""
    versions = mark_units()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paths = []
    for number in range(30):
        units = versions[number % 4]
        start = (number * 37) % max(len(units) - 300, 1)
        body = "\n\n".join(" ".join(units[i : i + 5]) for i in range(start, start + 300, 5))
        if number % 6 == 0:
            body = seeds[(number // 6) % len(seeds)] + "\n\n" + body
        path = folder / f"doc{number:02d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def long_document(folder: Path, name: str, megabytes: float, offset: int) -> Path:
    """About ``megabytes`` MB of prose: the Mark versions repeated, each copy numbered."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(MARK.glob("mark-*.txt"))]
    parts: list[str] = []
    size = 0
    copy = offset
    while size < megabytes * 1_000_000:
        text = texts[copy % 4].replace("Chapter ", f"Part {copy} chapter ")
        parts.append(text)
        size += len(text.encode("utf-8"))
        copy += 1
    path = folder / name
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="0.25,0.5,1,2,4,10", help="sizes in MB of the long document")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        result = run_case(thirty_documents(folder))
        print(
            f"30 documents x 300 sentences: export {result['seconds']:.2f} s, peak {result['peak_mb']:.0f} MB, "
            f"{result['sentences']:.0f} sentences, {result['rows']:.0f} rows, JSON {result['json_mb']:.1f} MB "
            f"(wall with start-up {time.perf_counter() - started:.2f} s)"
        )
        print()
        print("a long document against one a tenth its size (0.1 MB at least):")
        print("| long MB | other MB | sentences | rows | seconds | seconds per 1k sentences | peak MB |")
        print("|---|---|---|---|---|---|---|")
        for size in (float(value) for value in arguments.sizes.split(",")):
            other = max(size / 10, 0.1)
            paths = [long_document(folder, "long.txt", size, 0), long_document(folder, "other.txt", other, 2)]
            result = run_case(paths)
            per = result["seconds"] / max(result["sentences"], 1) * 1000
            print(
                f"| {size:g} | {other:g} | {result['sentences']:.0f} | {result['rows']:.0f} | "
                f"{result['seconds']:.2f} | {per:.3f} | {result['peak_mb']:.0f} |"
            )


if __name__ == "__main__":
    main()
