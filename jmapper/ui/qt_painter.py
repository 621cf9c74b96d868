"""The QPainter backend of the drawing protocol: canvas items, PNG and SVG export.

Text is drawn line by line at the positions the layout measured with the
bundled fonts' widths, in those very fonts (registered here once, which also
gives every Qt widget the Noto faces to fall back on), so what the layout says
fits does fit.  A line with right-to-left letters or a shaped script (Arabic,
Devanagari, Thai, Hangul, emoji) is drawn as the bidi pass orders it
(:mod:`jmapper.layout.bidi`), run by run in each run's direction, squeezed if
Qt's shaping made it wider than measured.  Fonts are made at
:data:`TEXT_SCALE` pixels per point and drawn with the painter scaled down by
it: QFont pixel sizes are integers, layout sizes are fractional points.

Only QtGui: the command-line export paints without widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from jmapper.drawing.painter import Dash, Line, Segment
from jmapper.layout.bidi import needs_bidi, visual_runs
from jmapper.layout.boxes import Point, Rect
from jmapper.layout.text import SHAPED_FACES, TextLine

log = logging.getLogger(__name__)

TEXT_SCALE = 8.0

#: Layout font key -> bundled font file (the same faces the PDF embeds).
FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "fallback": "DroidSansFallbackFull.ttf",
    "arabic": "NotoSansArabic-Regular.ttf",
    "hebrew": "NotoSansHebrew-Regular.ttf",
    "thai": "NotoSansThai-Regular.ttf",
    "devanagari": "NotoSansDevanagari-Regular.ttf",
    "hangul": "NotoSansKR-Hangul.ttf",
    "emoji": "NotoEmoji-Regular.ttf",
}

_families: dict[str, str] = {}


def register_fonts() -> dict[str, str]:
    """Load the bundled fonts into Qt once; font key -> family name."""
    if _families:
        return _families
    for key, name in FONT_FILES.items():
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
def qcolour(value: str) -> QColor:
    return QColor(value)


@lru_cache(maxsize=512)
def qpen(value: str, width: float, dash: Dash = ()) -> QPen:
    """A pen with round ends and joins (flat ends when dashed, so dashes keep their length)."""
    p = QPen(qcolour(value), width)
    p.setCapStyle(Qt.PenCapStyle.FlatCap if dash else Qt.PenCapStyle.RoundCap)
    p.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash and width > 0:
        p.setDashPattern([d / width for d in dash])
    return p


@lru_cache(maxsize=512)
def brush(value: str) -> QBrush:
    return QBrush(qcolour(value))


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


_NO_PEN = Qt.PenStyle.NoPen
_NO_BRUSH = Qt.BrushStyle.NoBrush
#: The pen or brush the painter is not known to hold (start, after a restore).
_UNKNOWN = ("?",)


@lru_cache(maxsize=1024)
def _advance(key: str, size: float, text: str) -> float:
    """Width of ``text`` in ``key``'s face as Qt shapes it, in TEXT_SCALE pixels."""
    metrics = QFontMetricsF(font(key, size))
    return metrics.horizontalAdvance(text)


def _draw_text(qp: QPainter, x: float, y: float, qfont: QFont, text: str, paths: bool) -> None:
    """``text`` at (x, y): as glyphs, or (``paths``) as filled outlines in the pen's colour."""
    if not paths:
        qp.setFont(qfont)
        qp.drawText(QPointF(x, y), text)
        return
    path = QPainterPath()
    path.addText(QPointF(x, y), qfont, text)
    qp.fillPath(path, qp.pen().color())


def _complex_line(qp: QPainter, line: TextLine, size: float, paths: bool = False) -> None:
    """A line in visual order (bidi), each run shaped by Qt in its own direction.

    Why: drawn segment by segment, Qt orders each font run on its own and takes its
    direction from the run's first strong letter, so " → القاهرة" after "東京" came out
    as "القاهرة →".  The bidi pass orders the runs; each is drawn left to right from
    where the previous ended, and the line is squeezed if shaping made it wider than
    the layout measured, so no glyph leaves its box.
    """
    runs = visual_runs(line.text, line.segments)
    widths = [_advance(run.key, size, run.text) for run in runs]
    total = sum(widths)
    measured = line.width * TEXT_SCALE
    x, y = line.x * TEXT_SCALE, line.baseline * TEXT_SCALE
    squeeze = measured / total if total > measured > 0 else 1.0
    if squeeze < 1.0:
        qp.save()
        qp.translate(x, y)
        qp.scale(squeeze, 1.0)
        x, y = 0.0, 0.0
    for run, width in zip(runs, widths, strict=True):
        qp.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if run.rtl else Qt.LayoutDirection.LeftToRight
        )
        _draw_text(qp, x, y, font(run.key, size), run.text, paths)
        x += width
    if squeeze < 1.0:
        qp.restore()


class QtPainter:
    """Draws the protocol's primitives with a QPainter (see :mod:`jmapper.drawing.painter`).

    The pen and brush last set are remembered, so runs of lines or rectangles in one
    style (grid rules, zoomed-out cards) set them once: ``paint()`` runs every frame.
    """

    __slots__ = ("qp", "_pen", "_brush", "text_as_paths")

    def __init__(self, painter: QPainter, text_as_paths: bool = False) -> None:
        self.qp = painter
        #: draw letters as outlines (an SVG that needs no fonts where it is opened)
        self.text_as_paths = text_as_paths
        self._pen: tuple[object, ...] | None = _UNKNOWN
        self._brush: str | tuple[str] | None = _UNKNOWN

    def _set_pen(self, stroke: str | None, width: float, dash: Dash) -> None:
        key = (stroke, width, dash) if stroke else None
        if key != self._pen:
            self._pen = key
            self.qp.setPen(qpen(stroke, width, dash) if stroke else _NO_PEN)

    def _style(self, fill: str | None, stroke: str | None, width: float, dash: Dash) -> None:
        fill = fill or None
        if fill != self._brush:
            self._brush = fill
            self.qp.setBrush(brush(fill) if fill else _NO_BRUSH)
        self._set_pen(stroke, width, dash)

    def rect(
        self,
        rect: Rect,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.0,
        radius: float = 0.0,
        dash: Dash = (),
    ) -> None:
        self._style(fill, stroke, width, dash)
        if radius > 0:
            self.qp.drawRoundedRect(QRectF(rect.x, rect.y, rect.w, rect.h), radius, radius)
        else:
            self.qp.drawRect(QRectF(rect.x, rect.y, rect.w, rect.h))

    def line(
        self, x0: float, y0: float, x1: float, y1: float, stroke: str, width: float, dash: Dash = ()
    ) -> None:
        self._set_pen(stroke, width, dash)
        self.qp.drawLine(QLineF(x0, y0, x1, y1))

    def lines(self, segments: Sequence[Line], stroke: str, width: float) -> None:
        self._set_pen(stroke, width, ())
        self.qp.drawLines([QLineF(*segment) for segment in segments])

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
        self._style(fill, stroke, width, dash)
        self.qp.drawEllipse(QPointF(cx, cy), r, r)

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
        path = QPainterPath(QPointF(*start))
        for segment in segments:
            if len(segment) == 3:
                (x1, y1), (x2, y2), (x3, y3) = segment
                path.cubicTo(x1, y1, x2, y2, x3, y3)
            else:
                path.lineTo(*segment[0])
        if close:
            path.closeSubpath()
        self._style(fill, stroke, width, dash)
        self.qp.drawPath(path)

    def text(self, lines: Sequence[TextLine], size: float, colour: str) -> None:
        qp = self.qp
        qp.save()
        qp.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
        qp.setPen(qcolour(colour))
        qp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        for line in lines:
            y = line.baseline * TEXT_SCALE
            if needs_bidi(line.text) or any(key in SHAPED_FACES for key, _r, _o in line.segments):
                _complex_line(qp, line, size, self.text_as_paths)
                continue
            for key, run, offset in line.segments:
                x = (line.x + offset) * TEXT_SCALE
                _draw_text(qp, x, y, font(key, size), run, self.text_as_paths)
        qp.restore()

    def image(self, data: bytes, rect: Rect) -> None:
        self.qp.drawImage(qrect(rect), QImage.fromData(data))

    def save(self) -> None:
        self.qp.save()

    def restore(self) -> None:
        self.qp.restore()
        self._pen = self._brush = _UNKNOWN

    def translate(self, dx: float, dy: float) -> None:
        self.qp.translate(dx, dy)

    def scale(self, factor: float) -> None:
        self.qp.scale(factor, factor)

    def rotate(self, degrees: float) -> None:
        self.qp.rotate(degrees)

    def clip(self, rect: Rect) -> None:
        self.qp.setClipRect(qrect(rect), Qt.ClipOperation.IntersectClip)
