"""Readers: dated text, JSONL documents (bad lines reported, good ones kept), folders, globs, stdin."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from conflict_events.errors import DecodeError, InputError, MissingDateError, RecordError
from conflict_events.io.readers import (
    document_from_record,
    expand_inputs,
    iter_documents,
    iter_sourced_documents,
    read_jsonl_documents,
    read_text_file,
)

DATE = dt.date(2025, 1, 5)


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_text_file_with_header(tmp_path: Path) -> None:
    doc = read_text_file(write(tmp_path / "kharkiv-1.txt", "date 2025-01-05 Shelling hit Kharkiv.\n\nMore."))
    assert (doc.id, doc.date, doc.text) == ("kharkiv-1", DATE, "Shelling hit Kharkiv.\n\nMore.")


def test_leading_space_and_bom_before_the_header(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path / "a.txt", " date 2025-01-05 X.")).date == DATE
    assert read_text_file(write(tmp_path / "b.txt", "\ufeffdate 2025-01-05 X.")).text == "X."


def test_missing_date_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "undated.txt", "Shelling hit Kharkiv.")
    with pytest.raises(MissingDateError) as info:
        read_text_file(path)
    assert str(path) in str(info.value)


def test_caller_date_dates_an_undated_file(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path / "u.txt", "Shelling."), date=DATE).date == DATE


def test_header_date_wins_over_caller_date(tmp_path: Path) -> None:
    path = write(tmp_path / "h.txt", "date 2024-02-03 Shelling.")
    assert read_text_file(path, date=DATE).date == dt.date(2024, 2, 3)


def test_bad_header_date_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="bad date header"):
        read_text_file(write(tmp_path / "bad.txt", "date 2025-13-45 Shelling."))


def test_undecodable_bytes_name_the_file_or_are_replaced(tmp_path: Path) -> None:
    path = write(tmp_path / "latin.txt", b"date 2025-01-05 Caf\xe9 shelled.")
    with pytest.raises(DecodeError) as info:
        read_text_file(path)
    assert str(path) in str(info.value) and "--replace-errors" in str(info.value)
    assert read_text_file(path, replace_errors=True).text == "Caf\ufffd shelled."


def test_empty_text_is_a_document(tmp_path: Path) -> None:
    assert read_text_file(write(tmp_path / "empty.txt", "date 2025-01-05   \n  ")).text.strip() == ""


def test_jsonl_bad_lines_are_reported_by_number_and_good_lines_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Clashes in Kursk.", "date": "2025-01-05", "title": "T"}),
        "{not json",
        json.dumps({"id": "c", "text": "No date."}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "f", "text": 5, "date": "2025-01-05"}),
        json.dumps({"text": "No id.", "date": "2025-01-06T08:00:00Z", "lang": "en"}),
        json.dumps({"id": "h", "text": "Bad date.", "date": "yesterday"}),
    ]
    path = write(tmp_path / "docs.jsonl", "\n".join(lines) + "\n")
    errors: list[InputError] = []
    docs = list(read_jsonl_documents(path, on_error=errors.append))
    assert [d.id for d in docs] == ["a", docs[1].id]
    assert docs[0].title == "T"
    assert docs[1].id.startswith("doc-") and docs[1].date == dt.date(2025, 1, 6)
    assert [e.line for e in errors if isinstance(e, RecordError)] == [2, 3, 5, 6, 8]
    assert all(str(path) in str(e) for e in errors)


def test_jsonl_caller_date_fills_missing_dates(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", json.dumps({"id": "c", "text": "No date."}) + "\n")
    assert [d.date for d in read_jsonl_documents(path, date=DATE)] == [DATE]


def test_jsonl_without_on_error_raises_at_the_first_bad_line(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", "\n{bad\n")
    with pytest.raises(RecordError) as info:
        list(read_jsonl_documents(path))
    assert info.value.line == 2


def test_jsonl_undecodable_line_is_reported_or_replaced(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "ok", "date": "2025-01-05"}).encode()
    bad = b'{"id": "b", "text": "caf\xe9", "date": "2025-01-05"}'
    path = write(tmp_path / "d.jsonl", good + b"\n" + bad + b"\n")
    errors: list[InputError] = []
    assert [d.id for d in read_jsonl_documents(path, on_error=errors.append)] == ["a"]
    assert isinstance(errors[0], RecordError) and errors[0].line == 2
    assert [d.text for d in read_jsonl_documents(path, replace_errors=True)] == ["ok", "caf\ufffd"]


def test_document_from_record_rejects_an_overlong_id() -> None:
    with pytest.raises(RecordError, match="id"):
        document_from_record({"id": "x" * 500, "text": "t", "date": "2025-01-05"}, source="s", line=1)


def test_folders_and_globs_expand_sorted(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.jsonl", ".hidden/x.txt", "notes.csv"):
        write(tmp_path / name, "")
    assert [Path(p).name for p in expand_inputs([tmp_path])] == ["a.txt", "b.txt", "c.jsonl"]
    assert [Path(p).name for p in expand_inputs([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]
    assert [Path(p).name for p in expand_inputs([tmp_path], exclude=[tmp_path / "b.txt"])] == [
        "a.txt",
        "c.jsonl",
    ]


def test_missing_paths_and_empty_globs_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(expand_inputs([tmp_path / "nope.txt"]))
    errors: list[InputError] = []
    assert list(expand_inputs([str(tmp_path / "*.nothing")], on_error=errors.append)) == []
    assert "matches no file" in str(errors[0])


def test_iter_documents_mixes_inputs_and_goes_on_after_errors(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "date 2025-01-05 A.")
    write(tmp_path / "b.txt", "undated")
    write(tmp_path / "c.jsonl", json.dumps({"id": "c1", "text": "C.", "date": "2025-01-05"}) + "\n[1]\n")
    errors: list[InputError] = []
    items = list(iter_sourced_documents([tmp_path, tmp_path / "missing.txt"], on_error=errors.append))
    assert [(Path(i.origin).name, i.document.id) for i in items] == [("a.txt", "a"), ("c.jsonl:1", "c1")]
    assert [type(e).__name__ for e in errors] == ["MissingDateError", "RecordError", "InputError"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text_document(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"date 2025-01-05 Shelling hit Izium.")
    [doc] = iter_documents(["-"])
    assert doc.date == DATE and doc.text == "Shelling hit Izium." and doc.id.startswith("doc-")


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"d{i}", "text": "x", "date": "2025-01-05"}) for i in range(3)]
    _stdin(monkeypatch, ("\n" + "\n".join(lines) + "\n").encode())
    assert [d.id for d in iter_documents(["-"])] == ["d0", "d1", "d2"]


def test_stdin_without_date_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"Shelling hit Izium.")
    with pytest.raises(MissingDateError, match="<stdin>"):
        list(iter_documents(["-"]))


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = write(
        tmp_path / "many.jsonl",
        "".join(json.dumps({"id": f"d{i}", "text": "x", "date": "2025-01-05"}) + "\n" for i in range(1000)),
    )
    stream = iter_documents([path])
    assert next(stream).id == "d0"  # one line read, not the whole file


@pytest.mark.parametrize("first_line", ["date 09-03-2025", "date 2025/03/09 Troops shelled the town.", "Date 9.3.2025"])
def test_a_malformed_date_header_is_an_error_even_with_a_default_date(first_line: str) -> None:
    from conflict_events.errors import InputError
    from conflict_events.io.readers import read_text

    raw = first_line + "\nTroops shelled the town on Sunday."
    with pytest.raises(InputError, match="bad date header") as caught:
        read_text(raw, source="notes.txt", date=dt.date(2025, 3, 9), id="notes")
    assert caught.value.document_id == "notes"  # the id is known and named


@pytest.mark.parametrize("text", ["Dates of the war are disputed.", "date: unknown, the paper said.\nMore."])
def test_a_text_that_only_starts_with_the_word_date_is_text(text: str) -> None:
    from conflict_events.io.readers import read_text

    assert read_text(text, source="a.txt", date=dt.date(2025, 3, 9)).text == text
