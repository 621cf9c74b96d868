"""Arrows between cards: shaft, heads, and a label that may sit out on a leader line."""

from __future__ import annotations

from jmapper.drawing.cards import SELECTION_COLOUR
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_block
from jmapper.layout.boxes import LinkBox, Point, Rect
from jmapper.style import Style

#: Radius of the dot where a label's leader line leaves the arrow.
LEADER_DOT = 0.9


def link_leader(link: LinkBox) -> tuple[Point, Point] | None:
    """The line from the arrow to its label moved out to a gutter, if the layout made one."""
    return link.label_leader if link.label is not None else None


def draw_link(painter: Painter, link: LinkBox, style: Style, selected: bool = False) -> None:
    """The arrow (heavier and blue when selected), then its label on the paper."""
    colour = SELECTION_COLOUR if selected else style.link_colour
    painter.line(*link.start, *link.end, colour, style.link_weight * (2.0 if selected else 1.0))
    for tip, left, right in link.heads:
        painter.path(tip, [(left,), (right,)], colour, close=True)
    if link.label is None:
        return
    leader = link_leader(link)
    if leader is not None:
        (x0, y0), (x1, y1) = leader
        painter.line(x0, y0, x1, y1, colour, style.link_weight * 0.5)
        painter.ellipse(x0, y0, LEADER_DOT, colour)
    painter.rect(link.label.rect, style.paper)
    draw_block(painter, link.label)


def link_bounds(link: LinkBox, margin: float) -> Rect:
    """Everything a link draws (line, heads, label, leader), ``margin`` around the line."""
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
