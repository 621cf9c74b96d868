"""Maps built by hand for layout and export tests (independent of the sample set)."""

from __future__ import annotations

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import (
    BlueprintLine,
    Card,
    CardLink,
    EmotionPoint,
    JourneyMap,
    Lane,
    MomentOfTruth,
    Opportunity,
    Persona,
    Stage,
    Step,
)
from jmapper.model.enums import (
    BlueprintLineKind,
    BlueprintZone,
    Channel,
    EmotionSeries,
    EvidenceLevel,
    LaneKind,
    LinkDirection,
    MapType,
)


def make_map(
    map_type: MapType = MapType.CURRENT_STATE,
    *,
    stages: int = 3,
    steps_per_stage: int = 2,
    title: str = "Test map",
) -> MapBundle:
    """A small but complete map: every lane kind the type needs, cards, emotion, links."""
    persona = Persona(name="Priya, first-time buyer", colour="#0072B2")
    overlay = Persona(name="Sam, switcher", colour="#D55E00")
    jm = JourneyMap(
        title=title,
        map_type=map_type,
        scenario="Buys a gift online",
        primary_persona_id=persona.id,
        overlay_persona_ids=[overlay.id],
        author="A. Author",
        organisation="Acme Consulting",
        version_label="1.2",
    )
    bundle = MapBundle(map=jm)
    bundle.personas[persona.id] = persona
    bundle.personas[overlay.id] = overlay
    for i in range(stages):
        stage = Stage(map_id=jm.id, name=f"Stage {i + 1}", position=i)
        bundle.add(stage)
        for j in range(steps_per_stage):
            bundle.add(
                Step(map_id=jm.id, stage_id=stage.id, name=f"Step {i + 1}.{j + 1}", position=j)
            )
    if map_type is MapType.SERVICE_BLUEPRINT:
        kinds = [
            (LaneKind.EMOTIONS, BlueprintZone.NONE),
            (LaneKind.PHYSICAL_EVIDENCE, BlueprintZone.CUSTOMER),
            (LaneKind.CUSTOMER_ACTIONS, BlueprintZone.CUSTOMER),
            (LaneKind.FRONTSTAGE, BlueprintZone.FRONTSTAGE),
            (LaneKind.BACKSTAGE, BlueprintZone.BACKSTAGE),
            (LaneKind.SUPPORT_PROCESSES, BlueprintZone.SUPPORT),
        ]
    else:
        kinds = [
            (k, BlueprintZone.NONE)
            for k in (
                LaneKind.CUSTOMER_ACTIONS,
                LaneKind.TOUCHPOINTS,
                LaneKind.THOUGHTS,
                LaneKind.EMOTIONS,
                LaneKind.PAIN_POINTS,
                LaneKind.OPPORTUNITIES,
                LaneKind.MOMENTS_OF_TRUTH,
            )
        ]
    lanes = []
    for position, (kind, zone) in enumerate(kinds):
        lane = Lane(map_id=jm.id, name=kind.label, kind=kind, zone=zone, position=position)
        bundle.add(lane)
        lanes.append(lane)
    if map_type is MapType.SERVICE_BLUEPRINT:
        for kind, pos in (
            (BlueprintLineKind.INTERACTION, 3),
            (BlueprintLineKind.VISIBILITY, 4),
            (BlueprintLineKind.INTERNAL_INTERACTION, 5),
        ):
            bundle.add(BlueprintLine(map_id=jm.id, kind=kind, position=pos))
    columns = bundle.columns()
    channels = list(Channel)
    values = [-2, -1, 0, 1, 2, 1, -1, 0, 2, -2]
    card_ids = []
    for lane in lanes:
        if lane.kind in (LaneKind.EMOTIONS, LaneKind.OPPORTUNITIES, LaneKind.MOMENTS_OF_TRUTH):
            continue
        for column in columns:
            card = Card(
                map_id=jm.id,
                lane_id=lane.id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                title=f"{lane.kind.label} card {column.index + 1}",
                description="Short description of what happens here.",
                channel=channels[column.index % len(channels)]
                if lane.kind is LaneKind.TOUCHPOINTS
                else None,
                pain_severity=3 if lane.kind is LaneKind.PAIN_POINTS else None,
                failure_point=lane.kind is LaneKind.FRONTSTAGE and column.index == 1,
                evidence_level=EvidenceLevel.QUALITATIVE
                if lane.kind is LaneKind.PAIN_POINTS
                else None,
            )
            bundle.add(card)
            card_ids.append(card.id)
    for column in columns:
        value = values[column.index % len(values)]
        bundle.add(
            EmotionPoint(
                map_id=jm.id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                persona_id=persona.id,
                value=value,
            )
        )
        bundle.add(
            EmotionPoint(
                map_id=jm.id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                persona_id=overlay.id,
                value=max(-2, value - 1),
            )
        )
        if map_type is MapType.FUTURE_STATE:
            bundle.add(
                EmotionPoint(
                    map_id=jm.id,
                    stage_id=column.stage_id,
                    step_id=column.step_id,
                    persona_id=persona.id,
                    series=EmotionSeries.TO_BE,
                    value=min(2, value + 1),
                )
            )
    first = columns[1]
    bundle.add(
        MomentOfTruth(
            map_id=jm.id, stage_id=first.stage_id, step_id=first.step_id, title="Parcel arrives"
        )
    )
    opp_lane = next((ln for ln in lanes if ln.kind is LaneKind.OPPORTUNITIES), None)
    bundle.add(
        Opportunity(
            map_id=jm.id,
            title="Proactive delay SMS",
            impact=4,
            feasibility=4,
            owner="Ops lead",
            metric="Repeat contacts",
            baseline="18%",
            target="9%",
            lane_id=opp_lane.id if opp_lane else None,
            stage_id=first.stage_id,
            step_id=first.step_id,
        )
    )
    bundle.add(Opportunity(map_id=jm.id, title="Rebuild checkout", impact=5, feasibility=1))
    bundle.add(
        CardLink(map_id=jm.id, source_card_id=card_ids[0], target_card_id=card_ids[len(columns)])
    )
    bundle.add(
        CardLink(
            map_id=jm.id,
            source_card_id=card_ids[len(columns) + 1],
            target_card_id=card_ids[2 * len(columns) + 1],
            direction=LinkDirection.TWO_WAY,
        )
    )
    return bundle
