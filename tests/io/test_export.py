"""Exports: every located event (areas at precision 3), UCDP GED rows, formula cells neutralised, Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from conflict_events.io.export import export_results, neutralise_cell, ucdp_row
from conflict_events.schema import Actor, Document, Event, ExtractionResult, Figure, Location, Span, TimeSpan

TEXT = "@everyone: Rebels attacked Kidal and the army shelled Mopti Region; 7 were killed."
DAY = TimeSpan(start=dt.date(2025, 1, 5), end=dt.date(2025, 1, 5), precision="day", anchor=dt.date(2025, 1, 6))


def place(name: str, kind: str, lat: float, lon: float, precision: int = 1, **extra: str) -> Location:
    return Location(id=f"loc-{name}", name=name, kind=kind, country="ML", latitude=lat, longitude=lon,
                    geo_precision=precision, **extra)  # type: ignore[arg-type]


REBELS = Actor(id="a1", name="CSP-PSD: Permanent Strategic Framework", kind="rebel_group", country="ML")
ARMY = Actor(id="a2", name="Military Forces of Mali (2020-)", kind="state_forces", country="ML")


def event(eid: str, etype: str, sub: str, loc: Location | None, actor1: Actor | None = None,
          actor2: Actor | None = None, killed: int | None = None) -> Event:
    fig = None if killed is None else Figure(category="killed", value=killed, text=Span.of(TEXT, 68, 69))
    return Event(id=eid, document_id="d1", event_type=etype, sub_event_type=sub, trigger=Span.of(TEXT, 18, 26),
                 sentence=Span.of(TEXT, 0, len(TEXT)), date=DAY, location=loc, actor1=actor1, actor2=actor2,
                 fatalities=fig, confidence=0.8, extractor="test")


def result(*events: Event) -> ExtractionResult:
    locations = {e.location.id: e.location for e in events if e.location is not None}
    actors = {a.id: a for e in events for a in (e.actor1, e.actor2) if a is not None}
    return ExtractionResult(document=Document(id="d1", text=TEXT, date=dt.date(2025, 1, 6), source="Wire"),
                            events=events, locations=tuple(locations.values()), actors=tuple(actors.values()))


TOWN = place("Kidal", "settlement", 18.4411, 1.4078, admin3="Kidal Commune")
REGION = place("Mopti Region", "admin1", 14.5, -3.9, precision=1)
COUNTRY = place("Mali", "country", 17.0, -4.0, precision=2)
RESULT = result(
    event("e1", "Battles", "Armed clash", TOWN, REBELS, ARMY, killed=7),
    event("e2", "Explosions/Remote violence", "Shelling/artillery/missile attack", REGION, ARMY),
    event("e3", "Strategic developments", "Other", COUNTRY, ARMY),
    event("e4", "Protests", "Peaceful protest", None),
)


def rows(fmt: str, **kwargs: bool) -> list[dict[str, str]]:
    out = io.StringIO()
    export_results([RESULT], fmt, out, **kwargs)  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_acled_csv_writes_every_located_event_and_areas_at_precision_3() -> None:
    got = {r["event_id_cnty"]: r for r in rows("acled-csv")}
    assert (got["e1"]["latitude"], got["e1"]["longitude"], got["e1"]["geo_precision"]) == ("18.4411", "1.4078", "1")
    assert (got["e2"]["latitude"], got["e2"]["longitude"], got["e2"]["geo_precision"]) == ("14.5000", "-3.9000", "3")
    assert (got["e3"]["latitude"], got["e3"]["geo_precision"]) == ("17.0000", "3")
    assert got["e1"]["region"] == "Western Africa" and got["e1"]["admin3"] == "Kidal Commune"
    assert got["e4"]["latitude"] == "" and len(got) == 4


def test_geojson_has_a_feature_for_every_located_event() -> None:
    out = io.StringIO()
    assert export_results([RESULT], "geojson", out) == 3
    features = {f["id"]: f for f in json.loads(out.getvalue())["features"]}
    assert features["e2"]["geometry"]["coordinates"] == [-3.9, 14.5]
    assert features["e2"]["properties"]["geo_precision"] == 3


def test_ucdp_rows_count_organised_violence_only() -> None:
    got = {r["id"]: r for r in rows("ucdp-csv")}
    assert sorted(got) == ["e1", "e2"]
    clash = got["e1"]
    assert [clash[c] for c in ("type_of_violence", "best", "deaths_unknown", "where_prec")] == ["1", "7", "7", "1"]
    assert (clash["region"], clash["country"], clash["geom_wkt"]) == ("Africa", "Mali", "POINT (1.4078 18.4411)")
    assert got["e2"]["where_prec"] == "4"  # a province
    one_sided = ucdp_row(event("e5", "Violence against civilians", "Attack", TOWN, REBELS, killed=3), RESULT)
    assert [one_sided[c] for c in ("type_of_violence", "side_b", "deaths_civilians")] == ["3", "Civilians", "3"]


def test_formula_cells_are_neutralised_unless_asked_not_to() -> None:
    assert rows("acled-csv")[0]["notes"].startswith("'@everyone")
    assert rows("acled-csv", neutralise=False)[0]["notes"].startswith("@everyone")
    assert rows("acled-csv")[1]["longitude"] == "-3.9000"  # a negative number is not a formula
    assert [neutralise_cell(v) for v in ("+1 555", "\tx", "-", "-12e3")] == ["'+1 555", "'\tx", "'-", "-12e3"]


def test_parquet_is_typed_and_complete_only_filters(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    assert export_results([RESULT], "parquet", path) == 4
    table = pq.read_table(path)
    assert table.column("latitude").to_pylist()[:2] == [18.4411, 14.5]
    assert table.column("fatalities").to_pylist()[0] == 7
    assert export_results([RESULT], "parquet", path, complete_only=True) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["events.parquet"]  # written beside, moved into place
