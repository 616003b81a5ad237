"""Write the README's screenshots: the app on the bundled seeds and on a made-up 14-outlet story, headless.

Run from the repository root:  python screenshots/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.outlets import make_outlets  # noqa: E402
from tui.app.app import ClaimdiffApp  # noqa: E402
from tui.engine.identity import identify  # noqa: E402
from tui.engine.model import Document  # noqa: E402
from tui.engine.reading import bundled_seeds, read_documents  # noqa: E402

VIEWS: dict[str, tuple[tuple[int, int], list[str]]] = {
    "grid": ((160, 48), []),
    "conflict": ((160, 48), ["n", "n", "n"]),
    "detail": ((160, 48), ["n", "n", "n", "enter"]),
    "ledger": ((160, 48), ["c"]),
    "filter-conflicts": ((160, 48), ["f"]),
    "full-text": ((160, 48), ["n", "o"]),
    "help": ((160, 48), ["question_mark"]),
    "narrow": ((80, 24), ["n"]),
}
MANY_OUTLETS: dict[str, tuple[tuple[int, int], list[str]]] = {
    "outlets": ((160, 48), []),
    "outlets-conflict": ((160, 48), ["n"]),
    "lens": ((160, 48), ["s"]),
    "provenance": ((160, 48), ["p"]),
}
"""Views of 14 outlets (tests/outlets.py), named as outlets name themselves (their bylines)."""


async def shoot(name: str, size: tuple[int, int], keys: list[str], documents: list[Document]) -> None:
    app = ClaimdiffApp(documents)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause(0.3)
        (HERE / f"{name}.svg").write_text(app.export_screenshot(title=f"claimdiff · {name}"), encoding="utf-8")


def main() -> None:
    seeds = read_documents(bundled_seeds())
    for name, (size, keys) in VIEWS.items():
        asyncio.run(shoot(name, size, keys, seeds))
        print(f"screenshots/{name}.svg")
    outlets = identify(make_outlets(14))
    for name, (size, keys) in MANY_OUTLETS.items():
        asyncio.run(shoot(name, size, keys, outlets))
        print(f"screenshots/{name}.svg")


if __name__ == "__main__":
    main()
