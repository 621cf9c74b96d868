"""Arrows between cards: end points on the box edges and arrow-head triangles.

Heads are computed here, not in the renderers, so a one-way and a two-way
arrow look the same on screen, in PNG/SVG and in the PDF.
"""

from __future__ import annotations

import math

from jmapper.layout.boxes import CardBox, LinkBox, Point, Rect, TextBlock
from jmapper.layout.text import line_height, place_lines, text_width
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import LinkDirection
from jmapper.style import Style


def edge_point(rect: Rect, towards: Point) -> Point:
    """Where the ray from the centre of ``rect`` towards ``towards`` leaves the rect."""
    cx, cy = rect.centre
    dx, dy = towards[0] - cx, towards[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    sx = (rect.w / 2) / abs(dx) if dx else math.inf
    sy = (rect.h / 2) / abs(dy) if dy else math.inf
    t = min(sx, sy)
    return (cx + dx * t, cy + dy * t)


def arrow_head(tip: Point, tail: Point, length: float, width: float) -> tuple[Point, Point, Point]:
    """Triangle of an arrow head pointing at ``tip`` from the direction of ``tail``."""
    dx, dy = tip[0] - tail[0], tip[1] - tail[1]
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    bx, by = tip[0] - ux * length, tip[1] - uy * length
    px, py = -uy * width / 2, ux * width / 2
    return (tip, (bx + px, by + py), (bx - px, by - py))


def _label_rect(start: Point, end: Point, w: float, h: float,
                cards: dict[str, CardBox]) -> Rect:
    """A spot on the arrow for its label, nearest the middle, clear of every card."""
    boxes = [c.rect for c in cards.values()]
    best = None
    for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9):
        x = start[0] + (end[0] - start[0]) * t
        y = start[1] + (end[1] - start[1]) * t
        rect = Rect(x - w / 2, y - h / 2, w, h)
        best = best or rect
        if not any(rect.intersects(b) for b in boxes):
            return rect
    assert best is not None
    return best


def layout_links(bundle: MapBundle, cards: dict[str, CardBox], style: Style) -> list[LinkBox]:
    out = []
    for link in sorted(bundle.card_links.values(), key=lambda k: k.id):
        source = cards.get(link.source_card_id)
        target = cards.get(link.target_card_id)
        if source is None or target is None or source is target:
            continue
        start = edge_point(source.rect, target.rect.centre)
        end = edge_point(target.rect, source.rect.centre)
        heads = [arrow_head(end, start, style.arrow_head_length, style.arrow_head_width)]
        if link.direction is LinkDirection.TWO_WAY:
            heads.append(arrow_head(start, end, style.arrow_head_length, style.arrow_head_width))
        label = None
        if link.label:
            size = style.line_label_size
            width = text_width(link.label, size)
            rect = _label_rect(start, end, width, line_height(size, style.line_spacing), cards)
            lines = place_lines([link.label], rect.x, rect.y, size, rect.w, style.line_spacing)
            label = TextBlock("link_label", link.id, rect, lines, size, False, style.text_colour,
                              True)
        out.append(LinkBox(link.id, start, end, link.direction, link.link_type, tuple(heads),
                           label))
    return out
