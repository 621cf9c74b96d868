"""What the map operations need from the window that hosts them, and nothing more.

:class:`~jmapper.ui.library_panel.operations.MapOperations` is typed against
this protocol rather than the main window, so the library panel does not
import the window that imports it.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoGroup, QUndoStack
from PySide6.QtWidgets import QDialog, QStatusBar

from jmapper.document import JourneyDocument
from jmapper.services.library_api import Library
from jmapper.ui.settings import Settings


class Refreshable(Protocol):
    def refresh(self) -> None: ...


class MapWindow(Protocol):
    """The open library, the open maps and their undo stacks, and how to show a result."""

    library: Library
    settings: Settings
    document: JourneyDocument | None
    documents: dict[str, JourneyDocument]
    library_stack: QUndoStack
    undo_group: QUndoGroup

    @property
    def persona_dock(self) -> Refreshable: ...

    def refresh_maps(self) -> None: ...

    def open_map(self, map_id: str) -> JourneyDocument | None: ...

    def close_document(self, map_id: str) -> None: ...

    def show_dialog(self, dialog: QDialog, modal: bool = True) -> QDialog: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)
