"""PNG and SVG export by painting the shared layout with QPainter.

The per-element paint functions (``paint_card``, ``paint_marker``,
``paint_emotion`` ...) take a painter, a layout box and the style, and draw
at layout coordinates (points, y down), so the canvas can reuse them inside
``QGraphicsItem.paint``.  Fonts are the bundled TTFs, registered once with
QFontDatabase, and text is drawn per font segment exactly as the layout
measured it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from jmapper.export.options import ExportError, ExportOptions
from jmapper.layout import (
    DEFAULT_STYLE,
    CardBox,
    EmotionLane,
    EmotionMark,
    MapLayout,
    Marker,
    MomentBox,
    OpportunityBox,
    Rect,
    Style,
    TextBlock,
    TextLine,
    compute_layout,
)
from jmapper.layout.text import BOLD, FALLBACK, REGULAR, segments, text_width
from jmapper.model.bundle import MapBundle
from jmapper.style import OKABE_ITO, text_colour_on

log = logging.getLogger(__name__)

_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DroidSansFallbackFull.ttf")
_families: dict[str, str] = {}
_MARKER_FILLS = {"channel": "#FFFFFF", "failure": "#FFFFFF", "severity": "#F9DFD2",
                 "evidence": "#EFEFEF", "priority": "#DDF1E9", "moment": "#FBF6C9"}


def register_fonts() -> dict[str, str]:
    """Register the bundled fonts with Qt once; returns layout font key -> family."""
    if _families:
        return _families
    found = []
    for name in _FONT_FILES:
        data = resources.files("jmapper").joinpath("resources", "fonts", name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        found.append(families[0] if families else "Sans Serif")
    _families.update({REGULAR: found[0], BOLD: found[1], FALLBACK: found[2]})
    return _families


def _qfont(key: str, size: float) -> QFont:
    font = QFont(register_fonts()[key])
    font.setPointSizeF(size)
    font.setBold(key == BOLD)
    font.setKerning(False)  # the layout's widths have no kerning either
    return font


def _pen(colour: str, width: float, dash: tuple[float, ...] = ()) -> QPen:
    pen = QPen(QColor(colour), width)
    if dash:
        pen.setDashPattern([d / max(width, 0.1) for d in dash])
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def paint_rect(painter: QPainter, r: Rect, fill: str | None, stroke: str | None = None,
               width: float = 0.5, radius: float = 0.0, dash: tuple[float, ...] = ()) -> None:
    painter.setBrush(QBrush(QColor(fill)) if fill else Qt.BrushStyle.NoBrush)
    painter.setPen(_pen(stroke, width, dash) if stroke else Qt.PenStyle.NoPen)
    if radius:
        painter.drawRoundedRect(_qrect(r), radius, radius)
    else:
        painter.drawRect(_qrect(r))


def paint_line(painter: QPainter, line: TextLine, size: float, colour: str) -> None:
    painter.setPen(QColor(colour))
    for key, run, offset in line.segments:
        painter.setFont(_qfont(key, size))
        painter.drawText(QPointF(line.x + offset, line.baseline), run)


def paint_text(painter: QPainter, block: TextBlock | None, colour: str | None = None) -> None:
    if block is not None:
        for line in block.lines:
            paint_line(painter, line, block.size, colour or block.colour)


def paint_label(painter: QPainter, x: float, baseline: float, text: str, size: float,
                bold: bool = False, colour: str = "#1A1A1A", align: str = "left") -> None:
    width = text_width(text, size, bold)
    x -= width / 2 if align == "center" else 0.0
    segs = tuple((k, r, o * size / 1000) for k, r, o in segments(text, bold))
    paint_line(painter, TextLine(text, x, baseline, width, segs), size, colour)


def paint_marker(painter: QPainter, marker: Marker, style: Style) -> None:
    stroke, width = {"failure": (style.failure_colour, 1.3),
                     "severity": (style.severity_colour, 0.7),
                     "priority": (OKABE_ITO["bluish_green"], 0.7),
                     "moment": (style.moment_colour, 0.7)}.get(marker.kind, ("#6A6A6A", 0.5))
    radius = marker.rect.h / 2 if marker.kind == "failure" else 2.0
    paint_rect(painter, marker.rect, _MARKER_FILLS.get(marker.kind, "#FFFFFF"), stroke, width,
               radius)
    cx, cy = marker.rect.centre
    paint_label(painter, cx, cy + style.marker_text_size * 0.36, marker.code,
                style.marker_text_size, True, style.text_colour, "center")


def paint_card(painter: QPainter, box: CardBox, style: Style) -> None:
    width = style.card_border_weight * (2.2 if box.failure_point else 1.0)
    paint_rect(painter, box.rect, box.fill, box.border, width)
    paint_text(painter, box.title)
    paint_text(painter, box.body)
    for marker in box.markers:
        paint_marker(painter, marker, style)


def paint_opportunity(painter: QPainter, box: OpportunityBox, style: Style) -> None:
    paint_rect(painter, box.rect, box.fill, OKABE_ITO["bluish_green"], 0.9, 3.0, (3, 2))
    paint_text(painter, box.title)
    paint_text(painter, box.body)
    if box.priority_rect is not None:
        paint_marker(painter, Marker("priority", box.priority_rect, box.priority, ""), style)


def paint_moment(painter: QPainter, moment: MomentBox, style: Style) -> None:
    r = moment.marker
    cx, cy = r.centre
    painter.setBrush(QColor(style.moment_colour))
    painter.setPen(_pen("#1A1A1A", 0.6))
    painter.drawPolygon(QPolygonF([QPointF(cx, r.y), QPointF(r.right, cy), QPointF(cx, r.bottom),
                                   QPointF(r.x, cy)]))
    if moment.note_rect is not None:
        paint_rect(painter, moment.note_rect, "#FBF6C9", style.moment_colour, 1.0, 3.0)
        paint_text(painter, moment.note)


def paint_face(painter: QPainter, mark: EmotionMark, stroke: str, style: Style) -> None:
    x, y, r = mark.x, mark.y, mark.radius
    painter.setBrush(QColor("#FFFFFF"))
    painter.setPen(_pen(stroke, 1.2))
    painter.drawEllipse(QPointF(x, y), r, r)
    painter.setBrush(QColor("#1A1A1A"))
    painter.setPen(Qt.PenStyle.NoPen)
    for ex in (x - 0.35 * r, x + 0.35 * r):
        painter.drawEllipse(QPointF(ex, y - 0.25 * r), 0.12 * r, 0.12 * r)
    path = QPainterPath()
    if mark.face == "smile":
        path.moveTo(x - 0.5 * r, y + 0.2 * r)
        path.cubicTo(x - 0.2 * r, y + 0.65 * r, x + 0.2 * r, y + 0.65 * r, x + 0.5 * r, y + 0.2 * r)
    elif mark.face == "frown":
        path.moveTo(x - 0.5 * r, y + 0.55 * r)
        path.cubicTo(x - 0.2 * r, y + 0.15 * r, x + 0.2 * r, y + 0.15 * r, x + 0.5 * r,
                     y + 0.55 * r)
    else:
        path.moveTo(x - 0.45 * r, y + 0.38 * r)
        path.lineTo(x + 0.45 * r, y + 0.38 * r)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(_pen("#1A1A1A", 0.9))
    painter.drawPath(path)
    paint_label(painter, mark.label_x, mark.label_baseline, mark.label, style.emotion_value_size,
                True, style.text_colour)


def paint_emotion(painter: QPainter, lane: EmotionLane, style: Style) -> None:
    plot = lane.plot
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for _value, y, label in lane.ticks:
        if abs(y - lane.midline_y) > 0.01:
            painter.setPen(_pen("#E2E2E2", 0.4, (1, 2)))
            painter.drawLine(QPointF(plot.x, y), QPointF(plot.right, y))
            paint_label(painter, plot.x + 3, y - 1.5, label, 5.5, colour=style.muted_text_colour)
    painter.setPen(_pen(style.midline_colour, 0.9, (4, 2)))
    painter.drawLine(QPointF(plot.x, lane.midline_y), QPointF(plot.right, lane.midline_y))
    for curve in reversed(lane.curves):
        if not curve.polyline:
            continue
        path = QPainterPath(QPointF(*curve.polyline[0]))
        for _p0, p1, p2, p3 in curve.beziers:
            path.cubicTo(QPointF(*p1), QPointF(*p2), QPointF(*p3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(curve.colour, curve.width, curve.dash))
        painter.drawPath(path)
    for curve in reversed(lane.curves):
        for mark in curve.marks:
            paint_face(painter, mark, curve.colour, style)


def paint_map(painter: QPainter, layout: MapLayout, style: Style = DEFAULT_STYLE,
              accent: str | None = None) -> None:
    """Draw the whole map at layout coordinates (the same order as the PDF)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint_rect(painter, Rect(0, 0, layout.width, layout.height), "#FFFFFF")
    header_fill = accent or style.header_fill
    for lane in layout.lanes:
        paint_rect(painter, lane.label_rect, style.label_fill)
        paint_rect(painter, Rect(0, lane.rect.y, 4, lane.rect.h), lane.accent)
        paint_text(painter, lane.label)
        painter.setPen(_pen(style.grid_colour, style.grid_weight))
        painter.drawLine(QPointF(0, lane.rect.bottom), QPointF(layout.width, lane.rect.bottom))
        painter.drawLine(QPointF(0, lane.rect.y), QPointF(layout.width, lane.rect.y))
    painter.setPen(_pen(style.grid_colour, style.grid_weight))
    for column in layout.columns[1:]:
        painter.drawLine(QPointF(column.x, layout.grid.y), QPointF(column.x, layout.grid.bottom))
    for stage in layout.stages:
        paint_rect(painter, stage.rect, header_fill, "#FFFFFF", 1.0)
        paint_text(painter, stage.label, text_colour_on(header_fill))
    for column in layout.columns:
        if column.header is not None:
            paint_rect(painter, column.header, style.step_header_fill, "#FFFFFF", 1.0)
            paint_text(painter, column.label)
    for line in layout.blueprint_lines:
        painter.setPen(_pen(style.line_colour, line.weight, line.dash))
        painter.drawLine(QPointF(line.x0, line.y), QPointF(line.x1, line.y))
        paint_rect(painter, line.label_bg, "#FFFFFF")
        paint_text(painter, line.label)
    for lane in layout.emotion:
        paint_emotion(painter, lane, style)
    for box in layout.cards.values():
        paint_card(painter, box, style)
    for opp in layout.opportunities:
        paint_opportunity(painter, opp, style)
    for moment in layout.moments:
        paint_moment(painter, moment, style)
    for link in layout.links:
        painter.setPen(_pen(style.link_colour, style.link_weight))
        painter.drawLine(QPointF(*link.start), QPointF(*link.end))
        painter.setBrush(QColor(style.link_colour))
        painter.setPen(Qt.PenStyle.NoPen)
        for head in link.heads:
            painter.drawPolygon(QPolygonF([QPointF(*p) for p in head]))
        if link.label is not None:
            paint_rect(painter, link.label.rect, "#FFFFFF")
            paint_text(painter, link.label)


def export_image(bundle: MapBundle, out_path: str | os.PathLike[str], fmt: str = "png",
                 dpi: int = 200, options: ExportOptions | None = None,
                 style: Style = DEFAULT_STYLE) -> tuple[int, int]:
    """Write the map as PNG (at ``dpi``) or SVG; returns the pixel (or point) size."""
    if fmt not in ("png", "svg"):
        raise ExportError(f"Images can be exported as PNG or SVG, not \u201c{fmt}\u201d.")
    if QGuiApplication.instance() is None:
        raise ExportError("Image export needs the application to be running.")
    accent = options.accent_colour if options is not None else None
    layout = compute_layout(bundle, style)
    target = Path(out_path)
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".{fmt}",
                                        dir=str(target.parent))
        os.close(fd)
        if fmt == "png":
            size = _write_png(layout, tmp_name, dpi, style, accent)
        else:
            size = _write_svg(layout, tmp_name, bundle.map.title, style, accent)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as exc:
        log.warning("image export to %s failed", target, exc_info=True)
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise ExportError(f"Could not write the image to {target} ({exc.strerror or exc}); "
                          "choose a folder you can write to.") from exc
    return size


def _write_png(layout: MapLayout, path: str, dpi: int, style: Style,
               accent: str | None) -> tuple[int, int]:
    scale = dpi / 72
    w, h = round(layout.width * scale), round(layout.height * scale)
    if w * h > 400_000_000:
        raise ExportError(f"At {dpi} dpi the image would be {w} x {h} pixels; choose a lower "
                          "resolution or export a PDF.")
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    per_metre = round(72 / 0.0254)
    image.setDotsPerMeterX(per_metre)  # 1 pt == 1 logical pixel while painting
    image.setDotsPerMeterY(per_metre)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_map(painter, layout, style, accent)
    painter.end()
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    if not image.save(path, "PNG"):
        raise OSError(5, "the PNG encoder failed")
    return w, h


def _write_svg(layout: MapLayout, path: str, title: str, style: Style,
               accent: str | None) -> tuple[int, int]:
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(path)
    w, h = round(layout.width), round(layout.height)
    generator.setSize(QSize(w, h))
    generator.setViewBox(QRectF(0, 0, layout.width, layout.height))
    generator.setResolution(72)
    generator.setTitle(title)
    painter = QPainter(generator)
    paint_map(painter, layout, style, accent)
    painter.end()
    return w, h
