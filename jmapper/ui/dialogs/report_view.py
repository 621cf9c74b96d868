"""The review report and the comparison on screen: the PDF page's drawing, in a window.

:class:`ReportView` paints a :class:`jmapper.drawing.report.Report` through the
QPainter backend of the drawing routine, so what the user reads here is what
the "Review" and comparison pages of the PDF print.  The dialog can save the
same report as a PDF page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jmapper.drawing.report import Report, draw_report_page, layout_report
from jmapper.ui.dialogs.messages import reporting_errors
from jmapper.ui.qt_painter import QtPainter

MARGIN = 24.0


class ReportView(QWidget):
    """The whole report on one tall page, as wide as the view."""

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        self.report = report
        self.setAutoFillBackground(True)
        self.setMinimumWidth(640)
        self._rows = layout_report(report, 900, 1e6)[0]

    def _height_for(self, width: float) -> int:
        rows = layout_report(self.report, width - 2 * MARGIN, 1e6)[0]
        chart = 236.0 if self.report.chart is not None else 0.0
        return int(MARGIN * 2 + 54 + chart + sum(r.height for r in rows))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt virtual)
        return QSize(960, self._height_for(960))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt virtual)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt virtual)
        return self._height_for(width)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt virtual)
        width = self.width() - 2 * MARGIN
        self._rows = layout_report(self.report, width, 1e6)[0]
        self.setMinimumHeight(self._height_for(self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt virtual)
        qp = QPainter(self)
        qp.setRenderHint(QPainter.RenderHint.Antialiasing)
        qp.fillRect(self.rect(), Qt.GlobalColor.white)
        width = self.width() - 2 * MARGIN
        draw_report_page(QtPainter(qp), self.report, self._rows, 0, MARGIN, MARGIN, width)
        qp.end()


class ReportDialog(QDialog):
    """A report in a scrollable window, with Save as PDF."""

    def __init__(
        self,
        report: Report,
        title: str,
        save_pdf: Callable[[Path], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(title)
        self.view = ReportView(report, self)
        self.save_pdf = save_pdf
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.pdf_button = QPushButton("Save as PDF\u2026", self)
        self.pdf_button.setObjectName("reportSavePdf")
        self.pdf_button.setToolTip("Save this report as a PDF page")
        self.pdf_button.setEnabled(save_pdf is not None)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(self._save)
        self.resize(1040, 760)

    def _save(self) -> None:
        if self.save_pdf is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save report as PDF", "report.pdf", "PDF (*.pdf)"
        )
        if not name:
            return
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        with reporting_errors(self, "Save report"):
            self.save_pdf(Path(name))
