"""A metric value beside its baseline and target: the change the metrics lane shows.

Values of one metric are compared only within one scope (the map, or one
stage, step or card), by role: the *baseline* is where it started, *actual*
values are measurements since, the *target* is the goal.  When a scope holds
several baselines, a value is compared with the latest one whose period is
not after its own (periods compare as text, which orders the ISO-like labels
users write, "2025-Q1" < "2025-Q2"); failing that, with the earliest.

Whether a change is an improvement depends on the metric: more is better for
CSAT, CES, NPS, FCR and conversion, less for AHT, repeat contacts, drop-off
and contact volume; a custom metric improves when it moves towards its target.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from jmapper.analysis.metrics import score
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import MetricValue
from jmapper.model.enums import MetricKind, MetricRole, MetricScope

HIGHER_IS_BETTER = frozenset(
    {MetricKind.CSAT, MetricKind.CES, MetricKind.NPS, MetricKind.FCR, MetricKind.CONVERSION}
)
LOWER_IS_BETTER = frozenset(
    {
        MetricKind.AHT,
        MetricKind.REPEAT_CONTACT_RATE,
        MetricKind.DROP_OFF,
        MetricKind.CONTACT_VOLUME,
    }
)


class Direction(Enum):
    """Which way a figure moved, for the sign and the arrow drawn beside it."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"


@dataclass(frozen=True)
class Change:
    """``current`` minus ``baseline`` (both scores), and whether that is better."""

    baseline: float
    current: float
    delta: float
    direction: Direction
    improved: bool | None  # None: unchanged, or nothing says which way is better


def _scope_key(bundle: MapBundle, value: MetricValue) -> tuple[str, MetricScope, str | None]:
    scope_id = bundle.map.id if value.scope is MetricScope.MAP else value.scope_id
    return value.metric_id, value.scope, scope_id


def _same_scope(bundle: MapBundle, value: MetricValue, role: MetricRole) -> list[MetricValue]:
    key = _scope_key(bundle, value)
    return [
        other
        for other in bundle.metric_values.values()
        if other.role is role and _scope_key(bundle, other) == key
    ]


def _pick(candidates: list[MetricValue], period: str) -> MetricValue | None:
    """The latest candidate not after ``period``, else the earliest (ties by id)."""
    if not candidates:
        return None
    ordered = sorted(candidates, key=lambda v: (v.period, v.id))
    earlier = [v for v in ordered if v.period <= period]
    return earlier[-1] if earlier else ordered[0]


def baseline_for(bundle: MapBundle, value: MetricValue) -> MetricValue | None:
    """The baseline ``value`` is measured against (None for a baseline itself)."""
    if value.role is MetricRole.BASELINE:
        return None
    return _pick(_same_scope(bundle, value, MetricRole.BASELINE), value.period)


def target_for(bundle: MapBundle, value: MetricValue) -> MetricValue | None:
    """The target of ``value``'s metric and scope (None for a target itself)."""
    if value.role is MetricRole.TARGET:
        return None
    targets = _same_scope(bundle, value, MetricRole.TARGET)
    return max(targets, key=lambda v: (v.period, v.id)) if targets else None


def change_since_baseline(bundle: MapBundle, value: MetricValue) -> Change | None:
    """How far ``value`` is from its baseline, or None when either has no score."""
    definition = bundle.metric_definitions.get(value.metric_id)
    baseline = baseline_for(bundle, value)
    if definition is None or baseline is None:
        return None
    before, after = score(definition, baseline), score(definition, value)
    if before is None or after is None:
        return None
    delta = after - before
    direction = Direction.UP if delta > 0 else Direction.DOWN if delta < 0 else Direction.FLAT
    return Change(before, after, delta, direction, _improved(bundle, value, before, delta))


def _improved(bundle: MapBundle, value: MetricValue, baseline: float, delta: float) -> bool | None:
    if delta == 0:
        return None
    kind = bundle.metric_definitions[value.metric_id].kind
    if kind in HIGHER_IS_BETTER:
        return delta > 0
    if kind in LOWER_IS_BETTER:
        return delta < 0
    target = target_for(bundle, value) if value.role is not MetricRole.TARGET else value
    goal = None if target is None else score(bundle.metric_definitions[value.metric_id], target)
    if goal is None or goal == baseline:
        return None
    return (delta > 0) == (goal > baseline)


__all__ = [
    "HIGHER_IS_BETTER",
    "LOWER_IS_BETTER",
    "Change",
    "Direction",
    "baseline_for",
    "change_since_baseline",
    "target_for",
]
