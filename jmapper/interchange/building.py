"""Starting the map a reader fills: the map and its lanes, without the templates package.

Interchange and templates are sibling layers (docs/architecture.md), so a
reader builds its map here from the model alone, with the lanes the file's
content fills.
"""

from __future__ import annotations

from collections.abc import Sequence

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import JourneyMap, Lane
from jmapper.model.enums import LaneKind, MapType


def start_map(title: str, lanes: Sequence[tuple[str, LaneKind]]) -> tuple[MapBundle, list[Lane]]:
    """A current-state map titled ``title`` with ``lanes`` top to bottom, and no stages yet."""
    journey_map = JourneyMap(title=title, map_type=MapType.CURRENT_STATE)
    bundle = MapBundle(map=journey_map)
    made = []
    for position, (name, kind) in enumerate(lanes):
        lane = Lane(map_id=journey_map.id, name=name, kind=kind, position=position)
        bundle.add(lane)
        made.append(lane)
    return bundle, made
