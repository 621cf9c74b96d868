"""The files SQLite keeps beside a library, and whether a leftover journal belongs to it.

A library in WAL mode has two companions: ``-wal`` (committed changes not yet
copied into the file) and ``-shm`` (the shared index of the ``-wal``).  SQLite
replays whatever ``-wal`` sits beside a file, even one copied there from
another library, and nothing in the ``-wal`` names its database.  So every
jmapper write transaction also rewrites a row of ``library_meta`` (see
``WRITE_STAMP`` in :mod:`jmapper.storage.statements`): any ``-wal`` jmapper
leaves holds that page with its library's id.  Before anything writes, the
probe reads the id once from the main file alone (an ``immutable`` connection
ignores the ``-wal``) and once through the ``-wal``; when they differ the
journal is not this library's.  A journal written by another program carries
no id; replayed into the wrong file it breaks indexes, which the full
``integrity_check`` run whenever a journal is pending finds (``quick_check``
does not).  Only such a journal whose pages happen to fit the file, and keep
it intact, would pass both checks.

Reading through a ``-wal`` with no ``-shm`` beside it makes SQLite create the
``-shm``, so a refusal removes what the probe created, and a file with no
pending journal is probed ``immutable`` so that refusing it creates nothing.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from jmapper.storage.statements import LIBRARY_ID_SELECT

log = logging.getLogger(__name__)

#: Byte of ``-shm`` on which every live SQLite connection (unix VFS) holds a read lock.
_SHM_DMS_BYTE = 128
#: Header bytes 18 and 19 (file format write/read versions) are 2 in WAL mode.
_WAL_MODE_BYTES = b"\x02\x02"


def wal_path(path: Path) -> Path:
    return Path(f"{path}-wal")


def shm_path(path: Path) -> Path:
    return Path(f"{path}-shm")


@dataclass(frozen=True)
class Companions:
    """Which of a library's journal files existed when we first looked."""

    wal_exists: bool
    wal_pending: bool  # the -wal holds bytes: changes SQLite would replay
    shm_exists: bool

    @classmethod
    def of(cls, path: Path) -> Companions:
        wal = wal_path(path)
        try:
            size: int | None = wal.stat().st_size
        except OSError:
            size = None
        return cls(
            wal_exists=size is not None,
            wal_pending=bool(size),
            shm_exists=shm_path(path).exists(),
        )


def immutable_uri(path: Path) -> str:
    """A SQLite URI that reads only the main file: no locks, no ``-wal``, no ``-shm``."""
    return path.resolve().as_uri() + "?immutable=1"


def may_read_immutable(path: Path, found: Companions) -> bool:
    """Whether the main file alone is the whole library and nobody has it open.

    A file in WAL mode with no ``-wal`` beside it is open nowhere (SQLite
    creates the ``-wal`` on first read), and an empty ``-wal`` with no
    ``-shm`` holds nothing and serves no live connection.  A file in
    rollback-journal mode is read normally, so its locks are honoured.
    """
    if found.wal_pending or (found.wal_exists and found.shm_exists):
        return False
    try:
        with path.open("rb") as handle:
            handle.seek(18)
            return handle.read(2) == _WAL_MODE_BYTES
    except OSError:
        return False


def main_file_identity(path: Path) -> str | None:
    """The library id in the main file alone, ignoring any ``-wal`` (None if unreadable)."""
    found = _read_main_file(path, LIBRARY_ID_SELECT)
    return str(found[0][0]) if found else None


def main_file_sound(path: Path) -> bool:
    """Whether the main file alone, ignoring any ``-wal``, is an intact library."""
    return main_file_identity(path) is not None and _read_main_file(
        path, "PRAGMA integrity_check"
    ) == [("ok",)]


def _read_main_file(path: Path, sql: str) -> list[tuple[object, ...]] | None:
    """The rows ``sql`` returns from the main file alone; None if it cannot be read."""
    try:
        conn = sqlite3.connect(immutable_uri(path), uri=True, isolation_level=None)
    except sqlite3.Error as error:
        log.info("cannot read %s without its journal: %s", path, error)
        return None
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.Error as error:
        log.info("cannot read %s without its journal: %s", path, error)
        return None
    finally:
        conn.close()


def remove_created(path: Path, before: Companions) -> None:
    """Remove the ``-wal``/``-shm`` that appeared since ``before``, if no one else uses them.

    Only files that did not exist before are candidates, a ``-wal`` only when
    it is empty, and nothing is removed while another connection holds the
    ``-shm`` (its read lock on the DMS byte), so a library that someone else
    has just opened keeps its journal.
    """
    wal, shm = wal_path(path), shm_path(path)
    created_shm = not before.shm_exists and shm.exists()
    created_wal = not before.wal_exists and wal.exists() and wal.stat().st_size == 0
    if not (created_shm or created_wal):
        return
    if shm.exists() and _shm_in_use(shm):
        log.info("leaving the journal files of %s: another program has it open", path)
        return
    for leftover, created in ((shm, created_shm), (wal, created_wal)):
        if created:
            try:
                leftover.unlink()
            except OSError as error:
                log.info("could not remove %s: %s", leftover, error)


def _shm_in_use(shm: Path) -> bool:
    """Whether another process has a live SQLite connection using ``shm``."""
    if os.name != "posix":
        return False  # elsewhere an open file cannot be removed, so unlink itself refuses
    import fcntl

    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return True
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, _SHM_DMS_BYTE)
    except OSError:
        return True
    finally:
        os.close(fd)  # also drops the lock we took
    return False
