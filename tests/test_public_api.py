"""The public names of ``conflict_events``: adding or removing one is a deliberate change of this list."""

from __future__ import annotations

import datetime as dt

import pytest

import conflict_events

PUBLIC = [
    "DEFAULT_STEPS",
    "EVENT_TYPES",
    "SCHEMA_VERSION",
    "SUB_EVENT_TYPES",
    "Actor",
    "Claim",
    "ConflictEventsError",
    "DecodeError",
    "Document",
    "Draft",
    "Event",
    "ExtractionError",
    "ExtractionResult",
    "ExtractionWarning",
    "Extractor",
    "Figure",
    "FusedEvent",
    "InputError",
    "Location",
    "MissingDateError",
    "ModelNotFoundError",
    "Pipeline",
    "PipelineError",
    "PipelineStep",
    "PluginError",
    "PluginInfo",
    "RecordError",
    "Registry",
    "Span",
    "TimeSpan",
    "__version__",
    "extract",
    "load_language_model",
    "registry",
]


def _isort_key(name: str) -> tuple[int, str]:
    # ruff's RUF022 order: CONSTANTS, then Classes, then functions and dunders.
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_pinned_and_sorted() -> None:
    assert conflict_events.__all__ == PUBLIC
    assert sorted(PUBLIC, key=_isort_key) == PUBLIC


def test_every_public_name_exists() -> None:
    for name in conflict_events.__all__:
        assert hasattr(conflict_events, name), name


def test_version_matches_the_distribution() -> None:
    from importlib.metadata import version

    assert conflict_events.__version__ == version("conflict-events")


def test_extract_one_text() -> None:
    result = conflict_events.extract(
        "Russian forces shelled Kharkiv on Sunday.", date=dt.date(2025, 1, 5), id="k1"
    )
    assert result.document.id == "k1" and result.document.date == dt.date(2025, 1, 5)
    assert [s.name for s in result.pipeline] == list(conflict_events.DEFAULT_STEPS)


def test_extract_with_a_pipeline_of_ones_own() -> None:
    own = conflict_events.Pipeline(["conflict_events.time.v1"])
    result = conflict_events.extract("Shelling hit Izium on Sunday.", date=dt.date(2025, 1, 6), pipeline=own)
    assert [s.name for s in result.pipeline] == ["conflict_events.time.v1"] and result.times
    with pytest.raises(conflict_events.PipelineError, match="pipeline= takes a Pipeline, not str"):
        conflict_events.extract("x", date=dt.date(2025, 1, 6), pipeline="pipeline.toml")  # type: ignore[arg-type]
