"""Output is never lost: staged beside the target, moved into place only when the run ends."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from conflict_events.batch import run_batch
from conflict_events.draft import Draft
from conflict_events.pipeline import Pipeline


class Halt:
    """Stops the whole run (as Ctrl-C would) at a document that says HALT."""

    name = "test.halt.v1"
    version = "1"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, doc: Any, draft: Draft) -> Draft:
        if "HALT" in draft.text:
            raise KeyboardInterrupt
        return draft


@pytest.fixture(scope="module")
def halting(nlp: Language) -> Pipeline:
    return Pipeline(["conflict_events.time.v1", Halt()], nlp=nlp)


def documents(path: Path, *texts: str, prefix: str = "d") -> Path:
    path.write_text("".join(json.dumps({"id": f"{prefix}{i}", "text": t, "date": "2025-01-05"}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


def ids(path: Path) -> list[str]:
    return [json.loads(line)["document"]["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_missing_input_leaves_an_existing_output_untouched(tmp_path: Path, halting: Pipeline) -> None:
    keep = tmp_path / "keep.jsonl"
    keep.write_text('{"earlier": "results"}\n', encoding="utf-8")
    summary = run_batch([tmp_path / "no-such.txt"], output=keep, pipeline=halting, log=None)
    assert summary.failed == 1
    assert keep.read_text(encoding="utf-8") == '{"earlier": "results"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.jsonl"]  # no temporary file left


def test_a_successful_run_replaces_the_output(tmp_path: Path, halting: Pipeline) -> None:
    keep = tmp_path / "keep.jsonl"
    keep.write_text('{"earlier": "results"}\n', encoding="utf-8")
    src = documents(tmp_path / "in.jsonl", "Shelling on Sunday.", "Clashes on Monday.")
    summary = run_batch([src], output=keep, pipeline=halting, log=None)
    assert summary.ok and summary.kept == str(keep)
    assert ids(keep) == ["d0", "d1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "keep.jsonl"]


def test_a_run_stopped_part_way_keeps_its_finished_documents(tmp_path: Path, halting: Pipeline) -> None:
    src = documents(tmp_path / "in.jsonl", *(["Shelling on Sunday."] * 20), "HALT now.", "Never reached.")
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch([src], output=out, pipeline=halting, batch_size=4, log=None)
    # no earlier output: the finished documents are the output, and --resume goes on from them
    assert ids(out) == [f"d{i}" for i in range(20)]
    summary = run_batch([documents(tmp_path / "rest.jsonl", "Clashes on Monday.", prefix="e")], output=out,
                        pipeline=halting, resume=True, log=None)
    assert summary.ok and ids(out)[-1] == "e0" and len(ids(out)) == 21


def test_a_failed_run_beside_an_existing_output_keeps_both(tmp_path: Path, halting: Pipeline) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"earlier": "results"}\n', encoding="utf-8")
    src = documents(tmp_path / "in.jsonl", *(["Shelling on Sunday."] * 8), "HALT now.")
    with pytest.raises(KeyboardInterrupt):
        run_batch([src], output=out, pipeline=halting, batch_size=4, log=None)
    assert out.read_text(encoding="utf-8") == '{"earlier": "results"}\n'
    assert ids(tmp_path / "out.jsonl.partial") == [f"d{i}" for i in range(8)]


def test_a_run_with_failed_documents_does_not_replace_the_output(tmp_path: Path, halting: Pipeline) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"earlier": "results"}\n', encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "ok", "text": "Shelling.", "date": "2025-01-05"}\n{"id": "bad", "text": "x"}\n',
                   encoding="utf-8")
    summary = run_batch([src], output=out, pipeline=halting, log=None)
    assert summary.failed == 1 and summary.kept == str(tmp_path / "out.jsonl.partial")
    assert out.read_text(encoding="utf-8") == '{"earlier": "results"}\n'
    assert ids(tmp_path / "out.jsonl.partial") == ["ok"]
