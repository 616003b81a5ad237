"""Reopening a saved comparison: the export with texts loads back into the exact Comparison, or fails in one line."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from outlets import make_outlets
from test_properties import any_text

from tui.app.app import ClaimdiffApp
from tui.engine.compare import compare
from tui.engine.errors import InputError
from tui.engine.identity import identify
from tui.engine.model import Comparison, Document
from tui.engine.saved import VERSION, load_comparison, loads
from tui.exports.json import FORMAT_VERSION, dumps

NAME = "saved.json"


def round_trip(comparison: Comparison) -> Comparison:
    return loads(dumps(comparison, embed_texts=True), NAME)


def test_the_seeds_come_back_exactly(seeds_comparison: Comparison) -> None:
    loaded = round_trip(seeds_comparison)
    assert loaded == seeds_comparison
    assert any(conflict.places for row in loaded.rows for conflict in row.conflicts)
    assert loaded.self_contradictions and loaded.passages and loaded.facts
    assert list(loaded.claims) == list(seeds_comparison.claims)
    assert dumps(loaded, embed_texts=True) == dumps(seeds_comparison, embed_texts=True)


def test_a_mention_holds_the_very_claim_of_its_sentence(seeds_comparison: Comparison) -> None:
    loaded = round_trip(seeds_comparison)
    for fact in loaded.facts:
        for mention in fact.mentions:
            assert any(claim is mention.claim for claim in loaded.claims[(mention.doc, mention.sentence)])


def test_fourteen_outlets_come_back_exactly() -> None:
    comparison = compare(identify(make_outlets(14, seed=3), []))
    assert round_trip(comparison) == comparison


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_text.filter(lambda text: text.strip() != ""), min_size=1, max_size=4))
def test_any_comparison_comes_back_exactly(texts: list[str]) -> None:
    comparison = compare([Document(f"d{n}", f"doc{n}.txt", f"doc{n}.txt", "", text) for n, text in enumerate(texts)])
    assert round_trip(comparison) == comparison


def test_a_file_and_standard_input_load(seeds_comparison: Comparison, tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_text(dumps(seeds_comparison, embed_texts=True), encoding="utf-8")
    assert load_comparison(str(path)) == seeds_comparison
    stdin = io.BytesIO(path.read_bytes())
    assert load_comparison("-", stdin=stdin) == seeds_comparison


def test_the_loader_reads_the_version_the_export_writes() -> None:
    assert VERSION == FORMAT_VERSION


def test_the_export_carries_conflict_places(seeds_comparison: Comparison) -> None:
    ids = [document.id for document in seeds_comparison.documents]
    export = json.loads(dumps(seeds_comparison))
    for row, saved in zip(seeds_comparison.rows, export["rows"], strict=True):
        expected = [
            {ids[doc]: [list(place) for place in places] for doc, places in conflict.places.items()}
            for conflict in row.conflicts
        ]
        assert saved["conflict_places"] == expected


async def test_the_app_shows_a_loaded_comparison_as_the_computed_one(seeds_comparison: Comparison) -> None:
    screens = []
    for comparison in (seeds_comparison, round_trip(seeds_comparison)):
        app = ClaimdiffApp(comparison=comparison)
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            shots = [app.export_screenshot()]
            for key in ("j", "j", "j", "enter", "escape", "n"):
                await pilot.press(key)
                await pilot.pause()
                shots.append(app.export_screenshot())
        screens.append(shots)
    assert screens[0] == screens[1]


# Errors: one line naming the file -------------------------------------------------------------


def fails(path: Path, content: str | bytes | None) -> str:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(InputError) as error:
        load_comparison(str(path))
    message = str(error.value)
    assert "\n" not in message
    return message


def test_unreadable_files(tmp_path: Path) -> None:
    assert fails(tmp_path / "gone.json", None) == f"{tmp_path / 'gone.json'}: no such file"
    assert fails(tmp_path, None) == f"{tmp_path}: is a directory, not a file"
    path = tmp_path / "image.json"
    assert fails(path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") == f"{path}: binary data, not text"


@pytest.mark.parametrize("content", ["", "{", "not json at all", '{"version": 2,', b"\xff\xfe\xfa{}"])
def test_not_json(tmp_path: Path, content: str | bytes) -> None:
    path = tmp_path / NAME
    assert fails(path, content) == f"{path}: not a claimdiff export (not JSON)"


def test_json_nested_too_deeply(tmp_path: Path) -> None:
    path = tmp_path / NAME
    assert fails(path, "[" * 200_000) == f"{path}: not a claimdiff export (nested too deeply)"


@pytest.mark.parametrize(
    "content",
    [
        "[1, 2]",
        '"claimdiff"',
        '{"name": "something else"}',
        '{"generator": "otherdiff 1.0", "version": 2, "documents": [], "rows": []}',
        '{"generator": "claimdiff 0.1", "version": 2, "documents": []}',
    ],
)
def test_json_that_is_not_an_export(tmp_path: Path, content: str) -> None:
    path = tmp_path / NAME
    assert fails(path, content) == f"{path}: not a claimdiff export (JSON, but not written by claimdiff)"


@pytest.mark.parametrize(("version", "shown"), [(7, "7"), (1, "1"), ("2", '"2"'), (True, "true")])
def test_an_unknown_version(tmp_path: Path, seeds_comparison: Comparison, version: object, shown: str) -> None:
    export = json.loads(dumps(seeds_comparison, embed_texts=True))
    export["version"] = version
    path = tmp_path / NAME
    expected = f"{path}: export version {shown} is not supported (this claimdiff reads version 2)"
    assert fails(path, json.dumps(export)) == expected


def test_an_export_without_texts(tmp_path: Path, seeds_comparison: Comparison) -> None:
    path = tmp_path / NAME
    expected = f"{path}: the export has no document texts; export with --embed-texts"
    assert fails(path, dumps(seeds_comparison)) == expected


def _first_cell(export: dict[str, Any]) -> dict[str, Any]:
    cell: dict[str, Any] = export["rows"][0]["cells"][0]
    return cell


def _sentence_outside(export: dict[str, Any]) -> str:
    cell = _first_cell(export)
    sentence = cell["sentences"][0]
    sentence["end"] = 10**6
    return f"offsets {sentence['start']}:1000000 outside the text of {cell['doc']}"


def _sentence_changed(export: dict[str, Any]) -> str:
    cell = _first_cell(export)
    sentence = cell["sentences"][0]
    sentence["text"] = "Something else entirely."
    return f"the sentence at {sentence['start']}:{sentence['end']} of {cell['doc']} is not the text there"


def _unknown_doc(export: dict[str, Any]) -> str:
    _first_cell(export)["doc"] = "d99"
    return "unknown document id 'd99'"


def _wrong_type(export: dict[str, Any]) -> str:
    _first_cell(export)["sentences"][0]["start"] = "0"
    return "'start' is not an integer"


def _not_an_object(export: dict[str, Any]) -> str:
    export["documents"][0] = "d0"
    return "an object with 'id' is a string"


def _missing_field(export: dict[str, Any]) -> str:
    del export["facts"]
    return "no 'facts' field"


def _missing_row(export: dict[str, Any]) -> str:
    cell = _first_cell(export)
    del export["rows"][0]
    count = next(document["sentences"] for document in export["documents"] if document["id"] == cell["doc"])
    return f"the rows do not hold the {count} sentences of {cell['doc']} once each"


def _text_cut(export: dict[str, Any]) -> str:
    document = export["documents"][0]
    document["text"] = document["text"][:100]
    return f"the text of {document['id']} is not {document['characters']} characters long"


def _bad_kind(export: dict[str, Any]) -> str:
    export["rows"][0]["kind"] = "maybe"
    return "'maybe' is not a valid RowKind"


def _bad_mention(export: dict[str, Any]) -> str:
    mention = export["facts"][0]["mentions"][0]
    mention["start"] += 1
    return f"a fact names a claim at {mention['start']}:{mention['end']} of {mention['doc']} that is not there"


def _bad_clash(export: dict[str, Any]) -> str:
    fact = export["facts"][0]
    fact["clashes"] = [[0, 999]]
    return f"fact {fact['id']} pairs mentions it does not have"


def _rows_not_a_list(export: dict[str, Any]) -> str:
    export["rows"] = {"a": 1}
    return "'rows' is not a list"


def _conflict_places_cut(export: dict[str, Any]) -> str:
    number, row = next((number, row) for number, row in enumerate(export["rows"]) if row["conflicts"])
    row["conflict_places"] = []
    return f"row {number} has {len(row['conflicts'])} conflicts but 0 places"


def _self_contradiction_moved(export: dict[str, Any]) -> str:
    first = export["self_contradictions"][0]["first"]
    first["sentence"] += 1
    return f"a self-contradiction names a claim at {first['start']}:{first['end']} that is not there"


@pytest.mark.parametrize(
    "damage",
    [
        _sentence_outside,
        _sentence_changed,
        _unknown_doc,
        _wrong_type,
        _not_an_object,
        _missing_field,
        _missing_row,
        _text_cut,
        _bad_kind,
        _bad_mention,
        _bad_clash,
        _rows_not_a_list,
        _conflict_places_cut,
        _self_contradiction_moved,
    ],
)
def test_a_damaged_export(
    tmp_path: Path, seeds_comparison: Comparison, damage: Callable[[dict[str, Any]], str]
) -> None:
    export = json.loads(dumps(seeds_comparison, embed_texts=True))
    what = damage(export)
    path = tmp_path / NAME
    assert fails(path, json.dumps(export)) == f"{path}: a damaged claimdiff export ({what})"
