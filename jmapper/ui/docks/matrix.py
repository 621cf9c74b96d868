"""The priority matrix dock: impact x feasibility, where dragging a dot scores it.

Feasibility runs left to right (1 hard .. 5 easy), impact bottom to top (1 ..
5); a rating of 3 or more is high (:data:`jmapper.analysis.priority.HIGH`),
so the quadrants are named quick wins (top right), big bets (top left),
fill-ins (bottom right) and money pits (bottom left), in words on the
matrix.  Every scored opportunity is a numbered dot in its cell with its
title in a list beside it; unscored ones wait in a tray below and are scored
by dragging them in.  A drop is one undo step setting impact and feasibility
together; a drop outside the grid changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QWidget

from jmapper.analysis.priority import HIGH, Quadrant, quadrant
from jmapper.document import JourneyDocument
from jmapper.model import opportunity_edits
from jmapper.model.entities import Opportunity
from jmapper.ui import action_names as names
from jmapper.ui.dialogs.messages import USER_ERRORS

MATRIX_DOCK = "priorityMatrixDock"
SCALE = 5
MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM = 56.0, 12.0, 12.0, 44.0
TRAY = 46.0
DOT = 11.0

#: Quadrant -> (fill, which corner of the grid it is: (high impact, high feasibility))
QUADRANTS: dict[Quadrant, tuple[str, tuple[bool, bool]]] = {
    Quadrant.QUICK_WIN: ("#DDF1E9", (True, True)),
    Quadrant.BIG_BET: ("#E3EEF8", (True, False)),
    Quadrant.FILL_IN: ("#FBF6C9", (False, True)),
    Quadrant.MONEY_PIT: ("#F9DFD2", (False, False)),
}


@dataclass
class Dot:
    opportunity_id: str
    number: int
    title: str
    centre: QPointF
    scored: bool


class MatrixView(QWidget):
    """The painted matrix; reports drops as (opportunity id, impact, feasibility)."""

    # a dot was dropped on a cell: opportunity id, impact, feasibility
    dropped = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("priorityMatrix")
        self.setMinimumSize(360, 320)
        self.setMouseTracking(True)
        self.opportunities: list[Opportunity] = []
        self.dots: list[Dot] = []
        self._dragging: Dot | None = None
        self._drag_at = QPointF()

    # -- geometry ----------------------------------------------------------------------
    def cell_size(self) -> float:
        width = self.width() - MARGIN_LEFT - MARGIN_RIGHT
        height = self.height() - MARGIN_TOP - MARGIN_BOTTOM - TRAY
        return max(10.0, min(width, height) / SCALE)

    def grid(self) -> QRectF:
        size = self.cell_size() * SCALE
        return QRectF(MARGIN_LEFT, MARGIN_TOP, size, size)

    def cell_centre(self, impact: int, feasibility: int) -> QPointF:
        """The centre of the cell of ``impact`` (row, 5 at the top) x ``feasibility`` (column)."""
        grid, size = self.grid(), self.cell_size()
        return QPointF(
            grid.left() + (feasibility - 0.5) * size, grid.top() + (SCALE - impact + 0.5) * size
        )

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """(impact, feasibility) of the cell under ``point``, or None outside the grid."""
        grid, size = self.grid(), self.cell_size()
        if not grid.contains(point):
            return None
        feasibility = min(SCALE, int((point.x() - grid.left()) / size) + 1)
        impact = SCALE - min(SCALE - 1, int((point.y() - grid.top()) / size))
        return impact, feasibility

    # -- content -----------------------------------------------------------------------
    def set_opportunities(self, opportunities: list[Opportunity]) -> None:
        self.opportunities = sorted(opportunities, key=lambda o: (o.title.casefold(), o.id))
        self._layout_dots()
        self.update()

    def _layout_dots(self) -> None:
        self.dots = []
        per_cell: dict[tuple[int, int], int] = {}
        tray = 0
        grid = self.grid()
        for number, opp in enumerate(self.opportunities, start=1):
            if opp.impact is not None and opp.feasibility is not None:
                key = (opp.impact, opp.feasibility)
                n = per_cell.get(key, 0)
                per_cell[key] = n + 1
                centre = self.cell_centre(*key)
                # the first in the middle of its cell, more side by side, then a row below
                column, row = (0, 1, -1)[n % 3], n // 3
                offset = QPointF(column * DOT * 2.2, row * DOT * 2.2)
                self.dots.append(Dot(opp.id, number, opp.title, centre + offset, True))
            else:
                x = grid.left() + DOT + tray * (DOT * 2.4)
                y = grid.bottom() + MARGIN_BOTTOM + TRAY / 2
                self.dots.append(Dot(opp.id, number, opp.title, QPointF(x, y), False))
                tray += 1

    def dot_at(self, point: QPointF) -> Dot | None:
        for dot in reversed(self.dots):
            if (dot.centre - point).manhattanLength() <= DOT * 1.4:
                return dot
        return None

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._layout_dots()

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        grid, size = self.grid(), self.cell_size()
        split_x = grid.left() + (HIGH - 1) * size
        split_y = grid.top() + (SCALE - HIGH + 1) * size
        font = QFont(self.font())
        for which, (fill, (high_impact, high_feasibility)) in QUADRANTS.items():
            left = split_x if high_feasibility else grid.left()
            right = grid.right() if high_feasibility else split_x
            top = grid.top() if high_impact else split_y
            bottom = split_y if high_impact else grid.bottom()
            area = QRectF(left, top, right - left, bottom - top)
            painter.fillRect(area, QColor(fill))
            font.setBold(True)
            font.setPixelSize(max(11, int(size * 0.22)))
            painter.setFont(font)
            painter.setPen(QColor("#555555"))
            painter.drawText(
                area.adjusted(4, 2, -4, -2),
                int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter),
                which.label,
            )
        painter.setPen(QPen(QColor("#BBBBBB"), 1))
        for i in range(SCALE + 1):
            painter.drawLine(
                QPointF(grid.left() + i * size, grid.top()),
                QPointF(grid.left() + i * size, grid.bottom()),
            )
            painter.drawLine(
                QPointF(grid.left(), grid.top() + i * size),
                QPointF(grid.right(), grid.top() + i * size),
            )
        painter.setPen(QPen(QColor("#333333"), 2))
        painter.drawLine(QPointF(split_x, grid.top()), QPointF(split_x, grid.bottom()))
        painter.drawLine(QPointF(grid.left(), split_y), QPointF(grid.right(), split_y))
        font.setBold(False)
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QColor("#1A1A1A"))
        for i in range(1, SCALE + 1):
            painter.drawText(
                QRectF(grid.left() + (i - 1) * size, grid.bottom() + 2, size, 16),
                int(Qt.AlignmentFlag.AlignCenter),
                str(i),
            )
            painter.drawText(
                QRectF(grid.left() - 18, grid.top() + (SCALE - i) * size, 14, size),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                str(i),
            )
        painter.drawText(
            QRectF(grid.left(), grid.bottom() + 18, grid.width(), 18),
            int(Qt.AlignmentFlag.AlignCenter),
            "Feasibility \u2192 (1 hard, 5 easy)",
        )
        painter.save()
        painter.translate(14, grid.center().y())
        painter.rotate(-90)
        painter.drawText(
            QRectF(-grid.height() / 2, -8, grid.height(), 18),
            int(Qt.AlignmentFlag.AlignCenter),
            "Impact \u2192",
        )
        painter.restore()
        if any(not d.scored for d in self.dots):
            painter.drawText(
                QRectF(grid.left(), grid.bottom() + MARGIN_BOTTOM - 6, grid.width(), 14),
                int(Qt.AlignmentFlag.AlignLeft),
                "Not scored yet: drag onto the matrix",
            )
        for dot in self.dots:
            centre = self._drag_at if dot is self._dragging else dot.centre
            self._paint_dot(painter, dot, centre)
        painter.end()

    def _paint_dot(self, painter: QPainter, dot: Dot, centre: QPointF) -> None:
        painter.setPen(QPen(QColor("#1A1A1A"), 1.2))
        painter.setBrush(QColor("#0072B2") if dot.scored else QColor("#FFFFFF"))
        painter.drawEllipse(centre, DOT, DOT)
        painter.setPen(QColor("#FFFFFF") if dot.scored else QColor("#1A1A1A"))
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
        painter.drawText(
            QRectF(centre.x() - DOT, centre.y() - DOT, 2 * DOT, 2 * DOT),
            int(Qt.AlignmentFlag.AlignCenter),
            str(dot.number),
        )

    # -- dragging ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        dot = self.dot_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and dot is not None:
            self._dragging = dot
            self._drag_at = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._dragging is not None:
            self._drag_at = event.position()
            self.update()
            return
        dot = self.dot_at(event.position())
        self.setToolTip(f"{dot.number}. {dot.title}" if dot else "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        dot, self._dragging = self._dragging, None
        self.unsetCursor()
        self.update()
        if dot is None:
            return
        cell = self.cell_at(event.position())
        if cell is not None:
            self.dropped.emit(dot.opportunity_id, *cell)


class MatrixDock(QDockWidget):
    # an edit was refused; argument: the sentence
    edit_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Priority matrix", parent)
        self.setObjectName(MATRIX_DOCK)
        self.document: JourneyDocument | None = None
        body = QWidget(self)
        self.view = MatrixView(body)
        self.legend = QLabel(body)
        self.legend.setObjectName("matrixLegend")
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.legend.setWordWrap(True)
        self.legend.setMinimumWidth(200)
        layout = QHBoxLayout(body)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.legend, 2)
        self.setWidget(body)
        self.view.dropped.connect(self.score)
        self.visibilityChanged.connect(self._visibility_changed)

    def _visibility_changed(self, shown: bool) -> None:
        if shown:
            self.refresh()

    def set_document(self, document: JourneyDocument | None) -> None:
        self.document = document
        self.refresh()

    def refresh(self) -> None:
        opps = list(self.document.bundle.opportunities.values()) if self.document else []
        self.view.set_opportunities(opps)
        lines = []
        for dot, opp in zip(self.view.dots, self.view.opportunities, strict=True):
            cell = quadrant(opp)
            where = cell.label if cell else "not scored"
            lines.append(f"{dot.number}. {opp.title} \u2014 {where}")
        self.legend.setText("\n".join(lines) or "No opportunities on this map yet.")

    def score(self, opportunity_id: str, impact: int, feasibility: int) -> None:
        """A drop: impact and feasibility in one undo step (nothing if the cell is the same)."""
        document = self.document
        if document is None:
            return
        try:
            document.execute(
                opportunity_edits.set_fields_once(
                    document.bundle,
                    opportunity_id,
                    "Score on the priority matrix",
                    impact=impact,
                    feasibility=feasibility,
                )
            )
        except USER_ERRORS as error:
            self.edit_refused.emit(str(error))
        self.refresh()


def install_matrix(window: Any) -> MatrixDock:
    """Make the matrix dock of ``window`` (a MainWindow), hidden, with its View menu toggle."""
    dock = MatrixDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    dock.edit_refused.connect(window.show_refusal)

    def follow(*_args: object) -> None:
        if dock.document is not window.document:
            dock.document = window.document
        if dock.isVisible():
            dock.refresh()

    window.undo_group.indexChanged.connect(follow)
    window.undo_group.activeStackChanged.connect(follow)
    toggle = dock.toggleViewAction()
    toggle.setObjectName(names.SHOW_PRIORITY_MATRIX)
    toggle.setText("Priority &Matrix")
    toggle.setToolTip("Show or hide the impact x feasibility matrix; drag a dot to score it")
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and action.text() == "&View":
            menu.addAction(toggle)
    window.named_actions[names.SHOW_PRIORITY_MATRIX] = toggle
    return dock
