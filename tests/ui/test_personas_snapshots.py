"""The persona dock, named versions and presentation mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names


def _add_persona(window, name: str) -> str:
    dock = window.persona_dock
    dock.new_name.setText(name)
    dock.add_button.click()
    return next(p.id for p in dock.personas() if p.name == name)


def _overlay_item(dock, persona_id):
    for row in range(dock.overlay_list.count()):
        item = dock.overlay_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == persona_id:
            return item
    raise AssertionError("persona not offered as an overlay")


def test_add_persona_assign_primary_and_overlay(window, qtbot, library_path, message_boxes):
    document = window.document
    dock = window.persona_dock
    nurse = _add_persona(window, "Ola, night-shift nurse")
    assert document.bundle.personas[nurse].name == "Ola, night-shift nurse"
    dock.select_persona(nurse)
    qtbot.keyClicks(dock.form.editors["role"].line, "Nurse")
    assert document.bundle.personas[nurse].role == "Nurse"

    dock.primary_combo.setCurrentIndex(dock.primary_combo.findData(nurse))
    dock.primary_combo.activated.emit(dock.primary_combo.currentIndex())
    assert document.bundle.map.primary_persona_id == nurse

    student = _add_persona(window, "Kim, student")
    _overlay_item(dock, student).setCheckState(Qt.CheckState.Checked)
    assert student in document.bundle.map.overlay_persona_ids
    with LibraryStore.open(library_path) as again:
        stored = again.load_map(document.map_id)
        assert stored.map.primary_persona_id == nurse
        assert student in stored.map.overlay_persona_ids
        assert {p.name: p.role for p in again.list_personas()}["Ola, night-shift nurse"] == "Nurse"
    # Undo takes the overlay off again.
    window.named_actions[names.UNDO].trigger()
    assert student not in document.bundle.map.overlay_persona_ids
    assert _overlay_item(dock, student).checkState() == Qt.CheckState.Unchecked
    assert message_boxes.shown == []


def test_a_fifth_overlay_is_refused_with_the_sentence(window, message_boxes):
    document = window.document
    dock = window.persona_dock
    document.edit_map(overlay_persona_ids=[])
    extra = [_add_persona(window, f"Persona {n}") for n in range(5)]
    for persona_id in extra[:4]:
        _overlay_item(dock, persona_id).setCheckState(Qt.CheckState.Checked)
    assert len(document.bundle.map.overlay_persona_ids) == 4
    _overlay_item(dock, extra[4]).setCheckState(Qt.CheckState.Checked)
    assert message_boxes.texts == ["A map can overlay at most 4 personas."]
    assert len(document.bundle.map.overlay_persona_ids) == 4
    assert _overlay_item(dock, extra[4]).checkState() == Qt.CheckState.Unchecked


def test_a_persona_in_use_is_not_deleted(window, message_boxes):
    dock = window.persona_dock
    primary = window.document.bundle.map.primary_persona_id
    dock.select_persona(primary)
    dock.delete_button.click()
    assert "Remove the persona from that map first" in message_boxes.texts[-1]
    assert primary in window.document.bundle.personas
    unused = _add_persona(window, "Nobody yet")
    dock.select_persona(unused)
    dock.delete_button.click()
    assert unused not in window.document.bundle.personas
    assert unused not in {p.id for p in window.library.list_personas()}


def test_snapshots_save_and_restore(window, library_path, message_boxes):
    document = window.document
    original = document.bundle.map.title
    window.named_actions[names.SAVE_SNAPSHOT].trigger()
    prompt = window.active_dialog
    prompt.line.setText("Before the workshop")
    prompt.accept()
    document.edit_map(title="Changed in the workshop")
    window.named_actions[names.SNAPSHOTS].trigger()
    dialog = window.active_dialog
    assert dialog.objectName() == "snapshotDialog"
    dialog.name_edit.setText("After the workshop")
    dialog.save_button.click()
    assert dialog.list.count() == 2
    row = next(r for r in range(dialog.list.count()) if "Before" in dialog.list.item(r).text())
    dialog.list.setCurrentRow(row)
    dialog.restore_button.click()
    assert document.bundle.map.title == original
    assert message_boxes.shown == []
    with LibraryStore.open(library_path) as again:
        assert again.load_map(document.map_id).map.title == original
    window.named_actions[names.UNDO].trigger()  # restoring is one undo step
    assert document.bundle.map.title == "Changed in the workshop"


def test_presentation_hides_everything_but_the_canvas(window, qtbot):
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert docks
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presenting
    assert window.isFullScreen()
    assert window.canvas.presenting()
    assert not window.menuBar().isVisible()
    assert not any(d.isVisible() for d in docks)
    assert window.canvas.isVisible()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not window.presenting
    assert not window.isFullScreen()
    assert not window.canvas.presenting()
    assert window.menuBar().isVisible()
    assert all(d.isVisible() for d in docks)
