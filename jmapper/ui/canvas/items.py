"""Scene items: each one shows one layout box and knows the entity it stands for.

Items are disciplined (docs/architecture.md): the bounding rect is cached and
changed only in :meth:`MapItem.set_box` after ``prepareGeometryChange()``;
``paint()`` only reads the box and the selection; the level of detail comes
from the painter's transform.  Items hold absolute layout coordinates, so an
item's ``pos()`` is nothing but its live drag offset and is zero at rest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from jmapper.drawing.cards import (
    SELECTION_COLOUR,
    draw_card,
    draw_moment_marker,
    draw_moment_note,
    draw_opportunity,
)
from jmapper.drawing.emotion import draw_emotion_plot, draw_face
from jmapper.drawing.grid import (
    draw_blueprint_label,
    draw_blueprint_line,
    draw_corner,
    draw_lane_label,
    draw_lane_row,
    draw_sheet,
    draw_stage_header,
    draw_step_header,
)
from jmapper.drawing.links import draw_link, link_bounds
from jmapper.layout.boxes import (
    BlueprintLineBox,
    CardBox,
    ColumnBox,
    EmotionCurve,
    EmotionLane,
    EmotionMark,
    LaneBox,
    LinkBox,
    MomentBox,
    OpportunityBox,
    Rect,
    StageBox,
)
from jmapper.layout.emotion import NO_SHIFT, FaceShift
from jmapper.style import Style
from jmapper.ui.qt_painter import QtPainter, qpen

#: Z values: the sheet under rows under lines under the plot under cards under arrows under handles.
Z_SHEET = -1
Z_ROW, Z_LINE, Z_PLOT, Z_CARD, Z_LINK, Z_HANDLE, Z_CURSOR = 0, 1, 2, 3, 4, 5, 6
Z_LABELS, Z_HEADERS, Z_CORNER = 10, 11, 12


def _grown(rect: Rect, by: float) -> Rect:
    return Rect(rect.x - by, rect.y - by, rect.w + 2 * by, rect.h + 2 * by)


def _bounds(rect: Rect, margin: float = 0.0) -> QRectF:
    return QRectF(rect.x - margin, rect.y - margin, rect.w + 2 * margin, rect.h + 2 * margin)


class MapItem(QGraphicsItem):
    """Base of every map item: ``kind``/``entity_id`` name what it shows ('' for none)."""

    kind = ""
    z = Z_CARD
    margin = 0.0
    selectable = False

    def __init__(self, entity_id: str, box: Any, style: Style, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.entity_id = entity_id
        self.style = style
        self.box = box
        self._rect = self.compute_rect(box)
        self.setZValue(self.z)
        if self.selectable:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    def compute_rect(self, box: Any) -> QRectF:
        raise NotImplementedError

    def set_box(self, box: Any) -> None:
        """Show a new layout box: the only place geometry changes."""
        rect = self.compute_rect(box)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.box = box
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt virtual)
        return self._rect

    @staticmethod
    def lod(option: QStyleOptionGraphicsItem, painter: QPainter) -> float:
        return option.levelOfDetailFromTransform(painter.worldTransform())


class CardItem(MapItem):
    kind = "card"
    z = Z_CARD
    margin = 3.0
    selectable = True

    def __init__(self, entity_id: str, box: CardBox, style: Style, parent=None) -> None:
        super().__init__(entity_id, box, style, parent)
        # Cards are the most numerous items; a cached pixmap per card makes panning a blit.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def compute_rect(self, box: CardBox) -> QRectF:
        return _bounds(box.rect, self.margin)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = self.lod(option, painter)
        draw_card(QtPainter(painter), self.box, self.style, lod, self.isSelected())


class OpportunityItem(MapItem):
    kind = "opportunity"
    margin = 3.0
    selectable = True

    def compute_rect(self, box: OpportunityBox) -> QRectF:
        return _bounds(box.rect, self.margin)

    def paint(self, painter, option, widget=None) -> None:
        lod = self.lod(option, painter)
        draw_opportunity(QtPainter(painter), self.box, self.style, lod, self.isSelected())


class MomentNoteItem(MapItem):
    """A moment of truth's note in the moments lane (the marker sits in the header)."""

    kind = "moment_of_truth"
    margin = 3.0
    selectable = True

    def compute_rect(self, box: MomentBox) -> QRectF:
        return _bounds(box.note_rect or Rect(0, 0, 0, 0), self.margin)

    def paint(self, painter, option, widget=None) -> None:
        draw_moment_note(QtPainter(painter), self.box, self.style, self.isSelected())


class MomentMarkerItem(MapItem):
    kind = "moment_of_truth"
    z = 2
    margin = 3.0
    selectable = True

    def compute_rect(self, box: MomentBox) -> QRectF:
        return _bounds(box.marker, self.margin)

    def paint(self, painter, option, widget=None) -> None:
        draw_moment_marker(QtPainter(painter), self.box, self.style, self.isSelected())


@dataclass(frozen=True)
class StageHeader:
    """A stage box plus the header colours the map uses."""

    stage: StageBox
    fill: str
    text: str


class StageHeaderItem(MapItem):
    kind = "stage"
    z = 1
    selectable = True

    def compute_rect(self, box: StageHeader) -> QRectF:
        return _bounds(box.stage.rect)

    def paint(self, painter, option, widget=None) -> None:
        box = self.box
        draw_stage_header(
            QtPainter(painter),
            box.stage,
            box.fill,
            box.text,
            self.isSelected(),
            separator=self.style.paper,
        )


class StepHeaderItem(MapItem):
    kind = "step"
    z = 1
    selectable = True

    def compute_rect(self, box: ColumnBox) -> QRectF:
        return _bounds(box.header or Rect(box.x, 0, box.width, 0))

    def paint(self, painter, option, widget=None) -> None:
        draw_step_header(QtPainter(painter), self.box, self.style, self.isSelected())


class LaneLabelItem(MapItem):
    kind = "lane"
    z = 1
    selectable = True

    def compute_rect(self, box: LaneBox) -> QRectF:
        return _bounds(box.label_rect)

    def paint(self, painter, option, widget=None) -> None:
        draw_lane_label(QtPainter(painter), self.box, self.style, self.isSelected())


class SheetItem(MapItem):
    """The white map sheet (a Rect of the whole map) that the gaps between lanes show."""

    kind = ""
    z = Z_SHEET

    def compute_rect(self, box: Rect) -> QRectF:
        return _bounds(box)

    def paint(self, painter, option, widget=None) -> None:
        draw_sheet(QtPainter(painter), self.box, self.style.paper)


@dataclass(frozen=True)
class LaneRow:
    """One lane's cell band with the column separators it crosses."""

    lane: LaneBox
    columns: tuple[ColumnBox, ...]
    grid_x: float


class LaneRowItem(MapItem):
    kind = ""
    z = Z_ROW

    def compute_rect(self, box: LaneRow) -> QRectF:
        r = box.lane.rect
        return QRectF(box.grid_x, r.y - 0.5, r.right - box.grid_x, r.h + 1)

    def paint(self, painter, option, widget=None) -> None:
        box = self.box
        draw_lane_row(QtPainter(painter), box.lane, box.columns, box.grid_x, self.style)


class BlueprintLineItem(MapItem):
    """A blueprint line: selectable by its whole band, so it can be grabbed and dragged."""

    kind = "blueprint_line"
    z = Z_LINE
    selectable = True

    def __init__(self, entity_id: str, box: BlueprintLineBox, style: Style, parent=None) -> None:
        super().__init__(entity_id, box, style, parent)
        #: the line's label in the sticky label column, repainted when the selection changes
        self.label_item: BlueprintLabelItem | None = None

    def compute_rect(self, box: BlueprintLineBox) -> QRectF:
        # The band the layout gives the line (between two lanes) is what a click grabs.
        half = max(box.weight / 2 + 1, self.style.line_band_height / 2)
        return QRectF(box.x0, box.y - half, box.x1 - box.x0, 2 * half)

    def itemChange(self, change, value):  # noqa: N802 (Qt virtual)
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged and self.label_item:
            self.label_item.update()
        return super().itemChange(change, value)

    def paint(self, painter, option, widget=None) -> None:
        pen = QtPainter(painter)
        if self.isSelected():
            r = self._rect
            band = Rect(r.x() + 1, r.y() + 1, r.width() - 2, r.height() - 2)
            pen.rect(band, None, SELECTION_COLOUR, 1.5, 3.0, (4.0, 2.0))
        draw_blueprint_line(pen, self.box, self.style)


class BlueprintLabelItem(MapItem):
    """A line's label at the left; a click on it grabs the line (it is not selected itself)."""

    kind = "blueprint_line"
    z = 2

    def __init__(self, entity_id: str, box: BlueprintLineBox, style: Style, parent=None) -> None:
        super().__init__(entity_id, box, style, parent)
        self.line_item: BlueprintLineItem | None = None

    def compute_rect(self, box: BlueprintLineBox) -> QRectF:
        return _bounds(box.label_bg, 2.0).united(_bounds(box.label.rect))

    def paint(self, painter, option, widget=None) -> None:
        pen = QtPainter(painter)
        draw_blueprint_label(pen, self.box, self.style.paper)
        if self.line_item is not None and self.line_item.isSelected():
            pen.rect(_grown(self.box.label_bg, 1.0), None, SELECTION_COLOUR, 1.5, 2.0)


class LinkItem(MapItem):
    kind = "card_link"
    z = Z_LINK
    margin = 8.0
    selectable = True

    def compute_rect(self, box: LinkBox) -> QRectF:
        return _bounds(link_bounds(box, self.margin))

    def follow(self, box: LinkBox) -> None:
        """Live update while its cards are dragged (the document is not touched)."""
        self.set_box(box)

    def paint(self, painter, option, widget=None) -> None:
        draw_link(QtPainter(painter), self.box, self.style, self.isSelected())


class EmotionPlotItem(MapItem):
    kind = ""
    z = Z_PLOT

    def compute_rect(self, box: EmotionLane) -> QRectF:
        return _bounds(box.plot, 4.0)

    def paint(self, painter, option, widget=None) -> None:
        draw_emotion_plot(QtPainter(painter), self.box, self.style)


@dataclass(frozen=True)
class EmotionHandle:
    """One emotion point as drawn: its mark, its curve's look and the value range."""

    mark: EmotionMark
    colour: str
    curve: EmotionCurve
    top: float  # y of the scale maximum
    bottom: float  # y of the scale minimum
    minimum: int
    maximum: int
    shift: FaceShift = NO_SHIFT  # set aside from a face of another curve with its value

    @property
    def x(self) -> float:
        """Where the face is drawn (and grabbed)."""
        return self.mark.x + self.shift.face


class EmotionHandleItem(MapItem):
    """A face on the curve; dragged vertically, it snaps to the scale's whole values."""

    kind = "emotion_point"
    z = Z_HANDLE
    selectable = True

    def __init__(self, entity_id: str, box: EmotionHandle, style: Style, parent=None) -> None:
        super().__init__(entity_id, box, style, parent)
        self.preview: int | None = None
        # The primary persona's face is on top where curves meet: it is the one to grab.
        self.setZValue(Z_HANDLE + (0.5 if box.curve.primary else 0.0))

    def compute_rect(self, box: EmotionHandle) -> QRectF:
        m = box.mark
        r = m.radius + 3
        label_x = m.label_x + box.shift.label
        left = min(box.x - r, label_x - 2)
        right = max(box.x + r, label_x + 24)
        return QRectF(left, box.top - r, right - left, box.bottom - box.top + 2 * r)

    def shape(self) -> QPainterPath:
        """Only the face is grabbable; the tall bounding rect is room for the drag preview."""
        m = self.box.mark
        path = QPainterPath()
        r = m.radius + 2
        path.addEllipse(QPointF(self.box.x, m.y), r, r)
        return path

    def value_at(self, y: float) -> int:
        """The whole scale value nearest to scene height ``y`` (clamped)."""
        b = self.box
        span = max(b.bottom - b.top, 1e-6)
        raw = b.maximum - (y - b.top) / span * (b.maximum - b.minimum)
        return max(b.minimum, min(b.maximum, round(raw)))

    def y_of(self, value: int) -> float:
        b = self.box
        return b.top + (b.maximum - value) / max(b.maximum - b.minimum, 1) * (b.bottom - b.top)

    def set_preview(self, value: int | None) -> None:
        self.preview = value
        self.update()

    def paint(self, painter, option, widget=None) -> None:
        mark = self.box.mark
        y = mark.y
        if self.preview is not None and self.preview != mark.value:
            y = self.y_of(self.preview)
            neutral = (self.box.minimum + self.box.maximum) / 2
            face = (
                "smile"
                if self.preview > neutral
                else "frown"
                if self.preview < neutral
                else ("flat")
            )
            label = f"+{self.preview}" if self.box.minimum < 0 < self.preview else str(self.preview)
            mark = replace(mark, label=label, face=face)
        draw_face(
            QtPainter(painter),
            mark,
            y,
            self.box.colour,
            self.style,
            self.isSelected(),
            self.box.shift,
            self.box.curve.dash,
        )


class CellCursorItem(QGraphicsItem):
    """The keyboard cell cursor: a dashed outline around the current empty-or-not cell."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setZValue(Z_CURSOR)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter, option, widget=None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(qpen(SELECTION_COLOUR, 1.5, (4.0, 3.0)))
        painter.drawRect(self._rect.adjusted(1, 1, -1, -1))


class LayerItem(QGraphicsItem):
    """A contentless parent whose position keeps headers or labels in view (sticky)."""

    def __init__(self, z: float) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:
        return


class CornerItem(QGraphicsItem):
    """Covers the top-left corner where the sticky header row and label column meet."""

    def __init__(self, rect: QRectF, style: Style) -> None:
        super().__init__()
        self._rect = rect
        self._style = style
        self.setZValue(Z_CORNER)

    def set_rect(self, rect: QRectF, style: Style | None = None) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        if style is not None and style is not self._style:
            self._style = style  # the scheme changed (light or dark)
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        r = self._rect
        draw_corner(QtPainter(painter), Rect(r.x(), r.y(), r.width(), r.height()), self._style)


class LabelColumnItem(QGraphicsItem):
    """The frozen label column's opaque backing: paper between the lane labels.

    Why: the lane labels stick to the view's left edge, but the gaps between lanes
    (blueprint line bands) were transparent, so card text scrolled under the column
    showed through them.  The backing draws the paper and the part of each blueprint
    line that crosses the column, under the labels (it sits first in the label layer).
    """

    def __init__(self, style: Style) -> None:
        super().__init__()
        self._rect = QRectF()
        self._style = style
        self._lines: tuple[BlueprintLineBox, ...] = ()
        self.setZValue(0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_column(self, rect: QRectF, lines: tuple[BlueprintLineBox, ...], style: Style) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        if lines != self._lines or style is not self._style:
            self._lines = lines
            self._style = style
            self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        r = self._rect
        pen = QtPainter(painter)
        column = Rect(r.x(), r.y(), r.width(), r.height())
        draw_sheet(pen, column, self._style.paper)
        pen.save()
        pen.clip(column)
        for line in self._lines:
            draw_blueprint_line(pen, line, self._style)
        pen.restore()


def point(p: QPointF) -> tuple[float, float]:
    return (p.x(), p.y())
