"""The event store: many extraction results in one database, their events fused across reports.

A researcher reads many reports of one attack; the store keeps every report's
records (documents, events, actors, places, claims, figures) in relational
tables and joins the events that report the same happening into
:class:`~conflict_events.schema.FusedEvent` records, each keeping every
report's toll side by side. The default store is one SQLite file (nothing to
install or start); ``postgresql://...`` puts the same tables in PostgreSQL for a
team. Ingest is idempotent by document id and transactional per batch; fusion
is incremental and order-independent (``docs/store.md`` gives the rules).

>>> import datetime as dt, tempfile, pathlib
>>> from conflict_events.schema import Document, ExtractionResult
>>> db = pathlib.Path(tempfile.mkdtemp()) / "events.sqlite"
>>> summary = ingest([ExtractionResult(document=Document(id="a", text="Calm.", date=dt.date(2025, 1, 5)))], db)
>>> summary.added, query_fused(db)
(1, [])
"""

from ._connect import store_url
from ._export import EXPORT_FORMATS, ExportFormat, FusedFilter
from ._fusion_rules import THRESHOLD, FusionEvent, PairExplanation, explain, pair_score
from ._ingest import IngestSummary
from ._store import EventStore, FusedRow, export_fused, ingest, query_fused

__all__ = [
    "EXPORT_FORMATS",
    "THRESHOLD",
    "EventStore",
    "ExportFormat",
    "FusedFilter",
    "FusedRow",
    "FusionEvent",
    "IngestSummary",
    "PairExplanation",
    "explain",
    "export_fused",
    "ingest",
    "pair_score",
    "query_fused",
    "store_url",
]
