"""The main window: the library's maps, the open map's canvas, inspector and personas.

The window is the composition point of the editor: it owns the open
library (``library``, a :class:`jmapper.services.library_api.Library`), one
JourneyDocument per map opened this session (so
switching maps keeps each map's undo history), and a QUndoGroup holding the
documents' stacks beside a library-level stack for whole-map operations
(new, duplicate, derive, import, delete).  The Edit menu's Undo and Redo
follow the group's active stack: the library stack after a map-level
operation or while the map list has focus, the open map's stack as soon as
the map is edited.  Dialogs open non-blocking (``open()``) so a workshop
never stalls in a nested event loop, and tests drive them through
``window.active_dialog``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QToolBar,
    QWidget,
)

from jmapper.document import JourneyDocument
from jmapper.services.library_api import Library, UnreadableMapError
from jmapper.ui import action_names as names
from jmapper.ui import settings as keys
from jmapper.ui import window_actions
from jmapper.ui.canvas import MapCanvas
from jmapper.ui.canvas import actions as canvas_names
from jmapper.ui.dialogs.messages import reporting_errors, show_error
from jmapper.ui.docks.comments import CommentsDock
from jmapper.ui.docks.evidence import EvidenceDock
from jmapper.ui.docks.health import HealthDock
from jmapper.ui.docks.inspector import InspectorDock
from jmapper.ui.docks.personas import PersonaDock
from jmapper.ui.library_panel import LibraryPanel
from jmapper.ui.library_panel.health import LibraryHealth
from jmapper.ui.library_panel.operations import MapOperations
from jmapper.ui.settings import Settings
from jmapper.ui.single_instance import (
    Answer,
    LibraryServer,
    already_open_sentence,
    ask_running_editor,
    resolved,
)
from jmapper.ui.toolbar import add_emotion_picker, build_toolbar
from jmapper.ui.welcome import install_welcome
from jmapper.ui.window_actions import ActionSpec

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, library: Library, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings if settings is not None else Settings()
        self.documents: dict[str, JourneyDocument] = {}
        self.document: JourneyDocument | None = None
        self.active_dialog: QDialog | None = None
        self._presenting = False
        self._was_maximised = False
        self._hidden_for_presentation: list[QWidget] = []

        # Documents are made children of this holder, created before the undo group, so
        # on destruction their stacks go (and signal) while the group still exists.
        self._document_parent = QObject(self)
        self.undo_group = QUndoGroup(self)
        self.library_stack = QUndoStack(self)
        self.undo_group.addStack(self.library_stack)
        self.undo_group.setActiveStack(self.library_stack)

        self.canvas = MapCanvas(self)
        self.view = self.canvas  # the start-up probe and the benchmarks watch window.view
        self.setCentralWidget(self.canvas)

        self.library_panel = LibraryPanel(self)
        self.library_health = LibraryHealth(self.library_panel, self)
        self.library_dock = QDockWidget("Maps", self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.library_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        self.inspector = InspectorDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector)
        self.persona_dock = PersonaDock(library, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.persona_dock)
        self.tabifyDockWidget(self.inspector, self.persona_dock)
        self.inspector.raise_()
        self.comments_dock = CommentsDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.comments_dock)
        self.tabifyDockWidget(self.inspector, self.comments_dock)
        self.evidence_dock = EvidenceDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.evidence_dock)
        self.tabifyDockWidget(self.inspector, self.evidence_dock)
        self.inspector.raise_()
        self.health_dock = HealthDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.health_dock)
        self.splitDockWidget(self.library_dock, self.health_dock, Qt.Orientation.Vertical)

        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoomStatus")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("libraryStatus")
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.status_label)

        self.operations = MapOperations(self, parent=self)
        self.named_actions: dict[str, QAction] = {}
        self._build_menus()
        self.toolbar = build_toolbar(self, {**self.named_actions, **self.canvas.canvas_actions})
        add_emotion_picker(self.toolbar, self.canvas.emotion_picker)
        self.welcome = install_welcome(self)  # in place of the canvas while there are no maps
        self.library_server = LibraryServer(self)  # one editor per library file
        self.library_server.serve(library.path)

        self.library_panel.map_requested.connect(self.open_map)
        self.library_panel.compare_requested.connect(self._compare_with_open_map)
        self.canvas.selection_changed.connect(self.inspector.show_selection)
        self.canvas.edit_refused.connect(self.show_refusal)
        self.canvas.zoom_changed.connect(lambda zoom: self.zoom_label.setText(f"{zoom:.0%}"))
        self.inspector.edit_refused.connect(self.show_refusal)
        self.inspector.pick_pains_requested.connect(self.canvas.pain_picker.start)
        self.canvas.pain_picker.finished.connect(self.inspector.pick_finished)
        from jmapper.ui.docks.register import install_register

        self.register_dock = install_register(self)
        from jmapper.ui.docks.matrix import install_matrix

        self.matrix_dock = install_matrix(self)
        self.persona_dock.edit_refused.connect(self.show_refusal)
        self.health_dock.edit_refused.connect(self.show_refusal)
        self.comments_dock.edit_refused.connect(self.show_refusal)
        self.comments_dock.jump_requested.connect(self.show_entity)
        self.evidence_dock.edit_refused.connect(self.show_refusal)
        self.evidence_dock.jump_requested.connect(self.show_entity)
        self.health_dock.jump_requested.connect(self.show_entity)
        self.health_dock.counted.connect(self.library_health.known)
        self.persona_dock.library_personas_changed.connect(self.refresh_maps)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self.resize(1400, 860)
        self._restore_layout()
        self._update_titles()
        self.refresh_maps()
        self._open_first_map()

    # -- actions and menus ----------------------------------------------------------
    def _action(self, spec: ActionSpec) -> QAction:
        """A named action with its tooltip; added to the window so its shortcut works
        even while the menu bar is hidden (presentation)."""
        action = QAction(spec.text, self)
        action.setObjectName(spec.name)
        action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
        action.setShortcuts(window_actions.shortcuts(spec))
        action.setCheckable(spec.checkable)
        slot = spec.handler(self)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.named_actions[spec.name] = action
        return action

    def _build_menus(self) -> None:
        """Menus from the declarative table in :mod:`jmapper.ui.window_actions`."""
        menus = {key: self.menuBar().addMenu(text) for key, text in window_actions.MENUS}
        self._needs: dict[str, str] = {}
        for entry in window_actions.ACTIONS:
            menu = menus.get(entry.menu)
            if menu is not None and entry.separator_before and not menu.isEmpty():
                menu.addSeparator()
            if isinstance(entry, window_actions.Placeholder):
                for action in self._placeholder_actions(entry.what, menu):
                    if menu is not None:
                        menu.addAction(action)
                continue
            action = self._action(entry)
            if entry.needs:
                self._needs[entry.name] = entry.needs
            if menu is not None:
                menu.addAction(action)
        self.named_actions[names.LEAVE_PRESENTATION].setEnabled(False)

    def _placeholder_actions(self, what: str, menu: Any) -> list[QAction]:
        """The actions a placeholder row of the table stands for."""
        canvas_actions = self.canvas.canvas_actions
        if what == "recent":
            self.recent_menu = menu.addMenu("Open &Recent")
            self.recent_menu.setObjectName("recentLibrariesMenu")
            self.recent_menu.menuAction().setObjectName(names.RECENT_LIBRARIES)
            self.recent_menu.menuAction().setToolTip("Libraries you opened lately")
            self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
            self._fill_recent_menu()
            return []
        if what == "undo_redo":
            std = QKeySequence.StandardKey
            undo = self.undo_group.createUndoAction(self, "&Undo")
            undo.setObjectName(names.UNDO)
            undo.setShortcuts(QKeySequence.keyBindings(std.Undo))
            undo.setToolTip("Undo the last change")
            redo = self.undo_group.createRedoAction(self, "&Redo")
            redo.setObjectName(names.REDO)
            redo.setShortcuts(QKeySequence.keyBindings(std.Redo))
            redo.setToolTip("Redo the change you undid")
            for action in (undo, redo):
                self.addAction(action)
                self.named_actions[action.objectName()] = action
            return [undo, redo]
        if what == "canvas_edit":
            return [a for k, a in canvas_actions.items() if k not in canvas_names.VIEW_ACTIONS]
        if what == "canvas_view":
            return [a for k, a in canvas_actions.items() if k in canvas_names.VIEW_ACTIONS]
        if what == "dock_toggles":
            toggles = []
            for dock, name, tip in (
                (self.library_dock, names.SHOW_LIBRARY, "Show or hide the list of maps"),
                (self.inspector, names.SHOW_INSPECTOR, "Show or hide the inspector"),
                (self.persona_dock, names.SHOW_PERSONAS, "Show or hide the personas"),
                (self.health_dock, names.SHOW_HEALTH, "Show or hide the map's health findings"),
                (self.comments_dock, names.SHOW_COMMENTS, "Show or hide the map's comments"),
                (
                    self.evidence_dock,
                    names.SHOW_EVIDENCE,
                    "Show or hide what each stage rests on: data sources and evidence",
                ),
            ):
                toggle = dock.toggleViewAction()
                toggle.setObjectName(name)
                toggle.setToolTip(tip)
                self.named_actions[name] = toggle
                toggles.append(toggle)
            return toggles
        raise ValueError(f"no menu placeholder called {what!r}")

    def toggle_presentation(self) -> None:
        self.set_presentation(not self._presenting)

    def leave_presentation(self) -> None:
        self.set_presentation(False)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_libraries()
        for index, path in enumerate(recent):
            action = self.recent_menu.addAction(f"&{index + 1} {Path(path).name}")
            action.setObjectName(f"actionRecentLibrary{index + 1}")
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self.switch_library(p))
        if not recent:
            empty = self.recent_menu.addAction("No recent libraries")
            empty.setObjectName("actionNoRecentLibraries")
            empty.setToolTip("Libraries you open appear here")
            empty.setEnabled(False)
            return
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear List")
        clear.setObjectName(names.CLEAR_RECENT)
        clear.setToolTip("Forget the recent libraries")
        clear.triggered.connect(self.settings.clear_recent_libraries)

    def _update_map_actions(self) -> None:
        has_map = self.document is not None
        writable = not self.library.read_only
        allowed = {"map": has_map and writable, "writable": writable, "open": has_map}
        for name, needs in self._needs.items():
            self.named_actions[name].setEnabled(allowed[needs])

    # -- file menu actions -----------------------------------------------------------
    def open_library_file(self) -> None:
        folder = str(Path(self.library.path).parent)
        path, _ = QFileDialog.getOpenFileName(
            self, "Open library", folder, "jmapper libraries (*.jmapper);;All files (*)"
        )
        if path:
            self.switch_library(path)

    def export_map(self) -> QDialog | None:
        if self.document is None:
            return None
        from jmapper.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(
            self.library, self.document.map_id, self.document.bundle.map.title, self.settings, self
        )
        return self.show_dialog(dialog)

    def save_snapshot(self) -> QDialog | None:
        document = self.document
        if document is None:
            return None
        from jmapper.ui.dialogs.prompt import TextPromptDialog

        dialog = TextPromptDialog("Save version", "Name this version of the map:", "", self)
        dialog.setObjectName("saveSnapshotDialog")

        def save() -> None:
            with reporting_errors(self, "Save version"):
                document.save_snapshot(dialog.text())
                self.statusBar().showMessage(f"Saved the version “{dialog.text()}”.", 5000)

        dialog.accepted.connect(save)
        return self.show_dialog(dialog)

    def show_snapshots(self) -> QDialog | None:
        if self.document is None:
            return None
        from jmapper.ui.dialogs.snapshots import SnapshotDialog

        return self.show_dialog(SnapshotDialog(self.document, self), modal=False)

    # -- the library ----------------------------------------------------------------
    def refresh_maps(self) -> None:
        """Reload the map list from the library (keeps the open map selected)."""
        with reporting_errors(self, "Library"):
            current = self.document.map_id if self.document else None
            survey = self.library.survey()
            self.library_panel.set_summaries(survey.readable, current, survey.unreadable)
            self.library_health.update(self.library.path, survey.readable)
        panel = self.library_panel
        self.welcome.follow(self.library, bool(panel.summaries() or panel.unreadable_ids()))

    def switch_library(self, path: str | Path) -> bool:
        """Close the open library and open ``path`` in its place."""
        if resolved(path) != self.library_server.library:
            answer = ask_running_editor(path)
            if answer is not Answer.NOBODY:
                show_error(self, "Open library", already_open_sentence(path, answer))
                return False
        opened = None
        with reporting_errors(self, "Open library"):
            opened = Library.open(path)
        if opened is None:
            return False
        for map_id in list(self.documents):
            self.close_document(map_id)
        self.library_stack.clear()
        old, self.library = self.library, opened
        old.close()
        self.library_health.forget()
        self.persona_dock.set_library(opened)
        self.settings.add_recent_library(opened.path)
        self.library_server.serve(opened.path)
        self._update_titles()
        self.refresh_maps()
        self._open_first_map()
        return True

    def _open_first_map(self) -> None:
        """Show the first map the editor can show (none, if the library has none)."""
        from jmapper.services.library import first_openable

        first = first_openable(self.library_panel.summaries())
        if first is not None:
            self.open_map(first.id)

    # -- documents ------------------------------------------------------------------------
    def open_map(self, map_id: str) -> JourneyDocument | None:
        """Show ``map_id`` on the canvas (reusing its document if opened before)."""
        if self.document is not None and self.document.map_id == map_id:
            return self.document
        document = self.documents.get(map_id)
        with reporting_errors(self, "Open map"):
            if document is None:
                # A map too large to show is refused before anything of it is built.
                self.library.check_openable(map_id)
                try:
                    bundle = self.library.load_map(map_id)
                except UnreadableMapError as error:
                    self.library_panel.mark_unreadable(map_id, str(error))
                    raise
                document = JourneyDocument(bundle, self.library, self._document_parent)
                self._adopt(document)
            else:
                self._sync_personas(document)
        if document is None:
            self.refresh_maps()
            return None
        self.document = document
        self.canvas.set_document(document)
        self.inspector.set_document(document)
        self.persona_dock.set_document(document)
        self.health_dock.set_document(document)
        self.comments_dock.set_document(document)
        self.evidence_dock.set_document(document)
        self.library_panel.select_map(map_id)
        self.undo_group.setActiveStack(document.undo_stack)
        self._update_titles()
        return document

    def _compare_with_open_map(self, map_id: str) -> None:
        from jmapper.ui.dialogs.review_commands import compare_with_open_map

        compare_with_open_map(self, map_id)

    def show_entity(self, kind: str, entity_id: str) -> None:
        """Select an entity on the canvas, scrolled into view, and show it in the inspector."""
        self.canvas.select(kind, entity_id)
        self.inspector.show_selection(kind, entity_id)

    def _adopt(self, document: JourneyDocument) -> None:
        self.documents[document.map_id] = document
        self.undo_group.addStack(document.undo_stack)
        document.undo_stack.indexChanged.connect(
            lambda _index, doc=document: self._document_stack_changed(doc)
        )
        document.changes_applied.connect(
            lambda changes, doc=document: self._document_changed(doc, changes)
        )
        document.persistence_failed.connect(
            lambda sentence: show_error(self, "Not saved", sentence)
        )

    def _sync_personas(self, document: JourneyDocument) -> None:
        """Personas are library-wide: pick up edits made while another map was open."""
        fresh = {persona.id: persona for persona in self.library.list_personas()}
        if fresh != document.bundle.personas:
            document.bundle.personas = fresh

    def close_document(self, map_id: str) -> None:
        document = self.documents.pop(map_id, None)
        if document is None:
            return
        if self.document is document:
            self.document = None
            self.canvas.set_document(None)
            self.inspector.set_document(None)
            self.persona_dock.set_document(None)
            self.health_dock.set_document(None)
            self.comments_dock.set_document(None)
            self.evidence_dock.set_document(None)
            self.undo_group.setActiveStack(self.library_stack)
        self.undo_group.removeStack(document.undo_stack)
        document.deleteLater()
        self._update_titles()

    def _document_stack_changed(self, document: JourneyDocument) -> None:
        # A stack being destroyed (with the window) still signals from its destructor.
        alive = shiboken6.isValid(document.undo_stack) and shiboken6.isValid(self.undo_group)
        if alive and document is self.document:
            self.undo_group.setActiveStack(document.undo_stack)

    def _document_changed(self, document: JourneyDocument, changes: Any) -> None:
        # Typing a map's scenario must not re-query the library on every keystroke:
        # re-list only when something the map list shows has changed.
        if any(_changes_map_list(change) for change in changes.changes):
            self.refresh_maps()
            self._update_titles()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        if self.library_panel.isAncestorOf(new):
            self.undo_group.setActiveStack(self.library_stack)
        elif self.document is not None and any(
            new is area or area.isAncestorOf(new)
            for area in (
                self.canvas,
                self.inspector,
                self.persona_dock,
                self.health_dock,
                self.comments_dock,
                self.evidence_dock,
            )
        ):
            self.undo_group.setActiveStack(self.document.undo_stack)

    # -- status and titles -------------------------------------------------------------------
    def show_refusal(self, sentence: str) -> None:
        """A refused edit, said in the status bar where it does not interrupt typing."""
        self.statusBar().showMessage(sentence, 8000)

    def _update_titles(self) -> None:
        path = Path(self.library.path)
        title = self.document.bundle.map.title if self.document else ""
        parts = ["jmapper", title, path.name] if title else ["jmapper", path.name]
        self.setWindowTitle(" \u2014 ".join(parts))
        self._update_map_actions()
        if self.library.read_only:
            state = "read-only: changes cannot be saved"
        else:
            state = "every change is saved"
        self.status_label.setText(f"{path} \u2014 {state}")
        self.status_label.setToolTip(str(path))

    # -- presentation -------------------------------------------------------------------------
    @property
    def presenting(self) -> bool:
        return self._presenting

    def set_presentation(self, on: bool) -> None:
        """Full screen with only the canvas (F11), for the projector; Esc comes back."""
        if on == self._presenting:
            return
        self._presenting = on
        bars: list[QWidget] = [self.menuBar(), self.statusBar(), *self._docks_and_toolbars()]
        if on:
            self._was_maximised = self.isMaximized()
            self._hidden_for_presentation = [w for w in bars if w.isVisible()]
            for widget in self._hidden_for_presentation:
                widget.hide()
            self.showFullScreen()
        else:
            for widget in self._hidden_for_presentation:
                widget.show()
            self._hidden_for_presentation = []
            if self._was_maximised:
                self.showMaximized()
            else:
                self.showNormal()
        self.canvas.set_presentation(on)
        self.named_actions[names.PRESENTATION].setChecked(on)
        self.named_actions[names.LEAVE_PRESENTATION].setEnabled(on)
        self.canvas.setFocus()

    def _docks_and_toolbars(self) -> list[QWidget]:
        return [*self.findChildren(QDockWidget), *self.findChildren(QToolBar)]

    # -- dialogs ------------------------------------------------------------------------------
    def show_dialog(self, dialog: QDialog, modal: bool = True) -> QDialog:
        """Open ``dialog`` without a nested event loop and keep it reachable for tests."""
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._dialog_gone(dialog))
        if modal:
            dialog.open()
        else:
            dialog.show()
        return dialog

    def _dialog_gone(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    # -- window state -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        self.resizeDocks([self.library_dock, self.inspector], [340, 380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.library_dock, self.health_dock], [300, 420], Qt.Orientation.Vertical)
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt virtual)
        if self._presenting:
            self.set_presentation(False)
        self.settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(keys.WINDOW_STATE, self.saveState())
        self.library_server.stop()
        self.library_health.stop()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        super().closeEvent(event)


#: The fields the library panel shows, per kind (map rows and their persona's name).
_LISTED_FIELDS = {
    "map": ("title", "map_type", "status", "last_reviewed", "primary_persona_id"),
    "persona": ("name",),
}


def _changes_map_list(change: Any) -> bool:
    fields = _LISTED_FIELDS.get(change.kind)
    if fields is None:
        return False
    if change.before is None or change.after is None:
        return True
    return any(getattr(change.before, f) != getattr(change.after, f) for f in fields)
