"""Recognise a library file before anything is allowed to write to it.

Opening must never change a file it then refuses: an empty file, somebody
else's database, a damaged copy or one written by a newer jmapper all stay
byte-identical and gains no journal files.  So the probe reads the header bytes
itself, then looks inside through a read-only SQLite connection (``immutable``
when no journal is pending, so nothing is created beside the file), checks that
a pending ``-wal`` belongs to the file (:mod:`jmapper.storage.journal`), and only
classifies; the store decides what to do (open, back up and upgrade, or refuse).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from jmapper.storage import journal
from jmapper.storage.columns import TABLE_KINDS
from jmapper.storage.constants import (
    APPLICATION_ID,
    FORMAT_MARKER,
    META_TABLE_NAME,
    REVISIONS,
    SCHEMA_VERSION,
    SETTING_TABLE_NAME,
)
from jmapper.storage.errors import (
    ForeignJournalError,
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryTooNewError,
    NotALibraryError,
    quoted,
)
from jmapper.storage.statements import LIBRARY_ID_SELECT

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
    """Classify an existing file without modifying it; raise if it cannot be opened.

    A refused file keeps its bytes and gains no journal files: whatever
    ``-wal``/``-shm`` the probe made SQLite create is removed again.
    """
    check_header(path)
    before = journal.Companions.of(path)
    try:
        return _probe(path, busy_timeout, before)
    except LibraryError:
        journal.remove_created(path, before)
        raise


def _probe(path: Path, busy_timeout: float, before: journal.Companions) -> ProbeResult:
    uri = (
        journal.immutable_uri(path)
        if journal.may_read_immutable(path, before)
        else read_only_uri(path)
    )
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=busy_timeout)
    except sqlite3.Error as exc:
        log.warning("cannot open %s read-only: %s", path, exc)
        raise _corrupt(path) from None
    try:
        if before.wal_pending:
            _check_journal(conn, path)
        return _inspect(conn, path, full_check=before.wal_pending)
    except sqlite3.OperationalError as exc:
        log.warning("probing %s failed: %s", path, exc)
        if "locked" in str(exc) or "busy" in str(exc):
            raise LibraryBusyError(
                f"{quoted(path)} is being changed by another program, so it could not be "
                "opened. Close the other program (or the other jmapper window) and try again."
            ) from None
        raise _damaged(path, before) from None
    except sqlite3.Error as exc:
        log.warning("probing %s failed: %s", path, exc)
        raise _damaged(path, before) from None
    except ForeignJournalError:
        raise
    except LibraryCorruptError:
        raise _damaged(path, before) from None
    finally:
        conn.close()


def _check_journal(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a pending ``-wal`` whose library id is not the main file's."""
    own = journal.main_file_identity(path)
    if own is None:
        return  # the main file alone names no library: the full check decides
    found = conn.execute(LIBRARY_ID_SELECT).fetchone()
    through = str(found[0]) if found else None
    if through != own:
        log.warning("%s: its -wal holds library %s, the file is library %s", path, through, own)
        raise _foreign_journal(path)


def _damaged(path: Path, before: journal.Companions) -> LibraryCorruptError:
    """The file is damaged, unless only its pending ``-wal`` makes it so."""
    if before.wal_pending and journal.main_file_sound(path):
        log.warning("%s reads soundly without its -wal, but not with it", path)
        return _foreign_journal(path)
    return _corrupt(path)


def _foreign_journal(path: Path) -> ForeignJournalError:
    wal = quoted(journal.wal_path(path))
    return ForeignJournalError(
        f"{quoted(path)} has a leftover change journal ({wal}) that does not match it, so it "
        f"was not opened. Move {wal} out of the folder and open the library again; the "
        "library itself is unchanged."
    )


def _corrupt(path: Path) -> LibraryCorruptError:
    return LibraryCorruptError(
        f"{quoted(path)} is damaged (it may have been cut short or overwritten) and cannot be "
        "opened. Restore it from a backup copy."
    )


def _inspect(conn: sqlite3.Connection, path: Path, *, full_check: bool) -> ProbeResult:
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
        _check(conn, path, full=full_check)
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
    _check(conn, path, full=full_check)
    if revision is None:
        log.warning("%s is marked as a library but has no alembic revision", path)
        raise _corrupt(path)
    schema = REVISIONS[revision]
    missing = sorted(required_tables(schema) - tables)
    if missing:
        log.warning("%s (schema %s) lacks the tables %s", path, schema, missing)
        raise _corrupt(path)
    return ProbeResult(schema=schema, revision=revision, writable=is_writable(path))


def required_tables(schema: int) -> set[str]:
    """The tables every library of schema ``schema`` has; one missing means damage."""
    tables = {*TABLE_KINDS, META_TABLE_NAME, "alembic_version"}
    if schema >= 2:
        tables.add(SETTING_TABLE_NAME)
    if schema < 3:
        tables.discard("dismissal")  # added by 0003_health_review
    return tables


def _check(conn: sqlite3.Connection, path: Path, *, full: bool) -> None:
    """SQLite's structural check: the full one after an unclean shutdown, else the quick one.

    ``quick_check`` does not compare indexes with their tables, which is
    exactly what a journal replayed into the wrong file breaks.
    """
    pragma = "integrity_check" if full else "quick_check"
    rows = [row[0] for row in conn.execute(f"PRAGMA {pragma}")]
    if rows != ["ok"]:
        log.warning("%s of %s: %s", pragma, path, rows[:10])
        raise _corrupt(path)
