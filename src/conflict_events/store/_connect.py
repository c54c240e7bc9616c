"""Opening a store: a path (SQLite) or a ``postgresql://`` URL, migrated to this version's schema.

A path names an SQLite file (made on first ingest; nothing to install or
start). ``postgresql://user:password@host/dbname`` (or ``postgresql+psycopg://``)
uses PostgreSQL through psycopg 3, with the same tables. Opening runs the
store's Alembic migrations up to this version's head, so a store made by an
earlier version opens in this one; a store made by a *later* version, or a
database that is not a store, is a clear error rather than a guess.

>>> str(store_url("events.sqlite")).startswith("sqlite:///"), str(store_url("postgresql://u@h/db"))
(True, 'postgresql+psycopg://u@h/db')
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from ..errors import StoreError

__all__ = ["MIGRATIONS", "PG_LOCK", "connect_engine", "head_revision", "is_postgresql", "migrate", "store_url",
           "write_begin"]

MIGRATIONS: Final = Path(__file__).with_name("migrations")
# One lock for every writer of a PostgreSQL store (pg_advisory_xact_lock), migrations and ingests alike:
# fusion reads what it changes, and two first openings of an empty database must not both migrate it.
PG_LOCK: Final = 0x63655F73746F7265  # "ce_store"
# Ingest hands rows to the driver as they are: SQLite stores dates as ISO text, as SQLAlchemy's Date does
# (Python 3.12 deprecates the sqlite3 module's own date adapter).
sqlite3.register_adapter(dt.date, dt.date.isoformat)
_SCHEMES: Final = ("sqlite", "postgresql", "postgres")


def store_url(db: str | Path) -> URL:
    """The SQLAlchemy URL of a store named by a path or a database URL."""
    text = str(db)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().absolute()))
    try:
        url = make_url(text)
    except ArgumentError as err:
        raise StoreError(f"not a database URL: {err}", source=text) from err
    backend = url.get_backend_name()
    if backend not in _SCHEMES:
        raise StoreError(f"unsupported database {backend!r}: give a file path (SQLite) or postgresql://...",
                         source=text)
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    return url


def is_postgresql(engine: Engine) -> bool:
    """Whether the store lives in PostgreSQL (else SQLite)."""
    return engine.dialect.name == "postgresql"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # The driver's own transaction handling is off: the store says BEGIN itself (see write_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=60000",
                   "cache_size=-65536"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # A writer takes the write lock at BEGIN, so two writers wait for each other instead of failing half-way.
    immediate = connection.get_execution_options().get("write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def connect_engine(db: str | Path, *, must_exist: bool = False) -> Engine:
    """An engine for the store named by ``db``; ``must_exist``: a missing SQLite file is an error."""
    url = store_url(db)
    source = str(db)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        if must_exist and not path.is_file():
            raise StoreError("no store here (ingest results into it first)", source=source)
        if not path.parent.is_dir():
            raise StoreError(f"the folder {str(path.parent)!r} does not exist", source=source)
        engine = create_engine(url, poolclass=NullPool)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ImportError as err:
        raise StoreError(f"PostgreSQL needs psycopg 3 ({err.name} is missing): "
                         'pip install "conflict-events[postgres]"', source=source) from err


@contextmanager
def write_begin(engine: Engine) -> Iterator[Connection]:
    """A transaction for writing, holding the store's write lock from its start.

    SQLite takes it with ``BEGIN IMMEDIATE``; PostgreSQL with an advisory lock held to the end
    of the transaction, so writers take turns and readers never wait.
    """
    with engine.execution_options(write=True).begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LOCK})
        yield connection


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """This version's schema revision."""
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


@contextmanager
def _errors(source: str) -> Iterator[None]:
    try:
        yield
    except OperationalError as err:
        raise StoreError(f"cannot open the store: {err.orig}", source=source) from err
    except SQLAlchemyError as err:
        raise StoreError(f"cannot open the store: {err}", source=source) from err


def migrate(engine: Engine, *, source: str) -> str:
    """Bring the store's schema to this version's head; returns the revision it was at ("" for a new store)."""
    script = ScriptDirectory(str(MIGRATIONS))
    head = head_revision()
    with _errors(source), write_begin(engine) as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return current
        if current is None and _has_tables(connection):
            raise StoreError("this database holds tables but is not a conflict_events store", source=source)
        if current is not None and current not in {s.revision for s in script.walk_revisions()}:
            raise StoreError(f"the store was made by a newer version of conflict_events (schema {current}; "
                             f"this version knows up to {head}): upgrade conflict_events to open it",
                             source=source)
        command.upgrade(_config(connection), "head")
        return current or ""


def _has_tables(connection: Connection) -> bool:
    return bool(inspect(connection).get_table_names())
