"""The batch runner: streaming, ordered output, failures logged while the run goes on, resume, workers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from conflict_events.batch import count_documents, run_batch
from conflict_events.draft import Draft
from conflict_events.errors import ConflictEventsError, InputError, PipelineError
from conflict_events.io.validate import validate_path
from conflict_events.pipeline import Pipeline


class Boom:
    """Fails on any document that says BOOM."""

    name = "test.boom.v1"
    version = "1"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, doc: Any, draft: Draft) -> Draft:
        if "BOOM" in draft.text:
            raise RuntimeError("boom")
        return draft


@pytest.fixture(scope="module")
def light(nlp: Language) -> Pipeline:
    return Pipeline(["conflict_events.time.v1", Boom()], nlp=nlp)


@pytest.fixture
def light_toml(tmp_path: Path) -> Path:
    path = tmp_path / "light.toml"
    path.write_text('[[steps]]\nname = "conflict_events.time.v1"\n', encoding="utf-8")
    return path


def jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8"
    )
    return path


def ids(path: Path) -> list[str]:
    return [json.loads(line)["document"]["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_failures_are_logged_and_the_run_goes_on(tmp_path: Path, light: Pipeline) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("date 2025-01-05 Shelling hit Izium on Sunday.", encoding="utf-8")
    (src / "b.txt").write_text("No date here.", encoding="utf-8")
    (src / "c.txt").write_bytes(b"date 2025-01-05 Caf\xe9.")
    (src / "d.txt").write_text("date 2025-01-05 BOOM.", encoding="utf-8")
    (src / "e.txt").write_text("date 2025-01-05   \n ", encoding="utf-8")
    jsonl(
        src / "f.jsonl",
        [
            {"id": "f1", "text": "Clashes.", "date": "2025-01-05"},
            "{bad",
            {"id": "f3", "text": "x"},
            {"id": "f4", "text": "More clashes.", "date": "2025-01-06"},
        ],
    )
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([src], output=out, errors=errors, pipeline=light, log=None)
    assert ids(out) == ["a", "e", "f1", "f4"]
    assert validate_path(out).ok
    empty = json.loads(out.read_text().splitlines()[1])
    assert empty["events"] == [] and empty["document"]["text"].strip() == ""
    # Reading errors are logged as soon as they are read, extraction errors when their chunk is done.
    logged = sorted(
        (json.loads(line) for line in errors.read_text().splitlines()),
        key=lambda e: (e["path"], e["line"] or 0),
    )
    assert [(Path(e["path"]).name, e["line"], e["error"]) for e in logged] == [
        ("b.txt", None, "MissingDateError"),
        ("c.txt", None, "DecodeError"),
        ("d.txt", None, "ExtractionError"),
        ("f.jsonl", 2, "RecordError"),
        ("f.jsonl", 3, "RecordError"),
    ]
    assert logged[2]["id"] == "d" and "boom" in logged[2]["reason"]
    assert (summary.written, summary.failed, summary.ok) == (4, 5, False)


def test_date_and_replace_errors(tmp_path: Path, light: Pipeline) -> None:
    (tmp_path / "b.txt").write_text("No date here.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"date 2025-01-05 Caf\xe9.")
    import datetime as dt

    out = tmp_path / "o" / "out.jsonl"
    summary = run_batch(
        [tmp_path / "b.txt", tmp_path / "c.txt"],
        output=out,
        pipeline=light,
        log=None,
        date=dt.date(2025, 2, 1),
        replace_errors=True,
    )
    assert summary.ok and ids(out) == ["b", "c"]


def test_resume_skips_finished_documents_and_repairs_a_cut_line(tmp_path: Path, light: Pipeline) -> None:
    docs = jsonl(
        tmp_path / "docs.jsonl",
        [{"id": f"d{i}", "text": f"Text {i}.", "date": "2025-01-05"} for i in range(5)],
    )
    out = tmp_path / "out.jsonl"
    run_batch([docs], output=out, pipeline=light, log=None)
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:20], encoding="utf-8")  # killed while writing d2
    summary = run_batch([docs], output=out, pipeline=light, resume=True, log=None)
    assert ids(out) == ["d0", "d1", "d2", "d3", "d4"]
    assert (summary.skipped, summary.written) == (2, 3)
    assert validate_path(out).ok


def test_resume_needs_an_output_file(tmp_path: Path, light: Pipeline) -> None:
    with pytest.raises(InputError, match="--resume"):
        run_batch([tmp_path], resume=True, pipeline=light, log=None)


def test_output_of_a_run_inside_its_input_folder_is_not_read_back(tmp_path: Path, light: Pipeline) -> None:
    (tmp_path / "a.txt").write_text("date 2025-01-05 A.", encoding="utf-8")
    summary = run_batch(
        [tmp_path], output=tmp_path / "out.jsonl", errors=tmp_path / "err.jsonl", pipeline=light, log=None
    )
    assert summary.ok and summary.read == 1


def test_stdout_is_the_default_output(
    tmp_path: Path, light: Pipeline, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("date 2025-01-05 A.", encoding="utf-8")
    run_batch([tmp_path / "a.txt"], pipeline=light, log=None)
    assert json.loads(capsys.readouterr().out)["document"]["id"] == "a"


def test_failures_are_reported_on_the_log(tmp_path: Path, light: Pipeline) -> None:
    import io

    (tmp_path / "b.txt").write_text("undated", encoding="utf-8")
    log = io.StringIO()
    run_batch([tmp_path / "b.txt"], output=tmp_path / "o.jsonl", pipeline=light, log=log)
    assert f"{tmp_path / 'b.txt'} [b]: MissingDateError" in log.getvalue()


def test_bad_settings_are_refused(tmp_path: Path, light: Pipeline) -> None:
    with pytest.raises(InputError, match="batch size"):
        run_batch([tmp_path], batch_size=0, pipeline=light, log=None)
    with pytest.raises(PipelineError, match="TOML"):
        run_batch([tmp_path], workers=2, pipeline=light, log=None)


def test_count_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    jsonl(tmp_path / "b.jsonl", ["{}", "", "{}", "{}"])
    assert count_documents([tmp_path]) == 4
    assert count_documents([tmp_path, "-"]) is None


def test_two_workers_give_the_same_output_in_the_same_order(tmp_path: Path, light_toml: Path) -> None:
    docs = jsonl(
        tmp_path / "docs.jsonl",
        [
            {"id": f"d{i:02d}", "text": f"Clashes on Sunday near town {i}.", "date": "2025-01-05"}
            for i in range(40)
        ]
        + ["{bad"],
    )
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1 = run_batch([docs], output=one, pipeline=light_toml, batch_size=4, log=None)
    s2 = run_batch([docs], output=two, pipeline=light_toml, batch_size=4, workers=2, log=None)
    assert one.read_text() == two.read_text()
    assert (s1.written, s1.failed) == (s2.written, s2.failed) == (40, 1)


def test_a_bad_pipeline_file_stops_the_workers_with_its_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2025-01-05 A.", encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[steps]]\nname = "no.such.v1"\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"no\.such\.v1"):
        run_batch([tmp_path / "a.txt"], output=tmp_path / "o.jsonl", pipeline=bad, workers=2, log=None)


def test_progress_bar_reports_documents_and_words_per_second(tmp_path: Path, light: Pipeline) -> None:
    import io

    jsonl(
        tmp_path / "d.jsonl",
        [{"id": f"d{i}", "text": "Clashes on Sunday.", "date": "2025-01-05"} for i in range(5)],
    )
    log = io.StringIO()
    run_batch(
        [tmp_path / "d.jsonl"],
        output=tmp_path / "o.jsonl",
        pipeline=light,
        progress=True,
        log=log,
        batch_size=2,
    )
    assert "5/5" in log.getvalue() and "words/s" in log.getvalue()


def test_a_worker_that_dies_stops_the_run_with_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A plugin that kills its process, installed as a temporary distribution that spawned workers also see.
    (tmp_path / "dying_plugin_mod.py").write_text(
        "import os\n"
        "class Dying:\n"
        "    name, version, requires, provides = 'test.dying.v1', '1', frozenset(), frozenset()\n"
        "    def __call__(self, doc, draft):\n"
        "        os._exit(3)\n",
        encoding="utf-8",
    )
    info = tmp_path / "dying_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: dying-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[conflict_events.extractors]\ntest.dying.v1 = dying_plugin_mod:Dying\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    toml = tmp_path / "dying.toml"
    toml.write_text('[[steps]]\nname = "test.dying.v1"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2025-01-05 A.", encoding="utf-8")
    with pytest.raises(ConflictEventsError, match="worker process died"):
        run_batch([tmp_path / "a.txt"], output=tmp_path / "o.jsonl", pipeline=toml, workers=2, log=None)
