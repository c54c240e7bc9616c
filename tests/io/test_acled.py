"""ACLED CSV: reading, validating, writing and the round trip."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import importlib.util
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.errors import RecordError
from conflict_events.io.acled import (
    ACLED_COLUMNS,
    CIVILIAN_TARGETING,
    INTER_LABELS,
    acled_row,
    country_extent,
    interaction_code,
    interaction_text,
    is_complete,
    parse_inter,
    parse_interaction,
    read_acled,
    result_from_acled_row,
    validate_acled,
    write_acled,
    write_acled_rows,
)
from conflict_events.schema import (
    DISORDER_TYPE,
    SUB_EVENT_TYPES,
    Actor,
    Document,
    Event,
    ExtractionResult,
    Figure,
    Location,
    Span,
    TimeSpan,
    event_type_of,
)

BASE = {
    "event_id_cnty": "UKR100",
    "event_date": "2024-01-01",
    "year": "2024",
    "time_precision": "1",
    "disorder_type": "Political violence",
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "actor1": "Military Forces of Russia (2000-)",
    "assoc_actor_1": "Military Forces of Russia (2000-) Air Force",
    "inter1": "External/Other forces",
    "actor2": "Military Forces of Ukraine (2019-)",
    "assoc_actor_2": "",
    "inter2": "State forces",
    "interaction": "State forces-External/Other forces",
    "civilian_targeting": "",
    "iso": "804",
    "region": "Europe",
    "country": "Ukraine",
    "admin1": "Donetsk",
    "admin2": "Bakhmutskyi",
    "admin3": "Bakhmutska",
    "location": "Bakhmut",
    "latitude": "48.5956",
    "longitude": "38.0003",
    "geo_precision": "1",
    "source": "Ministry of Defence of Ukraine",
    "source_scale": "Other",
    "notes": "On 1 January 2024, Russian forces clashed with Ukrainian forces near Bakhmut. 2 killed.",
    "fatalities": "2",
    "tags": "",
    "timestamp": "1704800000",
}

VAC = {
    **BASE,
    "event_id_cnty": "NIG200",
    "event_date": "24 December 2018",
    "year": "2018",
    "time_precision": "2",
    "event_type": "Violence against civilians",
    "sub_event_type": "Attack",
    "actor1": "Unidentified Armed Group (Nigeria)",
    "assoc_actor_1": "",
    "inter1": "3",
    "actor2": "Civilians (Nigeria)",
    "assoc_actor_2": "Farmers (Nigeria); Women (Nigeria)",
    "inter2": "7",
    "interaction": "37",
    "civilian_targeting": "Civilian targeting",
    "iso": "566",
    "region": "Western Africa",
    "country": "Nigeria",
    "admin1": "Zamfara",
    "admin2": "Maru",
    "admin3": "",
    "location": "Maru",
    "latitude": "12.3336",
    "longitude": "6.4036",
    "geo_precision": "2",
    "source": "Daily Trust",
    "notes": "Around 24 December 2018, gunmen attacked the village,\nkilling 12 people.",
    "fatalities": "12",
    "timestamp": "1546000000",
}

SHELLING = {
    **BASE,
    "event_id_cnty": "UKR101",
    "time_precision": "3",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
    "assoc_actor_1": "",
    "actor2": "",
    "inter2": "",
    "interaction": "External/Other forces only",
    "location": "Kharkiv",
    "admin1": "Kharkiv",
    "admin2": "Kharkivskyi",
    "latitude": "49.9935",
    "longitude": "36.2304",
    "geo_precision": "3",
    "fatalities": "0",
    "notes": "",
}


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = ACLED_COLUMNS) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "sample.csv", [BASE, VAC, SHELLING])


def test_codes() -> None:
    assert parse_inter("External/Other forces") == 8
    assert parse_inter("3") == 3
    assert parse_inter("9") is None
    assert parse_interaction("State forces-Civilians") == 17
    assert parse_interaction("Protesters only") == 60
    assert parse_interaction("Aliens-Civilians") is None
    assert interaction_code(7, 1) == 17
    assert interaction_code(0, 8) == 80


def test_read_text_and_numeric_inter_codes(sample: Path) -> None:
    results = list(read_acled(sample))
    assert [r.document.id for r in results] == ["UKR100", "NIG200", "UKR101"]
    battle, vac, shelling = (r.events[0] for r in results)
    assert (
        battle.actor1 is not None and battle.actor1.kind == "state_forces" and battle.actor1.country == "RU"
    )
    assert (
        battle.actor2 is not None and battle.actor2.kind == "state_forces" and battle.actor2.country == "UA"
    )
    assert battle.fatalities is not None and battle.fatalities.value == 2
    assert battle.fatalities.text.text == "2"
    assert battle.location is not None and battle.location.country == "UA"
    assert battle.sentence.text == BASE["notes"]
    assert vac.actor1 is not None and vac.actor1.kind == "political_militia"
    assert vac.actor2 is not None and vac.actor2.kind == "civilians"
    assert vac.civilian_targeting
    assert vac.date.start == dt.date(2018, 12, 21) and vac.date.end == dt.date(2018, 12, 27)
    assert vac.time_precision == 2
    assert [a.name for a in vac.assoc_actors] == ["Farmers (Nigeria)", "Women (Nigeria)"]
    assert shelling.actor2 is None and shelling.fatalities is None
    assert shelling.time_precision == 3


def test_reader_is_a_generator(sample: Path) -> None:
    stream = read_acled(sample)
    assert next(stream).document.id == "UKR100"


def _round_trip(path: Path, style: str) -> list[dict[str, str]]:
    out = io.StringIO()
    write_acled(read_acled(path), out, inter_style=style)  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(out.getvalue())))


CARRIED = [c for c in ACLED_COLUMNS if c not in ("region", "admin3", "source_scale", "tags", "timestamp")]


@pytest.mark.parametrize("style", ["text", "numeric"])
def test_round_trip_keeps_every_carried_column(tmp_path: Path, style: str) -> None:
    vac_text = {
        **VAC,
        "inter1": "Political militia",
        "inter2": "Civilians",
        "interaction": "Political militia-Civilians",
    }
    rows = [BASE, SHELLING, vac_text]
    if style == "numeric":
        rows = [
            {**BASE, "inter1": "8", "inter2": "1", "interaction": "18"},
            {**SHELLING, "inter1": "8", "inter2": "0", "interaction": "80"},
            VAC,
        ]
    path = write_csv(tmp_path / "in.csv", rows)
    written = _round_trip(path, style)
    assert len(written) == len(rows)
    for before, after in zip(rows, written, strict=True):
        for column in CARRIED:
            want, got = before[column], after[column]
            if column == "event_date":
                want = dt.datetime.strptime(want, "%d %B %Y").date().isoformat() if " " in want else want
            if column in ("latitude", "longitude"):
                assert float(got) == pytest.approx(float(want)), column
            elif column == "inter2" and style == "text" and not before["actor2"]:
                assert got == "", column
            else:
                assert got == want, (column, before["event_id_cnty"])


def test_validate_good_file(sample: Path) -> None:
    report = validate_acled(sample)
    assert report.ok, report.to_text()
    assert report.records == 3


def test_validate_reports_every_rule_with_lines(tmp_path: Path) -> None:
    bad = [
        BASE,  # line 2, fine
        {**VAC, "event_id_cnty": "NIG201"},  # lines 3-4 (multi-line note), fine
        {**BASE, "event_id_cnty": "UKR102", "sub_event_type": "Attack"},  # line 5
        {**BASE, "event_id_cnty": "UKR103", "event_date": "2024-02-30"},  # line 6
        {**BASE, "event_id_cnty": "UKR104", "event_date": "2024-03-01", "year": "2024"},  # 7: after timestamp
        {**BASE, "event_id_cnty": "UKR105", "latitude": "95.1"},  # 8
        {
            **BASE,
            "event_id_cnty": "UKR106",
            "latitude": "9.0765",
            "longitude": "7.3986",
        },  # 9: Abuja in Ukraine
        {**BASE, "event_id_cnty": "UKR107", "geo_precision": "4", "time_precision": "0"},  # 10
        {**BASE, "event_id_cnty": "UKR108", "fatalities": "-3"},  # 11
        {**BASE, "event_id_cnty": "UKR109", "interaction": "State forces-Civilians"},  # 12
        {**BASE, "event_id_cnty": "UKR100"},  # 13 duplicate
        {**BASE, "event_id_cnty": "UKR110", "event_type": "Bombing"},  # 14
        {**BASE, "event_id_cnty": "UKR111", "civilian_targeting": "Civilian targeting"},  # 15 on a battle
        {**BASE, "event_id_cnty": "UKR112", "disorder_type": "Demonstrations"},  # 16
        {**VAC, "event_id_cnty": "NIG202", "inter2": "9", "interaction": "39"},  # 17-18
        {**BASE, "event_id_cnty": "UKR113", "fatalities": "2.5"},  # 19
    ]
    path = write_csv(tmp_path / "bad.csv", bad)
    report = validate_acled(path)
    assert report.records == len(bad)
    assert report.invalid == len(bad) - 2
    by_line = {f.line: f for f in report.failures}
    assert by_line[5].rule == "acled.sub_event_type" and by_line[5].field == "sub_event_type"
    assert by_line[6].rule == "acled.date"
    assert by_line[7].rule == "acled.date_after_timestamp"
    assert by_line[8].rule == "acled.coordinates" and by_line[8].field == "latitude"
    assert by_line[9].rule == "acled.country_extent"
    assert by_line[11].rule == "acled.fatalities"
    assert by_line[12].rule == "acled.interaction"
    assert by_line[13].rule == "acled.duplicate_id" and "line 2" in by_line[13].reason
    assert by_line[14].rule == "acled.event_type"
    assert by_line[15].rule == "acled.civilian_targeting"
    assert by_line[16].rule == "acled.disorder_type"
    assert by_line[17].rule == "acled.inter" and by_line[17].field == "inter2"
    assert by_line[19].rule == "acled.fatalities"
    assert 3 not in by_line and 4 not in by_line and 2 not in by_line
    assert report.rules["acled.geo_precision"] == 1 and report.rules["acled.time_precision"] == 1


def test_validate_row_shape_missing_columns_and_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    header = "event_id_cnty,event_date,event_type\n"
    path.write_bytes(header.encode() + b"X1,2024-01-01,Battles,extra\nX2,2024-01-0\xff,Battles\n")
    report = validate_acled(path)
    assert report.records == 2
    assert report.rules["acled.missing_column"] == 1
    assert report.rules["acled.row_shape"] == 1
    assert report.rules["encoding"] == 1
    assert report.rules["acled.date"] == 1


def test_read_error_names_line_and_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", [BASE, {**BASE, "event_id_cnty": "X", "time_precision": "7"}])
    stream = read_acled(path)
    next(stream)
    with pytest.raises(RecordError, match=r"bad\.csv:3: time_precision"):
        next(stream)


def test_country_extent_is_cached_and_sane() -> None:
    south, north, west, east = country_extent("NG") or (0, 0, 0, 0)
    assert south < 9.07 < north and west < 7.4 < east
    assert country_extent("ZZ") is None


def _extracted() -> ExtractionResult:
    text = "Ukrainian forces shelled Russian positions in Sudzha last week. Two soldiers were killed."
    doc = Document(id="kursk", text=text, date=dt.date(2025, 1, 13), source="Example Post")
    ua = Actor(
        id="ua",
        name="Military Forces of Ukraine (2019-)",
        kind="state_forces",
        country="UA",
        mentions=(Span.of(text, 0, 16),),
    )
    ru = Actor(id="ru", name="Military Forces of Russia (2000-)", kind="state_forces", country="RU")
    place = Location(
        id="sudzha",
        name="Sudzha",
        kind="settlement",
        country="RU",
        admin1="Kursk",
        latitude=51.1906,
        longitude=35.2708,
        geo_precision=1,
        mentions=(Span.of(text, 47, 53),),
    )
    week = TimeSpan(
        start=dt.date(2025, 1, 6),
        end=dt.date(2025, 1, 12),
        precision="week",
        text="last week",
        anchor=doc.date,
        mention=Span.of(text, 54, 63),
    )
    event = Event(
        id="kursk-e1",
        document_id="kursk",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        trigger=Span.of(text, 17, 24),
        sentence=Span.of(text, 0, 64),
        date=week,
        location=place,
        actor1=ua,
        actor2=ru,
        confidence=0.8,
        extractor="test",
    )
    return ExtractionResult(document=doc, events=(event,), actors=(ua, ru), locations=(place,), times=(week,))


def test_writer_follows_acled_rules_for_extracted_events() -> None:
    result = _extracted()
    row = acled_row(result.events[0], result)
    assert row["event_date"] == "2025-01-09" and row["time_precision"] == "2"
    assert row["inter1"] == "External/Other forces" and row["inter2"] == "State forces"
    assert row["interaction"] == "State forces-External/Other forces"
    assert row["country"] == "Russia" and row["iso"] == "643"
    assert row["fatalities"] == "0"
    assert row["disorder_type"] == "Political violence"
    assert row["notes"] == "Ukrainian forces shelled Russian positions in Sudzha last week."
    assert row["source"] == "Example Post"
    numeric = acled_row(result.events[0], result, inter_style="numeric")
    assert (numeric["inter1"], numeric["inter2"], numeric["interaction"]) == ("8", "1", "18")
    killed = Figure(category="killed", value=2, low=2, text=Span.of(result.document.text, 64, 67))
    event = result.events[0].model_copy(update={"fatalities": killed})
    assert acled_row(event, result)["fatalities"] == "2"


def test_written_file_validates(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    assert write_acled([_extracted()], path) == 1
    report = validate_acled(path)
    assert report.ok, report.to_text()


def test_write_rows_fills_missing_columns() -> None:
    out = io.StringIO()
    write_acled_rows([{"event_id_cnty": "A1"}], out)
    header, row = out.getvalue().splitlines()
    assert header.split(",") == list(ACLED_COLUMNS)
    assert row.startswith("A1,")


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "datasets"


def test_bundled_sample_is_valid_and_reads() -> None:
    sample = EXAMPLES / "sample_acled_events.csv"
    report = validate_acled(sample)
    assert report.ok and report.records == 48, report.to_text()
    results = list(read_acled(sample))
    assert len(results) == 48
    assert all(r.document.text.startswith("SAMPLE DATA (invented).") for r in results)


def test_bundled_sample_with_errors_reports_them() -> None:
    report = validate_acled(EXAMPLES / "sample_acled_with_errors.csv")
    assert (report.records, report.invalid) == (10, 4)
    assert report.rules == {
        "acled.country_extent": 1,
        "acled.duplicate_id": 1,
        "acled.fatalities": 1,
        "acled.interaction": 1,
        "acled.sub_event_type": 1,
    }


def test_docs_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    outcome = doctest.testfile(
        str(root / "docs" / "formats" / "acled.md"), module_relative=False, verbose=False
    )
    assert outcome.attempted > 0 and outcome.failed == 0


def test_incomplete_events_are_written_blank_or_left_out(tmp_path: Path) -> None:
    result = _extracted()
    nowhere = result.events[0].model_copy(update={"id": "kursk-e2", "location": None, "actor1": None})
    both = result.model_copy(update={"events": (result.events[0], nowhere)})
    path = tmp_path / "all.csv"
    assert write_acled([both], path) == 2
    report = validate_acled(path)
    assert report.invalid == 1 and report.rules["acled.required"] >= 3
    assert "acled.interaction" not in report.rules, "no actor 1: nothing to expect of the interaction"
    assert write_acled([both], tmp_path / "complete.csv", complete_only=True) == 1
    assert validate_acled(tmp_path / "complete.csv").ok


def test_empty_interaction_is_reported(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [{**BASE, "interaction": ""}])
    report = validate_acled(path)
    assert report.rules == {"acled.interaction": 1}
    assert "give 18" in report.failures[0].reason


def test_rows_that_pass_the_rules_must_still_become_records(tmp_path: Path) -> None:
    long_id = "UKR" + "9" * 250  # longer than an id may be
    path = write_csv(tmp_path / "x.csv", [BASE, {**BASE, "event_id_cnty": long_id}])
    report = validate_acled(path)
    assert report.rules == {"acled.schema": 1}
    failure = report.failures[0]
    assert failure.line == 3 and failure.field == "Document.id"
    with pytest.raises(RecordError, match=r"x\.csv:3: Document\.id"):
        list(read_acled(path))


NAMES = (
    "Military Forces of Ukraine (2019-)",
    "Military Forces of Russia (2000-)",
    "Police Forces of Nigeria (2023-)",
    "Al Shabaab",
    "Protesters (Nigeria)",
    "Civilians (Ukraine)",
    "Unidentified Armed Group (Somalia)",
    'A "quoted", comma; name',
)
TOWNS = (
    ("804", "Ukraine", "Kharkiv", "49.9935", "36.2304"),
    ("566", "Nigeria", "Maru", "12.3336", "6.4036"),
    ("643", "Russia", "Sudzha", "51.1906", "35.2708"),
)


@st.composite
def acled_rows(draw: st.DrawFn) -> dict[str, str]:
    sub = draw(st.sampled_from([s for subs in SUB_EVENT_TYPES.values() for s in subs]))
    day = draw(st.dates(min_value=dt.date(1997, 1, 1), max_value=dt.date(2026, 1, 1)))
    inter1 = draw(st.integers(1, 8))
    has_actor2 = draw(st.booleans())
    inter2 = draw(st.integers(1, 8)) if has_actor2 else 0
    iso, country, town, lat, lon = draw(st.sampled_from(TOWNS))
    actor1, actor2 = draw(st.sampled_from(NAMES)), draw(st.sampled_from(NAMES)) if has_actor2 else ""
    assoc = st.lists(st.sampled_from(NAMES), max_size=2, unique=True).map("; ".join)
    text_style = draw(st.booleans())

    def inter(code: int) -> str:
        if not code:
            return "" if text_style else "0"
        return INTER_LABELS[code] if text_style else str(code)

    code = interaction_code(inter1, inter2)
    return {
        "event_id_cnty": f"X{draw(st.integers(1, 10**9))}",
        "event_date": day.isoformat(),
        "year": str(day.year),
        "time_precision": str(draw(st.integers(1, 3))),
        "disorder_type": DISORDER_TYPE[sub],
        "event_type": event_type_of(sub),
        "sub_event_type": sub,
        "actor1": actor1,
        "assoc_actor_1": draw(assoc),
        "inter1": inter(inter1),
        "actor2": actor2,
        "assoc_actor_2": draw(assoc) if has_actor2 else "",
        "inter2": inter(inter2),
        "interaction": interaction_text(code) if text_style else str(code),
        "civilian_targeting": draw(st.sampled_from(["", CIVILIAN_TARGETING])),
        "iso": iso,
        "country": country,
        "admin1": draw(st.sampled_from(["", "Kharkiv", "Zamfara"])),
        "admin2": "",
        "location": town,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": str(draw(st.integers(1, 3))),
        "source": draw(st.sampled_from(["", "Reuters; AFP"])),
        "notes": draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=80)),
        "fatalities": str(draw(st.integers(0, 5000))),
    }


@settings(max_examples=60, deadline=None)
@given(row=acled_rows())
def test_round_trip_property(row: dict[str, str]) -> None:
    buffer = io.StringIO()
    write_acled_rows([row], buffer, neutralise=False)  # a lossless round trip: cells exactly as given
    result = result_from_acled_row(next(csv.DictReader(io.StringIO(buffer.getvalue()))))
    style = "text" if not row["inter1"].isdigit() else "numeric"
    again = acled_row(result.events[0], result, inter_style=style)  # type: ignore[arg-type]
    for column, value in row.items():
        if column in ("notes",):
            assert again[column] == value.strip(), column
        elif column == "inter2" and not row["actor2"]:
            assert again[column] in ("", "0"), column
        else:
            assert again[column] == value, column


def test_blank_lines_and_bom_around_the_header(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    write_csv(plain, [BASE])
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf\n\n" + plain.read_bytes() + b"\n\n")
    report = validate_acled(path)
    assert report.ok and report.records == 1, report.to_text()
    assert [r.document.id for r in read_acled(path)] == ["UKR100"]


def test_export_example_writes_both_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("export_results", EXAMPLES / "export_results.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = tmp_path / "results.jsonl"
    results.write_text(_extracted().model_dump_json() + "\n", encoding="utf-8")
    csv_path, geojson_path = tmp_path / "e.csv", tmp_path / "e.geojson"
    assert module.main([str(results), str(csv_path), str(geojson_path)]) == 0
    assert "wrote 1 ACLED rows" in capsys.readouterr().out
    assert next(read_acled(csv_path)).events[0].sub_event_type == "Shelling/artillery/missile attack"
    assert '"Sudzha"' in geojson_path.read_text(encoding="utf-8")


def test_events_dated_to_a_year_are_not_complete() -> None:
    result = _extracted()
    event = result.events[0]
    assert is_complete(event)
    year = TimeSpan(
        start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31), precision="year", anchor=dt.date(2025, 1, 13)
    )
    vague = event.model_copy(update={"date": year})
    assert not is_complete(vague)
    row = acled_row(vague, result)
    assert (row["event_date"], row["time_precision"]) == ("2024-07-01", "3")


def test_formula_cells_are_neutralised_unless_asked_not_to(tmp_path: Path) -> None:
    row = {"event_id_cnty": "A1", "notes": "=HYPERLINK(\"http://x\")", "actor1": "@mob",
           "latitude": "-56.7879", "interaction": "Rioters only"}

    def written(**options: bool) -> dict[str, str]:
        out = io.StringIO()
        write_acled_rows([row], out, **options)
        return next(csv.DictReader(io.StringIO(out.getvalue())))

    safe = written()
    assert (safe["notes"], safe["actor1"]) == ("'=HYPERLINK(\"http://x\")", "'@mob")
    assert (safe["latitude"], safe["interaction"]) == ("-56.7879", "Rioters only"), "numbers and text stay"
    assert written(neutralise=False)["notes"] == row["notes"]
    result = _extracted()
    event = result.events[0].model_copy(update={"actor1": result.actors[0].model_copy(update={"name": "+Gunmen"})})
    path = tmp_path / "events.csv"
    write_acled([result.model_copy(update={"events": (event,)})], path)
    assert next(csv.DictReader(path.open(encoding="utf-8")))["actor1"] == "'+Gunmen"
    write_acled([result.model_copy(update={"events": (event,)})], path, neutralise=False)
    assert next(csv.DictReader(path.open(encoding="utf-8")))["actor1"] == "+Gunmen"


def test_every_column_of_an_event_with_assoc_actors_in_both_styles() -> None:
    result = _extracted()
    event = result.events[0]
    text = result.document.text
    pilots = Actor(id="p", name="Air Force of Ukraine", kind="state_forces", country="UA",
                   affiliation=event.actor1.name if event.actor1 else None)  # fmt: skip
    villagers = Actor(id="v", name="Civilians (Russia)", kind="civilians", country="RU")
    killed = Figure(category="killed", low=4, text=Span.of(text, 64, 67))
    event = event.model_copy(
        update={"assoc_actors": (pilots, villagers), "fatalities": killed, "civilian_targeting": True}
    )
    row = acled_row(event, result)
    assert sorted(row) == sorted(ACLED_COLUMNS)
    assert row == {
        "event_id_cnty": "kursk-e1", "event_date": "2025-01-09", "year": "2025", "time_precision": "2",
        "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Ukraine (2019-)",
        "assoc_actor_1": "Air Force of Ukraine", "inter1": "External/Other forces",
        "actor2": "Military Forces of Russia (2000-)", "assoc_actor_2": "Civilians (Russia)",
        "inter2": "State forces", "interaction": "State forces-External/Other forces",
        "civilian_targeting": "Civilian targeting", "iso": "643", "region": "Europe", "country": "Russia",
        "admin1": "Kursk", "admin2": "", "admin3": "", "location": "Sudzha", "latitude": "51.1906",
        "longitude": "35.2708", "geo_precision": "1", "source": "Example Post", "source_scale": "",
        "notes": "Ukrainian forces shelled Russian positions in Sudzha last week.", "fatalities": "4",
        "tags": "", "timestamp": "",
    }  # fmt: skip
    numeric = acled_row(event, result, inter_style="numeric")
    assert numeric == {**row, "inter1": "8", "inter2": "1", "interaction": "18"}


def test_columns_of_an_event_without_place_or_actors() -> None:
    result = _extracted()
    located_by_actor = result.events[0].model_copy(update={"location": None, "actor2": None})
    row = acled_row(located_by_actor, result)
    # No place: the actor's own country; state forces at home are State forces.
    assert (row["country"], row["iso"], row["region"], row["inter1"], row["inter2"]) == (
        "Ukraine", "804", "Europe", "State forces", "")
    assert (row["interaction"], row["location"], row["latitude"], row["geo_precision"]) == (
        "State forces only", "", "", "")
    assert acled_row(located_by_actor, result, inter_style="numeric")["inter2"] == "0"
    nobody = result.events[0].model_copy(update={"location": None, "actor1": None, "actor2": None})
    for style in ("text", "numeric"):
        blank = acled_row(nobody, result, inter_style=style)  # type: ignore[arg-type]
        assert {k for k, v in blank.items() if v} == {
            "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
            "sub_event_type", "source", "notes", "fatalities", *(("inter2",) if style == "numeric" else ()),
        }
        assert blank["fatalities"] == "0"
