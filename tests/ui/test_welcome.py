"""The welcome view: an empty library greets the user with every way to start a map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton

from jmapper.model.enums import MapType
from jmapper.services.library import add_samples, export_json
from jmapper.services.library_api import Library
from jmapper.storage import LibraryStore
from jmapper.templates import SAMPLES, STAGE_PRESETS
from jmapper.ui import action_names as names


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    path = tmp_path / "fresh.jmapper"
    LibraryStore.create(path).close()
    return path


@pytest.fixture
def empty_window(qtbot, empty_path, settings, message_boxes):
    from jmapper.ui.main_window import MainWindow

    store = LibraryStore.open(empty_path)
    main = MainWindow(Library(store), settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.library.close()


def button(window, name: str) -> QPushButton:
    found = window.welcome.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_an_empty_library_shows_the_welcome_view_instead_of_the_canvas(empty_window):
    welcome = empty_window.welcome
    assert welcome.showing and welcome.isVisible()
    assert not empty_window.canvas.isVisible()
    assert "fresh.jmapper" in welcome.intro.text() and "no maps" in welcome.intro.text()
    for map_type in MapType:
        assert button(empty_window, f"welcomeType_{map_type.value}").text() == map_type.label
    for preset in STAGE_PRESETS.values():
        assert button(empty_window, f"welcomePreset_{preset.key}").text() == preset.name
    for sample in SAMPLES.values():
        assert button(empty_window, f"welcomeSample_{sample.key}").text() == sample.title
    assert button(empty_window, "welcomeOpenLibrary").isEnabled()
    assert button(empty_window, "welcomeImport").isEnabled()


def test_a_library_with_maps_shows_the_canvas_and_never_builds_the_welcome(window):
    assert not window.welcome.showing
    assert window.canvas.isVisible()
    assert window.welcome.findChildren(QPushButton) == []


def test_a_sample_button_makes_a_copy_of_that_sample_and_shows_it(
    empty_window, empty_path, message_boxes
):
    sample = SAMPLES["theme_park_visit"]
    button(empty_window, f"welcomeSample_{sample.key}").click()
    dialog = empty_window.active_dialog
    assert dialog.objectName() == "newMapDialog"
    assert dialog.map_type() is sample.map_type
    assert dialog.start_combo.currentData() == f"sample:{sample.key}"
    assert dialog.title_edit.text() == sample.title
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert message_boxes.shown == []
    assert empty_window.document.bundle.map.title == sample.title
    assert not empty_window.welcome.showing and empty_window.canvas.isVisible()
    with LibraryStore.open(empty_path) as again:
        assert [s.title for s in again.list_maps()] == [sample.title]


def test_type_and_preset_buttons_open_the_new_map_dialog_set_to_them(empty_window):
    button(empty_window, "welcomeType_service_blueprint").click()
    dialog = empty_window.active_dialog
    assert dialog.map_type() is MapType.SERVICE_BLUEPRINT
    dialog.reject()
    button(empty_window, "welcomePreset_support_interaction").click()
    dialog = empty_window.active_dialog
    assert dialog.start_combo.currentData() == "preset:support_interaction"
    dialog.title_edit.setText("Night-shift parking")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    stages = [s.name for s in empty_window.document.bundle.ordered_stages()]
    assert stages == list(STAGE_PRESETS["support_interaction"].stages)


def test_deleting_the_last_map_brings_the_welcome_back_and_undo_takes_it_away(empty_window):
    button(empty_window, "welcomeType_current_state").click()
    dialog = empty_window.active_dialog
    dialog.title_edit.setText("Only map")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not empty_window.welcome.showing
    assert empty_window.operations.delete(confirm=False)
    assert empty_window.welcome.showing
    empty_window.named_actions[names.UNDO].trigger()
    assert not empty_window.welcome.showing


def test_open_and_import_buttons_use_the_usual_dialogs(
    empty_window, tmp_path, monkeypatch, message_boxes
):
    source = tmp_path / "source.jmapper"
    with LibraryStore.create(source) as store:
        add_samples(store)
        first = store.list_maps()[0]
        export_json(store, first.id, tmp_path / "one.json")
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "one.json"), "")),
    )
    button(empty_window, "welcomeImport").click()
    assert message_boxes.shown == []
    assert [s.title for s in empty_window.library.list_maps()] == [first.title]
    assert not empty_window.welcome.showing

    empty = tmp_path / "another-empty.jmapper"
    LibraryStore.create(empty).close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(empty), ""))
    )
    empty_window.welcome.open_library_requested.emit()
    assert Path(empty_window.library.path) == empty
    assert empty_window.welcome.showing
    assert "another-empty.jmapper" in empty_window.welcome.intro.text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), ""))
    )
    button(empty_window, "welcomeOpenLibrary").click()
    assert Path(empty_window.library.path) == source
    assert not empty_window.welcome.showing and empty_window.document is not None


def test_the_welcome_view_looks_right(empty_window, render_dir, qtbot):
    """The screenshot a person looks at; the checks keep it from being blank or cut off."""
    empty_window.resize(1280, 800)
    qtbot.wait(50)
    image = empty_window.grab().toImage()
    image.save(str(render_dir / "welcome-view.png"))
    welcome = empty_window.welcome
    page = welcome.widget()
    assert page.width() <= welcome.viewport().width()  # nothing cut off at the side
    assert not welcome.horizontalScrollBar().isVisible()
    assert all(
        b.visibleRegion().boundingRect().width() == b.width()
        for b in page.findChildren(QPushButton)
    )
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, 400, 16)}
    assert len(colours) > 5
