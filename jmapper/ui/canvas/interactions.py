"""Pointer gestures as small objects: one per drag, instead of integer modes.

The view starts an interaction on a mouse press and forwards moves and the
release to it.  During the gesture items move freely (live feedback only);
the release asks the controller for ONE document edit, so every gesture is one
undo step.  If the edit is refused, or the drop changes nothing, the items go
back where the layout has them.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsRectItem

from jmapper.drawing import SELECTION_COLOUR
from jmapper.layout.boxes import LinkBox, Rect
from jmapper.layout.connectors import arrow_head, edge_point
from jmapper.ui.canvas.cells import cell_at, column_at_x, lane_at_y
from jmapper.ui.canvas.items import (
    CardItem,
    EmotionHandleItem,
    LaneLabelItem,
    LinkItem,
    MapItem,
    StageHeaderItem,
    StepHeaderItem,
)
from jmapper.ui.qt_painter import qpen

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

#: Distance (viewport pixels) from a card's right edge that grabs its span.
SPAN_GRIP = 6


class Interaction:
    """A gesture in progress; ``release`` returns True when it is over."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent) -> None:
        self.canvas = canvas
        self.press_view = event.position().toPoint()
        self.press_scene = canvas.mapToScene(self.press_view)
        self.started = False

    def scene_pos(self, event: QMouseEvent) -> QPointF:
        return self.canvas.mapToScene(event.position().toPoint())

    def dragged_far_enough(self, event: QMouseEvent) -> bool:
        delta = event.position().toPoint() - self.press_view
        return delta.manhattanLength() >= QApplication.startDragDistance()

    def move(self, event: QMouseEvent) -> None:
        return

    def release(self, event: QMouseEvent) -> bool:
        return True

    def cancel(self) -> None:
        return


class PanInteraction(Interaction):
    """Middle-drag or Space+drag: the map follows the hand."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent) -> None:
        super().__init__(canvas, event)
        self.last = self.press_view
        canvas.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, event: QMouseEvent) -> None:
        now = event.position().toPoint()
        delta = now - self.last
        self.last = now
        h, v = self.canvas.horizontalScrollBar(), self.canvas.verticalScrollBar()
        h.setValue(h.value() - delta.x())
        v.setValue(v.value() - delta.y())

    def release(self, event: QMouseEvent) -> bool:
        self.canvas.viewport().unsetCursor()
        return True

    def cancel(self) -> None:
        self.canvas.viewport().unsetCursor()


def _moved_link(
    link: LinkBox,
    rects: dict[str, Rect],
    ends: tuple[str, str],
    style_len: float,
    style_width: float,
) -> LinkBox:
    source, target = rects[ends[0]], rects[ends[1]]
    start = edge_point(source, target.centre)
    end = edge_point(target, source.centre)
    heads = [arrow_head(end, start, style_len, style_width)]
    if len(link.heads) > 1:
        heads.append(arrow_head(start, end, style_len, style_width))
    return LinkBox(link.link_id, start, end, link.direction, link.link_type, tuple(heads), None)


class CardDragInteraction(Interaction):
    """Drag the selected cards to another cell (or position in a cell): one move_cards."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent, item: CardItem) -> None:
        super().__init__(canvas, event)
        self.item = item
        self.items = [i for i in canvas.scene().selectedItems() if isinstance(i, CardItem)]
        if item not in self.items:
            self.items = [item]
        ids = {i.entity_id for i in self.items}
        bundle = canvas.document_bundle()
        self.links: list[tuple[LinkItem, tuple[str, str]]] = []
        if bundle is not None:
            for link in bundle.card_links.values():
                if link.source_card_id in ids or link.target_card_id in ids:
                    link_item = canvas.projection.item("card_link", link.id)
                    if isinstance(link_item, LinkItem):
                        self.links.append((link_item, (link.source_card_id, link.target_card_id)))

    def move(self, event: QMouseEvent) -> None:
        if not self.started and not self.dragged_far_enough(event):
            return
        self.started = True
        offset = self.scene_pos(event) - self.press_scene
        for item in self.items:
            item.setPos(offset)
        self._follow_links(offset)
        cell = self._target(event)
        if cell is not None:
            self.canvas.set_current_cell(cell, scroll=False)

    def _follow_links(self, offset: QPointF) -> None:
        layout = self.canvas.projection.layout
        if layout is None or not self.links:
            return
        moving = {i.entity_id for i in self.items}
        rects: dict[str, Rect] = {}
        for _item, ends in self.links:
            for card_id in ends:
                box = layout.cards.get(card_id)
                if box is None:
                    continue
                r = box.rect
                if card_id in moving:
                    r = Rect(r.x + offset.x(), r.y + offset.y(), r.w, r.h)
                rects[card_id] = r
        s = self.canvas.map_style
        for link_item, ends in self.links:
            if ends[0] in rects and ends[1] in rects:
                link_item.follow(
                    _moved_link(link_item.box, rects, ends, s.arrow_head_length, s.arrow_head_width)
                )

    def _target(self, event: QMouseEvent):
        layout = self.canvas.projection.layout
        if layout is None:
            return None
        pos = self.scene_pos(event)
        return cell_at(layout, pos.x(), pos.y())

    def release(self, event: QMouseEvent) -> bool:
        if not self.started:
            if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.canvas.select(self.item.kind, self.item.entity_id, scroll=False)
            return True
        layout = self.canvas.projection.layout
        cell = self._target(event)
        moved = False
        if cell is not None and layout is not None:
            column = layout.columns[cell.column]
            drop_y = self.scene_pos(event).y()
            ids = [i.entity_id for i in self.items]
            others = sorted(
                (
                    b
                    for b in layout.cards.values()
                    if b.lane_id == cell.lane_id
                    and b.card_id not in ids
                    and self.canvas.card_column(b.card_id) == cell.column
                ),
                key=lambda b: b.rect.y,
            )
            position = sum(1 for b in others if b.rect.centre[1] < drop_y)
            if not self._unchanged(ids, cell, position):
                moved = self.canvas.controller.move_cards(
                    ids, cell.lane_id, column.stage_id, column.step_id, position
                )
        if not moved:
            self.cancel()
        return True

    def _unchanged(self, ids: list[str], cell, position: int) -> bool:
        bundle = self.canvas.document_bundle()
        if bundle is None or len(ids) != 1:
            return False
        card = bundle.cards.get(ids[0])
        if card is None:
            return True
        return (
            card.lane_id == cell.lane_id
            and self.canvas.card_column(card.id) == cell.column
            and card.position == position
        )

    def cancel(self) -> None:
        for item in self.items:
            item.setPos(0, 0)
        for link_item, _ends in self.links:
            layout = self.canvas.projection.layout
            if layout is not None:
                box = next((b for b in layout.links if b.link_id == link_item.entity_id), None)
                if box is not None:
                    link_item.set_box(box)


class SpanInteraction(Interaction):
    """Drag a card's right edge across columns to change how many steps it spans."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent, item: CardItem) -> None:
        super().__init__(canvas, event)
        self.item = item
        rect = item.box.rect
        self.ghost = QGraphicsRectItem(QRectF(rect.x, rect.y, rect.w, rect.h))
        self.ghost.setPen(qpen(SELECTION_COLOUR, 2.0, (4.0, 2.0)))
        self.ghost.setZValue(20)
        canvas.scene().addItem(self.ghost)
        self.span = self._current_span()

    def _current_span(self) -> int:
        bundle = self.canvas.document_bundle()
        card = bundle.cards.get(self.item.entity_id) if bundle else None
        return card.span if card is not None else 1

    def _span_at(self, x: float) -> int:
        layout = self.canvas.projection.layout
        first = self.canvas.card_column(self.item.entity_id)
        if layout is None or first is None:
            return self.span
        width = layout.columns[0].width
        start = layout.columns[first].x
        span = math.ceil((x - start) / width - 0.35)
        return max(1, min(span, len(layout.columns) - first))

    def move(self, event: QMouseEvent) -> None:
        self.started = True
        layout = self.canvas.projection.layout
        first = self.canvas.card_column(self.item.entity_id)
        if layout is None or first is None:
            return
        span = self._span_at(self.scene_pos(event).x())
        rect = self.item.box.rect
        width = span * layout.columns[0].width - 2 * self.canvas.map_style.cell_padding
        self.ghost.setRect(QRectF(rect.x, rect.y, width, rect.h))

    def release(self, event: QMouseEvent) -> bool:
        span = self._span_at(self.scene_pos(event).x())
        self.cancel()
        if span != self.span:
            self.canvas.controller.set_span(self.item.entity_id, span)
        return True

    def cancel(self) -> None:
        if self.ghost.scene() is not None:
            self.ghost.scene().removeItem(self.ghost)


class HeaderDragInteraction(Interaction):
    """Drag a stage or step header sideways, or a lane label up or down: one reorder."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent, item: MapItem) -> None:
        super().__init__(canvas, event)
        self.item = item
        self.marker = QGraphicsLineItem()
        self.marker.setPen(qpen(SELECTION_COLOUR, 4.0))
        self.marker.setZValue(30)

    def _target(self, pos: QPointF) -> tuple[int, QLineF] | None:
        layout = self.canvas.projection.layout
        bundle = self.canvas.document_bundle()
        if layout is None or bundle is None:
            return None
        kind = self.item.kind
        if kind == "lane":
            lane = lane_at_y(layout, pos.y())
            if lane is None:
                return None
            order = [ln.id for ln in bundle.ordered_lanes()]
            line = QLineF(0, lane.rect.y, layout.width, lane.rect.y)
            return order.index(lane.lane_id), line
        column = column_at_x(layout, pos.x())
        if column is None:
            return None
        if kind == "stage":
            order = [st.id for st in bundle.ordered_stages()]
            stage = next(s for s in layout.stages if s.stage_id == column.stage_id)
            return order.index(column.stage_id), QLineF(
                stage.rect.x, 0, stage.rect.x, layout.height
            )
        step = bundle.steps.get(self.item.entity_id)
        if step is None or column.stage_id != step.stage_id or column.step_id is None:
            return None
        order = [st.id for st in bundle.ordered_steps(step.stage_id)]
        return order.index(column.step_id), QLineF(column.x, 0, column.x, layout.height)

    def move(self, event: QMouseEvent) -> None:
        if not self.started and not self.dragged_far_enough(event):
            return
        self.started = True
        target = self._target(self.scene_pos(event))
        if target is None:
            self.marker.hide()
            return
        if self.marker.scene() is None:
            self.canvas.scene().addItem(self.marker)
        self.marker.setLine(target[1])
        self.marker.show()

    def release(self, event: QMouseEvent) -> bool:
        self.cancel()
        if not self.started:
            return True
        target = self._target(self.scene_pos(event))
        bundle = self.canvas.document_bundle()
        if target is None or bundle is None:
            return True
        entity = bundle.get(self.item.kind, self.item.entity_id)
        position = target[0]
        if entity is not None and entity.position != position:
            self.canvas.controller.reorder(self.item.kind, self.item.entity_id, position)
        return True

    def cancel(self) -> None:
        if self.marker.scene() is not None:
            self.marker.scene().removeItem(self.marker)


class EmotionDragInteraction(Interaction):
    """Drag a face up or down; it snaps to whole values and commits once on release."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent, item: EmotionHandleItem) -> None:
        super().__init__(canvas, event)
        self.item = item

    def move(self, event: QMouseEvent) -> None:
        self.started = True
        self.item.set_preview(self.item.value_at(self.scene_pos(event).y()))

    def release(self, event: QMouseEvent) -> bool:
        value = self.item.value_at(self.scene_pos(event).y()) if self.started else None
        self.item.set_preview(None)
        if value is not None:
            self.canvas.controller.set_emotion_point(self.item.entity_id, value)
        return True

    def cancel(self) -> None:
        self.item.set_preview(None)


class ArrowInteraction(Interaction):
    """Draw an arrow from a card to a card: drag between them, or click one then the other."""

    def __init__(self, canvas: CanvasHost, event: QMouseEvent, source: CardItem) -> None:
        super().__init__(canvas, event)
        self.source = source
        centre = QPointF(*source.box.rect.centre)
        self.line = QGraphicsLineItem(QLineF(centre, centre))
        self.line.setPen(qpen(SELECTION_COLOUR, 1.5, (5.0, 3.0)))
        self.line.setZValue(30)
        canvas.scene().addItem(self.line)
        self.armed = False  # released over the source: wait for a click on the target

    def move(self, event: QMouseEvent) -> None:
        line = self.line.line()
        line.setP2(self.scene_pos(event))
        self.line.setLine(line)

    def press(self, event: QMouseEvent) -> bool:
        """A second click while armed: finish on a card, cancel elsewhere."""
        return self.release(event, second=True)

    def release(self, event: QMouseEvent, second: bool = False) -> bool:
        target = self.canvas.card_item_at(event.position().toPoint())
        if target is self.source and not second:
            self.armed = True
            return False
        self.cancel()
        if target is not None and target is not self.source:
            link_id = self.canvas.controller.link(self.source.entity_id, target.entity_id)
            if link_id is not None:
                self.canvas.select("card_link", link_id, scroll=False)
        self.canvas.finish_arrow_mode()
        return True

    def cancel(self) -> None:
        if self.line.scene() is not None:
            self.line.scene().removeItem(self.line)


def near_right_edge(canvas: CanvasHost, item: CardItem, view_pos: QPoint) -> bool:
    rect = item.box.rect
    edge = canvas.mapFromScene(QPointF(rect.right, rect.y))
    return abs(view_pos.x() - edge.x()) <= SPAN_GRIP


def press_interaction(canvas: CanvasHost, event: QMouseEvent, item: MapItem) -> Interaction | None:
    """The drag that a left press on ``item`` (already selected) starts, if any."""
    if isinstance(item, CardItem):
        if near_right_edge(canvas, item, event.position().toPoint()):
            canvas.select(item.kind, item.entity_id, scroll=False)
            return SpanInteraction(canvas, event, item)
        return CardDragInteraction(canvas, event, item)
    if isinstance(item, (StageHeaderItem, StepHeaderItem, LaneLabelItem)):
        return HeaderDragInteraction(canvas, event, item)
    if isinstance(item, EmotionHandleItem):
        return EmotionDragInteraction(canvas, event, item)
    return None
