"""One SQLite connection per library, with our pragmas and explicit transactions.

The sqlite3 connection runs in autocommit mode and every transaction is
written out by hand: ``BEGIN IMMEDIATE`` takes the write lock before any work
(so a busy wait happens up front, not half-way through an edit), ``PRAGMA
defer_foreign_keys`` lets a change set arrive in any order, and ``COMMIT`` with
``synchronous=FULL`` in WAL mode means that what the screen shows as done
survives a crash.  SQLAlchemy sees the connection as AUTOCOMMIT and never
issues transaction statements of its own.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, exc
from sqlalchemy.pool import StaticPool

from jmapper.storage.errors import (
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryReadOnlyError,
    quoted,
)
from jmapper.storage.probe import read_only_uri

log = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT = 2.0  # seconds another process may hold the write lock before we give up


def make_engine(path: Path, *, read_only: bool, busy_timeout: float) -> Engine:
    """An engine over exactly one sqlite3 connection to ``path``, pragmas applied."""
    timeout_ms = int(busy_timeout * 1000)

    def connect() -> sqlite3.Connection:
        if read_only:
            raw = sqlite3.connect(
                read_only_uri(path),
                uri=True,
                isolation_level=None,
                timeout=busy_timeout,
                check_same_thread=False,
            )
        else:
            raw = sqlite3.connect(
                str(path), isolation_level=None, timeout=busy_timeout, check_same_thread=False
            )
        raw.execute(f"PRAGMA busy_timeout={timeout_ms}")
        if not read_only:
            raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("PRAGMA foreign_keys=ON")
        return raw

    return create_engine(
        "sqlite://", creator=connect, poolclass=StaticPool, isolation_level="AUTOCOMMIT"
    )


def translate(error: BaseException, path: Path) -> LibraryError:
    """A database error as a LibraryError whose message a user can act on."""
    original = getattr(error, "orig", None) or error
    text = str(original).lower()
    log.warning("library %s: %s", path, original)
    if "locked" in text or "busy" in text:
        return LibraryBusyError(
            f"{quoted(path)} is being changed by another program, so your change could not be "
            "saved. Close the other program (or the other jmapper window) and try again."
        )
    if "readonly" in text or "read-only" in text:
        return LibraryReadOnlyError(
            f"{quoted(path)} can only be read, so your change was not saved. "
            "Make the file writable and open it again."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return LibraryCorruptError(
            f"{quoted(path)} is damaged and cannot be used. Restore it from a backup copy."
        )
    if "full" in text:
        return LibraryError(
            f"Your change could not be saved to {quoted(path)} because the disk is full. "
            "Free some space and try again."
        )
    if "constraint" in text or "foreign key" in text:
        return LibraryError(
            f"Your change could not be saved to {quoted(path)} because it refers to something "
            "that is not in the library. Undo the last step and try again."
        )
    return LibraryError(
        f"jmapper could not read or write {quoted(path)}. "
        "Try again; if it keeps happening, restore the library from a backup copy."
    )


@contextmanager
def transaction(conn: Connection, path: Path, *, write: bool) -> Iterator[Connection]:
    """One BEGIN…COMMIT on ``conn``; rolled back entirely if anything inside fails."""
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
        if write:
            conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    except exc.DBAPIError as error:
        _rollback(conn)
        raise translate(error, path) from None
    try:
        yield conn
        conn.exec_driver_sql("COMMIT")
    except exc.DBAPIError as error:
        _rollback(conn)
        raise translate(error, path) from None
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: Connection) -> None:
    raw = conn.connection.dbapi_connection
    if raw is not None and getattr(raw, "in_transaction", False):
        try:
            conn.exec_driver_sql("ROLLBACK")
        except exc.DBAPIError as error:
            log.error("rollback failed: %s", error)
