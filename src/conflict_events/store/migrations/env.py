"""Alembic's environment for the store's migrations: run on the connection the store opened.

The store calls Alembic itself (``store/_connect.py``) with the connection in
``config.attributes["connection"]``; there is no ``alembic.ini``.
"""

from __future__ import annotations

from alembic import context

from conflict_events.store._tables import metadata


def _run() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


_run()
