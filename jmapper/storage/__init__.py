"""Storage: the SQLite library file is the document.

Import this package for the public API only; table definitions stay inside
it.  A session (open, load, apply, personas, snapshots, settings) runs on a
plain sqlite3 connection; SQLAlchemy, which defines the schema, is imported
only to create a new library, and Alembic only when an older file is
upgraded, so the editor's start-up path pays for neither.
"""

from jmapper.storage.constants import HEAD_REVISION, SCHEMA_VERSION
from jmapper.storage.errors import (
    ForeignJournalError,
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryNotFoundError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    NotALibraryError,
    UnreadableMapError,
    UnreadablePersonaError,
)
from jmapper.storage.paths import default_library_path
from jmapper.storage.store import LibraryStore, MapSummary, MapSurvey

__all__ = [
    "ForeignJournalError",
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
    "MapSurvey",
    "NotALibraryError",
    "UnreadableMapError",
    "UnreadablePersonaError",
    "default_library_path",
]
