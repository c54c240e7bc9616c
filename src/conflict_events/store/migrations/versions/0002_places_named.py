"""Events keep the places their report names (fusion.place.named_by_the_reports reads them).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Events stored before keep no names (NULL): they link as they did until re-ingested.
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("f_named", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("f_named")
