"""App benchmark: time to first paint on the seeds, and key-to-repaint on a 5,000-row comparison.

Run from the repository root:  python tests/bench/app.py
Headless (App.run_test); times are wall-clock on this machine, medians where repeated.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import random
import re
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.app.app import ClaimdiffApp  # noqa: E402
from tui.app.grid import ComparisonGrid  # noqa: E402
from tui.app.rowtext import RowTexts  # noqa: E402
from tui.engine.compare import compare  # noqa: E402
from tui.engine.model import Comparison, Document  # noqa: E402
from tui.engine.reading import bundled_seeds, read_documents  # noqa: E402

SIZE = (160, 48)
SYLLABLES = "ka lo mi ne ru sa te vo zi pa do fe gu hi ja ku ma no pe qui ra si tu va we xo yu".split()


def synthetic_documents(documents: int, sentences: int, *, seed: int = 7) -> list[Document]:
    """Documents of made-up sentences over a large made-up vocabulary: nearly every sentence is its
    own row, as in a comparison of unrelated texts (the worst case for the number of rows)."""
    rng = random.Random(seed)
    vocabulary = sorted({"".join(rng.choices(SYLLABLES, k=3)) for _ in range(20000)})
    made = []
    for doc in range(documents):
        lines = []
        for _ in range(sentences):
            words = rng.sample(vocabulary, rng.randint(6, 30))
            lines.append(" ".join(words).capitalize() + ".")
        made.append(Document(f"d{doc}", f"synthetic-{doc}.txt", f"synthetic-{doc}.txt", lines[0], "\n".join(lines)))
    return made


async def first_paint_seconds() -> tuple[float, float]:
    """(loading screen painted, grid painted) after start, comparison in its worker included."""
    documents = read_documents(bundled_seeds())
    started = time.perf_counter()
    app = ClaimdiffApp(documents)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        loading = time.perf_counter() - started
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.query_one(ComparisonGrid)
        grid = time.perf_counter() - started
    return loading, grid


async def key_to_repaint(comparison: Comparison, keys: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    """Per key, median (CPU ms, wall ms) from the key press until the app is idle and repainted.

    Wall time includes Pilot's own waits between frames (an unbound key costs the same floor);
    CPU time is the work done: key dispatch, handlers, and rendering the changed lines.
    """
    app = ClaimdiffApp(comparison=comparison)
    results: dict[str, list[tuple[float, float]]] = {key: [] for key in keys}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(repeat):
            for key in keys:
                wall, cpu = time.perf_counter(), time.process_time()
                await pilot.press(key)
                await pilot.pause()
                results[key].append(((time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000))
    return {
        key: (statistics.median(c for c, _ in times), statistics.median(w for _, w in times))
        for key, times in results.items()
    }


async def layout_seconds(comparison: Comparison) -> float:
    app = ClaimdiffApp(comparison=comparison)
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        await pilot.pause()
        started = time.perf_counter()
        grid._drawn.clear()
        grid.texts = RowTexts(comparison)
        grid._relayout(keep_row=0)
        return time.perf_counter() - started


async def search_per_key(comparison: Comparison, pattern: str) -> list[tuple[str, float, float, float]]:
    """Each character of ``pattern`` typed into the search bar: (typed so far, ms in the grid's
    search handler, CPU ms and wall ms from the key press until the app is idle and repainted)."""
    app = ClaimdiffApp(comparison=comparison)
    results = []
    async with app.run_test(size=SIZE) as pilot:
        grid = app.query_one(ComparisonGrid)
        handler: list[float] = []
        set_search = grid.set_search

        def timed(text: str) -> None:
            started = time.perf_counter()
            set_search(text)
            handler.append((time.perf_counter() - started) * 1000)

        grid.set_search = timed  # type: ignore[method-assign]
        await pilot.press("slash")
        await pilot.pause()
        for length in range(1, len(pattern) + 1):
            wall, cpu = time.perf_counter(), time.process_time()
            await pilot.press(pattern[length - 1])
            await pilot.pause()
            cpu_ms, wall_ms = (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000
            results.append((pattern[:length], handler[-1] if handler else 0.0, cpu_ms, wall_ms))
    return results


def report_search(rows: int) -> None:
    """Per-key search latency on a synthetic comparison of about ``rows`` rows (5 documents)."""
    comparison = compare(synthetic_documents(5, rows // 5))
    word = comparison.sentences[2][len(comparison.sentences[2]) // 2].text.split()[1]
    timings = asyncio.run(search_per_key(comparison, word[:6]))
    print(f"  search, {len(comparison.rows)} rows, per typed key: handler ms, CPU ms (wall):")
    shown = [f"{typed!r} {handler:.1f}, {cpu:.1f} ({wall:.0f})" for typed, handler, cpu, wall in timings]
    print("    " + ", ".join(shown))


def report_many_outlets() -> None:
    """Key to repaint with 14 documents, a few columns on screen: paging, folding, jumps."""
    started = time.perf_counter()
    many = compare(synthetic_documents(14, 360))
    seconds = time.perf_counter() - started
    print(f"synthetic: {len(many.rows)} rows from 14 documents of 360 sentences, compared in {seconds:.2f} s")
    print(f"  layout of every row at 160 columns: {asyncio.run(layout_seconds(many)):.3f} s")
    keys = ["x", "j", "right_square_bracket", "left_square_bracket", "z", "u", "tab", "G"]
    timings = asyncio.run(key_to_repaint(many, keys, repeat=5))
    print("  key to repaint, median ms of CPU (wall):")
    print("    " + ", ".join(f"{key} {cpu:.1f} ({wall:.0f})" for key, (cpu, wall) in timings.items()))


def first_paint_in_a_terminal(paths: list[str], *, size: tuple[int, int] = SIZE) -> tuple[float, float]:
    """Seconds from starting ``claimdiff PATHS`` in a fresh process on a pseudo-terminal to its first
    screen (the loading view) and to the grid (the story line's row count), as a person sees it."""
    columns, lines = size
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", *paths], stdin=follower, stdout=follower, stderr=follower, env=environment
    )
    os.close(follower)
    seen, first, grid = b"", 0.0, 0.0
    try:
        while not grid and time.perf_counter() - started < 60:
            ready, _, _ = select.select([leader], [], [], 0.05)
            if not ready:
                continue
            seen += os.read(leader, 1 << 16)
            now = time.perf_counter() - started
            if not first and b"comparing" in seen:
                first = now
            if re.search(rb"[0-9] rows", seen):
                grid = now
    finally:
        process.terminate()
        process.wait(timeout=10)
        os.close(leader)
    return first, grid


def report_first_paint() -> None:
    seeds = bundled_seeds()
    mark = sorted(str(path) for path in (ROOT.parent / "shared" / "bench" / "mark").glob("mark-*.txt"))
    print("first paint from a fresh process in a pseudo-terminal (median of 5): loading screen, grid")
    for name, paths in (("seeds", seeds), ("mark", mark)):
        if not paths:
            continue
        runs = [first_paint_in_a_terminal(paths) for _ in range(5)]
        first = statistics.median(run[0] for run in runs)
        grid = statistics.median(run[1] for run in runs)
        print(f"  {name}: loading screen {first:.2f} s, grid {grid:.2f} s")


def main() -> None:
    report_first_paint()
    loading, grid = asyncio.run(first_paint_seconds())
    print(f"seeds: loading screen after {loading:.3f} s, grid after {grid:.3f} s (comparison included)")
    started = time.perf_counter()
    big = compare(synthetic_documents(5, 1000))
    seconds = time.perf_counter() - started
    print(f"synthetic: {len(big.rows)} rows from 5 documents of 1,000 sentences, compared in {seconds:.2f} s")
    print(f"  layout of every row at 160 columns: {asyncio.run(layout_seconds(big)):.3f} s")
    timings = asyncio.run(key_to_repaint(big, ["x", "j", "k", "n", "pagedown", "G", "g", "tab"], repeat=7))
    print("  key to repaint, median ms of CPU (wall), x being an unbound key:")
    print("    " + ", ".join(f"{key} {cpu:.1f} ({wall:.0f})" for key, (cpu, wall) in timings.items()))
    report_search(1000)
    report_search(5000)
    report_many_outlets()


if __name__ == "__main__":
    main()
