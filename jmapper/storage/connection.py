"""One SQLite connection per library, with our pragmas and explicit transactions.

The store talks to a plain ``sqlite3`` connection in autocommit mode and every
transaction is written out by hand: ``BEGIN IMMEDIATE`` takes the write lock
before any work (so a busy wait happens up front, not half-way through an
edit), ``PRAGMA defer_foreign_keys`` lets a change set arrive in any order, and
``COMMIT`` with ``synchronous=FULL`` in WAL mode means that what the screen
shows as done survives a crash.  Nothing here imports SQLAlchemy at module
level: only :func:`make_engine` (migrations, tests) does, when called.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jmapper.storage.errors import (
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryReadOnlyError,
    quoted,
)
from jmapper.storage.probe import read_only_uri

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

DEFAULT_BUSY_TIMEOUT = 2.0  # seconds another process may hold the write lock before we give up


def connect(path: Path, *, read_only: bool, busy_timeout: float) -> sqlite3.Connection:
    """A sqlite3 connection to ``path`` in autocommit mode, our pragmas applied."""
    timeout_ms = int(busy_timeout * 1000)
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
    try:
        raw.execute(f"PRAGMA busy_timeout={timeout_ms}")
        if not read_only:
            raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=FULL")
        raw.execute("PRAGMA foreign_keys=ON")
    except BaseException:
        raw.close()
        raise
    return raw


def make_engine(path: Path, *, read_only: bool, busy_timeout: float) -> Engine:
    """A SQLAlchemy engine over exactly one such connection (migrations and tests only)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    def creator() -> sqlite3.Connection:
        return connect(path, read_only=read_only, busy_timeout=busy_timeout)

    return create_engine(
        "sqlite://", creator=creator, poolclass=StaticPool, isolation_level="AUTOCOMMIT"
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
    if any(sign in text for sign in ("malformed", "not a database", "corrupt", "no such")):
        # "no such table/column": part of the file's structure is gone, which
        # trying again cannot fix.
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
def transaction(
    conn: sqlite3.Connection, path: Path, *, write: bool, defer_foreign_keys: bool = True
) -> Iterator[sqlite3.Connection]:
    """One BEGIN…COMMIT on ``conn``; rolled back entirely if anything inside fails.

    A write defers foreign-key checks to the commit, so rows can be written in
    any order; an edit that only updates existing rows can skip that.
    """
    try:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        if write and defer_foreign_keys:
            conn.execute("PRAGMA defer_foreign_keys=ON")
    except sqlite3.Error as error:
        rollback(conn)
        raise translate(error, path) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        rollback(conn)
        raise translate(error, path) from None
    except BaseException:
        rollback(conn)
        raise


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if there is one; a failure is only logged."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            log.error("rollback failed: %s", error)
