"""Styled text from spans: a document range's pieces, search matches, the rich adapter; no textual."""

from __future__ import annotations

import subprocess
import sys

from tui.engine.model import Comparison
from tui.styled import Piece, Tone, range_pieces, rich_text, search_matches, sentence_marks

TEXT = "Ferry sinks.\tTwelve dead.\nRescue \x1b[2J goes on."
MARKS = [(0, 12, Tone.ROW_SHARED), (13, 25, Tone.ROW_CONFLICT), (26, 46, Tone.ROW_UNIQUE)]


def test_the_module_imports_no_textual() -> None:
    code = "import sys, tui.styled; print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_range_is_toned_by_its_marks_whitespace_kept_controls_shown() -> None:
    assert range_pieces(TEXT, 0, 25, MARKS) == [
        Piece("Ferry sinks.", Tone.ROW_SHARED),
        Piece("    ", Tone.PLAIN),
        Piece("Twelve dead.", Tone.ROW_CONFLICT),
    ]
    assert range_pieces(TEXT, 26, 46, MARKS) == [Piece("Rescue ␛[2J goes on.", Tone.ROW_UNIQUE)]
    assert range_pieces(TEXT, 6, 18, MARKS) == [
        Piece("sinks.", Tone.ROW_SHARED),
        Piece("    ", Tone.PLAIN),
        Piece("Twelv", Tone.ROW_CONFLICT),
    ]


def test_search_matches_stand_out_over_every_tone() -> None:
    assert range_pieces(TEXT, 0, 25, MARKS, search="E") == [
        Piece("F", Tone.ROW_SHARED),
        Piece("e", Tone.MATCH),
        Piece("rry sinks.", Tone.ROW_SHARED),
        Piece("    ", Tone.PLAIN),
        Piece("Tw", Tone.ROW_CONFLICT),
        Piece("e", Tone.MATCH),
        Piece("lv", Tone.ROW_CONFLICT),
        Piece("e", Tone.MATCH),
        Piece(" d", Tone.ROW_CONFLICT),
        Piece("e", Tone.MATCH),
        Piece("ad.", Tone.ROW_CONFLICT),
    ]
    found = search_matches("İstanbul istanbul", "ist")  # offsets into the text itself, not its lower case
    assert found == [(0, 3), (9, 12)] and ["İstanbul istanbul"[a:b] for a, b in found] == ["İst", "ist"]
    assert search_matches("abc", "") == []


def test_sentences_are_toned_by_their_row(seeds_comparison: Comparison) -> None:
    marks = sentence_marks(seeds_comparison, 0, selected=1)
    sentences = seeds_comparison.sentences[0]
    assert [(start, end) for start, end, _ in marks] == [(s.start, s.end) for s in sentences]
    assert marks[1][2] is Tone.SELECTED
    where = seeds_comparison.row_of()
    for sentence, (_, _, tone) in zip(sentences[2:], marks[2:], strict=True):
        kind = seeds_comparison.rows[where[(0, sentence.index)]].kind.value
        assert tone is (Tone.BOILERPLATE if sentence.boilerplate else Tone(f"row-{kind}"))


def test_rich_text_styles_each_piece() -> None:
    text = rich_text([Piece("a ", Tone.PLAIN), Piece("b", Tone.CONFLICT)], {Tone.CONFLICT: "bold red"})
    assert text.plain == "a b"
    assert [(span.start, span.end, str(span.style)) for span in text.spans] == [(2, 3, "bold red")]
