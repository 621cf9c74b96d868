"""Small hand-built maps for tests that need a known grid."""

from __future__ import annotations

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import (
    BlueprintLine,
    Card,
    JourneyMap,
    Lane,
    Persona,
    Stage,
    Step,
)
from jmapper.model.enums import BlueprintLineKind, BlueprintZone, LaneKind, MapType


def small_map(title: str = "Small map") -> MapBundle:
    """Two stages (the first with two steps, the second with none), three lanes, four cards.

    Columns: 0 = Before/Search, 1 = Before/Compare, 2 = During.
    """
    persona = Persona(name="Priya", role="Commuter")
    journey_map = JourneyMap(title=title, primary_persona_id=persona.id)
    bundle = MapBundle(map=journey_map)
    bundle.add(persona)
    m = journey_map.id
    before = Stage(map_id=m, name="Before", position=0)
    during = Stage(map_id=m, name="During", position=1)
    search = Step(map_id=m, stage_id=before.id, name="Search", position=0)
    compare = Step(map_id=m, stage_id=before.id, name="Compare", position=1)
    actions = Lane(map_id=m, name="Actions", kind=LaneKind.CUSTOMER_ACTIONS, position=0)
    touch = Lane(map_id=m, name="Touchpoints", kind=LaneKind.TOUCHPOINTS, position=1)
    emotions = Lane(map_id=m, name="Emotions", kind=LaneKind.EMOTIONS, position=2)
    for entity in (before, during, search, compare, actions, touch, emotions):
        bundle.add(entity)
    bundle.add(
        Card(
            map_id=m,
            lane_id=actions.id,
            stage_id=before.id,
            step_id=search.id,
            title="Search the web",
            position=0,
        )
    )
    bundle.add(
        Card(
            map_id=m,
            lane_id=actions.id,
            stage_id=before.id,
            step_id=search.id,
            title="Ask a friend",
            position=1,
        )
    )
    bundle.add(
        Card(
            map_id=m,
            lane_id=touch.id,
            stage_id=before.id,
            step_id=search.id,
            title="Comparison site",
            span=2,
            position=0,
        )
    )
    bundle.add(
        Card(
            map_id=m,
            lane_id=actions.id,
            stage_id=during.id,
            step_id=None,
            title="Call the helpline",
            position=0,
        )
    )
    return bundle


def blueprint_map() -> MapBundle:
    """A service blueprint with the four zones and the three lines in place."""
    journey_map = JourneyMap(title="Blueprint", map_type=MapType.SERVICE_BLUEPRINT)
    bundle = MapBundle(map=journey_map)
    m = journey_map.id
    bundle.add(Stage(map_id=m, name="Contact", position=0))
    lanes = [
        ("Physical evidence", LaneKind.PHYSICAL_EVIDENCE, BlueprintZone.CUSTOMER),
        ("Customer actions", LaneKind.CUSTOMER_ACTIONS, BlueprintZone.CUSTOMER),
        ("Frontstage", LaneKind.FRONTSTAGE, BlueprintZone.FRONTSTAGE),
        ("Backstage", LaneKind.BACKSTAGE, BlueprintZone.BACKSTAGE),
        ("Support processes", LaneKind.SUPPORT_PROCESSES, BlueprintZone.SUPPORT),
    ]
    for index, (name, kind, zone) in enumerate(lanes):
        bundle.add(Lane(map_id=m, name=name, kind=kind, zone=zone, position=index))
    bundle.add(BlueprintLine(map_id=m, kind=BlueprintLineKind.INTERACTION, position=2))
    bundle.add(BlueprintLine(map_id=m, kind=BlueprintLineKind.VISIBILITY, position=3))
    bundle.add(BlueprintLine(map_id=m, kind=BlueprintLineKind.INTERNAL_INTERACTION, position=4))
    return bundle


def lane_named(bundle: MapBundle, name: str) -> Lane:
    return next(lane for lane in bundle.lanes.values() if lane.name == name)


def stage_named(bundle: MapBundle, name: str) -> Stage:
    return next(stage for stage in bundle.stages.values() if stage.name == name)


def step_named(bundle: MapBundle, name: str) -> Step:
    return next(step for step in bundle.steps.values() if step.name == name)


def card_titled(bundle: MapBundle, title: str) -> Card:
    return next(card for card in bundle.cards.values() if card.title == title)
