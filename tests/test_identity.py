"""Who a document is: its outlet, headline and label, from its own text or the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import SEEDS
from tui.cli import main
from tui.engine.errors import InputError
from tui.engine.identity import headline, identify, site_of
from tui.engine.model import Document


def document(text: str, label: str = "a.txt") -> Document:
    return Document(id="d0", path=label, label=label, title="", text=text)


def test_site_from_the_address_at_the_top_or_a_byline() -> None:
    assert (
        site_of("http: / / www. harbour-herald. com / news / ferry-sinks-12. html Ferry sinks") == "harbour-herald.com"
    )
    assert site_of("Ferry sinks\nBy Ana Reyes | Harbour Herald\nA ferry sank.") == "Harbour Herald"
    assert site_of("Ferry sinks\nA ferry sank near https://example.org/a today.") == ""


def test_headline_skips_a_tagline_off_the_story() -> None:
    tagline = "Timely, comprehensive, accurate information and data about blockchain, crypto and digital finance"
    first = document(f"{tagline}\nFerry sinks off Kelo Island, 15 dead\nA ferry sank off Kelo Island.")
    second = document("Kelo ferry sinks\nA ferry sank off Kelo Island on Tuesday, killing 15.", "b.txt")
    named = identify([first, second])
    assert [d.title for d in named] == ["Ferry sinks off Kelo Island, 15 dead", "Kelo ferry sinks"]


def test_headline_of_a_one_line_text_leaves_out_its_address_and_dateline() -> None:
    text = (
        "http: / / www. example. com / world / ferry-sinks / Ferry sinks off Kelo Island Tuesday, July 2nd, 2013 "
        "A ferry sank on Tuesday, killing 15 people and injuring 40 more when it struck rocks in heavy seas."
    )
    assert headline(document(text)) == "Ferry sinks off Kelo Island"


def test_labels_are_the_outlet_then_given_ones_and_stay_distinct() -> None:
    one = document("Ferry sinks\nBy Ana Reyes | Harbour Herald\nA ferry sank.", "1.txt")
    two = document("Ferry sinks\nBy Tom Okafor | Harbour Herald\nA ferry went down.", "2.txt")
    three = document("Ferry sinks\nA ferry sank off the island.", "3.txt")
    assert [d.label for d in identify([one, two, three])] == ["Harbour Herald (1)", "Harbour Herald (2)", "3.txt"]
    assert [d.label for d in identify([one, two, three], ["Herald", "Courier"])] == ["Herald", "Courier", "3.txt"]
    with pytest.raises(InputError, match="--label given 4 times for 3 documents"):
        identify([one, two, three], ["a", "b", "c", "d"])


def test_label_option_names_the_documents_in_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--format", "json", "--label", "Reuters", "--label", "AP", SEEDS[0], SEEDS[1]]) == 0
    output = capsys.readouterr().out
    assert '"label":"Reuters"' in output and '"label":"AP"' in output
    assert main(["--format", "json", "--label", "x", "--label", "y", SEEDS[0]]) == 2
    assert "claimdiff: --label given 2 times for 1 documents" in capsys.readouterr().err
