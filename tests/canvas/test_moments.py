"""M toggles a moment of truth on the selected step: one undo step, stored, drawn as a diamond."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.cells import Cell
from jmapper.ui.canvas.items import MomentMarkerItem


def _unmarked_column(ctx):
    marked = {(m.stage_id, m.step_id) for m in ctx.bundle.moments_of_truth.values()}
    layout = ctx.canvas.projection.layout
    return next(c for c in layout.columns if (c.stage_id, c.step_id) not in marked)


def test_m_marks_the_current_step_and_m_again_unmarks_it(ctx, qtbot, tmp_path):
    column = _unmarked_column(ctx)
    lane = ctx.canvas.projection.layout.lanes[0]
    before, steps = ctx.bundle.copy(), ctx.steps
    ctx.canvas.set_current_cell(Cell(lane.lane_id, column.index), scroll=False)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_M)
    added = [m for m in ctx.bundle.moments_of_truth.values() if m.id not in before.moments_of_truth]
    assert len(added) == 1
    moment = added[0]
    assert (moment.stage_id, moment.step_id) == (column.stage_id, column.step_id)
    assert moment.title == "Moment of truth"
    assert ctx.steps == steps + 1
    assert ctx.persisted().moments_of_truth[moment.id] == moment
    # drawn as the diamond in the column's header, and selected for the inspector
    item = ctx.canvas.projection.item("moment_of_truth", moment.id)
    assert ctx.canvas.primary_selection() == ("moment_of_truth", moment.id)
    marker = ctx.canvas.projection.items[("moment_of_truth", moment.id)]
    assert isinstance(marker, MomentMarkerItem) and item is not None
    assert column.x <= marker.box.marker.x < column.x + column.width
    ctx.canvas.grab().save(str(tmp_path / "moment.png"))
    # undo is exact, in memory and on disk
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before
    assert ctx.persisted() == before
    ctx.document.undo_stack.redo()
    assert ctx.bundle.moments_of_truth[moment.id] == moment
    # M on the selected moment takes it off again, in one step
    ctx.canvas.select("moment_of_truth", moment.id)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_M)
    assert moment.id not in ctx.bundle.moments_of_truth
    assert moment.id not in ctx.persisted().moments_of_truth
    assert ctx.steps == steps + 2
    ctx.document.undo_stack.undo()
    assert ctx.persisted().moments_of_truth[moment.id] == moment


def test_selected_step_header_is_the_column_marked(ctx, qtbot):
    step = next(s for s in ctx.bundle.steps.values())
    for m in list(ctx.bundle.moments_of_truth.values()):
        if m.step_id == step.id:
            ctx.document.remove("moment_of_truth", m.id)
    ctx.canvas.select("step", step.id)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_M)
    marked = [m for m in ctx.bundle.moments_of_truth.values() if m.step_id == step.id]
    assert len(marked) == 1 and marked[0].stage_id == step.stage_id


def test_m_while_typing_a_card_types_an_m(ctx, qtbot):
    column = _unmarked_column(ctx)
    lane = ctx.canvas.projection.layout.lanes[0]
    ctx.canvas.set_current_cell(Cell(lane.lane_id, column.index), scroll=False)
    before = dict(ctx.bundle.moments_of_truth)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Return)
    qtbot.keyClicks(ctx.canvas.editor, "Mm")
    assert ctx.canvas.editor.text() == "Mm"
    assert ctx.bundle.moments_of_truth == before


def test_toggle_from_the_context_menu_marks_the_clicked_column(ctx, qtbot):
    column = _unmarked_column(ctx)
    lane = ctx.canvas.projection.layout.lanes[-1]
    pos = ctx.view_pos(column.x + column.width / 2, lane.rect.y + lane.rect.h - 3)
    steps = ctx.steps
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.extend(a.objectName() for a in menu.actions())
        action = next(a for a in menu.actions() if a.objectName() == names.TOGGLE_MOMENT_OF_TRUTH)
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(200, choose)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, ctx.canvas.viewport().mapToGlobal(pos)
    )
    QApplication.sendEvent(ctx.canvas.viewport(), event)
    assert names.TOGGLE_MOMENT_OF_TRUTH in seen
    marked = [
        m
        for m in ctx.bundle.moments_of_truth.values()
        if (m.stage_id, m.step_id) == (column.stage_id, column.step_id)
    ]
    assert len(marked) == 1
    assert ctx.steps == steps + 1
