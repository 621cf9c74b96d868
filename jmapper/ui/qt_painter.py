"""The QPainter backend of the drawing protocol: canvas items, PNG and SVG export.

Text is drawn line by line at the positions the layout measured with the
bundled DejaVu/Droid widths, in those very fonts (registered here once), so
what the layout says fits does fit.  Fonts are made at :data:`TEXT_SCALE`
pixels per point and drawn with the painter scaled down by it: QFont pixel
sizes are integers, layout sizes are fractional points.

Only QtGui: the command-line export paints without widgets.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QImage, QPainter, QPainterPath, QPen

from jmapper.drawing.painter import Dash, Line, Segment
from jmapper.layout.boxes import Point, Rect
from jmapper.layout.text import TextLine

log = logging.getLogger(__name__)

TEXT_SCALE = 8.0

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


@lru_cache(maxsize=256)
def line_font(key: str, size: float) -> QFont:
    """The font of ``key`` with the fallback face behind it, for a line drawn in one call.

    Qt picks the face per glyph from the family list, as the layout does when it
    measures (main font first, then the fallback), so the widths agree.
    """
    families = register_fonts()
    f = QFont(font(key, size))
    main = families.get(key, families["regular"])
    f.setFamilies([main, families["fallback"]] if key != "fallback" else [families["fallback"]])
    return f


#: Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, NKo, their presentation
#: forms): a line holding one needs the Unicode bidi algorithm over the whole line.
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


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


class QtPainter:
    """Draws the protocol's primitives with a QPainter (see :mod:`jmapper.drawing.painter`).

    The pen and brush last set are remembered, so runs of lines or rectangles in one
    style (grid rules, zoomed-out cards) set them once: ``paint()`` runs every frame.
    """

    __slots__ = ("qp", "_pen", "_brush")

    def __init__(self, painter: QPainter) -> None:
        self.qp = painter
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
        for line in lines:
            y = line.baseline * TEXT_SCALE
            if len(line.segments) > 1 and _RTL.search(line.text):
                # Why: drawn run by run, Qt orders each font run on its own and takes its
                # direction from the run's first strong letter, so " → القاهرة" after "東京"
                # came out as "القاهرة →".  The whole line in one call gets one bidi pass
                # (base direction from the line's first strong letter, Unicode rule P2).
                bold = any(key == "bold" for key, _, _ in line.segments)
                qp.setFont(line_font("bold" if bold else "regular", size))
                qp.drawText(QPointF(line.x * TEXT_SCALE, y), line.text)
                continue
            for key, run, offset in line.segments:
                qp.setFont(font(key, size))
                qp.drawText(QPointF((line.x + offset) * TEXT_SCALE, y), run)
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
