"""Alembic migration scripts, shipped inside the package (see ``storage.migrate``)."""
