"""MapCanvas: the QGraphicsView that shows one JourneyDocument and turns gestures into edits.

The view owns view state only (selection, the cell cursor, zoom, scroll,
presentation); the map itself is the document's.  Edits flow one way: a
gesture asks the :class:`CanvasController`, the document applies and announces
the change set, and :meth:`MapCanvas._refresh` re-projects the layout onto the
items that changed.  Keyboard editing lives in :mod:`editing`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QMenu, QWidget

from jmapper.document import JourneyDocument
from jmapper.layout import compute_layout
from jmapper.model.bundle import MapBundle
from jmapper.style import DEFAULT_STYLE, Style, dark_variant
from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.actions import build_actions, enable_actions
from jmapper.ui.canvas.cells import Cell, cell_at, cell_rect
from jmapper.ui.canvas.controller import CanvasController
from jmapper.ui.canvas.editing import CanvasEditing
from jmapper.ui.canvas.emotion_target import EmotionSeriesPicker, point_target
from jmapper.ui.canvas.find_bar import FindBar
from jmapper.ui.canvas.host import CanvasHost
from jmapper.ui.canvas.inline_editor import InlineEditor
from jmapper.ui.canvas.interactions import (
    ArrowInteraction,
    Interaction,
    PanInteraction,
    near_right_edge,
    press_interaction,
)
from jmapper.ui.canvas.items import (
    BlueprintLabelItem,
    BlueprintLineItem,
    CardItem,
    CellCursorItem,
    LaneLabelItem,
    MapItem,
    OpportunityItem,
    StageHeaderItem,
    StepHeaderItem,
)
from jmapper.ui.canvas.key import MapKey
from jmapper.ui.canvas.lane_visibility import HiddenLanesMenu
from jmapper.ui.canvas.line_drag import LineDragInteraction
from jmapper.ui.canvas.pain_picker import PainPicker
from jmapper.ui.canvas.presentation import Presentation
from jmapper.ui.canvas.projection import Projection
from jmapper.ui.canvas.rendering import render_scene
from jmapper.ui.canvas.voting import Voting
from jmapper.ui.canvas.zoom import Zoom
from jmapper.ui.qt_painter import register_fonts

SCENE_MARGIN = 24.0


class MapCanvas(CanvasHost):
    # the primary selection changed: kind and id, ('', '') for none
    selection_changed = Signal(str, str)
    # an edit was refused: the sentence for the status bar
    edit_refused = Signal(str)
    # the zoom changed: 1.0 is 100%
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, style: Style = DEFAULT_STYLE) -> None:
        super().__init__(parent)
        # First: Qt sends events (resize, gestures) to the overrides from here on.
        self.zoom_control: Zoom = Zoom(self)
        self.presentation: Presentation = Presentation(self)
        self.key: MapKey = MapKey(self)
        register_fonts()
        self.setObjectName("mapCanvas")
        #: the style asked for (light); the canvas draws it in the window's scheme
        self._light_style = style
        self._normal_style = self.in_scheme(style)
        style = self._normal_style
        self.map_style = style
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._scene.setBackgroundBrush(QColor(style.canvas_fill))
        self.setScene(self._scene)
        self.projection = Projection(self._scene, style)
        self.cursor_item = CellCursorItem()
        self._scene.addItem(self.cursor_item)
        self.controller = CanvasController(self)
        self.controller.edit_refused.connect(self.edit_refused)
        self._document: JourneyDocument | None = None
        self._primary: tuple[str, str] = ("", "")
        self.current_cell: Cell | None = None
        self._interaction: Interaction | None = None
        self._space_held = False
        self.editor = InlineEditor(self.viewport())
        self.find_bar = FindBar(self)
        self.editing = CanvasEditing(self)
        self.pain_picker = PainPicker(self)
        # Not a child: the main window puts it on its toolbar (docs/research.md).
        self.emotion_picker = EmotionSeriesPicker()
        self.selection_changed.connect(self._follow_emotion_point)
        self.voting = Voting(self)
        self.find_bar.find_requested.connect(self.editing.find_next)
        self.find_bar.closed.connect(lambda: self.setFocus())
        self.canvas_actions: dict[str, QAction] = build_actions(self, self.editing.handlers())
        self.addActions(list(self.canvas_actions.values()))
        self.hidden_lanes_menu = HiddenLanesMenu(self, self)
        self.canvas_actions[names.HIDDEN_LANES] = self.hidden_lanes_menu.menuAction()
        self.canvas_actions[names.SHOW_KEY].toggled.connect(self.key.set_shown)
        self.canvas_actions[names.VOTE_MODE].toggled.connect(self.voting.set_on)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._scene.selectionChanged.connect(self._on_selection_changed)
        self._update_actions()

    # -- document -----------------------------------------------------------------------
    def set_document(self, document: JourneyDocument | None) -> None:
        """Show ``document`` (or nothing); the scene is built once here, then diffed."""
        if self._document is not None:
            self._document.changes_applied.disconnect(self._on_changes)
        self.editor.finish("cancel")
        self._cancel_interaction()
        self.pain_picker.stop()
        self._document = document
        self.controller.document = document
        self._scene.clearSelection()
        self.projection.clear()
        self.current_cell = None
        self._primary = ("", "")
        if document is not None:
            document.changes_applied.connect(self._on_changes)
            self._refresh()
            layout = self.projection.layout
            if layout is not None and layout.lanes and layout.columns:
                self.set_current_cell(Cell(layout.lanes[0].lane_id, 0), scroll=False)
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        else:
            self.cursor_item.set_rect(QRectF())
        self.selection_changed.emit("", "")
        self._update_actions()

    def current_document(self) -> JourneyDocument | None:
        return self._document

    def document_bundle(self) -> MapBundle | None:
        return self._document.bundle if self._document is not None else None

    def _on_changes(self, _changeset: object) -> None:
        self._refresh()

    def _refresh(self) -> None:
        """Recompute the pure layout and update just the items whose boxes changed."""
        if self._document is None:
            return
        layout = compute_layout(self._document.bundle, self.map_style)
        self.projection.sync(layout, self._document.bundle)
        self.emotion_picker.refresh(self._document.bundle)
        self._scene.setSceneRect(
            QRectF(
                -SCENE_MARGIN,
                -SCENE_MARGIN,
                layout.width + 2 * SCENE_MARGIN,
                layout.height + 2 * SCENE_MARGIN,
            )
        )
        if self.current_cell is not None:
            rect = cell_rect(layout, self.current_cell)
            if rect is None:
                self.current_cell = None
                self.cursor_item.set_rect(QRectF())
            else:
                self.cursor_item.set_rect(rect)
        self.update_sticky()
        self.key.refresh()
        self._on_selection_changed()

    # -- selection ----------------------------------------------------------------------
    def select(self, kind: str, entity_id: str, scroll: bool = True) -> None:
        """Select one entity (and scroll it into view); unknown ids clear the selection."""
        self._scene.blockSignals(True)
        self._scene.clearSelection()
        item = self.projection.item(kind, entity_id)
        if item is not None:
            item.setSelected(True)
        self._scene.blockSignals(False)
        if kind == "map" and self._document is not None:
            self._set_primary(("map", self._document.map_id))
            return
        self._set_primary((kind, entity_id) if item is not None else ("", ""))
        if item is not None:
            if kind == "card":
                self._follow_card(entity_id, scroll=False)
            if scroll:
                rect = item.sceneBoundingRect()
                if kind == "blueprint_line":  # as wide as the map: scroll up or down only
                    x = self.mapToScene(self.viewport().rect().center()).x()
                    rect = QRectF(x, rect.y(), 1, rect.height())
                self.ensureVisible(rect, 40, 40)

    def select_many(self, kind: str, entity_ids: list[str]) -> None:
        self._scene.blockSignals(True)
        self._scene.clearSelection()
        for entity_id in entity_ids:
            item = self.projection.item(kind, entity_id)
            if item is not None:
                item.setSelected(True)
        self._scene.blockSignals(False)
        if entity_ids:
            self.select_add(kind, entity_ids[0])
        else:
            self._on_selection_changed()

    def select_add(self, kind: str, entity_id: str) -> None:
        item = self.projection.item(kind, entity_id)
        if item is not None:
            self._scene.blockSignals(True)
            item.setSelected(True)
            self._scene.blockSignals(False)
            self._set_primary((kind, entity_id))
            if kind == "card":
                self._follow_card(entity_id, scroll=False)

    def clear_selection(self) -> None:
        self._scene.clearSelection()

    def selected_entities(self) -> list[tuple[str, str]]:
        out = []
        for item in self._scene.selectedItems():
            entity = self.projection.entity_of(item)
            if entity is not None and entity not in out:
                out.append(entity)
        return out

    def selected_card_ids(self) -> list[str]:
        """Selected cards in reading order (column, then top to bottom)."""
        layout = self.projection.layout
        ids = [i for k, i in self.selected_entities() if k == "card"]
        if layout is None:
            return ids
        return sorted(
            ids,
            key=lambda i: (
                (self.card_column(i) or 0, layout.cards[i].rect.y)
                if i in layout.cards
                else (0, 0.0)
            ),
        )

    def primary_selection(self) -> tuple[str, str]:
        return self._primary

    def _on_selection_changed(self) -> None:
        selected = self.selected_entities()
        if self._primary in selected or (self._primary[0] == "map" and not selected):
            self._update_actions()
            return
        self._set_primary(selected[0] if selected else ("", ""))

    def _set_primary(self, primary: tuple[str, str]) -> None:
        changed = primary != self._primary
        self._primary = primary
        if primary[0] == "card":
            self._follow_card(primary[1], scroll=False)
        self._update_actions()
        if changed:
            self.selection_changed.emit(*primary)

    def _follow_emotion_point(self, kind: str, entity_id: str) -> None:
        """Choosing a face makes its curve the one the keyboard edits."""
        bundle = self.document_bundle()
        if kind == "emotion_point" and bundle is not None:
            target = point_target(bundle, entity_id)
            if target is not None:
                self.emotion_picker.select(target)

    def _follow_card(self, card_id: str, scroll: bool) -> None:
        bundle = self.document_bundle()
        column = self.card_column(card_id)
        card = bundle.cards.get(card_id) if bundle else None
        if card is not None and column is not None:
            self.set_current_cell(Cell(card.lane_id, column), scroll=scroll)

    def _update_actions(self) -> None:
        document = self._document
        enable_actions(
            self.canvas_actions,
            document is not None,
            document is not None and not document.read_only,
            bool(self.selected_card_ids()),
            line_selected=self._primary[0] == "blueprint_line",
        )

    # -- cells -------------------------------------------------------------------------
    def card_column(self, card_id: str) -> int | None:
        """The grid column a card starts in (a stage-wide card starts in its first step)."""
        bundle = self.document_bundle()
        card = bundle.cards.get(card_id) if bundle else None
        if card is None or bundle is None:
            return None
        column = bundle.column_of(card.stage_id, card.step_id)
        if column is not None:
            return column.index
        return next((c.index for c in bundle.columns() if c.stage_id == card.stage_id), None)

    def set_current_cell(self, cell: Cell | None, scroll: bool = True) -> None:
        layout = self.projection.layout
        self.current_cell = cell
        rect = cell_rect(layout, cell) if layout is not None and cell is not None else None
        self.cursor_item.set_rect(rect or QRectF())
        if rect is not None and scroll:
            self.ensureVisible(rect, 30, 30)

    def cell_at_view(self, pos: QPoint) -> Cell | None:
        layout = self.projection.layout
        if layout is None:
            return None
        scene = self.mapToScene(pos)
        return cell_at(layout, scene.x(), scene.y())

    def map_item_at(self, pos: QPoint) -> MapItem | None:
        for item in self.items(pos):
            while item is not None and not (isinstance(item, MapItem) and item.kind):
                item = item.parentItem()
            if item is not None:
                return item
        return None

    def card_item_at(self, pos: QPoint) -> CardItem | None:
        item = self.map_item_at(pos)
        return item if isinstance(item, CardItem) else None

    # -- mouse -------------------------------------------------------------------------
    def _cancel_interaction(self) -> None:
        if self._interaction is not None:
            self._interaction.cancel()
            self._interaction = None

    def finish_arrow_mode(self) -> None:
        self.canvas_actions[names.DRAW_ARROW].setChecked(False)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.editor.active:
            self.editor.finish("commit")
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        button = event.button()
        if self.pain_picker.press(event):
            return
        if isinstance(self._interaction, ArrowInteraction) and self._interaction.armed:
            if self._interaction.press(event):
                self._interaction = None
            return
        self._cancel_interaction()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_held
        ):
            self._interaction = PanInteraction(self, event)
            return
        if button != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        item = self.map_item_at(pos)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        arrow = self.canvas_actions[names.DRAW_ARROW].isChecked() or bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if arrow:
            if isinstance(item, CardItem):
                self._interaction = ArrowInteraction(self, event, item)
            return
        if item is None:
            self.clear_selection()
            cell = self.cell_at_view(pos)
            if cell is not None:
                self.set_current_cell(cell, scroll=False)
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
            super().mousePressEvent(event)
            return
        if ctrl and item.selectable:
            item.setSelected(not item.isSelected())
            if item.isSelected():
                self._set_primary((item.kind, item.entity_id))
            return
        if not item.isSelected():
            self.select(item.kind, item.entity_id, scroll=False)
        if isinstance(item, (BlueprintLineItem, BlueprintLabelItem)):
            self._interaction = LineDragInteraction(self, event, item.entity_id)
            return
        self._interaction = press_interaction(self, event, item)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._interaction is not None:
            self._interaction.move(event)
            return
        pos = event.position().toPoint()
        item = self.card_item_at(pos) if not event.buttons() else None
        if item is not None and near_right_edge(self, item, pos):
            self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
        elif self._space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._interaction is not None:
            if self._interaction.release(event):
                self._interaction = None
            return
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._cancel_interaction()
        pos = event.position().toPoint()
        item = self.map_item_at(pos)
        if isinstance(item, CardItem):
            self.select("card", item.entity_id, scroll=False)
            self.editing.edit_card_inline(item.entity_id)
        elif isinstance(item, (StageHeaderItem, StepHeaderItem, LaneLabelItem)):
            self.select(item.kind, item.entity_id, scroll=False)
            self.editing.rename_inline(item.kind, item.entity_id)
        elif isinstance(item, OpportunityItem):
            self.select("opportunity", item.entity_id, scroll=False)
            self.editing.retitle_opportunity(item.entity_id)
        elif item is None:
            cell = self.cell_at_view(pos)
            if cell is not None:
                self.clear_selection()
                self.set_current_cell(cell, scroll=False)
                y = self.mapToScene(pos).y()
                if not self.editing.emotion_at(cell, y):
                    self.editing.start_new_card(cell)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        item = self.map_item_at(event.pos())
        if item is not None and not item.isSelected():
            self.select(item.kind, item.entity_id, scroll=False)
        elif item is None:
            cell = self.cell_at_view(event.pos())
            if cell is not None:
                self.clear_selection()
                self.set_current_cell(cell, scroll=False)
        menu = QMenu(self)
        for group in names.CONTEXT_MENU:
            for name in group:
                menu.addAction(self.canvas_actions[name])
            menu.addSeparator()
        menu.exec(event.globalPos())

    # -- keyboard ----------------------------------------------------------------------
    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802
        # Tab moves between cells, like a spreadsheet, instead of leaving the canvas.
        if self.editor.active or self.find_bar.isVisible() and self.find_bar.edit.hasFocus():
            return super().focusNextPrevChild(forward)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_Escape and self.pain_picker.active:
            self.pain_picker.stop()  # the opportunity stays selected
            return
        if key == Qt.Key.Key_Escape:
            self._cancel_interaction()
            self.finish_arrow_mode()
            self.clear_selection()
            return
        if self.presentation.on and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.presentation.step(1 if key == Qt.Key.Key_Right else -1)
            return
        if self.presentation.on and key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.presentation.page(1 if key == Qt.Key.Key_PageDown else -1)
            return
        if self.presentation.on and key == Qt.Key.Key_Home:
            self.presentation.home()
            return
        if self.presentation.on and key == Qt.Key.Key_H and not event.modifiers():
            self.presentation.toggle_fit_height()
            return
        if self.voting.key(event):
            return
        if not self.editing.key(event):
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    # -- zoom and scroll (see zoom.py) ------------------------------------------------
    def zoom(self) -> float:
        return self.zoom_control.value

    def set_zoom(self, zoom: float, anchor: QPoint | None = None) -> None:
        """Zoom to ``zoom`` (1.0 = 100%), keeping the scene point under ``anchor`` still."""
        self.zoom_control.set(zoom, anchor)

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        self.zoom_control.by(factor, anchor)

    def zoom_fit(self) -> None:
        self.zoom_control.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if not self.zoom_control.wheel(event):
            super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        return self.zoom_control.native_gesture(event) or super().viewportEvent(event)

    def event(self, event: QEvent) -> bool:
        return self.zoom_control.pinch(event) or super().event(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802
        super().scrollContentsBy(dx, dy)
        self.update_sticky()

    def update_sticky(self) -> None:
        """Keep the header row and the label column in view."""
        top_left = self.mapToScene(QPoint(0, 0))
        self.projection.set_sticky_offset(max(0.0, top_left.x()), max(0.0, top_left.y()))
        if self.presentation.on:
            self.presentation.overview.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        width = min(360, self.viewport().width() - 20)
        self.find_bar.setGeometry(
            self.viewport().width() - width - 10, 6, width, self.find_bar.sizeHint().height()
        )
        if self.presentation.on:
            self.presentation.show_stage(self.presentation.stage_index)
            self.presentation.overview.place()
        self.key.refresh()
        self.update_sticky()

    # -- presentation (see presentation.py) --------------------------------------------
    def presenting(self) -> bool:
        return self.presentation.on

    def set_presentation(self, on: bool) -> None:
        """Large type and one stage at a time, for a projector; off restores the editor."""
        self.presentation.set(on)

    def show_stage(self, index: int) -> None:
        """Frame stage ``index`` (clamped) with the lane labels beside it."""
        self.presentation.show_stage(index)

    def stage_index(self) -> int:
        return self.presentation.stage_index

    def normal_style(self) -> Style:
        """The editor's style (presentation lays the map out in a larger one)."""
        return self._normal_style

    def dark_scheme(self) -> bool:
        """Whether the window's palette is dark (the system's dark scheme, ui/palette.py)."""
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def in_scheme(self, style: Style) -> Style:
        """``style`` in the window's scheme: its dark variant when the palette is dark."""
        return dark_variant(style) if self.dark_scheme() else style

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # The system switched between light and dark (the app's palette changed): the
        # map follows, like the rest of the window.  Not an edit; the layout is redone.
        super().changeEvent(event)
        light = getattr(self, "_light_style", None)
        if event.type() == QEvent.Type.PaletteChange and light is not None:
            normal = self.in_scheme(light)
            if normal != self._normal_style:
                self._normal_style = normal
                self.presentation.restyle()

    def restyle(self, style: Style | None) -> None:
        """Lay the map out in ``style`` (None: the canvas's own).

        A change of style re-lays out every box; it is not an edit, so rebuilding is fine.
        """
        self.map_style = style or self._normal_style
        self._scene.setBackgroundBrush(QColor(self.map_style.canvas_fill))
        self.projection.clear()
        self.projection.style = self.map_style
        self._refresh()

    # -- rendering ---------------------------------------------------------------------
    def render_map(self, scale: float = 1.0) -> QImage:
        """The whole map as an image at ``scale`` pixels per point (tests, screenshots)."""
        return render_scene(self._scene, self.projection, self.cursor_item, scale)
