"""Documents opened from Finder: macOS sends them as FileOpen events, not on the command line.

The macOS bundle declares ``.jmapper`` as its document type
(packaging/jmapper.spec), so Finder starts jmapper.app on a double-clicked
library, or hands it to the running one, through a ``QFileOpenEvent`` on
the application.  :class:`FileOpenHandler` opens that library in the window
(through ``switch_library``, so a library open in another jmapper is still
refused) and brings the window forward.  Elsewhere the event never comes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QWidget

from jmapper.ui.single_instance import LibraryServer, resolved


class LibraryWindow(Protocol):
    """What opening a library by event needs of the window: switch, and come forward."""

    @property
    def library_server(self) -> LibraryServer: ...

    def switch_library(self, path: str | Path) -> bool: ...

    def window(self) -> QWidget:
        """The top-level widget (Qt's ``QWidget.window``): the handler lives as long as it."""
        ...


class FileOpenHandler(QObject):
    """Opens each library the system asks the application to open."""

    def __init__(self, window: LibraryWindow) -> None:
        super().__init__(window.window())
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt virtual)
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file()
        window = self._window
        if path and resolved(path) != window.library_server.library:
            window.switch_library(path)
        window.library_server.bring_forward()
        return True


def handle_file_open_events(app: QApplication, window: LibraryWindow) -> FileOpenHandler:
    """Route the application's FileOpen events to ``window`` for as long as it lives."""
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    return handler
