"""Rules about the emotion layer: every step felt, and the feeling not flat.

Both look at the primary persona's as-is series, the curve the map is about
(a value with no persona is the primary persona's).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jmapper.analysis.health.findings import Problem, Rule, Severity, Target
from jmapper.model.bundle import Column, MapBundle
from jmapper.model.entities import EmotionPoint
from jmapper.model.enums import EmotionSeries, LaneKind


def primary_values(bundle: MapBundle) -> dict[int, EmotionPoint]:
    """The primary persona's as-is values by column index."""
    primary = bundle.map.primary_persona_id
    values: dict[int, EmotionPoint] = {}
    for point in bundle.emotion_points.values():
        if point.series is not EmotionSeries.AS_IS or point.persona_id not in (None, primary):
            continue
        column = bundle.column_of(point.stage_id, point.step_id)
        if column is not None:
            values[column.index] = point
    return values


def _emotion_place(bundle: MapBundle) -> Target:
    """The emotion lane if the map has one, else the map."""
    lane = next((ln for ln in bundle.ordered_lanes() if ln.kind is LaneKind.EMOTIONS), None)
    return Target("lane", lane.id) if lane is not None else Target("map", bundle.map.id)


def _column_target(column: Column) -> tuple[Target, str]:
    if column.step_id is not None:
        return Target("step", column.step_id), "step"
    return Target("stage", column.stage_id), "stage"


def missing_emotions(bundle: MapBundle, today: date) -> Iterator[Problem]:
    columns = bundle.columns()
    if not columns:
        return
    values = primary_values(bundle)
    if not values:
        yield Problem(
            _emotion_place(bundle),
            "The map has no emotion values for its primary persona; add one per step so the "
            "highs and lows show.",
        )
        return
    for column in columns:
        if column.index in values:
            continue
        target, what = _column_target(column)
        entity = bundle.get(target.kind, target.id)
        yield Problem(
            target,
            f"The {what} \u201c{entity.name}\u201d has no emotion value for the primary persona; "
            "add how the persona feels there.",
        )


def flat_emotions(bundle: MapBundle, today: date) -> Iterator[Problem]:
    points = primary_values(bundle)
    values = {point.value for point in points.values()}
    if len(points) >= 2 and len(values) == 1:
        yield Problem(
            _emotion_place(bundle),
            f"Every emotion value of the primary persona is {values.pop()}; a journey has highs "
            "and lows, so revisit the values with the research.",
        )


RULES = (
    Rule(
        "missing-emotions",
        Severity.WARNING,
        "Steps with no emotion value for the primary persona.",
        missing_emotions,
    ),
    Rule(
        "flat-emotions",
        Severity.WARNING,
        "Every emotion value of the primary persona is the same.",
        flat_emotions,
    ),
)
