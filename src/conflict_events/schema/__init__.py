"""The pydantic models of the public contract (``spec/SCHEMA.md``), their shared types and ACLED's taxonomy."""

from ._models import (
    SCHEMA_VERSION,
    Actor,
    Claim,
    Decision,
    Document,
    Event,
    ExtractionResult,
    ExtractionWarning,
    Figure,
    Location,
    PipelineStep,
    Record,
    Span,
    TimeSpan,
    json_schema_of,
)
from ._taxonomy import DISORDER_TYPE, EVENT_TYPES, SUB_EVENT_TYPES, event_type_of

__all__ = [
    "DISORDER_TYPE",
    "EVENT_TYPES",
    "SCHEMA_VERSION",
    "SUB_EVENT_TYPES",
    "Actor",
    "Claim",
    "Decision",
    "Document",
    "Event",
    "ExtractionResult",
    "ExtractionWarning",
    "Figure",
    "Location",
    "PipelineStep",
    "Record",
    "Span",
    "TimeSpan",
    "event_type_of",
    "json_schema_of",
]
