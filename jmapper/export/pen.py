"""A thin reportlab drawing surface with the layout's y-down coordinates.

Every exporter page draws through a :class:`Pen`, so the y flip, colour
parsing and per-segment font switching (main font, bold, CJK fallback) live
in one place.  Text is drawn with ``drawString`` from already wrapped lines:
no Paragraph, so user text containing ``<`` or ``&`` prints literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from jmapper.export.fonts import FONT_NAMES
from jmapper.layout.boxes import Point, Rect, TextBlock
from jmapper.layout.text import TextLine, segments, text_width

_colours: dict[str, Color] = {}


def colour(value: str) -> Color:
    hit = _colours.get(value)
    if hit is None:
        hit = _colours[value] = HexColor(value)
    return hit


class Pen:
    """Draws on a reportlab canvas at y-down coordinates (origin set by the caller)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self._fill = ""
        self._stroke = ""
        self._width = -1.0
        self._dash: tuple[float, ...] | None = None
        self._font: tuple[str, float] | None = None

    # -- state (cached: reportlab writes every state change into the stream) -------
    def fill(self, value: str) -> None:
        if value != self._fill:
            self.c.setFillColor(colour(value))
            self._fill = value

    def stroke(self, value: str, width: float, dash: Sequence[float] = ()) -> None:
        if value != self._stroke:
            self.c.setStrokeColor(colour(value))
            self._stroke = value
        if width != self._width:
            self.c.setLineWidth(width)
            self._width = width
        dash_t = tuple(dash)
        if dash_t != self._dash:
            self.c.setDash(list(dash_t) if dash_t else [], 0)
            self._dash = dash_t

    def reset(self) -> None:
        """Forget cached state (after restoreState, the canvas state changed under us)."""
        self._fill = self._stroke = ""
        self._width = -1.0
        self._dash = None
        self._font = None

    # -- shapes ----------------------------------------------------------------------
    def rect(
        self,
        r: Rect,
        fill: str | None = None,
        stroke: str | None = None,
        width: float = 0.5,
        radius: float = 0.0,
        dash: Sequence[float] = (),
    ) -> None:
        if fill:
            self.fill(fill)
        if stroke:
            self.stroke(stroke, width, dash)
        if radius:
            self.c.roundRect(
                r.x, -r.bottom, r.w, r.h, radius, stroke=int(bool(stroke)), fill=int(bool(fill))
            )
        else:
            self.c.rect(r.x, -r.bottom, r.w, r.h, stroke=int(bool(stroke)), fill=int(bool(fill)))

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        stroke: str,
        width: float,
        dash: Sequence[float] = (),
    ) -> None:
        self.stroke(stroke, width, dash)
        self.c.line(x0, -y0, x1, -y1)

    def polygon(
        self, points: Sequence[Point], fill: str, stroke: str | None = None, width: float = 0.5
    ) -> None:
        path = self.c.beginPath()
        path.moveTo(points[0][0], -points[0][1])
        for x, y in points[1:]:
            path.lineTo(x, -y)
        path.close()
        self.fill(fill)
        if stroke:
            self.stroke(stroke, width)
        self.c.drawPath(path, stroke=int(bool(stroke)), fill=1)

    def circle(
        self,
        x: float,
        y: float,
        r: float,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.5,
        dash: Sequence[float] = (),
    ) -> None:
        if fill:
            self.fill(fill)
        if stroke:
            self.stroke(stroke, width, dash)
        self.c.circle(x, -y, r, stroke=int(bool(stroke)), fill=int(bool(fill)))

    def curve(
        self,
        start: Point,
        beziers: Sequence[tuple[Point, Point, Point, Point]],
        polyline: Sequence[Point],
        stroke: str,
        width: float,
        dash: Sequence[float] = (),
    ) -> None:
        """A smooth curve from bezier segments (or the polyline when there is one point)."""
        self.stroke(stroke, width, dash)
        path = self.c.beginPath()
        path.moveTo(start[0], -start[1])
        if beziers:
            for _p0, p1, p2, p3 in beziers:
                path.curveTo(p1[0], -p1[1], p2[0], -p2[1], p3[0], -p3[1])
        else:
            for x, y in polyline[1:]:
                path.lineTo(x, -y)
        self.c.drawPath(path, stroke=1, fill=0)

    def bezier(self, p0: Point, p1: Point, p2: Point, p3: Point, stroke: str, width: float) -> None:
        self.stroke(stroke, width)
        self.c.bezier(p0[0], -p0[1], p1[0], -p1[1], p2[0], -p2[1], p3[0], -p3[1])

    # -- text ------------------------------------------------------------------------
    def _set_font(self, key: str, size: float) -> None:
        font = (FONT_NAMES[key], size)
        if font != self._font:
            self.c.setFont(font[0], size)
            self._font = font

    def text_line(self, line: TextLine, size: float, fill: str) -> None:
        self.fill(fill)
        for key, run, offset in line.segments:
            self._set_font(key, size)
            self.c.drawString(line.x + offset, -line.baseline, run)

    def block(self, block: TextBlock | None, fill: str | None = None) -> None:
        if block is None:
            return
        for line in block.lines:
            self.text_line(line, block.size, fill or block.colour)

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        *,
        bold: bool = False,
        fill: str = "#1A1A1A",
        align: str = "left",
    ) -> float:
        """One unwrapped line (furniture); returns its width."""
        width = text_width(text, size, bold)
        if align == "center":
            x -= width / 2
        elif align == "right":
            x -= width
        segs = tuple((k, r, o * size / 1000) for k, r, o in segments(text, bold))
        self.text_line(TextLine(text, x, baseline, width, segs), size, fill)
        return width
