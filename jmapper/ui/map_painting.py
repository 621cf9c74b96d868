"""QPainter drawing of the map layout, at layout coordinates (points, y down).

The one set of paint functions for map elements: the canvas items call them
from ``paint()`` one element at a time, and :func:`paint_map` calls them for
the whole map in the canvas's stacking order, for PNG and SVG export.  So an
exported image is the canvas at 100% without selection or cursor.  They only
read the frozen layout boxes (same colours, marker fills and faces as the PDF's
``jmapper.export.draw_map``).  Text is drawn line by line at the positions the
layout measured with the bundled DejaVu/Droid widths, in those very fonts
(registered here once), so what the layout says fits does fit.

Only QtGui: the command-line export paints without widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from jmapper.layout.boxes import (
    BlueprintLineBox,
    CardBox,
    ColumnBox,
    EmotionCurve,
    EmotionLane,
    EmotionMark,
    LaneBox,
    LinkBox,
    MapLayout,
    Marker,
    MomentBox,
    OpportunityBox,
    Rect,
    StageBox,
    TextBlock,
    TextLine,
)
from jmapper.layout.emotion import NO_SHIFT as NO_SHIFT
from jmapper.layout.emotion import FaceShift as FaceShift
from jmapper.layout.emotion import face_shifts as face_shifts
from jmapper.layout.text import measure_line
from jmapper.style import MARKER_FILLS, OKABE_ITO, Style, marker_stroke, text_colour_on

log = logging.getLogger(__name__)

#: Fonts are made at this many pixels per point and drawn with the painter scaled
#: down by it: QFont pixel sizes are integers, layout sizes are fractional points.
TEXT_SCALE = 8.0
SELECTION_COLOUR = "#0060DF"
#: Full detail: what the canvas shows at 100% (and export always paints).
FULL_DETAIL = 1.0

_families: dict[str, str] = {}


def register_fonts() -> dict[str, str]:
    """Load the bundled fonts into Qt once; font key -> family name."""
    if _families:
        return _families
    files = {
        "regular": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "fallback": "DroidSansFallbackFull.ttf",
    }
    for key, name in files.items():
        data = resources.files("jmapper").joinpath("resources", "fonts", name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("could not load bundled font %s", name)
        _families[key] = families[0] if families else "Sans Serif"
    return _families


@lru_cache(maxsize=256)
def font(key: str, size: float) -> QFont:
    """A QFont for a layout font key at ``size`` points (times TEXT_SCALE pixels)."""
    families = register_fonts()
    f = QFont(families.get(key, families["regular"]))
    f.setPixelSize(max(1, round(size * TEXT_SCALE)))
    f.setBold(key == "bold")
    f.setKerning(False)  # the layout's widths have no kerning either
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return f


@lru_cache(maxsize=512)
def colour(value: str) -> QColor:
    return QColor(value)


@lru_cache(maxsize=512)
def pen(value: str, width: float, dash: tuple[float, ...] = ()) -> QPen:
    p = QPen(colour(value), width)
    p.setCapStyle(Qt.PenCapStyle.FlatCap if dash else Qt.PenCapStyle.RoundCap)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash and width > 0:
        p.setDashPattern([d / width for d in dash])
    return p


@lru_cache(maxsize=512)
def brush(value: str) -> QBrush:
    return QBrush(colour(value))


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def draw_lines(
    painter: QPainter, lines: Sequence[TextLine], size: float, fill: str, bold: bool
) -> None:
    """Draw measured lines one font segment at a time (fallback glyphs in their own font)."""
    painter.save()
    painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
    painter.setPen(colour(fill))
    main = "bold" if bold else "regular"
    for line in lines:
        y = line.baseline * TEXT_SCALE
        for key, text, offset in line.segments:
            painter.setFont(font(key if key == "fallback" else main, size))
            painter.drawText(QPointF((line.x + offset) * TEXT_SCALE, y), text)
    painter.restore()


def draw_text_block(painter: QPainter, block: TextBlock | None, text_colour: str = "") -> None:
    """Draw already wrapped lines where the layout put them."""
    if block is not None and block.lines:
        draw_lines(painter, block.lines, block.size, text_colour or block.colour, block.bold)


def draw_text(
    painter: QPainter,
    x: float,
    baseline: float,
    text: str,
    size: float,
    fill: str,
    bold: bool = False,
    align: str = "left",
) -> None:
    """One short label (values, codes, ticks), measured as the layout measures text."""
    width, runs = measure_line(text, size, bold)  # cached: paint() must stay cheap
    if align != "left":
        x -= width / 2 if align == "center" else width
    draw_lines(painter, (TextLine(text, x, baseline, width, runs),), size, fill, bold)


def rounded(
    painter: QPainter,
    rect: Rect,
    fill: str,
    stroke: str | None,
    width: float,
    radius: float,
    dash: tuple[float, ...] = (),
) -> None:
    painter.setBrush(brush(fill) if fill else Qt.BrushStyle.NoBrush)
    painter.setPen(pen(stroke, width, dash) if stroke else Qt.PenStyle.NoPen)
    if radius > 0:
        painter.drawRoundedRect(qrect(rect), radius, radius)
    else:
        painter.drawRect(qrect(rect))


# -- cards and markers -----------------------------------------------------------


def paint_marker(painter: QPainter, marker: Marker, style: Style) -> None:
    stroke, width = marker_stroke(marker.kind, style)
    radius = marker.rect.h / 2 if marker.kind == "failure" else 2.0
    rounded(painter, marker.rect, MARKER_FILLS.get(marker.kind, "#FFFFFF"), stroke, width, radius)
    size = style.marker_text_size
    cx, cy = marker.rect.centre
    draw_text(painter, cx, cy + size * 0.36, marker.code, size, style.text_colour, True, "center")


def paint_card(
    painter: QPainter, box: CardBox, style: Style, lod: float = FULL_DETAIL, selected: bool = False
) -> None:
    """A card; zoomed out it is a rectangle with a title bar, then the title, then all."""
    width = style.card_border_weight * (2.2 if box.failure_point else 1.0)
    if lod < 0.35:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(brush(SELECTION_COLOUR if selected else box.border))
        painter.drawRect(qrect(box.rect))
        painter.setBrush(brush(box.fill))
        r = box.rect
        painter.drawRect(QRectF(r.x + 1.5, r.y + 1.5, r.w - 3, r.h - 3))
        t = box.title.rect
        painter.setBrush(brush("#9A9A9A"))
        painter.drawRect(QRectF(t.x, t.y + 1, t.w * 0.7, min(t.h - 2, 7.0)))
        return
    rounded(painter, box.rect, box.fill, box.border, width, 3.0)
    draw_text_block(painter, box.title)
    if lod >= 0.6:
        draw_text_block(painter, box.body)
        for marker in box.markers:
            paint_marker(painter, marker, style)
    if selected:
        paint_selection(painter, box.rect)


def paint_selection(painter: QPainter, rect: Rect) -> None:
    """A thick blue outline outside the card: seen by weight, not only by colour."""
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen(SELECTION_COLOUR, 2.5))
    painter.drawRoundedRect(QRectF(rect.x - 2, rect.y - 2, rect.w + 4, rect.h + 4), 4, 4)


def paint_opportunity(
    painter: QPainter,
    box: OpportunityBox,
    style: Style,
    lod: float = FULL_DETAIL,
    selected: bool = False,
) -> None:
    rounded(painter, box.rect, box.fill, OKABE_ITO["bluish_green"], 0.9, 3.0, (3.0, 2.0))
    if lod >= 0.35:
        draw_text_block(painter, box.title)
    if lod >= 0.6:
        draw_text_block(painter, box.body)
        if box.priority_rect is not None:
            paint_marker(
                painter, Marker("priority", box.priority_rect, box.priority, box.priority), style
            )
    if selected:
        paint_selection(painter, box.rect)


def moment_diamond(rect: Rect) -> QPolygonF:
    cx, cy = rect.centre
    return QPolygonF(
        [
            QPointF(cx, rect.y),
            QPointF(rect.right, cy),
            QPointF(cx, rect.bottom),
            QPointF(rect.x, cy),
        ]
    )


def paint_moment_marker(
    painter: QPainter, moment: MomentBox, style: Style, selected: bool = False
) -> None:
    painter.setBrush(brush(style.moment_colour))
    painter.setPen(pen("#1A1A1A", 0.6))
    painter.drawPolygon(moment_diamond(moment.marker))
    if selected:
        r = moment.marker
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen(SELECTION_COLOUR, 2.0))
        painter.drawRect(QRectF(r.x - 2, r.y - 2, r.w + 4, r.h + 4))


def paint_moment_note(
    painter: QPainter, moment: MomentBox, style: Style, selected: bool = False
) -> None:
    if moment.note_rect is None:
        return
    rounded(painter, moment.note_rect, "#FBF6C9", style.moment_colour, 1.0, 3.0)
    draw_text_block(painter, moment.note)
    if selected:
        paint_selection(painter, moment.note_rect)


# -- headers, lanes and lines ------------------------------------------------------


def paint_stage_header(
    painter: QPainter, stage: StageBox, fill: str, text: str, selected: bool = False
) -> None:
    rounded(painter, stage.rect, fill, "#FFFFFF", 1.0, 0)
    draw_text_block(painter, stage.label, text)
    if selected:
        paint_header_selection(painter, stage.rect)


def paint_step_header(
    painter: QPainter, column: ColumnBox, style: Style, selected: bool = False
) -> None:
    if column.header is None:
        return
    rounded(painter, column.header, style.step_header_fill, "#FFFFFF", 1.0, 0)
    draw_text_block(painter, column.label)
    if selected:
        paint_header_selection(painter, column.header)


def paint_header_selection(painter: QPainter, rect: Rect) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen(SELECTION_COLOUR, 3.0))
    painter.drawRect(QRectF(rect.x + 1.5, rect.y + 1.5, rect.w - 3, rect.h - 3))


def paint_sheet(painter: QPainter, rect: Rect) -> None:
    """The white sheet under the map: gaps between lanes show paper, as in the PDF."""
    rounded(painter, rect, "#FFFFFF", None, 0, 0)


def corner_rect(layout: MapLayout) -> Rect:
    """The top-left corner where the header row and the label column meet."""
    return Rect(0, 0, layout.grid.x, layout.header_height)


def paint_corner(painter: QPainter, rect: QRectF, style: Style) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush(style.label_fill))
    painter.drawRect(rect)


def paint_lane_label(
    painter: QPainter, lane: LaneBox, style: Style, selected: bool = False
) -> None:
    rounded(painter, lane.label_rect, style.label_fill, None, 0, 0)
    painter.setBrush(brush(lane.accent))
    painter.drawRect(QRectF(0, lane.rect.y, 4, lane.rect.h))
    painter.setPen(pen(style.grid_colour, style.grid_weight))
    r = lane.label_rect
    painter.drawLine(QPointF(r.x, r.bottom), QPointF(r.right, r.bottom))
    painter.setPen(pen(style.grid_colour, 0.8))
    painter.drawLine(QPointF(r.right, r.y), QPointF(r.right, r.bottom))
    draw_text_block(painter, lane.label)
    if selected:
        paint_header_selection(painter, r)


def paint_lane_row(
    painter: QPainter, lane: LaneBox, columns: Sequence[ColumnBox], grid_x: float, style: Style
) -> None:
    """The cell area of one lane: white band, row rules and the column separators."""
    r = lane.rect
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush("#FFFFFF"))
    painter.drawRect(QRectF(grid_x, r.y, r.right - grid_x, r.h))
    grid = pen(style.grid_colour, style.grid_weight)
    painter.setPen(grid)
    painter.drawLine(QPointF(grid_x, r.y), QPointF(r.right, r.y))
    painter.drawLine(QPointF(grid_x, r.bottom), QPointF(r.right, r.bottom))
    for column in columns[1:]:
        painter.drawLine(QPointF(column.x, r.y), QPointF(column.x, r.bottom))


def paint_blueprint_line(painter: QPainter, line: BlueprintLineBox, style: Style) -> None:
    painter.setPen(pen(style.line_colour, line.weight, line.dash))
    painter.drawLine(QPointF(line.x0, line.y), QPointF(line.x1, line.y))


def paint_blueprint_label(painter: QPainter, line: BlueprintLineBox, style: Style) -> None:
    rounded(painter, line.label_bg, "#FFFFFF", None, 0, 0)
    draw_text_block(painter, line.label)


# -- links -----------------------------------------------------------------------


def link_leader(link: LinkBox) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The line from the arrow to its label moved out to a gutter, if the layout made one."""
    # getattr: layouts from before label leaders have no such field.
    return getattr(link, "label_leader", None) if link.label is not None else None


def paint_link(painter: QPainter, link: LinkBox, style: Style, selected: bool = False) -> None:
    colour_value = SELECTION_COLOUR if selected else style.link_colour
    painter.setPen(pen(colour_value, style.link_weight * (2.0 if selected else 1.0)))
    painter.drawLine(QPointF(*link.start), QPointF(*link.end))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush(colour_value))
    for head in link.heads:
        painter.drawPolygon(QPolygonF([QPointF(*p) for p in head]))
    if link.label is None:
        return
    leader = link_leader(link)
    if leader is not None:
        (x0, y0), (x1, y1) = leader
        painter.setPen(pen(colour_value, style.link_weight * 0.5))
        painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPointF(x0, y0), 0.9, 0.9)
    rounded(painter, link.label.rect, "#FFFFFF", None, 0, 0)
    draw_text_block(painter, link.label)


def link_bounds(link: LinkBox, margin: float) -> Rect:
    """Everything a link paints (line, heads, label, leader), ``margin`` around the line."""
    xs = [link.start[0], link.end[0]]
    ys = [link.start[1], link.end[1]]
    leader = link_leader(link)
    if leader is not None:
        xs += [p[0] for p in leader]
        ys += [p[1] for p in leader]
    rect = Rect(
        min(xs) - margin,
        min(ys) - margin,
        max(xs) - min(xs) + 2 * margin,
        max(ys) - min(ys) + 2 * margin,
    )
    if link.label is not None:
        r = link.label.rect
        left, top = min(rect.x, r.x), min(rect.y, r.y)
        rect = Rect(left, top, max(rect.right, r.right) - left, max(rect.bottom, r.bottom) - top)
    return rect


# -- emotion -----------------------------------------------------------------------


def paint_emotion_plot(painter: QPainter, lane: EmotionLane, style: Style) -> None:
    """Tick rules, the dashed neutral midline and every curve (faces are painted apart)."""
    plot = lane.plot
    neutral = ""
    for _value, y, label in lane.ticks:
        if abs(y - lane.midline_y) < 0.01:
            neutral = label
            continue
        painter.setPen(pen("#E2E2E2", 0.4, (1.0, 2.0)))
        painter.drawLine(QPointF(plot.x, y), QPointF(plot.right, y))
        draw_text(painter, plot.x + 3, y - 1.5, label, 5.5, style.muted_text_colour)
    painter.setPen(pen(style.midline_colour, 0.9, (4.0, 2.0)))
    painter.drawLine(QPointF(plot.x, lane.midline_y), QPointF(plot.right, lane.midline_y))
    draw_text(
        painter,
        plot.x + 3,
        lane.midline_y - 2,
        f"neutral {neutral}".strip(),
        5.5,
        style.muted_text_colour,
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for curve in reversed(lane.curves):
        painter.setPen(pen(curve.colour, curve.width, curve.dash))
        painter.drawPath(curve_path(curve))


def curve_path(curve: EmotionCurve) -> QPainterPath:
    path = QPainterPath()
    if curve.beziers:
        path.moveTo(QPointF(*curve.beziers[0][0]))
        for _p0, p1, p2, p3 in curve.beziers:
            path.cubicTo(QPointF(*p1), QPointF(*p2), QPointF(*p3))
    elif curve.polyline:
        path.moveTo(QPointF(*curve.polyline[0]))
        for point in curve.polyline[1:]:
            path.lineTo(QPointF(*point))
    return path


def paint_face(
    painter: QPainter,
    mark: EmotionMark,
    y: float,
    stroke: str,
    style: Style,
    selected: bool = False,
    shift: FaceShift = NO_SHIFT,
    dash: tuple[float, ...] = (),
) -> None:
    """A face at (mark.x, y) moved by ``shift``: smile above neutral, frown below, flat at it.

    The ring takes its curve's dash, so a to-be (or second persona's) face reads as
    such beside an as-is face even without colour.
    """
    x, r = mark.x + shift.face, mark.radius
    painter.setBrush(brush("#FFFFFF"))
    if selected:
        painter.setPen(pen(SELECTION_COLOUR, 2.4))
    else:
        painter.setPen(pen(stroke, 1.2, dash))
    painter.drawEllipse(QPointF(x, y), r, r)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush("#1A1A1A"))
    painter.drawEllipse(QPointF(x - 0.35 * r, y - 0.25 * r), 0.12 * r, 0.12 * r)
    painter.drawEllipse(QPointF(x + 0.35 * r, y - 0.25 * r), 0.12 * r, 0.12 * r)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(pen("#1A1A1A", 0.9))
    mouth = QPainterPath()
    if mark.face == "smile":
        mouth.moveTo(x - 0.5 * r, y + 0.2 * r)
        mouth.cubicTo(
            x - 0.2 * r, y + 0.65 * r, x + 0.2 * r, y + 0.65 * r, x + 0.5 * r, y + 0.2 * r
        )
    elif mark.face == "frown":
        mouth.moveTo(x - 0.5 * r, y + 0.55 * r)
        mouth.cubicTo(
            x - 0.2 * r, y + 0.15 * r, x + 0.2 * r, y + 0.15 * r, x + 0.5 * r, y + 0.55 * r
        )
    else:
        mouth.moveTo(x - 0.45 * r, y + 0.38 * r)
        mouth.lineTo(x + 0.45 * r, y + 0.38 * r)
    painter.drawPath(mouth)
    draw_text(
        painter,
        mark.label_x + shift.label,
        mark.label_baseline + (y - mark.y),
        mark.label,
        style.emotion_value_size,
        style.text_colour,
        True,
    )


def paint_faces(painter: QPainter, lane: EmotionLane, style: Style) -> None:
    """Every face of a lane, primary persona's on top (as the canvas stacks them)."""
    shifts = face_shifts(lane)
    order = sorted(range(len(lane.curves)), key=lambda i: lane.curves[i].primary)
    for ci in order:
        curve = lane.curves[ci]
        for mi, mark in enumerate(curve.marks):
            paint_face(
                painter, mark, mark.y, curve.colour, style, shift=shifts[ci][mi], dash=curve.dash
            )


# -- the whole map -----------------------------------------------------------------


def paint_map(
    painter: QPainter, layout: MapLayout, style: Style, header_fill: str | None = None
) -> None:
    """The whole map as the canvas stacks its items, at full detail, nothing selected.

    The sheet, rows, lines, emotion plots, cards, arrows and faces, each over the last,
    then the label column, then the header row and its corner (the sticky layers).
    """
    fill = header_fill or style.header_fill
    paint_sheet(painter, Rect(0, 0, layout.width, layout.height))
    for lane in layout.lanes:
        paint_lane_row(painter, lane, layout.columns, layout.grid.x, style)
    for line in layout.blueprint_lines:
        paint_blueprint_line(painter, line, style)
    for emotion in layout.emotion:
        paint_emotion_plot(painter, emotion, style)
    for box in layout.cards.values():
        paint_card(painter, box, style)
    for opp in layout.opportunities:
        paint_opportunity(painter, opp, style)
    for moment in layout.moments:
        paint_moment_note(painter, moment, style)
    for link in layout.links:
        paint_link(painter, link, style)
    for emotion in layout.emotion:
        paint_faces(painter, emotion, style)
    for lane in layout.lanes:
        paint_lane_label(painter, lane, style)
    for line in layout.blueprint_lines:
        paint_blueprint_label(painter, line, style)
    text = text_colour_on(fill)
    for stage in layout.stages:
        paint_stage_header(painter, stage, fill, text)
    for column in layout.columns:
        paint_step_header(painter, column, style)
    for moment in layout.moments:
        paint_moment_marker(painter, moment, style)
    paint_corner(painter, qrect(corner_rect(layout)), style)
