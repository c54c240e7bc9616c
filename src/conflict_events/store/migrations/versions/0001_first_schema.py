"""The first schema: documents, locations, actors, events, claims, figures, fused events.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("schema_version", sa.String(length=20), nullable=False),
        sa.Column("pipeline", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_documents")),
        sa.UniqueConstraint("id", name=op.f("uq_documents_id")),
    )
    op.create_table(
        "store_state",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_store_state")),
    )
    op.create_table(
        "actors",
        sa.Column("pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("affiliation", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_pk"], ["documents.pk"], name=op.f("fk_actors_document_pk_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_actors")),
    )
    op.create_index(op.f("ix_actors_document_pk"), "actors", ["document_pk"], unique=False)
    op.create_table(
        "locations",
        sa.Column("pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("gazetteer_id", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_pk"], ["documents.pk"], name=op.f("fk_locations_document_pk_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_locations")),
    )
    op.create_index(op.f("ix_locations_document_pk"), "locations", ["document_pk"], unique=False)
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("claimant_pk", sa.Integer(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("text_start", sa.Integer(), nullable=False),
        sa.Column("text_end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Boolean(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("aggregate", sa.Boolean(), nullable=False),
        sa.Column("time_start", sa.Date(), nullable=True),
        sa.Column("time_end", sa.Date(), nullable=True),
        sa.Column("time_precision", sa.String(length=10), nullable=True),
        sa.Column("location_pk", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["claimant_pk"], ["actors.pk"], name=op.f("fk_claims_claimant_pk_actors")),
        sa.ForeignKeyConstraint(
            ["document_pk"], ["documents.pk"], name=op.f("fk_claims_document_pk_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["location_pk"], ["locations.pk"], name=op.f("fk_claims_location_pk_locations")),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_claims")),
    )
    op.create_index(op.f("ix_claims_document_pk"), "claims", ["document_pk"], unique=False)
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("document_id", sa.String(length=200), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("sub_event_type", sa.String(length=60), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("sentence_start", sa.Integer(), nullable=False),
        sa.Column("sentence_end", sa.Integer(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("date_precision", sa.String(length=10), nullable=False),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("date_anchor", sa.Date(), nullable=False),
        sa.Column("location_pk", sa.Integer(), nullable=True),
        sa.Column("actor1_pk", sa.Integer(), nullable=True),
        sa.Column("actor2_pk", sa.Integer(), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("civilian_targeting", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("extractor", sa.Text(), nullable=False),
        sa.Column("fusible", sa.Boolean(), nullable=False),
        sa.Column("f_lo", sa.Integer(), nullable=False),
        sa.Column("f_hi", sa.Integer(), nullable=False),
        sa.Column("f_kind", sa.Integer(), nullable=False),
        sa.Column("f_edge", sa.Boolean(), nullable=False),
        sa.Column("f_bucket", sa.Integer(), nullable=False),
        sa.Column("f_country", sa.String(length=2), nullable=False),
        sa.Column("f_admin1", sa.Text(), nullable=False),
        sa.Column("f_admin2", sa.Text(), nullable=False),
        sa.Column("f_place", sa.Text(), nullable=False),
        sa.Column("f_level", sa.Integer(), nullable=False),
        sa.Column("f_gazetteer", sa.Text(), nullable=False),
        sa.Column("f_lat", sa.Float(), nullable=True),
        sa.Column("f_lon", sa.Float(), nullable=True),
        sa.Column("f_actors", sa.Text(), nullable=False),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("place_admin1", sa.Text(), nullable=True),
        sa.Column("leader_pk", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["actor1_pk"], ["actors.pk"], name=op.f("fk_events_actor1_pk_actors")),
        sa.ForeignKeyConstraint(["actor2_pk"], ["actors.pk"], name=op.f("fk_events_actor2_pk_actors")),
        sa.ForeignKeyConstraint(
            ["document_pk"], ["documents.pk"], name=op.f("fk_events_document_pk_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["location_pk"], ["locations.pk"], name=op.f("fk_events_location_pk_locations")),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_document_pk"), "events", ["document_pk"], unique=False)
    op.create_index(op.f("ix_events_f_country_f_bucket"), "events", ["f_country", "f_bucket"], unique=False)
    op.create_index(op.f("ix_events_leader_pk"), "events", ["leader_pk"], unique=False)
    op.create_table(
        "claim_events",
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("claim_pk", sa.Integer(), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_pk"], ["claims.pk"], name=op.f("fk_claim_events_claim_pk_claims")),
        sa.ForeignKeyConstraint(
            ["document_pk"], ["documents.pk"], name=op.f("fk_claim_events_document_pk_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["event_pk"], ["events.pk"], name=op.f("fk_claim_events_event_pk_events")),
    )
    op.create_index(op.f("ix_claim_events_claim_pk"), "claim_events", ["claim_pk"], unique=False)
    op.create_index(op.f("ix_claim_events_document_pk"), "claim_events", ["document_pk"], unique=False)
    op.create_index(op.f("ix_claim_events_event_pk"), "claim_events", ["event_pk"], unique=False)
    op.create_table(
        "event_actors",
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["actor_pk"], ["actors.pk"], name=op.f("fk_event_actors_actor_pk_actors")),
        sa.ForeignKeyConstraint(
            ["document_pk"], ["documents.pk"], name=op.f("fk_event_actors_document_pk_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["event_pk"], ["events.pk"], name=op.f("fk_event_actors_event_pk_events")),
    )
    op.create_index(op.f("ix_event_actors_document_pk"), "event_actors", ["document_pk"], unique=False)
    op.create_index(op.f("ix_event_actors_event_pk"), "event_actors", ["event_pk"], unique=False)
    op.create_table(
        "figures",
        sa.Column("pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document_pk", sa.Integer(), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=True),
        sa.Column("claim_pk", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("category", sa.String(length=12), nullable=False),
        sa.Column("item", sa.Text(), nullable=True),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("low", sa.Integer(), nullable=True),
        sa.Column("high", sa.Integer(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=True),
        sa.Column("text_start", sa.Integer(), nullable=False),
        sa.Column("text_end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_pk"], ["claims.pk"], name=op.f("fk_figures_claim_pk_claims")),
        sa.ForeignKeyConstraint(
            ["document_pk"], ["documents.pk"], name=op.f("fk_figures_document_pk_documents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["event_pk"], ["events.pk"], name=op.f("fk_figures_event_pk_events")),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_figures")),
    )
    op.create_index(op.f("ix_figures_document_pk"), "figures", ["document_pk"], unique=False)
    op.create_table(
        "fused_events",
        sa.Column("leader_pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("sub_event_type", sa.String(length=60), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=False),
        sa.Column("date_end", sa.Date(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["leader_pk"], ["events.pk"], name=op.f("fk_fused_events_leader_pk_events")),
        sa.PrimaryKeyConstraint("leader_pk", name=op.f("pk_fused_events")),
        sa.UniqueConstraint("id", name=op.f("uq_fused_events_id")),
    )
    op.create_index(op.f("ix_fused_events_country_date_start"), "fused_events", ["country", "date_start"], unique=False)
    op.create_index(op.f("ix_fused_events_date_start"), "fused_events", ["date_start"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_fused_events_date_start"), table_name="fused_events")
    op.drop_index(op.f("ix_fused_events_country_date_start"), table_name="fused_events")
    op.drop_table("fused_events")
    op.drop_index(op.f("ix_figures_document_pk"), table_name="figures")
    op.drop_table("figures")
    op.drop_index(op.f("ix_event_actors_event_pk"), table_name="event_actors")
    op.drop_index(op.f("ix_event_actors_document_pk"), table_name="event_actors")
    op.drop_table("event_actors")
    op.drop_index(op.f("ix_claim_events_event_pk"), table_name="claim_events")
    op.drop_index(op.f("ix_claim_events_document_pk"), table_name="claim_events")
    op.drop_index(op.f("ix_claim_events_claim_pk"), table_name="claim_events")
    op.drop_table("claim_events")
    op.drop_index(op.f("ix_events_leader_pk"), table_name="events")
    op.drop_index(op.f("ix_events_f_country_f_bucket"), table_name="events")
    op.drop_index(op.f("ix_events_document_pk"), table_name="events")
    op.drop_table("events")
    op.drop_index(op.f("ix_claims_document_pk"), table_name="claims")
    op.drop_table("claims")
    op.drop_index(op.f("ix_locations_document_pk"), table_name="locations")
    op.drop_table("locations")
    op.drop_index(op.f("ix_actors_document_pk"), table_name="actors")
    op.drop_table("actors")
    op.drop_table("store_state")
    op.drop_table("documents")
