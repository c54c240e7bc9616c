"""The example plugin package (examples/plugin), used as a user would: installed, found by the registry."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from spacy.language import Language

from conflict_events.pipeline import DEFAULT_STEPS, Pipeline
from conflict_events.registry import registry
from conflict_events.schema import Document

NAME = "example.sieges.v1"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("conflict_events_example_plugin") is None,
    reason="the example plugin is not installed: pip install -e examples/plugin (./scripts/setup does it)",
)

TEXT = (
    "Residents say the town has been under siege since May. Food is short. "
    "Troops later encircled two villages, the governor said."
)


def test_it_is_registered_through_its_entry_point() -> None:
    info = {i.name: i for i in registry.info()}[NAME]
    assert info.package == "conflict-events-example-plugin" and info.version == "0.1.0"
    assert info.target == "conflict_events_example_plugin:SiegeTagger"


def test_it_runs_after_the_default_chain(nlp: Language) -> None:
    pipeline = Pipeline([*DEFAULT_STEPS, NAME], nlp=nlp)
    result = pipeline(Document(id="s", text=TEXT, date=dt.date(2024, 7, 1)))
    sieges = [w for w in result.warnings if w.code == "siege"]
    assert [w.span.text for w in sieges if w.span] == ["under siege", "encircled"]
    assert result.pipeline[-1].name == NAME


def test_as_events_adds_strategic_developments(nlp: Language) -> None:
    pipeline = Pipeline([(NAME, {"as_events": True})], nlp=nlp)
    result = pipeline(Document(id="s", text=TEXT, date=dt.date(2024, 7, 1)))
    kinds = [(e.event_type, e.sub_event_type) for e in result.events]
    assert kinds == [("Strategic developments", "Other")] * 2
    first = result.events[0]
    assert first.sentence.text == "Residents say the town has been under siege since May."
    assert first.date.end == dt.date(2024, 7, 1) and first.extractor == NAME


def test_the_example_pipeline_file_uses_it(nlp: Language) -> None:
    path = Path(__file__).resolve().parents[1] / "examples" / "pipeline.toml"
    pipeline = Pipeline.from_toml(path, nlp=nlp)
    assert [s.name for s in pipeline.steps][-1] == NAME
