"""The export dialog tells how small a fit prints and proposes a handout below 5 pt."""

from __future__ import annotations

from pypdf import PdfReader

from jmapper.ui import action_names as names
from tests.export.printed import smallest_per_page


def _dialog(window):
    window.named_actions[names.EXPORT].trigger()
    dialog = window.active_dialog
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("fit"))
    return dialog


def test_a4_fit_is_explained_and_the_handout_offered(window, qtbot, tmp_path, message_boxes):
    dialog = _dialog(window)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("A4"))
    advice = dialog.advice_label.text()
    assert "A fit on A4 prints its smallest text at" in advice and "handout" in advice
    assert dialog.handout_button.isVisibleTo(dialog)
    # An automatic paper is readable: no offer.
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(""))
    assert "too small" not in dialog.advice_label.text()
    assert not dialog.handout_button.isVisibleTo(dialog)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("A3"))
    qtbot.mouseClick(dialog.handout_button, qtbot_button())
    assert dialog.mode_combo.currentData() == "handout"
    assert dialog.paper_combo.currentData() == "A3"
    # In handout mode the advice says how many pages, and nothing is offered.
    assert (
        "A handout takes" in dialog.advice_label.text() and "A3 pages" in dialog.advice_label.text()
    )
    assert not dialog.handout_button.isVisibleTo(dialog)
    dialog.reject()


def test_exporting_an_unreadable_fit_asks_and_writes_the_handout(window, tmp_path, message_boxes):
    dialog = _dialog(window)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("A4"))
    out = tmp_path / "map.pdf"
    dialog.path_edit.setText(str(out))
    dialog.export()  # the recorded question box answers Yes: export a handout instead
    kinds = [kind for kind, _title, _text in message_boxes.shown]
    assert kinds[0] == "question" and "handout" in message_boxes.texts[0]
    assert kinds.count("question") == 1, "the handout it switched to is not questioned again"
    reader = PdfReader(str(out))
    assert len(reader.pages) > 1
    assert min(smallest_per_page(out)) >= 6 - 1e-6


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
