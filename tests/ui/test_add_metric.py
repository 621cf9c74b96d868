"""Add Metric from the toolbar, the menu and the keyboard: one undo step, stored, undone
exactly; the dialog refuses what it cannot store; the inspector edits a tile's counts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolBar

from jmapper.analysis.metrics import score
from jmapper.model.enums import LaneKind, MetricKind, MetricRole, MetricScope
from jmapper.storage import LibraryStore
from jmapper.ui.canvas import actions as canvas_names
from jmapper.ui.dialogs.metric_dialog import MetricDialog
from jmapper.ui.docks.counts_editor import CountsEditor
from jmapper.ui.toolbar import TOOLBAR_NAME

SUPPORT = "Broadband support request \u2014 current state"


def open_support(window):
    summary = next(m for m in window.library.list_maps() if m.title == SUPPORT)
    document = window.open_map(summary.id)
    assert document is not None
    return document


def click_step_header(window, step_name: str) -> str:
    canvas = window.canvas
    bundle = canvas.document_bundle()
    step = next(s for s in bundle.steps.values() if s.name == step_name)
    column = next(c for c in canvas.projection.layout.columns if c.step_id == step.id)
    canvas.centerOn(column.header.centre[0], column.header.centre[1] + 200)
    canvas.update_sticky()
    QApplication.processEvents()
    item = canvas.projection.item("step", step.id)
    point = item.mapToScene(*column.header.centre)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(point))
    assert canvas.primary_selection() == ("step", step.id)
    return step.id


def the_dialog(window) -> MetricDialog:
    dialog = window.findChild(MetricDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def press_ok(qtbot, dialog: MetricDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def persisted(window, map_id: str):
    store = LibraryStore.open(window.library.path)
    try:
        return store.load_map(map_id)
    finally:
        store.close()


def test_toolbar_adds_a_new_ces_metric_from_typed_counts(window, qtbot, render_dir):
    document = open_support(window)
    before = document.bundle.copy()
    step_id = click_step_header(window, "Explains the problem")
    bar = window.findChild(QToolBar, TOOLBAR_NAME)
    button = bar.widgetForAction(window.canvas.canvas_actions[canvas_names.ADD_METRIC])
    assert not button.icon().isNull()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = the_dialog(window)
    # The step is offered, narrowest first: it is the default scope.
    assert dialog.scope.currentData().kind == MetricScope.STEP
    assert dialog.scope.currentData().entity_id == step_id
    dialog.metric_combo.setFocus()
    qtbot.keyClick(dialog.metric_combo, Qt.Key.Key_End)  # "New metric..." is last
    assert dialog.metric_combo.currentData() is None and dialog.name.isEnabled()
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "CES")
    assert dialog.kind.currentData() == MetricKind.CES
    qtbot.keyClicks(dialog.name, "Effort to explain")
    qtbot.keyClicks(dialog.unit, "1-7")
    qtbot.keyClicks(dialog.counts, "1: 2, 4: 3, 7: 5")
    assert dialog.result_label.text() == "Score: 4.9 (1-7)"  # (2 + 12 + 35) / 10
    dialog.grab().save(str(render_dir / "metric_dialog.png"))
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()

    bundle = document.bundle
    (definition,) = [d for d in bundle.metric_definitions.values() if d.name == "Effort to explain"]
    (value,) = [v for v in bundle.metric_values.values() if v.metric_id == definition.id]
    assert definition.kind is MetricKind.CES and definition.unit == "1-7"
    assert (value.scope, value.scope_id, value.role) == (
        MetricScope.STEP,
        step_id,
        MetricRole.ACTUAL,
    )
    assert value.raw_counts == {"1": 2, "4": 3, "7": 5} and value.value == pytest.approx(4.9)
    assert score(definition, value) == pytest.approx(4.9)
    assert document.undo_stack.count() == 1
    stored = persisted(window, document.map_id)
    assert stored.metric_values[value.id] == value
    assert stored.metric_definitions[definition.id] == definition
    # The new tile is on the canvas and selected.
    assert window.canvas.primary_selection() == ("metric_value", value.id)
    window.canvas.grab().save(str(render_dir / "metric_added_canvas.png"))
    document.undo_stack.undo()
    assert document.bundle == before
    assert persisted(window, document.map_id) == before


def test_a_selected_tile_offers_its_metric_and_a_target_is_typed(window, qtbot):
    document = open_support(window)
    canvas = window.canvas
    bundle = document.bundle
    ces = next(d for d in bundle.metric_definitions.values() if d.kind is MetricKind.CES)
    tile = next(t for t in canvas.projection.layout.metric_tiles if t.metric_id == ces.id)
    canvas.centerOn(*tile.rect.centre)
    QTest.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=canvas.mapFromScene(*tile.title.rect.centre),
    )
    assert canvas.primary_selection() == ("metric_value", tile.value_id)
    canvas.setFocus()
    qtbot.keyClick(
        canvas,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = the_dialog(window)
    assert dialog.metric_combo.currentData() == ces.id and not dialog.name.isEnabled()
    shown = bundle.metric_values[tile.value_id]
    assert dialog.scope.currentData().entity_id == shown.scope_id
    dialog.role.setFocus()
    qtbot.keyClicks(dialog.role, "B")  # Baseline
    assert dialog.role.currentData() == MetricRole.BASELINE
    dialog.period.selectAll()
    qtbot.keyClicks(dialog.period, "2025-Q1")
    qtbot.keyClicks(dialog.value, "2.6")
    press_ok(qtbot, dialog)
    added = [
        v
        for v in document.bundle.metric_values.values()
        if v.period == "2025-Q1" and v.metric_id == ces.id
    ]
    assert len(added) == 1 and added[0].value == pytest.approx(2.6)
    tile = next(t for t in canvas.projection.layout.metric_tiles if t.metric_id == ces.id)
    words = " ".join(line.text for line in tile.change.lines)
    assert words == "+0.5 better since baseline 2.6 (1-7)"  # 3.1 now
    assert document.undo_stack.count() == 1


def test_the_dialog_refuses_what_it_cannot_store_and_cancel_adds_nothing(window, qtbot):
    document = open_support(window)
    before = document.bundle.copy()
    window.canvas.setFocus()
    window.canvas.canvas_actions[canvas_names.ADD_METRIC].trigger()
    dialog = the_dialog(window)
    dialog.metric_combo.setFocus()
    qtbot.keyClick(dialog.metric_combo, Qt.Key.Key_End)
    press_ok(qtbot, dialog)  # no name
    assert dialog.isVisible() and "Name the new metric" in dialog.error.text()
    qtbot.keyClicks(dialog.name, "Rate")
    press_ok(qtbot, dialog)  # no value, no counts
    assert dialog.isVisible() and "Type the value" in dialog.error.text()
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "NPS")
    qtbot.keyClicks(dialog.counts, "promoters 5")
    assert "is not a count" in dialog.result_label.text()
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "is not a count" in dialog.error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert document.bundle == before and document.undo_stack.count() == 0


def test_a_map_without_a_metrics_lane_gets_one_in_the_same_undo_step(window, qtbot):
    document = open_support(window)
    lane = next(ln for ln in document.bundle.lanes.values() if ln.kind is LaneKind.METRICS)
    document.remove("lane", lane.id)
    document.undo_stack.clear()
    before = document.bundle.copy()
    assert window.canvas.projection.layout.metric_tiles == ()
    window.canvas.canvas_actions[canvas_names.ADD_METRIC].trigger()
    dialog = the_dialog(window)
    qtbot.keyClicks(dialog.value, "12")
    press_ok(qtbot, dialog)
    assert document.undo_stack.count() == 1
    lanes = [ln for ln in document.bundle.lanes.values() if ln.kind is LaneKind.METRICS]
    assert len(lanes) == 1 and window.canvas.projection.layout.metric_tiles
    document.undo_stack.undo()
    assert document.bundle == before


def test_the_action_is_in_the_edit_menu_and_the_context_menu():
    assert any(canvas_names.ADD_METRIC in group for group in canvas_names.CONTEXT_MENU)


def test_the_inspector_edits_a_tiles_raw_counts_in_one_step(window, qtbot):
    document = open_support(window)
    canvas = window.canvas
    bundle = document.bundle
    nps = next(d for d in bundle.metric_definitions.values() if d.kind is MetricKind.NPS)
    tile = next(t for t in canvas.projection.layout.metric_tiles if t.metric_id == nps.id)
    canvas.centerOn(*tile.rect.centre)
    QTest.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=canvas.mapFromScene(*tile.figure.rect.centre),
    )
    editor = window.inspector.findChild(CountsEditor)
    assert editor is not None and editor.isVisible()
    assert editor.line.text() == "detractors: 720, passives: 640, promoters: 450"
    editor.line.setFocus()
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "promoters: 600, passives: 640, detractors: 570")
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    value = document.bundle.metric_values[tile.value_id]
    assert value.raw_counts == {"promoters": 600, "passives": 640, "detractors": 570}
    assert document.undo_stack.count() == 1
    new_tile = canvas.projection.item("metric_value", tile.value_id).box
    assert " ".join(line.text for line in new_tile.figure.lines) == "1.7"
    assert persisted(window, document.map_id).metric_values[value.id] == value
    # A line that does not parse says why and changes nothing.
    editor.line.setFocus()
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "lots")
    qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert editor.problem.isVisible() and document.undo_stack.count() == 1
