"""The Health panel: findings by severity, kept current off the edit path, jump and dismiss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jmapper.analysis.health import Severity
from jmapper.ui import action_names as names
from jmapper.ui.docks.health import DEBOUNCE_MS


def _open_bare(window, qtbot):
    """A new map with nothing in it: no persona, no scenario, stages without evidence."""
    bundle = window.library.create_map("Bare map", window_map_type())
    window.refresh_maps()
    document = window.open_map(bundle.map.id)
    qtbot.waitUntil(lambda: window.health_dock.document is document)
    return document


def window_map_type():
    from jmapper.model.enums import MapType

    return MapType.CURRENT_STATE


def _rows(dock) -> dict[str, list[str]]:
    """Group heading -> the rule ids of its rows."""
    groups = {}
    for g in range(dock.tree.topLevelItemCount()):
        group = dock.tree.topLevelItem(g)
        heading = group.text(0).split(" (")[0]
        groups[heading] = [
            group.child(i).data(0, Qt.ItemDataRole.UserRole).rule_id
            for i in range(group.childCount())
        ]
    return groups


def _click(dock, item) -> None:
    dock.tree.scrollToItem(item)
    rect = dock.tree.visualItemRect(item)
    QTest.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_findings_are_grouped_by_severity_with_icons_and_counts(window, qtbot):
    dock = window.health_dock
    assert dock.isVisible()
    assert window.named_actions[names.SHOW_HEALTH].isChecked()
    _open_bare(window, qtbot)
    groups = _rows(dock)
    assert list(groups)[:2] == ["Errors", "Warnings"]
    assert set(groups["Errors"]) == {"no-persona", "no-scenario"}
    assert "stage-without-evidence" in groups["Warnings"]
    assert dock.summary.text().startswith("2 errors, ")
    for g in range(dock.tree.topLevelItemCount()):
        assert not dock.tree.topLevelItem(g).icon(0).isNull()
    assert all(not row.icon(0).isNull() for row in dock.items())
    first = dock.items()[0].data(0, Qt.ItemDataRole.UserRole)
    assert first.severity is Severity.ERROR


def test_an_edit_only_starts_the_timer_and_the_panel_catches_up(window, qtbot):
    dock = window.health_dock
    document = _open_bare(window, qtbot)
    runs = dock.checks_run
    document.edit_map(scenario="Priya returns a gift that arrived broken.")
    assert dock.checks_run == runs and dock.timer.isActive()  # not on the edit path
    document.edit_map(scenario="Priya returns a gift that arrived broken, twice.")
    qtbot.waitUntil(lambda: dock.checks_run == runs + 1, timeout=DEBOUNCE_MS * 5)
    assert "no-scenario" not in _rows(dock)["Errors"]
    qtbot.wait(DEBOUNCE_MS * 2)
    assert dock.checks_run == runs + 1  # two quick edits, one check


def test_clicking_a_finding_jumps_to_its_stage_on_the_canvas(window, qtbot):
    dock = window.health_dock
    document = _open_bare(window, qtbot)
    row = next(
        r
        for r in dock.items()
        if r.data(0, Qt.ItemDataRole.UserRole).rule_id == "stage-without-evidence"
    )
    target = row.data(0, Qt.ItemDataRole.UserRole).target
    _click(dock, row)
    assert window.canvas.primary_selection() == ("stage", target.id)
    assert window.inspector.kind == "stage" and window.inspector.entity_id == target.id
    assert target.id in document.bundle.stages


def test_dismiss_with_a_reason_from_the_panel_then_undo_and_restore(window, qtbot):
    dock = window.health_dock
    document = _open_bare(window, qtbot)
    row = next(
        r for r in dock.items() if r.data(0, Qt.ItemDataRole.UserRole).rule_id == "no-persona"
    )
    _click(dock, row)
    assert not dock.dismiss_button.isEnabled()  # no reason yet
    qtbot.keyClicks(dock.reason, "Persona workshop next week")
    assert dock.dismiss_button.isEnabled()
    QTest.mouseClick(dock.dismiss_button, Qt.MouseButton.LeftButton)
    assert "no-persona" not in _rows(dock)["Errors"]
    assert _rows(dock)["Dismissed"] == ["no-persona"]
    assert "1 dismissed" in dock.summary.text()
    (dismissal,) = document.bundle.dismissals.values()
    assert dismissal.reason == "Persona workshop next week"
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: "Dismissed" not in _rows(dock), timeout=DEBOUNCE_MS * 5)
    document.undo_stack.redo()
    qtbot.waitUntil(lambda: "Dismissed" in _rows(dock), timeout=DEBOUNCE_MS * 5)
    group = dock.tree.topLevelItem(dock.tree.topLevelItemCount() - 1)
    group.setExpanded(True)
    _click(dock, group.child(0))
    assert dock.restore_button.isEnabled() and not dock.dismiss_button.isEnabled()
    QTest.mouseClick(dock.restore_button, Qt.MouseButton.LeftButton)
    assert "no-persona" in _rows(dock)["Errors"] and document.bundle.dismissals == {}


def test_render_the_health_panel(window, qtbot, render_dir):
    window.resize(1440, 900)
    dock = window.health_dock
    _open_bare(window, qtbot)
    rows = dock.items()
    _click(dock, rows[3])
    qtbot.keyClicks(dock.reason, "Brand study covers it")
    QTest.mouseClick(dock.dismiss_button, Qt.MouseButton.LeftButton)
    dock.tree.topLevelItem(dock.tree.topLevelItemCount() - 1).setExpanded(True)
    _click(dock, dock.items()[0])
    qtbot.wait(50)
    image = window.health_dock.grab().toImage()
    image.save(str(render_dir / "health-panel.png"))
    window.grab().save(str(render_dir / "health-window.png"))
    assert image.width() > 200 and image.height() > 300
    assert "1 dismissed" in dock.summary.text() and dock.detail.text().startswith("Error")
