"""File > Merge Library…: choose sources, confirm the preview, merge, show the report.

The preview is the merge run as a dry run (nothing written); confirming runs
it for real through the window's :class:`~jmapper.services.library_api.Library`
(one transaction, a backup copy first, docs/merge.md) and records it on the
library undo stack as one :class:`MergeCommand`.  Maps the merge changed are
closed and reopened from the library, so no open document holds a stale copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from jmapper.ui import settings as keys
from jmapper.ui.dialogs.merge_dialog import MergeReportDialog
from jmapper.ui.dialogs.messages import reporting_errors, show_error
from jmapper.ui.library_panel.merge_command import MergeCommand

if TYPE_CHECKING:
    from jmapper.services.merge_sources import SourceLibrary
    from jmapper.ui.library_panel.host import MapWindow

TITLE = "Merge library"
FILTERS = "jmapper libraries and JSON exports (*.jmapper *.json);;All files (*)"


class LibraryMerge:
    """One merge gesture, from choosing the file to the report."""

    def __init__(self, window: MapWindow, parent: QWidget) -> None:
        self.window = window
        self.parent = parent

    def start(self) -> QDialog | None:
        """Ask for one or more sources and show what merging them would do (Merge / Cancel)."""
        folder = self.window.settings.get(keys.LAST_IMPORT_FOLDER)
        paths, _chosen = QFileDialog.getOpenFileNames(self.parent, TITLE, folder, FILTERS)
        if not paths:
            return None
        self.window.settings.set(keys.LAST_IMPORT_FOLDER, str(Path(paths[0]).parent))
        with reporting_errors(self.parent, TITLE):
            sources = [self.window.library.read_merge_source(path) for path in paths]
            preview = self.window.library.merge(sources, dry_run=True)
            dialog = MergeReportDialog(preview.report, confirm=True, parent=self.parent)
            dialog.accepted.connect(lambda: self.merge(sources))
            return self.window.show_dialog(dialog)
        return None

    def merge(self, sources: list[SourceLibrary]) -> QDialog | None:
        """Merge for real (all sources in one transaction), record one undo step, report."""
        window = self.window
        with reporting_errors(self.parent, TITLE):
            result = window.library.merge(sources)
            report = result.report
            if report.changes_anything:
                names = ", ".join(f"\u201c{source.path.name}\u201d" for source in sources)
                window.library_stack.push(
                    MergeCommand(
                        f"Merge {names}",
                        window.library,
                        result.undo,
                        self._changed,
                        self._failed,
                    )
                )
                self._changed(result.undo.map_ids)
                window.undo_group.setActiveStack(window.library_stack)
            window.statusBar().showMessage(report.headline(), 8000)
            dialog = MergeReportDialog(report, confirm=False, parent=self.parent)
            dialog.open_requested.connect(window.open_map)
            return window.show_dialog(dialog)
        return None

    def _changed(self, map_ids: list[str]) -> None:
        """Maps a merge (or its undo) rewrote: reopen them from the library."""
        window = self.window
        current = window.document.map_id if window.document is not None else None
        with reporting_errors(self.parent, TITLE):
            for map_id in map_ids:
                window.close_document(map_id)
            window.refresh_maps()
            window.persona_dock.refresh()
            if current in map_ids and current is not None and window.library.has_map(current):
                window.open_map(current)
        window.undo_group.setActiveStack(window.library_stack)

    def _failed(self, sentence: str) -> None:
        show_error(self.parent, TITLE, sentence)
