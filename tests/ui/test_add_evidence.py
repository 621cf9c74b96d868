"""Add Evidence on a stage, step or card: one undo step, stored, and the stage's
"backed by data" badge turns from a dashed "No data" into "Data n"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from jmapper.model.enums import EvidenceKind, EvidenceLevel, TargetKind
from jmapper.storage import LibraryStore
from jmapper.ui.canvas import actions as canvas_names
from jmapper.ui.dialogs.evidence_dialog import EvidenceDialog

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_bare(window):
    bundle = window.library.create_map("Bare journey", stage_preset="short_lifecycle")
    document = window.open_map(bundle.map.id)
    assert document is not None
    return document


def badge_of(window, stage_id: str):
    return next(
        s for s in window.canvas.projection.layout.stages if s.stage_id == stage_id
    ).evidence


def click_stage_header(window, stage_id: str) -> None:
    canvas = window.canvas
    box = next(s for s in canvas.projection.layout.stages if s.stage_id == stage_id)
    canvas.centerOn(box.rect.centre[0], box.rect.y + 300)
    canvas.update_sticky()
    QApplication.processEvents()
    item = canvas.projection.item("stage", stage_id)
    point = item.mapToScene(box.label.rect.x + 5, box.label.rect.y + 5)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(point))
    assert canvas.primary_selection() == ("stage", stage_id)


def the_dialog(window) -> EvidenceDialog:
    dialog = window.findChild(EvidenceDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def press_ok(qtbot, dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def persisted(window, map_id: str):
    store = LibraryStore.open(window.library.path)
    try:
        return store.load_map(map_id)
    finally:
        store.close()


def test_evidence_on_a_stage_backs_it(window, qtbot, monkeypatch, render_dir):
    document = open_bare(window)
    before = document.bundle.copy()
    stage = document.bundle.ordered_stages()[1]
    badge = badge_of(window, stage.id)
    assert badge is not None and not badge.backed and badge.code == "No data"
    click_stage_header(window, stage.id)
    qtbot.keyClick(window.canvas, Qt.Key.Key_E, CTRL_SHIFT)
    dialog = the_dialog(window)
    assert dialog.scope.currentData().entity_id == stage.id
    qtbot.keyClicks(dialog.title, "Exit survey, May")
    dialog.kind.setFocus()
    qtbot.keyClicks(dialog.kind, "Survey")
    dialog.level.setFocus()
    qtbot.keyClicks(dialog.level, "Quant")
    qtbot.keyClicks(dialog.source, "Qualtrics")
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: ("/home/me/research/exit-survey-may.xlsx", "")),
    )
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.link.text() == "exit-survey-may.xlsx"
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "n = 412")
    dialog.grab().save(str(render_dir / "evidence_dialog.png"))
    press_ok(qtbot, dialog)

    (item,) = document.bundle.evidence_items.values()
    assert (item.target_kind, item.target_id) == (TargetKind.STAGE, stage.id)
    assert (item.kind, item.level) == (EvidenceKind.SURVEY, EvidenceLevel.QUANTITATIVE)
    assert (item.title, item.source, item.url, item.notes) == (
        "Exit survey, May",
        "Qualtrics",
        "exit-survey-may.xlsx",
        "n = 412",
    )
    assert document.undo_stack.count() == 1
    assert persisted(window, document.map_id).evidence_items == {item.id: item}
    badge = badge_of(window, stage.id)
    assert badge.backed and badge.code == "Data 1"
    window.canvas.viewport().grab().save(str(render_dir / "evidence_badges.png"))
    document.undo_stack.undo()
    assert document.bundle == before and not badge_of(window, stage.id).backed
    assert persisted(window, document.map_id).evidence_items == {}


def test_evidence_on_a_selected_card_counts_for_its_stage(window, qtbot):
    document = open_bare(window)
    stage = document.bundle.ordered_stages()[2]
    canvas = window.canvas
    lane = document.bundle.ordered_lanes()[0]
    from jmapper.model.entities import Card

    card = document.add_card(Card(lane_id=lane.id, stage_id=stage.id, title="Compares plans"))
    document.undo_stack.clear()
    box = canvas.projection.layout.cards[card.id]
    canvas.centerOn(*box.rect.centre)
    QTest.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=canvas.mapFromScene(*box.title.rect.centre),
    )
    canvas.canvas_actions[canvas_names.ADD_EVIDENCE].trigger()
    dialog = the_dialog(window)
    assert dialog.scope.currentData().entity_id == card.id
    press_ok(qtbot, dialog)  # no title yet
    assert dialog.isVisible() and "title" in dialog.error.text()
    assert document.undo_stack.count() == 0
    qtbot.keyClicks(dialog.title, "Call listening")
    press_ok(qtbot, dialog)
    (item,) = document.bundle.evidence_items.values()
    assert (item.target_kind, item.target_id, item.level) == (TargetKind.CARD, card.id, None)
    assert badge_of(window, stage.id).code == "Data 1"
    assert document.undo_stack.count() == 1
