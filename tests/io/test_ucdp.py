"""UCDP GED CSV: reading and validating."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
from pathlib import Path

import pytest

from conflict_events.errors import RecordError
from conflict_events.io.acled import acled_row
from conflict_events.io.ucdp import UCDP_COLUMNS, read_ucdp, result_from_ucdp_row, ucdp_country, validate_ucdp
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


def test_each_row_check_reports_its_message_and_column(tmp_path: Path) -> None:
    rows = [
        STATE,  # 2
        {**STATE, "type_of_violence": "x", "date_start": "soon", "date_prec": "9", "where_prec": "x",
         "latitude": "abc", "longitude": "200", "best": "1.5"},  # 3, also a duplicate id
        {**STATE, "id": "30", "side_a": "", "high": "", "year": "2020", "deaths_unknown": "2"},  # 4
        {**STATE, "id": "31", "date_start": "2021-07-30", "low": "40", "high": "35"},  # 5
        {**ONE_SIDED, "id": "32", "side_b": "Army", "latitude": "-33.9", "longitude": "18.4"},  # 6
        {**STATE, "id": "33", "side_a": "TPLF", "latitude": "nan"},  # 7
    ]  # fmt: skip
    report = validate_ucdp(write_csv(tmp_path / "bad.csv", rows))
    found = [(f.line, f.rule, f.field, f.reason) for f in report.failures]
    assert found == [
        (3, "ucdp.duplicate_id", "id", "'525' already on line 2"),
        (3, "ucdp.type_of_violence", "type_of_violence", "'x' is not 1, 2 or 3"),
        (3, "ucdp.date", "date_start", "'soon' is not a date (expected YYYY-MM-DD)"),
        (3, "ucdp.date_prec", "date_prec", "'9' is not 1 to 5"),
        (3, "ucdp.where_prec", "where_prec", "'x' is not 1 to 7"),
        (3, "ucdp.coordinates", "latitude", "'abc' is not a number"),
        (3, "ucdp.coordinates", "longitude", "200 is outside -180..180"),
        (3, "ucdp.deaths", "best", "'1.5' is not a non-negative integer"),
        (4, "ucdp.required", "side_a", "empty"),
        (4, "ucdp.required", "high", "empty"),
        (4, "ucdp.year", "year", "'2020', but date_start is in 2021"),
        (4, "ucdp.deaths_sum", "best", "deaths by side add up to 35, but best is 33"),
        (5, "ucdp.date_order", "date_end", "date_start 2021-07-30 is after date_end 2021-07-22"),
        (5, "ucdp.estimates", "best", "low 40 <= best 33 <= high 35 does not hold"),
        (6, "ucdp.country_extent", "latitude", found[14][3]),
        (6, "ucdp.sides", "side_b", "one-sided violence, but side_b is 'Army', not 'Civilians'"),
        (7, "ucdp.coordinates", "latitude", "nan is outside -90..90"),
        (7, "ucdp.sides", "side_a", "state-based conflict, but side_a 'TPLF' is not a government"),
    ]
    assert "Somalia" in found[14][3]
    assert (report.records, report.invalid) == (6, 5)


def test_bad_bytes_and_short_rows_are_reported(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", [STATE])
    with open(path, "ab") as handle:
        handle.write(b"40,2021,1,\xff\n")
    report = validate_ucdp(path)
    rules = [(f.line, f.rule, f.field) for f in report.failures]
    assert rules[:2] == [(3, "ucdp.row_shape", None), (3, "encoding", None)]
    assert (3, "ucdp.required", "side_a") in rules and (3, "ucdp.required", "id") not in rules
    assert report.failures[1].reason == "bytes that are not valid UTF-8 (replaced by U+FFFD)"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": ""}, "id: empty"),
        ({"type_of_violence": "x"}, "type_of_violence: 'x' is not an integer"),
        ({"type_of_violence": "2.5"}, "type_of_violence: '2.5' is not a non-negative integer"),
        ({"type_of_violence": "5"}, "type_of_violence: 5 is not 1, 2 or 3"),
        ({"date_end": "later"}, "date_start: 'later' is not a date (expected YYYY-MM-DD)"),
        ({"date_prec": "7"}, "date_prec: 7 is not 1 to 5"),
        ({"date_start": "2021-08-01"}, "date_end: date_end 2021-07-22 is before date_start 2021-08-01"),
        ({"side_a": ""}, "side_a: empty"),
        ({"where_prec": "9"}, "where_prec: 9 is not 1 to 7"),
        ({"latitude": "99"}, "latitude: '99', '40.61' are not coordinates"),
        ({"longitude": ""}, "latitude: '11.95', '' are not coordinates"),
        ({"low": "x"}, "low: 'x' is not an integer"),
        ({"best": "50"}, "best: low 30 <= best 50 <= high 40 does not hold"),
        ({"deaths_a": "x"}, "deaths_a: 'x' is not an integer"),
        ({"id": "9" * 250}, "Document.id: String should have at most 200 characters"),
    ],
)
def test_each_reading_error_names_its_column(change: dict[str, str], message: str) -> None:
    with pytest.raises(RecordError) as caught:
        result_from_ucdp_row({**STATE, **change}, source="ged.csv", line=3)
    assert caught.value.message == message and caught.value.line == 3
    assert str(caught.value) == f"ged.csv:3: {message}"


def test_reading_fills_every_field_from_its_column() -> None:
    row = {**STATE, "where_coordinates": "", "adm_2": "", "deaths_b": "", "deaths_a": "0", "event_clarity": "",
           "source_office": "", "side_b": "", "type_of_violence": "2", "country": "Atlantis"}  # fmt: skip
    result = result_from_ucdp_row(row)
    event = result.events[0]
    assert event.location is not None
    assert (event.location.name, event.location.country, event.location.kind) == ("Afar region", None, "settlement")
    assert event.figures == (event.figures[0],) and event.figures[0].value == 3 and event.figures[0].subject is None
    assert event.actor2 is None and result.actors == (event.actor1,)
    assert event.confidence == 1.0 and result.document.source is None
    assert (event.event_type, event.civilian_targeting) == ("Battles", False)
    unnamed = result_from_ucdp_row({**row, "adm_1": "", "country": ""}).events[0].location
    assert unnamed is not None and unnamed.name == "unnamed"
    civilians = result_from_ucdp_row({**ONE_SIDED, "deaths_b": "2", "deaths_unknown": "0", "deaths_civilians": "3"})
    assert {f.subject: f.value for f in civilians.events[0].figures} == {"side_b": 3}
