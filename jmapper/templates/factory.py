"""Making new maps: from a template, derived as a future state, or duplicated.

Every function returns a complete, valid :class:`MapBundle` that the caller
stores; nothing here touches storage or the document.  Copies get fresh ids
for every map-owned entity so the copy can live in the same file as its
source.  Personas are library entities shared by maps, so copies refer to the
same persona ids rather than cloning them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import (
    CHILD_KINDS,
    BlueprintLine,
    EmotionPoint,
    JourneyMap,
    Lane,
    Persona,
    Stage,
    new_id,
)
from jmapper.model.enums import EmotionSeries, MapStatus, MapType, MetricRole, MetricScope
from jmapper.model.errors import DomainError
from jmapper.model.kinds import references
from jmapper.templates.map_types import map_type_info
from jmapper.templates.presets import StagePreset, stage_preset

#: Optional transform of a copied entity: return a list of entities to add
#: (empty to drop it, several to fan it out).
Transform = Callable[[str, Any], list[Any]]


def new_map(
    title: str,
    map_type: MapType = MapType.CURRENT_STATE,
    *,
    stage_preset: str | None = None,
    persona: Persona | None = None,
) -> MapBundle:
    """A new, empty map of ``map_type`` with its default lanes, lines and stages.

    ``stage_preset`` overrides the type's default stages (a key of
    :data:`STAGE_PRESETS`); ``persona`` becomes the primary persona and is put
    in ``bundle.personas`` so the bundle is complete on its own.
    """
    if not title.strip():
        raise DomainError("A map needs a title; type one and try again.")
    info = map_type_info(map_type)
    preset = _stage_preset(stage_preset or info.default_stage_preset)
    journey_map = JourneyMap(title=title.strip(), map_type=map_type)
    bundle = MapBundle(map=journey_map)
    for position, name in enumerate(preset.stages):
        bundle.add(Stage(map_id=journey_map.id, name=name, position=position))
    for position, spec in enumerate(info.lanes):
        bundle.add(
            Lane(
                map_id=journey_map.id,
                name=spec.name,
                kind=spec.kind,
                zone=spec.zone,
                position=position,
            )
        )
    for line in info.lines:
        bundle.add(
            BlueprintLine(
                map_id=journey_map.id, kind=line.kind, position=line.after_lanes, label=line.label
            )
        )
    if persona is not None:
        bundle.personas[persona.id] = persona
        journey_map.primary_persona_id = persona.id
    return bundle


def _stage_preset(key: str) -> StagePreset:
    try:
        return stage_preset(key)
    except ValueError as error:
        raise DomainError(str(error)) from None


def derive_future_state(source: MapBundle, title: str | None = None) -> MapBundle:
    """A future-state map derived from ``source``, ready for the to-be design.

    The structure and cards are copied so the two maps line up column for
    column; the source's as-is emotions come along as the as-is series plus an
    identical to-be series for the user to reshape.  Opportunities are the
    source's findings, not part of the target experience, so they (and the
    evidence and comments about them) stay behind.  Today's measured values
    become the new map's baselines; targets carry over.
    """

    def transform(kind: str, entity: Any) -> list[Any]:
        if kind in ("opportunity", "comment"):
            return []
        if kind == "emotion_point":
            if entity.series is EmotionSeries.TO_BE:
                return []
            if entity.series is EmotionSeries.AS_IS:
                to_be = copy.deepcopy(entity)
                to_be.id = new_id()
                to_be.series = EmotionSeries.TO_BE
                return [entity, to_be]
        if kind == "metric_value" and entity.role is MetricRole.ACTUAL:
            entity.role = MetricRole.BASELINE
        return [entity]

    journey_map = _copy_map_fields(source.map, title or f"{source.map.title} (future state)")
    journey_map.map_type = MapType.FUTURE_STATE
    journey_map.derived_from_id = source.map.id
    return _clone(source, journey_map, transform)


def duplicate_map(source: MapBundle, title: str) -> MapBundle:
    """A full copy of ``source`` under a new title: same type, fresh ids, no derived link.

    The copy starts as a draft with no review dates, because nobody has
    reviewed it yet.
    """
    journey_map = _copy_map_fields(source.map, title)
    return _clone(source, journey_map, lambda kind, entity: [entity])


def _copy_map_fields(source: JourneyMap, title: str) -> JourneyMap:
    if not title.strip():
        raise DomainError("A map needs a title; type one and try again.")
    journey_map = copy.deepcopy(source)
    journey_map.id = new_id()
    journey_map.title = title.strip()
    journey_map.status = MapStatus.DRAFT
    journey_map.version_label = ""
    journey_map.last_reviewed = None
    journey_map.next_review = None
    journey_map.derived_from_id = None
    journey_map.created = ""
    return journey_map


def _clone(source: MapBundle, journey_map: JourneyMap, transform: Transform) -> MapBundle:
    """Copy every child entity of ``source`` onto ``journey_map`` with fresh ids.

    Entities are copied in dependency order; one whose reference points at
    something not copied (e.g. evidence about a dropped opportunity) is dropped
    too, so the result never dangles.
    """
    ids: dict[str, str] = {source.map.id: journey_map.id}
    bundle = MapBundle(map=journey_map, personas=dict(source.personas))
    for kind in CHILD_KINDS:
        for old_id in source.collection(kind):
            ids[old_id] = new_id()
    for kind in CHILD_KINDS:
        for old_id, original in source.collection(kind).items():
            entity = copy.deepcopy(original)
            entity.id = ids[old_id]
            entity.map_id = journey_map.id
            if not _remap(kind, entity, ids, bundle):
                continue
            for result in transform(kind, entity):
                result.map_id = journey_map.id
                bundle.add(result)
    _drop_orphans(bundle)
    return bundle


def _remap(kind: str, entity: Any, ids: dict[str, str], bundle: MapBundle) -> bool:
    """Point ``entity``'s references at the copies; False if one has no copy.

    Persona references stay: personas are shared by maps, not copied.
    """
    owned = [ref for ref in references(kind) if ref.target != "persona"]
    for ref in (r for r in owned if not r.many):
        value = getattr(entity, ref.attribute)
        if value is None:
            continue
        if value not in ids:
            return False
        setattr(entity, ref.attribute, ids[value])
    for ref in (r for r in owned if r.many):
        setattr(entity, ref.attribute, [ids[v] for v in getattr(entity, ref.attribute) if v in ids])
    if kind == "metric_value" and entity.scope is MetricScope.MAP:
        entity.scope_id = entity.scope_id and bundle.map.id
    return True


def _drop_orphans(bundle: MapBundle) -> None:
    """Remove evidence and comments whose target was not copied."""
    present: dict[str, set[str]] = {kind: set(bundle.collection(kind)) for kind in CHILD_KINDS}
    for kind in ("evidence_item", "comment"):
        for entity_id, entity in list(bundle.collection(kind).items()):
            target_kind = entity.target_kind.value
            if entity.target_id is None:
                continue
            if target_kind == "map":
                continue
            if entity.target_id not in present[target_kind]:
                bundle.put(kind, entity_id, None)


def personas_of(bundle: MapBundle) -> list[Persona]:
    """The personas the map shows: primary first, then the overlays."""
    wanted = [bundle.map.primary_persona_id, *bundle.map.overlay_persona_ids]
    return [bundle.personas[p] for p in wanted if p is not None and p in bundle.personas]


def emotion_series(
    bundle: MapBundle, persona_id: str | None, series: EmotionSeries
) -> dict[tuple[str, str | None], EmotionPoint]:
    """One persona's emotion points of one series, keyed by (stage id, step id)."""
    return {
        (p.stage_id, p.step_id): p
        for p in bundle.emotion_points.values()
        if p.persona_id == persona_id and p.series is series
    }


__all__ = ["derive_future_state", "duplicate_map", "emotion_series", "new_map", "personas_of"]
