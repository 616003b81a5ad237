"""``claimdiff serve``: the app in a browser, over textual-serve on 127.0.0.1, driven through its websocket."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import SEEDS

aiohttp = pytest.importorskip("aiohttp", reason="the web extra is not installed: pip install 'claimdiff[web]'")
pytest.importorskip("textual_serve", reason="the web extra is not installed: pip install 'claimdiff[web]'")

ROOT = Path(__file__).resolve().parent.parent
ANNOUNCED = re.compile(r"claimdiff: serving 5 documents on (http://127\.0\.0\.1:\d+) \(Ctrl\+C to stop\)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server() -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``claimdiff serve`` on the seeds, started as a user starts it; its address once it is listening."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "serve", "--port", str(free_port()), *SEEDS],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        announced = ANNOUNCED.fullmatch(line.strip())
        assert announced, f"{line!r} {process.stderr.read() if process.poll() is not None and process.stderr else ''}"
        yield process, announced.group(1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


async def screen_after(address: str, keys: list[str], wanted: list[bytes], *, timeout: float = 30) -> list[bytes]:
    """Open a browser session's websocket, wait for each ``wanted`` text in the terminal output (after
    sending the key before it, if any), and return the output seen up to each."""
    seen: list[bytes] = []
    url = f"{address.replace('http', 'ws')}/ws?width=120&height=36"
    async with aiohttp.ClientSession() as session, session.ws_connect(url) as socket_:
        await socket_.send_str(json.dumps(["resize", {"width": 120, "height": 36}]))
        output = b""
        deadline = time.monotonic() + timeout
        for step, text in enumerate(wanted):
            if step and keys[step - 1]:
                output = b""
                await socket_.send_str(json.dumps(["stdin", keys[step - 1]]))
            while text not in output:
                message = await socket_.receive(timeout=max(deadline - time.monotonic(), 0.1))
                if message.type == aiohttp.WSMsgType.BINARY:
                    output += message.data
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    raise AssertionError(f"the session closed before {text!r} appeared")
            seen.append(output)
    return seen


def test_serve_shows_the_app_in_a_browser_session_and_takes_keys(
    server: tuple[subprocess.Popen[str], str],
) -> None:
    """The page is textual-serve's; its websocket runs the app on the saved comparison: the grid, then ``?``."""
    process, address = server

    async def exercise() -> list[bytes]:
        async with aiohttp.ClientSession() as session, session.get(address) as response:
            assert response.status == 200
            page = await response.text()
            assert "claimdiff" in page and 'data-session-websocket-url="ws://127.0.0.1' in page
        # The grid (its rows quote the seeds), then the help screen's title once "?" is typed.
        return await screen_after(address, ["?"], [b"Musk", "claimdiff — keys".encode()])

    grid, help_screen = asyncio.run(exercise())
    assert b"Musk" in grid
    assert "claimdiff — keys".encode() in help_screen
    process.send_signal(signal.SIGINT)  # Ctrl+C
    assert process.wait(15) == 0
    assert process.stderr is not None and "Traceback" not in process.stderr.read()


def test_serve_without_sources_that_read_fails_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--port", str(free_port()), str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == f"claimdiff: {tmp_path / 'missing.txt'}: no such file\n"
    assert result.stdout == ""
