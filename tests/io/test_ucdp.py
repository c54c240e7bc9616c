"""UCDP GED CSV: reading and validating."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
from pathlib import Path

import pytest

from conflict_events.errors import RecordError
from conflict_events.io.acled import acled_row
from conflict_events.io.ucdp import UCDP_COLUMNS, read_ucdp, ucdp_country, validate_ucdp
from conflict_events.io.validate import ValidationFailure

STATE = {
    "id": "525",
    "year": "2021",
    "type_of_violence": "1",
    "conflict_name": "Ethiopia: Government",
    "side_a": "Government of Ethiopia",
    "side_b": "TPLF",
    "source_article": "Reuters, 2021-07-22, Tigray forces fight in Afar",
    "source_office": "Reuters",
    "where_prec": "2",
    "where_coordinates": "Ewa town",
    "adm_1": "Afar region",
    "adm_2": "Zone 4",
    "latitude": "11.95",
    "longitude": "40.61",
    "country": "Ethiopia",
    "event_clarity": "1",
    "date_prec": "2",
    "date_start": "2021-07-18 00:00:00.000",
    "date_end": "2021-07-22 00:00:00.000",
    "deaths_a": "10",
    "deaths_b": "20",
    "deaths_civilians": "3",
    "deaths_unknown": "0",
    "best": "33",
    "high": "40",
    "low": "30",
}

ONE_SIDED = {
    **STATE,
    "id": "526",
    "type_of_violence": "3",
    "side_a": "Al-Shabaab",
    "side_b": "Civilians",
    "where_prec": "1",
    "where_coordinates": "Mogadishu town",
    "adm_1": "Banaadir region",
    "adm_2": "",
    "latitude": "2.0371",
    "longitude": "45.3438",
    "country": "Somalia",
    "event_clarity": "2",
    "date_prec": "1",
    "date_start": "2024-03-15",
    "date_end": "2024-03-15",
    "year": "2024",
    "deaths_a": "0",
    "deaths_b": "0",
    "deaths_civilians": "4",
    "deaths_unknown": "1",
    "best": "5",
    "high": "5",
    "low": "5",
}


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=UCDP_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


def test_country_names_with_historic_forms() -> None:
    assert ucdp_country("Russia (Soviet Union)") == "RU"
    assert ucdp_country("Myanmar (Burma)") == "MM"


def test_read(tmp_path: Path) -> None:
    results = list(read_ucdp(write_csv(tmp_path / "ged.csv", [STATE, ONE_SIDED])))
    state, one_sided = (r.events[0] for r in results)
    assert state.id == "ged-525" and state.event_type == "Battles" and state.sub_event_type == "Armed clash"
    assert state.actor1 is not None and state.actor1.kind == "state_forces" and state.actor1.country == "ET"
    assert state.actor2 is not None and state.actor2.kind == "rebel_group"
    assert state.date.start == dt.date(2021, 7, 18) and state.date.end == dt.date(2021, 7, 22)
    assert state.date.precision == "range"
    assert state.fatalities is not None
    assert (state.fatalities.low, state.fatalities.value, state.fatalities.high) == (30, 33, 40)
    by_subject = {f.subject: f.value for f in state.figures}
    assert by_subject == {"side_a": 10, "side_b": 20, None: 3}
    assert state.location is not None and state.location.geo_precision == 2 and state.location.country == "ET"
    assert results[0].document.text == STATE["source_article"]
    assert one_sided.event_type == "Violence against civilians" and one_sided.civilian_targeting
    assert one_sided.actor1 is not None and one_sided.actor1.kind == "unknown"
    assert one_sided.confidence < 1.0


def test_ged_events_write_as_acled(tmp_path: Path) -> None:
    result = next(read_ucdp(write_csv(tmp_path / "ged.csv", [ONE_SIDED])))
    row = acled_row(result.events[0], result)
    assert row["interaction"] == "Political militia-Civilians"
    assert row["country"] == "Somalia" and row["fatalities"] == "5"
    assert row["civilian_targeting"] == "Civilian targeting"


def test_validate_good(tmp_path: Path) -> None:
    report = validate_ucdp(write_csv(tmp_path / "ged.csv", [STATE, ONE_SIDED]))
    assert report.ok, report.to_text()
    assert report.records == 2


def test_validate_reports_every_rule(tmp_path: Path) -> None:
    rows = [
        STATE,  # 2
        {**STATE, "id": "1", "low": "35"},  # 3: low > best
        {**STATE, "id": "2", "deaths_unknown": "4"},  # 4: sum 37 != 33
        {**STATE, "id": "3", "date_start": "2021-07-25"},  # 5: start after end
        {**STATE, "id": "4", "where_prec": "8", "date_prec": "0"},  # 6
        {**STATE, "id": "5", "latitude": "-33.9", "longitude": "18.4"},  # 7: Cape Town in Ethiopia
        {**STATE, "id": "6", "type_of_violence": "4"},  # 8
        {**ONE_SIDED, "id": "7", "side_b": "TPLF"},  # 9
        {**STATE, "id": "525"},  # 10 duplicate
        {**STATE, "id": "8", "best": "-1"},  # 11
        {**STATE, "id": "9", "year": "2020"},  # 12
        {**STATE, "id": "10", "side_a": "TPLF"},  # 13: state-based without government
        {**STATE, "id": "11", "latitude": "123"},  # 14
    ]
    report = validate_ucdp(write_csv(tmp_path / "bad.csv", rows))
    assert report.records == len(rows) and report.invalid == len(rows) - 1
    first: dict[int, ValidationFailure] = {}
    for failure in report.failures:
        first.setdefault(failure.line, failure)
    expected = {
        3: "ucdp.estimates", 4: "ucdp.deaths_sum", 5: "ucdp.date_order", 6: "ucdp.date_prec",
        7: "ucdp.country_extent", 8: "ucdp.type_of_violence", 9: "ucdp.sides", 10: "ucdp.duplicate_id",
        11: "ucdp.deaths", 12: "ucdp.year", 13: "ucdp.sides", 14: "ucdp.coordinates",
    }  # fmt: skip
    assert {line: f.rule for line, f in first.items()} == expected
    assert report.rules["ucdp.where_prec"] == 1


def test_validate_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / "few.csv"
    path.write_text("id,year\n", encoding="utf-8")
    report = validate_ucdp(path)
    assert not report.ok and report.records == 0
    assert report.rules == {"ucdp.missing_column": 1}


def test_read_error_names_line(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", [STATE, {**STATE, "id": "2", "low": "99"}])
    with pytest.raises(RecordError, match=r"bad\.csv:3: best"):
        list(read_ucdp(path))


def test_docs_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    outcome = doctest.testfile(
        str(root / "docs" / "formats" / "ucdp.md"), module_relative=False, verbose=False
    )
    assert outcome.attempted > 0 and outcome.failed == 0


def test_rows_that_pass_the_rules_must_still_become_records(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [{**STATE, "id": "9" * 250}])
    report = validate_ucdp(path)
    assert report.rules == {"ucdp.schema": 1} and report.failures[0].field == "Document.id"
