"""GeoJSON: one Point per located event, flat properties, streamed."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import io
import json
from pathlib import Path

import pytest

from conflict_events.io.acled import ACLED_COLUMNS, read_acled
from conflict_events.io.geojson import event_properties, to_geojson, write_geojson
from conflict_events.schema import Actor, Document, Event, ExtractionResult, Location, Span, TimeSpan

ROW = {
    "event_id_cnty": "SOM1",
    "event_date": "2024-03-15",
    "year": "2024",
    "time_precision": "1",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Suicide bomb",
    "actor1": "Al Shabaab",
    "inter1": "2",
    "actor2": "Civilians (Somalia)",
    "inter2": "7",
    "interaction": "27",
    "civilian_targeting": "Civilian targeting",
    "iso": "706",
    "country": "Somalia",
    "admin1": "Banadir",
    "location": "Mogadishu",
    "latitude": "2.0371",
    "longitude": "45.3438",
    "geo_precision": "1",
    "notes": 'A suicide bomber struck a "busy" hotel; 5 killed.',
    "fatalities": "5",
}


def _results(tmp_path: Path) -> list[ExtractionResult]:
    path = tmp_path / "a.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerow(ROW)
    return list(read_acled(path))


def _unlocated() -> ExtractionResult:
    text = "Fighting was reported."
    doc = Document(id="u", text=text, date=dt.date(2025, 1, 1))
    day = TimeSpan(start=doc.date, end=doc.date, precision="day", anchor=doc.date)
    nowhere = Location(id="l", name="somewhere", kind="region", geo_precision=3)
    a = Actor(id="a", name="Rebels", kind="rebel_group")
    event = Event(id="u-e1", document_id="u", event_type="Battles", sub_event_type="Armed clash",
                  trigger=Span.of(text, 0, 8), sentence=Span.of(text, 0, len(text)), date=day,
                  location=nowhere, actor1=a, confidence=0.5, extractor="t")  # fmt: skip
    return ExtractionResult(document=doc, events=(event,), actors=(a,), locations=(nowhere,))


def test_feature_collection(tmp_path: Path) -> None:
    collection = to_geojson([*_results(tmp_path), _unlocated()])
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 1, "the event without coordinates is left out"
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [45.3438, 2.0371]}
    props = feature["properties"]
    assert all(not isinstance(v, (dict, list)) for v in props.values()), "properties are flat"
    assert props["event_id_cnty"] == "SOM1" and props["interaction"] == 27
    assert props["inter1"] == 2 and props["inter2"] == 7
    assert props["fatalities"] == 5 and props["civilian_targeting"] is True
    assert props["country"] == "Somalia" and props["iso"] == 706
    assert props["notes"] == ROW["notes"]


def test_properties_keep_unknown_fatalities_null() -> None:
    result = _unlocated()
    props = event_properties(result.events[0], result)
    assert props["fatalities"] is None and props["actor2"] is None and props["inter1"] == 2


def test_streamed_file_is_valid_json(tmp_path: Path) -> None:
    results = _results(tmp_path) * 3
    out = io.StringIO()
    assert write_geojson(results, out) == 3
    parsed = json.loads(out.getvalue())
    assert [f["id"] for f in parsed["features"]] == ["SOM1"] * 3
    path = tmp_path / "e.geojson"
    assert write_geojson([], path) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}


def test_docs_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    outcome = doctest.testfile(
        str(root / "docs" / "formats" / "geojson.md"), module_relative=False, verbose=False
    )
    assert outcome.attempted > 0 and outcome.failed == 0


def test_every_property_of_a_read_event_and_of_one_with_nothing_known(tmp_path: Path) -> None:
    (result,) = _results(tmp_path)
    event = result.events[0]
    props = event_properties(event, result)
    assert list(props) == [
        "event_id_cnty", "document_id", "event_date", "date_start", "date_end", "time_precision",
        "disorder_type", "event_type", "sub_event_type", "actor1", "actor1_kind", "assoc_actor_1", "inter1",
        "actor2", "actor2_kind", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso",
        "country_code", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
        "fatalities", "notes", "source", "url", "confidence", "extractor", "claim_ids",
    ]  # fmt: skip
    assert {k: props[k] for k in ("actor1", "actor1_kind", "actor2_kind", "admin1", "admin2", "location",
                                  "latitude", "geo_precision", "date_start", "country_code")} == {
        "actor1": "Al Shabaab", "actor1_kind": "rebel_group", "actor2_kind": "civilians", "admin1": "Banadir",
        "admin2": None, "location": "Mogadishu", "latitude": 2.0371, "geo_precision": 1,
        "date_start": "2024-03-15", "country_code": "SO",
    }  # fmt: skip
    bare = event.model_copy(update={"location": None, "actor1": None, "actor2": None, "fatalities": None})
    known = {k for k, v in event_properties(bare, result).items() if v is not None}
    assert known == {"event_id_cnty", "document_id", "event_date", "date_start", "date_end", "time_precision",
                     "disorder_type", "event_type", "sub_event_type", "civilian_targeting", "notes",
                     "confidence", "extractor"}  # fmt: skip
    located_by_actor = _unlocated()
    unplaced = located_by_actor.events[0].model_copy(update={
        "location": None, "actor1": Actor(id="a", name="Rebels", kind="rebel_group", country="SO")})
    props = event_properties(unplaced, located_by_actor)
    assert (props["country_code"], props["iso"], props["interaction"], props["location"]) == ("SO", 706, 20, None)
