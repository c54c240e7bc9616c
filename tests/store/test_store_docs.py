"""The examples of docs/store.md run: pandas and DuckDB over a store's SQLite file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conflict_events.store import ingest

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def _examples(section: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    part = text.split(f"## {section}", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", part, flags=re.S)


def test_the_pandas_and_duckdb_examples_run(tmp_path: Path, scenario: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas", reason="the pandas extra")
    pytest.importorskip("duckdb_extension_sqlite_scanner", reason="the duckdb extra")
    ingest(scenario.results, tmp_path / "events.sqlite")
    monkeypatch.chdir(tmp_path)
    pandas_example, duckdb_example = _examples("Reading a store from pandas and DuckDB")
    scope: dict[str, Any] = {}
    exec(compile(pandas_example, "docs/store.md (pandas)", "exec"), scope)
    assert len(scope["fused"]) == 4 and set(scope["reports"]["fused_id"]) == set(
        scope["fused"].loc[scope["fused"]["documents"] > 1, "id"])
    assert scope["reports"]["fatalities"].dropna().astype(int).tolist() != []
    exec(compile(duckdb_example, "docs/store.md (duckdb)", "exec"), scope)
    monthly = scope["monthly"]
    assert monthly["events"].sum() == 4 and set(monthly["country"]) == {"UA", "BF"}
