"""The Evidence panel: stages with their backing, items edited in the inspector, removed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from jmapper.ui.docks.form import EntityForm

SUPPORT = "Broadband support request \u2014 current state"


def persisted(window, map_id: str):
    store = LibraryStore.open(window.library.path)
    try:
        return store.load_map(map_id)
    finally:
        store.close()


def test_choose_edit_and_remove_an_evidence_item(window, qtbot, render_dir):
    summary = next(m for m in window.library.list_maps() if m.title == SUPPORT)
    document = window.open_map(summary.id)
    dock = window.evidence_dock
    window.named_actions[names.SHOW_EVIDENCE].setChecked(True)
    dock.raise_()
    QApplication.processEvents()
    assert dock.summary.text() == "4 of 4 stages backed by data"
    tree = dock.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups[0] == "Pre-contact \u2014 Data 5"
    first = tree.topLevelItem(0)
    rows = [first.child(i) for i in range(first.childCount())]
    assert rows[0].text(0).startswith("Source: ")
    row = next(r for r in rows if r.text(0).startswith("14 in-home interviews"))
    item_id = row.data(0, Qt.ItemDataRole.UserRole)
    tree.scrollToItem(row)
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center()
    )
    assert window.inspector.kind == "evidence_item" and window.inspector.entity_id == item_id
    window.grab().save(str(render_dir / "evidence_panel.png"))

    # The inspector edits the item's title: stored, one undo step.
    window.inspector.raise_()
    QApplication.processEvents()
    form = window.inspector.findChild(EntityForm, "inspectorForm_evidence_item")
    title = form.editors["title"].findChild(QLineEdit)
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "16 interviews")
    assert document.bundle.evidence_items[item_id].title == "16 interviews"
    assert persisted(window, document.map_id).evidence_items[item_id].title == "16 interviews"
    assert document.undo_stack.count() == 1

    # Remove: the stage's count drops by one; undo puts it back.
    dock.raise_()
    QApplication.processEvents()
    first = tree.topLevelItem(0)
    row = next(
        first.child(i)
        for i in range(first.childCount())
        if first.child(i).data(0, Qt.ItemDataRole.UserRole) == item_id
    )
    tree.setCurrentItem(row)
    qtbot.mouseClick(dock.remove, Qt.MouseButton.LeftButton)
    assert item_id not in document.bundle.evidence_items
    assert item_id not in persisted(window, document.map_id).evidence_items
    assert tree.topLevelItem(0).text(0) == "Pre-contact \u2014 Data 4"
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert tree.topLevelItem(0).text(0) == "Pre-contact \u2014 Data 5"
