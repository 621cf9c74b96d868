"""Storage: the SQLite library file is the document (SQLAlchemy + Alembic).

Import this package for the public API only; ORM classes stay inside it.
Alembic is imported lazily, only when an older file is upgraded, so the
editor's start-up path never pays for it.
"""

from jmapper.storage.errors import (
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryNotFoundError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    NotALibraryError,
)
from jmapper.storage.paths import default_library_path
from jmapper.storage.schema import HEAD_REVISION, SCHEMA_VERSION
from jmapper.storage.store import LibraryStore, MapSummary

__all__ = [
    "HEAD_REVISION",
    "SCHEMA_VERSION",
    "LibraryBusyError",
    "LibraryCorruptError",
    "LibraryError",
    "LibraryNotFoundError",
    "LibraryReadOnlyError",
    "LibraryStore",
    "LibraryTooNewError",
    "MapSummary",
    "NotALibraryError",
    "default_library_path",
]
