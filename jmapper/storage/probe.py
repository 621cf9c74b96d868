"""Recognise a library file before anything is allowed to write to it.

Opening must never change a file it then refuses: an empty file, somebody
else's database, a damaged copy or one written by a newer jmapper all stay
byte-identical.  So the probe reads the header bytes itself, then looks inside
through a ``mode=ro`` SQLite connection, and only classifies; the store decides
what to do (open, back up and upgrade, or refuse).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from jmapper.storage.constants import (
    APPLICATION_ID,
    FORMAT_MARKER,
    REVISIONS,
    SCHEMA_VERSION,
)
from jmapper.storage.errors import (
    LibraryBusyError,
    LibraryCorruptError,
    LibraryTooNewError,
    NotALibraryError,
    quoted,
)

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class ProbeResult:
    """What the file is: its schema number and revision, and whether we may write it."""

    schema: int
    revision: str
    writable: bool


def read_only_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` strictly for reading."""
    return path.resolve().as_uri() + "?mode=ro"


def is_writable(path: Path) -> bool:
    """Whether we may write the file and create journal files beside it.

    ``os.access`` alone says yes to root for a 0o444 file, so the mode bits
    are consulted too: a file its owner marked read-only is treated as such.
    """
    directory = path.resolve().parent
    try:
        mode = path.stat().st_mode
        dir_mode = directory.stat().st_mode
    except OSError:
        return False
    if not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)):
        return False
    if not (dir_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)):
        return False
    return os.access(path, os.W_OK) and os.access(directory, os.W_OK)


def check_header(path: Path) -> None:
    """Refuse files that are missing, empty or not SQLite, by reading their first bytes."""
    if path.is_dir():
        raise NotALibraryError(
            f"{quoted(path)} is a folder, not a jmapper library. Choose a .jmapper library file."
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        raise NotALibraryError(
            f"{quoted(path)} could not be read ({exc.strerror or exc}). "
            "Check that the file exists and that you may read it."
        ) from None
    if not header:
        raise NotALibraryError(
            f"{quoted(path)} is empty, so it is not a jmapper library. "
            "Choose a .jmapper library file, or create a new library."
        )
    if header != SQLITE_HEADER:
        raise NotALibraryError(
            f"{quoted(path)} is not a jmapper library (it is not an SQLite database). "
            "Choose a .jmapper library file."
        )


def probe(path: Path, busy_timeout: float = 2.0) -> ProbeResult:
    """Classify an existing file without modifying it; raise if it cannot be opened."""
    check_header(path)
    try:
        conn = sqlite3.connect(
            read_only_uri(path), uri=True, isolation_level=None, timeout=busy_timeout
        )
    except sqlite3.Error as exc:
        log.warning("cannot open %s read-only: %s", path, exc)
        raise _corrupt(path) from None
    try:
        return _inspect(conn, path)
    except sqlite3.OperationalError as exc:
        log.warning("probing %s failed: %s", path, exc)
        if "locked" in str(exc) or "busy" in str(exc):
            raise LibraryBusyError(
                f"{quoted(path)} is being changed by another program, so it could not be "
                "opened. Close the other program (or the other jmapper window) and try again."
            ) from None
        raise _corrupt(path) from None
    except sqlite3.Error as exc:
        log.warning("probing %s failed: %s", path, exc)
        raise _corrupt(path) from None
    finally:
        conn.close()


def _corrupt(path: Path) -> LibraryCorruptError:
    return LibraryCorruptError(
        f"{quoted(path)} is damaged (it may have been cut short or overwritten) and cannot be "
        "opened. Restore it from a backup copy."
    )


def _inspect(conn: sqlite3.Connection, path: Path) -> ProbeResult:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    marker = None
    if "library_meta" in tables:
        found = conn.execute("SELECT value FROM library_meta WHERE key='format'").fetchone()
        marker = found[0] if found else None
    if application_id != APPLICATION_ID and marker != FORMAT_MARKER:
        # Checked before quick_check would be pointless: somebody else's file is
        # refused as such, and damage in it is not ours to report.
        _quick_check(conn, path)
        raise NotALibraryError(
            f"{quoted(path)} is not a jmapper library (it is a database made by another "
            "program). Choose a .jmapper library file."
        )
    revision = None
    if "alembic_version" in tables:
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = found[0] if found else None
    if user_version > SCHEMA_VERSION or (revision is not None and revision not in REVISIONS):
        log.info("%s has user_version %s, revision %s", path, user_version, revision)
        raise LibraryTooNewError(
            f"{quoted(path)} was made by a newer version of jmapper. "
            "Update jmapper to open it; the file has not been changed."
        )
    _quick_check(conn, path)
    if revision is None:
        log.warning("%s is marked as a library but has no alembic revision", path)
        raise _corrupt(path)
    return ProbeResult(schema=REVISIONS[revision], revision=revision, writable=is_writable(path))


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    rows = [row[0] for row in conn.execute("PRAGMA quick_check")]
    if rows != ["ok"]:
        log.warning("quick_check of %s: %s", path, rows[:10])
        raise _corrupt(path)
