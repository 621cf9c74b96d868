"""Labels a reader must be able to read: emotion values off the curve, link labels off cards."""

from __future__ import annotations

import pytest

from jmapper.layout import Rect, compute_layout
from jmapper.layout.connectors import (
    LEADER_HEAD_CLEARANCE,
    arrow_head,
    leader_span,
    leader_start,
    place_link_label,
)
from jmapper.layout.geometry import distance, polyline_hits_rect, segment_hits_rect
from jmapper.model.enums import LaneKind, MapType
from jmapper.templates import build_samples
from jmapper.templates.samples import build_sample
from tests.layout.maps import make_map

SAMPLES = build_samples()


def _ids(bundle) -> str:
    return bundle.map.title[:30]


@pytest.mark.parametrize("bundle", SAMPLES, ids=_ids)
def test_emotion_value_labels_stay_off_their_curve_and_inside_the_lane(bundle) -> None:
    layout = compute_layout(bundle)
    lanes = {lane.lane_id: lane for lane in layout.lanes}
    marks = 0
    for emotion in layout.emotion:
        assert lanes[emotion.lane_id].kind is LaneKind.EMOTIONS
        for curve in emotion.curves:
            for mark in curve.marks:
                marks += 1
                rect = mark.label_rect
                assert rect is not None
                assert not polyline_hits_rect(curve.polyline, rect), (
                    f"{mark.label} at column {mark.column_index} is crossed by its curve"
                )
                for b in curve.beziers:  # the drawn bezier, not only its sampled polyline
                    assert not polyline_hits_rect(_dense(b), rect)
                assert emotion.plot.contains(rect)
                assert lanes[emotion.lane_id].rect.contains(rect)
                # the printed text is the box: its baseline and left end sit inside it
                assert mark.label_x == pytest.approx(rect.x)
                assert rect.y < mark.label_baseline <= rect.bottom
                # and it is next to its own face, not somewhere else in the lane
                assert abs(rect.centre[0] - mark.x) < mark.radius + rect.w + 4
                assert abs(rect.centre[1] - mark.y) < mark.radius + rect.h + 4
    if any(bundle.emotion_points.values()):
        assert marks


def _dense(bezier, n: int = 64):
    p0, p1, p2, p3 = bezier
    out = []
    for k in range(n + 1):
        t = k / n
        u = 1 - t
        out.append(
            tuple(
                u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d
                for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
            )
        )
    return out


def test_value_labels_go_above_peaks_and_below_troughs() -> None:
    layout = compute_layout(build_sample("support_request"))
    curve = next(c for c in layout.emotion[0].curves if c.primary)
    ys = [m.y for m in curve.marks]
    checked = 0
    for i in range(1, len(ys) - 1):
        mark, rect = curve.marks[i], curve.marks[i].label_rect
        assert rect is not None
        if ys[i] < ys[i - 1] and ys[i] < ys[i + 1]:  # a peak on the page
            assert rect.bottom <= mark.y
            checked += 1
        if ys[i] > ys[i - 1] and ys[i] > ys[i + 1] and rect.y > mark.y:  # trough with room
            checked += 1
    assert checked


def test_two_faces_at_one_spot_share_their_label() -> None:
    layout = compute_layout(build_sample("support_request"))
    seen: dict[tuple[float, float, str], set] = {}
    for curve in layout.emotion[0].curves:
        for m in curve.marks:
            seen.setdefault((round(m.x, 2), round(m.y, 2), m.label), set()).add(m.label_rect)
    assert any(len(v) == 1 for k, v in seen.items())
    assert all(len(v) == 1 for v in seen.values())


@pytest.mark.parametrize("bundle", SAMPLES + [make_map(MapType.SERVICE_BLUEPRINT)], ids=_ids)
def test_no_link_label_covers_a_card(bundle) -> None:
    layout = compute_layout(bundle)
    cards = [c.rect for c in layout.cards.values()]
    others = [o.rect for o in layout.opportunities]
    labels = []
    for link in layout.links:
        if link.label is None:
            assert link.label_leader is None
            continue
        rect = link.label.rect
        labels.append(rect)
        for card in cards + others:
            assert not rect.intersects(card), f"{link.label.lines[0].text!r} covers a card"
        assert layout.grid.contains(rect)
        line = link.label.lines[0]
        assert rect.x - 0.01 <= line.x and line.x + line.width <= rect.right + 0.01
        if link.label_leader is not None:
            a, b = link.label_leader
            assert _on_shaft(link.start, link.end, a)
            for head in link.heads:  # the start dot is not under a head
                assert not _in_triangle(a, head), "a leader starts under an arrow head"
            assert _on_boundary(rect, b)
            for card in cards:
                shrunk = Rect(card.x + 0.5, card.y + 0.5, card.w - 1, card.h - 1)
                assert not segment_hits_rect(a, b, shrunk), "a leader crosses a card"
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            assert not a.intersects(b), "two link labels overlap"


def _on_shaft(a, b, p, tol: float = 0.01) -> bool:
    return abs(distance(a, p) + distance(p, b) - distance(a, b)) <= tol


def _in_triangle(p, tri, pad: float = 0.9) -> bool:
    """True when ``p`` (a dot of radius ``pad``) touches triangle ``tri``."""

    def side(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    t0, t1, t2 = tri
    d = (side(t0, t1, p), side(t1, t2, p), side(t2, t0, p))
    if all(v >= 0 for v in d) or all(v <= 0 for v in d):
        return True
    return any(_segment_distance(p, u, v) < pad for u, v in ((t0, t1), (t1, t2), (t2, t0)))


def _segment_distance(p, a, b) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return distance(p, (a[0] + t * dx, a[1] + t * dy))


def _on_boundary(rect: Rect, p, tol: float = 0.01) -> bool:
    x, y = p
    inside = rect.x - tol <= x <= rect.right + tol and rect.y - tol <= y <= rect.bottom + tol
    edge = min(abs(x - rect.x), abs(x - rect.right), abs(y - rect.y), abs(y - rect.bottom))
    return inside and edge <= tol


def test_short_blueprint_arrows_keep_their_labels_off_the_cards() -> None:
    """'checks' (12 pt between lanes) and 'escalates' (12 pt between columns)."""
    layout = compute_layout(build_sample("support_blueprint"))
    by_text = {link.label.lines[0].text: link for link in layout.links if link.label}
    checks, escalates = by_text["checks"], by_text["escalates"]
    # 'checks' sits beside its vertical arrow, in the gap, not over it
    assert checks.label is not None
    assert not segment_hits_rect(checks.start, checks.end, checks.label.rect)
    assert checks.label.rect.x >= checks.start[0]
    # 'escalates' cannot fit between the columns: a callout with a leader
    assert escalates.label is not None and escalates.label_leader is not None
    # whose start dot is on the shaft, clear of the head (the midpoint is under it)
    start, _tip = escalates.label_leader
    (head,) = escalates.heads
    length = distance(escalates.start, escalates.end)
    assert length < 2 * 7.0  # shorter than two heads: only the headed end is kept clear
    assert _on_shaft(escalates.start, escalates.end, start)
    assert distance(start, escalates.end) >= 7.0 + LEADER_HEAD_CLEARANCE - 1e-6
    assert not _in_triangle(start, head)
    # long arrows keep their label on the arrow, with no leader
    assert by_text["creates ticket"].label_leader is None


def test_a_label_with_room_stays_on_the_middle_of_its_arrow() -> None:
    card_a, card_b = Rect(0, 0, 100, 40), Rect(0, 200, 100, 40)
    rect, leader = place_link_label((50, 40), (50, 200), 30, 9, [card_a, card_b])
    assert leader is None
    assert rect.centre == pytest.approx((50, 120))


def test_a_label_between_touching_columns_is_moved_out_with_a_leader() -> None:
    left, right = Rect(0, 0, 100, 40), Rect(112, 0, 100, 120)
    bounds = Rect(0, 0, 212, 200)
    rect, leader = place_link_label((100, 20), (112, 20), 40, 9, [left, right], bounds=bounds)
    assert leader is not None
    assert not rect.intersects(left) and not rect.intersects(right)
    assert bounds.contains(rect)
    assert rect.y >= left.bottom  # below the shorter card, the nearest clear gutter


def test_a_leader_starts_a_head_length_from_either_end() -> None:
    """A two-way arrow between columns too close for its label: the dot is off both heads."""
    left, right = Rect(0, 0, 100, 40), Rect(130, 0, 100, 120)
    start, end = (100.0, 20.0), (130.0, 20.0)
    heads = [arrow_head(end, start, 7, 5), arrow_head(start, end, 7, 5)]
    rect, leader = place_link_label(
        start, end, 40, 9, [left, right], heads, bounds=Rect(0, 0, 230, 200)
    )
    assert leader is not None
    a, b = leader
    reach = 7 + LEADER_HEAD_CLEARANCE
    assert a[1] == pytest.approx(20.0)
    assert start[0] + reach - 1e-6 <= a[0] <= end[0] - reach + 1e-6
    assert _on_boundary(rect, b)
    assert distance(a, b) == pytest.approx(rect.y - 20.0)  # straight down: the shortest
    for head in heads:
        assert not _in_triangle(a, head)


def test_the_leader_start_is_the_clear_shaft_point_nearest_the_label() -> None:
    start, end = (0.0, 0.0), (100.0, 0.0)
    heads = [arrow_head(end, start, 7, 5), arrow_head(start, end, 7, 5)]
    span = leader_span(start, end, heads)
    reach = 7 + LEADER_HEAD_CLEARANCE
    assert span == pytest.approx((reach, 100 - reach))
    assert leader_start(start, end, span, Rect(150, 10, 40, 9)) == pytest.approx((100 - reach, 0))
    assert leader_start(start, end, span, Rect(-50, 10, 40, 9)) == pytest.approx((reach, 0))
    # a label level with a stretch of the shaft: the point of it nearest the middle
    assert leader_start(start, end, span, Rect(20, 10, 40, 9)) == pytest.approx((50, 0))
    assert leader_start(start, end, span, Rect(60, 10, 20, 9)) == pytest.approx((60, 0))
    # one head: a head-length from either end still, while the arrow is long enough
    one = heads[:1]
    assert leader_span(start, end, one) == pytest.approx((reach, 100 - reach))
    # too short for that: only the headed end is kept clear; shorter still, the middle
    assert leader_span(start, (12.0, 0.0), [arrow_head((12.0, 0.0), start, 7, 5)]) == pytest.approx(
        (0.0, 12 - reach)
    )
    assert leader_span(start, (6.0, 0.0), [arrow_head((6.0, 0.0), start, 7, 5)]) == pytest.approx(
        (3.0, 3.0)
    )
