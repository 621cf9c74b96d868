"""Zoom, pan, find, sticky headers and presentation: view state only, never the model."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from jmapper.ui.canvas import actions as names
from tests.canvas.conftest import drag


def test_actions_are_named_with_tooltips_and_shortcuts(ctx):
    canvas = ctx.canvas
    for name in (
        names.ADD_CARD,
        names.DELETE,
        names.COPY,
        names.PASTE,
        names.DUPLICATE,
        names.ZOOM_IN,
        names.ZOOM_OUT,
        names.ZOOM_FIT,
        names.ZOOM_100,
        names.FIND,
        names.INSERT_STAGE_BEFORE,
        names.INSERT_STAGE_AFTER,
        names.INSERT_STEP_BEFORE,
        names.INSERT_STEP_AFTER,
        names.INSERT_LANE_ABOVE,
        names.INSERT_LANE_BELOW,
        names.DRAW_ARROW,
        names.EMOTION_UP,
        names.EMOTION_DOWN,
    ):
        action = canvas.canvas_actions[name]
        assert action.objectName() == name
        assert action.toolTip() and action.shortcuts(), name
    assert canvas.canvas_actions[names.DUPLICATE].shortcut().toString() == "Ctrl+D"


def _wheel(canvas, pos: QPoint, dy: int, modifiers) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(canvas.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, dy),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(canvas.viewport(), event)


def test_zoom_with_ctrl_wheel_keys_fit_and_100(ctx, qtbot):
    canvas = ctx.canvas
    assert canvas.zoom() == 1.0
    with qtbot.waitSignal(canvas.zoom_changed):
        _wheel(canvas, QPoint(400, 300), 120, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom() > 1.0
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom() < 1.0
    canvas.canvas_actions[names.ZOOM_FIT].trigger()
    layout = canvas.projection.layout
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.width() >= layout.width and visible.height() >= layout.height
    qtbot.keyClick(canvas, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert canvas.zoom() == 1.0
    assert ctx.steps == 0


def test_pan_with_wheel_middle_drag_and_space_drag(ctx, qtbot):
    canvas = ctx.canvas
    h, v = canvas.horizontalScrollBar(), canvas.verticalScrollBar()
    _wheel(canvas, QPoint(400, 300), -240, Qt.KeyboardModifier.NoModifier)
    assert v.value() > v.minimum()
    x0 = h.value()
    drag(canvas, QPoint(800, 500), QPoint(500, 500), button=Qt.MouseButton.MiddleButton)
    assert h.value() == x0 + 300
    qtbot.keyPress(canvas, Qt.Key.Key_Space)
    drag(canvas, QPoint(800, 500), QPoint(900, 500))
    qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    assert h.value() == x0 + 200
    assert ctx.steps == 0


def test_headers_and_labels_stay_visible_while_scrolling(ctx, qtbot):
    canvas = ctx.canvas
    canvas.horizontalScrollBar().setValue(canvas.horizontalScrollBar().maximum())
    canvas.verticalScrollBar().setValue(canvas.verticalScrollBar().maximum())
    top_left = canvas.mapToScene(QPoint(0, 0))
    layout = canvas.projection.layout
    lane = canvas.projection.item("lane", layout.lanes[-1].lane_id)
    stage = canvas.projection.item("stage", layout.stages[-1].stage_id)
    assert abs(lane.sceneBoundingRect().left() - top_left.x()) < 1
    assert abs(stage.sceneBoundingRect().top() - top_left.y()) < 1
    view_point = canvas.mapFromScene(stage.sceneBoundingRect().center())
    assert canvas.map_item_at(view_point) is stage


def test_find_bar_selects_the_next_match(ctx, qtbot):
    canvas = ctx.canvas
    qtbot.keyClick(canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = canvas.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    needle = "chat"
    matches = [
        c.id
        for c in ctx.bundle.cards.values()
        if needle in (c.title + " " + c.description + " " + c.quote).casefold()
    ]
    assert len(matches) >= 2
    qtbot.keyClicks(bar.edit, needle)
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    first = canvas.primary_selection()
    assert first[0] == "card" and first[1] in matches
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    second = canvas.primary_selection()
    assert second[1] in matches and second != first
    item = canvas.projection.item("card", second[1])
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.intersects(item.sceneBoundingRect())
    assert bar.status.text() == f"2 of {len(matches)}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert ctx.steps == 0


def test_presentation_frames_one_stage_and_arrows_step(ctx, qtbot):
    canvas = ctx.canvas
    normal = canvas.projection.layout
    canvas.set_presentation(True)
    layout = canvas.projection.layout
    assert (
        layout.cards
        and next(iter(layout.cards.values())).title.size
        > next(iter(normal.cards.values())).title.size
    )
    canvas.show_stage(1)
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    stage = layout.stages[1].rect
    assert visible.left() <= stage.x - layout.grid.x + 1 and visible.right() >= stage.right - 1
    assert visible.width() < stage.w * 1.6 + layout.grid.x
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.stage_index() == 2
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.stage_index() == 0
    canvas.set_presentation(False)
    assert canvas.projection.layout == normal
    assert ctx.steps == 0


def test_select_scrolls_into_view_and_set_document_none(ctx, qtbot):
    canvas = ctx.canvas
    layout = canvas.projection.layout
    far = max(layout.cards.values(), key=lambda b: b.rect.x + b.rect.y)
    with qtbot.waitSignal(canvas.selection_changed) as signal:
        canvas.select("card", far.card_id)
    assert signal.args == ["card", far.card_id]
    visible = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    assert visible.intersects(canvas.projection.item("card", far.card_id).sceneBoundingRect())
    with qtbot.waitSignal(canvas.selection_changed) as signal:
        canvas.set_document(None)
    assert signal.args == ["", ""]
    assert canvas.current_document() is None and not canvas.projection.items
