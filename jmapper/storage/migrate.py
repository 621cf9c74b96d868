"""Run the packaged Alembic migrations on an open library connection.

Alembic is imported here, inside the functions, and SQLAlchemy (whose
connection Alembic needs) only by their callers, so neither is on the start-up
path: opening a library at head (the usual case) never pays for them.  The whole
upgrade is one ``BEGIN IMMEDIATE`` transaction with foreign keys off (batch
migrations copy tables), and it is committed only if ``foreign_key_check`` is
clean, so a failed upgrade leaves the file as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Any:
    """An Alembic Config pointing at the packaged scripts, bound to ``connection``."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "head") -> None:
    """Upgrade the library behind ``connection`` (autocommit mode) to ``revision``."""
    from alembic import command

    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            command.upgrade(alembic_config(connection), revision)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key problems after upgrade: {problems[:5]}")
            connection.exec_driver_sql("COMMIT")
        except BaseException:
            connection.exec_driver_sql("ROLLBACK")
            raise
    finally:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    log.info("upgraded library to %s", revision)
