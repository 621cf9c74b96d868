"""Map > Start Review, Review Report and Compare: the review cycle in the editor.

Kept out of the main window: each command reads the open document and the
library through the services (:mod:`jmapper.services.review`) and shows a
:class:`jmapper.ui.dialogs.report_view.ReportDialog`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

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


def show_comparison(window: Any, old: Any, new: Any, old_name: str, new_name: str) -> QDialog:
    """A comparison of two bundles in a window (from the library panel or the Versions)."""
    from jmapper.analysis.compare import compare
    from jmapper.drawing.report import comparison_report

    report = comparison_report(compare(old, new), old_name, new_name)
    return _show(window, report, f"Compare \u201c{new_name}\u201d with \u201c{old_name}\u201d", new)


def _show(window: Any, report: Any, title: str, bundle: Any = None) -> QDialog:
    from jmapper.services.review import write_report_pdf
    from jmapper.ui.dialogs.report_view import ReportDialog

    printed = bundle if bundle is not None else window.document.bundle

    def save(path: Path) -> object:
        return write_report_pdf(printed, report, path)

    dialog: QDialog = window.show_dialog(ReportDialog(report, title, save, window), modal=False)
    return dialog
