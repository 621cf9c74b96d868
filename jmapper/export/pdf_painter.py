"""The reportlab backend of the drawing protocol: the PDF map, legend and pages.

Draws at the layout's y-down coordinates on a canvas whose origin the caller
puts at the top left of the page (the y flip is here, in one place).  Colour,
width, dash and font are cached, because reportlab writes every state change
into the content stream; :meth:`PdfPainter.reset` forgets them after a state
restore outside this class (forms, pages).  Text is drawn with
``drawString`` from already measured lines: no Paragraph, so user text
containing ``<`` or ``&`` prints literally.  A line in Latin, Greek, Cyrillic
or CJK is drawn segment by segment where the layout measured it; a line with
right-to-left letters or a shaped script goes through the bidi pass and
HarfBuzz (:mod:`jmapper.export.shaping`), its runs placed left to right and
squeezed if shaping made them wider than the layout measured.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from jmapper.drawing.painter import Dash, Line, Segment
from jmapper.export.fonts import FONT_NAMES
from jmapper.layout.bidi import needs_bidi, visual_runs
from jmapper.layout.boxes import Point, Rect
from jmapper.layout.text import SHAPED_FACES, TextLine, strip_ignorable

_colours: dict[str, Color] = {}


def pdf_colour(value: str) -> Color:
    hit = _colours.get(value)
    if hit is None:
        hit = _colours[value] = HexColor(value)
    return hit


class PdfPainter:
    """Draws the protocol's primitives on a reportlab canvas (``c``, for forms and pages)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self._images: dict[bytes, ImageReader] = {}
        self._rounded: dict[tuple[float, float, float], PDFPathObject] = {}
        self.reset()

    def reset(self) -> None:
        """Forget cached state (after restoreState, the canvas state changed under us)."""
        self._fill = self._stroke = ""
        self._width = -1.0
        self._dash: Dash | None = None
        self._font: tuple[str, float] | None = None

    # -- state -------------------------------------------------------------------------
    def _set_fill(self, value: str) -> None:
        if value != self._fill:
            self.c.setFillColor(pdf_colour(value))
            self._fill = value

    def _set_stroke(self, value: str, width: float, dash: Dash) -> None:
        if value != self._stroke:
            self.c.setStrokeColor(pdf_colour(value))
            self._stroke = value
        if width != self._width:
            self.c.setLineWidth(width)
            self._width = width
        if dash != self._dash:
            self.c.setDash(list(dash) if dash else [], 0)
            self._dash = dash

    def _paint(self, fill: str | None, stroke: str | None, width: float, dash: Dash) -> None:
        if fill:
            self._set_fill(fill)
        if stroke:
            self._set_stroke(stroke, width, dash)

    # -- shapes ------------------------------------------------------------------------
    def rect(
        self,
        rect: Rect,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.0,
        radius: float = 0.0,
        dash: Dash = (),
    ) -> None:
        self._paint(fill, stroke, width, dash)
        s, f = int(bool(stroke)), int(bool(fill))
        if radius <= 0:
            self.c.rect(rect.x, -rect.bottom, rect.w, rect.h, stroke=s, fill=f)
            return
        # A rounded outline is 26 numbers: written once per size at the origin and moved
        # into place, most cards repeat one of a few paths, which the compression folds.
        key = (rect.w, rect.h, radius)
        path = self._rounded.get(key)
        if path is None:
            path = self._rounded[key] = self.c.beginPath()
            path.roundRect(0, 0, rect.w, rect.h, radius)
        self.c.saveState()
        self.c.translate(rect.x, -rect.bottom)
        self.c.drawPath(path, stroke=s, fill=f)
        self.c.restoreState()

    def line(
        self, x0: float, y0: float, x1: float, y1: float, stroke: str, width: float, dash: Dash = ()
    ) -> None:
        self._set_stroke(stroke, width, dash)
        self.c.line(x0, -y0, x1, -y1)

    def lines(self, segments: Sequence[Line], stroke: str, width: float) -> None:
        self._set_stroke(stroke, width, ())
        self.c.lines([(x0, -y0, x1, -y1) for x0, y0, x1, y1 in segments])

    def ellipse(
        self,
        cx: float,
        cy: float,
        r: float,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.0,
        dash: Dash = (),
    ) -> None:
        self._paint(fill, stroke, width, dash)
        self.c.circle(cx, -cy, r, stroke=int(bool(stroke)), fill=int(bool(fill)))

    def path(
        self,
        start: Point,
        segments: Sequence[Segment],
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.0,
        dash: Dash = (),
        close: bool = False,
    ) -> None:
        path = self.c.beginPath()
        path.moveTo(start[0], -start[1])
        for segment in segments:
            if len(segment) == 3:
                (x1, y1), (x2, y2), (x3, y3) = segment
                path.curveTo(x1, -y1, x2, -y2, x3, -y3)
            else:
                path.lineTo(segment[0][0], -segment[0][1])
        if close:
            path.close()
        self._paint(fill, stroke, width, dash)
        self.c.drawPath(path, stroke=int(bool(stroke)), fill=int(bool(fill)))

    # -- text and images ---------------------------------------------------------------
    def _set_font(self, key: str, size: float) -> str:
        font = (FONT_NAMES[key], size)
        if font != self._font:
            self.c.setFont(font[0], size)
            self._font = font
        return font[0]

    def text(self, lines: Sequence[TextLine], size: float, colour: str) -> None:
        self._set_fill(colour)
        for line in lines:
            if needs_bidi(line.text) or any(key in SHAPED_FACES for key, _r, _o in line.segments):
                self._complex_line(line, size)
                continue
            for key, run, offset in line.segments:
                self._set_font(key, size)
                self.c.drawString(line.x + offset, -line.baseline, strip_ignorable(run))

    def _complex_line(self, line: TextLine, size: float) -> None:
        """A line in visual order, shaped run by run, no wider than the layout measured."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        shape: Callable[[str, str, float, bool], tuple[str, float]] | None
        try:
            from jmapper.export.shaping import shape
        except ImportError:  # an older reportlab or no uharfbuzz: ordered, not joined
            shape = None

        pieces: list[tuple[str, str, float]] = []
        total = 0.0
        for run in visual_runs(line.text, line.segments):
            name = FONT_NAMES[run.key]
            if shape is not None and (run.key in SHAPED_FACES or run.rtl):
                text, width = shape(run.text, name, size, run.rtl)
            elif run.rtl:
                text = strip_ignorable(run.text)[::-1]
                width = stringWidth(text, name, size)
            else:
                text = strip_ignorable(run.text)
                width = stringWidth(text, name, size)
            pieces.append((run.key, text, width))
            total += width
        squeeze = line.width / total if total > line.width > 0 else 1.0
        c = self.c
        if squeeze < 1.0:
            c.saveState()
            c.translate(line.x, -line.baseline)
            c.scale(squeeze, 1.0)
            x, y = 0.0, 0.0
        else:
            x, y = line.x, -line.baseline
        for key, text, width in pieces:
            self._set_font(key, size)
            c.drawString(x, y, text)
            x += width
        if squeeze < 1.0:
            c.restoreState()
            self._font = None

    def image(self, data: bytes, rect: Rect) -> None:
        reader = self._images.get(data)
        if reader is None:
            reader = self._images[data] = ImageReader(io.BytesIO(data))
        self.c.drawImage(reader, rect.x, -rect.bottom, rect.w, rect.h, mask="auto")

    # -- transform and clip ------------------------------------------------------------
    def save(self) -> None:
        self.c.saveState()

    def restore(self) -> None:
        self.c.restoreState()
        self.reset()

    def translate(self, dx: float, dy: float) -> None:
        self.c.translate(dx, -dy)

    def scale(self, factor: float) -> None:
        self.c.scale(factor, factor)

    def rotate(self, degrees: float) -> None:
        self.c.rotate(-degrees)

    def clip(self, rect: Rect) -> None:
        path = self.c.beginPath()
        path.rect(rect.x, -rect.bottom, rect.w, rect.h)
        self.c.clipPath(path, stroke=0, fill=0)
