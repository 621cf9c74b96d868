"""Starting the editor: QApplication, the library, the main window.

Only Qt and the storage layer load here; reportlab and alembic stay out of
the start-up path (alembic loads only when an older library is upgraded).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


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


def run_editor(library: str | None, *, quit_after_first_paint: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("jmapper")
    app.setOrganizationName("jmapper")

    from jmapper.ui.palette import apply_system_palette

    apply_system_palette(app)

    from jmapper.services.errors import ServiceError
    from jmapper.services.library import open_library
    from jmapper.storage import LibraryError

    try:
        store = open_library(library)
    except (LibraryError, ServiceError) as error:
        if quit_after_first_paint:
            print(f"jmapper: {error}", file=sys.stderr)
            return 1
        QMessageBox.critical(None, "jmapper", str(error))
        return 1

    from jmapper.ui.main_window import MainWindow
    from jmapper.ui.settings import Settings

    settings = Settings()
    settings.add_recent_library(store.path)
    window = MainWindow(store, settings)
    probe = _FirstPaintProbe(app)
    if quit_after_first_paint:
        window.view.viewport().installEventFilter(probe)
    window.show()
    from jmapper.ui.canvas.clipboard import release_clipboard

    app.aboutToQuit.connect(release_clipboard)
    code = app.exec()
    # The window may have switched to another library; close the one it has open.
    window.store.close()
    return code
