"""The errors storage raises, each carrying one sentence a user can act on.

The UI shows ``str(error)`` as it is, so every message says what happened and
what to do; technical details go to the log, never into the message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


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


class UnreadableMapError(LibraryError):
    """One map holds a value this version cannot read; the rest of the library is fine.

    Carries the map (``map_id``, ``title``) and the field (``kind``, ``field``,
    ``value``) so the map list can mark exactly that map.
    """

    def __init__(self, map_id: str, title: str, kind: str, field: str | None, value: Any) -> None:
        self.map_id = map_id
        self.title = title
        self.kind = kind
        self.field = field
        self.value = value
        super().__init__(
            f"The map \u201c{title}\u201d cannot be read by this version of jmapper "
            f"({_problem(kind, field, value)}). Open it with a newer jmapper; the other maps "
            "are not affected."
        )


class UnreadablePersonaError(LibraryError):
    """A persona (shared by every map) holds a value this version cannot read."""

    def __init__(self, path: Path, name: str, field: str | None, value: Any) -> None:
        self.name = name
        self.field = field
        super().__init__(
            f"The persona \u201c{name}\u201d in {quoted(path)} cannot be read by this version "
            f"of jmapper ({_problem('persona', field, value)}). Open the library with a newer "
            "jmapper."
        )


def _problem(kind: str, field: str | None, value: Any) -> str:
    """“its map type is “alien””, “a lane’s kind is “alien””: what could not be read."""
    owner = "its" if kind in ("map", "persona") else _a(kind.replace("_", " ")) + "\u2019s"
    if field is None:
        return f"{owner} data is in a form it does not know"
    shown = str(value) if len(str(value)) <= 40 else str(value)[:39] + "\u2026"
    return f"{owner} {field.replace('_', ' ')} is \u201c{shown}\u201d"


def _a(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def quoted(path: Path) -> str:
    """The file's name as users see it in messages: “name.jmapper”."""
    return f"\u201c{path.name}\u201d"
