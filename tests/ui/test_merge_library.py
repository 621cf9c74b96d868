"""File > Merge Library… in the real window: preview, confirm, report, open a map, one undo step.

Only the file dialog is replaced; the library copy, the merge, the dialogs and
the undo stack are the real ones, on real files in tmp_path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton

from jmapper.model import edits
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from jmapper.ui.dialogs.merge_dialog import MAP_ID_ROLE, MergeReportDialog
from tests.services.test_merge import cards, edit, retitle_card


def choose(monkeypatch, *paths: Path) -> None:
    def pick(_parent, _caption, _folder, _filters):  # noqa: ANN001, ANN202
        return [str(path) for path in paths], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(pick))


def laptop_copy(window, store, tmp_path: Path) -> tuple[str, list[str], Path]:
    """Save a version of the open map, copy the library to 'laptop-2', edit both sides.

    Returns the map's id, its card titles before the edits, and the laptop's library.
    """
    document = window.document
    original = [c.title for c in cards(document.bundle)]
    document.save_snapshot("Workshop start")
    laptop = tmp_path / "laptop-2.jmapper"
    store.copy_to(laptop)
    title = document.bundle.map.title
    edit(laptop, title, retitle_card(1, "Edited on laptop 2"))
    first = cards(document.bundle)[0]
    document.execute(edits.edit_fields(document.bundle, "card", first.id, title="Edited here"))
    return document.map_id, original, laptop


def test_merge_library_previews_merges_reports_and_undoes_in_one_step(
    window, store, tmp_path, monkeypatch, qtbot, message_boxes, library_path
) -> None:
    map_id, original, laptop = laptop_copy(window, store, tmp_path)
    choose(monkeypatch, laptop)
    window.named_actions[names.MERGE_LIBRARY].trigger()
    preview = window.active_dialog
    assert isinstance(preview, MergeReportDialog) and preview.confirm
    assert preview.report.dry_run and [o.how for o in preview.report.maps][:1] == ["merged"]
    note = preview.findChild(object, "mergeNote").text()
    assert "Edit > Undo (Ctrl+Z)" in note and "backup copy" in note
    assert message_boxes.shown == []

    merge = preview.findChild(QPushButton, "mergeButton")
    QTest.mouseClick(merge, Qt.MouseButton.LeftButton)
    report = window.active_dialog
    assert isinstance(report, MergeReportDialog) and not report.confirm
    assert report.report.headline() == f"Merged laptop-2.jmapper into {library_path.name}."
    assert report.report.backup is not None and report.report.backup.exists()
    with LibraryStore.open(library_path) as again:
        merged = again.load_map(map_id)
    titles = [c.title for c in cards(merged)]
    assert titles[:2] == ["Edited here", "Edited on laptop 2"]

    # The open map was reopened from the library: the canvas shows both edits.
    assert [c.title for c in cards(window.document.bundle)][:2] == titles[:2]
    # Double-clicking the merged map's row opens it.
    window.open_map(next(s.id for s in window.library.list_maps() if s.id != map_id))
    (row,) = [r for r in report.map_rows() if r.data(0, MAP_ID_ROLE) == map_id]
    qtbot.waitExposed(report)
    report.tree.scrollToItem(row)
    centre = report.tree.visualItemRect(row).center()
    QTest.mouseClick(report.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseDClick(report.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.document.map_id == map_id
    report.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()

    # One undo step takes the whole merge back; redo writes it again.
    window.undo_group.setActiveStack(window.library_stack)
    undo = window.named_actions[names.UNDO]
    assert undo.text().endswith("Merge \u201claptop-2.jmapper\u201d")
    undo.trigger()
    with LibraryStore.open(library_path) as again:
        restored = again.load_map(map_id)
    assert [c.title for c in cards(restored)][:2] == ["Edited here", original[1]]
    assert [c.title for c in cards(window.document.bundle)][:2] == ["Edited here", original[1]]
    window.named_actions[names.REDO].trigger()
    with LibraryStore.open(library_path) as again:
        assert [c.title for c in cards(again.load_map(map_id))][:2] == titles[:2]
    assert message_boxes.shown == []


def test_a_bad_source_is_one_message_and_changes_nothing(
    window, tmp_path, monkeypatch, message_boxes, library_path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Ideas from the workshop\n", encoding="utf-8")
    choose(monkeypatch, notes)
    maps_before = [s.title for s in window.library.list_maps()]
    window.named_actions[names.MERGE_LIBRARY].trigger()
    assert window.active_dialog is None
    ((kind, title, text),) = message_boxes.shown
    assert kind == "warning" and title == "Merge library"
    assert "neither a jmapper library nor a jmapper JSON export" in text
    assert [s.title for s in window.library.list_maps()] == maps_before
    choose(monkeypatch, library_path)
    window.named_actions[names.MERGE_LIBRARY].trigger()
    assert "is the library being merged into" in message_boxes.shown[-1][2]


def test_undo_is_refused_when_a_merged_map_was_edited_since(
    window, store, tmp_path, monkeypatch, message_boxes, library_path
) -> None:
    map_id, _original, laptop = laptop_copy(window, store, tmp_path)
    choose(monkeypatch, laptop)
    window.named_actions[names.MERGE_LIBRARY].trigger()
    window.active_dialog.accept()
    window.active_dialog.reject()
    document = window.documents[map_id]
    third = cards(document.bundle)[2]
    document.execute(edits.edit_fields(document.bundle, "card", third.id, title="After merge"))
    with LibraryStore.open(library_path) as again:
        before = {s.id: again.load_map(s.id) for s in again.list_maps()}
    window.undo_group.setActiveStack(window.library_stack)
    assert "Merge" in window.named_actions[names.UNDO].text()
    window.named_actions[names.UNDO].trigger()
    assert "was edited after the merge" in message_boxes.shown[-1][2]
    with LibraryStore.open(library_path) as again:
        assert {s.id: again.load_map(s.id) for s in again.list_maps()} == before
        assert cards(again.load_map(map_id))[2].title == "After merge"
    # The step that can no longer be undone has left the stack.
    assert "Merge" not in window.named_actions[names.UNDO].text()


def test_several_laptops_merge_in_one_gesture_and_one_undo_step(
    window, store, tmp_path, monkeypatch, message_boxes, library_path
) -> None:
    map_id, original, laptop = laptop_copy(window, store, tmp_path)
    third = tmp_path / "laptop-3.jmapper"
    shutil.copyfile(laptop, third)
    title = window.document.bundle.map.title
    edit(third, title, retitle_card(2, "Edited on laptop 3"))
    choose(monkeypatch, laptop, third)
    window.named_actions[names.MERGE_LIBRARY].trigger()
    preview = window.active_dialog
    assert preview.report.sources == ["laptop-2.jmapper", "laptop-3.jmapper"]
    QTest.mouseClick(preview.findChild(QPushButton, "mergeButton"), Qt.MouseButton.LeftButton)
    with LibraryStore.open(library_path) as again:
        merged = [c.title for c in cards(again.load_map(map_id))]
    assert merged[:3] == ["Edited here", "Edited on laptop 2", "Edited on laptop 3"]
    window.active_dialog.reject()
    window.undo_group.setActiveStack(window.library_stack)
    undo = window.named_actions[names.UNDO]
    assert "laptop-2.jmapper" in undo.text() and "laptop-3.jmapper" in undo.text()
    undo.trigger()
    with LibraryStore.open(library_path) as again:
        assert [c.title for c in cards(again.load_map(map_id))][:3] == [
            "Edited here",
            *original[1:3],
        ]
    assert message_boxes.shown == []
