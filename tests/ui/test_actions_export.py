"""Named actions, the export dialog's remembered branding, settings and palettes."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QMenu

from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from jmapper.ui import settings as keys
from jmapper.ui.palette import build_palette, contrast_ratio
from jmapper.ui.settings import Settings


def _menu_actions(menu: QMenu) -> list[QAction]:
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)
        if action.menu() is not None:
            action.menu().aboutToShow.emit()
            found.extend(_menu_actions(action.menu()))
    return found


def test_every_menu_action_is_named_with_a_tooltip_and_unique_shortcuts(window):
    actions: list[QAction] = []
    for top in window.menuBar().actions():
        actions.extend(_menu_actions(top.menu()))
    assert len(actions) > 30
    for action in actions:
        assert action.objectName(), action.text()
        assert action.toolTip() and action.toolTip() != action.text().replace("&", ""), (
            action.objectName()
        )
    everything = {a.objectName(): a for a in [*actions, *window.named_actions.values()]}
    seen: dict[str, str] = {}
    for name, action in everything.items():
        for shortcut in action.shortcuts():
            text = shortcut.toString()
            assert text not in seen, f"{name} and {seen.get(text)} share {text}"
            seen[text] = name
    for name, key in (
        (names.NEW_MAP, "Ctrl+N"),
        (names.OPEN_LIBRARY, "Ctrl+O"),
        (names.UNDO, "Ctrl+Z"),
        (names.REDO, "Ctrl+Shift+Z"),
        (names.QUIT, "Ctrl+Q"),
        (names.PRESENTATION, "F11"),
    ):
        assert key in [s.toString() for s in everything[name].shortcuts()], name
    assert "actionFind" in everything  # the canvas's Find is in the Edit menu
    assert "actionZoomIn" in everything


def test_export_dialog_remembers_branding_per_library(window, library_path, tmp_path, qtbot):
    window.named_actions[names.EXPORT].trigger()
    dialog = window.active_dialog
    assert dialog.objectName() == "exportDialog"
    dialog.organisation_edit.setText("Northwind Consulting")
    dialog.accent_edit.setText("#D55E00")
    dialog.logo_edit.setText(str(tmp_path / "logo.png"))
    dialog.page_checks["actions"].setChecked(True)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("A2"))
    dialog.reject()
    with LibraryStore.open(library_path) as again:
        assert keys.EXPORT_ORGANISATION.read(again) == "Northwind Consulting"
    window.named_actions[names.EXPORT].trigger()
    reopened = window.active_dialog
    assert reopened is not dialog
    assert reopened.organisation_edit.text() == "Northwind Consulting"
    assert reopened.accent_edit.text() == "#D55E00"
    assert reopened.logo_edit.text() == str(tmp_path / "logo.png")
    assert reopened.page_checks["actions"].isChecked()
    assert reopened.paper_combo.currentData() == "A2"
    reopened.reject()


def test_export_writes_json_and_reports_refusals(window, tmp_path, message_boxes):
    window.named_actions[names.EXPORT].trigger()
    dialog = window.active_dialog
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("json"))
    out = tmp_path / "map.json"
    dialog.path_edit.setText(str(out))
    dialog.export()
    assert out.exists() and window.document.bundle.map.title in out.read_text("utf-8")
    assert message_boxes.shown == []
    window.named_actions[names.EXPORT].trigger()
    dialog = window.active_dialog
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    dialog.logo_edit.setText(str(tmp_path / "missing-logo.png"))
    dialog.path_edit.setText(str(tmp_path / "map.pdf"))
    dialog.export()
    assert "missing-logo.png" in message_boxes.texts[-1]
    assert "Traceback" not in message_boxes.texts[-1]
    assert dialog.isVisible()  # stays open so the user can fix it


def test_settings_are_typed_and_injectable(tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.get(keys.RECENT_LIBRARIES) == []
    assert settings.get(keys.LAST_EXPORT_FOLDER) == ""
    first, second = tmp_path / "a.jmapper", tmp_path / "b.jmapper"
    first.write_bytes(b"")
    second.write_bytes(b"")
    settings.add_recent_library(first)
    settings.add_recent_library(second)
    settings.add_recent_library(first)
    again = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.recent_libraries() == [str(first.resolve()), str(second.resolve())]
    settings.clear_recent_libraries()
    assert again.recent_libraries() == []


def test_recent_libraries_menu_opens_another_library(window, tmp_path, settings):
    from jmapper.services.library import add_samples

    other = tmp_path / "client.jmapper"
    store = LibraryStore.create(other)
    add_samples(store)
    store.close()
    settings.add_recent_library(other)
    window.recent_menu.aboutToShow.emit()
    action = next(a for a in window.recent_menu.actions() if a.toolTip() == str(other.resolve()))
    action.trigger()
    assert window.library.path.name == "client.jmapper"
    assert "client.jmapper" in window.status_label.text()
    assert window.document is not None


def test_both_palettes_have_readable_text():
    for dark in (False, True):
        palette = build_palette(dark)
        for text, background in (
            (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
            (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        ):
            assert contrast_ratio(palette.color(text), palette.color(background)) >= 4.5


def test_export_dialog_writes_an_svg_with_legend_and_letters_as_outlines(
    window, tmp_path, message_boxes, render_dir
):
    window.named_actions[names.EXPORT].trigger()
    dialog = window.active_dialog
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pdf"))
    assert not dialog.with_legend_check.isEnabled()  # a PDF always has them
    assert not dialog.text_as_paths_check.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("png"))
    assert dialog.with_legend_check.isEnabled() and not dialog.text_as_paths_check.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("svg"))
    dialog.with_legend_check.setChecked(True)
    dialog.text_as_paths_check.setChecked(True)
    dialog.grab().save(str(render_dir / "export_dialog_svg.png"))
    out = tmp_path / "map.svg"
    dialog.path_edit.setText(str(out))
    dialog.export()
    assert message_boxes.shown == []
    svg = out.read_text("utf-8")
    assert "<text" not in svg and "<path" in svg
