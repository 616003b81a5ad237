"""Run the claimdiff command line in a test: in this process (fast), or as a real process when that matters.

``claimdiff(...)`` calls ``tui.cli.main(argv)`` here, with ``sys.stdin``, ``sys.stdout`` and ``sys.stderr``
swapped for byte-backed text streams (so ``.buffer`` exists and none is a terminal) and the environment
changed only for the call. Output is decoded as strict UTF-8 with no newline translation, so a raw ``\\r``
or a stray escape stays visible. What a process would also show on stderr is shown there too: an uncaught
exception's traceback (exit status 1), warnings (Python's default filters), and log records of level
WARNING and above that no handler of the command takes (``logging.lastResort``).

``claimdiff_process(...)`` runs ``python -m tui`` as a user does. Use it only where the process itself is
under test: a terminal (pty), a FIFO or a device (a read that never ends must be killable), the hash seed,
the real entry point and its exit status, a closed pipe, signals. A call that would open the app or never
return fails in this process instead of hanging the test.
"""

from __future__ import annotations

import io
import logging
import os
import signal
import subprocess
import sys
import threading
import traceback
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120
"""Seconds a run may take, in this process or as a process."""

_UNSET = ("NO_COLOR", "FORCE_COLOR")
"""Left out of the environment of every run, so that the developer's own setting does not leak in."""


class CliTimeout(BaseException):
    """The in-process run took longer than ``TIMEOUT`` (a BaseException, so ``except Exception`` lets it by)."""


class NeedsAProcess(BaseException):
    """The in-process run tried to open the app (that takes a terminal) or to serve it: use ``claimdiff_process``."""


def claimdiff(
    *arguments: str, stdin: bytes | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``claimdiff ARGUMENTS`` in this process; return its exit status, stdout and stderr."""
    from tui.cli import main

    env = dict(env or {})
    needs_a_process = sorted(key for key in env if key.startswith("PYTHON") or key in {"LANG", "LC_ALL", "LC_CTYPE"})
    if needs_a_process:
        raise ValueError(f"{needs_a_process} take effect when Python starts: use claimdiff_process")
    stdout, stderr = _Sink(), _Sink()
    with (
        _environment(env),
        _streams(stdin or b"", stdout, stderr),
        _no_app(serving="serve" in arguments),
        _watchdog(TIMEOUT),
        _saved_signal_handlers(),
        _process_warnings(),
        _logging_as_in_a_process(),
    ):
        try:
            returncode = main(list(arguments))
        except SystemExit as exit_:
            returncode = _exit_status(exit_)
        except Exception:
            traceback.print_exc()  # to the swapped stderr, as the interpreter would before exiting 1
            returncode = 1
    return subprocess.CompletedProcess(
        ["claimdiff", *arguments], returncode, stdout.getvalue().decode("utf-8"), stderr.getvalue().decode("utf-8")
    )


def claimdiff_process(
    *arguments: str,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tui ARGUMENTS`` as a user does; stdout and stderr decoded as strict UTF-8, untranslated.

    Bytes, not text mode: text mode would turn a raw ``\\r`` in the output into a newline and hide it.
    """
    result = subprocess.run(
        [sys.executable, "-m", "tui", *arguments],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=process_environment(env),
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def process_environment(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment without ``NO_COLOR`` and ``FORCE_COLOR``, this checkout importable, plus ``env``."""
    environment = {key: value for key, value in os.environ.items() if key not in _UNSET}
    environment["PYTHONPATH"] = str(ROOT) + os.pathsep + environment.get("PYTHONPATH", "")
    environment.update(env or {})
    return environment


# The pieces of an in-process run --------------------------------------------------------------


class _Sink(io.BytesIO):
    """A BytesIO whose bytes can still be read after the command closed the stream wrapped around it."""

    _kept = b""

    def close(self) -> None:
        if not self.closed:
            self._kept = super().getvalue()
        super().close()

    def getvalue(self) -> bytes:
        return self._kept if self.closed else super().getvalue()


def _exit_status(exit_: SystemExit) -> int:
    """The exit status the interpreter gives for ``SystemExit(code)``; a message goes to stderr first."""
    if exit_.code is None:
        return 0
    if isinstance(exit_.code, int):
        return exit_.code
    print(exit_.code, file=sys.stderr)
    return 1


@contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    """``os.environ`` without ``_UNSET`` and with ``env`` for the call; afterwards exactly as it was."""
    saved = dict(os.environ)
    for key in _UNSET:
        os.environ.pop(key, None)
    os.environ.update(env)
    try:
        yield
    finally:
        for key in set(os.environ) - set(saved):
            del os.environ[key]
        for key, value in saved.items():
            if os.environ.get(key) != value:
                os.environ[key] = value


@contextmanager
def _streams(stdin: bytes, stdout: _Sink, stderr: _Sink) -> Iterator[None]:
    """Standard streams as a process in a pipe has them: UTF-8 over bytes, not terminals, no newline translation.

    ``sys.__stdout__`` and the others too, so that ``shutil.get_terminal_size`` (argparse's help) sees no
    terminal either. (Rich also asks file descriptors 0-2 for a size: under ``pytest -s`` on a terminal a
    wrapping report could differ from a process's; with pytest's capturing they are not terminals.)
    """
    saved = sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors="strict", newline="\n")
    sys.stdout = io.TextIOWrapper(stdout, encoding="utf-8", errors="strict", newline="\n")
    sys.stderr = io.TextIOWrapper(stderr, encoding="utf-8", errors="backslashreplace", newline="\n")
    swapped = sys.stdin, sys.stdout, sys.stderr
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = swapped  # type: ignore[misc]
    try:
        yield
    finally:
        for stream in swapped:
            if not stream.closed:
                stream.flush()
        sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__ = saved  # type: ignore[misc]


@contextmanager
def _no_app(*, serving: bool) -> Iterator[None]:
    """Starting a Textual app, or textual-serve's server, fails at once instead of taking over or hanging."""
    from textual.app import App

    patched: list[tuple[type[Any], str, Any]] = [(App, "run", App.run), (App, "run_async", App.run_async)]
    if serving:
        try:
            from textual_serve.server import Server
        except ImportError:  # without the web extra the command says so itself
            pass
        else:
            patched.append((Server, "serve", Server.serve))

    def refuse(*_: Any, **__: Any) -> NoReturn:
        raise NeedsAProcess("this run would open or serve the app: run it through claimdiff_process (on a pty)")

    for owner, name, _original in patched:
        setattr(owner, name, refuse)
    try:
        yield
    finally:
        for owner, name, original in patched:
            setattr(owner, name, original)


@contextmanager
def _watchdog(seconds: int) -> Iterator[None]:
    """Interrupt a run that does not return (a server, a read that never ends), like the process timeout."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> NoReturn:
        raise CliTimeout(f"claimdiff did not return within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _saved_signal_handlers() -> Iterator[None]:
    """Signal handlers the command installs do not outlive it."""
    numbers = [signal.SIGINT, signal.SIGTERM, signal.SIGPIPE, signal.SIGHUP]
    saved = [(number, signal.getsignal(number)) for number in numbers]
    try:
        yield
    finally:
        for number, handler in saved:
            if handler is not None:
                signal.signal(number, handler)


@contextmanager
def _process_warnings() -> Iterator[None]:
    """Warnings filtered as in a fresh interpreter and printed to the (swapped) stderr, as a process does."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.resetwarnings()
        warnings.filterwarnings("default", category=DeprecationWarning, module="__main__", append=True)
        for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
            warnings.filterwarnings("ignore", category=category, append=True)
        try:
            yield
        finally:
            for found in caught:
                sys.stderr.write(
                    warnings.formatwarning(found.message, found.category, found.filename, found.lineno, found.line)
                )


@contextmanager
def _logging_as_in_a_process() -> Iterator[None]:
    """The root logger without pytest's handlers for the call, as in a fresh process: a record nobody
    handles goes to stderr through ``logging.lastResort``, and ``logging.basicConfig`` takes effect.
    Afterwards the handlers the command added to the root are removed and pytest's are back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    for handler in handlers:
        root.removeHandler(handler)
    try:
        yield
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
