"""The ``claimdiff`` command line: compare files, then print a report, export JSON, or open the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from tui import __version__
from tui.engine.errors import InputError
from tui.engine.model import Comparison

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

DESCRIPTION = (
    "Compare several articles about the same story: sentences that say the same thing share a row, "
    "shared passages and differing claims are marked. With no files, the bundled sample articles "
    "are compared."
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"claimdiff: {message} (see claimdiff --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimdiff", description=DESCRIPTION)
    parser.add_argument("files", nargs="*", metavar="FILE", help="text, Markdown or HTML files; - reads standard input")
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        help="print the comparison in this format and exit, instead of opening the app "
        "(text is also what a pipe gets when no format is given)",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="write the comparison to PATH (format from --format or the suffix)"
    )
    parser.add_argument(
        "--label",
        action="append",
        default=[],
        metavar="NAME",
        help="name the documents, once per file in order (default: the outlet's name when the page or "
        "text gives it, else the file name)",
    )
    parser.add_argument("--version", action="version", version=f"claimdiff {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = build_parser().parse_args(argv)
    try:
        return _run(arguments)
    except InputError as error:
        print(f"claimdiff: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``claimdiff ... | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _run(arguments: argparse.Namespace) -> int:
    from tui.engine.compare import compare_paths
    from tui.engine.reading import bundled_seeds

    paths = list(arguments.files) or bundled_seeds()
    output_format = arguments.format or _format_from_suffix(arguments.output)
    if output_format is None and not sys.stdout.isatty():
        output_format = "text"  # no terminal to draw the app on: print the report instead
    if output_format is None:
        return _open_app(paths, arguments.label)
    comparison = compare_paths(paths, labels=arguments.label)
    for document in comparison.documents:
        if document.note:
            print(f"claimdiff: {document.path}: {document.note}", file=sys.stderr)
    if arguments.output:
        try:
            with open(arguments.output, "w", encoding="utf-8", newline="\n") as stream:
                _write(comparison, output_format, stream)
        except OSError as error:
            raise InputError(f"{arguments.output}: cannot write ({error.strerror or error})") from None
    else:
        _write(comparison, output_format, sys.stdout)
        sys.stdout.flush()
    return EXIT_OK


def _format_from_suffix(path: str | None) -> str | None:
    if path is None:
        return None
    return "json" if path.lower().endswith(".json") else "text"


def _write(comparison: Comparison, output_format: str, stream: TextIO) -> None:
    if output_format == "json":
        from tui.exports.json import chunks

        for chunk in chunks(comparison):
            stream.write(chunk)
    else:
        from tui.exports.text import write

        write(comparison, stream, color=False if stream is not sys.stdout else None)


def _open_app(paths: list[str], labels: Sequence[str]) -> int:
    """Read the files first (bad input fails here, before the screen changes), then run the app."""
    from tui.engine.reading import read_documents

    documents = read_documents(paths, labels=labels)
    from tui.app.app import ClaimdiffApp

    status = ClaimdiffApp(documents).run()
    return status if isinstance(status, int) else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
