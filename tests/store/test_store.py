"""The event store on SQLite and PostgreSQL: idempotent, transactional ingest, fusion, export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from conflict_events.errors import RecordError, StoreError
from conflict_events.schema import ExtractionResult, FusedEvent
from conflict_events.store import EventStore, FusedFilter, export_fused, ingest, query_fused
from conflict_events.store._ingest import Ingester


def clusters(db: str) -> dict[str, frozenset[str]]:
    """Document id -> the set of documents its (first) event is fused with; and every fused event is valid."""
    out: dict[str, frozenset[str]] = {}
    with EventStore(db, create=False) as store:
        for fused in store.fused_events():
            docs = frozenset(fused.document_ids)
            for doc in docs:
                out.setdefault(doc, docs)
    return out


def exported(db: str, fmt: Any = "jsonl") -> str:
    out = io.StringIO()
    export_fused(db, out, format=fmt)
    return out.getvalue()


def test_reports_of_one_event_are_fused_and_distractors_kept_apart(db: str, scenario: Any) -> None:
    summary = ingest(scenario.results, db)
    assert (summary.added, summary.replaced, summary.unchanged, summary.failed) == (7, 0, 0, 0)
    found = clusters(db)
    for doc, happening in scenario.same.items():
        expected = frozenset(d for d, h in scenario.same.items() if h == happening)
        assert found[doc] == expected, doc


def test_a_fused_event_keeps_every_reports_toll_claims_and_sources(db: str, scenario: Any) -> None:
    ingest(scenario.results, db)
    fused = [FusedEvent.model_validate_json(line) for line in exported(db).splitlines()]
    kupiansk = next(f for f in fused if "wire-kupiansk" in f.document_ids)
    assert kupiansk.fatalities.by_document == {"wire-kupiansk": 4, "daily-kupiansk": 7, "weekly-kupiansk": 7}
    assert (kupiansk.fatalities.low, kupiansk.fatalities.best, kupiansk.fatalities.high) == (4, 4, 7)
    assert kupiansk.sources == ("Wire One", "Daily Two", "Weekly Three")  # by publication date
    assert {c.document_id for c in kupiansk.claims} == set(kupiansk.document_ids)
    assert (kupiansk.event_type, kupiansk.sub_event_type) == ("Explosions/Remote violence",
                                                              "Shelling/artillery/missile attack")
    assert kupiansk.date.start == kupiansk.date.end == dt.date(2025, 3, 9)
    assert kupiansk.location is not None and kupiansk.location.name == "Kupiansk"
    assert kupiansk.actor1 is not None and kupiansk.actor1.name == "Military Forces of Russia (2000-)"
    djibo = next(f for f in fused if "wire-djibo" in f.document_ids)
    # a named group wins over "unidentified gunmen"; the massacre targets civilians
    assert djibo.actor1 is not None and djibo.actor1.name.startswith("JNIM")
    assert djibo.civilian_targeting and djibo.fatalities.best == 30
    ids = [f.id for f in fused]
    assert len(ids) == len(set(ids)) == 4


def test_the_same_results_twice_change_nothing(db: str, scenario: Any) -> None:
    ingest(scenario.results, db)
    before = exported(db)
    again = ingest(scenario.results, db)
    assert (again.added, again.replaced, again.unchanged, again.events) == (0, 0, 7, 0)
    assert exported(db) == before


def test_a_re_extracted_document_replaces_its_old_records(db: str, scenario: Any, parts: Any) -> None:
    ingest(scenario.results, db)
    # The weekly report re-extracted by a newer pipeline dates its strike to the Wednesday instead.
    redone = parts.report("weekly-kupiansk", dt.date(2025, 3, 14), "Last week a missile attack on Kupiansk "
                          "killed 7 people.", [parts.Ev("attack", "Shelling/artillery/missile attack",
                                                        dt.date(2025, 3, 12), "Last week", place=parts.KUPIANSK,
                                                        toll=7)])
    summary = ingest([redone], db)
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 1, 0)
    found = clusters(db)
    assert found["weekly-kupiansk"] == {"weekly-kupiansk", "wire-kupiansk-2"}
    assert found["wire-kupiansk"] == {"wire-kupiansk", "daily-kupiansk"}
    with EventStore(db) as store:
        assert store.counts() == {"documents": 7, "events": 7, "fused_events": 4}


@pytest.mark.parametrize("seed", [1, 2])
def test_any_order_and_batching_gives_the_same_clusters_and_ids(db: str, tmp_path: Path, scenario: Any,
                                                                 seed: int) -> None:
    reference = tmp_path / "reference.sqlite"
    ingest(scenario.results, reference)
    shuffled = list(scenario.results)
    random.Random(seed).shuffle(shuffled)
    with EventStore(db) as store:
        for size, part in itertools.groupby(enumerate(shuffled), key=lambda t: t[0] // (seed + 1)):
            del size
            store.ingest([r for _, r in part], batch_size=2)
    assert exported(db) == exported(str(reference))


def test_a_failing_batch_leaves_the_store_as_it_was(db: str, scenario: Any, monkeypatch: Any) -> None:
    first, rest = scenario.results[:3], scenario.results[3:]
    ingest(first, db)
    before = exported(db)

    def broken(self: Ingester, *args: Any) -> None:
        raise OperationalError("INSERT INTO fused_events", {}, Exception("disk I/O error"))

    monkeypatch.setattr(Ingester, "_write_fused", broken)
    with EventStore(db) as store:
        with pytest.raises(StoreError, match="the batch was not written"):
            store.ingest(rest)
        monkeypatch.undo()
        assert store.counts()["documents"] == 3
        assert exported(db) == before
        store.ingest(rest)  # the same store object goes on after the failure
    assert clusters(db) == clusters_of_fresh(db, scenario)


def clusters_of_fresh(db: str, scenario: Any) -> dict[str, frozenset[str]]:
    return {d: frozenset(x for x, h in scenario.same.items() if h == happening)
            for d, happening in scenario.same.items()}


def test_a_bad_line_is_reported_and_the_rest_ingested(tmp_path: Path, scenario: Any) -> None:
    results = tmp_path / "results.jsonl"
    lines = [r.model_dump_json() for r in scenario.results[:2]]
    lines.insert(1, '{"document": {"id": "x"}}')
    results.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    log = io.StringIO()
    with EventStore(tmp_path / "s.sqlite") as store:
        summary = store.ingest_files([results, tmp_path / "absent.jsonl"], log=log)
    assert (summary.added, summary.failed) == (2, 2)
    assert f"{results}:2: RecordError: not a valid extraction result: document.text: Field required" in log.getvalue()
    assert "absent.jsonl" in log.getvalue()


def test_query_filters_by_country_province_date_and_type(db: str, scenario: Any) -> None:
    ingest(scenario.results, db)
    assert {r.location for r in query_fused(db, FusedFilter(country="BF"))} == {"Djibo", "Kaya"}
    assert [r.location for r in query_fused(db, FusedFilter(country="Burkina Faso", admin1="sahel"))] == ["Djibo"]
    assert [r.sub_event_type for r in query_fused(db, FusedFilter(event_type="protests"))] == ["Peaceful protest"]
    rows = query_fused(db, FusedFilter(country="UA", since=dt.date(2025, 3, 10)))
    assert [(r.location, r.documents) for r in rows] == [("Kupiansk", 1)]
    assert [r.documents for r in query_fused(db, FusedFilter(min_reports=2))] == [3, 2]
    with pytest.raises(ValueError, match="unknown country"):
        FusedFilter(country="Atlantis").check()


def test_acled_csv_lists_every_source_and_geojson_every_located_event(db: str, scenario: Any) -> None:
    ingest(scenario.results, db)
    rows = list(csv.DictReader(io.StringIO(exported(db, "acled-csv"))))
    assert len(rows) == 4
    kupiansk = next(r for r in rows if r["location"] == "Kupiansk" and r["tags"] == "reports=3")
    assert kupiansk["source"] == "Wire One; Daily Two; Weekly Three"
    assert (kupiansk["fatalities"], kupiansk["country"], kupiansk["iso"]) == ("4", "Ukraine", "804")
    assert kupiansk["notes"].startswith("A Russian missile struck")
    collection = json.loads(exported(db, "geojson"))
    assert len(collection["features"]) == 4
    assert {f["properties"]["reports"] for f in collection["features"]} == {1, 2, 3}


def test_opening_a_missing_store_to_read_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        query_fused(tmp_path / "nothing.sqlite")
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        EventStore("mysql://u@h/db")
    with pytest.raises(StoreError, match="does not exist"):
        EventStore(tmp_path / "no" / "folder.sqlite")


def test_results_as_records_or_json_lines(tmp_path: Path, scenario: Any) -> None:
    lines = [r.model_dump_json() for r in scenario.results]
    a = ingest(lines, tmp_path / "a.sqlite")
    b = ingest(scenario.results, tmp_path / "b.sqlite")
    assert a.added == b.added == 7
    # the digest of a record and of the line the library writes for it agree: nothing to replace
    assert ingest(scenario.results, tmp_path / "a.sqlite").unchanged == 7
    assert isinstance(scenario.results[0], ExtractionResult)


def test_a_village_without_a_point_fuses_and_exports_at_the_point_its_event_borrowed(
        db: str, report: Any, ev: Any) -> None:
    make_report, Ev = report, ev
    day = dt.date(2025, 3, 2)
    village = ("Tinkoro", "settlement", "BF", "Sahel", None, None)
    DJIBO = ("Djibo", "settlement", "BF", "Sahel", 14.10, -1.63)
    GUNMEN_BF = ("rebel_group", "Unidentified Armed Group (Burkina Faso)")
    a = make_report("village", dt.date(2025, 3, 3), "Gunmen raided the village of Tinkoro near Djibo on Sunday, "
                    "killing 12 people, residents said.", [Ev("raided", "Attack", day, "on Sunday", place=village,
                                                              actor1=GUNMEN_BF, toll=12)])
    # the events step gives the event the point of the town named beside the village (ACLED's "near X");
    # the village itself stays listed without one
    event = a.events[0]
    assert event.location is not None
    near = event.location.model_copy(update={"latitude": DJIBO[4], "longitude": DJIBO[5], "geo_precision": 2})
    a = a.model_copy(update={"events": (event.model_copy(update={"location": near}),)})
    b = make_report("town", dt.date(2025, 3, 4), "Gunmen killed 15 people in an attack near Djibo on Sunday, "
                    "officials said.", [Ev("attack", "Attack", day, "on Sunday", place=DJIBO, actor1=GUNMEN_BF,
                                           toll=15)])
    ingest([a, b], db)
    assert clusters(db)["village"] == {"village", "town"}
    fused = [FusedEvent.model_validate_json(line) for line in exported(db).splitlines()]
    assert len(fused) == 1 and fused[0].location is not None and fused[0].location.latitude is not None


def test_an_id_that_names_nothing_in_its_result_is_an_error_naming_it(tmp_path: Path, scenario: Any) -> None:
    # the row builder's checks of references (the store's own reader does not build the schema's models)
    good = json.loads(scenario.results[0].model_dump_json())
    event_id = good["events"][0]["id"]
    claim_id = good["claims"][0]["id"] if good["claims"] else None
    cases = [(("events", 0, "location"), {"id": "nowhere"}, f"event {event_id} refers to location id 'nowhere'"),
             (("events", 0, "actor1"), {"id": "nobody"}, f"event {event_id} refers to actor id 'nobody'")]
    if claim_id is not None:
        cases.append((("claims", 0, "event_ids"), ["e404"], f"claim {claim_id} refers to event id 'e404'"))
    for (part, i, key), value, message in cases:
        bad = json.loads(json.dumps(good))
        bad[part][i][key] = value
        results = tmp_path / "bad.jsonl"
        results.write_text(json.dumps(bad) + "\n", encoding="utf-8")
        with EventStore(tmp_path / f"{part}-{key}.sqlite") as store, pytest.raises(RecordError) as raised:
            store.ingest_files([results])
        assert f"not a valid extraction result: {message}, which is not in the result" in str(raised.value)
