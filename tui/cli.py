"""The ``claimdiff`` command line: compare files and pages, reopen a saved comparison, or serve the app."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from tui import __version__
from tui.engine.collection import rare_full_collections
from tui.engine.errors import InputError
from tui.engine.model import Comparison, Document
from tui.exports.registry import ExportFormat, ExportOptions, by_name, for_path, names

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

DESCRIPTION = (
    "Compare several articles about the same story: sentences that say the same thing share a row, "
    "shared passages and differing claims are marked. Sources are files, web addresses (http, https) "
    "or - for standard input; with none, the bundled sample articles are compared."
)
EPILOG = (
    "other commands: 'claimdiff open SAVED.json' reopens a comparison saved with --embed-texts; "
    "'claimdiff serve [SOURCE ...]' serves the app to a web browser (pip install 'claimdiff[web]'). "
    "A file named open or serve is ./open or ./serve."
)
COMMANDS = ("open", "serve")


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _add_sources(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="text, Markdown or HTML files, web addresses (http://, https://), or - for standard input",
    )
    parser.add_argument(
        "--label",
        action="append",
        default=[],
        metavar="NAME",
        help="name the documents, once per source in order (default: the outlet's name when the page or "
        "text gives it, else the file name or the site's address)",
    )
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="when a source cannot be read, compare the others and list the failures (exit status 2)",
    )


def _add_output(parser: argparse.ArgumentParser) -> None:
    formats = "; ".join(f"{found.name}: {found.description}" for found in _formats())
    parser.add_argument(
        "--format",
        choices=names(),
        help=f"write the comparison in this format instead of opening the app ({formats}); "
        "a pipe gets text when no format is given",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write the comparison to PATH (format from --format, else from the suffix: .json, .html, .md, .txt)",
    )
    parser.add_argument(
        "--embed-texts",
        action="store_true",
        help="json: include each document's full text, so that 'claimdiff open' can reopen it without the sources",
    )


def _formats() -> tuple[ExportFormat, ...]:
    return tuple(by_name(name) for name in names())


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="claimdiff", description=DESCRIPTION, epilog=EPILOG)
    _add_sources(parser)
    _add_output(parser)
    parser.add_argument("--version", action="version", version=f"claimdiff {__version__}")
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimdiff open",
        description="Reopen a comparison saved with 'claimdiff --format json --embed-texts -o SAVED.json', "
        "without reading the sources or comparing again.",
    )
    parser.add_argument("saved", metavar="SAVED.json", help="a claimdiff JSON export made with --embed-texts")
    _add_output(parser)
    return parser


def build_serve_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimdiff serve",
        description="Compare the sources once, then serve the app to web browsers on this machine "
        "(each browser tab gets its own session). Needs the web extra: pip install 'claimdiff[web]'.",
    )
    _add_sources(parser)
    parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="the port to listen on (default: 8000)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] == "open":
            return _open_saved(build_open_parser().parse_args(arguments[1:]))
        if arguments and arguments[0] == "serve":
            return _serve(build_serve_parser().parse_args(arguments[1:]))
        return _compare(build_parser().parse_args(arguments))
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


def _compare(arguments: argparse.Namespace) -> int:
    export = _export_format(arguments)
    documents, failed = _read(arguments)
    if export is None:
        status = _run_app(documents=documents)
    else:
        from tui.engine.compare import compare

        with rare_full_collections():
            _write(compare(documents), export, arguments)
        status = EXIT_OK
    return EXIT_USAGE if failed else status


def _read(arguments: argparse.Namespace) -> tuple[list[Document], bool]:
    """Read the sources (bad input fails here, before any screen changes); report notes and failures.

    Pages are fetched in parallel, with a progress line on a terminal's stderr.
    """
    from tui.engine.fetching import NoDocuments, read_sources
    from tui.engine.reading import bundled_seeds

    sources = list(arguments.sources) or bundled_seeds()
    try:
        read = read_sources(sources, labels=arguments.label, keep_going=arguments.keep_going, stdin=sys.stdin.buffer)
    except NoDocuments as error:
        for failure in error.failures:
            print(f"claimdiff: {failure.message}", file=sys.stderr)
        raise
    for failure in read.failures:
        print(f"claimdiff: {failure.message}", file=sys.stderr)
    for document in read.documents:
        if document.note:
            print(f"claimdiff: {document.path}: {document.note}", file=sys.stderr)
    return read.documents, bool(read.failures)


def _open_saved(arguments: argparse.Namespace) -> int:
    from tui.engine.saved import load_comparison

    export = _export_format(arguments)
    with rare_full_collections():
        comparison = load_comparison(arguments.saved)
    if export is None:
        return _run_app(comparison=comparison)
    with rare_full_collections():
        _write(comparison, export, arguments)
    return EXIT_OK


def _serve(arguments: argparse.Namespace) -> int:
    from tui.serving import serve

    documents, failed = _read(arguments)
    serve(documents, host=arguments.host, port=arguments.port)
    return EXIT_USAGE if failed else EXIT_OK


def _export_format(arguments: argparse.Namespace) -> ExportFormat | None:
    """The format asked for, else the output file's, else none (the app) on a terminal and text in a pipe."""
    if arguments.format:
        return by_name(arguments.format)
    if arguments.output:
        return for_path(arguments.output)
    if not _has_screen():
        return by_name("text")  # no terminal to draw the app on: print the report instead
    return None


def _has_screen() -> bool:
    """A terminal on standard output, or a browser (``claimdiff serve`` runs the app under Textual's web driver)."""
    return sys.stdout.isatty() or bool(os.environ.get("TEXTUAL_DRIVER"))


def _write(comparison: Comparison, export: ExportFormat, arguments: argparse.Namespace) -> None:
    write = export.writer()
    if arguments.output:
        options = ExportOptions(color=False, embed_texts=arguments.embed_texts)
        try:
            with open(arguments.output, "w", encoding="utf-8", newline="\n") as stream:
                write(comparison, stream, options)
        except OSError as error:
            raise InputError(f"{arguments.output}: cannot write ({error.strerror or error})") from None
    else:
        write(comparison, sys.stdout, ExportOptions(embed_texts=arguments.embed_texts))
        sys.stdout.flush()


def _run_app(*, documents: list[Document] | None = None, comparison: Comparison | None = None) -> int:
    from tui.app.app import ClaimdiffApp

    status = ClaimdiffApp(documents, comparison=comparison).run()
    return status if isinstance(status, int) else EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
