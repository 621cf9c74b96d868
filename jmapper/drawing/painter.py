"""The painter protocol: the few primitives every map drawing is made of.

The drawing routines in this package say *what* to draw at layout coordinates
(points, y growing downwards); a backend says *how*: :class:`QtPainter`
(``jmapper.ui.qt_painter``) for the canvas items and PNG/SVG export,
:class:`PdfPainter` (``jmapper.export.pdf_painter``) for the PDF.  So a new
marker, badge or lane look is one change here and shows the same everywhere.

Colours are ``#RRGGBB`` strings, widths and dashes are in points, and a
``None`` (or empty) fill or stroke means "do not fill" or "do not stroke".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from jmapper.layout.boxes import Point, Rect
from jmapper.layout.text import TextLine

#: A dash pattern in points (on, off, ...); empty for a solid line.
Dash = tuple[float, ...]
#: One piece of a path after its start: one point is a straight line to it, three points
#: are a cubic bezier (two control points, then the end).
Segment = tuple[Point] | tuple[Point, Point, Point]
#: A straight line from (x0, y0) to (x1, y1).
Line = tuple[float, float, float, float]


class Painter(Protocol):
    """A drawing surface at layout coordinates; see the module docstring."""

    def rect(
        self,
        rect: Rect,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.0,
        radius: float = 0.0,
        dash: Dash = (),
    ) -> None:
        """A rectangle, its corners rounded by ``radius`` points when it is above zero."""

    def line(
        self, x0: float, y0: float, x1: float, y1: float, stroke: str, width: float, dash: Dash = ()
    ) -> None:
        """A straight line from (x0, y0) to (x1, y1)."""

    def lines(self, segments: Sequence[Line], stroke: str, width: float) -> None:
        """Straight lines (x0, y0, x1, y1) in one stroke style: a grid's rules in one go."""

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
        """A circle of radius ``r`` around (cx, cy)."""

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
        """A path of straight and cubic segments from ``start``; ``close`` joins it to start."""

    def text(self, lines: Sequence[TextLine], size: float, colour: str) -> None:
        """Measured lines where the layout put them, each font segment in its own face.

        A segment's font key (regular, bold, fallback) names the face; the layout
        measured the line in those faces, so what it says fits does fit.
        """

    def image(self, data: bytes, rect: Rect) -> None:
        """An encoded image (PNG or JPEG bytes) stretched over ``rect``."""

    def save(self) -> None:
        """Remember the transform and the clip until the matching :meth:`restore`."""

    def restore(self) -> None:
        """Return to the transform and clip of the matching :meth:`save`."""

    def translate(self, dx: float, dy: float) -> None:
        """Move the origin by (dx, dy)."""

    def scale(self, factor: float) -> None:
        """Scale everything drawn from now on by ``factor`` (both directions)."""

    def rotate(self, degrees: float) -> None:
        """Turn everything drawn from now on by ``degrees`` (positive turns clockwise)."""

    def clip(self, rect: Rect) -> None:
        """Draw only inside ``rect`` from now on (until :meth:`restore`)."""
