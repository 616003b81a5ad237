"""The command line's ways in and out: formats by name and by suffix, saving and reopening, pages and files."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from clirun import claimdiff
from support import SEEDS

from tui.app.app import ClaimdiffApp
from tui.engine.compare import compare_paths
from tui.engine.saved import load_comparison
from tui.exports.registry import FORMATS, by_name, for_path


def test_every_format_is_offered_and_written_by_its_module() -> None:
    result = claimdiff("--help")
    assert "--format {text,json,html,markdown}" in result.stdout
    for found in FORMATS:
        assert callable(found.writer())
        assert for_path(f"report{found.suffixes[0].upper()}") is found
    assert for_path("report") is by_name("text")


@pytest.mark.parametrize(
    ("name", "start"),
    [("report.html", "<!DOCTYPE html>"), ("note.md", "# "), ("export.json", '{"version":2,'), ("a.txt", "5 documents")],
)
def test_the_output_suffix_chooses_the_format(tmp_path: Path, name: str, start: str) -> None:
    result = claimdiff("-o", str(tmp_path / name), *SEEDS)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


def test_a_saved_comparison_reopens_as_it_was_computed(tmp_path: Path) -> None:
    saved = tmp_path / "story.json"
    assert claimdiff("--format", "json", "--embed-texts", "-o", str(saved), *SEEDS).returncode == 0
    export = json.loads(saved.read_text(encoding="utf-8"))
    assert [document["text"] for document in export["documents"]] == [
        Path(path).read_text(encoding="utf-8") for path in SEEDS
    ]
    assert load_comparison(str(saved)) == compare_paths(SEEDS)
    again = claimdiff("open", str(saved), "--format", "text")
    assert again.returncode == 0 and again.stdout == claimdiff("--format", "text", *SEEDS).stdout


def test_open_refuses_what_it_cannot_reopen_in_one_line(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    assert claimdiff("--format", "json", "-o", str(plain), *SEEDS).returncode == 0
    other = tmp_path / "other.json"
    other.write_text('{"hello": "world"}', encoding="utf-8")
    cases = {
        str(plain): "the export has no document texts; export with --embed-texts",
        str(other): "not a claimdiff export (JSON, but not written by claimdiff)",
        SEEDS[0]: "not a claimdiff export (not JSON)",
        str(tmp_path / "missing.json"): "no such file",
    }
    for path, reason in cases.items():
        result = claimdiff("open", path)
        assert (result.returncode, result.stdout, result.stderr) == (2, "", f"claimdiff: {path}: {reason}\n")
    assert claimdiff("open").stderr.startswith("claimdiff open: the following arguments are required: SAVED.json")


async def test_the_app_opens_a_saved_comparison_without_comparing(tmp_path: Path) -> None:
    saved = tmp_path / "story.json"
    assert claimdiff("--format", "json", "--embed-texts", "-o", str(saved), *SEEDS).returncode == 0
    app = ClaimdiffApp(comparison=load_comparison(str(saved)))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert len(app.workers) == 0  # nothing is computed again
        await pilot.press("n")
        assert app.comparison is not None and app.comparison.facts[0].label == "GPUs"


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/story":
            body = (
                b"<html><head><title>Buyer takes 10,000 GPUs</title>"
                b'<meta property="og:site_name" content="Example Wire"></head><body><article>'
                b"<h1>Buyer takes 10,000 GPUs</h1><p>The company bought 10,000 GPUs on Monday, its chief said. "
                b"The chips will be used in two data centres, according to people familiar with the deal.</p>"
                b"<p>Analysts said the purchase was among the largest of the year.</p></article></body></html>"
            )
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404, "Not Found")

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_and_a_file_are_compared_and_a_dead_link_is_one_line(site: str) -> None:
    result = claimdiff("--format", "json", f"{site}/story", SEEDS[0])
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout)["documents"]
    assert [(d["path"], d["label"], d["format"]) for d in documents] == [
        (f"{site}/story", "Example Wire", "html"),
        (SEEDS[0], Path(SEEDS[0]).name, "text"),
    ]
    dead = claimdiff("--format", "text", f"{site}/gone", SEEDS[0])
    assert (dead.returncode, dead.stdout) == (2, "")
    assert dead.stderr == f"claimdiff: {site}/gone: HTTP 404 Not Found\n"


def test_keep_going_compares_what_could_be_read_and_exits_2(site: str) -> None:
    result = claimdiff("--keep-going", "--format", "json", f"{site}/gone", f"{site}/story", SEEDS[0])
    assert result.returncode == 2
    assert result.stderr == f"claimdiff: {site}/gone: HTTP 404 Not Found\n"
    assert [d["path"] for d in json.loads(result.stdout)["documents"]] == [f"{site}/story", SEEDS[0]]
    nothing = claimdiff("--keep-going", "--format", "json", f"{site}/gone")
    assert (nothing.returncode, nothing.stdout) == (2, "")
    assert nothing.stderr.splitlines() == [
        f"claimdiff: {site}/gone: HTTP 404 Not Found",
        "claimdiff: no document could be read",
    ]
