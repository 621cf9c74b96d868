"""Showing and hiding lanes, several at once, as one edit.

A hidden lane keeps its cards; it is only left out of the canvas and the
print.  "Show all hidden lanes" is one gesture, so it is one change set.
"""

from __future__ import annotations

from collections.abc import Iterable

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet, EntityChange
from jmapper.model.errors import DomainError


def set_lanes_visible(bundle: MapBundle, lane_ids: Iterable[str], visible: bool) -> ChangeSet:
    """Show (or hide) the given lanes; lanes already so are left alone."""
    changes = []
    names = []
    for lane_id in lane_ids:
        lane = bundle.lanes.get(lane_id)
        if lane is None:
            raise DomainError("That lane no longer exists.")
        if lane.visible != visible:
            after = type(lane)(**{**lane.__dict__, "visible": visible})
            changes.append(EntityChange("lane", lane_id, lane, after))
            names.append(lane.name or lane.kind.label)
    verb = "Show" if visible else "Hide"
    what = f"lane \u201c{names[0]}\u201d" if len(names) == 1 else f"{len(names)} lanes"
    return ChangeSet(f"{verb} {what}", changes)


__all__ = ["set_lanes_visible"]
