"""File > Import Contact Data…: columns, places, preview, then one undo step in the open map."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFileDialog

from jmapper.services.contact_import import MAPPING_SETTING
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from tests.contact_centre_data import records, write_export


def test_contact_data_goes_into_the_open_map_in_one_undo_step(
    window, tmp_path, monkeypatch, message_boxes, library_path, render_dir: Path, qtbot
):
    source = tmp_path / "contacts.csv"
    write_export(source, records(600))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), ""))
    )
    document = window.document
    window.named_actions[names.IMPORT_CONTACTS].trigger()
    dialog = window.active_dialog
    assert dialog.objectName() == "contactImportDialog"
    # The columns are guessed from the header.
    assert dialog.column_combos["reason"].currentData() == "Contact reason"
    assert dialog.column_combos["csat"].currentData() == "CSAT"
    assert dialog.column_combos["handle_time"].currentData() == "Handle time (s)"
    dialog.find_reasons()
    reasons = {
        dialog.places_table.item(r, 0).text(): dialog.places_table.cellWidget(r, 2)
        for r in range(dialog.places_table.rowCount())
    }
    assert set(reasons) == {
        "Connection drops",
        "Billing question",
        "Line fault",
        "Engineer visit",
        "Other",
    }
    steps = [s.name for s in document.bundle.steps.values()]
    first, second = steps[0], steps[1]
    for reason, step in (("Connection drops", first), ("Line fault", second)):
        combo: QComboBox = reasons[reason]
        index = next(
            i for i in range(combo.count()) if str(combo.itemData(i)).endswith(f"/ {step}")
        )
        combo.setCurrentIndex(index)
    assert dialog.show_preview()
    assert dialog.preview_table.rowCount() == 2
    assert (
        "600 rows, period 2025-Q2: 12 metric values would be stored" in dialog.summary_label.text()
    )
    dialog.grab().save(str(render_dir / "contact_import_dialog.png"))
    before, undo = len(document.bundle.metric_values), document.undo_stack.count()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert message_boxes.shown == []
    assert len(document.bundle.metric_values) == before + 12
    assert document.undo_stack.count() == undo + 1
    with LibraryStore.open(library_path) as again:
        assert len(again.load_map(document.map_id).metric_values) == before + 12
        assert "connection drops" in again.get_setting(MAPPING_SETTING)
    document.undo_stack.undo()
    assert len(document.bundle.metric_values) == before


def test_a_file_without_the_reason_column_is_one_sentence(
    window, tmp_path, monkeypatch, message_boxes
):
    source = tmp_path / "contacts.csv"
    source.write_text("Date;Score\n2025-04-01;5\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), ""))
    )
    window.named_actions[names.IMPORT_CONTACTS].trigger()
    dialog = window.active_dialog
    dialog.find_reasons()
    assert message_boxes.texts == ["Choose the column of contact reasons first."]
    dialog.reject()
