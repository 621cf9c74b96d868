"""The emotion lane: point positions, faces, and a smooth curve per persona and series.

The curve is a monotone cubic (Fritsch-Carlson) through the column centres:
unlike Catmull-Rom it never overshoots a point, so a curve on a -2..+2 scale
never swings above +2 and never suggests a feeling nobody reported.
"""

from __future__ import annotations

from collections.abc import Callable

from jmapper.layout.boxes import EmotionCurve, EmotionLane, EmotionMark, Point, Rect
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
        rank = 0 if persona is None else 1 + (
            overlays.index(persona) if persona in overlays else len(overlays)
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
        marks = []
        for index in sorted(points):
            x, point = points[index]
            y = value_to_y(point.value, scale.minimum, scale.maximum, plot, margin)
            label = signed_label(point.value, scale.minimum)
            radius = style.emotion_face_radius * (1.0 if is_primary else 0.7)
            size = style.emotion_value_size
            # Primary values print right of the face, overlays left: they never collide.
            if is_primary:
                label_x = x + radius + 3
            else:
                label_x = x - radius - 3 - text_width(label, size, True)
            marks.append(
                EmotionMark(
                    x=x,
                    y=y,
                    value=point.value,
                    label=label,
                    face=face_for(point.value, scale.neutral),
                    column_index=index,
                    radius=radius,
                    label_x=label_x,
                    label_baseline=y + size * 0.36,
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
    return EmotionLane(lane_id=lane_id, plot=plot, midline_y=midline, ticks=ticks,
                       curves=tuple(curves))
