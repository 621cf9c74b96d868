"""The main toolbar carries the standard add actions, with icons, shared with the menus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from jmapper.model.enums import LaneKind
from jmapper.ui.canvas import actions as canvas_names
from jmapper.ui.canvas.cells import Cell
from jmapper.ui.toolbar import TOOLBAR_NAME


def test_toolbar_has_the_add_actions_with_icons(window, qtbot, render_dir):
    bar = window.findChild(QToolBar, TOOLBAR_NAME)
    assert bar is not None and bar.isVisible()
    on_bar = {a.objectName(): a for a in bar.actions() if a.objectName()}
    for name in (
        canvas_names.ADD_CARD,
        canvas_names.ADD_OPPORTUNITY,
        canvas_names.INSERT_STAGE_AFTER,
        canvas_names.INSERT_LANE_BELOW,
        "actionUndo",
        "actionRedo",
    ):
        assert name in on_bar, name
        assert not on_bar[name].icon().isNull(), name
        assert on_bar[name].toolTip()
    # the very QAction of the canvas, so shortcut and enabled state are one
    assert (
        on_bar[canvas_names.ADD_OPPORTUNITY]
        is window.canvas.canvas_actions[canvas_names.ADD_OPPORTUNITY]
    )
    window.resize(1920, 1080)
    qtbot.wait(50)
    window.grab().save(str(render_dir / "toolbar_window.png"))


def test_toolbar_add_opportunity_is_one_undo_step(window, qtbot):
    with_lane = [
        m.id
        for m in window.library.list_maps()
        if any(
            lane.kind is LaneKind.OPPORTUNITIES
            for lane in window.library.load_map(m.id).lanes.values()
        )
    ]
    document = window.open_map(with_lane[0])
    assert document is not None
    layout = window.canvas.projection.layout
    before = document.bundle.copy()
    window.canvas.set_current_cell(Cell(layout.lanes[0].lane_id, 0), scroll=False)
    bar = window.findChild(QToolBar, TOOLBAR_NAME)
    button = bar.widgetForAction(window.canvas.canvas_actions[canvas_names.ADD_OPPORTUNITY])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.canvas.editor, "Call back within the hour")
    qtbot.keyClick(window.canvas.editor, Qt.Key.Key_Return)
    added = [o for o in document.bundle.opportunities.values() if o.id not in before.opportunities]
    assert [o.title for o in added] == ["Call back within the hour"]
    assert document.undo_stack.count() == 1
    assert window.library.load_map(document.map_id).opportunities[added[0].id] == added[0]
    window.undo_group.undo()
    assert document.bundle == before
