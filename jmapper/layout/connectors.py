"""Arrows between cards: end points on the box edges and arrow-head triangles.

Heads are computed here, not in the renderers, so a one-way and a two-way
arrow look the same on screen, in PNG/SVG and in the PDF.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from jmapper.layout.boxes import CardBox, LinkBox, Point, Rect, TextBlock
from jmapper.layout.geometry import distance, inflate, nearest_on_rect, segment_hits_rect
from jmapper.layout.spatial import XBuckets
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


def arrow_heads(
    start: Point, end: Point, direction: LinkDirection, style: Style
) -> tuple[tuple[Point, Point, Point], ...]:
    """The heads of an arrow from ``start`` to ``end``: at the end, and at the start if two-way."""
    heads = [arrow_head(end, start, style.arrow_head_length, style.arrow_head_width)]
    if direction is LinkDirection.TWO_WAY:
        heads.append(arrow_head(start, end, style.arrow_head_length, style.arrow_head_width))
    return tuple(heads)


#: Clear space kept between a link label and a card (or another label), in points.
LABEL_CLEARANCE = 1.5
#: The margin for a label set just beside a short arrow, between two cards.
BESIDE_CLEARANCE = 1.0
#: How far from an arrow's midpoint a callout label may be moved, in points.
CALLOUT_REACH = 160.0
#: Extra room between an arrow head's base and the start of a label leader (its dot).
LEADER_HEAD_CLEARANCE = 1.5


def _head_boxes(heads: list[tuple[Point, Point, Point]]) -> list[Rect]:
    out = []
    for tri in heads:
        xs = [p[0] for p in tri]
        ys = [p[1] for p in tri]
        out.append(Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)))
    return out


def leader_span(
    start: Point, end: Point, heads: Sequence[tuple[Point, Point, Point]]
) -> tuple[float, float]:
    """The part of the shaft (distances from ``start``) where a label leader may start.

    A head-length (and a little) away from either end, so the leader's start dot is never
    under an arrow head.  An arrow too short for that keeps clear of the ends that carry a
    head only; one too short even for that gives its midpoint.
    """
    length = distance(start, end)
    head_at_start = head_at_end = 0.0
    for tip, b1, b2 in heads:
        size = distance(tip, ((b1[0] + b2[0]) / 2, (b1[1] + b2[1]) / 2))
        if distance(tip, end) <= distance(tip, start):
            head_at_end = max(head_at_end, size)
        else:
            head_at_start = max(head_at_start, size)
    head = max(head_at_start, head_at_end)
    c = LEADER_HEAD_CLEARANCE
    for lo, hi in (
        (head + c, length - head - c),
        (head_at_start + c * bool(head_at_start), length - head_at_end - c),
    ):
        if lo <= hi:
            return lo, hi
    return length / 2, length / 2


def leader_start(start: Point, end: Point, span: tuple[float, float], rect: Rect) -> Point:
    """The point of the shaft within ``span`` nearest ``rect`` (the middlemost of a tie).

    Between a segment and a rectangle apart from it, the least distance is at an end of
    the segment or where a corner of the rectangle projects onto it: those, and the
    arrow's midpoint, are the candidates.
    """
    length = distance(start, end)
    lo, hi = span
    if length <= 0:
        return start
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length

    def at(d: float) -> Point:
        return (start[0] + ux * d, start[1] + uy * d)

    def clamp(d: float) -> float:
        return min(max(d, lo), hi)

    middle = clamp(length / 2)
    candidates = {lo, hi, middle}
    for cx, cy in (
        (rect.x, rect.y),
        (rect.right, rect.y),
        (rect.x, rect.bottom),
        (rect.right, rect.bottom),
    ):
        candidates.add(clamp((cx - start[0]) * ux + (cy - start[1]) * uy))
    best = min(
        candidates,
        key=lambda d: (round(distance(at(d), nearest_on_rect(at(d), rect)), 6), abs(d - middle)),
    )
    return at(best)


def place_link_label(
    start: Point,
    end: Point,
    w: float,
    h: float,
    obstacles: Sequence[Rect],
    heads: Sequence[tuple[Point, Point, Point]] = (),
    bounds: Rect | None = None,
    arrows: Sequence[tuple[Point, Point]] = (),
) -> tuple[Rect, tuple[Point, Point] | None]:
    """Where an arrow's label goes, and the leader line to it when it is moved out.

    First a spot on the arrow nearest its middle that keeps clear of every obstacle
    (cards, other labels) and leaves the arrow heads visible; then a spot just beside the
    arrow's midpoint (still touching the arrow, no leader needed); otherwise a callout: the
    clear spot nearest the arrow (a gutter between lanes or columns, or beside a card),
    joined to it by a leader that crosses no obstacle.  The leader starts on the shaft where
    no arrow head hides its dot (:func:`leader_span`), at the point nearest the label.  With
    no clear spot at all the label stays on the middle of the arrow, as before.
    """
    c = LABEL_CLEARANCE
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    grown = [inflate(o, c) for o in obstacles]
    keep_visible = [inflate(b, 0.5) for b in _head_boxes(list(heads))]

    def clear(rect: Rect) -> bool:
        if bounds is not None and not bounds.contains(rect):
            return False
        return not any(rect.intersects(o) for o in grown)

    # On the arrow: first where it also hides no crossing arrow, then anywhere clear.
    for avoid_arrows in (True, False):
        for t in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9):
            x = start[0] + (end[0] - start[0]) * t
            y = start[1] + (end[1] - start[1]) * t
            rect = Rect(x - w / 2, y - h / 2, w, h)
            if not clear(rect) or any(rect.intersects(b) for b in keep_visible):
                continue
            if avoid_arrows and any(segment_hits_rect(a, b, rect) for a, b in arrows):
                continue
            return rect, None
    # Beside the midpoint, on the side away from the arrow (it reads as the arrow's label).
    dx, dy = end[0] - start[0], end[1] - start[1]
    gap = 2.0
    beside = []
    if abs(dy) >= abs(dx):  # mostly vertical: right, then left of it
        beside += [
            Rect(mid[0] + gap, mid[1] - h / 2, w, h),
            Rect(mid[0] - gap - w, mid[1] - h / 2, w, h),
        ]
    else:  # mostly horizontal: above, then below it
        beside += [
            Rect(mid[0] - w / 2, mid[1] - gap - h, w, h),
            Rect(mid[0] - w / 2, mid[1] + gap, w, h),
        ]
    # Beside a short arrow in a narrow gap a thinner margin will do: the text stays clear.
    tight = [inflate(o, BESIDE_CLEARANCE) for o in obstacles]
    for rect in beside:
        if (
            (bounds is None or bounds.contains(rect))
            and not segment_hits_rect(start, end, rect)
            and not any(rect.intersects(o) for o in tight)
        ):
            return rect, None
    # A callout: candidate edges from the obstacles near the midpoint.
    near = [
        o
        for o in grown
        if o.x - w <= mid[0] + CALLOUT_REACH
        and o.right + w >= mid[0] - CALLOUT_REACH
        and o.y - h <= mid[1] + CALLOUT_REACH
        and o.bottom + h >= mid[1] - CALLOUT_REACH
    ]
    xs = {mid[0] + gap, mid[0] - gap - w, mid[0] - w / 2}
    ys = {mid[1] + gap, mid[1] - gap - h, mid[1] - h / 2}
    for o in near:
        xs.update((o.right, o.x - w))
        ys.update((o.bottom, o.y - h))
    if bounds is not None:
        xs.update((bounds.x, bounds.right - w))
        ys.update((bounds.y, bounds.bottom - h))
    blockers = [inflate(o, -0.5) for o in near]
    span = leader_span(start, end, heads)
    best: tuple[float, Rect, tuple[Point, Point]] | None = None
    for x in xs:
        if abs(x + w / 2 - mid[0]) > CALLOUT_REACH:
            continue
        for y in ys:
            if abs(y + h / 2 - mid[1]) > CALLOUT_REACH:
                continue
            rect = Rect(x, y, w, h)
            if not clear(rect):
                continue
            anchor = leader_start(start, end, span, rect)
            tip = nearest_on_rect(anchor, rect)
            cost = distance(anchor, tip)
            if best is not None and cost >= best[0]:
                continue
            if any(segment_hits_rect(anchor, tip, b) for b in blockers):
                continue
            # Covering the arrow itself, or another arrow, hides what the label explains.
            if segment_hits_rect(start, end, rect):
                cost += 40.0
            cost += 25.0 * sum(segment_hits_rect(a, b, rect) for a, b in arrows)
            if best is None or cost < best[0]:
                best = (cost, rect, (anchor, tip))
    if best is not None:
        return best[1], best[2]
    return Rect(mid[0] - w / 2, mid[1] - h / 2, w, h), None


def label_reach(start: Point, end: Point, w: float, h: float) -> Rect:
    """Everything :func:`place_link_label` can look at for one arrow, with a point to spare.

    Every spot it tries (on the arrow, beside its middle, a callout within
    :data:`CALLOUT_REACH`) and every obstacle it takes callout edges from lies inside
    this box, so obstacles and arrows wholly outside it cannot change where the label goes.
    """
    mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
    pad = 2.0 + max(LABEL_CLEARANCE, BESIDE_CLEARANCE) + 1.0  # beside gap, clearance, spare
    x0 = min(start[0], end[0], mid[0] - CALLOUT_REACH) - w - pad
    x1 = max(start[0], end[0], mid[0] + CALLOUT_REACH) + w + pad
    y0 = min(start[1], end[1], mid[1] - CALLOUT_REACH) - h - pad
    y1 = max(start[1], end[1], mid[1] + CALLOUT_REACH) + h + pad
    return Rect(x0, y0, x1 - x0, y1 - y0)


def _overlaps(x0: float, y0: float, x1: float, y1: float, region: Rect) -> bool:
    return x1 >= region.x and x0 <= region.right and y1 >= region.y and y0 <= region.bottom


def layout_links(
    bundle: MapBundle,
    cards: dict[str, CardBox],
    style: Style,
    obstacles: Sequence[Rect] = (),
    bounds: Rect | None = None,
) -> list[LinkBox]:
    """Every card link's arrow, heads and label.

    ``obstacles`` are rectangles other than cards that labels keep clear of
    (opportunities, moment notes); ``bounds`` keeps moved-out labels on the grid.
    """
    ordered = sorted(bundle.card_links.values(), key=lambda k: k.id)
    ends: dict[str, tuple[Point, Point]] = {}
    for link in ordered:
        source = cards.get(link.source_card_id)
        target = cards.get(link.target_card_id)
        if source is None or target is None or source is target:
            continue
        ends[link.id] = (
            edge_point(source.rect, target.rect.centre),
            edge_point(target.rect, source.rect.centre),
        )
    # Obstacles and arrows are filed by x, and each label only sees those within its
    # reach (label_reach): the same placement as passing them all, without the cost of
    # every card in the map for every label.
    blocked = [c.rect for c in cards.values()] + list(obstacles)
    blocked_index = XBuckets(64.0)
    for bi, r in enumerate(blocked):
        blocked_index.add(bi, r.x, r.right)
    arrow_keys = list(ends)
    arrow_index = XBuckets(64.0)
    for ai, key in enumerate(arrow_keys):
        (ax, _ay), (bx, _by) = ends[key]
        arrow_index.add(ai, min(ax, bx), max(ax, bx))
    out = []
    for link in ordered:
        if link.id not in ends:
            continue
        start, end = ends[link.id]
        heads = arrow_heads(start, end, link.direction, style)
        label = None
        leader = None
        if link.label:
            size = style.line_label_size
            width = text_width(link.label, size)
            height = line_height(size, style.line_spacing)
            reach = label_reach(start, end, width, height)
            near_blocked = [
                blocked[bi]
                for bi in sorted(blocked_index.near(reach.x, reach.right))
                if _overlaps(
                    blocked[bi].x, blocked[bi].y, blocked[bi].right, blocked[bi].bottom, reach
                )
            ]
            others = []
            for ai in sorted(arrow_index.near(reach.x, reach.right)):
                key = arrow_keys[ai]
                if key == link.id:
                    continue
                a, b = ends[key]
                if _overlaps(
                    min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), reach
                ):
                    others.append((a, b))
            rect, leader = place_link_label(
                start, end, width, height, near_blocked, heads, bounds, others
            )
            blocked_index.add(len(blocked), rect.x, rect.right)
            blocked.append(rect)
            lines = place_lines([link.label], rect.x, rect.y, size, rect.w, style.line_spacing)
            label = TextBlock(
                "link_label", link.id, rect, lines, size, False, style.label_text_colour, True
            )
        out.append(
            LinkBox(link.id, start, end, link.direction, link.link_type, heads, label, leader)
        )
    return out
