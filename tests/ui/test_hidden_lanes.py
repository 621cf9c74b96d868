"""Hide Lane hides the selected lane; View > Hidden Lanes lists the hidden ones and shows
them again: each gesture one undo step, stored."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jmapper.storage import LibraryStore
from jmapper.ui.canvas import actions as canvas_names
from jmapper.ui.canvas.lane_visibility import NONE_HIDDEN, SHOW_ALL_LANES

SUPPORT = "Broadband support request \u2014 current state"


def persisted(window, map_id: str):
    store = LibraryStore.open(window.library.path)
    try:
        return store.load_map(map_id)
    finally:
        store.close()


def click_lane_label(window, lane_id: str) -> None:
    canvas = window.canvas
    box = next(b for b in canvas.projection.layout.lanes if b.lane_id == lane_id)
    canvas.centerOn(box.rect.x + 500, box.rect.centre[1])
    canvas.update_sticky()
    QApplication.processEvents()
    item = canvas.projection.item("lane", lane_id)
    point = item.mapToScene(box.label.rect.x + 3, box.label.rect.y + 3)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(point))
    assert canvas.primary_selection() == ("lane", lane_id)


def open_hidden_menu(window, qtbot):
    menu = window.canvas.hidden_lanes_menu
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    assert menu.menuAction() in view_menu.actions()
    menu.popup(window.mapToGlobal(QPoint(200, 200)))
    qtbot.waitUntil(menu.isVisible)
    return menu


def test_hide_a_lane_then_show_it_again_from_the_view_menu(window, qtbot):
    summary = next(m for m in window.library.list_maps() if m.title == SUPPORT)
    document = window.open_map(summary.id)
    thoughts = next(ln for ln in document.bundle.lanes.values() if ln.name == "Thoughts")
    before = document.bundle.copy()
    menu = open_hidden_menu(window, qtbot)
    assert [a.text() for a in menu.actions()] == [NONE_HIDDEN]
    menu.close()

    click_lane_label(window, thoughts.id)
    window.canvas.canvas_actions[canvas_names.HIDE_LANE].trigger()
    assert not document.bundle.lanes[thoughts.id].visible
    assert not persisted(window, document.map_id).lanes[thoughts.id].visible
    assert thoughts.id not in {b.lane_id for b in window.canvas.projection.layout.lanes}
    assert document.undo_stack.count() == 1

    menu = open_hidden_menu(window, qtbot)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Show \u201cThoughts\u201d (Thoughts)", "Show &All Hidden Lanes"]
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert document.bundle.lanes[thoughts.id].visible
    assert persisted(window, document.map_id).lanes[thoughts.id].visible
    assert document.undo_stack.count() == 2
    assert document.bundle == before


def test_show_all_hidden_lanes_is_one_undo_step(window, qtbot):
    summary = next(m for m in window.library.list_maps() if m.title == SUPPORT)
    document = window.open_map(summary.id)
    lanes = document.bundle.ordered_lanes()[:2]
    for lane in lanes:
        click_lane_label(window, lane.id)
        window.canvas.canvas_actions[canvas_names.HIDE_LANE].trigger()
    assert document.undo_stack.count() == 2
    menu = open_hidden_menu(window, qtbot)
    show_all = next(a for a in menu.actions() if a.objectName() == SHOW_ALL_LANES)
    menu.setActiveAction(show_all)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert all(document.bundle.lanes[lane.id].visible for lane in lanes)
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert not any(document.bundle.lanes[lane.id].visible for lane in lanes)
