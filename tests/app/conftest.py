"""Fixtures of the app tests: snapshots that do not depend on how fast the machine is."""

from __future__ import annotations

import pytest
from textual.widgets import Input


@pytest.fixture(autouse=True)
def steady_cursor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In snapshot tests, a text field's cursor stays as the last key or focus left it (shown).

    An Input's cursor blinks every 0.5 s: on a loaded machine (tests in parallel) more than that can
    pass between the last key and the screenshot, which then catches the cursor off, and the snapshot
    fails though nothing changed. Focus and blur still show and hide it.
    """
    if "snap_compare" in request.fixturenames:
        monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
