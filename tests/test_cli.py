"""The command line: every command, and bad input reported in one line naming it, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from conflict_events.cli import main
from conflict_events.schema import Document, ExtractionResult

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "articles" / "kharkiv-2025-03-09.txt"

Capture = pytest.CaptureFixture[str]


@pytest.fixture
def light(tmp_path: Path) -> str:
    """A one-step pipeline: these tests are about the command line, not extraction quality."""
    path = tmp_path / "light.toml"
    path.write_text('[[steps]]\nname = "conflict_events.time.v1"\n', encoding="utf-8")
    return str(path)


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


def test_no_date_is_an_error_naming_the_file(tmp_path: Path, light: str, capsys: Capture) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Shelling hit Izium.", encoding="utf-8")
    status, out, err = run(capsys, "extract", str(path), "--pipeline", light, "--no-progress")
    assert status == 1 and out == ""
    assert f"{path} [undated]: MissingDateError: no publication date" in err
    status, out, _ = run(capsys, "extract", str(path), "--pipeline", light, "--date", "2025-01-05")
    assert status == 0 and json.loads(out)["document"]["date"] == "2025-01-05"


def test_undecodable_bytes(tmp_path: Path, light: str, capsys: Capture) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"date 2025-01-05 Caf\xe9 shelled.")
    status, _, err = run(capsys, "extract", str(path), "--pipeline", light)
    assert status == 1 and f"{path}: DecodeError" in err and "--replace-errors" in err
    status, out, _ = run(capsys, "extract", str(path), "--pipeline", light, "--replace-errors")
    assert status == 0 and "\ufffd" in json.loads(out)["document"]["text"]


def test_empty_text_gives_an_empty_valid_result(tmp_path: Path, light: str, capsys: Capture) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("   \n\t\n", encoding="utf-8")
    out_path = tmp_path / "out.jsonl"
    status, _, _ = run(
        capsys, "extract", str(path), "--date", "2025-01-05", "--pipeline", light, "-o", str(out_path)
    )
    assert status == 0
    result = ExtractionResult.model_validate_json(out_path.read_text())
    assert (result.events, result.claims, result.times) == ((), (), ())


def test_malformed_jsonl_lines_are_reported_and_good_lines_written(
    tmp_path: Path, light: str, capsys: Capture
) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Clashes on Sunday.", "date": "2025-01-05"}),
        "{oops",
        json.dumps({"id": "c", "text": "No date."}),
        json.dumps({"id": "d", "text": "More.", "date": "2025-01-06"}),
    ]
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out_path, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status, _, err = run(
        capsys, "extract", str(src), "--pipeline", light, "-o", str(out_path), "--errors", str(errors)
    )
    assert status == 1
    assert [json.loads(x)["document"]["id"] for x in out_path.read_text().splitlines()] == ["a", "d"]
    assert f"{src}:2: RecordError" in err and f"{src}:3 [c]: RecordError" in err
    assert [json.loads(x)["line"] for x in errors.read_text().splitlines()] == [2, 3]
    # the id of a record that was read is named, even though the record failed
    assert [json.loads(x)["id"] for x in errors.read_text().splitlines()] == [None, "c"]
    assert "2 documents extracted, 2 failed" in err


def test_missing_input_path(tmp_path: Path, light: str, capsys: Capture) -> None:
    status, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"), "--pipeline", light)
    assert status == 1 and "no such file" in err


def test_run_stopping_errors_exit_2_in_one_line(tmp_path: Path, capsys: Capture) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[[steps]]\nname = 3\n", encoding="utf-8")
    status, _, err = run(capsys, "extract", str(tmp_path), "--pipeline", str(bad))
    assert status == 2 and err.startswith("conflict-events: error: ") and str(bad) in err
    status, _, err = run(capsys, "extract", str(tmp_path), "--resume")
    assert status == 2 and "--resume" in err


def test_bad_arguments_are_usage_errors(capsys: Capture) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "x.txt", "--date", "05/01/2025"])
    assert info.value.code == 2
    assert "is not a date YYYY-MM-DD" in capsys.readouterr().err


def test_validate(tmp_path: Path, capsys: Capture) -> None:
    good = ExtractionResult(document=Document(id="a", text="", date="2025-01-05")).model_dump_json()  # type: ignore[arg-type]
    path = tmp_path / "out.jsonl"
    path.write_text(good + "\n{bad\n" + good + "\n", encoding="utf-8")
    report = tmp_path / "report.json"
    status, out, _ = run(capsys, "validate", str(path), "--output", str(report))
    assert status == 1
    assert f"{path}:2: not JSON" in out and f"{path}:3: document.id: document id 'a'" in out
    assert json.loads(report.read_text())["invalid"] == 2
    path.write_text(good + "\n", encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(path))
    assert status == 0 and "1 valid, 0 invalid" in out


def test_validate_missing_file(tmp_path: Path, capsys: Capture) -> None:
    status, _, err = run(capsys, "validate", str(tmp_path / "nope.jsonl"))
    assert status == 2 and "cannot read file" in err


def test_schema(capsys: Capture) -> None:
    status, out, _ = run(capsys, "schema")
    schema = json.loads(out)
    assert status == 0 and schema["title"] == "ExtractionResult" and "2020-12" in schema["$schema"]
    _, out, _ = run(capsys, "schema", "--model", "event")
    assert json.loads(out)["title"] == "Event"


def test_plugins(capsys: Capture) -> None:
    status, out, _ = run(capsys, "plugins")
    assert status == 0 and "conflict_events.events.v1" in out and "conflict-events" in out
    _, out, _ = run(capsys, "plugins", "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["conflict_events.time.v1"]["status"] == "ok"


def _results_file(tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    lines = [
        ExtractionResult(document=Document(id=i, text="x", date="2025-01-05")).model_dump_json()  # type: ignore[arg-type]
        for i in ("a", "b")
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_render_dispatches_to_the_renderer(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = types.ModuleType("conflict_events.render")
    fake.render_html = lambda result: f"<html>{result.document.id}</html>"  # type: ignore[attr-defined]
    fake.render_results = lambda results, title: f"<html>{title}: {[r.document.id for r in results]}</html>"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "conflict_events.render", fake)
    path = _results_file(tmp_path)
    html = tmp_path / "page.html"
    status, _, _ = run(capsys, "render", str(path), "-o", str(html), "--id", "b")
    assert status == 0 and html.read_text() == "<html>b</html>"
    status, out, _ = run(capsys, "render", str(path))
    assert out == f"<html>{path.name}: ['a', 'b']</html>", "without --id: one page for the whole file"
    status, _, err = run(capsys, "render", str(path), "--id", "zzz")
    assert status == 2 and "no document with id 'zzz'" in err


def test_render_without_a_renderer_is_a_clear_error(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "conflict_events.render", None)
    status, _, err = run(capsys, "render", str(_results_file(tmp_path)))
    assert status == 2 and "renderer is not available" in err


def test_python_dash_m_end_to_end_on_the_example_article(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "conflict_events", "extract", str(EXAMPLE), "-o", str(out), "--no-progress"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr and "1 documents extracted, 0 failed" in proc.stderr
    result = ExtractionResult.model_validate_json(out.read_text())
    assert result.document.id == "kharkiv-2025-03-09" and result.events


def test_subprocess_bad_input_shows_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "undated.txt").write_text("No date.", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "conflict_events", "validate", str(tmp_path / "undated.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (
        proc.returncode == 1 and "Traceback" not in proc.stderr and "undated.txt:1: not JSON" in proc.stdout
    )


def test_dask_engine_options_are_checked_before_anything_runs(tmp_path: Path, capsys: Capture) -> None:
    status, _, err = run(capsys, "extract", str(tmp_path), "--engine", "dask")
    assert status == 2 and "give -o OUT_DIR" in err
    status, _, err = run(
        capsys, "extract", str(tmp_path), "--engine", "dask", "-o", str(tmp_path / "o"),
        "--errors", str(tmp_path / "errors.jsonl"),
    )
    assert status == 2 and "--errors: not available with --engine dask" in err
    status, _, err = run(capsys, "extract", str(tmp_path), "--npartitions", "4")
    assert status == 2 and "--npartitions: only used with --engine dask" in err


def test_stdin_input(tmp_path: Path, light: str) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "conflict_events",
            "extract",
            "-",
            "--date",
            "2025-03-09",
            "--pipeline",
            light,
        ],
        input="Shelling hit Izium on Sunday.",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = ExtractionResult.model_validate_json(proc.stdout)
    assert result.document.date.isoformat() == "2025-03-09" and result.times


def test_a_mistyped_option_prints_its_commands_usage(capsys: Capture) -> None:
    for argv, command in ((["extract", "x.txt", "--wrkers", "2", "--no-progress"], "extract"),
                          (["validate", "x.csv", "--formt", "acled"], "validate")):
        with pytest.raises(SystemExit) as info:
            main(argv)
        err = capsys.readouterr().err
        assert info.value.code == 2
        assert err.startswith(f"usage: conflict-events {command} ")
        assert f"conflict-events {command}: error: unrecognized arguments: " in err


class _Spin:
    name, version = "test.cli-spin.v1", "1"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, doc: object, draft: Any) -> Any:
        while "SPIN" in draft.text:
            pass
        return draft


def test_time_budget_option(tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    from conflict_events.registry import registry

    monkeypatch.setitem(registry._local, _Spin.name, _Spin)
    steps = tmp_path / "spin.toml"
    steps.write_text(f'[[steps]]\nname = "{_Spin.name}"\n', encoding="utf-8")
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t, "date": "2025-01-05"}) + "\n"
                           for i, t in (("calm", "Clashes."), ("stuck", "SPIN"))), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    status, _, err = run(capsys, "extract", str(src), "--pipeline", str(steps), "--time-budget", "0.3",
                         "-o", str(tmp_path / "out.jsonl"), "--errors", str(errors), "--no-progress")
    assert status == 1 and "1 documents extracted, 1 failed" in err
    record = json.loads(errors.read_text(encoding="utf-8"))
    assert record["id"] == "stuck" and "time budget of 0.3 s" in record["reason"]
    with pytest.raises(SystemExit):
        main(["extract", str(src), "--time-budget", "soon"])
    assert "'soon' is not a number of seconds" in capsys.readouterr().err
