"""How far a comparison has come, and how it is stopped: light enough to import before the engine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """The comparison was cancelled before it finished."""


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a comparison has come: ``done`` of ``total`` steps of ``stage``."""

    stage: str
    done: int
    total: int


ProgressCallback = Callable[[Progress], None]
