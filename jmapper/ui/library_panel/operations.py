"""Map-level operations of the main window: new, duplicate, derive, rename, delete, import.

Each use case is one call on the window's :class:`~jmapper.services.library_api.Library`
(the same service functions ``jmapper new`` and the other commands use);
this module only asks, opens and records.  Whole maps added or deleted are
recorded on the window's library QUndoStack (AddMapCommand / DeleteMapCommand), so a
deleted map comes back with Ctrl+Z.  Renaming is an edit of the map's title,
so it goes through the map's document like any other field.  Each operation
runs inside ``reporting_errors``: a refusal is one sentence in a message box.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Persona
from jmapper.ui import settings as keys
from jmapper.ui.dialogs.messages import reporting_errors, show_error
from jmapper.ui.dialogs.prompt import TextPromptDialog
from jmapper.ui.library_panel.commands import AddMapCommand, DeleteMapCommand

if TYPE_CHECKING:
    from jmapper.services.library_api import Library
    from jmapper.ui.dialogs.new_map import NewMapDialog, NewMapRequest
    from jmapper.ui.library_panel.host import MapWindow

log = logging.getLogger(__name__)


class MapOperations:
    """What the File and Map menus do to whole maps, against the window's open library."""

    def __init__(self, window: MapWindow, parent: QWidget) -> None:
        self.window = window
        #: Dialogs and message boxes open over this widget (the window itself).
        self.parent = parent

    @property
    def library(self) -> Library:
        """The window's open library (it changes when the user opens another)."""
        return self.window.library

    # -- adding ------------------------------------------------------------------------
    def new_map(self) -> NewMapDialog:
        # The dialog pulls in the templates; load it when first asked, not at start-up.
        from jmapper.ui.dialogs.new_map import NewMapDialog

        dialog = NewMapDialog(self.library.list_personas(), self.parent)
        dialog.accepted.connect(lambda: self.create(dialog.request()))
        self.window.show_dialog(dialog)
        return dialog

    def create(self, request: NewMapRequest) -> str | None:
        """Build the requested map from the templates, store and open it; its id."""
        with reporting_errors(self.parent, "New map"):
            bundle = self.library.create_map(
                request.title,
                request.map_type,
                from_sample=request.sample,
                stage_preset=request.stage_preset,
                persona=self._persona_for(request),
            )
            return self._added(bundle, f"New map \u201c{bundle.map.title}\u201d")
        return None

    def _persona_for(self, request: NewMapRequest) -> Persona | None:
        if request.new_persona_name:
            return Persona(name=request.new_persona_name)
        if request.persona_id:
            for persona in self.library.list_personas():
                if persona.id == request.persona_id:
                    return persona
        return None

    def duplicate(self) -> str | None:
        document = self.window.document
        if document is None:
            return None
        with reporting_errors(self.parent, "Duplicate map"):
            bundle = self.library.duplicate_map(document.bundle)
            return self._added(bundle, f"Duplicate map \u201c{document.bundle.map.title}\u201d")
        return None

    def derive_future_state(self) -> str | None:
        document = self.window.document
        if document is None:
            return None
        with reporting_errors(self.parent, "Derive future state"):
            source = document.bundle
            bundle = self.library.derive_future_state(source)
            return self._added(bundle, f"Derive future state of \u201c{source.map.title}\u201d")
        return None

    def _added(self, bundle: MapBundle, text: str) -> str:
        """Record a map the library just stored for undo, and open it."""
        self.window.library_stack.push(
            AddMapCommand(text, self.library, bundle, self._library_changed, self._undo_failed)
        )
        self.window.refresh_maps()
        self.window.open_map(bundle.map.id)
        # The next Ctrl+Z should take the new map back, until the user edits it.
        self.window.undo_group.setActiveStack(self.window.library_stack)
        self.window.statusBar().showMessage(f"{text}: done.", 5000)
        return bundle.map.id

    # -- renaming and deleting ----------------------------------------------------------------
    def rename(self) -> TextPromptDialog | None:
        document = self.window.document
        if document is None:
            return None
        dialog = TextPromptDialog(
            "Rename map", "New title:", document.bundle.map.title, self.parent
        )
        dialog.setObjectName("renameMapDialog")

        def rename() -> None:
            with reporting_errors(self.parent, "Rename map"):
                document.edit_map(title=dialog.text())

        dialog.accepted.connect(rename)
        self.window.show_dialog(dialog)
        return dialog

    def delete(self, *, confirm: bool = True) -> bool:
        """Delete the open map (after asking); undo puts it back with its versions."""
        document = self.window.document
        if document is None:
            return False
        title = document.bundle.map.title
        if confirm:
            answer = QMessageBox.question(
                self.parent,
                "Delete map",
                f"Delete \u201c{title}\u201d from the library? Undo (Ctrl+Z) brings it back "
                "while jmapper stays open.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        with reporting_errors(self.parent, "Delete map"):
            map_id = document.map_id
            removed = self.library.remove_map(map_id)
            self.window.close_document(map_id)
            self.window.library_stack.push(
                DeleteMapCommand(
                    f"Delete map \u201c{title}\u201d",
                    self.library,
                    removed,
                    self._library_changed,
                    self._undo_failed,
                )
            )
            self.window.undo_group.setActiveStack(self.window.library_stack)
            self.window.refresh_maps()
            self.window.statusBar().showMessage(f"Deleted \u201c{title}\u201d.", 5000)
            return True
        return False

    # -- JSON import --------------------------------------------------------------------------
    def import_json(self) -> list[str]:
        folder = self.window.settings.get(keys.LAST_IMPORT_FOLDER)
        from jmapper.ui.dialogs.interchange_filters import format_of_filter, import_filter_text

        path, chosen = QFileDialog.getOpenFileName(
            self.parent, "Import maps", folder, import_filter_text()
        )
        if not path:
            return []
        from pathlib import Path

        self.window.settings.set(keys.LAST_IMPORT_FOLDER, str(Path(path).parent))
        added: list[str] = []
        with reporting_errors(self.parent, "Import"):
            results, warnings = self.library.import_file(path, format_of_filter(chosen))
            stack = self.window.library_stack
            stack.beginMacro(f"Import \u201c{Path(path).name}\u201d")
            try:
                for result in results:
                    if result.replaced:
                        continue
                    bundle = self.library.load_map(result.id)
                    stack.push(
                        AddMapCommand(
                            f"Import \u201c{result.title}\u201d",
                            self.library,
                            bundle,
                            self._library_changed,
                            self._undo_failed,
                        )
                    )
                    added.append(result.id)
            finally:
                stack.endMacro()
            self.window.refresh_maps()
            self.window.persona_dock.refresh()
            if added:
                self.window.open_map(added[0])
            self.window.undo_group.setActiveStack(stack)
            titles = ", ".join(f"\u201c{r.title}\u201d" for r in results) or "nothing"
            self.window.statusBar().showMessage(f"Imported {titles}.", 8000)
            if warnings:
                QMessageBox.information(self.parent, "Import", "\n".join(warnings))
        return added

    # -- merging another library (docs/merge.md) ----------------------------------------------
    def merge_library(self) -> QWidget | None:
        """File > Merge Library…: choose a source, confirm the preview, merge as one undo step."""
        from jmapper.ui.library_panel.merging import LibraryMerge

        return LibraryMerge(self.window, self.parent).start()

    # -- undo callbacks -----------------------------------------------------------------------
    def _library_changed(self, map_id: str) -> None:
        """After a library undo or redo: drop a vanished map's document, refresh the list."""
        window = self.window
        with reporting_errors(self.parent, "Library"):
            if map_id in window.documents and not window.library.has_map(map_id):
                window.close_document(map_id)
        window.refresh_maps()
        window.persona_dock.refresh()

    def _undo_failed(self, sentence: str) -> None:
        show_error(self.parent, "Not saved", sentence)
