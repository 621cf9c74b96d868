"""Adding a metric value, with the definition it needs, as one edit (one undo step).

A user who adds "CSAT for this stage" to a map that has no CSAT yet makes a
definition and its first value in one gesture, so both go in one change set:
undo removes both, and storage writes both in one transaction.
"""

from __future__ import annotations

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet, EntityChange
from jmapper.model.edits import add_lane
from jmapper.model.entities import Lane, MetricDefinition, MetricValue
from jmapper.model.enums import LaneKind
from jmapper.model.errors import DomainError
from jmapper.model.text import clean_value


def add_metric(
    bundle: MapBundle, value: MetricValue, definition: MetricDefinition | None = None
) -> ChangeSet:
    """Add ``value`` (and ``definition``, when it is new) to the map."""
    changes = []
    name = ""
    if definition is not None:
        if definition.id in bundle.metric_definitions:
            raise DomainError("That metric is already on the map; add a value to it instead.")
        if value.metric_id != definition.id:
            raise DomainError("A new metric's value must belong to it.")
        changes.append(
            EntityChange("metric_definition", definition.id, None, clean_value(definition))
        )
        name = definition.name
    else:
        existing = bundle.metric_definitions.get(value.metric_id)
        name = existing.name if existing is not None else ""
    changes.append(EntityChange("metric_value", value.id, None, clean_value(value)))
    return ChangeSet(f"Add metric {name}".rstrip(), changes)


def add_metric_with_lane(
    bundle: MapBundle, value: MetricValue, definition: MetricDefinition | None = None
) -> ChangeSet:
    """:func:`add_metric`, plus a Metrics lane at the bottom when the map has none at all.

    The value should show where it was added; a map that hides its metrics
    lane keeps it hidden.
    """
    added = add_metric(bundle, value, definition)
    if any(lane.kind is LaneKind.METRICS for lane in bundle.lanes.values()):
        return added
    lane = Lane(
        map_id=bundle.map.id, name="Metrics", kind=LaneKind.METRICS, position=len(bundle.lanes)
    )
    with_lane = add_lane(bundle, lane).merged_with(added)
    return ChangeSet(added.text, with_lane.changes)


__all__ = ["add_metric", "add_metric_with_lane"]
