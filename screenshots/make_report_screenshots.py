"""Write the HTML report's screenshots with headless Chromium: the bundled seeds and a made-up 14-outlet story.

Run from the repository root:  python screenshots/make_report_screenshots.py [--keep DIR]

The reports are written to a temporary directory (or DIR with --keep) and never into the repository.
Chromium is driven over its DevTools pipe (tests/browser/cdp.py), so that 390 px is laid out at 390 px.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.browser.cdp import Chromium  # noqa: E402
from tests.outlets import make_outlets  # noqa: E402
from tui.engine.compare import compare  # noqa: E402
from tui.engine.identity import identify  # noqa: E402
from tui.engine.model import Comparison  # noqa: E402
from tui.engine.reading import bundled_seeds, read_documents  # noqa: E402
from tui.exports import html  # noqa: E402

SHOTS: tuple[tuple[str, str, tuple[int, int], str, int, str], ...] = (
    ("report-1280", "seeds", (1280, 2400), "", 0, "light"),
    ("report-390", "seeds", (390, 2400), "", 0, "light"),
    ("report-rows-1280", "seeds", (1280, 1000), "#rows", 0, "light"),
    ("report-conflict-390", "seeds", (390, 844), "", 1, "light"),
    ("report-dark-1280", "seeds", (1280, 1000), "", 3, "dark"),
    ("report-outlets-1280", "outlets", (1280, 2400), "", 0, "light"),
    ("report-outlets-rows-1280", "outlets", (1280, 1000), "#rows", 0, "light"),
    ("report-outlets-provenance-1280", "outlets", (1280, 1000), "#provenance", 0, "light"),
)
"""(name, story, window size, element scrolled to the top, times ``n`` is pressed first, colour scheme)."""


def stories() -> dict[str, Comparison]:
    return {
        "seeds": compare(read_documents(bundled_seeds())),
        "outlets": compare(identify(make_outlets(14), [])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keep", type=Path, help="write the HTML reports into this directory and keep them")
    arguments = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        sys.exit("chromium is not installed")
    with tempfile.TemporaryDirectory() as scratch:
        folder = arguments.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        pages = {}
        for name, comparison in stories().items():
            pages[name] = folder / f"{name}.html"
            with pages[name].open("w", encoding="utf-8") as stream:
                html.write(comparison, stream)
        with Chromium(chromium, Path(scratch) / "profile") as browser:
            for name, story, (width, height), selector, presses, scheme in SHOTS:
                page = browser.open(pages[story].as_uri(), width, height)
                media = {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
                browser.send("Emulation.setEmulatedMedia", media, session=page.session)
                if selector:
                    page.evaluate(f"document.querySelector({selector!r}).scrollIntoView()")
                for _ in range(presses):
                    page.press("n")
                page.screenshot(HERE / f"{name}.png")
                print(f"screenshots/{name}.png")


if __name__ == "__main__":
    main()
