"""What the editor remembers between starts: window geometry, dock layout, recent libraries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt

from jmapper.services.library_api import Library
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names


def reopen(qtbot, path: Path, settings):
    """A new window on ``path`` with the same settings: the editor's next start."""
    from jmapper.ui.main_window import MainWindow

    window = MainWindow(Library.open(path), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_geometry_and_dock_layout_come_back_on_the_next_start(
    qtbot, window, library_path, settings
):
    window.resize(760, 560)  # within the offscreen screen (800 x 600)
    window.persona_dock.hide()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.inspector)
    window.library_dock.setFloating(True)
    qtbot.wait(20)
    window.close()
    window.library.close()

    again = reopen(qtbot, library_path, settings)
    try:
        assert again.size() == QSize(760, 560)
        assert not again.persona_dock.isVisible()
        assert not again.named_actions[names.SHOW_PERSONAS].isChecked()
        assert again.dockWidgetArea(again.inspector) == Qt.DockWidgetArea.LeftDockWidgetArea
        assert again.library_dock.isFloating()
    finally:
        again.close()
        again.library.close()


def test_a_first_start_uses_the_default_layout(window):
    assert window.size() == QSize(1400, 860)
    assert window.dockWidgetArea(window.inspector) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.library_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_recent_libraries_survive_a_restart_newest_first_without_missing_files(
    qtbot, window, library_path, settings, tmp_path
):
    second, third = tmp_path / "second.jmapper", tmp_path / "third.jmapper"
    for path in (second, third):
        LibraryStore.create(path).close()
    settings.add_recent_library(library_path)  # as the editor's start does
    assert window.switch_library(second)
    assert window.switch_library(third)
    window.close()
    window.library.close()
    second.unlink()

    again = reopen(qtbot, third, settings)
    try:
        again.recent_menu.aboutToShow.emit()
        listed = [
            a.toolTip()
            for a in again.recent_menu.actions()
            if a.objectName().startswith("actionRecentLibrary")
        ]
        assert listed == [str(third.resolve()), str(library_path.resolve())]
        first_entry = again.recent_menu.actions()[1]
        first_entry.trigger()
        assert Path(again.library.path) == library_path
    finally:
        again.close()
        again.library.close()
