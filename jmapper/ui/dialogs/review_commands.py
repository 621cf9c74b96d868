"""Map > Start Review, Review Report and Compare: the review cycle in the editor.

Kept out of the main window: each command reads the open document and the
library through the services (:mod:`jmapper.services.review`) and shows a
:class:`jmapper.ui.dialogs.report_view.ReportDialog`.  The commands are typed
against :class:`ReviewWindow`, the part of the main window they use.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QStatusBar, QWidget

from jmapper.ui.dialogs.messages import reporting_errors

if TYPE_CHECKING:
    from jmapper.document import JourneyDocument
    from jmapper.drawing.report import Report
    from jmapper.model.bundle import MapBundle
    from jmapper.services.library_api import Library


class ReviewWindow(Protocol):
    """The open map, the library, and where a report and a status message appear."""

    @property
    def document(self) -> JourneyDocument | None: ...

    @property
    def library(self) -> Library: ...

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

    def show_dialog(self, dialog: QDialog, modal: bool = True) -> QDialog: ...

    def window(self) -> QWidget:
        """The top-level widget reports and messages open over (Qt's ``QWidget.window``)."""
        ...


def start_review(window: ReviewWindow) -> QDialog | None:
    """Record a review of the open map and show what changed since the previous one."""
    document = window.document
    if document is None:
        return None
    from jmapper.analysis.review_report import review_report
    from jmapper.drawing.report import review_report_data
    from jmapper.services.review import latest_review, snapshot_bundle

    today = date.today()
    report = None
    with reporting_errors(window.window(), "Start review"):
        previous = latest_review(window.library, document.map_id)
        if previous is not None:
            before = snapshot_bundle(previous, document.bundle)
            report = review_report(before, document.bundle, previous.name, previous.created, today)
        snapshot = document.start_review(today)
        due = document.bundle.map.next_review
        window.statusBar().showMessage(
            f"Review recorded as \u201c{snapshot.name}\u201d; next review due "
            f"{due.isoformat() if due else 'not set'}.",
            8000,
        )
    if report is None:
        return None
    title = f"Review of \u201c{report.title}\u201d"
    return _show(window.window(), review_report_data(report), title, document.bundle, window)


def show_review_report(window: ReviewWindow) -> QDialog | None:
    """What changed on the open map since its last review."""
    document = window.document
    if document is None:
        return None
    from jmapper.drawing.report import review_report_data

    with reporting_errors(window.window(), "Review report"):
        report = window.library.review_report(
            document.map_id, date.today(), current=document.bundle
        )
        title = f"Review of \u201c{report.title}\u201d"
        return _show(window.window(), review_report_data(report), title, document.bundle, window)
    return None


def compare_with_open_map(window: ReviewWindow, map_id: str) -> QDialog | None:
    """Library panel > Compare with the open map: the two maps side by side.

    A map and the map it was derived from are shown as source -> derived.
    """
    document = window.document
    if document is None or map_id == document.map_id:
        return None
    from jmapper.drawing.report import comparison_report
    from jmapper.services.review import compare_maps

    with reporting_errors(window.window(), "Compare"):
        other = window.library.load_map(map_id)
        comparison, old_name, new_name = compare_maps(other, document.bundle)
        report = comparison_report(comparison, old_name, new_name)
        title = f"Compare \u201c{new_name}\u201d"
        return _show(window.window(), report, title, comparison.new, window)
    return None


def compare_with_version(
    parent: QWidget, document: JourneyDocument, snapshot_id: str
) -> QDialog | None:
    """Versions > Compare: a saved version against the map now."""
    from jmapper.drawing.report import comparison_report
    from jmapper.services.review import compare_version

    with reporting_errors(parent, "Compare"):
        comparison, old_name, new_name = compare_version(
            document.store, document.bundle, snapshot_id
        )
        report = comparison_report(comparison, old_name, new_name)
        return _show(parent, report, f"Compare with \u201c{old_name}\u201d", document.bundle)
    return None


def _show(
    parent: QWidget,
    report: Report,
    title: str,
    printed: MapBundle,
    window: ReviewWindow | None = None,
) -> QDialog:
    """The report over ``parent``; through the window's dialog slot when there is a window."""
    from jmapper.services.review import write_report_pdf
    from jmapper.ui.dialogs.report_view import ReportDialog

    def save(path: Path) -> object:
        return write_report_pdf(printed, report, path)

    dialog = ReportDialog(report, title, save, parent)
    if window is not None:
        window.show_dialog(dialog, modal=False)
    else:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
    return dialog
