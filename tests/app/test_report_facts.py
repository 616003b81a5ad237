"""The text report's disputed facts, written the way the ledger lines are (the two share stated_values)."""

from __future__ import annotations

import io

from tui.engine.model import Claim, ClaimKind, Comparison, Fact, Mention, Reading
from tui.exports.registry import ExportOptions
from tui.exports.text import fact_line, write


def report(comparison: Comparison) -> list[str]:
    stream = io.StringIO()
    write(comparison, stream, ExportOptions(color=False))
    return stream.getvalue().splitlines()


def test_the_seeds_report_lists_the_disputed_facts_after_the_summary(seeds_comparison: Comparison) -> None:
    lines = report(seeds_comparison)
    start = lines.index("Disputed facts")
    assert lines[0].startswith("5 documents · ") and all(line.startswith("  d") for line in lines[1:6])
    assert start == 7
    assert lines[start : start + 6] == [
        "Disputed facts",
        "  ≠ GPUs (f1) · thousands ×3 (d1, d3, d4) · nearly 10,000 ×1 (d3) · approximately 10,000 ×1 (d4)"
        " · 10,000 ×2 (d0, d1) · 100,000 ×2 (d2, d4)",
        "",
        "Documents that contradict themselves",
        "  ≠ d4 004_f142d67f16e0c3d2.txt: approximately 10,000 vs 100,000 GPUs (f1)",
        "",
    ]
    assert lines[start + 6].endswith("Row 1 · unique")  # the rows follow, as before


def test_a_fact_line_shows_markup_and_controls_as_text() -> None:
    def mention(doc: int, value: str, low: float) -> Mention:
        claim = Claim(
            kind=ClaimKind.QUANTITY,
            slot="[bold]ships\x1b[2J",
            value=value,
            qualifier="",
            start=0,
            end=len(value),
            text=value,
            reading=Reading(low=low, high=low, precision=0.5, unit=""),
        )
        return Mention(doc=doc, sentence=0, claim=claim)

    fact = Fact(
        id="f7",
        label="[bold]ships\x1b[2J",
        kind=ClaimKind.QUANTITY,
        mentions=(mention(0, "12", 12), mention(1, "[red]9", 9), mention(2, "12", 12)),
        clashes=((0, 1), (1, 2)),
    )
    assert fact_line(fact, lambda doc: f"d{doc}") == "≠ [bold]ships␛[2J (f7) · [red]9 ×1 (d1) · 12 ×2 (d0, d2)"
