"""Moving a blueprint line between lanes, as a pure edit.

A line's ``position`` is the number of lanes above it, hidden lanes included
(:class:`jmapper.model.entities.BlueprintLine`).  The user only sees visible
lanes, so a move is asked for as "the gap above visible lane g" and turned into
a position here.  A move that would break the line order is refused with one
sentence saying which line must stay above which and what to move first; the
zoned lanes a move passes change side with it.  Nothing here knows Qt.
"""

from __future__ import annotations

from dataclasses import replace

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet, EntityChange
from jmapper.model.entities import BlueprintLine
from jmapper.model.enums import BLUEPRINT_LINE_ORDER, BlueprintZone
from jmapper.model.errors import DomainError
from jmapper.model.invariants import misplaced_zone_lane, zone_fits

#: The zone of each band between the lines, top to bottom (line i parts band i from i + 1).
ZONES_BY_BAND: tuple[BlueprintZone, ...] = (
    BlueprintZone.CUSTOMER,
    BlueprintZone.FRONTSTAGE,
    BlueprintZone.BACKSTAGE,
    BlueprintZone.SUPPORT,
)


def _line(bundle: MapBundle, line_id: str) -> BlueprintLine:
    line = bundle.blueprint_lines.get(line_id)
    if line is None:
        raise DomainError("That blueprint line is no longer on the map.")
    return line


def _name(line: BlueprintLine) -> str:
    return line.kind.label.lower()


def visible_above(bundle: MapBundle, position: int) -> int:
    """How many visible lanes sit above a line at ``position``."""
    return sum(1 for lane in bundle.ordered_lanes()[:position] if lane.visible)


def positions_at_gap(bundle: MapBundle, gap: int) -> list[int]:
    """The positions that draw a line above visible lane ``gap`` (hidden lanes make several)."""
    return [p for p in range(len(bundle.lanes) + 1) if visible_above(bundle, p) == gap]


def line_move_problem(bundle: MapBundle, line_id: str, position: int) -> str | None:
    """Why the line cannot move to ``position`` (one sentence), or None if it can."""
    line = _line(bundle, line_id)
    if not 0 <= position <= len(bundle.lanes):
        return f"The {_name(line)} must sit between lanes of the map."
    rank = {kind: i for i, kind in enumerate(BLUEPRINT_LINE_ORDER)}
    for other in bundle.ordered_lines():
        if other.id == line.id:
            continue
        if rank[other.kind] < rank[line.kind] and other.position > position:
            return (
                f"The {_name(line)} must stay below the {_name(other)}; "
                f"move the {_name(other)} up first."
            )
        if rank[other.kind] > rank[line.kind] and other.position < position:
            return (
                f"The {_name(line)} must stay above the {_name(other)}; "
                f"move the {_name(other)} down first."
            )
    return None


def zone_already_broken(bundle: MapBundle) -> bool:
    """Whether the user has already put a zoned lane on the wrong side of a line.

    Such a map (confirmed by the user, or imported) must still let its lines
    move: a move re-zones only the lanes it passes, so it breaks nothing new.
    """
    lines = {line.kind: line.position for line in bundle.blueprint_lines.values()}
    return bool(lines) and misplaced_zone_lane(bundle, lines) is not None


def move_blueprint_line(bundle: MapBundle, line_id: str, position: int) -> ChangeSet:
    """Put the line after the first ``position`` lanes, the lanes it passes changing side.

    Moving the line is how a blueprint says which side a lane is on
    (docs/domain.md): a zoned lane the line passes whose zone no longer fits
    takes the zone of the side it is now on (moving the line of visibility
    below "Backstage actions" makes that lane frontstage).  Refused with a
    sentence when the lines would leave their order.
    """
    line = _line(bundle, line_id)
    if position == line.position:
        return ChangeSet("Move blueprint line", [])
    problem = line_move_problem(bundle, line_id, position)
    if problem is not None:
        raise DomainError(problem)
    changes = [EntityChange("blueprint_line", line.id, line, replace(line, position=position))]
    after = {entry.kind: entry.position for entry in bundle.blueprint_lines.values()}
    after[line.kind] = position
    down = position > line.position
    # Line i parts band i (above it) from band i + 1 (below it).
    side = BLUEPRINT_LINE_ORDER.index(line.kind) + (0 if down else 1)
    lanes = bundle.ordered_lanes()
    rezoned: list[str] = []
    for index in range(min(line.position, position), max(line.position, position)):
        lane = lanes[index]
        if zone_fits(index, lane.zone, after):
            continue
        zone = ZONES_BY_BAND[side]
        changes.append(EntityChange("lane", lane.id, lane, replace(lane, zone=zone)))
        rezoned.append(f"\u201c{lane.name}\u201d is now {zone.label.lower()}")
    text = f"Move {_name(line)} {'down' if down else 'up'}"
    return ChangeSet("; ".join([text, *rezoned]), changes)


def next_line_position(bundle: MapBundle, line_id: str, step: int) -> int:
    """The position one visible lane boundary up (``step`` -1) or down (+1) from the line's.

    Hidden lanes are stepped over: the line lands on the nearest position that
    the user sees as a different boundary.  Refused at the top or the bottom.
    """
    line = _line(bundle, line_id)
    gap = visible_above(bundle, line.position) + step
    visible = sum(1 for lane in bundle.lanes.values() if lane.visible)
    if gap < 0:
        raise DomainError(f"The {_name(line)} is already above every lane.")
    if gap > visible:
        raise DomainError(f"The {_name(line)} is already below every lane.")
    return closest_position(bundle, line_id, gap)


def closest_position(bundle: MapBundle, line_id: str, gap: int) -> int:
    """Of the positions drawn at visible ``gap``, the one a move may take that is nearest.

    A position the move may take wins over a refused one, then the one that
    passes the fewest (hidden) lanes.
    """
    line = _line(bundle, line_id)
    candidates = positions_at_gap(bundle, gap)
    if line.position in candidates:
        return line.position
    return min(
        candidates,
        key=lambda p: (line_move_problem(bundle, line_id, p) is not None, abs(p - line.position)),
    )
