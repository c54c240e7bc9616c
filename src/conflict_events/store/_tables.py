"""The store's relational schema (SQLAlchemy Core), the same on SQLite and PostgreSQL.

One row per document, event, actor, location, claim and figure of every
ingested :class:`~conflict_events.schema.ExtractionResult`, keyed by integer
``pk`` columns the store assigns; the records' own ids (``id``) are kept beside
them. Spans are stored as offsets into ``documents.text``. Events carry the
features fusion compares (``f_*`` columns) and their cluster's leader
(``leader_pk``); ``fused_events`` holds one summary row per cluster for queries.
The migrations in ``store/migrations`` create exactly this schema (a test
compares them).
"""

from __future__ import annotations

from typing import Final

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "STATE_EPOCH",
    "actors",
    "claim_events",
    "claims",
    "documents",
    "event_actors",
    "events",
    "figures",
    "fused_events",
    "locations",
    "metadata",
    "store_state",
]

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


def _document_pk() -> Column[int]:
    return Column("document_pk", Integer, ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False,
                  index=True)


documents = Table(
    "documents", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=False),
    Column("id", String(200), nullable=False, unique=True),
    Column("date", Date, nullable=False),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("schema_version", String(20), nullable=False),
    Column("pipeline", Text, nullable=False),  # "name version; name version"
    Column("warnings", Integer, nullable=False),
    Column("digest", String(64), nullable=False),  # of the result as ingested: same digest, same result
)

locations = Table(
    "locations", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=False),
    _document_pk(),
    Column("id", String(200), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer, nullable=False),
    Column("gazetteer_id", Text),
)

actors = Table(
    "actors", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=False),
    _document_pk(),
    Column("id", String(200), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(30), nullable=False),
    Column("country", String(2)),
    Column("affiliation", Text),
)

events = Table(
    "events", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=False),
    _document_pk(),
    Column("id", String(200), nullable=False),
    Column("document_id", String(200), nullable=False),
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Column("date_precision", String(10), nullable=False),
    Column("date_text", Text),
    Column("date_anchor", Date, nullable=False),
    Column("location_pk", Integer, ForeignKey("locations.pk")),
    Column("actor1_pk", Integer, ForeignKey("actors.pk")),
    Column("actor2_pk", Integer, ForeignKey("actors.pk")),
    Column("fatalities", Integer),
    Column("civilian_targeting", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("extractor", Text, nullable=False),
    # what fusion compares (store/_fusion_rules.py): the date window as ordinals, the place keys, the sides
    Column("fusible", Boolean, nullable=False),
    Column("f_lo", Integer, nullable=False),
    Column("f_hi", Integer, nullable=False),
    Column("f_kind", Integer, nullable=False),
    Column("f_edge", Boolean, nullable=False),
    Column("f_bucket", Integer, nullable=False),
    Column("f_country", String(2), nullable=False),
    Column("f_admin1", Text, nullable=False),
    Column("f_admin2", Text, nullable=False),
    Column("f_place", Text, nullable=False),
    Column("f_level", Integer, nullable=False),
    Column("f_gazetteer", Text, nullable=False),
    Column("f_lat", Float),
    Column("f_lon", Float),
    Column("f_actors", Text, nullable=False),  # "kind<US>name<RS>kind<US>name"
    Column("f_named", Text),  # the places finer than a province the report names, folded, "<US>"-separated
    Column("place_name", Text),
    Column("place_admin1", Text),
    Column("leader_pk", Integer, index=True),
    Index(None, "f_country", "f_bucket"),
)

event_actors = Table(
    "event_actors", metadata,
    _document_pk(),
    Column("event_pk", Integer, ForeignKey("events.pk"), nullable=False, index=True),
    Column("actor_pk", Integer, ForeignKey("actors.pk"), nullable=False),
)

claims = Table(
    "claims", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=False),
    _document_pk(),
    Column("id", String(200), nullable=False),
    Column("claimant_pk", Integer, ForeignKey("actors.pk")),
    Column("cue", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("text_start", Integer, nullable=False),
    Column("text_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("quote", Boolean, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("aggregate", Boolean, nullable=False),
    Column("time_start", Date),
    Column("time_end", Date),
    Column("time_precision", String(10)),
    Column("location_pk", Integer, ForeignKey("locations.pk")),
)

claim_events = Table(
    "claim_events", metadata,
    _document_pk(),
    Column("claim_pk", Integer, ForeignKey("claims.pk"), nullable=False, index=True),
    Column("event_pk", Integer, ForeignKey("events.pk"), nullable=False, index=True),
)

figures = Table(
    "figures", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=False),
    _document_pk(),
    Column("event_pk", Integer, ForeignKey("events.pk")),
    Column("claim_pk", Integer, ForeignKey("claims.pk")),
    Column("role", String(12), nullable=False),  # fatalities (the event's toll), event, claim
    Column("category", String(12), nullable=False),
    Column("item", Text),
    Column("value", Integer),
    Column("low", Integer),
    Column("high", Integer),
    Column("approximate", Boolean, nullable=False),
    Column("subject", String(200)),
    Column("text_start", Integer, nullable=False),
    Column("text_end", Integer, nullable=False),
)

fused_events = Table(
    "fused_events", metadata,
    Column("leader_pk", Integer, ForeignKey("events.pk"), primary_key=True,
           autoincrement=False),
    Column("id", String(40), nullable=False, unique=True),
    Column("event_type", String(40), nullable=False),
    Column("sub_event_type", String(60), nullable=False),
    Column("date_start", Date, nullable=False),
    Column("date_end", Date, nullable=False),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("location", Text),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("members", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    Index(None, "country", "date_start"),
    Index(None, "date_start"),
)

store_state = Table(
    "store_state", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Integer, nullable=False),
)

# Bumped by every committed ingest: a writer whose cached clusters are older reads them again.
STATE_EPOCH: Final = "epoch"
