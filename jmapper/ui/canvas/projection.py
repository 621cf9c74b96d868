"""The scene as a projection of the layout: ``key -> item``, diffed per edit.

After every change set the canvas recomputes the (pure) layout and calls
:meth:`Projection.sync`: items are created only for entities that appeared,
removed only for entities that went, and the rest get ``set_box`` only when
their box actually changed.  The scene is never cleared for an edit.
``created``/``removed`` count item churn so tests can prove it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from jmapper.drawing.grid import corner_rect
from jmapper.layout.boxes import MapLayout, Rect
from jmapper.layout.emotion import face_shifts
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import EmotionSeries
from jmapper.style import Style, text_colour_on
from jmapper.ui.canvas.items import (
    Z_CORNER,
    Z_HEADERS,
    Z_LABELS,
    BlueprintLabelItem,
    BlueprintLineItem,
    CardItem,
    CornerItem,
    EmotionHandle,
    EmotionHandleItem,
    EmotionPlotItem,
    LabelColumnItem,
    LaneLabelItem,
    LaneRow,
    LaneRowItem,
    LayerItem,
    LinkItem,
    MapItem,
    MomentMarkerItem,
    MomentNoteItem,
    OpportunityItem,
    SheetItem,
    StageHeader,
    StageHeaderItem,
    StepHeaderItem,
)
from jmapper.ui.canvas.metric_items import MetricBandItem, MetricTileItem
from jmapper.ui.qt_painter import qrect

#: Which layer an item class lives in: headers stick to the top, labels to the left.
_HEADER_CLASSES = (StageHeaderItem, StepHeaderItem, MomentMarkerItem)
_LABEL_CLASSES = (LaneLabelItem, BlueprintLabelItem)

Key = tuple[str, str]


def emotion_point_index(bundle: MapBundle) -> dict[tuple[int, str | None, EmotionSeries], str]:
    """(column index, overlay persona or None for the primary, series) -> emotion point id."""
    primary = bundle.map.primary_persona_id
    columns = bundle.columns()
    first: dict[str, int] = {}
    for column in columns:
        first.setdefault(column.stage_id, column.index)
    index: dict[tuple[int, str | None, EmotionSeries], str] = {}
    for point in bundle.emotion_points.values():
        placed = bundle.column_of(point.stage_id, point.step_id)
        at = placed.index if placed is not None else first.get(point.stage_id)
        if at is None:
            continue
        persona = point.persona_id if point.persona_id != primary else None
        index[(at, persona, point.series)] = point.id
    return index


def metric_specs(layout: MapLayout) -> Iterator[tuple[Key, type, Any]]:
    """The metrics lane's items: its band and one tile per metric and scope."""
    for band in layout.metric_bands:
        yield ("metric_band", band.lane_id), MetricBandItem, band
    for tile in layout.metric_tiles:
        yield ("metric_value", tile.value_id), MetricTileItem, tile


class Projection:
    """Owns the map items of one scene and keeps them equal to the latest layout."""

    def __init__(self, scene: QGraphicsScene, style: Style) -> None:
        self.scene = scene
        self.style = style
        self.items: dict[Key, MapItem] = {}
        self.layout: MapLayout | None = None
        self.header_layer = LayerItem(Z_HEADERS)
        self.label_layer = LayerItem(Z_LABELS)
        self.corner = CornerItem(QRectF(), style)
        self.corner.setParentItem(self.header_layer)
        self.corner.setZValue(Z_CORNER)
        self.label_backing = LabelColumnItem(style)
        self.label_backing.setParentItem(self.label_layer)
        scene.addItem(self.header_layer)
        scene.addItem(self.label_layer)
        self.created = 0
        self.removed = 0
        self.updated = 0

    # -- desired items ------------------------------------------------------------
    def specs(self, layout: MapLayout, bundle: MapBundle) -> Iterator[tuple[Key, type, Any]]:
        """Every item the layout calls for: (key, item class, box)."""
        s = self.style
        text = text_colour_on(s.header_fill)
        yield ("sheet", ""), SheetItem, Rect(0, 0, layout.width, layout.height)
        for stage in layout.stages:
            yield (
                ("stage", stage.stage_id),
                StageHeaderItem,
                StageHeader(stage, s.header_fill, text),
            )
        for column in layout.columns:
            if column.header is not None and column.step_id is not None:
                yield ("step", column.step_id), StepHeaderItem, column
        for lane in layout.lanes:
            yield ("lane", lane.lane_id), LaneLabelItem, lane
            yield (
                ("lane_row", lane.lane_id),
                LaneRowItem,
                LaneRow(lane, layout.columns, layout.grid.x),
            )
        for line in layout.blueprint_lines:
            yield ("blueprint_line", line.line_id), BlueprintLineItem, line
            yield ("blueprint_label", line.line_id), BlueprintLabelItem, line
        for card_id, box in layout.cards.items():
            yield ("card", card_id), CardItem, box
        for opp in layout.opportunities:
            yield ("opportunity", opp.opportunity_id), OpportunityItem, opp
        for moment in layout.moments:
            yield ("moment_of_truth", moment.moment_id), MomentMarkerItem, moment
            if moment.note_rect is not None:
                yield ("moment_note", moment.moment_id), MomentNoteItem, moment
        for link in layout.links:
            yield ("card_link", link.link_id), LinkItem, link
        yield from metric_specs(layout)
        points = emotion_point_index(bundle) if layout.emotion else {}
        scale = bundle.map.emotion_scale
        for emotion in layout.emotion:
            yield ("emotion_lane", emotion.lane_id), EmotionPlotItem, emotion
            shifts = face_shifts(emotion)
            top = min(y for _v, y, _l in emotion.ticks) if emotion.ticks else emotion.plot.y
            bottom = max(y for _v, y, _l in emotion.ticks) if emotion.ticks else emotion.plot.bottom
            for curve, curve_shifts in zip(emotion.curves, shifts, strict=True):
                persona = None if curve.primary else curve.persona_id
                for mark, shift in zip(curve.marks, curve_shifts, strict=True):
                    point_id = points.get((mark.column_index, persona, curve.series))
                    if point_id is None:
                        continue
                    handle = EmotionHandle(
                        mark, curve.colour, curve, top, bottom, scale.minimum, scale.maximum, shift
                    )
                    yield ("emotion_point", point_id), EmotionHandleItem, handle

    # -- sync -------------------------------------------------------------------------
    def sync(self, layout: MapLayout, bundle: MapBundle) -> None:
        """Make the items equal to ``layout``, touching only what differs."""
        wanted: dict[Key, tuple[type, Any]] = {
            key: (cls, box) for key, cls, box in self.specs(layout, bundle)
        }
        for key in [
            k for k, item in self.items.items() if k not in wanted or type(item) is not wanted[k][0]
        ]:
            self._remove(key)
        for key, (cls, box) in wanted.items():
            item = self.items.get(key)
            if item is None:
                self._create(key, cls, box)
            else:
                if item.pos().x() or item.pos().y():
                    item.setPos(0, 0)
                if item.box != box:
                    item.set_box(box)
                    self.updated += 1
        self.layout = layout
        self.corner.set_rect(qrect(corner_rect(layout)), self.style)
        self.label_backing.set_column(
            QRectF(0, layout.header_height, layout.grid.x, layout.height - layout.header_height),
            layout.blueprint_lines,
            self.style,
        )

    def _create(self, key: Key, cls: type, box: Any) -> MapItem:
        item: MapItem = cls(key[1], box, self.style)
        if issubclass(cls, _HEADER_CLASSES):
            item.setParentItem(self.header_layer)
        elif issubclass(cls, _LABEL_CLASSES):
            item.setParentItem(self.label_layer)
        else:
            self.scene.addItem(item)
        self.items[key] = item
        if isinstance(item, BlueprintLabelItem):
            line = self.items.get(("blueprint_line", key[1]))
            if isinstance(line, BlueprintLineItem):
                item.line_item, line.label_item = line, item
        self.created += 1
        return item

    def _remove(self, key: Key) -> None:
        item = self.items.pop(key)
        self.scene.removeItem(item)
        self.removed += 1

    def clear(self) -> None:
        """Remove every map item (a different document or a new style, never one edit)."""
        for key in list(self.items):
            self._remove(key)
        self.layout = None

    # -- lookup -----------------------------------------------------------------------
    def item(self, kind: str, entity_id: str) -> MapItem | None:
        found = self.items.get((kind, entity_id))
        if found is None and kind == "moment_of_truth":
            found = self.items.get(("moment_note", entity_id))
        return found

    def entity_of(self, item: QGraphicsItem | None) -> tuple[str, str] | None:
        """(kind, id) of the map entity an item (or its parent) shows."""
        while item is not None:
            if isinstance(item, MapItem) and item.kind:
                return item.kind, item.entity_id
            item = item.parentItem()
        return None

    def set_sticky_offset(self, dx: float, dy: float) -> None:
        """Keep the header row at the top and the label column at the left of the view."""
        if self.header_layer.pos().y() != dy:
            self.header_layer.setPos(0, dy)
        if self.label_layer.pos().x() != dx:
            self.label_layer.setPos(dx, 0)
        self.corner.setPos(dx, 0)
