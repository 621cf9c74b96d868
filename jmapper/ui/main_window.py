"""The main window: the library's maps beside the open map.

The full canvas is its own piece of work; this window lists the maps of the
open library (title, type, persona, status, last reviewed), opens one as a
JourneyDocument and shows its grid in a QGraphicsView, with undo and redo in
the Edit menu and the library path in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QPen
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsScene,
    QGraphicsView,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
)

from jmapper.document import JourneyDocument
from jmapper.ui import action_names


class MainWindow(QMainWindow):
    def __init__(self, store: object) -> None:
        super().__init__()
        self.store = store
        self.document: JourneyDocument | None = None
        self.setWindowTitle(f"jmapper \u2014 {store.path.name}")  # type: ignore[attr-defined]
        self.resize(1280, 800)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setObjectName("canvasView")
        self.setCentralWidget(self.view)
        self.map_list = QTreeWidget(self)
        self.map_list.setObjectName("mapList")
        self.map_list.setHeaderLabels(["Title", "Type", "Persona", "Status", "Reviewed"])
        self.map_list.setRootIsDecorated(False)
        self.map_list.itemActivated.connect(self._open_selected)
        self.map_list.currentItemChanged.connect(lambda item, _prev: self._open_item(item))
        dock = QDockWidget("Maps", self)
        dock.setObjectName("libraryDock")
        dock.setWidget(self.map_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self._build_actions()
        self.refresh_maps()
        status = "read-only" if getattr(store, "read_only", False) else "every change is saved"
        self.statusBar().showMessage(f"{store.path} \u2014 {status}")  # type: ignore[attr-defined]

    def _build_actions(self) -> None:
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setObjectName(action_names.UNDO)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setToolTip("Undo the last change")
        self.undo_action.triggered.connect(self._undo)
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setObjectName(action_names.REDO)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setToolTip("Redo the change you undid")
        self.redo_action.triggered.connect(self._redo)
        quit_action = QAction("&Quit", self)
        quit_action.setObjectName(action_names.QUIT)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setToolTip("Close jmapper (everything is already saved)")
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self._update_undo_texts()

    def refresh_maps(self) -> None:
        self.map_list.clear()
        for summary in self.store.list_maps():  # type: ignore[attr-defined]
            reviewed = summary.last_reviewed.isoformat() if summary.last_reviewed else ""
            item = QTreeWidgetItem(
                [
                    summary.title,
                    summary.map_type.label,
                    summary.persona_name or "",
                    summary.status.label,
                    reviewed,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, summary.id)
            self.map_list.addTopLevelItem(item)
        if self.map_list.topLevelItemCount():
            self.map_list.setCurrentItem(self.map_list.topLevelItem(0))

    def _open_selected(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._open_item(item)

    def _open_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        map_id = item.data(0, Qt.ItemDataRole.UserRole)
        if self.document is not None and self.document.map_id == map_id:
            return
        bundle = self.store.load_map(map_id)  # type: ignore[attr-defined]
        self.document = JourneyDocument(bundle, self.store, self)  # type: ignore[arg-type]
        self.document.undo_stack.indexChanged.connect(self._update_undo_texts)
        self.document.changes_applied.connect(lambda _c: self._draw_overview())
        self._draw_overview()
        self._update_undo_texts()

    def _draw_overview(self) -> None:
        """A plain grid preview of the open map (the full canvas replaces this)."""
        self.scene.clear()
        if self.document is None:
            return
        bundle = self.document.bundle
        columns = bundle.columns()
        lanes = [lane for lane in bundle.ordered_lanes() if lane.visible]
        width, height, label_w, head_h = 160.0, 90.0, 150.0, 40.0
        pen = QPen(QColor("#9aa0a6"))
        for col in columns:
            stage = bundle.stages[col.stage_id]
            step = bundle.steps.get(col.step_id) if col.step_id else None
            x = label_w + col.index * width
            self.scene.addRect(x, 0, width, head_h, pen, QBrush(QColor("#e8eef7")))
            text = self.scene.addText(stage.name + (f"\n{step.name}" if step else ""))
            text.setTextWidth(width - 8)
            text.setPos(x + 4, 0)
        for row, lane in enumerate(lanes):
            y = head_h + row * height
            self.scene.addRect(0, y, label_w, height, pen, QBrush(QColor("#f4f4f4")))
            label = self.scene.addText(lane.name)
            label.setTextWidth(label_w - 8)
            label.setPos(4, y + 4)
            for col in columns:
                cards = bundle.cards_in_cell(lane.id, col.stage_id, col.step_id)
                x = label_w + col.index * width
                self.scene.addRect(x, y, width, height, pen)
                if cards:
                    more = f" (+{len(cards) - 1})" if len(cards) > 1 else ""
                    card_text = self.scene.addText(cards[0].title + more)
                    card_text.setTextWidth(width - 8)
                    card_text.setPos(x + 4, y + 4)

    def _undo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.undo()

    def _redo(self) -> None:
        if self.document is not None:
            self.document.undo_stack.redo()

    def _update_undo_texts(self, _index: int = 0) -> None:
        stack = self.document.undo_stack if self.document else None
        self.undo_action.setEnabled(bool(stack and stack.canUndo()))
        self.redo_action.setEnabled(bool(stack and stack.canRedo()))
        undo_text = stack.undoText() if stack else ""
        redo_text = stack.redoText() if stack else ""
        self.undo_action.setText(f"&Undo {undo_text}".strip())
        self.redo_action.setText(f"&Redo {redo_text}".strip())
