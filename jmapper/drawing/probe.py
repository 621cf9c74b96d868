"""A painter that draws nothing and remembers the smallest text it was asked to print.

The fit and handout decisions ("which paper keeps every word at 5 pt or more?")
must use what is *printed*, not what the layout measured: the drawing routines
add their own small labels (emotion scale values, badge codes) that no layout
text block lists.  Running the real drawing through this probe gives the truth
without a PDF, so the same figure feeds the warning, the default paper and the
export dialog's advice.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from jmapper.drawing.painter import Dash, Line, Segment
from jmapper.layout.boxes import Point, Rect
from jmapper.layout.text import TextLine


class TextSizeProbe:
    """Implements the painter protocol; ``smallest`` is the smallest printed size in points.

    Only uniform scaling matters for text size, so the transform is kept as one
    factor per saved state; ``smallest`` is ``math.inf`` when nothing was printed.
    """

    def __init__(self) -> None:
        self.smallest = math.inf
        self.smallest_text = ""
        self._scale = 1.0
        self._stack: list[float] = []

    def text(self, lines: Sequence[TextLine], size: float, colour: str) -> None:
        printed = size * self._scale
        if printed < self.smallest and any(line.text.strip() for line in lines):
            self.smallest = printed
            self.smallest_text = next(line.text for line in lines if line.text.strip())

    def save(self) -> None:
        self._stack.append(self._scale)

    def restore(self) -> None:
        if self._stack:
            self._scale = self._stack.pop()

    def scale(self, factor: float) -> None:
        self._scale *= factor

    # Everything below draws nothing.
    def rect(
        self,
        rect: Rect,
        fill: str | None,
        stroke: str | None = None,
        width: float = 0.0,
        radius: float = 0.0,
        dash: Dash = (),
    ) -> None:
        return None

    def line(
        self, x0: float, y0: float, x1: float, y1: float, stroke: str, width: float, dash: Dash = ()
    ) -> None:
        return None

    def lines(self, segments: Sequence[Line], stroke: str, width: float) -> None:
        return None

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
        return None

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
        return None

    def image(self, data: bytes, rect: Rect) -> None:
        return None

    def translate(self, dx: float, dy: float) -> None:
        return None

    def rotate(self, degrees: float) -> None:
        return None

    def clip(self, rect: Rect) -> None:
        return None
