"""Adding a metric value with its new definition (and a lane) is one change set."""

from __future__ import annotations

import pytest

from jmapper.model.entities import MetricDefinition, MetricValue
from jmapper.model.enums import LaneKind, MetricKind
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_bundle
from jmapper.model.metric_edits import add_metric, add_metric_with_lane
from tests.builders import small_map


def test_a_new_definition_and_its_value_and_a_lane_in_one_change_set() -> None:
    bundle = small_map()
    definition = MetricDefinition(map_id=bundle.map.id, kind=MetricKind.NPS, name="NPS")
    value = MetricValue(map_id=bundle.map.id, metric_id=definition.id, period="Q1", value=12.0)
    changes = add_metric_with_lane(bundle, value, definition)
    kinds = [c.kind for c in changes.changes]
    assert kinds == ["lane", "metric_definition", "metric_value"]
    assert changes.text == "Add metric NPS"
    before = bundle.copy()
    bundle.apply(changes.changes)
    check_bundle(bundle)
    lane = next(ln for ln in bundle.lanes.values() if ln.kind is LaneKind.METRICS)
    assert lane.position == len(bundle.lanes) - 1
    # A second value needs no new lane and no new definition.
    again = MetricValue(map_id=bundle.map.id, metric_id=definition.id, period="Q2", value=15.0)
    assert [c.kind for c in add_metric_with_lane(bundle, again).changes] == ["metric_value"]
    bundle.apply(changes.inverted().changes)
    assert bundle == before


def test_a_definition_already_on_the_map_or_a_mismatched_value_is_refused() -> None:
    bundle = small_map()
    definition = MetricDefinition(map_id=bundle.map.id, kind=MetricKind.FCR, name="FCR")
    bundle.add(definition)
    value = MetricValue(map_id=bundle.map.id, metric_id=definition.id)
    with pytest.raises(DomainError, match="already on the map"):
        add_metric(bundle, value, definition)
    other = MetricDefinition(map_id=bundle.map.id, kind=MetricKind.AHT, name="AHT")
    with pytest.raises(DomainError, match="must belong to it"):
        add_metric(bundle, value, other)
