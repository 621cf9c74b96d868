"""Every setting the editor remembers, declared once with its type and default.

Two homes, never mixed up:

* :class:`Settings` wraps a ``QSettings`` for per-user, per-machine state
  (recent libraries, window geometry, last export folder).  When
  ``JMAPPER_DATA_DIR`` is set they live in ``settings.ini`` inside that
  folder (:func:`default_qsettings`), so a portable install or a test run
  writes nothing outside it; otherwise in the platform's settings store.
* :class:`LibraryKey` names values kept *inside* a library file through
  ``Library.get_setting``/``set_setting`` (export branding), because a
  consultant's logo and colours belong to the client's library, not to the
  laptop.  Documents themselves never go into QSettings.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

from jmapper.services.library_api import DATA_DIR_ENV, Library

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The settings file inside ``$JMAPPER_DATA_DIR``.
SETTINGS_FILE = "settings.ini"

#: How many libraries File > Recent libraries remembers.
MAX_RECENT = 8


@dataclass(frozen=True)
class Key(Generic[T]):
    """One QSettings entry: its key, the Python type it is read as, and its default."""

    name: str
    type: type
    default: T


RECENT_LIBRARIES: Key[list[str]] = Key("library/recent", list, [])
WINDOW_GEOMETRY: Key[QByteArray] = Key("window/geometry", QByteArray, QByteArray())
WINDOW_STATE: Key[QByteArray] = Key("window/state", QByteArray, QByteArray())
LAST_EXPORT_FOLDER: Key[str] = Key("export/last_folder", str, "")
LAST_IMPORT_FOLDER: Key[str] = Key("import/last_folder", str, "")


class Settings:
    """Typed access to QSettings; the only place the editor reads or writes them."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qsettings = qsettings if qsettings is not None else default_qsettings()

    @property
    def qsettings(self) -> QSettings:
        return self._qsettings

    def get(self, key: Key[T]) -> T:
        value = self._qsettings.value(key.name, None)
        if value is None:
            return _fresh(key.default)
        if key.type is list:
            # QSettings' ini backend returns a lone string for one-item lists.
            if isinstance(value, str):
                return cast(T, [value])
            return (
                cast(T, [str(v) for v in value]) if isinstance(value, list | tuple) else key.default
            )
        if key.type is QByteArray:
            return cast(T, value) if isinstance(value, QByteArray) else _fresh(key.default)
        try:
            return cast(T, key.type(value))
        except (TypeError, ValueError):
            log.warning("setting %s has an unreadable value %r; using the default", key.name, value)
            return _fresh(key.default)

    def set(self, key: Key[T], value: T) -> None:
        self._qsettings.setValue(key.name, value)
        self._qsettings.sync()

    def recent_libraries(self) -> list[str]:
        """Recent library paths, newest first, without ones that no longer exist."""
        return [p for p in self.get(RECENT_LIBRARIES) if Path(p).exists()]

    def add_recent_library(self, path: str | Path) -> None:
        text = str(Path(path).expanduser().resolve())
        recent = [p for p in self.get(RECENT_LIBRARIES) if p != text]
        self.set(RECENT_LIBRARIES, [text, *recent][:MAX_RECENT])

    def clear_recent_libraries(self) -> None:
        self.set(RECENT_LIBRARIES, [])


def default_qsettings() -> QSettings:
    """``$JMAPPER_DATA_DIR/settings.ini`` when the variable is set, else the platform's store."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser() / SETTINGS_FILE
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings()


def _fresh(value: T) -> T:
    """A copy of a mutable default, so callers cannot change the declaration."""
    if isinstance(value, list):
        return list(value)  # type: ignore[return-value]
    if isinstance(value, QByteArray):
        return QByteArray(value)  # type: ignore[return-value]
    return value


@dataclass(frozen=True)
class LibraryKey:
    """A value stored inside the library file (``Library.get_setting``), with its default."""

    name: str
    default: str

    def read(self, library: Library) -> str:
        value = library.get_setting(self.name, self.default)
        return self.default if value is None else str(value)

    def write(self, library: Library, value: str) -> None:
        """Store ``value`` unless the library is read-only (then it is simply not remembered)."""
        if library.read_only:
            return
        library.set_setting(self.name, value)


EXPORT_ORGANISATION = LibraryKey("export.organisation", "")
EXPORT_LOGO = LibraryKey("export.logo", "")
EXPORT_ACCENT = LibraryKey("export.accent", "#0072B2")
EXPORT_PAPER = LibraryKey("export.paper", "")
EXPORT_ORIENTATION = LibraryKey("export.orientation", "landscape")
EXPORT_MODE = LibraryKey("export.mode", "fit")
EXPORT_OVERLAP_MM = LibraryKey("export.overlap_mm", "10")
EXPORT_PAGES = LibraryKey("export.pages", "map")
EXPORT_FORMAT = LibraryKey("export.format", "pdf")
