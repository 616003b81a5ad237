"""Scale benchmark: 30 documents of 300 sentences, one very long document against a long one, and
degenerate inputs (repeated lines, one endless line, no punctuation, a listing of timestamps, ...) at doubling sizes.

Run from the repository root:  python tests/bench/scale.py [--sizes 0.5,1,2,4,10] [--families]
Each case runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own. Inputs are
built from the Mark versions in ../shared/bench/mark and the bundled seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MONTH_NAMES = ("January", "March", "July", "October")

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


def run_case(paths: list[Path], *, timeout: float | None = None) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT)), json.dumps([str(p) for p in paths])],
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    )
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


SENTENCE = "The council met on Monday and approved the new budget for roads and schools after a long debate."
WORDS = SENTENCE.rstrip(".").lower().split()


def _repeat_to(unit: str, megabytes: float) -> str:
    return unit * max(1, int(megabytes * 1_000_000 / len(unit.encode("utf-8"))))


FIRST_NAMES = ("John", "Mary", "Peter", "Anna", "Carlos", "Li", "Fatima", "Ivan", "Kofi", "Sven", "Aiko", "Omar")
LAST_NAMES = ("Smith", "Garcia", "Chen", "Okafor", "Novak", "Tanaka", "Haddad", "Rossi", "Kowalski", "Dubois")
PLACES = ("London", "Paris", "Berlin", "Madrid", "Tokyo", "Lagos", "Lima", "Oslo", "Cairo", "Delhi")
UNITS = ("GPUs", "servers", "votes", "homes", "jobs")


def _fill(line: Callable[[], str], megabytes: float) -> str:
    """Lines from ``line`` up to about ``megabytes`` MB."""
    parts, size = [], 0
    while size < megabytes * 1_000_000:
        parts.append(line())
        size += len(parts[-1])
    return "".join(parts)


def _names_line(rng: random.Random) -> str:
    names = " ".join(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" for _ in range(4))
    return f"{names} met {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} in {rng.choice(PLACES)}.\n"


def _numbers_line(rng: random.Random) -> str:
    counts = ", ".join(f"{rng.randint(1, 99)},{rng.randint(0, 999):03d} {rng.choice(UNITS)}" for _ in range(200))
    return f"The lab bought {counts}.\n"


def _listing_item(rng: random.Random, side: int, line: int) -> str:
    """One line of a listing: a dateline with a time and zone, a few words and a link, an update stamp."""
    posted = (
        f"Posted {rng.choice(MONTH_NAMES)} {rng.randint(1, 28)}, 2013 at {rng.randint(1, 12)}:{rng.randint(0, 59):02d}"
    )
    words = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} at www.example.com/{side}/{line}."
    return f"{posted} GMT. {words} Updated: {rng.randint(1, 12)}:{rng.randint(0, 59):02d} GMT\n"


def degenerate(folder: Path, family: str, megabytes: float) -> list[Path]:
    """The inputs of one degenerate family at about ``megabytes`` MB in all."""
    rng = random.Random(7)
    if family == "repeated line":
        texts = [_repeat_to(SENTENCE + "\n", megabytes / 2)] * 2
    elif family == "repeated sentence, one line":
        texts = [_repeat_to(SENTENCE + " ", megabytes / 2)] * 2
    elif family == "no punctuation":
        texts = [" ".join(rng.choice(WORDS) for _ in range(int(megabytes * 1_000_000 / 12))) for _ in range(2)]
    elif family == "one word per line":
        texts = ["\n".join(rng.choice(WORDS) for _ in range(int(megabytes * 1_000_000 / 12))) for _ in range(2)]
    elif family == "timestamped listing":  # a page of dated, timed, linked items: metadata everywhere
        texts = [
            "".join(_listing_item(rng, side, line) for line in range(int(megabytes * 1e6 / 176))) for side in range(2)
        ]
    elif family == "short sentences, one line":  # "Prices rose 42%." a thousand times on one line
        texts = [_fill(lambda: f"Prices rose {rng.randint(1, 99)}%. ", megabytes / 2) for _ in range(2)]
    elif family == "a few names everywhere":  # every line like every other: a dozen names, ten places
        texts = [_fill(lambda: _names_line(rng), megabytes / 2) for _ in range(2)]
    elif family == "a sentence of numbers":  # a line of 200 counts, each a claim with its context
        texts = [_fill(lambda: _numbers_line(rng), megabytes / 2) for _ in range(2)]
    elif family == "many tiny documents":
        count = max(2, int(megabytes * 1_000_000 / 2_000))
        texts = [f"Report {n}. " + _repeat_to(SENTENCE + " ", 0.002) for n in range(count)]
    else:  # one huge document against a small one
        return [long_document(folder, "huge.txt", megabytes, 0), long_document(folder, "small.txt", 0.05, 2)]
    paths = []
    for number, text in enumerate(texts):
        path = folder / f"{family.replace(' ', '-').replace(',', '')}-{number}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


FAMILIES = (
    "repeated line", "repeated sentence, one line", "no punctuation", "one word per line",
    "many tiny documents", "one huge document", "timestamped listing", "short sentences, one line",
    "a few names everywhere", "a sentence of numbers",
)  # fmt: skip


def report_families(sizes: list[float], timeout: float) -> None:
    """Seconds and peak MB of each family at each size, and how each grows per doubling of the input."""
    print("| family | MB | seconds | peak MB | time x per doubling | memory x per doubling |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for family in FAMILIES:
            previous: dict[str, float] | None = None
            for size in sizes:
                try:
                    result = run_case(degenerate(folder, family, size), timeout=timeout)
                except subprocess.TimeoutExpired:
                    print(f"| {family} | {size:g} | > {timeout:.0f} | | | |")
                    break
                growth = ("", "")
                if previous is not None:
                    growth = (
                        f"{result['seconds'] / max(previous['seconds'], 1e-3):.2f}",
                        f"{result['peak_mb'] / max(previous['peak_mb'], 1):.2f}",
                    )
                print(
                    f"| {family} | {size:g} | {result['seconds']:.2f} | {result['peak_mb']:.0f} | "
                    f"{growth[0]} | {growth[1]} |",
                    flush=True,
                )
                previous = result


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
    parser.add_argument("--families", action="store_true", help="only the degenerate families, at 1/8 to 1 MB")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds a degenerate case may take")
    arguments = parser.parse_args()
    if arguments.families:
        report_families([0.125, 0.25, 0.5, 1.0], arguments.timeout)
        return
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
