"""What each map type is for and which lanes (and blueprint lines) it starts with.

The lane sets follow docs/domain.md's table, top to bottom, so a new map opens with
the rows practitioners expect for that type.  Lane zones are set so that the
service blueprint passes :func:`jmapper.model.invariants.check_blueprint_lines`
without the user's override: the lines then guard the blueprint from the first
edit on.
"""

from __future__ import annotations

from dataclasses import dataclass

from jmapper.model.enums import BlueprintLineKind, BlueprintZone, LaneKind, MapType


@dataclass(frozen=True)
class LaneSpec:
    """One default lane: its shown name, what it holds and its blueprint zone."""

    name: str
    kind: LaneKind
    zone: BlueprintZone = BlueprintZone.NONE
    note: str = ""


@dataclass(frozen=True)
class LineSpec:
    """A blueprint line drawn after the first ``after_lanes`` default lanes."""

    kind: BlueprintLineKind
    after_lanes: int

    @property
    def label(self) -> str:
        return self.kind.label


@dataclass(frozen=True)
class MapTypeInfo:
    """Everything a new map of one type starts from."""

    map_type: MapType
    purpose: str
    lanes: tuple[LaneSpec, ...]
    lines: tuple[LineSpec, ...]
    default_stage_preset: str
    note: str = ""

    @property
    def key(self) -> str:
        return self.map_type.value

    @property
    def label(self) -> str:
        return self.map_type.label


_CURRENT_LANES: tuple[LaneSpec, ...] = (
    LaneSpec("Customer actions", LaneKind.CUSTOMER_ACTIONS),
    LaneSpec("Touchpoints", LaneKind.TOUCHPOINTS),
    LaneSpec("Thoughts", LaneKind.THOUGHTS),
    LaneSpec("Emotions", LaneKind.EMOTIONS),
    LaneSpec("Pain points", LaneKind.PAIN_POINTS),
    LaneSpec("Opportunities", LaneKind.OPPORTUNITIES),
)

# The future state keeps the current-state rows so the two maps line up when
# compared; the to-be curve is data (EmotionPoint.series), not another lane.
_FUTURE_LANES: tuple[LaneSpec, ...] = tuple(
    LaneSpec(
        spec.name,
        spec.kind,
        spec.zone,
        "Shows the as-is and the to-be series side by side."
        if spec.kind is LaneKind.EMOTIONS
        else "",
    )
    for spec in _CURRENT_LANES
)

_DAY_LANES: tuple[LaneSpec, ...] = (
    LaneSpec("Time of day / activities", LaneKind.CUSTOMER_ACTIONS),
    LaneSpec("Context", LaneKind.CONTEXT),
    LaneSpec("Other providers and tools", LaneKind.OTHER_PROVIDERS),
    LaneSpec("Thoughts", LaneKind.THOUGHTS),
    LaneSpec("Emotions", LaneKind.EMOTIONS),
    LaneSpec("Unmet needs", LaneKind.UNMET_NEEDS),
    LaneSpec("Opportunities", LaneKind.OPPORTUNITIES),
)

_BLUEPRINT_LANES: tuple[LaneSpec, ...] = (
    LaneSpec("Physical evidence", LaneKind.PHYSICAL_EVIDENCE, BlueprintZone.CUSTOMER),
    LaneSpec("Customer actions", LaneKind.CUSTOMER_ACTIONS, BlueprintZone.CUSTOMER),
    LaneSpec("Frontstage actions", LaneKind.FRONTSTAGE, BlueprintZone.FRONTSTAGE),
    LaneSpec("Backstage actions", LaneKind.BACKSTAGE, BlueprintZone.BACKSTAGE),
    LaneSpec("Support processes", LaneKind.SUPPORT_PROCESSES, BlueprintZone.SUPPORT),
)

# Interaction after customer actions, visibility after frontstage, internal
# interaction after backstage (docs/domain.md, service blueprints).
_BLUEPRINT_LINES: tuple[LineSpec, ...] = (
    LineSpec(BlueprintLineKind.INTERACTION, 2),
    LineSpec(BlueprintLineKind.VISIBILITY, 3),
    LineSpec(BlueprintLineKind.INTERNAL_INTERACTION, 4),
)

_BUYER_LANES: tuple[LaneSpec, ...] = (
    LaneSpec("Buyer questions", LaneKind.BUYER_QUESTIONS),
    LaneSpec("Actions and research", LaneKind.CUSTOMER_ACTIONS),
    LaneSpec("Touchpoints and content", LaneKind.TOUCHPOINTS),
    LaneSpec("Thoughts", LaneKind.THOUGHTS),
    LaneSpec("Emotions", LaneKind.EMOTIONS),
    LaneSpec("Barriers", LaneKind.BARRIERS),
    LaneSpec("Opportunities", LaneKind.OPPORTUNITIES),
    LaneSpec("Conversion metrics", LaneKind.METRICS),
)

#: Every map type, in the order menus list them.
MAP_TYPES: dict[MapType, MapTypeInfo] = {
    MapType.CURRENT_STATE: MapTypeInfo(
        MapType.CURRENT_STATE,
        "The experience today, including workarounds; the usual starting point.",
        _CURRENT_LANES,
        (),
        "short_lifecycle",
    ),
    MapType.FUTURE_STATE: MapTypeInfo(
        MapType.FUTURE_STATE,
        "The target experience, derived from a current-state map so the two can be compared.",
        _FUTURE_LANES,
        (),
        "short_lifecycle",
        "The emotion lane shows the as-is series beside an editable to-be series.",
    ),
    MapType.DAY_IN_THE_LIFE: MapTypeInfo(
        MapType.DAY_IN_THE_LIFE,
        "The actor's whole day, including other providers and non-digital moments.",
        _DAY_LANES,
        (),
        "day_in_the_life",
    ),
    MapType.SERVICE_BLUEPRINT: MapTypeInfo(
        MapType.SERVICE_BLUEPRINT,
        "The journey plus what happens behind it: frontstage, backstage and support processes.",
        _BLUEPRINT_LANES,
        _BLUEPRINT_LINES,
        "support_interaction",
        "Optional rows: time per step, policies, employee emotions, metrics, customer emotions.",
    ),
    MapType.BUYERS_JOURNEY: MapTypeInfo(
        MapType.BUYERS_JOURNEY,
        "Pre-purchase only: awareness, consideration and decision.",
        _BUYER_LANES,
        (),
        "buyers_journey",
    ),
}


def map_type_info(map_type: MapType) -> MapTypeInfo:
    """The template of ``map_type`` (every MapType has one)."""
    return MAP_TYPES[map_type]


__all__ = ["MAP_TYPES", "LaneSpec", "LineSpec", "MapTypeInfo", "map_type_info"]
