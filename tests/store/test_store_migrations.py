"""The store's schema comes from its migrations: what they build is what the code uses, old stores open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, insert, select, text

from conflict_events.errors import StoreError
from conflict_events.store import EventStore
from conflict_events.store._connect import MIGRATIONS, _config, connect_engine, head_revision, write_begin
from conflict_events.store._tables import documents, metadata


def test_the_migrated_schema_is_the_one_the_code_uses(db: str) -> None:
    with EventStore(db) as store, store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_every_revision_upgrades_a_store_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = connect_engine(path)
    revisions = [s.revision for s in ScriptDirectory(str(MIGRATIONS)).walk_revisions()][::-1]
    with write_begin(engine) as conn:
        command.upgrade(_config(conn), revisions[0])
        conn.execute(insert(documents).values(pk=1, id="old", date=dt.date(2024, 1, 1), text="Calm.",
                                              schema_version="1.0", pipeline="", warnings=0, digest="x"))
    engine.dispose()
    with EventStore(path) as store:  # a store made at the first revision opens in this version
        assert store.revision_before == revisions[0]
        with store.engine.connect() as conn:
            assert conn.execute(select(documents.c.id)).scalars().all() == ["old"]
            assert MigrationContext.configure(conn).get_current_revision() == revisions[-1]


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    EventStore(path).close()
    with create_engine(f"sqlite:///{path}").begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00d'"))
    with pytest.raises(StoreError, match="made by a newer version of conflict_events"):
        EventStore(path)


def test_a_database_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with create_engine(f"sqlite:///{path}").begin() as conn:
        conn.execute(text("CREATE TABLE customers (id INTEGER)"))
    with pytest.raises(StoreError, match="not a conflict_events store"):
        EventStore(path)
