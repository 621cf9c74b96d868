"""Builders for storage tests: a bundle with every field set, and file digests.

``full_bundle`` fills every field of every entity kind with a non-default
value, so a column that storage forgot or mangled shows up as inequality.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import (
    BlueprintLine,
    Card,
    CardLink,
    Comment,
    Dismissal,
    EmotionPoint,
    EmotionScale,
    EvidenceItem,
    JourneyMap,
    Lane,
    MetricDefinition,
    MetricValue,
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
    CsatMode,
    EmotionScaleKind,
    EmotionSeries,
    EvidenceKind,
    EvidenceLevel,
    LaneKind,
    LinkDirection,
    LinkType,
    MapStatus,
    MapType,
    MetricKind,
    MetricRole,
    MetricScope,
    MetricSource,
    OpportunityStatus,
    PainPersistence,
    TargetKind,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def full_bundle(title: str = "Order a gift — “express”") -> MapBundle:
    """A map with every entity kind present and every field set away from its default."""
    primary = Persona(
        name="Priya",
        role="Gift buyer",
        description="Buys presents online, late.",
        goals=["On time", "Nice wrapping"],
        needs=["Tracking"],
        pain_points=["Vague dates"],
        preferred_channels=[Channel.APP, Channel.EMAIL],
        quote="Will it arrive?",
        photo="aGVsbG8=",
        colour="#D55E00",
        research_based=True,
    )
    overlay = Persona(name="Omar", role="Recipient", colour="#009E73")
    journey = JourneyMap(
        title=title,
        map_type=MapType.SERVICE_BLUEPRINT,
        scenario="Buying a birthday gift",
        expectations="Arrives by Friday",
        goal="Happy recipient",
        scope_start="Search",
        scope_end="Unboxing",
        status=MapStatus.IN_REVIEW,
        version_label="v3",
        author="Ana",
        organisation="Acme",
        last_reviewed=date(2024, 5, 1),
        next_review=date(2024, 11, 1),
        derived_from_id="0" * 32,
        primary_persona_id=primary.id,
        overlay_persona_ids=[overlay.id],
        emotion_scale=EmotionScale(
            kind=EmotionScaleKind.ONE_TO_FIVE, minimum=1, maximum=5, labels=list("abcde")
        ),
        created="2024-04-01T10:00:00",
        review_cadence_months=6,
    )
    m = journey.id
    bundle = MapBundle(map=journey, personas={primary.id: primary, overlay.id: overlay})
    stage = Stage(map_id=m, name="Buy", description="Checkout", position=1, data_sources=["GA"])
    step = Step(
        map_id=m, stage_id=stage.id, name="Pay", description="Card", position=2, duration="2 min"
    )
    lane = Lane(
        map_id=m,
        name="Front",
        kind=LaneKind.FRONTSTAGE,
        zone=BlueprintZone.FRONTSTAGE,
        visible=False,
        position=3,
    )
    line = BlueprintLine(map_id=m, kind=BlueprintLineKind.INTERACTION, position=1, label="LoI")
    card = Card(
        map_id=m,
        lane_id=lane.id,
        stage_id=stage.id,
        step_id=step.id,
        span=2,
        position=4,
        title="Payment fails",
        description="3DS loop",
        channel=Channel.WEB,
        owner="Payments",
        evidence_level=EvidenceLevel.QUANTITATIVE,
        data_source="Tickets",
        quote="Argh",
        failure_point=True,
        pain_severity=3,
        pain_volume=120,
        pain_volume_period="week",
        pain_persistence=PainPersistence.RECURRING,
        colour="#CC79A7",
    )
    other = Card(map_id=m, lane_id=lane.id, stage_id=stage.id, title="Retry")
    point = EmotionPoint(
        map_id=m,
        stage_id=stage.id,
        step_id=step.id,
        persona_id=overlay.id,
        series=EmotionSeries.TO_BE,
        value=4,
        note="relieved",
    )
    moment = MomentOfTruth(
        map_id=m, stage_id=stage.id, step_id=step.id, title="Pay", description="Stay or go"
    )
    opportunity = Opportunity(
        map_id=m,
        title="Fix 3DS",
        description="Skip loop",
        lane_id=lane.id,
        stage_id=stage.id,
        step_id=step.id,
        pain_card_ids=[card.id],
        step_ids=[step.id],
        impact=5,
        feasibility=3,
        effort=1.5,
        volume=100,
        severity=4,
        reach=1000,
        confidence=0.8,
        owner="Lee",
        metric="Conversion",
        baseline="60%",
        target="80%",
        due_date=date(2025, 1, 31),
        status=OpportunityStatus.IN_PROGRESS,
        votes=7,
    )
    definition = MetricDefinition(
        map_id=m,
        kind=MetricKind.CSAT,
        name="CSAT",
        unit="%",
        description="Post-purchase survey",
        csat_mode=CsatMode.MEAN,
        repeat_window_days=7,
    )
    value = MetricValue(
        map_id=m,
        metric_id=definition.id,
        scope=MetricScope.STEP,
        scope_id=step.id,
        period="2024-Q1",
        sample_size=321,
        source=MetricSource.SURVEY,
        role=MetricRole.TARGET,
        value=4.25,
        raw_counts={"1": 3, "5": 40},
    )
    link = CardLink(
        map_id=m,
        source_card_id=card.id,
        target_card_id=other.id,
        direction=LinkDirection.TWO_WAY,
        link_type=LinkType.DATA,
        label="retry",
    )
    evidence = EvidenceItem(
        map_id=m,
        kind=EvidenceKind.INTERVIEW,
        title="Interview 4",
        source="Research",
        url="https://example.com/4",
        notes="Quote on p.2",
        collected=date(2024, 3, 3),
        target_kind=TargetKind.CARD,
        target_id=card.id,
        level=EvidenceLevel.QUALITATIVE,
    )
    comment = Comment(
        map_id=m,
        target_kind=TargetKind.STEP,
        target_id=step.id,
        author="Sam",
        text="Check with ops — ünïcode ✓",
        created="2024-04-02T09:00:00",
        resolved=True,
    )
    dismissal = Dismissal(
        map_id=m,
        rule_id="stage-without-evidence",
        target_kind="stage",
        target_id=stage.id,
        reason="Backed by the brand study — kept elsewhere",
        created="2024-04-03T11:00:00",
    )
    for entity in (
        stage, step, lane, line, card, other, point, moment, opportunity,
        definition, value, link, evidence, comment, dismissal,
    ):  # fmt: skip
        bundle.add(entity)
    return bundle
