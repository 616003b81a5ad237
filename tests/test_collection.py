"""Full garbage collections made rare while comparing, and the thresholds restored afterwards."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from tui.engine import collection
from tui.engine.collection import FULL_COLLECTION_EVERY, rare_full_collections
from tui.engine.compare import compare
from tui.engine.model import Document


@pytest.fixture(autouse=True)
def default_thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_full_collections_are_rare_inside_the_block_and_as_before_after_it() -> None:
    with rare_full_collections():
        assert gc.get_threshold() == (700, 10, FULL_COLLECTION_EVERY)
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_and_concurrent_blocks_restore_the_thresholds_only_when_the_last_ends() -> None:
    inside, release = threading.Event(), threading.Event()

    def other_comparison() -> None:
        with rare_full_collections():
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=other_comparison)
    with rare_full_collections():
        worker.start()
        assert inside.wait(10)
        with rare_full_collections():
            pass
        assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY
    assert gc.get_threshold()[2] == FULL_COLLECTION_EVERY  # the other block is still running
    release.set()
    worker.join(10)
    assert gc.get_threshold() == (700, 10, 10)
    assert collection._active == 0


def test_a_comparison_that_fails_still_restores_the_thresholds() -> None:
    def stop() -> bool:
        raise KeyboardInterrupt

    documents = [
        Document(id=f"d{number}", path=name, label=name, title=name, text=text)
        for number, (name, text) in enumerate([("a", "One sentence here."), ("b", "Another one.")])
    ]
    with pytest.raises(KeyboardInterrupt):
        compare(documents, cancelled=stop)
    assert gc.get_threshold() == (700, 10, 10)
