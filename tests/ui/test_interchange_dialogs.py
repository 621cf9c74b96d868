"""The Import and Export dialogs offer the formats of the interchange registry, as the CLI does."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from jmapper.interchange.registry import FORMATS
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names


def _titles(path) -> set[str]:
    with LibraryStore.open(path) as again:
        return {s.title for s in again.list_maps()}


def test_export_dialog_offers_every_format_the_registry_writes(window):
    window.named_actions[names.EXPORT].trigger()
    dialog = window.active_dialog
    offered = {dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())}
    assert {"pdf", "png", "svg"} | {f.name for f in FORMATS.values() if f.writes} == offered
    dialog.reject()


def test_import_dialog_offers_every_readable_format_and_a_refusal_changes_nothing(
    window, tmp_path, monkeypatch, library_path, message_boxes
):
    offered: list[str] = []
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "jmapper-map", "format_version": 1, "map": {"title": ""}}')

    def choose(parent, caption, folder, filters):
        offered.extend(filters.split(";;"))
        return str(broken), offered[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    before = _titles(library_path)
    window.named_actions[names.IMPORT_JSON].trigger()
    for fmt in FORMATS.values():
        assert any(text.startswith(fmt.label) for text in offered), fmt.name
    assert offered[0].startswith("All importable files")
    assert len(message_boxes.texts) == 1
    assert "broken.json" in message_boxes.texts[0]
    assert "Traceback" not in message_boxes.texts[0]
    assert _titles(library_path) == before


def test_the_export_dialog_writes_the_action_plan_as_a_workbook(window, tmp_path, message_boxes):
    from openpyxl import load_workbook

    window.named_actions[names.EXPORT].trigger()
    dialog = window.active_dialog
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert not dialog.contents_combo.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.contents_combo.isEnabled()
    dialog.contents_combo.setCurrentIndex(dialog.contents_combo.findData("action-plan"))
    out = tmp_path / "plan.xlsx"
    dialog.path_edit.setText(str(out))
    dialog.export()
    assert message_boxes.shown == []
    sheet = load_workbook(out).worksheets[0]
    assert sheet.title == "Action plan"
    assert sheet["B1"].value == "Opportunity"
    assert sheet.max_row == len(window.document.bundle.opportunities) + 1
