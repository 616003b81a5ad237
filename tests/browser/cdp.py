"""A small Chrome DevTools Protocol client over ``--remote-debugging-pipe``: no websocket, no new dependency.

Headless Chromium lays a page out at least 500 px wide whatever ``--window-size`` says, so a phone's
390 px is set with ``Emulation.setDeviceMetricsOverride``; keys are real key events (``Input``). The pipe
protocol: JSON messages ending in NUL, the browser reading commands on its fd 3 and writing replies and
events on its fd 4.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
)
"""How the tests and the screenshot script launch Chromium (as root: --no-sandbox)."""

_LAUNCH = (
    "import fcntl, os, sys\n"
    "commands = fcntl.fcntl(int(sys.argv[1]), fcntl.F_DUPFD, 10)\n"
    "replies = fcntl.fcntl(int(sys.argv[2]), fcntl.F_DUPFD, 10)\n"
    "os.dup2(commands, 3)\n"
    "os.dup2(replies, 4)\n"
    "os.execv(sys.argv[3], sys.argv[3:])\n"
)
"""Puts the two pipe ends on fds 3 and 4 and becomes Chromium (fds copied above 10 first, so none is lost)."""

KEYS = {"n": ("KeyN", 78, 0), "N": ("KeyN", 78, 8)}
"""Key -> (code, Windows key code, modifiers: 8 is Shift)."""


class Chromium:
    """One headless Chromium; ``open`` gives a page of a chosen size. Use as a context manager."""

    def __init__(self, executable: str, profile: Path, *, timeout: float = 30.0) -> None:
        self.timeout = timeout
        commands_read, commands_write = os.pipe()
        replies_read, replies_write = os.pipe()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _LAUNCH,
                str(commands_read),
                str(replies_write),
                executable,
                *FLAGS,
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            pass_fds=(commands_read, replies_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(commands_read)
        os.close(replies_write)
        self._commands = commands_write
        self._replies = replies_read
        self._buffer = b""
        self._last = 0
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError, ConnectionError):
            self.send("Browser.close", timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._commands, self._replies):
            with contextlib.suppress(OSError):
                os.close(fd)

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: str = "", timeout: float | None = None
    ) -> dict[str, Any]:
        """Run one command and return its result; events that arrive meanwhile are kept for ``wait_for``."""
        self._last += 1
        ident = self._last
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read(deadline)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def wait_for(self, method: str, session: str) -> dict[str, Any]:
        """The next event ``method`` of ``session`` (one already received counts)."""
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self._events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self._events.remove(event)
                    return event
            self._events.append(self._read(deadline))

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._replies], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise ConnectionError("Chromium closed its pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        found: dict[str, Any] = json.loads(message)
        return found

    def open(self, url: str, width: int, height: int) -> Page:
        """A new tab ``width`` × ``height`` CSS pixels, loaded with ``url`` (returns after the load event)."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session: str = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        self.send("Emulation.setDeviceMetricsOverride", metrics, session=session)
        self.send("Page.enable", session=session)
        self.send("Page.navigate", {"url": url}, session=session)
        self.wait_for("Page.loadEventFired", session)
        return Page(self, session)


class Page:
    """One tab: evaluate JavaScript, press keys, take a screenshot."""

    def __init__(self, browser: Chromium, session: str) -> None:
        self.browser = browser
        self.session = session

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (JSON-like values come back as Python ones)."""
        reply = self.browser.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=self.session,
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(reply["exceptionDetails"])
        return reply["result"].get("value")

    def press(self, key: str) -> None:
        """A real key press (keydown with its text, then keyup), as a keyboard would send it."""
        code, number, modifiers = KEYS[key]
        common = {"key": key, "code": code, "windowsVirtualKeyCode": number, "modifiers": modifiers}
        self.browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": key, **common}, session=self.session)
        self.browser.send("Input.dispatchKeyEvent", {"type": "keyUp", **common}, session=self.session)

    def screenshot(self, path: Path) -> None:
        """A PNG of what the tab shows (its viewport, as a window that size would show the page)."""
        shot = self.browser.send("Page.captureScreenshot", {"format": "png"}, session=self.session)
        path.write_bytes(base64.b64decode(shot["data"]))
