"""Accuracy on the corpus articles against their hand-coded gold, scored by ``../shared/gold/score.py``.

The Kursk article is the reference: it must meet the bars of the issues (spine: events F1 0.75,
claims F1 0.8, figures F1 0.8; places: location accuracy 1.0; time: event date and claim time
accuracy 1.0; claims: F1, claimant name and figures 0.9; events: F1 and every field 0.9, at most
one duplicate). Every other corpus article must meet the spine's bars, so a rule tuned for one
article cannot silently break another. Marked ``reference``; skipped when ``../shared`` is absent.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conflict_events.io.readers import read_text_file
from conflict_events.pipeline import Pipeline

REFERENCE = "kursk-2025-01-05"
OTHERS = (
    "ethiopia-afar-2021-07-22",
    "nigeria-zamfara-2018-12-24",
    "somalia-mogadishu-2024-03-24",
    "syria-idlib-2018-06-10",
    "ukraine-olenivka-2022-07-29",
    "yemen-hodeidah-2018-07-03",
)

pytestmark = pytest.mark.reference


@cache
def _scorer(shared: Path) -> ModuleType:
    path = shared / "gold" / "score.py"
    spec = importlib.util.spec_from_file_location("conflict_events_gold_score", path)
    if spec is None or spec.loader is None:
        pytest.skip(f"cannot import the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(shared: Path, pipeline: Pipeline, article: str) -> dict[str, Any]:
    text = shared / "corpus" / f"{article}.txt"
    gold_path = shared / "gold" / f"{article}.gold.json"
    if not text.exists() or not gold_path.exists():
        pytest.skip(f"{article} or its gold is missing from {shared}")
    result = pipeline(read_text_file(text))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    # The scorer reads JSON, exactly as it reads the CLI's output.
    scored: dict[str, Any] = _scorer(shared).score(gold, json.loads(result.model_dump_json()))
    return scored


@pytest.fixture(scope="module")
def scores(shared_dir: Path, pipeline: Pipeline) -> dict[str, Any]:
    return _score(shared_dir, pipeline, REFERENCE)


def test_spine_bars(scores: dict[str, Any]) -> None:
    events, claims, figures = scores["events"], scores["claims"], scores["figures"]
    assert events["f1"] >= 0.75, events
    assert min(events["date_acc"], events["location_acc"], events["actor_pair_acc"]) >= 0.75, events
    assert claims["f1"] >= 0.8 and claims["claimant_name_acc"] >= 0.8, claims
    assert figures["f1"] >= 0.8, figures


def test_place_bar(scores: dict[str, Any]) -> None:
    assert scores["events"]["location_acc"] == 1.0, scores["events"]


def test_time_bar(scores: dict[str, Any]) -> None:
    assert scores["events"]["date_acc"] == 1.0, scores["events"]
    assert scores["claims"]["time_acc"] == 1.0, scores["claims"]


def test_claims_bar(scores: dict[str, Any]) -> None:
    claims = scores["claims"]
    assert claims["f1"] >= 0.9 and claims["claimant_name_acc"] >= 0.9, claims
    assert scores["figures"]["f1"] >= 0.9, scores["figures"]


def test_events_bar(scores: dict[str, Any]) -> None:
    events = scores["events"]
    assert events["f1"] >= 0.9, events
    fields = ("sub_event_type_acc", "date_acc", "location_acc", "actor_pair_acc")
    assert min(events[f] for f in fields) >= 0.9, events
    assert events["duplicates"] <= 1, events


@pytest.mark.parametrize("article", OTHERS)
def test_other_articles_meet_the_spine_bars(shared_dir: Path, pipeline: Pipeline, article: str) -> None:
    scored = _score(shared_dir, pipeline, article)
    events, claims, figures = scored["events"], scored["claims"], scored["figures"]
    assert events["f1"] >= 0.75 and claims["f1"] >= 0.8 and figures["f1"] >= 0.8, scored
    assert min(events["date_acc"], events["location_acc"], events["actor_pair_acc"]) >= 0.75, events
    assert claims["claimant_name_acc"] >= 0.8, claims


@pytest.mark.parametrize("article", (REFERENCE, *OTHERS))
def test_every_article_keeps_its_full_score(shared_dir: Path, pipeline: Pipeline, article: str) -> None:
    """The seven articles are the specification by example: every field stays at 1.00 (the bars above are
    the issues' floors; this is the project's own rule, so a change that costs one article shows at once)."""
    scored = _score(shared_dir, pipeline, article)
    events, claims, figures = scored["events"], scored["claims"], scored["figures"]
    assert (events["f1"], claims["f1"], figures["f1"]) == (1.0, 1.0, 1.0), scored
    fields = ("sub_event_type_acc", "date_acc", "location_acc", "actor_pair_acc", "actor1_name_acc")
    assert all(events[f] in (1.0, None) for f in fields), events  # None: the gold codes no such field
    assert claims["claimant_name_acc"] == 1.0, claims
