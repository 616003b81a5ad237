"""Tests for recognising page furniture among an article's units."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.engine.boilerplate import is_boilerplate

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TOP = {"position": 0, "count": 20}
MIDDLE = {"position": 10, "count": 20}
BOTTOM = {"position": 19, "count": 20}


def _units(path: Path) -> list[str]:
    """The non-blank lines of a seed file, in order."""
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def _flagged(path: Path) -> list[tuple[int, str]]:
    """The (position, stripped text) of every unit of a seed file that counts as boilerplate."""
    units = _units(path)
    return [
        (position, unit.strip())
        for position, unit in enumerate(units)
        if is_boilerplate(unit, position=position, count=len(units))
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "HomeGeneralElon Musk Has Reportedly Bought 100,000 GPUs For Twitter's AI Search",
        "HomeArtificial IntelligenceElon Musk's Bold Move: Investing in Twitter's Generative AI Project",
        "Home » Technology » Elon Musk buys GPUs",
        "Thursday, May 23, 2024",
        "2023-04-13 11:14:00",
        "Published: April 13, 2023 at 11:14 am",
        "By Jane Doe",
        "Share this article",
        "Follow us on Twitter",
    ],
)
def test_top_furniture_is_boilerplate(sentence: str) -> None:
    assert is_boilerplate(sentence, **TOP) is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Most Popular",
        "Recent Comments",
        "Recent Articles",
        "Related Stories",
        "Other articles",
        "Next Article",
        "Leave A Reply",
        "Please enter your comment!",
        "Please enter your name here",
        (
            "Disclaimer: The information provided in this section is for informational "
            "purposes only, doesn't represent any investment advice or FameEX's official view."
        ),
        "FameEX APPMobile trading, anytime, anywhere",
        "AI Catalog's chief editor",
        "Mathew Ayodele on How to Buy Tron in Nigeria",
        "By Jane Doe",
        "Share this article",
        "Follow us on Twitter",
        "Read more",
        "Click here",
        "Advertisement",
    ],
)
def test_bottom_furniture_is_boilerplate(sentence: str) -> None:
    assert is_boilerplate(sentence, **BOTTOM) is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Copyright © 2022-2023 FAMEEX.COM All Rights Reserved",
        "Source link",
        "source: www.cnbcindonesia.com",
        "[Gambas:Video CNBC]",
        "Stay on op - Ge the daily news in your inbox",
        "Subscribe to our newsletter",
        "Sign up for our daily briefing",
        "Advertisement",
    ],
)
def test_unmistakable_furniture_is_boilerplate_anywhere(sentence: str) -> None:
    assert is_boilerplate(sentence, **MIDDLE) is True
    assert is_boilerplate(sentence, **TOP) is True
    assert is_boilerplate(sentence, **BOTTOM) is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Most Popular",
        "Related Stories",
        "Next Article",
        "Leave A Reply",
        "By Jane Doe",
        "Thursday, May 23, 2024",
        "Share this article",
        "Read more",
        "Mathew Ayodele on How to Buy Tron in Nigeria",
        "HomeGeneralElon Musk Has Reportedly Bought 100,000 GPUs For Twitter's AI Search",
    ],
)
def test_edge_furniture_is_kept_in_the_middle(sentence: str) -> None:
    assert is_boilerplate(sentence, **MIDDLE) is False


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "Elon Musk is reportedly forging ahead with plans for an AI project on Twitter, "
            "according to Business Insider."
        ),
        "Twitter could also use AI to understand its users' wants and preferences better.",
        "Elon Musk Suddenly Buys GPU, Twitter Opens Bitcoin Mine?",
        "What The GPU Will Add To Twitter",
        "The Hunt for AI Talent",
        "A Major Investment in AI Technology",
        "Elon Musk reportedly bought thousands of GPUs for a Twitter AI project",
        "Jakarta, Reportase – Twitter is reportedly creating an in-house artificial intelligence project.",
        "Users who subscribe to Twitter Blue get longer tweets.",
        "Homeland Security officials declined to comment.",
        "On May 23, 2024, Musk said the purchase was complete.",
        "",
        "   ",
    ],
)
@pytest.mark.parametrize("where", [TOP, MIDDLE, BOTTOM])
def test_reporting_is_not_boilerplate(sentence: str, where: dict[str, int]) -> None:
    assert is_boilerplate(sentence, **where) is False


def test_every_seed_line_is_judged() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    for path in paths:
        units = _units(path)
        for position, unit in enumerate(units):
            assert isinstance(is_boilerplate(unit, position=position, count=len(units)), bool)


def test_seed_004_flags_exactly_its_furniture() -> None:
    assert _flagged(SEEDS / "004_f142d67f16e0c3d2.txt") == [
        (
            0,
            ("HomeArtificial IntelligenceElon Musk's Bold Move: Investing in Twitter's Generative AI Project"),
        ),
        (12, "Recent Articles"),
        (13, "Related Stories"),
        (14, "Leave A Reply"),
        (15, "Please enter your comment!"),
        (16, "Please enter your name here"),
        (17, "Stay on op - Ge the daily news in your inbox"),
    ]


def test_seed_003_flags_exactly_its_furniture() -> None:
    assert [position for position, _ in _flagged(SEEDS / "003_65ac90b7189b3663.txt")] == [
        2,
        7,
        8,
        9,
        10,
    ]


@given(st.text(), st.integers(), st.integers())
def test_never_raises_on_arbitrary_text(sentence: str, position: int, count: int) -> None:
    assert isinstance(is_boilerplate(sentence, position=position, count=count), bool)
