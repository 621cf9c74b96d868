"""Starting the editor: QApplication, the library, the main window.

Only Qt and the storage layer load here; reportlab and alembic stay out of
the start-up path (alembic loads only when an older library is upgraded).

A scripted start (``--quit-after-first-paint``, or a platform with no screen
such as ``offscreen``) has nobody to answer a message box, so it never
waits on one: :class:`_ScriptedStart` turns the first box or dialog that
opens into one line on stderr and exit code 1, whether the problem shows up
while opening the library or later, when the map list or a map loads.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

log = logging.getLogger("jmapper.qt")

#: Qt platforms without a screen: a message box there could never be answered.
_SCREENLESS = ("offscreen", "minimal")


class _FirstPaintProbe(QObject):
    """Prints the start-up time at the first paint of the watched widget, then quits."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt virtual)
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            from jmapper.ui.startup import milliseconds_since_start

            # The paint event is being delivered now; report once it has run.
            QTimer.singleShot(0, lambda: self._report(milliseconds_since_start()))
        return False

    def _report(self, elapsed: float) -> None:
        print(f"first paint after {elapsed:.0f} ms")
        sys.stdout.flush()
        self._app.quit()


class _ScriptedStart(QObject):
    """Closes every dialog as it opens; the first one's message goes to stderr and fails the run."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self.failed = False

    def fail(self, sentence: str) -> None:
        """Report ``sentence`` (only the first problem: one line on stderr) and stop with 1."""
        if not self.failed:
            self.failed = True
            print(f"jmapper: {' '.join(sentence.split())}", file=sys.stderr)
            sys.stderr.flush()
        self._app.exit(1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt virtual)
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            text = watched.text() if isinstance(watched, QMessageBox) else ""
            self.fail(
                text or f"the editor needed an answer to \u201c{watched.windowTitle()}\u201d."
            )
            # Close it once its own event loop runs, so the code that opened it goes on.
            QTimer.singleShot(0, lambda: watched.done(QDialog.DialogCode.Rejected))
        return False


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own diagnostics go to the log, not the terminal, where they would read as errors.

    A fatal one (no usable display, say) ends the process, so its first line
    also goes to stderr: the user must learn why the editor did not start.
    """
    del context
    if kind == QtMsgType.QtFatalMsg:
        print(f"jmapper: {message.strip().splitlines()[0]}", file=sys.stderr)
    serious = kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
    log.log(logging.WARNING if serious else logging.DEBUG, "%s", message)


def run_editor(library: str | None, *, quit_after_first_paint: bool = False) -> int:
    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("jmapper")
    app.setOrganizationName("jmapper")
    app.setDesktopFileName("io.github.jmapper.Jmapper")  # the .desktop entry: icon, grouping
    from jmapper.ui.app_icon import app_icon

    app.setWindowIcon(app_icon())

    scripted: _ScriptedStart | None = None
    if quit_after_first_paint or app.platformName() in _SCREENLESS:
        scripted = _ScriptedStart(app)
        app.installEventFilter(scripted)

    from jmapper.ui.palette import apply_system_palette

    apply_system_palette(app)

    from jmapper.services.library_api import Library, default_library_path
    from jmapper.ui.dialogs.messages import USER_ERRORS

    def refuse(sentence: str) -> int:
        if scripted is not None:
            scripted.fail(sentence)
        else:
            QMessageBox.critical(None, "jmapper", sentence)
        return 1

    # One editor per library: ask the one that may have it open before touching the file.
    from jmapper.ui.single_instance import Answer, already_open_sentence, ask_running_editor

    target = library or default_library_path()
    answer = ask_running_editor(target)
    if answer is Answer.RAISED:
        print(already_open_sentence(target, answer))
        return 0
    if answer is Answer.SILENT:
        return refuse(already_open_sentence(target, answer))

    try:
        opened = Library.open(library)
    except USER_ERRORS as error:
        return refuse(str(error))

    from jmapper.ui.main_window import MainWindow
    from jmapper.ui.settings import Settings

    settings = Settings()
    try:
        settings.add_recent_library(opened.path)
        window = MainWindow(opened, settings)
    except USER_ERRORS as error:
        opened.close()
        return refuse(str(error))
    if quit_after_first_paint:
        probe = _FirstPaintProbe(app)
        window.view.viewport().installEventFilter(probe)
        if window.welcome.showing:  # an empty library shows the welcome view in its place
            window.welcome.page().installEventFilter(probe)
    window.show()
    from jmapper.ui.canvas.clipboard import release_clipboard
    from jmapper.ui.file_open import handle_file_open_events

    handle_file_open_events(app, window)  # macOS opens documents by event, not argv

    app.aboutToQuit.connect(release_clipboard)
    code = 1 if scripted is not None and scripted.failed else app.exec()
    # The window may have switched to another library; close the one it has open.
    window.library.close()
    return 1 if scripted is not None and scripted.failed else code
