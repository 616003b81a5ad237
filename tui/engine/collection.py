"""Fewer full garbage collections while a comparison builds its many small objects."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

FULL_COLLECTION_EVERY = 1000
"""Middle-generation collections between two full ones while comparing (Python's default is 10).

A comparison makes millions of small objects (words, tuples, claims) that hold no reference
cycles, and each full collection walks all of them: at the default, about a tenth of the time
of a 1 MB pair went to collections that freed nothing. Young objects are still collected as often.
"""

_lock = threading.Lock()
_active = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def rare_full_collections() -> Iterator[None]:
    """Within the block, full collections happen ``FULL_COLLECTION_EVERY`` times less often than the
    middle generation's; the thresholds are restored when the last of any concurrent blocks ends."""
    global _active, _saved
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], max(_saved[2], FULL_COLLECTION_EVERY))
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                gc.set_threshold(*_saved)
