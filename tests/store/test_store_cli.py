"""``conflict-events store ingest|export|query`` and ``extract --db``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from conflict_events.cli import main
from conflict_events.store import EventStore


def results_file(tmp_path: Path, scenario: Any, bad_line: bool = False) -> Path:
    path = tmp_path / "results.jsonl"
    lines = [r.model_dump_json() for r in scenario.results]
    if bad_line:
        lines.append("{}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_ingest_export_and_query(tmp_path: Path, scenario: Any, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "events.sqlite"
    assert main(["store", "ingest", str(results_file(tmp_path, scenario)), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "7 documents added, 0 replaced, 0 unchanged, 0 failed" in err
    assert "the store holds 7 documents, 7 events in 4 fused events" in err

    out = tmp_path / "fused.jsonl"
    assert main(["store", "export", "--db", str(db), "--format", "jsonl", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    capsys.readouterr()

    assert main(["store", "export", "--db", str(db), "--format", "acled-csv", "--country", "UA",
                 "--fatality-rule", "highest"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["location"], r["fatalities"]) for r in rows] == [("Kupiansk", "7"), ("Kupiansk", "0")]

    assert main(["store", "query", "--db", str(db), "--country", "BF", "--admin1", "Sahel", "--since",
                 "2025-01-01", "--type", "Violence against civilians"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["id", "date", "type", "country", "admin1", "location", "killed", "(range)",
                                "reports"]
    assert table[1].split()[1:] == ["2025-05-03", "Attack", "BF", "Sahel", "Djibo", "30", "(30-41)", "2"]

    assert main(["store", "query", "--db", str(db), "--min-reports", "3", "--json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["documents"] == 3


def test_a_bad_line_fails_the_run_but_not_the_others(tmp_path: Path, scenario: Any,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "events.sqlite"
    assert main(["store", "ingest", str(results_file(tmp_path, scenario, bad_line=True)), "--db", str(db)]) == 1
    assert "results.jsonl:8: RecordError" in capsys.readouterr().err
    with EventStore(db) as store:
        assert store.counts()["documents"] == 7


def test_usage_errors_name_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["store", "query", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "none.sqlite: no store here" in capsys.readouterr().err
    db = tmp_path / "events.sqlite"
    EventStore(db).close()
    assert main(["store", "query", "--db", str(db), "--type", "Skirmish"]) == 2
    assert "--type: unknown event type 'Skirmish'" in capsys.readouterr().err


def test_extract_straight_into_a_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "news.jsonl"
    docs.write_text("\n".join(json.dumps(d) for d in [
        {"id": "a", "date": "2025-03-10", "source": "Wire One",
         "text": "Russian forces shelled Kupiansk on Sunday, killing four civilians, the governor said."},
        {"id": "b", "date": "2025-03-10", "source": "Daily Two",
         "text": "Four civilians were killed when Russian artillery shelled Kupiansk on Sunday, officials said."},
    ]) + "\n", encoding="utf-8")
    db = tmp_path / "events.sqlite"
    assert main(["extract", str(docs), "--db", str(db), "--no-progress"]) == 0
    assert "store: 2 documents added" in capsys.readouterr().err
    assert not list(tmp_path.glob(".conflict-events-*"))  # the temporary results are gone
    with EventStore(db) as store:
        assert store.counts()["documents"] == 2
        fused = [f for f in store.fused_events() if len(f.document_ids) == 2]
    assert fused and fused[0].sources == ("Wire One", "Daily Two")
    assert main(["schema", "--model", "fused"]) == 0
    assert '"by_document"' in capsys.readouterr().out
