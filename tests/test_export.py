"""The JSON export on a small comparison, with exact expected values."""

from __future__ import annotations

import json

from tui.engine.compare import compare
from tui.engine.model import Document
from tui.exports.json import chunks, dumps, to_dict

FIRST = "Acme bought 10,000 widgets in May. The deal closed quickly last week.\n"
SECOND = "The deal closed quickly last week. Acme bought 12,000 widgets in May.\nA spokesperson declined to comment.\n"


def documents() -> list[Document]:
    return [
        Document("d0", "a.txt", "a.txt", "Acme", FIRST),
        Document("d1", "b.txt", "b.txt", "The deal", SECOND),
    ]


def test_export_rows_offsets_and_conflict() -> None:
    export = json.loads(dumps(compare(documents())))
    assert export["version"] == 2
    assert export["summary"] == {"rows": 3, "shared": 1, "conflicts": 1, "unique": 1}
    cells = [[(cell["doc"], [s["text"] for s in cell["sentences"]]) for cell in row["cells"]] for row in export["rows"]]
    assert cells == [
        [("d0", ["Acme bought 10,000 widgets in May."]), ("d1", ["Acme bought 12,000 widgets in May."])],
        [("d0", ["The deal closed quickly last week."]), ("d1", ["The deal closed quickly last week."])],
        [("d1", ["A spokesperson declined to comment."])],
    ]
    conflict = export["rows"][0]
    assert conflict["kind"] == "conflict"
    assert conflict["conflicts"] == [
        {"slot": "widgets", "kind": "quantity", "fact": "f1", "values": {"d0": "10,000", "d1": "12,000"}}
    ]
    assert export["facts"][0] == {
        "id": "f1",
        "label": "widgets",
        "kind": "quantity",
        "mentions": [
            {"doc": "d0", "sentence": 0, "start": 12, "end": 18, "text": "10,000", "value": "10,000", "qualifier": ""},
            {"doc": "d1", "sentence": 1, "start": 47, "end": 53, "text": "12,000", "value": "12,000", "qualifier": ""},
        ],
        "clashes": [[0, 1]],
    }
    [claim] = [found for found in conflict["cells"][0]["claims"] if found["kind"] == "quantity"]
    assert claim["reading"] == {"low": 10000.0, "high": 10000.0, "precision": 0.5, "unit": "", "form": "exact"}
    assert (claim["thing"], claim["role"]) == ("widgets", "")
    assert [(d["doc"], d["text"]) for d in conflict["differs"]] == [("d0", "10,000"), ("d1", "12,000")]
    sentence = export["rows"][0]["cells"][1]["sentences"][0]
    assert (sentence["start"], sentence["end"]) == (35, 69)
    assert SECOND[35:69] == sentence["text"]
    assert export["rows"][2]["kind"] == "unique"


def test_chunks_are_the_whole_export_and_match_the_dict() -> None:
    comparison = compare(documents())
    joined = "".join(chunks(comparison))
    assert joined == dumps(comparison)
    assert joined.endswith("\n") and joined.count("\n") == 1
    assert json.loads(joined) == json.loads(json.dumps(to_dict(comparison)))


def test_control_characters_are_escaped_but_decode_exactly() -> None:
    text = "Alpha \u202ebeta\u200b gamma\x1b[2J delta \x9b epsilon.\n"
    comparison = compare([Document("d0", "x.txt", "x.txt", "", text)])
    encoded = dumps(comparison)
    for raw in ("\u202e", "\u200b", "\x1b", "\x9b"):
        assert raw not in encoded
    sentence = json.loads(encoded)["rows"][0]["cells"][0]["sentences"][0]
    assert sentence["text"] == text.strip()


def test_weak_rows_are_marked_in_the_kinds_helpers() -> None:
    from tui.engine.model import Cell, Row, RowKind
    from tui.kinds import is_weak, score_note

    weak = Row(kind=RowKind.SHARED, cells=[Cell(0, [0]), Cell(1, [0])], score=0.28)
    strong = Row(kind=RowKind.SHARED, cells=[Cell(0, [1]), Cell(1, [1])], score=0.61)
    alone = Row(kind=RowKind.UNIQUE, cells=[Cell(0, [2])], score=0.0)
    assert (is_weak(weak), is_weak(strong), is_weak(alone)) == (True, False, False)
    assert score_note(weak) == " · score 0.28 (weak: may not say the same thing)"
    assert (score_note(strong), score_note(alone)) == (" · score 0.61", "")
