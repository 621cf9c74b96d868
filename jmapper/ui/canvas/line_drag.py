"""Dragging a blueprint line up or down to another lane boundary: one move on release.

While the mouse moves, the line and its label follow, snapped to the nearest
boundary between visible lanes, and a marker shows where it will land: blue
where the line may go, vermillion (with the reason as a tooltip) where the
move would be refused.  Nothing is edited until the release, which asks the
controller for one move (one undo step); a refused or empty drop puts the line
back where the layout has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsLineItem, QToolTip

from jmapper.drawing import SELECTION_COLOUR
from jmapper.layout.boxes import MapLayout
from jmapper.model.blueprint_edits import closest_position, line_move_problem, visible_above
from jmapper.model.enums import BLUEPRINT_LINE_ORDER
from jmapper.style import OKABE_ITO
from jmapper.ui.canvas.interactions import Interaction
from jmapper.ui.canvas.items import Z_LABELS, Z_LINE, MapItem
from jmapper.ui.qt_painter import qpen

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

#: How much higher a dragged line is drawn: over cards and arrows, under the sticky labels.
LIFT = Z_LABELS - 1 - Z_LINE

#: The drop marker where the move would be refused (Okabe-Ito vermillion).
REFUSED_COLOUR = OKABE_ITO["vermillion"]


def gap_ys(layout: MapLayout) -> list[float]:
    """The height of each boundary between visible lanes, top to bottom (one more than lanes)."""
    lanes = layout.lanes
    if not lanes:
        return []
    inner = [
        (above.rect.bottom + below.rect.y) / 2
        for above, below in zip(lanes, lanes[1:], strict=False)
    ]
    return [lanes[0].rect.y, *inner, lanes[-1].rect.bottom]


def nearest_gap(layout: MapLayout, y: float) -> int | None:
    """The visible boundary nearest to scene height ``y``."""
    ys = gap_ys(layout)
    if not ys:
        return None
    return min(range(len(ys)), key=lambda gap: abs(ys[gap] - y))


class LineDragInteraction(Interaction):
    """Press on a line (or its label) and drag it to another lane boundary."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent, line_id: str) -> None:
        super().__init__(canvas, event)
        self.line_id = line_id
        self.items: list[MapItem] = [
            item
            for item in (
                canvas.projection.items.get(("blueprint_line", line_id)),
                canvas.projection.items.get(("blueprint_label", line_id)),
            )
            if item is not None
        ]
        self.marker = QGraphicsLineItem()
        # Over cards, arrows and faces, under the sticky label column and header row.
        self.marker.setZValue(Z_LABELS - 0.5)

    def _lift(self, lifted: bool) -> None:
        """While dragged, the line and label are drawn over the others, and the label
        column stops drawing the line where it was."""
        for item in self.items:
            item.setZValue(item.z + (LIFT if lifted else 0))
        layout = self.canvas.projection.layout
        backing = self.canvas.projection.label_backing
        if layout is not None:
            lines = tuple(
                b for b in layout.blueprint_lines if not lifted or b.line_id != self.line_id
            )
            backing.set_column(backing.boundingRect(), lines, self.canvas.map_style)

    def _target(self, event: QMouseEvent) -> tuple[int, float, str | None] | None:
        """(position, snapped height, why it is refused or None) under the mouse."""
        layout = self.canvas.projection.layout
        bundle = self.canvas.document_bundle()
        if layout is None or bundle is None or self.line_id not in bundle.blueprint_lines:
            return None
        gap = nearest_gap(layout, self.scene_pos(event).y())
        if gap is None:
            return None
        position = closest_position(bundle, self.line_id, gap)
        line = bundle.blueprint_lines[self.line_id]
        if position == line.position:
            box = next((b for b in layout.blueprint_lines if b.line_id == self.line_id), None)
            return position, box.y if box is not None else gap_ys(layout)[gap], None
        problem = line_move_problem(bundle, self.line_id, position)
        return position, self._slot_y(layout, gap), problem

    def _slot_y(self, layout: MapLayout, gap: int) -> float:
        """Where the line would come among the lines already drawn at ``gap``.

        Between two of them (or at the lane's edge), so the dragged label is
        seen beside theirs, not on top of one.
        """
        bundle = self.canvas.document_bundle()
        assert bundle is not None
        moving = bundle.blueprint_lines[self.line_id]
        rank = BLUEPRINT_LINE_ORDER.index
        there = [
            line
            for line in bundle.ordered_lines()
            if line.id != self.line_id and visible_above(bundle, line.position) == gap
        ]
        before = sum(1 for line in there if rank(line.kind) < rank(moving.kind))
        band = self.canvas.map_style.line_band_height
        lanes = layout.lanes
        start = lanes[gap - 1].rect.bottom if gap > 0 else lanes[0].rect.y - len(there) * band
        return start + before * band

    def move(self, event: QMouseEvent) -> None:
        if not self.started and not self.dragged_far_enough(event):
            return
        if not self.started:
            self.started = True
            self._lift(True)
        target = self._target(event)
        layout = self.canvas.projection.layout
        if target is None or layout is None or not self.items:
            return
        _position, y, problem = target
        rest = self.items[0].box.y
        for item in self.items:
            item.setPos(item.pos().x(), y - rest)
        colour = REFUSED_COLOUR if problem else SELECTION_COLOUR
        self.marker.setPen(qpen(colour, 3.0, (6.0, 3.0)))
        self.marker.setLine(QLineF(layout.grid.x, y, layout.width, y))
        if self.marker.scene() is None:
            self.canvas.scene().addItem(self.marker)
        # Not colour alone: the cursor and the sentence say it too.
        cursor = Qt.CursorShape.ForbiddenCursor if problem else Qt.CursorShape.SizeVerCursor
        self.canvas.viewport().setCursor(cursor)
        if problem:
            QToolTip.showText(event.globalPosition().toPoint(), problem, self.canvas.viewport())
        else:
            QToolTip.hideText()

    def release(self, event: QMouseEvent) -> bool:
        target = self._target(event) if self.started else None
        self.cancel()
        bundle = self.canvas.document_bundle()
        if target is None or bundle is None:
            return True
        line = bundle.blueprint_lines.get(self.line_id)
        if line is not None and target[0] != line.position:
            self.canvas.controller.move_blueprint_line(self.line_id, target[0])
        return True

    def cancel(self) -> None:
        for item in self.items:
            if item.scene() is not None:
                item.setPos(item.pos().x(), 0)
        if self.marker.scene() is not None:
            self.marker.scene().removeItem(self.marker)
        QToolTip.hideText()
        if self.started:
            self.canvas.viewport().unsetCursor()
            self._lift(False)
