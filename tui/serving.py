"""``claimdiff serve``: compare once, save the comparison, and serve the app to browsers with textual-serve."""

from __future__ import annotations

import asyncio
import logging
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

from tui.engine.errors import InputError
from tui.engine.model import Document

WEB_EXTRA = "pip install 'claimdiff[web]'"


def serve(documents: list[Document], *, host: str, port: int) -> None:
    """Compare ``documents``, then serve the app on ``host:port`` until Ctrl+C (or SIGTERM).

    Each browser session runs ``claimdiff open`` on the saved comparison in its own process, so a
    session starts at once and the sources (web pages among them) are read only once.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise InputError(f"serve needs the web extra: {WEB_EXTRA}") from None
    from tui.engine.compare import compare
    from tui.exports.json import write
    from tui.exports.registry import ExportOptions

    class QuietServer(Server):
        """textual-serve's server, announcing itself in one line and logging only warnings."""

        def initialize_logging(self) -> None:
            logging.basicConfig(level=logging.WARNING, format="claimdiff serve: %(message)s", stream=sys.stderr)

        async def on_startup(self, app: Any) -> None:
            # aiohttp starts the app before it listens: announce the address once it answers.
            self._announcing = asyncio.create_task(self._announce())

        async def _announce(self) -> None:
            while True:
                try:
                    _reader, writer = await asyncio.open_connection(host, port)
                except OSError:
                    await asyncio.sleep(0.02)
                    continue
                writer.close()
                break
            count = f"{len(documents)} document{'s' if len(documents) != 1 else ''}"
            print(f"claimdiff: serving {count} on {self.public_url} (Ctrl+C to stop)", flush=True)

    comparison = compare(documents)
    with tempfile.TemporaryDirectory(prefix="claimdiff-serve-") as folder:
        saved = Path(folder) / "comparison.json"
        with saved.open("w", encoding="utf-8", newline="\n") as stream:
            write(comparison, stream, ExportOptions(embed_texts=True))
        command = shlex.join([sys.executable, "-m", "tui", "open", str(saved)])
        try:
            QuietServer(command, host=host, port=port, title="claimdiff").serve()
        except OSError as error:
            raise InputError(f"cannot serve on {host}:{port} ({error.strerror or error})") from None
