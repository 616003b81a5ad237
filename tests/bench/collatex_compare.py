"""claimdiff against CollateX: the same inputs, the same run, both times and their ratio.

Run from the repository root:  python tests/bench/collatex_compare.py [--repeat N] [--timeout S] [--memory-gb G]
Needs CollateX in the same interpreter: pip install '.[bench]' (collatex 2.3, plus the ``Levenshtein``
package that version imports without declaring it). Without it only claimdiff is timed.

Inputs: the five bundled seeds, and chapters 1-4 of the four versions of Mark in ../shared/bench/mark beside the
repository (each excerpt runs from its "Chapter 1" line up to its "Chapter 5" line, headings included).
claimdiff: ``compare(documents)``, one cold run and the median of N more. CollateX: one run of
``collate(collation, output="json", segmentation=True)`` after ``add_plain_witness`` for each document, in a child
process that is stopped after --timeout seconds or when it uses more than --memory-gb of address space; its time
is the ``collate`` call alone (the import and the JSON round trip are left out). Each tool's output is summed up
in comparable terms: claimdiff's rows and aligned sentence groups, CollateX's alignment-table columns and
variant locations.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.engine.compare import compare  # noqa: E402
from tui.engine.model import Comparison, Document, RowKind  # noqa: E402
from tui.engine.reading import bundled_seeds, read_documents  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
WORKER_FLAG = "--collatex-worker"
NOT_INSTALLED = "collatex is not installed (pip install '.[bench]')"
_CHAPTER = re.compile(r"^Chapter (\d+)\s*$")
_COLLATEX_TOKEN = re.compile(r"\w+\s*|\W+")
"""How CollateX 2.3 splits a plain witness into tokens (core_classes.WordPunctuationTokenizer)."""


@dataclass(frozen=True, slots=True)
class Timing:
    cold: float
    median: float
    repeat: int


@dataclass(frozen=True, slots=True)
class CollatexOutcome:
    seconds: float | None = None
    """The collate call, when it finished."""
    summary: dict[str, Any] | None = None
    stopped_after: float | None = None
    error: str | None = None


def mark_chapters(path: Path, first: int = 1, last: int = 4) -> str:
    """The text of chapters ``first`` to ``last`` of one version: its "Chapter N" lines and their paragraphs."""
    kept: list[str] = []
    chapter = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = _CHAPTER.match(line)
        if heading:
            chapter = int(heading.group(1))
        if first <= chapter <= last:
            kept.append(line)
    text = "\n".join(kept).strip()
    if not text:
        raise SystemExit(f"{path}: no chapters {first}-{last} found")
    return text + "\n"


def mark_documents(first: int = 1, last: int = 4) -> list[Document]:
    paths = sorted((BENCH / "mark").glob("mark-*.txt"))
    return [
        Document(
            id=f"d{index}",
            path=str(path),
            label=path.name,
            title=f"{path.stem} ch. {first}-{last}",
            text=mark_chapters(path, first, last),
        )
        for index, path in enumerate(paths)
    ]


def time_claimdiff(documents: list[Document], repeat: int) -> tuple[Timing, Comparison]:
    started = time.perf_counter()
    comparison = compare(documents)
    cold = time.perf_counter() - started
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        comparison = compare(documents)
        times.append(time.perf_counter() - started)
    return Timing(cold, statistics.median(times), repeat), comparison


def claimdiff_summary(comparison: Comparison) -> str:
    documents = len(comparison.documents)
    kinds = Counter(row.kind for row in comparison.rows)
    groups = [row for row in comparison.rows if len(row.cells) >= 2]
    in_all = sum(1 for row in groups if len(row.cells) == documents)
    sentences = [len(found) for found in comparison.sentences]
    aligned = sum(len(cell.sentences) for row in groups for cell in row.cells)
    return (
        f"{sum(sentences):,} sentences ({' + '.join(str(n) for n in sentences)}) in {len(comparison.rows):,} rows: "
        f"{len(groups):,} aligned sentence groups ({in_all:,} in all {documents} documents; "
        f"{kinds[RowKind.SHARED]:,} shared, {kinds[RowKind.CONFLICT]:,} with a conflict), "
        f"{kinds[RowKind.UNIQUE]:,} unique rows; {aligned:,} of {sum(sentences):,} sentences aligned"
    )


def collatex_installed() -> bool:
    return importlib.util.find_spec("collatex") is not None


def run_collatex(documents: list[Document], timeout: float, memory_gb: float) -> CollatexOutcome:
    """Collate ``documents`` with CollateX in a child process (this same file, run with WORKER_FLAG)."""
    request = json.dumps({"witnesses": [[d.label, d.text] for d in documents], "memory_gb": memory_gb})
    command = [sys.executable, str(Path(__file__).resolve()), WORKER_FLAG]
    try:
        done = subprocess.run(command, input=request, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return CollatexOutcome(stopped_after=timeout)
    if done.returncode != 0 or not done.stdout.strip():
        lines = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        return CollatexOutcome(error=lines[-1])
    answer: dict[str, Any] = json.loads(done.stdout)
    if "error" in answer:
        return CollatexOutcome(error=str(answer["error"]))
    return CollatexOutcome(seconds=float(answer["seconds"]), summary=answer["summary"])


def collatex_worker() -> None:
    """Child side: witnesses in on stdin as JSON, the collate time and a summary of the table out on stdout."""
    request = json.loads(sys.stdin.read())
    limit = int(float(request["memory_gb"]) * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        collatex: Any = importlib.import_module("collatex")
    except ImportError as problem:
        hint = " (collatex 2.3 needs it but does not declare it: pip install Levenshtein)"
        note = hint if getattr(problem, "name", "") == "Levenshtein" else ""
        print(json.dumps({"error": f"CollateX does not import: {problem}{note}"}))
        return
    collation = collatex.Collation()
    for label, text in request["witnesses"]:
        collation.add_plain_witness(label, text)
    try:
        started = time.perf_counter()
        output = collatex.collate(collation, output="json", segmentation=True)
        seconds = time.perf_counter() - started
    except MemoryError:
        print(json.dumps({"error": f"out of memory (more than {request['memory_gb']} GB of address space)"}))
        return
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summary = collatex_summary(json.loads(output))
    summary["peak_mb"] = peak_mb
    print(json.dumps({"seconds": seconds, "summary": summary}))


def collatex_summary(result: dict[str, Any]) -> dict[str, Any]:
    """Columns of the alignment table, and how many are variant locations (the witnesses' readings differ)."""
    table: list[list[list[dict[str, str]] | None]] = result["table"]
    tokens = [sum(len(cell) for cell in row if cell) for row in table]
    columns = len(table[0]) if table else 0
    variant = gaps = 0
    for column in range(columns):
        readings = [
            None if row[column] is None else " ".join(token["n"] for token in row[column] or []) for row in table
        ]
        if len(set(readings)) > 1:
            variant += 1
        if None in readings:
            gaps += 1
    return {"tokens": tokens, "columns": columns, "variant": variant, "gaps": gaps}


def describe_collatex(summary: dict[str, Any]) -> str:
    tokens: list[int] = summary["tokens"]
    columns, variant, gaps = int(summary["columns"]), int(summary["variant"]), int(summary["gaps"])
    return (
        f"{sum(tokens):,} tokens ({' + '.join(str(n) for n in tokens)}) in {columns:,} alignment-table columns: "
        f"{variant:,} variant locations ({gaps:,} with a gap in some witness), {columns - variant:,} where all "
        f"witnesses agree; peak memory {float(summary['peak_mb']):,.0f} MB"
    )


def seconds_text(seconds: float) -> str:
    if seconds < 0.1:
        return f"{seconds:.3f} s"
    if seconds < 10:
        return f"{seconds:.2f} s"
    return f"{seconds:,.1f} s"


def ratio_text(ratio: float) -> str:
    return f"{ratio:,.0f}×" if ratio >= 10 else f"{ratio:.1f}×"


def bench(name: str, documents: list[Document], arguments: argparse.Namespace, have_collatex: bool) -> None:
    characters = sum(len(d.text) for d in documents)
    print(f"[{name}: timing claimdiff ...]", file=sys.stderr, flush=True)
    timing, comparison = time_claimdiff(documents, arguments.repeat)
    parts = [f"claimdiff {seconds_text(timing.median)}"]
    outcome: CollatexOutcome | None = None
    if have_collatex:
        print(f"[{name}: running CollateX, stopped after {arguments.timeout:g} s ...]", file=sys.stderr, flush=True)
        outcome = run_collatex(documents, arguments.timeout, arguments.memory_gb)
        if outcome.seconds is not None:
            ratio = outcome.seconds / timing.median
            parts += [f"CollateX {seconds_text(outcome.seconds)}", f"CollateX/claimdiff {ratio_text(ratio)}"]
        elif outcome.stopped_after is not None:
            ratio = outcome.stopped_after / timing.median
            parts += [f"CollateX > {outcome.stopped_after:g} s (stopped)", f"CollateX/claimdiff > {ratio_text(ratio)}"]
        else:
            parts.append("CollateX failed")
    else:
        parts.append("CollateX not run")
    print(f"{name} ({len(documents)} documents, {characters:,} characters): " + " · ".join(parts))
    print(
        f"  claimdiff: median of {timing.repeat} {seconds_text(timing.median)} "
        f"(cold first run {seconds_text(timing.cold)}); {claimdiff_summary(comparison)}"
    )
    if outcome is None:
        print(f"  CollateX: {NOT_INSTALLED}")
    elif outcome.summary is not None:
        print(f"  CollateX: one run; {describe_collatex(outcome.summary)}")
    elif outcome.stopped_after is not None:
        tokens = [len(_COLLATEX_TOKEN.findall(d.text)) for d in documents]
        print(
            f"  CollateX: did not finish within {outcome.stopped_after:g} s (the child process was stopped); "
            f"it had {sum(tokens):,} tokens to align ({' + '.join(str(n) for n in tokens)})"
        )
    else:
        print(f"  CollateX: {outcome.error}")


def main() -> None:
    if sys.argv[1:] == [WORKER_FLAG]:
        collatex_worker()
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="claimdiff runs after the cold one (median)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before CollateX is stopped")
    parser.add_argument("--memory-gb", type=float, default=16.0, help="address-space limit of the CollateX child")
    arguments = parser.parse_args()
    have_collatex = collatex_installed()
    if not have_collatex:
        print(NOT_INSTALLED)
    bench("seeds", read_documents(bundled_seeds()), arguments, have_collatex)
    if not (BENCH / "mark").is_dir():
        print(f"(no evaluation data at {BENCH / 'mark'}: Mark skipped)")
        return
    bench("mark ch. 1–4", mark_documents(1, 4), arguments, have_collatex)


if __name__ == "__main__":
    main()
