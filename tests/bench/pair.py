"""Pair benchmark: two ~1 MB texts, claimdiff's export and first screen against textual-diff-view's first screen.

Run from the repository root:  python tests/bench/pair.py [--repeat N] [--timeout S] [--tdv-venv PATH]
textual-diff-view (AGPL) is only ever run, never imported here: it lives in its own venv (default
/tmp/claimdiff-bench-tdv, made with this interpreter's ``-m venv`` and ``pip install textual-diff-view`` when
missing), opened on the pair by a throwaway driver written to a temporary folder. Without network the venv
cannot be made, and only claimdiff is timed.

Inputs: a = long_document(..., 1.0, 0) from scale.py; b = long_document(..., 1.0, 1) cut before each
"Part N chapter " heading, the pieces shuffled with random.Random(3) and joined again with blank lines.
Export: ``python -m tui --format json a b > /dev/null``, whole process, median of N after one warm-up run, peak
RSS from wait4. First screen: seconds from starting each viewer in a fresh process on a 160x48 pseudo-terminal
until its first screen of content is in the output (escape sequences removed): claimdiff's "N rows" line,
textual-diff-view's first 12 characters of a's first line; one warm-up each, then N runs alternating the two.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import random
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import long_document  # noqa: E402

SIZE = (160, 48)
DEFAULT_TDV_VENV = Path("/tmp/claimdiff-bench-tdv")
TDV_PACKAGE = "textual-diff-view"
HEADING = re.compile(r"(?=Part \d+ chapter )")
# CSI (colours, cursor moves, modes), OSC (titles, queries) and two-byte escapes: what a terminal does not show.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
GRID = re.compile(rb"[0-9] rows")
TAIL = 1 << 16  # bytes of earlier output kept so that a match split across reads is still found

# The textual-diff-view driver: a minimal app of our own around its documented public API
# (DiffView.load of two paths, mounted in a VerticalScroll). Written to a temporary folder, never committed.
DRIVER = """\
import sys

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual_diff_view import DiffView


class Pair(App[None]):
    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="diff")

    async def on_mount(self) -> None:
        view = await DiffView.load(sys.argv[1], sys.argv[2])
        await self.query_one("#diff").mount(view)


Pair().run()
"""


@dataclass
class Pair:
    a: Path
    b: Path
    marker: bytes  # the first 12 characters of a's first line of 12 or more


def shuffled_chapters(text: str, seed: int = 3) -> str:
    """``text`` cut before each "Part N chapter " heading, the pieces shuffled and joined by blank lines."""
    pieces = [piece.strip() for piece in HEADING.split(text) if piece.strip()]
    random.Random(seed).shuffle(pieces)
    return "\n\n".join(pieces)


def build_pair(folder: Path) -> Pair:
    a = long_document(folder, "a.txt", 1.0, 0)
    b = long_document(folder, "b.txt", 1.0, 1)
    b.write_text(shuffled_chapters(b.read_text(encoding="utf-8")), encoding="utf-8")
    first = next(line.strip() for line in a.read_text(encoding="utf-8").splitlines() if len(line.strip()) >= 12)
    return Pair(a, b, first[:12].encode("utf-8"))


def stop(process: subprocess.Popen[bytes]) -> None:
    """Our child gone: SIGTERM, then SIGKILL after 5 s; reaped either way."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def timed_export(paths: list[Path], timeout: float, stdout: int) -> tuple[float, float]:
    """(wall seconds, peak RSS MB) of ``python -m tui --format json PATHS`` in a fresh process."""
    command = [sys.executable, "-m", "tui", "--format", "json", *map(str, paths)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    timer = threading.Timer(timeout, process.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        timer.cancel()
    seconds = time.perf_counter() - started
    error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode == -signal.SIGKILL:
        raise TimeoutError(f"claimdiff export took more than {timeout:.0f} s")
    if process.returncode != 0:
        raise RuntimeError(f"claimdiff export failed ({process.returncode}): {error[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def export_summary(paths: list[Path], timeout: float) -> dict[str, int]:
    """Sentences per document and rows, from one (untimed, warm-up) export."""
    with tempfile.TemporaryFile() as output:
        timed_export(paths, timeout, output.fileno())
        output.seek(0)
        data = json.load(output)
    counts = {f"sentences {n}": document["sentences"] for n, document in enumerate(data["documents"])}
    return counts | {"rows": data["summary"]["rows"]}


def first_screen(name: str, command: list[str], pattern: re.Pattern[bytes], timeout: float) -> float:
    """Seconds from starting ``command`` on a fresh pseudo-terminal of SIZE until ``pattern`` is in what it
    wrote, escape sequences removed. The child is stopped afterwards (killed if it will not go)."""
    columns, lines = SIZE
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)}
    started = time.perf_counter()
    try:
        process = subprocess.Popen(
            command, stdin=follower, stdout=follower, stderr=follower, env=environment, cwd=ROOT, close_fds=True
        )
    except OSError:
        os.close(leader)
        raise
    finally:
        os.close(follower)
    tail = b""
    try:
        while (now := time.perf_counter() - started) < timeout:
            ready, _, _ = select.select([leader], [], [], 0.05)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            tail = tail[-TAIL:] + chunk
            if pattern.search(ESCAPES.sub(b"", tail)):
                return time.perf_counter() - started
        shown = ESCAPES.sub(b"", tail).decode("utf-8", "replace")[-600:]
        if now >= timeout:
            raise TimeoutError(f"{name}: no first screen after {timeout:.0f} s; last output: {shown!r}")
        raise RuntimeError(f"{name}: exited ({process.poll()}) before its first screen; last output: {shown!r}")
    finally:
        stop(process)
        os.close(leader)


def tdv_python(venv: Path) -> Path | None:
    """The venv's interpreter with textual-diff-view installed, the venv made first when needed; None if it
    cannot be made (for instance without network)."""
    python = venv / "bin" / "python"
    check = [str(python), "-c", "import textual_diff_view"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    print(f"making {venv} for textual-diff-view (python -m venv, pip install {TDV_PACKAGE}) ...", flush=True)
    try:
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True, timeout=300)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", TDV_PACKAGE], check=True, capture_output=True, timeout=600
        )
    except (OSError, subprocess.SubprocessError) as error:
        detail = getattr(error, "stderr", b"") or b""
        last = detail.decode("utf-8", "replace").strip().splitlines()[-1:] if isinstance(detail, bytes) else []
        print(f"textual-diff-view skipped: could not make its venv at {venv} ({error}; {' '.join(last)})")
        return None
    return python if subprocess.run(check, capture_output=True).returncode == 0 else None


def tdv_versions(python: Path) -> str:
    code = "from importlib.metadata import version as v; print(v('textual-diff-view'), v('textual'))"
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True)
    tdv, textual = result.stdout.split()
    return f"textual-diff-view {tdv}, textual {textual}"


def load() -> str:
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each measurement (median reported)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a child process is killed")
    parser.add_argument("--tdv-venv", type=Path, default=DEFAULT_TDV_VENV, help="venv for textual-diff-view")
    arguments = parser.parse_args()
    repeat, timeout = max(1, arguments.repeat), arguments.timeout

    print(f"{os.cpu_count()} CPUs, {load()}, Python {sys.version.split()[0]}", flush=True)
    python = tdv_python(arguments.tdv_venv)
    with tempfile.TemporaryDirectory(prefix="claimdiff-pair-") as name:
        folder = Path(name)
        pair = build_pair(folder)
        paths = [pair.a, pair.b]
        summary = export_summary(paths, timeout)
        megabytes = [path.stat().st_size / 1e6 for path in paths]
        print(
            f"1 MB pair (a {megabytes[0]:.2f} MB, b {megabytes[1]:.2f} MB, "
            f"{summary['sentences 0']} + {summary['sentences 1']} sentences, {summary['rows']} rows)",
            flush=True,
        )

        with open(os.devnull, "wb") as devnull:
            exports = [timed_export(paths, timeout, devnull.fileno()) for _ in range(repeat)]
        seconds = statistics.median(run[0] for run in exports)
        peak = max(run[1] for run in exports)
        print(f"claimdiff export (whole process, median of {repeat}): {seconds:.2f} s, peak {peak:.0f} MB", flush=True)

        claimdiff = [sys.executable, "-m", "tui", str(pair.a), str(pair.b)]
        viewers: dict[str, tuple[list[str], re.Pattern[bytes]]] = {"claimdiff": (claimdiff, GRID)}
        if python is not None:
            driver = folder / "tdv_driver.py"
            driver.write_text(DRIVER, encoding="utf-8")
            tdv = [str(python), str(driver), str(pair.a), str(pair.b)]
            viewers["textual-diff-view"] = (tdv, re.compile(re.escape(pair.marker)))
            print(f"textual-diff-view from {arguments.tdv_venv}: {tdv_versions(python)}", flush=True)
        for viewer, (command, pattern) in viewers.items():  # warm-up: page cache, bytecode
            first_screen(viewer, command, pattern, timeout)
        times: dict[str, list[float]] = {viewer: [] for viewer in viewers}
        for _ in range(repeat):  # alternating, so that other load on the machine falls on both
            for viewer, (command, pattern) in viewers.items():
                times[viewer].append(first_screen(viewer, command, pattern, timeout))
        medians = {viewer: statistics.median(runs) for viewer, runs in times.items()}
        shown = ", ".join(f"{viewer} {median:.2f} s" for viewer, median in medians.items())
        print(f"first screen, {SIZE[0]}x{SIZE[1]} pty (median of {repeat}): {shown}")
        print("  runs: " + "; ".join(f"{v} " + ", ".join(f"{t:.2f}" for t in runs) for v, runs in times.items()))
        if "textual-diff-view" in medians:
            ratio = medians["claimdiff"] / medians["textual-diff-view"]
            print(f"  claimdiff / textual-diff-view = {ratio:.2f}")
        else:
            print("  textual-diff-view not timed (no venv)")
    print(load())


if __name__ == "__main__":
    main()
