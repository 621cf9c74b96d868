"""Fixtures for driving the real main window: a real library file with the samples,
QSettings on a temporary ini file, and message boxes recorded instead of shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from jmapper.services.library import add_samples
from jmapper.services.library_api import Library
from jmapper.storage import LibraryStore
from jmapper.ui.settings import Settings


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.jmapper"
    store = LibraryStore.create(path)
    add_samples(store)
    store.close()
    return path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


class MessageBoxes:
    """Records every message box the window would show (title, text), answering Yes."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []

    def record(self, kind: str):  # noqa: ANN201
        def show(_parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN202
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Yes

        return show

    @property
    def texts(self) -> list[str]:
        return [text for _kind, _title, text in self.shown]


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(boxes.record(kind)))
    return boxes


@pytest.fixture
def store(library_path: Path):
    opened = LibraryStore.open(library_path)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, store, settings, message_boxes):
    from jmapper.ui.main_window import MainWindow

    main = MainWindow(Library(store), settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
