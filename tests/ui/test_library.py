"""The library panel and the Map menu, driven through the real window and library file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from jmapper.model.enums import MapType
from jmapper.services.library_api import Library
from jmapper.storage import LibraryStore
from jmapper.templates import SAMPLES
from jmapper.ui import action_names as names


def _titles(store) -> set[str]:
    return {summary.title for summary in store.list_maps()}


def _reopened_titles(path) -> set[str]:
    with LibraryStore.open(path) as again:
        return _titles(again)


def test_panel_lists_the_samples_and_filters_by_text_and_type(window):
    panel = window.library_panel
    assert set(panel.visible_titles()) == {info.title for info in SAMPLES.values()}
    assert panel.tree.topLevelItem(0).text(1)  # type column filled
    panel.filter_edit.setText("broadband")
    assert set(panel.visible_titles()) == {
        SAMPLES[k].title for k in ("support_request", "support_request_future", "support_blueprint")
    }
    panel.filter_edit.setText("")
    panel.type_filter.setCurrentIndex(panel.type_filter.findData(MapType.FUTURE_STATE.value))
    assert panel.visible_titles() == [SAMPLES["support_request_future"].title]
    panel.filter_edit.setText("mortgage")
    assert panel.visible_titles() == []


def test_clicking_a_map_opens_it(window, qtbot):
    panel = window.library_panel
    target = SAMPLES["theme_park_visit"].title
    item = next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).text(0) == target
    )
    panel.tree.setCurrentItem(item)
    assert window.document.bundle.map.title == target
    assert window.canvas.current_document() is window.document
    assert target in window.windowTitle()


def test_new_map_dialog_creates_opens_and_persists(window, library_path, message_boxes):
    window.named_actions[names.NEW_MAP].trigger()
    dialog = window.active_dialog
    assert dialog is not None and dialog.objectName() == "newMapDialog"
    dialog.set_map_type(MapType.SERVICE_BLUEPRINT)
    dialog.choose_start("preset:support_interaction")
    dialog.persona_combo.setEditText("Ola, night-shift nurse")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no title yet
    dialog.title_edit.setText("Hospital parking permit")
    ok.click()
    assert message_boxes.shown == []
    document = window.document
    assert document.bundle.map.title == "Hospital parking permit"
    assert document.bundle.map.map_type is MapType.SERVICE_BLUEPRINT
    stages = [s.name for s in document.bundle.ordered_stages()]
    assert stages == ["Pre-contact", "Contact initiation", "During the interaction", "Post-contact"]
    persona = document.bundle.personas[document.bundle.map.primary_persona_id]
    assert persona.name == "Ola, night-shift nurse"
    assert "Hospital parking permit" in window.library_panel.visible_titles()
    with LibraryStore.open(library_path) as again:
        summary = next(s for s in again.list_maps() if s.title == "Hospital parking permit")
        assert summary.map_type is MapType.SERVICE_BLUEPRINT
        assert summary.persona_name == "Ola, night-shift nurse"
    # Undo (the library stack is active right after) takes the new map back out.
    window.named_actions[names.UNDO].trigger()
    assert "Hospital parking permit" not in _reopened_titles(library_path)
    assert window.document is None


def test_new_map_from_a_sample_reuses_the_library_personas(window, store):
    before = {p.name for p in store.list_personas()}
    count = len(store.list_personas())
    window.named_actions[names.NEW_MAP].trigger()
    dialog = window.active_dialog
    dialog.set_map_type(MapType.CURRENT_STATE)
    dialog.choose_start("sample:loan_application")
    dialog.title_edit.setText("Mortgage, branch version")
    dialog.accept()
    assert window.document.bundle.map.title == "Mortgage, branch version"
    assert window.document.bundle.cards  # the sample's content came along
    assert len(store.list_personas()) == count
    assert {p.name for p in store.list_personas()} == before


def _open(window, sample_key: str):
    summary = next(s for s in window.library.list_maps() if s.title == SAMPLES[sample_key].title)
    return window.open_map(summary.id)


def test_duplicate_derive_rename(window, library_path, message_boxes):
    source = _open(window, "loan_application")
    source_id = source.map_id
    window.named_actions[names.DUPLICATE_MAP].trigger()
    copy = window.document
    assert copy.map_id != source_id
    assert copy.bundle.map.title == f"{SAMPLES['loan_application'].title} (copy)"
    assert len(copy.bundle.cards) == len(source.bundle.cards)

    _open(window, "loan_application")
    window.named_actions[names.DERIVE_FUTURE_STATE].trigger()
    derived = window.document
    assert derived.bundle.map.map_type is MapType.FUTURE_STATE
    assert derived.bundle.map.derived_from_id == source_id
    with LibraryStore.open(library_path) as again:
        stored = again.load_map(derived.map_id)
        assert stored.map.derived_from_id == source_id
        assert stored.map.map_type is MapType.FUTURE_STATE

    # Deriving from a future state is refused with a sentence.
    window.named_actions[names.DERIVE_FUTURE_STATE].trigger()
    assert "current-state" in message_boxes.texts[-1]

    window.named_actions[names.RENAME_MAP].trigger()
    dialog = window.active_dialog
    dialog.line.setText("Mortgage to be")
    dialog.accept()
    assert derived.bundle.map.title == "Mortgage to be"
    assert "Mortgage to be" in _reopened_titles(library_path)
    assert "Mortgage to be" in window.library_panel.visible_titles()
    assert "Rename" in window.named_actions[names.UNDO].text() or "title" in (
        window.named_actions[names.UNDO].text()
    )
    window.named_actions[names.UNDO].trigger()
    assert "Mortgage to be" not in _reopened_titles(library_path)


def test_delete_then_undo_brings_the_map_back(window, library_path, message_boxes):
    document = _open(window, "theme_park_visit")
    map_id = document.map_id
    document.save_snapshot("Before the workshop")
    title = SAMPLES["theme_park_visit"].title
    window.named_actions[names.DELETE_MAP].trigger()
    assert message_boxes.shown[-1][0] == "question"
    assert title not in _reopened_titles(library_path)
    assert title not in window.library_panel.visible_titles()
    assert window.document is None
    undo = window.named_actions[names.UNDO]
    assert "Delete map" in undo.text()
    undo.trigger()
    assert title in _reopened_titles(library_path)
    assert title in window.library_panel.visible_titles()
    with LibraryStore.open(library_path) as again:
        restored = again.load_map(map_id)
        assert len(restored.cards) == len(document.bundle.cards)
        assert [s.name for s in again.list_snapshots(map_id)] == ["Before the workshop"]
    window.named_actions[names.REDO].trigger()
    assert title not in _reopened_titles(library_path)


def test_a_read_only_library_says_so_and_offers_no_edits(qtbot, store, settings, message_boxes):
    from jmapper.ui.main_window import MainWindow

    store.read_only = True  # as LibraryStore.open sets it for a file it cannot write
    window = MainWindow(Library(store), settings)
    qtbot.addWidget(window)
    assert "read-only" in window.status_label.text()
    assert str(store.path) in window.status_label.text()
    for name in (names.NEW_MAP, names.DELETE_MAP, names.RENAME_MAP, names.SAVE_SNAPSHOT):
        assert not window.named_actions[name].isEnabled(), name
    assert not window.inspector.form.isEnabled()


def test_status_bar_says_everything_is_saved_and_shows_refusals(window):
    assert "every change is saved" in window.status_label.text()
    window.canvas.edit_refused.emit("A card cannot span past the last step of the map.")
    assert window.statusBar().currentMessage().startswith("A card cannot span")


def test_import_json_adds_the_maps_and_undo_takes_them_out(
    window, tmp_path, monkeypatch, library_path, message_boxes
):
    from PySide6.QtWidgets import QFileDialog

    source = window.document
    out = tmp_path / "exported.json"
    window.library.export_map(source.map_id, out, "json")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    before = _titles(window.library)
    window.named_actions[names.IMPORT_JSON].trigger()
    assert message_boxes.shown == []
    added = _titles(window.library) - before
    assert added == {f"{source.bundle.map.title} (copy)"}
    assert window.document.bundle.map.title in added
    window.named_actions[names.UNDO].trigger()
    assert _reopened_titles(library_path) == before


def test_open_library_through_the_file_dialog(window, tmp_path, monkeypatch, message_boxes):
    from PySide6.QtWidgets import QFileDialog

    other = tmp_path / "empty.jmapper"
    LibraryStore.create(other).close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(other), ""))
    )
    window.named_actions[names.OPEN_LIBRARY].trigger()
    assert window.library.path == other
    assert window.library_panel.visible_titles() == []
    assert window.document is None
    assert str(other.resolve()) in window.settings.recent_libraries()
    not_a_library = tmp_path / "notes.jmapper"
    not_a_library.write_text("hello", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(not_a_library), ""))
    )
    window.named_actions[names.OPEN_LIBRARY].trigger()
    assert window.library.path == other  # still the library that opened
    assert message_boxes.texts and "Traceback" not in message_boxes.texts[-1]
