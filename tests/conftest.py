"""Test set-up: headless Qt and isolated data directories.

QT_QPA_PLATFORM must be set before anything imports Qt, so it is the first
thing this file does.  Every test gets its own data directory (the default
library lives there) and its own QSettings scope.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import sys  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def one_qt_application(qapp):  # noqa: ANN001, ANN201
    """Make the session's QApplication before any test runs.

    The command line's PNG/SVG export makes a windowless QGuiApplication when
    none exists; if an in-process CLI test ran first, that plain GUI
    application would be the process's only one, and the next widget test
    would abort Qt.  The editor itself never meets this: one process is
    either the command line or the editor.
    """
    return qapp


@pytest.fixture(autouse=True, scope="session")
def clear_clipboard_at_exit(one_qt_application):  # noqa: ANN001, ANN201
    """Empty the clipboard before Qt is torn down.

    PySide6 crashes the interpreter on exit when the clipboard still holds mime
    data created from Python (the editor does the same on quit: see
    ``jmapper.ui.canvas.clipboard.release_clipboard``).
    """
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            QApplication.clipboard().clear()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the default library and Qt settings at a fresh folder for each test."""
    data = tmp_path_factory.mktemp("jmapper-data")
    monkeypatch.setenv("JMAPPER_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(data / "share"))
    return data


@pytest.fixture(scope="session")
def render_dir(tmp_path_factory: pytest.TempPathFactory):
    """Where tests write the PNGs a person should look at.

    A fresh temporary folder per run; set ``JMAPPER_RENDER_DIR`` to keep them
    somewhere you can open them.
    """
    from pathlib import Path

    chosen = os.environ.get("JMAPPER_RENDER_DIR")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("renders")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
