"""Small plane-geometry helpers for label placement (points, y growing downwards)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from jmapper.layout.boxes import Point, Rect


def inflate(rect: Rect, d: float) -> Rect:
    """``rect`` grown by ``d`` on every side (shrunk when ``d`` is negative)."""
    return Rect(rect.x - d, rect.y - d, max(rect.w + 2 * d, 0.0), max(rect.h + 2 * d, 0.0))


def segment_hits_rect(a: Point, b: Point, rect: Rect) -> bool:
    """True when the segment ``a``-``b`` passes through the inside of ``rect`` (Liang-Barsky)."""
    if rect.w <= 0 or rect.h <= 0:
        return False
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, a[0] - rect.x),
        (dx, rect.right - a[0]),
        (-dy, a[1] - rect.y),
        (dy, rect.bottom - a[1]),
    ):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return False
            t0 = max(t0, t)
        else:
            if t < t0:
                return False
            t1 = min(t1, t)
    return t0 < t1


def polyline_hits_rect(points: Sequence[Point], rect: Rect) -> bool:
    """True when any segment of the polyline passes through the inside of ``rect``."""
    if len(points) == 1:
        x, y = points[0]
        return rect.x < x < rect.right and rect.y < y < rect.bottom
    return any(segment_hits_rect(points[i], points[i + 1], rect) for i in range(len(points) - 1))


def circle_hits_rect(cx: float, cy: float, r: float, rect: Rect) -> bool:
    nx = min(max(cx, rect.x), rect.right)
    ny = min(max(cy, rect.y), rect.bottom)
    return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r


def nearest_on_rect(point: Point, rect: Rect) -> Point:
    """The point of ``rect`` (its edge, when ``point`` is outside) nearest to ``point``."""
    return (min(max(point[0], rect.x), rect.right), min(max(point[1], rect.y), rect.bottom))


def distance(a: Point, b: Point) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])
