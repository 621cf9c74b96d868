"""The emotion lane: tick rules, the neutral midline, the curves and their faces."""

from __future__ import annotations

from jmapper.drawing.cards import INK, SELECTION_COLOUR
from jmapper.drawing.painter import Dash, Painter, Segment
from jmapper.drawing.text import draw_label
from jmapper.layout.boxes import EmotionCurve, EmotionLane, EmotionMark
from jmapper.layout.emotion import NO_SHIFT, FaceShift, face_shifts
from jmapper.style import Style

TICK_COLOUR = "#E2E2E2"


def draw_emotion_plot(painter: Painter, lane: EmotionLane, style: Style) -> None:
    """Tick rules, the dashed neutral midline and every curve (faces are drawn apart)."""
    plot = lane.plot
    for _value, y, _label in lane.ticks:
        if abs(y - lane.midline_y) >= 0.01:
            painter.line(plot.x, y, plot.right, y, style.tick_colour, 0.4, (1.0, 2.0))
    y = lane.midline_y
    painter.line(plot.x, y, plot.right, y, style.midline_colour, 0.9, (4.0, 2.0))
    draw_scale_labels(painter, lane, plot.x, style)
    for curve in reversed(lane.curves):
        draw_curve(painter, curve)


def draw_scale_labels(painter: Painter, lane: EmotionLane, x: float, style: Style) -> None:
    """The scale's values just right of ``x`` (the plot's left edge, or a handout page's)."""
    neutral = ""
    for _value, y, label in lane.ticks:
        if abs(y - lane.midline_y) < 0.01:
            neutral = label
            continue
        draw_label(
            painter, x + 3, y - 1.5, label, style.tick_text_size, fill=style.scale_text_colour
        )
    caption = f"neutral {neutral}".strip()
    draw_label(
        painter,
        x + 3,
        lane.midline_y - 2,
        caption,
        style.tick_text_size,
        fill=style.scale_text_colour,
    )


def draw_curve(painter: Painter, curve: EmotionCurve) -> None:
    """One series: its smooth beziers, or its polyline when it has a single point."""
    segments: list[Segment]
    if curve.beziers:
        start = curve.beziers[0][0]
        segments = [(p1, p2, p3) for _p0, p1, p2, p3 in curve.beziers]
    elif curve.polyline:
        start = curve.polyline[0]
        segments = [(p,) for p in curve.polyline[1:]]
    else:
        return
    painter.path(start, segments, None, curve.colour, curve.width, curve.dash)


def draw_series_swatch(painter: Painter, curve: EmotionCurve, x: float, y: float) -> None:
    """A short stroke in a series' colour, width and dash (the legend's key)."""
    painter.line(x, y, x + 24, y, curve.colour, curve.width, curve.dash)


def draw_face(
    painter: Painter,
    mark: EmotionMark,
    y: float,
    stroke: str,
    style: Style,
    selected: bool = False,
    shift: FaceShift = NO_SHIFT,
    dash: Dash = (),
) -> None:
    """A face at (mark.x, y) moved by ``shift``: smile above neutral, frown below, flat at it.

    The ring takes its curve's dash, so a to-be (or second persona's) face reads as
    such beside an as-is face even without colour.  ``y`` differs from the mark's own
    while the canvas previews a drag.
    """
    x, r = mark.x + shift.face, mark.radius
    if selected:
        painter.ellipse(x, y, r, "#FFFFFF", SELECTION_COLOUR, 2.4)
    else:
        painter.ellipse(x, y, r, "#FFFFFF", stroke, 1.2, dash)
    painter.ellipse(x - 0.35 * r, y - 0.25 * r, 0.12 * r, INK)
    painter.ellipse(x + 0.35 * r, y - 0.25 * r, 0.12 * r, INK)
    if mark.face == "smile":
        mouth: list[Segment] = [
            ((x - 0.2 * r, y + 0.65 * r), (x + 0.2 * r, y + 0.65 * r), (x + 0.5 * r, y + 0.2 * r))
        ]
        painter.path((x - 0.5 * r, y + 0.2 * r), mouth, None, INK, 0.9)
    elif mark.face == "frown":
        mouth = [
            ((x - 0.2 * r, y + 0.15 * r), (x + 0.2 * r, y + 0.15 * r), (x + 0.5 * r, y + 0.55 * r))
        ]
        painter.path((x - 0.5 * r, y + 0.55 * r), mouth, None, INK, 0.9)
    else:
        painter.line(x - 0.45 * r, y + 0.38 * r, x + 0.45 * r, y + 0.38 * r, INK, 0.9)
    draw_label(
        painter,
        mark.label_x + shift.label,
        mark.label_baseline + (y - mark.y),
        mark.label,
        style.emotion_value_size,
        bold=True,
        fill=style.label_text_colour,
    )


def draw_faces(painter: Painter, lane: EmotionLane, style: Style) -> None:
    """Every face of a lane, set apart by :func:`face_shifts`, the primary persona's on top."""
    shifts = face_shifts(lane)
    for ci in sorted(range(len(lane.curves)), key=lambda i: lane.curves[i].primary):
        curve = lane.curves[ci]
        for mark, shift in zip(curve.marks, shifts[ci], strict=True):
            draw_face(painter, mark, mark.y, curve.colour, style, shift=shift, dash=curve.dash)
