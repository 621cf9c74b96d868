"""A library opened from Finder (a FileOpen event, as macOS sends) opens in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from jmapper.storage import LibraryStore
from jmapper.ui.file_open import handle_file_open_events


def test_a_file_open_event_switches_to_that_library_and_raises_the_window(
    qapp, window, tmp_path, library_path, message_boxes
):
    other = tmp_path / "from-finder.jmapper"
    LibraryStore.create(other).close()
    handler = handle_file_open_events(qapp, window)
    try:
        window.showMinimized()
        assert QApplication.sendEvent(qapp, QFileOpenEvent(str(other)))
        assert Path(window.library.path) == other
        assert not window.isMinimized()
        assert QApplication.sendEvent(qapp, QFileOpenEvent(str(other)))  # already open: no-op
        assert Path(window.library.path) == other
        not_a_library = tmp_path / "notes.jmapper"
        not_a_library.write_text("hello", encoding="utf-8")
        QApplication.sendEvent(qapp, QFileOpenEvent(str(not_a_library)))
        assert Path(window.library.path) == other  # refused with a message, library kept
        assert len(message_boxes.texts) == 1
    finally:
        qapp.removeEventFilter(handler)
    assert message_boxes.shown[0][1] == "Open library"
    assert library_path.exists()
