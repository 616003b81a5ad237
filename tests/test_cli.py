"""The command line as a user runs it: formats, output files, exit codes and one-line errors.

Most cases run ``tui.cli.main`` in this process (``clirun.claimdiff``); the entry point and the hash
seed need a real ``python -m tui`` (``clirun.claimdiff_process``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from clirun import claimdiff, claimdiff_process
from support import SEEDS, seed

import tui


def test_version_and_help() -> None:
    version = claimdiff("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"claimdiff {tui.__version__}")
    help_ = claimdiff("--help")
    assert help_.returncode == 0
    # The formats offered: json and text among them (test_cli_commands pins the whole list).
    choices = re.search(r"--format \{([a-z,]+)\}", help_.stdout)
    assert choices and {"json", "text"} <= set(choices.group(1).split(",")), help_.stdout
    assert "-o PATH" in help_.stdout


def test_json_export_of_the_seeds() -> None:
    result = claimdiff("--format", "json", *SEEDS)
    assert result.returncode == 0, result.stderr
    export = json.loads(result.stdout)
    assert export["version"] == 2
    assert [d["id"] for d in export["documents"]] == ["d0", "d1", "d2", "d3", "d4"]
    assert export["documents"][0]["path"] == SEEDS[0]
    assert export["documents"][0]["label"] == Path(SEEDS[0]).name
    texts = [Path(path).read_text(encoding="utf-8") for path in SEEDS]
    for row in export["rows"]:
        assert row["kind"] in {"shared", "conflict", "unique"}
        assert row["kind"] != "unique" or len(row["cells"]) == 1
        assert row["kind"] != "shared" or len(row["cells"]) > 1
        for cell in row["cells"]:
            text = texts[int(cell["doc"][1:])]
            for sentence in cell["sentences"]:
                assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    conflict_rows = [row for row in export["rows"] if row["kind"] == "conflict"]
    assert any(
        c["values"].get("d0") == "10,000" and c["values"].get("d2") == "100,000"
        for row in conflict_rows
        for c in row["conflicts"]
    )
    gpus = export["facts"][0]
    assert (gpus["id"], gpus["label"], gpus["kind"]) == ("f1", "GPUs", "quantity")
    for mention in gpus["mentions"]:
        assert texts[int(mention["doc"][1:])][mention["start"] : mention["end"]] == mention["text"]
    clashing = {(gpus["mentions"][i]["doc"], gpus["mentions"][j]["doc"]) for i, j in gpus["clashes"]}
    assert ("d0", "d2") in clashing and ("d4", "d4") in clashing


def test_json_is_deterministic_across_hash_seeds() -> None:
    first = claimdiff_process("--format", "json", *SEEDS, env={"PYTHONHASHSEED": "1"})
    second = claimdiff_process("--format", "json", *SEEDS, env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0 and first.stdout.startswith("{"), first.stderr
    assert first.stdout == second.stdout


def test_the_entry_point_as_a_process_matches_the_in_process_run(tmp_path: Path) -> None:
    """``python -m tui`` prints what ``main`` prints here, and the interpreter exits with ``main``'s status."""
    arguments = ("--format", "text", seed("000"), seed("001"))
    process, here = claimdiff_process(*arguments), claimdiff(*arguments)
    assert (process.returncode, process.stderr) == (0, "")
    assert process.stdout.startswith("2 documents · ")
    assert (here.returncode, here.stdout, here.stderr) == (process.returncode, process.stdout, process.stderr)
    missing = str(tmp_path / "missing.txt")
    process, here = claimdiff_process("--format", "json", missing), claimdiff("--format", "json", missing)
    assert (process.returncode, process.stdout) == (2, "")
    assert process.stderr == f"claimdiff: {missing}: no such file\n"
    assert (here.returncode, here.stdout, here.stderr) == (process.returncode, process.stdout, process.stderr)
    usage = claimdiff_process("--format", "xml", seed("000"))
    assert usage.returncode == 2 and usage.stdout == ""
    assert usage.stderr.count("\n") == 1 and usage.stderr.startswith("claimdiff: "), usage.stderr


def test_text_report_in_a_pipe_has_no_escape_codes() -> None:
    result = claimdiff("--format", "text", *SEEDS)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert result.stdout.startswith("5 documents · ")
    assert "≠ GPUs" in result.stdout


def test_no_color_is_respected_even_when_forced(tmp_path: Path) -> None:
    result = claimdiff("--format", "text", seed("000"), seed("001"), env={"NO_COLOR": "1", "TERM": "xterm-256color"})
    assert "\x1b[" not in result.stdout


def test_output_file_and_format_from_suffix(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = claimdiff("-o", str(target), seed("001"), seed("002"))
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == 2


def test_stdin_and_a_single_document() -> None:
    result = claimdiff("--format", "json", "-", stdin=b"One sentence here. Another one follows.\n")
    export = json.loads(result.stdout)
    assert [d["label"] for d in export["documents"]] == ["stdin"]
    assert {row["kind"] for row in export["rows"]} == {"unique"}


def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02binary")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    undecodable = tmp_path / "bad.txt"
    undecodable.write_bytes(b"\xff\xfe\xfa" + bytes(range(0x80, 0x100)) * 3)
    cases = {
        str(tmp_path / "missing.txt"): "no such file",
        str(tmp_path): "is a directory",
        str(binary): "binary data",
        str(empty): "no text to compare",
        str(undecodable): "cannot decode",
    }
    for path, message in cases.items():
        result = claimdiff("--format", "json", path)
        assert result.returncode == 2, path
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


def test_bad_usage_is_one_line_and_exit_2() -> None:
    result = claimdiff("--format", "xml", seed("000"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("claimdiff: ")
