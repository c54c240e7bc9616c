"""The error tree: every error derives from ConflictEventsError and names the input it concerns."""

from __future__ import annotations

import pickle

import pytest

from conflict_events import errors
from conflict_events.errors import (
    ConflictEventsError,
    DecodeError,
    ExtractionError,
    InputError,
    MissingDateError,
    ModelNotFoundError,
    PipelineError,
    PluginError,
    RecordError,
)


@pytest.mark.parametrize(
    ("cls", "parent"),
    [
        (InputError, ConflictEventsError),
        (MissingDateError, InputError),
        (DecodeError, InputError),
        (RecordError, InputError),
        (ModelNotFoundError, ConflictEventsError),
        (PluginError, ConflictEventsError),
        (PipelineError, ConflictEventsError),
        (ExtractionError, ConflictEventsError),
    ],
)
def test_tree(cls: type[ConflictEventsError], parent: type[ConflictEventsError]) -> None:
    assert issubclass(cls, parent)


def test_every_exported_error_is_in_the_tree() -> None:
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), ConflictEventsError)


def test_source_prefixes_the_message() -> None:
    err = MissingDateError("no publication date", source="notes.txt")
    assert str(err) == "notes.txt: no publication date"
    assert (err.message, err.source) == ("no publication date", "notes.txt")
    assert str(PluginError("broken")) == "broken"


def test_record_error_names_the_line() -> None:
    err = RecordError("not JSON", source="docs.jsonl", line=12)
    assert str(err) == "docs.jsonl:12: not JSON" and err.line == 12
    assert str(RecordError("not JSON", line=3)) == "not JSON"


def test_errors_survive_pickling_with_their_message() -> None:
    # Worker processes send errors back to the parent by pickling them.
    err = pickle.loads(pickle.dumps(ExtractionError("extractor x failed", source="doc-1")))
    assert isinstance(err, ExtractionError) and "extractor x failed" in str(err)
