"""conflict_events: news text about armed conflict to validated, typed, ACLED-style event records.

>>> from datetime import date
>>> import conflict_events as ce
>>> result = ce.extract("Russian forces shelled Kharkiv on Sunday.", date=date(2025, 1, 5))
>>> result.document.date.isoformat()
'2025-01-05'
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .draft import Draft
from .errors import (
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
from .extractor import Extractor
from .nlp import load_language_model
from .pipeline import DEFAULT_STEPS, Pipeline
from .registry import PluginInfo, Registry, registry
from .schema import (
    EVENT_TYPES,
    SCHEMA_VERSION,
    SUB_EVENT_TYPES,
    Actor,
    Claim,
    Document,
    Event,
    ExtractionResult,
    ExtractionWarning,
    Figure,
    FusedEvent,
    Location,
    PipelineStep,
    Span,
    TimeSpan,
)

__version__ = "0.1.0"

__all__ = [
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

_default_pipeline: Pipeline | None = None


def extract(
    text: str, *, date: _dt.date, id: str | None = None, pipeline: Pipeline | None = None, **document: Any
) -> ExtractionResult:
    """Extract events, claims, actors, places and times from one dated text.

    ``pipeline`` runs instead of the default one (built once per process); the other keywords
    (``title``, ``source``, ``url``) describe the document.

    >>> p = Pipeline(["conflict_events.time.v1"])
    >>> [s.name for s in extract("Shelling hit Izium on Sunday.", date=_dt.date(2025, 1, 6), pipeline=p).pipeline]
    ['conflict_events.time.v1']
    """
    global _default_pipeline
    from .io.readers import document_from_text

    if pipeline is None:
        if _default_pipeline is None:
            _default_pipeline = Pipeline()
        pipeline = _default_pipeline
    elif not isinstance(pipeline, Pipeline):
        raise PipelineError(f"pipeline= takes a Pipeline, not {type(pipeline).__name__}: build one with "
                            "Pipeline([...]) or Pipeline.from_toml(path)", source="extract")
    return pipeline(document_from_text(text, date=date, id=id, **document))
