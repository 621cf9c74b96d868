"""Presentation mode: the same map in large type, one stage and one group of lanes at a time.

Switching is not an edit: the canvas re-lays out the document in
:data:`PRESENTATION_STYLE` (or back in its own style) and frames a *view*: one
stage (or, for a stage wider than the screen, one screenful of it) and one
group of lanes that fits below the frozen header row.  Page Down walks the lane
groups and then on to the next stage, Page Up back (what a presenter's clicker
sends); Right and Left move between stages keeping the lane group; Home goes
back to the first stage's top; H switches between large type (the stage fills
the width) and fitting the map's height (smaller type, never below the
minimum, so fewer lane groups).  Every start shows the first stage at the top.
A small overview in the corner shows the whole map and where the view is.

The zoom fits the stage to the screen's width within
[:data:`PRESENTATION_MIN_ZOOM`, :data:`PRESENTATION_MAX_ZOOM`]; the smallest
type in :data:`PRESENTATION_STYLE` times the smallest zoom is at least
:data:`MIN_LABEL_PX` pixels, so every label reads at the back of a room.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from jmapper.drawing.grid import evidence_text_size
from jmapper.layout.boxes import MapLayout
from jmapper.style import DEFAULT_STYLE, Style
from jmapper.ui.canvas.zoom import ZOOM_BASE

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

#: The smallest text on screen while presenting, in pixels.
MIN_LABEL_PX = 14.0
#: Capped, so a one-step stage does not blow its letters up past the projector.
PRESENTATION_MAX_ZOOM = 1.4
#: Large type for projecting to a room: the same map, bigger letters, wider columns.
PRESENTATION_STYLE = replace(
    DEFAULT_STYLE,
    title_size=13.0,
    body_size=11.5,
    stage_size=17.0,
    step_size=13.0,
    lane_label_size=13.0,
    line_label_size=11.0,
    marker_size=17.0,
    marker_text_size=10.5,
    column_width=240.0,
    label_column_width=160.0,
    emotion_face_radius=10.0,
    emotion_value_size=11.0,
    tick_text_size=10.5,
    emotion_plot_height=150.0,
    stage_header_min_height=40.0,
    step_header_min_height=34.0,
)


def smallest_text(style: Style) -> float:
    """The smallest type size (points) a map drawn in ``style`` uses."""
    return min(
        evidence_text_size(style.marker_size),
        style.title_size,
        style.body_size,
        style.stage_size,
        style.step_size,
        style.lane_label_size,
        style.line_label_size,
        style.marker_text_size,
        style.emotion_value_size,
        style.tick_text_size,
    )


#: The zoom below which the smallest presentation type would fall under MIN_LABEL_PX.
PRESENTATION_MIN_ZOOM = MIN_LABEL_PX / (smallest_text(PRESENTATION_STYLE) * ZOOM_BASE)


@dataclass(frozen=True)
class LaneGroup:
    """Consecutive lanes shown together: their indexes and the scene span they need."""

    first: int
    last: int
    top: float
    bottom: float


def lane_groups(layout: MapLayout, area: float) -> list[LaneGroup]:
    """Lanes cut into groups that fit ``area`` points below the frozen header row.

    A group after the first starts at the bottom of the lane before it, so a
    blueprint line between the two lanes shows at the group's top.  A lane taller
    than the area is a group on its own.
    """
    lanes = sorted(layout.lanes, key=lambda lane: lane.rect.y)
    groups: list[LaneGroup] = []
    i = 0
    while i < len(lanes):
        top = lanes[i - 1].rect.bottom if i > 0 else layout.header_height
        j = i
        while j + 1 < len(lanes) and lanes[j + 1].rect.bottom - top <= area:
            j += 1
        groups.append(LaneGroup(i, j, top, lanes[j].rect.bottom))
        i = j + 1
    return groups


class Presentation:
    """Whether the canvas presents, and which stage, screenful and lane group it shows."""

    def __init__(self, canvas: CanvasHost) -> None:
        self.canvas = canvas
        self.on = False
        self.stage_index = 0
        self.group_index = 0
        #: how far into a stage wider than the screen the view has moved (points)
        self.pan = 0.0
        #: the presenter's choice: fit the map's height (down to the minimum type size)
        self.fit_height = False
        self.overview = PresentationOverview(canvas, self)

    def set(self, on: bool) -> None:
        """Large type, the first stage at the top; off restores the editor's style and 100%."""
        if on == self.on:
            return
        self.on = on
        canvas = self.canvas
        selected = canvas.primary_selection()
        canvas.restyle(canvas.in_scheme(PRESENTATION_STYLE) if on else None)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        canvas.setHorizontalScrollBarPolicy(policy)
        canvas.setVerticalScrollBarPolicy(policy)
        self.overview.setVisible(on)
        if on:
            self.stage_index, self.group_index, self.pan = 0, 0, 0.0
            self.fit_height = False
            self.show_stage(0)
        else:
            canvas.set_zoom(1.0)
        canvas.key.refresh()
        if selected[0]:
            canvas.select(*selected, scroll=not on)

    def restyle(self) -> None:
        """Lay the map out again in the current scheme (the palette changed)."""
        canvas = self.canvas
        canvas.restyle(canvas.in_scheme(PRESENTATION_STYLE) if self.on else None)
        if self.on:
            self._frame()
        canvas.key.refresh()

    # -- geometry ------------------------------------------------------------------------
    def _zoom_for(self, layout: MapLayout, stage_w: float) -> float:
        viewport = self.canvas.viewport()
        width = stage_w + layout.grid.x + 8
        fit = viewport.width() / width / ZOOM_BASE
        if self.fit_height:
            fit = min(fit, viewport.height() / (layout.height + 16) / ZOOM_BASE)
        return max(PRESENTATION_MIN_ZOOM, min(PRESENTATION_MAX_ZOOM, fit))

    def toggle_fit_height(self) -> None:
        """H: fit the map's height (smaller type, at least the minimum) or large type again."""
        self.fit_height = not self.fit_height
        self.group_index = 0
        self._frame()

    def _view_size(self) -> tuple[float, float]:
        """The viewport in scene points at the current zoom."""
        viewport = self.canvas.viewport()
        scale = self.canvas.zoom() * ZOOM_BASE
        return viewport.width() / scale, viewport.height() / scale

    def groups(self) -> list[LaneGroup]:
        layout = self.canvas.projection.layout
        if layout is None:
            return []
        _w, view_h = self._view_size()
        return lane_groups(layout, view_h - layout.header_height)

    # -- moves -----------------------------------------------------------------------------
    def step(self, delta: int) -> None:
        """Right/Left: the next screenful of a wide stage, else the next stage."""
        layout = self.canvas.projection.layout
        if layout is None or not layout.stages:
            return
        stage = layout.stages[self.stage_index].rect
        view_w, _h = self._view_size()
        content = max(1.0, view_w - layout.grid.x - 8)
        if delta > 0 and self.pan + content < stage.w - 1:
            self.pan += content
        elif delta < 0 and self.pan > 0:
            self.pan = max(0.0, self.pan - content)
        else:
            self.pan = 0.0
            self.show_stage(self.stage_index + delta)
            return
        self._frame()

    def page(self, delta: int) -> None:
        """Page Down/Up: the next lane group, then on to the next stage (a clicker's keys)."""
        groups = self.groups()
        layout = self.canvas.projection.layout
        if not groups or layout is None:
            return
        index = self.group_index + delta
        if 0 <= index < len(groups):
            self.group_index = index
            self._frame()
            return
        stage = self.stage_index + (1 if delta > 0 else -1)
        if 0 <= stage < len(layout.stages):
            self.pan = 0.0
            self.group_index = 0 if delta > 0 else len(groups) - 1
            self.show_stage(stage)

    def home(self) -> None:
        self.group_index, self.pan = 0, 0.0
        self.show_stage(0)

    def show_stage(self, index: int) -> None:
        """Frame stage ``index`` (clamped) with the lane labels beside it."""
        layout = self.canvas.projection.layout
        if layout is None or not layout.stages:
            return
        index = max(0, min(index, len(layout.stages) - 1))
        if index != self.stage_index:
            self.pan = 0.0
        self.stage_index = index
        self._frame()

    def _frame(self) -> None:
        canvas = self.canvas
        layout = canvas.projection.layout
        if layout is None or not layout.stages:
            return
        stage = layout.stages[self.stage_index].rect
        canvas.zoom_control.scale_to(self._zoom_for(layout, stage.w))
        groups = self.groups()
        self.group_index = max(0, min(self.group_index, len(groups) - 1))
        view_w, view_h = self._view_size()
        left = stage.x + self.pan - layout.grid.x
        top = -8.0 if self.group_index == 0 else groups[self.group_index].top
        if self.group_index > 0:
            top -= layout.header_height
        canvas.centerOn(QPointF(left + view_w / 2, top + view_h / 2))
        canvas.update_sticky()
        self.overview.place()
        canvas.key.place()

    def visible_scene_rect(self) -> QRectF:
        canvas = self.canvas
        return canvas.mapToScene(canvas.viewport().rect()).boundingRect()

    def where(self) -> str:
        """'Stage 2 of 5 · lanes 4–6 of 9': the overview's caption."""
        layout = self.canvas.projection.layout
        if layout is None or not layout.stages:
            return ""
        groups = self.groups()
        text = f"Stage {self.stage_index + 1} of {len(layout.stages)}"
        if groups:
            group = groups[min(self.group_index, len(groups) - 1)]
            lanes = (
                f"lane {group.first + 1}"
                if group.first == group.last
                else f"lanes {group.first + 1}\u2013{group.last + 1}"
            )
            text += f" \u00b7 {lanes} of {len(layout.lanes)}"
        return text + (" \u00b7 fit height" if self.fit_height else "")


class PresentationOverview(QWidget):
    """A small map of the whole map in the corner: stages, lanes, and where the view is."""

    WIDTH = 280
    CAPTION = 22

    def __init__(self, canvas: CanvasHost, presentation: Presentation) -> None:
        super().__init__(canvas.viewport())
        self.canvas = canvas
        self.presentation = presentation
        self.setObjectName("presentationOverview")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def _map_height(self) -> float:
        layout = self.canvas.projection.layout
        if layout is None or layout.width <= 0:
            return 80.0
        return max(40.0, min(160.0, self.WIDTH * layout.height / layout.width))

    def place(self) -> None:
        """Bottom-right of the viewport, sized to the map's proportions."""
        height = round(self._map_height()) + self.CAPTION + 8
        width = self.WIDTH + 8
        viewport = self.canvas.viewport()
        self.setGeometry(
            viewport.width() - width - 12, viewport.height() - height - 12, width, height
        )
        self.raise_()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        layout = self.canvas.projection.layout
        if layout is None or layout.width <= 0 or layout.height <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(255, 255, 255, 235))
        painter.setPen(QPen(QColor("#5f6670"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        map_h = self._map_height()
        sx, sy = self.WIDTH / layout.width, map_h / layout.height
        painter.translate(4, 4)
        for lane in layout.lanes:
            r = lane.rect
            painter.fillRect(QRectF(0, r.y * sy, self.WIDTH, max(1.0, r.h * sy)), QColor(lane.fill))
            painter.fillRect(QRectF(0, r.y * sy, 3, max(1.0, r.h * sy)), QColor(lane.accent))
        painter.fillRect(
            QRectF(0, 0, self.WIDTH, layout.header_height * sy),
            QColor(self.canvas.map_style.header_fill),
        )
        painter.setPen(QPen(QColor("#FFFFFF"), 1))
        for stage in layout.stages[1:]:
            x = stage.rect.x * sx
            painter.drawLine(QPointF(x, 0), QPointF(x, map_h))
        view = self.presentation.visible_scene_rect()
        painter.setPen(QPen(QColor("#0b63b6"), 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(
            QRectF(view.x() * sx, view.y() * sy, view.width() * sx, view.height() * sy).intersected(
                QRectF(0, 0, self.WIDTH, map_h)
            )
        )
        font = QFont(self.font())
        font.setPixelSize(14)
        painter.setFont(font)
        painter.setPen(QColor("#1b1f24"))
        painter.drawText(
            QRectF(0, map_h + 2, self.WIDTH, self.CAPTION),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.presentation.where(),
        )
        painter.end()
