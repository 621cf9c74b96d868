"""Map > Start Review, Review Report and Compare: the review cycle in the editor.

Kept out of the main window: each command reads the open document and the
library through the services (:mod:`jmapper.services.review`) and shows a
:class:`jmapper.ui.dialogs.report_view.ReportDialog`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from jmapper.ui.dialogs.messages import reporting_errors


def start_review(window: Any) -> QDialog | None:
    """Record a review of the open map and show what changed since the previous one."""
    document = window.document
    if document is None:
        return None
    from jmapper.analysis.review_report import review_report
    from jmapper.drawing.report import review_report_data
    from jmapper.services.review import latest_review, snapshot_bundle

    today = date.today()
    report = None
    with reporting_errors(window, "Start review"):
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
    return _show(window, review_report_data(report), f"Review of \u201c{report.title}\u201d")


def show_review_report(window: Any) -> QDialog | None:
    """What changed on the open map since its last review."""
    document = window.document
    if document is None:
        return None
    from jmapper.drawing.report import review_report_data
    from jmapper.services.review import report_since

    with reporting_errors(window, "Review report"):
        report = report_since(
            window.library, document.map_id, date.today(), current=document.bundle
        )
        return _show(window, review_report_data(report), f"Review of \u201c{report.title}\u201d")
    return None


def compare_with_open_map(window: Any, map_id: str) -> QDialog | None:
    """Library panel > Compare with the open map: the two maps side by side.

    A map and the map it was derived from are shown as source -> derived.
    """
    document = window.document
    if document is None or map_id == document.map_id:
        return None
    from jmapper.drawing.report import comparison_report
    from jmapper.services.review import compare_maps

    with reporting_errors(window, "Compare"):
        other = window.library.load_map(map_id)
        comparison, old_name, new_name = compare_maps(other, document.bundle)
        report = comparison_report(comparison, old_name, new_name)
        return _show(window, report, f"Compare \u201c{new_name}\u201d", comparison.new)
    return None


def compare_with_version(parent: Any, document: Any, snapshot_id: str) -> QDialog | None:
    """Versions > Compare: a saved version against the map now."""
    from jmapper.drawing.report import comparison_report
    from jmapper.services.review import compare_with_snapshot

    with reporting_errors(parent, "Compare"):
        comparison, old_name, new_name = compare_with_snapshot(
            document.store, document.map_id, snapshot_id, current=document.bundle
        )
        report = comparison_report(comparison, old_name, new_name)
        return _show(parent, report, f"Compare with \u201c{old_name}\u201d", document.bundle)
    return None


def _show(window: Any, report: Any, title: str, bundle: Any = None) -> QDialog:
    from jmapper.services.review import write_report_pdf
    from jmapper.ui.dialogs.report_view import ReportDialog

    printed = bundle if bundle is not None else window.document.bundle

    def save(path: Path) -> object:
        return write_report_pdf(printed, report, path)

    dialog = ReportDialog(report, title, save, window)
    if hasattr(window, "show_dialog"):
        window.show_dialog(dialog, modal=False)
    else:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
    return dialog
