"""Comments: add one on any object (one undo step, stored), see its count badge on the
object, go through them in the Comments panel and resolve them with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from jmapper.model.enums import TargetKind
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from jmapper.ui.canvas import actions as canvas_names
from jmapper.ui.dialogs.comment_dialog import CommentDialog

SUPPORT = "Broadband support request \u2014 current state"
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def open_support(window):
    summary = next(m for m in window.library.list_maps() if m.title == SUPPORT)
    document = window.open_map(summary.id)
    assert document is not None
    return document


def click(canvas, x: float, y: float) -> None:
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(x, y))


def persisted(window, map_id: str):
    store = LibraryStore.open(window.library.path)
    try:
        return store.load_map(map_id)
    finally:
        store.close()


def add_comment_by_keyboard(window, qtbot, author: str, text: str) -> CommentDialog:
    canvas = window.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_M, CTRL_ALT)
    (dialog,) = [d for d in window.findChildren(CommentDialog) if d.isVisible()]
    dialog.author.selectAll()
    qtbot.keyClicks(dialog.author, author)
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, text)
    return dialog


def press_ok(qtbot, dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_comment_on_a_card_shows_a_badge_and_resolves_from_the_panel(window, qtbot, render_dir):
    document = open_support(window)
    canvas = window.canvas
    before = document.bundle.copy()
    card = next(c for c in document.bundle.cards.values() if c.title == "Loses connection mid-call")
    box = canvas.projection.layout.cards[card.id]
    assert not any(m.kind == "comment" for m in box.markers)
    canvas.centerOn(*box.rect.centre)
    click(canvas, *box.title.rect.centre)
    dialog = add_comment_by_keyboard(window, qtbot, "Sam (facilitator)", "Is this weekly or daily?")
    assert dialog.target.currentData().kind is TargetKind.CARD
    press_ok(qtbot, dialog)

    (comment,) = [c for c in document.bundle.comments.values() if c.id not in before.comments]
    assert (comment.target_kind, comment.target_id) == (TargetKind.CARD, card.id)
    assert (comment.author, comment.text, comment.resolved) == (
        "Sam (facilitator)",
        "Is this weekly or daily?",
        False,
    )
    assert len(comment.created) == 19 and comment.created[10] == "T"
    assert document.undo_stack.count() == 1
    assert persisted(window, document.map_id).comments[comment.id] == comment
    box = canvas.projection.layout.cards[card.id]
    (badge,) = [m for m in box.markers if m.kind == "comment"]
    assert badge.code == "1" and box.rect.contains(badge.rect)

    # The panel lists it among the open comments; choosing the row shows the card.
    dock = window.comments_dock
    window.named_actions[names.SHOW_COMMENTS].setChecked(True)
    dock.raise_()
    QApplication.processEvents()
    tree = dock.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    texts = [row.text(0).split("\n")[0] for row in rows]
    assert "Is this weekly or daily?" in texts and all(
        r.checkState(0) == Qt.CheckState.Unchecked for r in rows
    )
    open_before = len(rows)
    assert dock.summary.text().startswith(f"{open_before} open")
    canvas.clear_selection()
    row = rows[texts.index("Is this weekly or daily?")]
    tree.setFocus()
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center()
    )
    assert canvas.primary_selection() == ("card", card.id)
    assert row.text(0).split("\n")[1].startswith("Card: Loses connection mid-call \u00b7 Sam")
    window.grab().save(str(render_dir / "comments_panel.png"))

    # Space resolves it: one undo step, the badge goes, the row leaves the open list.
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert document.bundle.comments[comment.id].resolved
    assert document.undo_stack.count() == 2
    assert persisted(window, document.map_id).comments[comment.id].resolved
    box = canvas.projection.layout.cards[card.id]
    assert not any(m.kind == "comment" for m in box.markers)
    assert tree.topLevelItemCount() == open_before - 1
    # Shown again with "Show resolved", and opened again with the button.
    qtbot.mouseClick(dock.show_resolved, Qt.MouseButton.LeftButton)
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    row = next(r for r in rows if r.text(0).startswith("Is this weekly or daily?"))
    assert row.checkState(0) == Qt.CheckState.Checked
    tree.setCurrentItem(row)
    assert dock.resolve.text() == "&Open Again"
    qtbot.mouseClick(dock.resolve, Qt.MouseButton.LeftButton)
    assert not document.bundle.comments[comment.id].resolved
    for _ in range(3):
        document.undo_stack.undo()
    assert document.bundle == before


def test_comment_on_a_stage_shows_its_badge_in_the_header(window, qtbot, render_dir):
    document = open_support(window)
    canvas = window.canvas
    stage = document.bundle.ordered_stages()[1]
    box = next(s for s in canvas.projection.layout.stages if s.stage_id == stage.id)
    assert box.comments is None
    canvas.centerOn(box.rect.centre[0], box.rect.y + 300)
    canvas.update_sticky()
    QApplication.processEvents()
    item = canvas.projection.item("stage", stage.id)
    point = item.mapToScene(box.label.rect.x + 4, box.label.rect.y + 4)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(point))
    assert canvas.primary_selection() == ("stage", stage.id)
    for text in ("Who owns the IVR?", "Check the menu script"):
        dialog = add_comment_by_keyboard(window, qtbot, "Sam", text)
        assert dialog.target.currentData().entity_id == stage.id
        press_ok(qtbot, dialog)
    box = next(s for s in canvas.projection.layout.stages if s.stage_id == stage.id)
    assert box.comments is not None and box.comments.code == "2"
    assert box.rect.contains(box.comments.rect)
    assert not box.comments.rect.intersects(box.evidence.rect)
    assert all(line.x + line.width <= box.comments.rect.x for line in box.label.lines)
    canvas.viewport().grab().save(str(render_dir / "comment_stage_badge.png"))
    assert document.undo_stack.count() == 2


def test_an_empty_comment_is_refused_and_cancel_adds_nothing(window, qtbot):
    document = open_support(window)
    before = document.bundle.copy()
    window.canvas.canvas_actions[canvas_names.ADD_COMMENT].trigger()
    dialog = window.findChild(CommentDialog)
    assert dialog.target.itemData(0).kind is TargetKind.MAP  # the map is always offered
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "Type the comment" in dialog.error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and document.bundle == before
