"""A moment of truth made from the toolbar gets its title and description in the inspector."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from jmapper.ui.canvas import actions as canvas_names
from jmapper.ui.canvas.cells import Cell
from jmapper.ui.toolbar import TOOLBAR_NAME


def test_toolbar_moment_then_inspector_title_and_description(window, qtbot, library_path):
    document = window.document
    layout = window.canvas.projection.layout
    marked = {(m.stage_id, m.step_id) for m in document.bundle.moments_of_truth.values()}
    column = next(c for c in layout.columns if (c.stage_id, c.step_id) not in marked)
    window.canvas.set_current_cell(Cell(layout.lanes[0].lane_id, column.index), scroll=False)
    bar = window.findChild(QToolBar, TOOLBAR_NAME)
    action = window.canvas.canvas_actions[canvas_names.TOGGLE_MOMENT_OF_TRUTH]
    assert not action.icon().isNull()
    steps = document.undo_stack.count()
    qtbot.mouseClick(bar.widgetForAction(action), Qt.MouseButton.LeftButton)
    (moment,) = [
        m
        for m in document.bundle.moments_of_truth.values()
        if (m.stage_id, m.step_id) == (column.stage_id, column.step_id)
    ]
    assert (window.inspector.kind, window.inspector.entity_id) == ("moment_of_truth", moment.id)
    title = window.inspector.form.editors["title"]
    title.line.selectAll()
    qtbot.keyClicks(title.line, "Pay or walk away")
    description = window.inspector.form.editors["description"]
    qtbot.keyClicks(description.text, "The price is shown here for the first time.")
    assert document.undo_stack.count() == steps + 3  # mark, title, description
    with LibraryStore.open(library_path) as again:
        stored = again.load_map(document.map_id).moments_of_truth[moment.id]
    assert stored.title == "Pay or walk away"
    assert stored.description == "The price is shown here for the first time."
    window.named_actions[names.UNDO].trigger()
    window.named_actions[names.UNDO].trigger()
    assert document.bundle.moments_of_truth[moment.id] == moment
