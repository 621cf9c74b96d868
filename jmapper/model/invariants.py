"""The rules every map obeys, checked in this one place.

:func:`check_changes` is called by the document after a change set has been
applied to the bundle (and before anything is stored); it looks only at what
the change touched, so an edit costs the same in a 20-card and a 10,000-card
map.  Structural changes (stages, steps, lanes) re-check what depends on them.
:func:`check_bundle` checks a whole map, for imports and tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import EntityChange
from jmapper.model.entities import (
    CHILD_KINDS,
    Card,
    CardLink,
    EmotionPoint,
    EmotionScale,
    JourneyMap,
    Lane,
    MetricValue,
    Opportunity,
)
from jmapper.model.enums import (
    BLUEPRINT_LINE_ORDER,
    BlueprintLineKind,
    BlueprintZone,
    EmotionScaleKind,
    EmotionSeries,
    MetricScope,
)
from jmapper.model.errors import DomainError
from jmapper.model.kinds import KINDS, dependents

MAX_OVERLAY_PERSONAS = 4

#: Zones allowed in each band between blueprint lines, top to bottom.
_BANDS: tuple[frozenset[BlueprintZone], ...] = (
    frozenset({BlueprintZone.CUSTOMER}),
    frozenset({BlueprintZone.FRONTSTAGE}),
    frozenset({BlueprintZone.BACKSTAGE}),
    frozenset({BlueprintZone.SUPPORT}),
)


def check_scale(scale: EmotionScale) -> None:
    if scale.minimum >= scale.maximum:
        raise DomainError(
            f"An emotion scale needs a maximum above its minimum (got {scale.minimum} to "
            f"{scale.maximum})."
        )
    if scale.maximum - scale.minimum > 20:
        raise DomainError("An emotion scale can have at most 21 points.")
    if scale.kind is not EmotionScaleKind.CUSTOM:
        expected = EmotionScale.preset(scale.kind)
        if (scale.minimum, scale.maximum) != (expected.minimum, expected.maximum):
            raise DomainError(
                f"The {scale.kind.label} scale runs from {expected.minimum} to "
                f"{expected.maximum}; choose 'custom' for other bounds."
            )
    if scale.labels and len(scale.labels) != scale.maximum - scale.minimum + 1:
        raise DomainError("An emotion scale's labels must name every point of the scale, or none.")


#: The review cadence a map may set, in months (docs/domain.md: at least quarterly is the advice).
MIN_CADENCE_MONTHS = 1
MAX_CADENCE_MONTHS = 24


def _check_map(bundle: MapBundle, journey_map: JourneyMap) -> None:
    if not journey_map.title.strip():
        raise DomainError("A map needs a title.")
    check_scale(journey_map.emotion_scale)
    if len(journey_map.overlay_persona_ids) > MAX_OVERLAY_PERSONAS:
        raise DomainError(f"A map can overlay at most {MAX_OVERLAY_PERSONAS} personas.")
    if journey_map.primary_persona_id in journey_map.overlay_persona_ids:
        raise DomainError("The primary persona is already on the map; it cannot be an overlay too.")
    if len(set(journey_map.overlay_persona_ids)) != len(journey_map.overlay_persona_ids):
        raise DomainError("A persona can be overlaid on a map only once.")
    if journey_map.derived_from_id == journey_map.id:
        raise DomainError("A map cannot be derived from itself.")
    cadence = journey_map.review_cadence_months
    if cadence is not None and not MIN_CADENCE_MONTHS <= cadence <= MAX_CADENCE_MONTHS:
        raise DomainError(
            f"A map is reviewed every {MIN_CADENCE_MONTHS} to {MAX_CADENCE_MONTHS} months; "
            f"{cadence} is outside that."
        )
    for point in bundle.emotion_points.values():
        _check_value_in_scale(point, journey_map.emotion_scale)


def _check_value_in_scale(point: EmotionPoint, scale: EmotionScale) -> None:
    if not scale.minimum <= point.value <= scale.maximum:
        raise DomainError(
            f"An emotion value must lie on the map's scale ({scale.minimum} to {scale.maximum}); "
            f"{point.value} does not."
        )


def _check_one_value_per_column(bundle: MapBundle, point: EmotionPoint) -> None:
    place = (point.stage_id, point.step_id, point.persona_id, point.series)
    for other in bundle.emotion_points.values():
        if (
            other.id != point.id
            and (
                other.stage_id,
                other.step_id,
                other.persona_id,
                other.series,
            )
            == place
        ):
            raise DomainError(
                "A step has one emotion value per persona and series; change the existing one."
            )


def _check_one_value_per_column_everywhere(bundle: MapBundle) -> None:
    """The rule of :func:`_check_one_value_per_column` for a whole map, in one pass (imports)."""
    seen: set[tuple[str, str | None, str | None, EmotionSeries]] = set()
    for point in bundle.emotion_points.values():
        place = (point.stage_id, point.step_id, point.persona_id, point.series)
        if place in seen:
            raise DomainError(
                "A step has one emotion value per persona and series; change the existing one."
            )
        seen.add(place)


def _check_place(bundle: MapBundle, what: str, stage_id: str | None, step_id: str | None) -> None:
    """A (stage, step) place must name an existing column of the grid."""
    if stage_id not in bundle.stages:
        raise DomainError(f"The {what} refers to a stage that is not on this map.")
    if step_id is not None and step_id not in bundle.steps:
        raise DomainError(f"The {what} refers to a step that is not on this map.")
    if bundle.column_of(stage_id, step_id) is None:
        if step_id is None:
            raise DomainError(f"The {what} must be placed on one of its stage's steps.")
        raise DomainError(f"The {what} refers to a step of another stage.")


def _check_card(bundle: MapBundle, card: Card) -> None:
    if card.lane_id not in bundle.lanes:
        raise DomainError("A card must sit in a lane of its map.")
    _check_place(bundle, "card", card.stage_id, card.step_id)
    column = bundle.column_of(card.stage_id, card.step_id)
    assert column is not None
    if card.span < 1:
        raise DomainError("A card spans at least one step.")
    if column.index + card.span > len(bundle.columns()):
        raise DomainError("A card cannot span past the last step of the map.")
    if card.position < 0:
        raise DomainError("A card's position in its cell cannot be negative.")
    if card.pain_severity is not None and not 0 <= card.pain_severity <= 4:
        raise DomainError("Pain severity runs from 0 (not a problem) to 4 (catastrophe).")
    if card.pain_volume is not None and card.pain_volume < 0:
        raise DomainError("Pain volume cannot be negative.")


def _check_opportunity(bundle: MapBundle, opp: Opportunity) -> None:
    if opp.lane_id is not None and opp.lane_id not in bundle.lanes:
        raise DomainError("The opportunity refers to a lane that is not on this map.")
    if opp.stage_id is not None:
        _check_place(bundle, "opportunity", opp.stage_id, opp.step_id)
    elif opp.step_id is not None:
        raise DomainError("An opportunity placed on a step must also name its stage.")
    for card_id in opp.pain_card_ids:
        if card_id not in bundle.cards:
            raise DomainError("The opportunity links to a pain point that is not on this map.")
    for step_id in opp.step_ids:
        if step_id not in bundle.steps:
            raise DomainError("The opportunity links to a step that is not on this map.")
    for name in ("impact", "feasibility"):
        value = getattr(opp, name)
        if value is not None and not 1 <= value <= 5:
            raise DomainError(f"An opportunity's {name} is rated from 1 to 5.")
    if opp.severity is not None and not 0 <= opp.severity <= 4:
        raise DomainError("An opportunity's severity runs from 0 to 4.")
    if opp.confidence is not None and not 0 <= opp.confidence <= 1:
        raise DomainError("An opportunity's confidence is a fraction from 0 to 1.")
    if opp.effort is not None and opp.effort <= 0:
        raise DomainError("An opportunity's effort must be more than zero.")
    for name in ("volume", "reach"):
        value = getattr(opp, name)
        if value is not None and value < 0:
            raise DomainError(f"An opportunity's {name} cannot be negative.")
    if opp.votes < 0:
        raise DomainError("An opportunity cannot have fewer than zero votes.")


def _check_metric_value(bundle: MapBundle, value: MetricValue) -> None:
    if value.metric_id not in bundle.metric_definitions:
        raise DomainError("A metric value must belong to a metric defined on its map.")
    if value.scope is MetricScope.MAP:
        if value.scope_id not in (None, bundle.map.id):
            raise DomainError("A map-wide metric value cannot name another scope.")
    else:
        kinds = {MetricScope.STAGE: "stage", MetricScope.STEP: "step", MetricScope.CARD: "card"}
        collection = bundle.collection(kinds[value.scope])
        if value.scope_id not in collection:
            raise DomainError(f"The metric value's {value.scope.value} is not on this map.")
    if value.sample_size is not None and value.sample_size < 0:
        raise DomainError("A sample size cannot be negative.")
    if any(count < 0 for count in value.raw_counts.values()):
        raise DomainError("Raw response counts cannot be negative.")


def _check_link(bundle: MapBundle, link: CardLink) -> None:
    if link.source_card_id not in bundle.cards or link.target_card_id not in bundle.cards:
        raise DomainError("An arrow must join two cards of the same map.")
    if link.source_card_id == link.target_card_id:
        raise DomainError("An arrow cannot join a card to itself.")


def _check_entity(bundle: MapBundle, kind: str, entity: Any, *, whole: bool = False) -> None:
    """One entity's rules; ``whole`` (checking a whole map) leaves the pairwise ones to one pass."""
    if kind == "map":
        _check_map(bundle, entity)
        return
    if kind == "persona":
        if not entity.name.strip():
            raise DomainError("A persona needs a name.")
        return
    if entity.map_id != bundle.map.id:
        raise DomainError(f"The {kind.replace('_', ' ')} belongs to another map.")
    if kind == "stage" and not entity.name.strip():
        raise DomainError("A stage needs a name.")
    elif kind == "step" and entity.stage_id not in bundle.stages:
        raise DomainError("A step must belong to a stage of its map.")
    elif kind == "card":
        _check_card(bundle, entity)
    elif kind == "emotion_point":
        _check_place(bundle, "emotion value", entity.stage_id, entity.step_id)
        _check_value_in_scale(entity, bundle.map.emotion_scale)
        if entity.persona_id is not None and entity.persona_id not in bundle.personas:
            raise DomainError("The emotion value belongs to a persona that is not in the library.")
        if not whole:
            _check_one_value_per_column(bundle, entity)
    elif kind == "moment_of_truth":
        _check_place(bundle, "moment of truth", entity.stage_id, entity.step_id)
    elif kind == "opportunity":
        _check_opportunity(bundle, entity)
    elif kind == "metric_value":
        _check_metric_value(bundle, entity)
    elif kind == "card_link":
        _check_link(bundle, entity)
    elif kind == "dismissal":
        _check_dismissal(bundle, entity)


def _check_dismissal(bundle: MapBundle, dismissal: Any) -> None:
    """A dismissal names a finding and says why; one per finding."""
    if not dismissal.rule_id.strip() or not dismissal.target_id.strip():
        raise DomainError("A dismissal must name the finding it dismisses.")
    if not dismissal.reason.strip():
        raise DomainError("Say why the finding is dismissed; a dismissal needs a reason.")
    for other in bundle.dismissals.values():
        if other.id != dismissal.id and other.key == dismissal.key:
            raise DomainError("That finding is already dismissed.")


def _check_positions(items: Iterable[Any], what: str) -> None:
    positions = sorted(item.position for item in items)
    if positions != list(range(len(positions))):
        raise DomainError(f"The {what} are out of order (positions {positions}).")


def check_blueprint_lines(bundle: MapBundle, *, allow_zone_override: bool = False) -> None:
    """The lines keep their order, sit among the lanes, and bound the right lanes.

    ``allow_zone_override`` is the user saying "yes, put this frontstage lane
    below the line of visibility": then only the line order is enforced.
    """
    lines = bundle.ordered_lines()
    if not lines:
        return
    lane_count = len(bundle.lanes)
    kinds = [line.kind for line in lines]
    if len(set(kinds)) != len(kinds):
        raise DomainError("A map can have each blueprint line only once.")
    rank = {kind: i for i, kind in enumerate(BLUEPRINT_LINE_ORDER)}
    for upper, lower in zip(kinds, kinds[1:], strict=False):
        if rank[upper] > rank[lower]:
            raise DomainError(
                f"The {lower.label.lower()} must stay above the {upper.label.lower()}."
            )
    for line in lines:
        if not 0 <= line.position <= lane_count:
            raise DomainError("A blueprint line must sit between lanes of its map.")
    if allow_zone_override:
        return
    misplaced = misplaced_zone_lane(bundle, {line.kind: line.position for line in lines})
    if misplaced is not None:
        lane, line_kind, below = misplaced
        where, way = ("below", "Down") if below else ("above", "Up")
        raise DomainError(
            f"The {lane.zone.label.lower()} lane \u201c{lane.name}\u201d would sit {where} the "
            f"{line_kind.label.lower()}; drag that line {where} the lane (or select it and press "
            f"Alt+{way}), or change the lane's zone in the inspector."
        )


def misplaced_zone_lane(
    bundle: MapBundle, by_kind: dict[BlueprintLineKind, int]
) -> tuple[Lane, BlueprintLineKind, bool] | None:
    """The first lane a zone puts on the wrong side of a line, with lines at ``by_kind``.

    Returns (lane, the line it is on the wrong side of, whether it is below that
    line), or None when every zoned lane sits in its band.  Pure, so a drag can
    ask before it drops.
    """
    for index, lane in enumerate(bundle.ordered_lanes()):
        if lane.zone is BlueprintZone.NONE:
            continue
        band = _band_of(index, by_kind)
        allowed = _allowed_band_range(lane.zone, by_kind)
        if band in allowed:
            continue
        # Line i separates band i from band i + 1; a missing line merges them.
        if band > max(allowed):
            return lane, BLUEPRINT_LINE_ORDER[max(allowed)], True
        return lane, BLUEPRINT_LINE_ORDER[min(allowed) - 1], False
    return None


def zone_fits(lane_index: int, zone: BlueprintZone, by_kind: dict[BlueprintLineKind, int]) -> bool:
    """Whether a ``zone`` lane at ``lane_index`` is on its side of the lines at ``by_kind``."""
    if zone is BlueprintZone.NONE:
        return True
    return _band_of(lane_index, by_kind) in _allowed_band_range(zone, by_kind)


def _band_of(lane_index: int, by_kind: dict[BlueprintLineKind, int]) -> int:
    """Which band (0 above interaction ... 3 below internal) a lane index falls in."""
    band = 0
    for i, kind in enumerate(BLUEPRINT_LINE_ORDER):
        position = by_kind.get(kind)
        if position is not None and lane_index >= position:
            band = i + 1
    return band


def _allowed_band_range(zone: BlueprintZone, by_kind: dict[BlueprintLineKind, int]) -> set[int]:
    """Bands a zone may occupy; a missing line merges the bands on either side of it."""
    target = next(i for i, zones in enumerate(_BANDS) if zone in zones)
    allowed = {target}
    # Without a line, the band above or below it is the same band.
    low = target
    while low > 0 and BLUEPRINT_LINE_ORDER[low - 1] not in by_kind:
        low -= 1
        allowed.add(low)
    high = target
    while high < 3 and BLUEPRINT_LINE_ORDER[high] not in by_kind:
        high += 1
        allowed.add(high)
    return allowed


def _check_not_referenced(bundle: MapBundle, kind: str, entity_id: str) -> None:
    """A removed entity must not be named by another entity of the map (see model/kinds.py)."""
    if kind not in ("persona", "map"):  # personas are shared: checked below, in their words
        map_owned = [(child, ref) for child, ref in dependents(kind) if child in CHILD_KINDS]
        for child_kind, ref in (pair for pair in map_owned if not pair[1].many):
            for child in bundle.collection(child_kind).values():
                if getattr(child, ref.attribute) == entity_id:
                    raise DomainError(
                        f"The {kind.replace('_', ' ')} is still used by a "
                        f"{child_kind.replace('_', ' ')}; remove that first."
                    )
        for child_kind, ref in (pair for pair in map_owned if pair[1].many):
            for child in bundle.collection(child_kind).values():
                if entity_id in getattr(child, ref.attribute):
                    raise DomainError(f"The {kind} is still linked from {KINDS[child_kind].noun}.")
    if kind in ("stage", "step", "card"):
        scope = {"stage": MetricScope.STAGE, "step": MetricScope.STEP, "card": MetricScope.CARD}
        for value in bundle.metric_values.values():
            if value.scope is scope[kind] and value.scope_id == entity_id:
                raise DomainError(f"The {kind} still has metric values.")
    if kind == "persona":
        if (
            entity_id == bundle.map.primary_persona_id
            or entity_id in bundle.map.overlay_persona_ids
        ):
            raise DomainError("The persona is still used by this map.")
        for point in bundle.emotion_points.values():
            if point.persona_id == entity_id:
                raise DomainError("The persona still has emotion values on this map.")


def check_changes(
    bundle: MapBundle, changes: Iterable[EntityChange], *, allow_zone_override: bool = False
) -> None:
    """Check a change set already applied to ``bundle``; raise DomainError if it broke a rule."""
    changes = list(changes)
    kinds = {c.kind for c in changes}
    structural = bool(kinds & {"stage", "step", "lane"})
    for change in changes:
        if change.after is None:
            if bundle.get(change.kind, change.id) is None:
                _check_not_referenced(bundle, change.kind, change.id)
        else:
            _check_entity(bundle, change.kind, change.after)
    if "stage" in kinds:
        _check_positions(bundle.stages.values(), "stages")
    if "step" in kinds:
        touched = {c.after.stage_id for c in changes if c.kind == "step" and c.after}
        touched |= {c.before.stage_id for c in changes if c.kind == "step" and c.before}
        for stage_id in touched:
            if stage_id in bundle.stages:
                _check_positions(bundle.ordered_steps(stage_id), "steps of a stage")
    if "lane" in kinds:
        _check_positions(bundle.lanes.values(), "lanes")
    if structural:
        for card in bundle.cards.values():
            _check_card(bundle, card)
    if "blueprint_line" in kinds or any(_moves_a_lane(change) for change in changes):
        check_blueprint_lines(bundle, allow_zone_override=allow_zone_override)


def _moves_a_lane(change: EntityChange) -> bool:
    """Whether a lane change can put a lane on the other side of a line.

    Renaming, hiding or showing a lane cannot, so it is never refused because a
    lane of the map was already confirmed (or imported) onto the wrong side.
    """
    if change.kind != "lane":
        return False
    if change.before is None or change.after is None:
        return True
    return (change.before.position, change.before.zone) != (
        change.after.position,
        change.after.zone,
    )


def check_bundle(bundle: MapBundle) -> None:
    """Check a whole map (imports, templates, tests)."""
    _check_entity(bundle, "map", bundle.map)
    for persona in bundle.personas.values():
        _check_entity(bundle, "persona", persona)
    for kind in CHILD_KINDS:
        for entity in bundle.collection(kind).values():
            _check_entity(bundle, kind, entity, whole=True)
    _check_one_value_per_column_everywhere(bundle)
    _check_positions(bundle.stages.values(), "stages")
    for stage in bundle.stages.values():
        _check_positions(bundle.ordered_steps(stage.id), "steps of a stage")
    _check_positions(bundle.lanes.values(), "lanes")
    check_blueprint_lines(bundle, allow_zone_override=True)
    for persona_id in [bundle.map.primary_persona_id, *bundle.map.overlay_persona_ids]:
        if persona_id is not None and persona_id not in bundle.personas:
            raise DomainError("The map names a persona that is not in the library.")


__all__ = [
    "check_blueprint_lines",
    "check_bundle",
    "check_changes",
    "check_scale",
    "misplaced_zone_lane",
    "zone_fits",
]
