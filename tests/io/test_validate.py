"""validate: every bad line reported with its number and reason, counts per rule, never stopping early."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conflict_events.errors import InputError
from conflict_events.io.validate import ReportBuilder, ValidationFailure, ValidationReport, validate_path
from conflict_events.schema import Document, ExtractionResult


def good(doc_id: str) -> str:
    return ExtractionResult(
        document=Document(id=doc_id, text="Shelling.", date=dt.date(2025, 1, 5))
    ).model_dump_json()


def test_every_invalid_line_is_reported(tmp_path: Path) -> None:
    broken_span = json.loads(good("e"))
    broken_span["times"] = [
        {
            "start": "2025-01-05",
            "end": "2025-01-05",
            "precision": "day",
            "anchor": "2025-01-05",
            "text": "x",
            "mention": {"text": "Nope", "start": 0, "end": 4},
        }
    ]
    lines = [
        good("a"),
        "{oops",
        "[1, 2]",
        good("a"),
        "",
        json.dumps({"document": {"id": "d"}}),
        json.dumps(broken_span),
        good("f"),
    ]
    path = tmp_path / "out.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe\n")
    seen: list[ValidationFailure] = []
    report = validate_path(path, on_failure=seen.append)
    assert report.records == 8 and report.invalid == 6 and report.valid == 2 and not report.ok
    assert [f.line for f in report.failures] == [2, 3, 4, 6, 6, 7, 9]
    assert report.rules == {
        "duplicate_id": 1,
        "encoding": 1,
        "json_syntax": 1,
        "not_an_object": 1,
        "schema.missing": 2,
        "schema.value_error": 1,
    }
    assert {f.field for f in report.failures if f.line == 6} == {"document.text", "document.date"}
    assert seen == list(report.failures)
    text = report.to_text()
    assert f"{path}:2: not JSON" in text and text.splitlines()[-1].startswith(f"{path}: INVALID: 8 records")


def test_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(good("a") + "\n" + good("b") + "\n", encoding="utf-8")
    report = validate_path(path)
    assert report.ok and report.records == 2 and report.summary().endswith("2 valid, 0 invalid")


def test_report_to_json_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("{bad\n", encoding="utf-8")
    report = validate_path(path)
    assert ValidationReport.model_validate_json(report.to_json()) == report


def test_stored_failures_are_capped_but_counts_are_exact(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("{bad\n" * 50, encoding="utf-8")
    seen: list[ValidationFailure] = []
    report = validate_path(path, max_failures=10, on_failure=seen.append)
    assert report.invalid == 50 and len(report.failures) == 10 and report.failures_omitted == 40
    assert len(seen) == 50
    assert "40 more failures" in report.to_text()


def test_report_builder_counts_a_record_once() -> None:
    b = ReportBuilder("x.csv", "acled")
    for line in (2, 3, 4):
        b.check(line)
    b.fail(3, "acled.a", "first")
    b.fail(3, "acled.b", "second", field="col")
    b.fail(0, "acled.header", "no header")
    r = b.report()
    # The file-level failure is not a record: the counts add up.
    assert (r.records, r.valid, r.invalid, r.file_errors) == (3, 2, 1, 1) and not r.ok
    assert r.rules == {"acled.a": 1, "acled.b": 1, "acled.header": 1}
    assert r.failures[2].to_text("x.csv") == "x.csv: no header [acled.header]"


def test_unreadable_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        validate_path(tmp_path / "absent.jsonl")
    with pytest.raises(InputError, match="unknown format"):
        validate_path(tmp_path / "x", "xml")


def test_dataset_formats_dispatch_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import types

    def fake(path: str | Path) -> ValidationReport:
        b = ReportBuilder(path, "acled")
        b.check(2)
        b.fail(2, "acled.event_type", "bad", field="event_type")
        return b.report()

    module = types.ModuleType("conflict_events.io.acled")
    module.validate_acled = fake  # type: ignore[attr-defined]
    monkeypatch.setitem(__import__("sys").modules, "conflict_events.io.acled", module)
    seen: list[ValidationFailure] = []
    report = validate_path(tmp_path / "x.csv", "acled", on_failure=seen.append)
    assert report.format == "acled" and report.invalid == 1 and len(seen) == 1
