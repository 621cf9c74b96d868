"""Which cards are touchpoints, and which columns of the grid they fall in.

A touchpoint is where customer and organisation meet (docs/domain.md): the
cards of the touchpoint and channel lanes, the blueprint's physical evidence
and frontstage, and any other card the user gave a channel.
"""

from __future__ import annotations

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card
from jmapper.model.enums import LaneKind

#: Lanes whose every card is a touchpoint.
TOUCHPOINT_LANES = frozenset(
    {LaneKind.TOUCHPOINTS, LaneKind.CHANNELS, LaneKind.PHYSICAL_EVIDENCE, LaneKind.FRONTSTAGE}
)


def has_touchpoint_lane(bundle: MapBundle) -> bool:
    return any(lane.kind in TOUCHPOINT_LANES for lane in bundle.lanes.values())


def touchpoint_cards(bundle: MapBundle) -> list[Card]:
    """Every touchpoint card of the map, in no particular order."""
    lanes = {lane.id for lane in bundle.lanes.values() if lane.kind in TOUCHPOINT_LANES}
    return [c for c in bundle.cards.values() if c.lane_id in lanes or c.channel is not None]


def card_text(card: Card) -> str:
    """Title and description in lower case, for keyword matching."""
    return f"{card.title}\n{card.description}".lower()


def mentions(text: str, keywords: tuple[str, ...]) -> bool:
    return any(keyword in text for keyword in keywords)


def touchpoint_columns(bundle: MapBundle) -> set[int]:
    """Indexes of the grid columns where a touchpoint starts (a spanning card counts once)."""
    columns: set[int] = set()
    for card in touchpoint_cards(bundle):
        column = bundle.column_of(card.stage_id, card.step_id)
        if column is not None:
            columns.add(column.index)
    return columns


__all__ = [
    "TOUCHPOINT_LANES",
    "card_text",
    "has_touchpoint_lane",
    "mentions",
    "touchpoint_cards",
    "touchpoint_columns",
]
