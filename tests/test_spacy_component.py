"""The chain as a spaCy component: add_pipe in a pipeline the test builds, dates, saving and loading."""

from __future__ import annotations

import datetime as dt
import importlib
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from conflict_events.errors import MissingDateError, PipelineError
from conflict_events.nlp import MODEL_NAMES
from conflict_events.schema import ExtractionResult

TEXT = "Russian forces shelled Kharkiv on Sunday, killing two civilians, the regional governor said."


@pytest.fixture(scope="module")
def own_pipeline() -> Language:
    """A pipeline a user might build: a blank English one with the statistical components of an
    installed model sourced into it, none of this library's additions."""
    base = next(importlib.import_module(name).load() for name in MODEL_NAMES if importlib.util.find_spec(name))
    nlp = spacy.blank("en")
    for name in base.pipe_names:
        nlp.add_pipe(name, source=base)
    nlp.add_pipe("conflict_events", config={"date": "2025-03-10"})
    return nlp


def test_the_factory_is_registered_through_the_spacy_entry_point() -> None:
    found = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert found.get("conflict_events") == "conflict_events.spacy_component:make_conflict_events"


def test_add_pipe_sets_the_extraction_result(own_pipeline: Language) -> None:
    assert own_pipeline.pipe_names[-1] == "conflict_events"
    doc = own_pipeline(TEXT)
    result = doc._.conflict_events
    assert isinstance(result, ExtractionResult) and result.document.text == TEXT
    assert result.document.date == dt.date(2025, 3, 10)
    event = result.events[0]
    assert event.event_type == "Explosions/Remote violence" and event.date.start == dt.date(2025, 3, 9)
    assert event.location is not None and event.location.name == "Kharkiv"


def test_the_documents_own_date_and_id_come_first(own_pipeline: Language) -> None:
    doc = own_pipeline.make_doc(TEXT)
    doc._.conflict_events_date = dt.date(2024, 6, 5)  # a Wednesday: "on Sunday" is the 2nd
    doc._.conflict_events_id = "kharkiv-1"
    result = own_pipeline(doc)._.conflict_events
    assert result.document.id == "kharkiv-1" and result.events[0].date.start == dt.date(2024, 6, 2)
    docs = list(own_pipeline.pipe([TEXT, "Gunmen attacked a village near Maiduguri on Saturday."]))
    assert all(d._.conflict_events.events for d in docs)


def test_no_date_anywhere_is_a_clear_error() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("conflict_events", config={"steps": ["conflict_events.time.v1"]})
    with pytest.raises(MissingDateError, match=r"set doc\._\.conflict_events_date"):
        nlp("Shelling hit Izium on Sunday.")
    bare = spacy.blank("en")
    bare.add_pipe("conflict_events", config={"date": "2025-03-10"})
    with pytest.raises(PipelineError, match="no sentence boundaries"):
        bare("Shelling hit Izium on Sunday.")


def test_a_saved_pipeline_loads_with_the_component(own_pipeline: Language, tmp_path: Path) -> None:
    own_pipeline.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.get_pipe_config("conflict_events")["date"] == "2025-03-10"
    assert loaded(TEXT)._.conflict_events.events
