"""Presentation mode: the same map in large type, one stage at a time, for a projector.

Switching is not an edit: the canvas re-lays out the document in
:data:`PRESENTATION_STYLE` (or back in its own style) and frames one stage.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt

from jmapper.style import DEFAULT_STYLE
from jmapper.ui.canvas.zoom import MIN_ZOOM, ZOOM_BASE

if TYPE_CHECKING:
    from jmapper.ui.canvas.view import MapCanvas

#: Capped, so a one-step stage does not blow its letters up past the projector.
PRESENTATION_MAX_ZOOM = 2.2

#: Large type for projecting to a room: the same map, bigger letters, wider columns.
PRESENTATION_STYLE = replace(
    DEFAULT_STYLE,
    title_size=13.0,
    body_size=11.5,
    stage_size=17.0,
    step_size=13.0,
    lane_label_size=13.0,
    line_label_size=10.0,
    marker_size=15.0,
    marker_text_size=8.0,
    column_width=240.0,
    label_column_width=160.0,
    emotion_face_radius=10.0,
    emotion_value_size=11.0,
    emotion_plot_height=150.0,
    stage_header_min_height=40.0,
    step_header_min_height=34.0,
)


class Presentation:
    """Whether the canvas presents, and which stage it shows."""

    def __init__(self, canvas: MapCanvas) -> None:
        self.canvas = canvas
        self.on = False
        self.stage_index = 0

    def set(self, on: bool) -> None:
        """Large type and one stage at a time; off restores the editor's style and 100%."""
        if on == self.on:
            return
        self.on = on
        canvas = self.canvas
        selected = canvas.primary_selection()
        canvas.restyle(PRESENTATION_STYLE if on else None)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        canvas.setHorizontalScrollBarPolicy(policy)
        canvas.setVerticalScrollBarPolicy(policy)
        if on:
            self.show_stage(self.stage_index)
        else:
            canvas.set_zoom(1.0)
        if selected[0]:
            canvas.select(*selected, scroll=not on)

    def step(self, delta: int) -> None:
        self.show_stage(self.stage_index + delta)

    def show_stage(self, index: int) -> None:
        """Frame stage ``index`` (clamped) with the lane labels beside it."""
        canvas = self.canvas
        layout = canvas.projection.layout
        if layout is None or not layout.stages:
            return
        index = max(0, min(index, len(layout.stages) - 1))
        self.stage_index = index
        stage = layout.stages[index].rect
        label_w = layout.grid.x
        width = stage.w + label_w + 8
        viewport = canvas.viewport()
        zoom = max(MIN_ZOOM, min(PRESENTATION_MAX_ZOOM, viewport.width() / width / ZOOM_BASE))
        canvas.zoom_control.scale_to(zoom)
        view_w = viewport.width() / (zoom * ZOOM_BASE)
        view_h = viewport.height() / (zoom * ZOOM_BASE)
        canvas.centerOn(QPointF(stage.x - label_w + view_w / 2, -8 + view_h / 2))
        canvas.update_sticky()
