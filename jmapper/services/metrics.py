"""The metrics of one map as a report: every definition with its values scored and compared.

Used by ``jmapper metrics`` (and usable by anything else that lists metrics):
each value carries the score its raw counts give (docs/domain.md, "Metrics and
priorities"), the baseline and target it is compared with, and the change since
the baseline with its direction, so no caller recomputes a formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jmapper.analysis.metric_change import Change, change_since_baseline, target_for
from jmapper.analysis.metrics import (
    computed_value,
    csat_mode,
    repeat_window_days,
    responses,
    score,
)
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import MetricDefinition, MetricValue
from jmapper.model.enums import CsatMode, MetricKind, MetricRole, MetricScope
from jmapper.storage import LibraryStore

#: Output format version of ``jmapper metrics --json`` (docs/metrics.md).
METRICS_JSON_VERSION = 1

_ROLE_ORDER = {MetricRole.BASELINE: 0, MetricRole.ACTUAL: 1, MetricRole.TARGET: 2}


@dataclass(frozen=True)
class ValueRow:
    """One metric value as a report line."""

    value: MetricValue
    scope_name: str
    score: float | None
    computed: bool  # the score comes from the raw counts, not the typed figure
    sample_size: int | None  # as stored, else what the raw counts hold
    baseline: float | None
    target: float | None
    delta: float | None
    direction: str | None  # up | down | flat
    improved: bool | None
    change: Change | None


@dataclass(frozen=True)
class MetricReport:
    definition: MetricDefinition
    mode: str  # how the score reads: "top-2-box %", "mean 1-5", "7-day window", ...
    values: tuple[ValueRow, ...]


@dataclass(frozen=True)
class MapMetrics:
    map_id: str
    title: str
    metrics: tuple[MetricReport, ...]


def describe_mode(definition: MetricDefinition) -> str:
    """How a metric's score is to be read, in a few words (empty for plain figures)."""
    kind = definition.kind
    if kind is MetricKind.CSAT:
        return "mean 1-5" if csat_mode(definition) is CsatMode.MEAN else "top-2-box %"
    if kind is MetricKind.REPEAT_CONTACT_RATE:
        return f"{repeat_window_days(definition)}-day window"
    return {
        MetricKind.NPS: "-100..100",
        MetricKind.CES: "mean 1-7",
        MetricKind.FCR: "% first contact",
    }.get(kind, "")


def scope_name(bundle: MapBundle, value: MetricValue) -> str:
    """'Map', a stage's name, 'Stage / step' or a card's title."""
    if value.scope is MetricScope.MAP or value.scope_id is None:
        return "Map"
    if value.scope is MetricScope.STAGE:
        stage = bundle.stages.get(value.scope_id)
        return stage.name if stage else "?"
    if value.scope is MetricScope.STEP:
        step = bundle.steps.get(value.scope_id)
        if step is None:
            return "?"
        stage = bundle.stages.get(step.stage_id)
        return f"{stage.name} / {step.name}" if stage else step.name
    card = bundle.cards.get(value.scope_id)
    return card.title if card else "?"


def _scope_rank(bundle: MapBundle, value: MetricValue) -> tuple[int, int]:
    """Map-wide values first, then scopes left to right by column."""
    if value.scope is MetricScope.MAP or value.scope_id is None:
        return (0, 0)
    column = None
    if value.scope is MetricScope.STAGE:
        first = [c for c in bundle.columns() if c.stage_id == value.scope_id]
        column = first[0] if first else None
    elif value.scope is MetricScope.STEP:
        step = bundle.steps.get(value.scope_id)
        column = bundle.column_of(step.stage_id, step.id) if step else None
    else:
        card = bundle.cards.get(value.scope_id)
        column = bundle.column_of(card.stage_id, card.step_id) if card else None
    return (1, column.index if column is not None else 10_000)


def value_row(bundle: MapBundle, definition: MetricDefinition, value: MetricValue) -> ValueRow:
    """One value scored and compared with its baseline and target."""
    change = change_since_baseline(bundle, value)
    target = target_for(bundle, value)
    return ValueRow(
        value=value,
        scope_name=scope_name(bundle, value),
        score=score(definition, value),
        computed=computed_value(definition, value) is not None,
        sample_size=value.sample_size
        if value.sample_size is not None
        else responses(definition, value),
        baseline=change.baseline if change else None,
        target=score(definition, target) if target is not None else None,
        delta=change.delta if change else None,
        direction=change.direction.value if change else None,
        improved=change.improved if change else None,
        change=change,
    )


def map_metrics(bundle: MapBundle) -> MapMetrics:
    """Every metric of the map, with its values ordered by scope, period and role."""
    by_metric: dict[str, list[MetricValue]] = {}
    for value in bundle.metric_values.values():
        by_metric.setdefault(value.metric_id, []).append(value)
    reports = []
    for definition in sorted(
        bundle.metric_definitions.values(), key=lambda d: (d.name.casefold(), d.id)
    ):
        values = sorted(
            by_metric.get(definition.id, []),
            key=lambda v: (
                _scope_rank(bundle, v),
                scope_name(bundle, v),
                v.period,
                _ROLE_ORDER[v.role],
                v.id,
            ),
        )
        rows = tuple(value_row(bundle, definition, v) for v in values)
        reports.append(MetricReport(definition, describe_mode(definition), rows))
    return MapMetrics(bundle.map.id, bundle.map.title, tuple(reports))


def load_map_metrics(store: LibraryStore, id_or_title: str) -> MapMetrics:
    """The metrics report of the map named by id, id prefix or title."""
    from jmapper.services.library import find_map

    summary = find_map(store, id_or_title)
    return map_metrics(store.load_map(summary.id))


def metrics_document(report: MapMetrics) -> dict[str, Any]:
    """The ``--json`` form of a report (docs/metrics.md)."""
    return {
        "version": METRICS_JSON_VERSION,
        "map": {"id": report.map_id, "title": report.title},
        "metrics": [
            {
                "id": m.definition.id,
                "kind": m.definition.kind.value,
                "name": m.definition.name,
                "unit": m.definition.unit,
                "description": m.definition.description,
                "csat_mode": m.definition.csat_mode.value if m.definition.csat_mode else None,
                "repeat_window_days": repeat_window_days(m.definition)
                if m.definition.kind is MetricKind.REPEAT_CONTACT_RATE
                else None,
                "values": [_row_document(row) for row in m.values],
            }
            for m in report.metrics
        ],
    }


def _row_document(row: ValueRow) -> dict[str, Any]:
    value = row.value
    return {
        "id": value.id,
        "scope": {"kind": value.scope.value, "id": value.scope_id, "name": row.scope_name},
        "role": value.role.value,
        "period": value.period,
        "sample_size": row.sample_size,
        "source": value.source.value,
        "typed_value": value.value,
        "raw_counts": dict(value.raw_counts),
        "score": row.score,
        "computed": row.computed,
        "baseline": row.baseline,
        "target": row.target,
        "change": None
        if row.delta is None
        else {"delta": row.delta, "direction": row.direction, "improved": row.improved},
    }


__all__ = [
    "METRICS_JSON_VERSION",
    "MapMetrics",
    "MetricReport",
    "ValueRow",
    "describe_mode",
    "load_map_metrics",
    "map_metrics",
    "metrics_document",
    "scope_name",
    "value_row",
]
