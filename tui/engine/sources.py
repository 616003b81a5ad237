"""What a web source is, and how long and how much fetching one page may take (no network code here)."""

from __future__ import annotations

from dataclasses import dataclass


def is_url(source: str) -> bool:
    """Whether a command-line source is a web address (http or https); anything else is a path."""
    return source[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how much one page may take."""

    connect: float = 10.0
    """Seconds to connect to the server."""
    read: float = 20.0
    """Seconds the server may stay silent."""
    total: float = 60.0
    """Seconds for the whole page, redirects included (checked between reads)."""
    max_bytes: int = 10 * 1024 * 1024
    redirects: int = 5


DEFAULT_LIMITS = Limits()
