"""The HTML report as headless Chromium renders it: what shows, what never runs, no sideways scrolling at
390 px, and ``n`` / ``N`` pressed on the keyboard going to the disputed rows.

Chromium is driven over its DevTools pipe (tests/browser/cdp.py): one browser for the module, a tab per page.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.cdp import Chromium, Page
from tests.outlets import make_outlets
from tui.engine.compare import compare, compare_paths
from tui.engine.identity import identify
from tui.engine.model import Comparison, RowKind
from tui.exports import html

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")

MEASURE = """(() => {
  const root = document.documentElement;
  const scrolls = ".matrix-wrap" + (getComputedStyle(document.querySelector(".grid-wrap")).overflowX === "auto"
    ? ", .grid-wrap" : "");
  const grid = document.querySelector(".grid-wrap");
  const shown = (element) => { const box = element.getBoundingClientRect(); return box.width > 0 && box.height > 0; };
  return {
    title: document.title,
    width: innerWidth,
    scrollWidth: root.scrollWidth,
    wider: [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5)
      .filter((element) => !element.parentElement.closest(scrolls))
      .map((element) => element.tagName + "." + element.className).slice(0, 5),
    facts: [...document.querySelectorAll("#facts article.fact h3")].map((h) => h.innerText.replace(/\\s+/g, " ")),
    outlets: [...document.querySelectorAll("#outlets .outlet .label")].map((label) => [label.innerText, shown(label)]),
    stacked: getComputedStyle(document.querySelector("table.rows thead")).display === "none",
    gridScrolls: grid.scrollWidth > grid.clientWidth,
    images: document.images.length,
    scripts: document.scripts.length,
    pwned: window.pwned === undefined ? null : window.pwned,
    rowsText: document.getElementById("rows").innerText,
    jumpShown: shown(document.getElementById("jump")),
  };
})()"""
WHERE = """[location.hash, document.activeElement.id,
  (document.querySelector("tr.row.current") || {}).id || null,
  (() => { const box = document.activeElement.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight; })()]"""
"""Where the keys left us: the address's fragment, the focused row, the highlighted row, and whether it is in view."""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    assert CHROMIUM is not None
    with Chromium(CHROMIUM, tmp_path_factory.mktemp("chromium")) as found:
        yield found


def load(browser: Chromium, comparison: Comparison, folder: Path, width: int) -> Page:
    stream = io.StringIO()
    html.write(comparison, stream)
    path = folder / f"report-{width}.html"
    path.write_text(stream.getvalue(), encoding="utf-8")
    return browser.open(path.as_uri(), width, 900)


def measure(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(MEASURE)
    return found


SEED_LABELS = [
    "000_19b86c5bc931dde7.txt",
    "001_fbef36d6ad37a341.txt",
    "002_4b139ca93faf4d75.txt",
    "003_65ac90b7189b3663.txt",
    "004_f142d67f16e0c3d2.txt",
]


def test_seeds_on_a_phone(browser: Chromium, seeds_comparison: Comparison, tmp_path: Path) -> None:
    page = load(browser, seeds_comparison, tmp_path, 390)
    found = measure(page)
    assert found["width"] == 390
    assert found["scrollWidth"] <= found["width"], found["wider"]
    assert found["wider"] == []
    assert found["stacked"] is True
    assert found["facts"] == ["≠ GPUs f1"]
    assert found["outlets"] == [[label, True] for label in SEED_LABELS]
    assert found["jumpShown"] is True
    page.press("n")
    assert page.evaluate(WHERE) == ["#row-7", "row-7", "row-7", True]


def test_seeds_on_a_laptop_n_and_shift_n_step_through_disputed_rows(
    browser: Chromium, seeds_comparison: Comparison, tmp_path: Path
) -> None:
    page = load(browser, seeds_comparison, tmp_path, 1280)
    found = measure(page)
    assert found["scrollWidth"] <= found["width"] == 1280
    assert found["stacked"] is False
    assert found["facts"] == ["≠ GPUs f1"]
    assert found["outlets"] == [[label, True] for label in SEED_LABELS]
    steps = []
    for key in ("n", "n", "N", "N"):
        page.press(key)
        steps.append(page.evaluate(WHERE))
    assert steps == [
        ["#row-7", "row-7", "row-7", True],
        ["#row-12", "row-12", "row-12", True],
        ["#row-7", "row-7", "row-7", True],
        ["#row-54", "row-54", "row-54", True],
    ]


def test_keys_typed_into_a_field_are_left_alone(
    browser: Chromium, seeds_comparison: Comparison, tmp_path: Path
) -> None:
    page = load(browser, seeds_comparison, tmp_path, 1280)
    page.evaluate("(() => { const f = document.createElement('input'); document.body.prepend(f); f.focus(); })()")
    page.press("n")
    assert page.evaluate("[location.hash, document.activeElement.tagName, document.activeElement.value]") == [
        "",
        "INPUT",
        "n",
    ]


@pytest.fixture(scope="module")
def outlets() -> Comparison:
    return compare(identify(make_outlets(14), []))


@pytest.mark.parametrize("width", [390, 1280])
def test_fourteen_outlets_never_widen_the_page(
    browser: Chromium, outlets: Comparison, tmp_path: Path, width: int
) -> None:
    page = load(browser, outlets, tmp_path, width)
    found = measure(page)
    assert found["scrollWidth"] <= found["width"] == width, found["wider"]
    assert found["wider"] == []
    assert found["facts"] == ["≠ dead f1"]
    assert [label for label, _ in found["outlets"]][:3] == ["Harbour Herald", "Coastal Times", "Daily Beacon"]
    assert len(found["outlets"]) == 14 and all(shown for _, shown in found["outlets"])
    # Wide: fourteen columns scroll inside their own box; narrow: each row's cells are stacked.
    assert found["stacked"] is (width == 390)
    assert found["gridScrolls"] is (width == 1280)
    first = next(number for number, row in enumerate(outlets.rows, 1) if row.kind is RowKind.CONFLICT)
    page.press("n")
    assert page.evaluate(WHERE) == [f"#row-{first}", f"row-{first}", f"row-{first}", True]


PLANTED = (
    "Plant fire kills workers\n\n"
    "Officials said 40 people died in the fire. <script>window.pwned = 1; document.title = 'PWNED'</script>\n"
    "The alarm <img src=x onerror=\"window.pwned = 2; document.title = 'PWNED'\"> never rang </table></div>.\n"
    "See https://example.com/" + "a-very-long-path-without-any-break" * 8 + " and " + "x" * 200 + ".\n"
)


def test_document_text_never_runs_and_long_words_wrap(browser: Chromium, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(PLANTED, encoding="utf-8")
    second.write_text("Plant fire\n\nOfficials said 45 people died in the fire.\n", encoding="utf-8")
    page = load(browser, compare_paths([str(first), str(second)]), tmp_path, 390)
    found = measure(page)
    assert found["title"] == "Plant fire kills workers · claimdiff"
    assert found["pwned"] is None
    assert found["images"] == 0
    assert found["scripts"] == 1
    for text in (
        "<script>window.pwned = 1;",
        "document.title = 'PWNED'</script>",
        '<img src=x onerror="window.pwned = 2;',
    ):
        assert text in found["rowsText"]
    assert "x" * 200 in found["rowsText"]
    assert found["scrollWidth"] <= found["width"], found["wider"]
    assert found["wider"] == []
