"""Read a mixed list of files and web addresses (http, https) in order, the pages fetched in parallel."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field, replace
from queue import Empty, SimpleQueue
from typing import BinaryIO, NamedTuple, TextIO

from tui.engine.errors import InputError
from tui.engine.identity import identify
from tui.engine.model import Document
from tui.engine.reading import read_document
from tui.engine.sources import DEFAULT_LIMITS, Limits, is_url

__all__ = ["Failure", "FetchProgress", "Limits", "NoDocuments", "Sources", "StatusLine", "is_url", "read_sources"]

WORKERS = 8
"""Pages fetched at once."""

FetchProgress = Callable[[int, int], None]
"""Told ``(done, total)`` as pages finish, from the calling thread; ``(total, total)`` comes last even when
a failure stops the reading early, so a status line can always clear itself."""


class Failure(NamedTuple):
    """A source that could not be read, and why."""

    source: str
    reason: str

    @property
    def message(self) -> str:
        """The one line that says so: ``https://a.example/story: HTTP 404 Not Found``."""
        return f"{_name(self.source)}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Sources:
    """The documents that could be read (ids ``d0``.. in input order) and the sources that could not."""

    documents: list[Document]
    failures: list[Failure] = field(default_factory=list)


class NoDocuments(InputError):
    """Not one source could be read; ``failures`` says why for each."""

    def __init__(self, failures: Sequence[Failure]) -> None:
        super().__init__("no document could be read")
        self.failures = list(failures)


def read_sources(
    sources: Sequence[str],
    *,
    labels: Sequence[str] = (),
    keep_going: bool = False,
    stdin: BinaryIO | None = None,
    progress: FetchProgress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Sources:
    """Read files (``-`` is stdin) and fetch web pages, then say who each document is (``identify``).

    Files are read first, so a bad file fails before any page is fetched. Without ``keep_going`` the
    first failure raises InputError; with it, failures are collected, the rest is read, and the labels
    of failed sources are dropped so the others keep theirs. ``progress`` defaults to a line rewritten
    on stderr when stderr is a terminal (nothing otherwise)."""
    if sum(1 for source in sources if source == "-") > 1:
        raise InputError("-: standard input can be given only once")
    if len(labels) > len(sources):
        raise InputError(f"--label given {len(labels)} times for {len(sources)} documents")
    read: dict[int, Document | Failure] = {}
    for index, source in enumerate(sources):
        if not is_url(source):
            try:
                read[index] = read_document(source, f"d{index}", stdin=stdin)
            except InputError as error:
                if not keep_going:
                    raise
                read[index] = _failure(source, error)
    urls = {index: source for index, source in enumerate(sources) if is_url(source)}
    if urls:
        read.update(_fetch_all(urls, keep_going=keep_going, progress=progress, limits=limits))
    outcomes = [read[index] for index in range(len(sources))]
    failures = [outcome for outcome in outcomes if isinstance(outcome, Failure)]
    kept = [(index, outcome) for index, outcome in enumerate(outcomes) if isinstance(outcome, Document)]
    if not kept:
        raise NoDocuments(failures)
    documents = [replace(document, id=f"d{n}") for n, (_index, document) in enumerate(kept)]
    return Sources(identify(documents, [labels[index] for index, _document in kept if index < len(labels)]), failures)


def _name(source: str) -> str:
    return "standard input" if source == "-" else source


def _failure(source: str, error: InputError) -> Failure:
    message = str(error)
    return Failure(source, message.removeprefix(f"{_name(source)}: "))


def _fetch_all(
    urls: dict[int, str], *, keep_going: bool, progress: FetchProgress | None, limits: Limits
) -> dict[int, Document | Failure]:
    """Fetch every page, at most WORKERS at once; without ``keep_going``, raise the first failure in
    input order as soon as the pages before it are in."""
    from tui.engine.pages import new_pool, read_url  # the HTTP client (urllib3, ssl) only when a page is asked for

    pool = new_pool(WORKERS)
    futures = _in_parallel(lambda url: read_url(url, "", pool=pool, limits=limits), list(urls.values()))
    status = StatusLine(sys.stderr) if progress is None and _is_terminal(sys.stderr) else None
    report = progress or status or (lambda done, total: None)
    pending: set[Future[Document]] = set(futures)
    try:
        report(0, len(futures))
        while pending:
            _finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            report(len(futures) - len(pending), len(futures))
            if not keep_going:
                _raise_first_failure(futures)
    finally:
        for future in futures:
            future.cancel()
        if pending:
            report(len(futures), len(futures))
        if status is not None:
            status.clear()
    found: dict[int, Document | Failure] = {}
    for (index, url), future in zip(urls.items(), futures, strict=True):
        error = future.exception()
        if isinstance(error, InputError):
            found[index] = _failure(url, error)
        elif error is not None:
            raise error
        else:
            found[index] = future.result()
    return found


def _raise_first_failure(futures: Sequence[Future[Document]]) -> None:
    for future in futures:
        if not future.done():
            return
        error = future.exception()
        if error is not None:
            raise error


def _in_parallel(work: Callable[[str], Document], items: Sequence[str]) -> list[Future[Document]]:
    """Run ``work`` on each item in daemon threads (a stalled server never holds up the program's exit,
    nor Ctrl-C); a future that is cancelled before it starts never runs."""
    futures: list[Future[Document]] = [Future() for _ in items]
    jobs: SimpleQueue[tuple[str, Future[Document]]] = SimpleQueue()
    for job in zip(items, futures, strict=True):
        jobs.put(job)

    def worker() -> None:
        while True:
            try:
                item, future = jobs.get_nowait()
            except Empty:
                return
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work(item))
            except BaseException as error:  # handed to the caller, who decides
                future.set_exception(error)

    for _ in range(min(WORKERS, len(items))):
        threading.Thread(target=worker, name="claimdiff-fetch", daemon=True).start()
    return futures


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


class StatusLine:
    """``claimdiff: fetching 3 pages… 1/3 done``, rewritten in place on a terminal, wiped at the end."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, done: int, total: int) -> None:
        line = f"claimdiff: fetching {total} page{'' if total == 1 else 's'}… {done}/{total} done"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
