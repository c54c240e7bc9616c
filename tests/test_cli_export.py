"""`conflict-events export` and `extract --format`: dataset files from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conflict_events.cli import main
from conflict_events.io.writers import JsonlWriter


def _load_result() -> object:
    # the records built by the exporters' own tests (tests/ is not a package)
    import importlib.util

    spec = importlib.util.spec_from_file_location("_export_cases", Path(__file__).parent / "io" / "test_export.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.RESULT


RESULT = _load_result()

Capture = pytest.CaptureFixture[str]
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "articles" / "kharkiv-2025-03-09.txt"


def results_file(tmp_path: Path) -> Path:
    path = tmp_path / "results.jsonl"
    with JsonlWriter(path) as out:
        out.write(RESULT)  # type: ignore[arg-type]
    return path


@pytest.mark.parametrize(("fmt", "count"), [("acled-csv", 4), ("ucdp-csv", 2), ("geojson", 3)])
def test_export_writes_each_format(tmp_path: Path, capsys: Capture, fmt: str, count: int) -> None:
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(results_file(tmp_path)), "--to", fmt, "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"wrote {count} " in err and "Traceback" not in err
    text = out.read_text(encoding="utf-8")
    if fmt == "geojson":
        assert len(json.loads(text)["features"]) == count
    else:
        assert len(list(csv.DictReader(io.StringIO(text)))) == count


def test_export_to_stdout_and_without_neutralising(tmp_path: Path, capsys: Capture) -> None:
    assert main(["export", str(results_file(tmp_path)), "--to", "acled-csv", "--no-neutralise"]) == 0
    assert ",@everyone" in capsys.readouterr().out


def test_export_of_a_missing_file_is_one_line_and_exit_2(tmp_path: Path, capsys: Capture) -> None:
    assert main(["export", str(tmp_path / "nope.jsonl"), "--to", "geojson", "-o", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert "nope.jsonl" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_export_is_listed_in_the_top_level_help(capsys: Capture) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "export" in capsys.readouterr().out


def test_extract_format_writes_the_dataset(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "events.csv"
    assert main(["extract", str(EXAMPLE), "--format", "acled-csv", "-o", str(out), "--no-progress"]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and rows[0]["country"] == "Ukraine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]  # no scratch file left
    capsys.readouterr()
