"""The per-document time budget: a runaway document is an error record, and the batch goes on."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from conflict_events._budget import time_budget
from conflict_events.batch import run_batch
from conflict_events.draft import Draft
from conflict_events.errors import ExtractionError
from conflict_events.pipeline import Pipeline


class Spin:
    """Loops forever on a document that says SPIN, as the old listing-preposition climb did."""

    name = "test.spin.v1"
    version = "1"
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()

    def __call__(self, doc: Any, draft: Draft) -> Draft:
        while "SPIN" in draft.text:
            pass
        return draft


def test_a_runaway_document_becomes_an_error_record(nlp: Language, tmp_path: Path) -> None:
    pipeline = Pipeline(["conflict_events.time.v1", Spin()], nlp=nlp, time_budget=0.5)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t, "date": "2025-01-05"}) + "\n"
                           for i, t in [("a", "Shelling on Sunday."), ("b", "SPIN"), ("c", "Clashes.")]),
                   encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    started = time.monotonic()
    summary = run_batch([src], output=tmp_path / "out.jsonl", pipeline=pipeline, errors=errors, log=None)
    assert time.monotonic() - started < 30
    assert (summary.written, summary.failed) == (2, 1)
    record = json.loads(errors.read_text(encoding="utf-8"))
    assert record["id"] == "b" and "time budget" in record["reason"]


def test_the_budget_is_off_with_none_and_restores_an_outer_timer() -> None:
    with time_budget(None, "d"):
        time.sleep(0.01)
    with pytest.raises(ExtractionError, match="outer"), time_budget(0.3, "outer"):
        with time_budget(5, "inner"):
            time.sleep(0.01)
        time.sleep(1)


def test_the_default_budget_is_sixty_seconds(pipeline: Pipeline) -> None:
    assert pipeline.time_budget == 60.0
