"""The open-comment badge: a speech bubble with a number, the same on canvas and paper.

The shape (a bubble with a tail) and the number say "n open comments"; the
pale yellow fill is only a help, never the only cue.
"""

from __future__ import annotations

from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_label
from jmapper.layout.boxes import Rect

BUBBLE_FILL = "#FFF1B8"
BUBBLE_INK = "#1A1A1A"
TEXT_SIZE = 7.0


def draw_comment_bubble(painter: Painter, rect: Rect, code: str) -> None:
    """A rounded bubble filling ``rect`` with a small tail at its bottom left, and ``code``."""
    tail_x = rect.x + min(5.0, rect.w / 3)
    tail = ((tail_x + 3.0, rect.bottom - 0.5), (tail_x - 1.5, rect.bottom + 2.5))
    painter.path(
        (tail_x, rect.bottom - 0.5),
        [(tail[0],), (tail[1],)],
        BUBBLE_FILL,
        BUBBLE_INK,
        0.6,
        close=True,
    )
    painter.rect(rect, BUBBLE_FILL, BUBBLE_INK, 0.6, rect.h / 2.5)
    # Cover the tail's joint so the bubble reads as one shape.
    painter.rect(Rect(tail_x - 0.2, rect.bottom - 1.4, 3.4, 1.2), BUBBLE_FILL)
    cx, cy = rect.centre
    draw_label(
        painter,
        cx,
        cy + TEXT_SIZE * 0.36,
        code,
        TEXT_SIZE,
        bold=True,
        fill=BUBBLE_INK,
        align="center",
    )


__all__ = ["BUBBLE_FILL", "draw_comment_bubble"]
