"""Painting a :class:`MapLayout` with reportlab: the map grid and everything on it.

Only reads the layout; every position and every wrapped line comes from
there, so the PDF shows exactly what the canvas shows.  Tiled posters draw
the map once into a form that each sheet places and clips (see pdf.py), so
nothing here needs to know about sheets.
"""

from __future__ import annotations

from collections.abc import Sequence

from jmapper.export.pen import Pen
from jmapper.layout.boxes import (
    CardBox,
    EmotionLane,
    EmotionMark,
    MapLayout,
    Marker,
    MomentBox,
    OpportunityBox,
    Rect,
)
from jmapper.layout.emotion import NO_SHIFT, FaceShift, face_shifts
from jmapper.style import MARKER_FILLS, OKABE_ITO, Style, marker_stroke, text_colour_on


def paint_marker(pen: Pen, marker: Marker, style: Style) -> None:
    stroke, width = marker_stroke(marker.kind, style)
    pen.rect(
        marker.rect,
        fill=MARKER_FILLS.get(marker.kind, "#FFFFFF"),
        stroke=stroke,
        width=width,
        radius=2.0 if marker.kind != "failure" else marker.rect.h / 2,
    )
    size = style.marker_text_size
    cx, cy = marker.rect.centre
    pen.text(
        cx, cy + size * 0.36, marker.code, size, bold=True, fill=style.text_colour, align="center"
    )


def paint_card(pen: Pen, box: CardBox, style: Style) -> None:
    width = style.card_border_weight * (2.2 if box.failure_point else 1.0)
    pen.rect(box.rect, fill=box.fill, stroke=box.border, width=width)
    pen.block(box.title)
    pen.block(box.body)
    for marker in box.markers:
        paint_marker(pen, marker, style)


def paint_opportunity(pen: Pen, box: OpportunityBox, style: Style) -> None:
    pen.rect(
        box.rect,
        fill=box.fill,
        stroke=OKABE_ITO["bluish_green"],
        width=0.9,
        radius=3.0,
        dash=(3, 2),
    )
    pen.block(box.title)
    pen.block(box.body)
    if box.priority_rect is not None:
        paint_marker(pen, Marker("priority", box.priority_rect, box.priority, box.priority), style)


def moment_diamond(rect: Rect) -> list[tuple[float, float]]:
    cx, cy = rect.centre
    return [(cx, rect.y), (rect.right, cy), (cx, rect.bottom), (rect.x, cy)]


def paint_moment(pen: Pen, moment: MomentBox, style: Style) -> None:
    pen.polygon(moment_diamond(moment.marker), style.moment_colour, "#1A1A1A", 0.6)
    if moment.note_rect is not None:
        pen.rect(
            moment.note_rect, fill="#FBF6C9", stroke=style.moment_colour, width=1.0, radius=3.0
        )
        pen.block(moment.note)


def paint_face(
    pen: Pen,
    mark: EmotionMark,
    stroke: str,
    style: Style,
    shift: FaceShift = NO_SHIFT,
    dash: Sequence[float] = (),
) -> None:
    """A face at the mark moved by ``shift`` (see :func:`face_shifts`), as the canvas paints it.

    The ring takes its curve's dash, so a to-be (or second persona's) face set beside an
    as-is face reads as such even in greyscale.
    """
    x, y, r = mark.x + shift.face, mark.y, mark.radius
    pen.circle(x, y, r, "#FFFFFF", stroke, 1.2, dash)
    pen.circle(x - 0.35 * r, y - 0.25 * r, 0.12 * r, "#1A1A1A")
    pen.circle(x + 0.35 * r, y - 0.25 * r, 0.12 * r, "#1A1A1A")
    if mark.face == "smile":
        pen.bezier(
            (x - 0.5 * r, y + 0.2 * r),
            (x - 0.2 * r, y + 0.65 * r),
            (x + 0.2 * r, y + 0.65 * r),
            (x + 0.5 * r, y + 0.2 * r),
            "#1A1A1A",
            0.9,
        )
    elif mark.face == "frown":
        pen.bezier(
            (x - 0.5 * r, y + 0.55 * r),
            (x - 0.2 * r, y + 0.15 * r),
            (x + 0.2 * r, y + 0.15 * r),
            (x + 0.5 * r, y + 0.55 * r),
            "#1A1A1A",
            0.9,
        )
    else:
        pen.line(x - 0.45 * r, y + 0.38 * r, x + 0.45 * r, y + 0.38 * r, "#1A1A1A", 0.9)
    pen.text(
        mark.label_x + shift.label,
        mark.label_baseline,
        mark.label,
        style.emotion_value_size,
        bold=True,
        fill=style.text_colour,
    )


def paint_emotion(pen: Pen, lane: EmotionLane, style: Style) -> None:
    plot = lane.plot
    for _value, y, label in lane.ticks:
        if abs(y - lane.midline_y) < 0.01:
            continue
        pen.line(plot.x, y, plot.right, y, "#E2E2E2", 0.4, (1, 2))
        pen.text(plot.x + 3, y - 1.5, label, 5.5, fill=style.muted_text_colour)
    pen.line(plot.x, lane.midline_y, plot.right, lane.midline_y, style.midline_colour, 0.9, (4, 2))
    neutral = next((label for _v, y, label in lane.ticks if abs(y - lane.midline_y) < 0.01), "")
    pen.text(
        plot.x + 3,
        lane.midline_y - 2,
        f"neutral {neutral}".strip(),
        5.5,
        fill=style.muted_text_colour,
    )
    for curve in reversed(lane.curves):
        if curve.polyline:
            pen.curve(
                curve.polyline[0],
                curve.beziers,
                curve.polyline,
                curve.colour,
                curve.width,
                curve.dash,
            )
    # Faces of one value in one column side by side; the primary persona's on top.
    shifts = face_shifts(lane)
    for ci in sorted(range(len(lane.curves)), key=lambda i: lane.curves[i].primary):
        curve = lane.curves[ci]
        for mark, shift in zip(curve.marks, shifts[ci], strict=True):
            paint_face(pen, mark, curve.colour, style, shift, curve.dash)


def paint_map(
    pen: Pen,
    layout: MapLayout,
    style: Style,
    accent: str | None = None,
) -> None:
    """Draw the whole map at layout coordinates."""
    header_fill = accent or style.header_fill
    header_text = text_colour_on(header_fill)
    # lane rows: label column and cell background
    for lane in layout.lanes:
        pen.rect(Rect(layout.grid.x, lane.rect.y, layout.grid.w, lane.rect.h), fill="#FFFFFF")
        pen.rect(lane.label_rect, fill=style.label_fill)
        pen.rect(Rect(0, lane.rect.y, 4, lane.rect.h), fill=lane.accent)
        pen.block(lane.label)
        pen.line(
            0,
            lane.rect.bottom,
            layout.width,
            lane.rect.bottom,
            style.grid_colour,
            style.grid_weight,
        )
        pen.line(0, lane.rect.y, layout.width, lane.rect.y, style.grid_colour, style.grid_weight)
    # column separators over the whole grid
    for column in layout.columns[1:]:
        pen.line(
            column.x,
            layout.grid.y,
            column.x,
            layout.grid.bottom,
            style.grid_colour,
            style.grid_weight,
        )
    pen.line(layout.grid.x, 0, layout.grid.x, layout.grid.bottom, style.grid_colour, 0.8)
    # headers
    for stage in layout.stages:
        pen.rect(stage.rect, fill=header_fill, stroke="#FFFFFF", width=1.0)
        pen.block(stage.label, header_text)
    for column in layout.columns:
        if column.header is not None:
            pen.rect(column.header, fill=style.step_header_fill, stroke="#FFFFFF", width=1.0)
            pen.block(column.label)
    for line in layout.blueprint_lines:
        pen.line(line.x0, line.y, line.x1, line.y, style.line_colour, line.weight, line.dash)
        pen.rect(line.label_bg, fill="#FFFFFF")
        pen.block(line.label)
    for emotion_lane in layout.emotion:
        paint_emotion(pen, emotion_lane, style)
    # Cards in three passes (boxes, text, markers): fewer colour and font switches keep a
    # 10,000-card poster's content stream close to the size of the bare drawing.
    cards = list(layout.cards.values())
    for box in cards:
        width = style.card_border_weight * (2.2 if box.failure_point else 1.0)
        pen.rect(box.rect, fill=box.fill, stroke=box.border, width=width)
    for box in cards:
        pen.block(box.title)
        pen.block(box.body)
    for box in cards:
        for marker in box.markers:
            paint_marker(pen, marker, style)
    for opp in layout.opportunities:
        paint_opportunity(pen, opp, style)
    for moment in layout.moments:
        paint_moment(pen, moment, style)
    for link in layout.links:
        pen.line(*link.start, *link.end, style.link_colour, style.link_weight)
        for head in link.heads:
            pen.polygon(head, style.link_colour)
        if link.label is not None:
            if link.label_leader is not None:
                (x0, y0), (x1, y1) = link.label_leader
                pen.line(x0, y0, x1, y1, style.link_colour, style.link_weight * 0.5)
                pen.circle(x0, y0, 0.9, style.link_colour)
            pen.rect(link.label.rect, fill="#FFFFFF")
            pen.block(link.label)
