"""The metrics lane: tiles with a score, an arrow shape for the change, and the band.

The arrow is a drawn triangle (up, down, or pointing right for no change)
beside a signed number and a word, so the direction reads without colour and
without relying on a font's arrow glyph; its fill only repeats "better" or
"worse".  Canvas items and the whole-map drawing call these same routines.
"""

from __future__ import annotations

from jmapper.drawing.cards import (
    BODY_DETAIL,
    CARD_RADIUS,
    FULL_DETAIL,
    INK,
    SKETCH_DETAIL,
    draw_selection,
)
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_block
from jmapper.layout.boxes import Point, Rect
from jmapper.layout.metrics import ARROW_FILLS, BAND_FILL, TILE_BORDER, MetricBand, MetricTile
from jmapper.style import Style


def arrow_points(rect: Rect, direction: str) -> tuple[Point, Point, Point]:
    """The triangle of a change arrow inside ``rect``: up, down, or right for 'flat'."""
    x, y, r, b = rect.x, rect.y, rect.right, rect.bottom
    cx, cy = rect.centre
    if direction == "up":
        return (cx, y), (r, b), (x, b)
    if direction == "down":
        return (x, y), (r, y), (cx, b)
    return (x, y), (r, cy), (x, b)


def draw_change_arrow(painter: Painter, rect: Rect, direction: str, improved: bool | None) -> None:
    """A filled triangle with a dark outline, so it shows on any fill and in greyscale."""
    first, second, third = arrow_points(rect, direction)
    painter.path(first, [(second,), (third,)], ARROW_FILLS[improved], INK, 0.6, close=True)


def draw_metric_band(painter: Painter, band: MetricBand) -> None:
    """The whole-journey strip: a tinted, dashed frame with its caption."""
    painter.rect(band.rect, BAND_FILL, TILE_BORDER, 0.6, CARD_RADIUS, (3.0, 2.0))
    draw_block(painter, band.caption)


def draw_metric_tile(
    painter: Painter,
    tile: MetricTile,
    style: Style,
    lod: float = FULL_DETAIL,
    selected: bool = False,
) -> None:
    """A tile: frame, name, score and role, the change with its arrow, target and sample."""
    painter.rect(tile.rect, tile.fill, tile.border, 0.9, CARD_RADIUS)
    if lod >= SKETCH_DETAIL:
        draw_block(painter, tile.title)
        draw_block(painter, tile.figure)
    if lod >= BODY_DETAIL:
        draw_block(painter, tile.role)
        if tile.arrow is not None and tile.direction:
            draw_change_arrow(painter, tile.arrow, tile.direction, tile.improved)
        draw_block(painter, tile.change)
        draw_block(painter, tile.detail)
    if selected:
        draw_selection(painter, tile.rect)


__all__ = ["arrow_points", "draw_change_arrow", "draw_metric_band", "draw_metric_tile"]
