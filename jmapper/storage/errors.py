"""The errors storage raises, each carrying one sentence a user can act on.

The UI shows ``str(error)`` as it is, so every message says what happened and
what to do; technical details go to the log, never into the message.
"""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """Base of every storage error; ``str()`` is one clear user sentence."""


class NotALibraryError(LibraryError):
    """The file is not a jmapper library (missing, empty, not SQLite, another program's)."""


class LibraryNotFoundError(NotALibraryError):
    """The path names no file (and creating one was not asked for)."""


class LibraryCorruptError(LibraryError):
    """The file is a damaged SQLite database (truncated, malformed)."""


class ForeignJournalError(LibraryCorruptError):
    """A leftover ``-wal`` beside the file does not belong to it; both are left untouched."""


class LibraryTooNewError(LibraryError):
    """The file was written by a newer jmapper; it is left untouched."""


class LibraryBusyError(LibraryError):
    """Another program kept the library locked for longer than the short wait."""


class LibraryReadOnlyError(LibraryError):
    """A write was attempted on a library that could only be opened for reading."""


def quoted(path: Path) -> str:
    """The file's name as users see it in messages: “name.jmapper”."""
    return f"\u201c{path.name}\u201d"
