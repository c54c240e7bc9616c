"""Writers: one flushed line per result, error records, resume helpers."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from conflict_events.errors import MissingDateError, RecordError
from conflict_events.io.writers import (
    ErrorLog,
    ErrorRecord,
    JsonlWriter,
    completed_ids,
    read_results,
    repair_tail,
    split_origin,
)
from conflict_events.schema import Document, ExtractionResult


def result(doc_id: str, text: str = "Shelling.") -> ExtractionResult:
    return ExtractionResult(document=Document(id=doc_id, text=text, date=dt.date(2025, 1, 5)))


def test_each_line_is_flushed_as_written(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "out.jsonl"
    with JsonlWriter(path) as out:
        out.write(result("a"))
        # Readable before the writer is closed: a crash loses nothing already written.
        assert completed_ids(path) == {"a"}
        out.write(result("b", "Line\nbreak"))
    assert path.read_text(encoding="utf-8").count("\n") == 2
    assert [r.document.id for r in read_results(path)] == ["a", "b"]


def test_append_mode_keeps_earlier_lines(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as out:
        out.write(result("a"))
    with JsonlWriter(path, append=True) as out:
        out.write(result("b"))
    assert completed_ids(path) == {"a", "b"}


def test_writing_to_a_stream() -> None:
    buffer = io.StringIO()
    with JsonlWriter(buffer) as out:
        out.write(result("a"))
    assert not buffer.closed
    assert json.loads(buffer.getvalue())["document"]["id"] == "a"


def test_repair_tail_drops_a_cut_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    full = result("a").model_dump_json() + "\n"
    path.write_text(full + result("b").model_dump_json()[:30], encoding="utf-8")
    assert completed_ids(path) == {"a"}
    assert repair_tail(path)
    assert path.read_text(encoding="utf-8") == full
    assert not repair_tail(path)
    assert not repair_tail(tmp_path / "absent.jsonl")


def test_repair_tail_of_a_single_cut_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"schema_version', encoding="utf-8")
    assert repair_tail(path) and path.read_text() == ""


def test_error_records_carry_path_line_and_reason() -> None:
    rec = ErrorRecord.of(RecordError("not JSON", source="in.jsonl", line=7), id=None)
    assert (rec.path, rec.line, rec.error, rec.reason) == ("in.jsonl", 7, "RecordError", "not JSON")
    rec = ErrorRecord.of(MissingDateError("no date", source="a.txt"))
    assert (rec.path, rec.line) == ("a.txt", None)
    assert rec.to_text() == "a.txt: MissingDateError: no date"


def test_error_log(tmp_path: Path) -> None:
    path = tmp_path / "errors.jsonl"
    with ErrorLog(path) as log:
        log.record(MissingDateError("no date", source="a.txt"), id="a")
    assert json.loads(path.read_text()) == {
        "id": "a",
        "path": "a.txt",
        "line": None,
        "error": "MissingDateError",
        "reason": "no date",
    }


@pytest.mark.parametrize(
    ("origin", "expected"),
    [
        ("a.jsonl:12", ("a.jsonl", 12)),
        ("a.txt", ("a.txt", None)),
        ("C:/x.txt", ("C:/x.txt", None)),
        (None, (None, None)),
    ],
)
def test_split_origin(origin: str | None, expected: tuple[str | None, int | None]) -> None:
    assert split_origin(origin) == expected


def test_read_results_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(result("a").model_dump_json() + "\n{}\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        list(read_results(path))
    assert info.value.line == 2
