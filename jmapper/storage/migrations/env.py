"""Alembic environment for library files: always run on a connection we pass in.

The store opens the file itself (pragmas, locking, backup first), so this
environment never builds an engine from a URL; ``storage.migrate`` hands over
its connection through ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from jmapper.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("jmapper migrations run only through jmapper.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
