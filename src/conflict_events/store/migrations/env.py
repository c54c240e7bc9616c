"""Alembic's environment for the store's migrations: run on the connection the store opened.

The store calls Alembic itself (``store/_connect.py``) with the connection in
``config.attributes["connection"]``; there is no ``alembic.ini``.
"""

from __future__ import annotations

from alembic import context
from alembic.config import Config

from conflict_events.store._tables import metadata


def _run(config: Config) -> None:
    connection = config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


# Alembic sets context.config when it runs this file; anything else importing it (a doctest
# collector) finds none, and nothing runs.
_config = getattr(context, "config", None)
if _config is not None:
    _run(_config)
