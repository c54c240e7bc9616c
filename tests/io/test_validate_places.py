"""The validator against real-world exports: points at sea or just over a border are warnings,
points far away are errors, counts add up, and a file in another format is named as such."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflict_events.cli import main
from conflict_events.gazetteer import country_shapes
from conflict_events.io.acled import ACLED_COLUMNS, validate_acled
from conflict_events.io.ucdp import UCDP_COLUMNS, validate_ucdp
from conflict_events.io.validate import ReportBuilder, validate_path

BASE = {
    "event_id_cnty": "UKR100", "event_date": "2024-01-01", "year": "2024", "time_precision": "1",
    "disorder_type": "Political violence", "event_type": "Battles", "sub_event_type": "Armed clash",
    "actor1": "Military Forces of Russia (2000-)", "assoc_actor_1": "", "inter1": "External/Other forces",
    "actor2": "Military Forces of Ukraine (2019-)", "assoc_actor_2": "", "inter2": "State forces",
    "interaction": "State forces-External/Other forces", "civilian_targeting": "", "iso": "804",
    "region": "Europe", "country": "Ukraine", "admin1": "Donetsk", "admin2": "Bakhmutskyi", "admin3": "",
    "location": "Bakhmut", "latitude": "48.5956", "longitude": "38.0003", "geo_precision": "1",
    "source": "Ministry of Defence of Ukraine", "source_scale": "Other",
    "notes": "On 1 January 2024, Russian forces clashed with Ukrainian forces near Bakhmut. 2 killed.",
    "fatalities": "2", "tags": "", "timestamp": "1704800000",
}
STATE = {
    "id": "525", "year": "2021", "type_of_violence": "1", "conflict_name": "Ethiopia: Government",
    "side_a": "Government of Ethiopia", "side_b": "TPLF", "source_article": "Wire report of fighting in Afar",
    "source_office": "Wire", "where_prec": "2", "where_coordinates": "Ewa town", "adm_1": "Afar region",
    "adm_2": "Zone 4", "latitude": "11.95", "longitude": "40.61", "country": "Ethiopia", "event_clarity": "1",
    "date_prec": "2", "date_start": "2021-07-18", "date_end": "2021-07-22", "deaths_a": "10", "deaths_b": "20",
    "deaths_civilians": "3", "deaths_unknown": "0", "best": "33", "high": "40", "low": "30",
}


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = ACLED_COLUMNS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


# Rows written for these tests in the shape of the real cases issue 16 names.
NAVAL = {**BASE, "event_id_cnty": "UKR201", "location": "Black Sea", "latitude": "43.389", "longitude": "36.519",
         "geo_precision": "3", "admin1": "", "admin2": "", "admin3": "",
         "notes": "On 1 January 2024, a Russian warship fired on a Ukrainian naval drone in the Black Sea."}
SURINAME = {**BASE, "event_id_cnty": "SUR1", "iso": "740", "country": "Suriname", "region": "South America",
            "actor1": "Military Forces of Suriname (2020-)", "inter1": "State forces", "actor2": "",
            "inter2": "", "interaction": "State forces only", "event_type": "Strategic developments",
            "sub_event_type": "Disrupted weapons use", "disorder_type": "Strategic developments",
            "admin1": "Sipaliwini", "admin2": "", "admin3": "", "location": "Kwamalasamutu",
            "latitude": "2.3554", "longitude": "-56.7879", "fatalities": "0", "assoc_actor_1": "",
            "notes": "On 1 January 2024, soldiers destroyed an illegal gold-mining dredge on the river."}


def test_the_two_real_world_cases_are_not_errors(tmp_path: Path) -> None:
    report = validate_acled(write_csv(tmp_path / "real.csv", [BASE, NAVAL, SURINAME]))
    assert report.ok and (report.records, report.valid, report.invalid) == (3, 3, 0), report.to_text()
    # The naval event is worth a look, not an error; Suriname's far south is simply Suriname.
    assert report.warning_rules == {"acled.off_coast": 1}
    warning = report.failures[0]
    assert warning.line == 3 and warning.severity == "warning"
    assert "at sea, 181 km off the coast of Ukraine" in warning.reason


def test_far_points_are_errors_and_near_ones_warnings(tmp_path: Path) -> None:
    rows = [
        {**BASE, "event_id_cnty": "UKR301", "latitude": "-15.7939", "longitude": "-47.8828"},  # Brasilia
        {**BASE, "event_id_cnty": "UKR302", "latitude": "46.4000", "longitude": "30.8500"},  # Odesa bay, 5 km out
        {**BASE, "event_id_cnty": "UKR303", "latitude": "50.2300", "longitude": "28.2000"},  # inland, fine
        {**BASE, "event_id_cnty": "UKR304", "latitude": "51.9500", "longitude": "30.7000"},  # Belarus, by the border
        {**BASE, "event_id_cnty": "UKR305", "latitude": "48.5956", "longitude": "-38.0003"},  # sign lost: Atlantic
    ]
    report = validate_acled(write_csv(tmp_path / "places.csv", rows))
    by_line = {f.line: f for f in report.failures}
    assert by_line[2].rule == "acled.country_extent" and "is in Brazil" in by_line[2].reason
    assert by_line[2].severity == "error"
    assert by_line[3].rule == "acled.off_coast" and "within its territorial waters" in by_line[3].reason
    assert 4 not in by_line
    assert by_line[5].rule == "acled.near_border" and by_line[5].severity == "warning"
    assert "is in Belarus" in by_line[5].reason
    assert by_line[6].rule == "acled.country_extent" and "at sea, more than 370 km" in by_line[6].reason
    assert (report.records, report.valid, report.invalid) == (5, 3, 2)


def test_country_shapes_place_points() -> None:
    shapes = country_shapes()
    assert shapes.country_at(50.45, 30.52) == "UA" and shapes.country_at(44.95, 34.10) == "UA"  # Crimea
    assert shapes.country_at(0.0, -160.0) is None and shapes.country_at(9.6, 28.43) == ""  # Abyei
    assert shapes.contains("SR", 2.3554, -56.7879) and not shapes.contains("UA", 2.3554, -56.7879)
    assert shapes.contains("ZZ", 0.0, 0.0) is None
    assert shapes.distance_km("UA", 48.5956, 38.0003, 100) == 0.0
    distance = shapes.distance_km("UA", 43.389, 36.519, 400)
    assert distance is not None and 170 < distance < 190
    assert shapes.distance_km("UA", -15.79, -47.88, 400) is None


def test_ucdp_rows_use_the_same_shapes(tmp_path: Path) -> None:
    abroad = {**STATE, "id": "527", "latitude": "11.95", "longitude": "-40.61"}
    report = validate_ucdp(write_csv(tmp_path / "ged.csv", [STATE, abroad], UCDP_COLUMNS))
    assert report.rules.get("ucdp.country_extent") == 1 and report.invalid == 1


@pytest.mark.parametrize(
    ("content", "given", "named"),
    [
        ('{"document": {"id": "d1", "text": "x", "date": "2025-01-05"}}\n' * 5, "acled", "extraction results"),
        ('{"id": "d1", "text": "Shelling hit Izium.", "date": "2025-01-05"}\n' * 5, "acled", "documents to extract"),
        ("id,relid,year,type_of_violence,side_a,side_b,best\n" + "1,x,2020,1,a,b,3\n" * 5, "acled", "UCDP GED"),
        (",".join(BASE) + "\n" + ",".join("x" for _ in BASE) + "\n", "ucdp", "an ACLED CSV export"),
        (",".join(BASE) + "\n" + ",".join("x" for _ in BASE) + "\n", "jsonl", "an ACLED CSV export"),
        ('{"id": "d1", "text": "Shelling hit Izium.", "date": "2025-01-05"}\n' * 2, "jsonl", "documents to extract"),
    ],
)
def test_a_file_in_another_format_is_named_and_counts_add_up(
    tmp_path: Path, content: str, given: str, named: str
) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text(content, encoding="utf-8")
    report = validate_path(path, given)
    assert not report.ok and report.valid == 0 and report.invalid == report.records > 0
    assert report.records == report.valid + report.invalid and report.file_errors == 1
    assert [f.rule for f in report.failures] == [f"{given}.wrong_format" if given != "jsonl" else "wrong_format"]
    assert named in report.failures[0].reason
    assert f"{report.records} records, 0 valid, {report.records} invalid" in report.summary()


def test_cli_prints_warnings_and_the_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "naval.csv", [BASE, NAVAL])
    assert main(["validate", str(path), "--format", "acled", "--output", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    assert f"{path}:3: warning: latitude: (43.389, 36.519) is at sea" in out
    assert out.strip().endswith("2 records, 2 valid, 0 invalid; 1 warning (acled.off_coast 1)")
    saved = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert saved["warnings"] == 1 and saved["failures"][0]["severity"] == "warning"


@given(st.lists(st.tuples(st.sampled_from(["check", "fail", "warn", "file"]), st.integers(0, 3)), max_size=40))
def test_counts_always_add_up(steps: list[tuple[str, int]]) -> None:
    builder = ReportBuilder("x", "acled")
    line = 1
    for action, advance in steps:
        line += advance
        if action == "check":
            builder.check(line)
        elif action == "fail":
            builder.fail(line, "acled.rule", "bad")
        elif action == "warn":
            builder.warn(line, "acled.note", "look")
        else:
            builder.fail(0, "acled.missing_column", "no header")
    report = builder.report()
    assert report.records == report.valid + report.invalid and report.valid >= 0 and report.invalid >= 0
    assert report.ok == (report.invalid == 0 and report.file_errors == 0)
