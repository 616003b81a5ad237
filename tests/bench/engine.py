"""Engine benchmark: compare times, whole-process export times, Mark F1, boundaries, news conflicts.

Run from the repository root:  python tests/bench/engine.py [--repeat N]
Prints medians of N runs (after one warm-up run that also pays for imports), each run with the
engine's memo caches emptied first, as in a new process; then the whole process
(``claimdiff --format json``: start, imports, reading, comparing, writing) for the seeds and Mark;
then the conflict scores on the three news stories. The evaluation data is read from
../shared/bench beside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.engine import names, segmenting, words  # noqa: E402
from tui.engine.compare import compare  # noqa: E402
from tui.engine.model import Document  # noqa: E402
from tui.engine.reading import read_documents  # noqa: E402
from tui.engine.segmenting import segment_many, sentences  # noqa: E402
from tui.exports.json import dumps  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"


def forget() -> None:
    """Empty the engine's memo caches, so each timed run starts cold (as a new process would)."""
    segmenting._pysbd_spans.cache_clear()
    segmenting._compiled.cache_clear()
    words.term.cache_clear()
    names.name_runs.cache_clear()


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    action()
    times = []
    for _ in range(repeat):
        forget()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def stage_times(documents: list[Document]) -> dict[str, float]:
    """Seconds spent in each stage: the time between two progress reports goes to the earlier one."""
    marks: dict[str, float] = {}
    current = ["reading", time.perf_counter()]

    def progress(update: object) -> None:
        now = time.perf_counter()
        stage, since = str(current[0]), float(current[1])
        marks[stage] = marks.get(stage, 0.0) + now - since
        current[:] = [getattr(update, "stage", ""), now]

    forget()
    compare(documents, on_progress=progress)
    return marks


def mark_f1(documents: list[Document]) -> str:
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "mark.json"
        export.write_text(dumps(compare(documents)), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(BENCH / "score_alignment.py"), str(export), str(BENCH / "mark" / "gold.json")],
            capture_output=True,
            text=True,
        )
    lines = [line for line in result.stdout.splitlines() if re.match(r"(precision|F1|sentences|conflicts)", line)]
    return "; ".join(lines)


def whole_process(paths: list[str], repeat: int) -> float:
    """Median wall time of ``claimdiff --format json PATHS`` in a fresh interpreter."""
    command = [sys.executable, "-m", "tui", "--format", "json", *paths]
    subprocess.run(command, capture_output=True, check=True)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def news_scores() -> str:
    """The micro totals of ../shared/bench/news/score_all.py, run on this checkout's CLI."""
    with tempfile.TemporaryDirectory() as folder:
        launcher = Path(folder) / "claimdiff"
        launcher.write_text(f'#!/bin/sh\nexec {sys.executable} -m tui "$@"\n', encoding="utf-8")
        launcher.chmod(0o755)
        result = subprocess.run(
            [sys.executable, str(BENCH / "news" / "score_all.py"), "--claimdiff", str(launcher), "--out", folder],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
    lines = result.stdout.splitlines()
    start = next((n for n, line in enumerate(lines) if line.startswith("MICRO")), len(lines))
    return "\n".join("  " + line.strip() for line in lines[start : start + 3]) or result.stderr.strip()


def golden_rules() -> str:
    rules = [json.loads(line) for line in (BENCH / "golden-rules" / "english_golden_rules.jsonl").open()]
    passed = sum(1 for rule in rules if [rule["text"][a:b] for a, b in sentences(rule["text"])] == rule["sentences"])
    return f"{passed}/{len(rules)} = {passed / len(rules):.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    seeds = read_documents(sorted(str(p) for p in (ROOT / "seeds").glob("*.txt")))
    print(f"seeds: {len(seeds)} documents, {sum(len(d.text) for d in seeds):,} characters")
    print(f"  compare (median of {arguments.repeat}): {median_seconds(lambda: compare(seeds), arguments.repeat):.3f} s")
    if not BENCH.is_dir():
        print(f"(no evaluation data at {BENCH}: Mark and golden rules skipped)")
        return
    mark = read_documents(sorted(str(p) for p in (BENCH / "mark").glob("mark-*.txt")))
    units = sum(len(found) for found in segment_many([d.text for d in mark]))
    print(f"mark: {len(mark)} documents, {sum(len(d.text) for d in mark):,} characters, {units} units")
    repeat = max(1, arguments.repeat // 2)
    print(f"  compare (median of {repeat}): {median_seconds(lambda: compare(mark), repeat):.3f} s")
    stages = stage_times(mark)
    print("  by stage: " + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in stages.items() if seconds > 0.0005))
    print(f"  alignment: {mark_f1(mark)}")
    print(f"golden rules (sentence boundaries): {golden_rules()}")
    seed_paths = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    mark_paths = sorted(str(p) for p in (BENCH / "mark").glob("mark-*.txt"))
    print(f"whole process, claimdiff --format json (median of {arguments.repeat}):")
    seeds_seconds = whole_process(seed_paths, arguments.repeat)
    print(f"  seeds {seeds_seconds:.2f} s, mark {whole_process(mark_paths, arguments.repeat):.2f} s")
    if (BENCH / "news").is_dir():
        print("news conflicts (../shared/bench/news):")
        print(news_scores())


if __name__ == "__main__":
    main()
