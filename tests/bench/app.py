"""App benchmark: time to first paint on the seeds, and key-to-repaint on a 5,000-row comparison.

Run from the repository root:  python tests/bench/app.py
Headless (App.run_test); times are wall-clock on this machine, medians where repeated.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tui.app.app import ClaimdiffApp  # noqa: E402
from tui.app.grid import ComparisonGrid  # noqa: E402
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
        grid._wrapped.clear()
        grid._relayout(keep_row=0)
        return time.perf_counter() - started


def main() -> None:
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


if __name__ == "__main__":
    main()
