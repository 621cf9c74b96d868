"""The emotion lane: point positions, faces, and a smooth curve per persona and series.

The curve is a monotone cubic (Fritsch-Carlson) through the column centres:
unlike Catmull-Rom it never overshoots a point, so a curve on a -2..+2 scale
never swings above +2 and never suggests a feeling nobody reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from jmapper.layout.boxes import EmotionCurve, EmotionLane, EmotionMark, Point, Rect
from jmapper.layout.geometry import circle_hits_rect, inflate, segment_hits_rect
from jmapper.layout.spatial import XBuckets
from jmapper.layout.text import text_width
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import EmotionPoint
from jmapper.model.enums import EmotionSeries
from jmapper.style import PERSONA_DASHES, SERIES_COLOURS, SERIES_DASHES, Style


def value_to_y(value: float, minimum: int, maximum: int, plot: Rect, margin: float) -> float:
    """Vertical position of an emotion value: maximum at the top, minimum at the bottom."""
    span = max(maximum - minimum, 1)
    return plot.y + margin + (maximum - value) / span * (plot.h - 2 * margin)


def face_for(value: float, neutral: float) -> str:
    if value > neutral:
        return "smile"
    if value < neutral:
        return "frown"
    return "flat"


def signed_label(value: int, minimum: int) -> str:
    """'+2' on scales that go below zero, plain '4' on 1..5 style scales."""
    if minimum < 0 and value > 0:
        return f"+{value}"
    return str(value)


def monotone_beziers(points: list[Point]) -> list[tuple[Point, Point, Point, Point]]:
    """Cubic bezier segments of the monotone (Fritsch-Carlson) interpolant through points."""
    n = len(points)
    if n < 2:
        return []
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    deltas = [(ys[i + 1] - ys[i]) / ((xs[i + 1] - xs[i]) or 1e-9) for i in range(n - 1)]
    slopes = [0.0] * n
    slopes[0] = deltas[0]
    slopes[-1] = deltas[-1]
    for i in range(1, n - 1):
        if deltas[i - 1] * deltas[i] <= 0:
            slopes[i] = 0.0
        else:
            slopes[i] = (deltas[i - 1] + deltas[i]) / 2
    for i in range(n - 1):
        if deltas[i] == 0:
            slopes[i] = slopes[i + 1] = 0.0
            continue
        a = slopes[i] / deltas[i]
        b = slopes[i + 1] / deltas[i]
        norm = a * a + b * b
        if norm > 9:
            tau = 3 / norm**0.5
            slopes[i] = tau * a * deltas[i]
            slopes[i + 1] = tau * b * deltas[i]
    out = []
    for i in range(n - 1):
        dx = (xs[i + 1] - xs[i]) / 3
        out.append(
            (
                points[i],
                (xs[i] + dx, ys[i] + slopes[i] * dx),
                (xs[i + 1] - dx, ys[i + 1] - slopes[i + 1] * dx),
                points[i + 1],
            )
        )
    return out


def sample_beziers(
    beziers: list[tuple[Point, Point, Point, Point]], samples: int, fallback: list[Point]
) -> tuple[Point, ...]:
    """The curve as a polyline (hit testing, pixel tests, renderers without beziers)."""
    if not beziers:
        return tuple(fallback)
    out: list[Point] = [beziers[0][0]]
    for p0, p1, p2, p3 in beziers:
        for k in range(1, samples + 1):
            t = k / samples
            u = 1 - t
            x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
            y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
            out.append((x, y))
    return tuple(out)


def layout_emotion(
    bundle: MapBundle,
    lane_id: str,
    plot: Rect,
    column_x: Callable[[EmotionPoint], tuple[int, float] | None],
    style: Style,
) -> EmotionLane:
    """Lay out every emotion series of the map inside ``plot``.

    ``column_x`` maps a point to (column index, centre x), or None when its
    stage or step no longer exists.
    """
    scale = bundle.map.emotion_scale
    margin = style.emotion_face_radius + 3
    midline = value_to_y(scale.neutral, scale.minimum, scale.maximum, plot, margin)
    ticks = tuple(
        (
            v,
            value_to_y(v, scale.minimum, scale.maximum, plot, margin),
            scale.label_for(v) or signed_label(v, scale.minimum),
        )
        for v in scale.values
    )
    primary = bundle.map.primary_persona_id
    overlays = list(bundle.map.overlay_persona_ids)
    groups: dict[tuple[str | None, EmotionSeries], dict[int, tuple[float, EmotionPoint]]] = {}
    for point in bundle.emotion_points.values():
        owner = point.persona_id if point.persona_id != primary else None
        place = column_x(point)
        if place is None:
            continue
        index, x = place
        groups.setdefault((owner, point.series), {})[index] = (x, point)

    def order(key: tuple[str | None, EmotionSeries]) -> tuple[int, int, str]:
        persona, series = key
        rank = (
            0
            if persona is None
            else 1 + (overlays.index(persona) if persona in overlays else len(overlays))
        )
        return (rank, list(EmotionSeries).index(series), persona or "")

    curves: list[EmotionCurve] = []
    for key in sorted(groups, key=order):
        persona_id, series = key
        points = groups[key]
        is_primary = persona_id is None
        persona = bundle.personas.get(persona_id or primary or "")
        name = persona.name if persona is not None else ""
        if is_primary:
            colour = SERIES_COLOURS[series]
            dash = SERIES_DASHES[series]
            width = style.emotion_curve_width
        else:
            rank = overlays.index(persona_id) + 1 if persona_id in overlays else len(overlays) + 1
            colour = persona.colour if persona is not None and persona.colour else "#000000"
            dash = (
                PERSONA_DASHES[rank % len(PERSONA_DASHES)]
                if series is EmotionSeries.AS_IS
                else SERIES_DASHES[series]
            )
            width = style.emotion_curve_width * 0.75
        radius = style.emotion_face_radius * (1.0 if is_primary else 0.7)
        marks = []
        for index in sorted(points):
            x, point = points[index]
            y = value_to_y(point.value, scale.minimum, scale.maximum, plot, margin)
            marks.append(
                EmotionMark(
                    x=x,
                    y=y,
                    value=point.value,
                    label=signed_label(point.value, scale.minimum),
                    face=face_for(point.value, scale.neutral),
                    column_index=index,
                    radius=radius,
                )
            )
        xy = [(m.x, m.y) for m in marks]
        beziers = monotone_beziers(xy)
        series_label = series.label
        legend = f"{name} \u2013 {series_label}" if name else series_label
        curves.append(
            EmotionCurve(
                persona_id=persona_id if persona_id is not None else primary,
                persona_name=name,
                series=series,
                primary=is_primary,
                colour=colour,
                dash=dash,
                width=width,
                marks=tuple(marks),
                beziers=tuple(beziers),
                polyline=sample_beziers(beziers, style.emotion_samples_per_segment, xy),
                legend_label=legend,
            )
        )
    curves = place_value_labels(curves, plot, midline, style)
    return EmotionLane(
        lane_id=lane_id, plot=plot, midline_y=midline, ticks=ticks, curves=tuple(curves)
    )


# -- value labels ----------------------------------------------------------------
#: Where a value label can go around its face, as (name, horizontal, vertical) placement:
#: horizontal -1 left of the face, 0 centred on it, +1 right of it; vertical likewise.
_SPOTS: dict[str, tuple[int, int]] = {
    "above": (0, -1),
    "below": (0, 1),
    "above_left": (-1, -1),
    "above_right": (1, -1),
    "below_left": (-1, 1),
    "below_right": (1, 1),
    "right": (1, 0),
    "left": (-1, 0),
}


def value_label_rect(
    x: float, y: float, radius: float, width: float, size: float, spot: str, gap: float = 1.5
) -> Rect:
    """The box of a value label (cap height of the digits, no line gap) at ``spot``."""
    h = value_label_height(size)
    sx, sy = _SPOTS[spot]
    # Corners hug the face's diagonal; straight spots clear its full radius.
    reach = radius * 0.75 if sx and sy else radius + gap
    if sx == 0:
        left = x - width / 2
    elif sx > 0:
        left = x + reach + (gap if sy == 0 else 0.0)
    else:
        left = x - reach - (gap if sy == 0 else 0.0) - width
    if sy == 0:
        top = y - h / 2
    elif sy > 0:
        top = y + reach
    else:
        top = y - reach - h
    return Rect(left, top, width, h)


def value_label_height(size: float) -> float:
    """Height of a signed value's box: DejaVu digits are 0.73 em tall, with no descenders."""
    return size * 0.86


def _spot_order(prev_y: float | None, y: float, next_y: float | None) -> list[str]:
    """Spots to try first, from where the curve comes from and goes to (y grows down)."""
    eps = 0.5
    ups = [n is not None and n < y - eps for n in (prev_y, next_y)]
    downs = [n is not None and n > y + eps for n in (prev_y, next_y)]
    if not any(ups) and any(downs):  # a peak (or the top of a rise): the curve is below
        first = ["above", "above_left", "above_right", "below"]
    elif not any(downs) and any(ups):  # a trough: the curve is above
        first = ["below", "below_left", "below_right", "above"]
    elif ups[0] and downs[1]:  # falling through, upper left to lower right
        first = ["above", "below", "above_right", "below_left"]
    elif downs[0] and ups[1]:  # rising through, lower left to upper right
        first = ["above", "below", "above_left", "below_right"]
    else:  # flat, or a single point
        first = ["above", "below"]
    return first + [name for name in _SPOTS if name not in first]


class _CurveIndex:
    """Every curve's sampled polyline, segment by segment, filed by x.

    A label only ever meets the few segments of its own and the neighbouring columns,
    so testing those alone gives the same answer as testing every segment of every
    curve, without the cost of a whole curve per candidate spot.
    """

    def __init__(self, curves: list[EmotionCurve]) -> None:
        self._parts: list[tuple[int, Point, Point]] = []
        self._single: set[int] = set()  # parts that are a one-point "polyline"
        self._index = XBuckets()
        for ci, curve in enumerate(curves):
            points = curve.polyline
            if len(points) == 1:
                self._single.add(len(self._parts))
                self._add(ci, points[0], points[0])
            for a, b in zip(points, points[1:], strict=False):
                self._add(ci, a, b)

    def _add(self, ci: int, a: Point, b: Point) -> None:
        self._index.add(len(self._parts), min(a[0], b[0]), max(a[0], b[0]))
        self._parts.append((ci, a, b))

    def hitting(self, rect: Rect) -> set[int]:
        """Indices of the curves whose polyline passes through the inside of ``rect``."""
        hit: set[int] = set()
        parts = self._parts
        for i in self._index.near(rect.x, rect.right):
            ci, a, b = parts[i]
            if ci in hit:
                continue
            if i in self._single:
                if rect.x < a[0] < rect.right and rect.y < a[1] < rect.bottom:
                    hit.add(ci)
            elif segment_hits_rect(a, b, rect):
                hit.add(ci)
        return hit


def place_value_labels(
    curves: list[EmotionCurve], plot: Rect, midline: float, style: Style
) -> list[EmotionCurve]:
    """Put every face's signed value where no curve runs, inside ``plot``.

    A label never crosses its own curve (a hard rule, whenever any spot allows it); it
    avoids the other curves, the other faces, labels already placed and the midline, in
    that order of weight, and otherwise takes the first spot for the local shape: above a
    peak, below a trough, above a curve that rises or falls through the face.

    Curves, faces and placed labels are indexed by x (:class:`XBuckets`), so each
    candidate spot is tested only against its neighbours: the work grows with the number
    of faces, not its square, and every count is the same as testing everything.
    """
    size = style.emotion_value_size
    bounds = inflate(plot, 0.01)
    lines = _CurveIndex(curves)
    faces = [(m.x, m.y, m.radius) for c in curves for m in c.marks]
    face_index = XBuckets()
    for fi, (fx, _fy, fr) in enumerate(faces):
        face_index.add(fi, fx - fr - 0.5, fx + fr + 0.5)
    placed: list[Rect] = []  # each grown by 1 pt, as the overlap test wants them
    placed_index = XBuckets()
    # Faces of two personas at the same spot with the same value share one label: the
    # second is printed over the first, so the lane never shows "-1 -1".
    shared: dict[tuple[float, float, str], Rect] = {}
    out = []
    for ci, curve in enumerate(curves):
        clearance = curve.width / 2 + 0.6
        new_marks = []
        for i, mark in enumerate(curve.marks):
            prev_y = curve.marks[i - 1].y if i > 0 else None
            next_y = curve.marks[i + 1].y if i + 1 < len(curve.marks) else None
            width = text_width(mark.label, size, True)
            key = (round(mark.x, 2), round(mark.y, 2), mark.label)
            own_face = (mark.x, mark.y, mark.radius)
            best: tuple[float, Rect] | None = None
            if key in shared and ci not in lines.hitting(inflate(shared[key], clearance)):
                best = (0.0, shared[key])
            spots = [] if best is not None else _spot_order(prev_y, mark.y, next_y)
            for rank, spot in enumerate(spots):
                rect = value_label_rect(mark.x, mark.y, mark.radius, width, size, spot)
                if not bounds.contains(rect):
                    continue
                hit = lines.hitting(inflate(rect, clearance))
                cost = rank * 0.5
                if ci in hit:
                    cost += 1000.0
                cost += 10.0 * (len(hit) - (ci in hit))
                cost += 10.0 * sum(
                    circle_hits_rect(faces[fi][0], faces[fi][1], faces[fi][2] + 0.5, rect)
                    for fi in face_index.near(rect.x, rect.right)
                    if faces[fi] != own_face
                )
                cost += 50.0 * sum(
                    rect.intersects(placed[pi]) for pi in placed_index.near(rect.x, rect.right)
                )
                if rect.y - 1 < midline < rect.bottom + 1:
                    cost += 2.0
                if best is None or cost < best[0]:
                    best = (cost, rect)
            if best is None:  # a plot too small for any spot: keep the old place, right
                rect = value_label_rect(mark.x, mark.y, mark.radius, width, size, "right")
            else:
                rect = best[1]
            grown = inflate(rect, 1.0)
            placed_index.add(len(placed), grown.x, grown.right)
            placed.append(grown)
            shared.setdefault(key, rect)
            new_marks.append(
                replace(
                    mark,
                    label_x=rect.x,
                    label_baseline=rect.bottom - size * 0.065,
                    label_rect=rect,
                )
            )
        out.append(replace(curve, marks=tuple(new_marks)))
    return out


# -- faces of one value in one column ---------------------------------------------
#: Room between two faces set side by side because they share a value at one column.
FACE_GAP = 1.0


@dataclass(frozen=True)
class FaceShift:
    """How far a face, and its value label, are moved right of where the layout put them."""

    face: float = 0.0
    label: float = 0.0


NO_SHIFT = FaceShift()


def face_shifts(lane: EmotionLane) -> tuple[tuple[FaceShift, ...], ...]:
    """The shift of every face, ``[curve][mark]``, so that none hides another.

    Faces of different curves (as-is and to-be, or two personas) with the same value
    at one column would sit on one spot; they are set side by side around it instead,
    in curve order (as-is left of to-be, the primary persona before overlays).  A value
    label moves with its face, except one the layout gave the whole group: that stays
    over the group.  Plain arithmetic on the layout, so the canvas, the exported image
    and the PDF shift the same faces by the same amount.
    """
    spots: dict[tuple[int, int], list[tuple[int, int, EmotionMark]]] = {}
    for ci, curve in enumerate(lane.curves):
        for mi, mark in enumerate(curve.marks):
            spots.setdefault((mark.column_index, round(mark.y * 4)), []).append((ci, mi, mark))
    shifts = [[NO_SHIFT] * len(curve.marks) for curve in lane.curves]
    for group in spots.values():
        if len(group) < 2:
            continue
        one_label = len({(m.label, m.label_x, m.label_baseline) for _c, _m, m in group}) == 1
        left = -(sum(2 * m.radius for _c, _m, m in group) + FACE_GAP * (len(group) - 1)) / 2
        for ci, mi, mark in group:
            dx = left + mark.radius
            shifts[ci][mi] = FaceShift(dx, 0.0 if one_label else dx)
            left += 2 * mark.radius + FACE_GAP
    return tuple(tuple(row) for row in shifts)
