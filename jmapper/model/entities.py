"""The journey-map entities as plain dataclasses (stdlib only).

Every entity has an ``id`` (uuid4 hex, made here, never ``id()``) and, except
library-level personas, the ``map_id`` of the map it belongs to.  A *column*
of the map grid is a step, or a stage that has no steps; entities placed on
the grid therefore carry ``stage_id`` plus an optional ``step_id``.

The classes are deliberately dumb: invariants live in :mod:`invariants`, edits
that keep them in :mod:`edits`, and serialisation in :mod:`codec`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

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


def new_id() -> str:
    """A fresh entity id: uuid4 as 32 lowercase hex digits."""
    return uuid.uuid4().hex


@dataclass
class EmotionScale:
    """The scale a map's emotion values live on; values are whole numbers."""

    kind: EmotionScaleKind = EmotionScaleKind.MINUS2_PLUS2
    minimum: int = -2
    maximum: int = 2
    labels: list[str] = field(default_factory=list)

    @property
    def neutral(self) -> float:
        """The midline value: faces above it smile, below it frown."""
        return (self.minimum + self.maximum) / 2

    @property
    def values(self) -> list[int]:
        return list(range(self.minimum, self.maximum + 1))

    def label_for(self, value: int) -> str:
        """The label of ``value`` if the scale names its points, else ''."""
        index = value - self.minimum
        if 0 <= index < len(self.labels):
            return self.labels[index]
        return ""

    @classmethod
    def preset(cls, kind: EmotionScaleKind) -> EmotionScale:
        bounds = {
            EmotionScaleKind.MINUS2_PLUS2: (-2, 2),
            EmotionScaleKind.ONE_TO_FIVE: (1, 5),
            EmotionScaleKind.ZERO_TO_FIVE: (0, 5),
            EmotionScaleKind.CUSTOM: (-2, 2),
        }[kind]
        return cls(kind=kind, minimum=bounds[0], maximum=bounds[1])


@dataclass
class Persona:
    """A specific customer segment, kept in the library and reused by maps."""

    id: str = field(default_factory=new_id)
    name: str = ""
    role: str = ""
    description: str = ""
    goals: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    pain_points: list[str] = field(default_factory=list)
    preferred_channels: list[Channel] = field(default_factory=list)
    quote: str = ""
    photo: str = ""  # base64 image data, or '' for none
    colour: str = "#0072B2"
    research_based: bool = False


@dataclass
class JourneyMap:
    """A map's own fields; its stages, lanes and cards live beside it."""

    id: str = field(default_factory=new_id)
    title: str = ""
    map_type: MapType = MapType.CURRENT_STATE
    scenario: str = ""
    expectations: str = ""
    goal: str = ""
    scope_start: str = ""
    scope_end: str = ""
    status: MapStatus = MapStatus.DRAFT
    version_label: str = ""
    author: str = ""
    organisation: str = ""
    last_reviewed: date | None = None
    next_review: date | None = None
    derived_from_id: str | None = None
    primary_persona_id: str | None = None
    overlay_persona_ids: list[str] = field(default_factory=list)
    emotion_scale: EmotionScale = field(default_factory=EmotionScale)
    created: str = ""  # ISO timestamp, set when the map is first stored
    # months between reviews; None is the default cadence, a quarter (docs/domain.md)
    review_cadence_months: int | None = None


@dataclass
class Stage:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    name: str = ""
    description: str = ""
    position: int = 0
    data_sources: list[str] = field(default_factory=list)


@dataclass
class Step:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    stage_id: str = ""
    name: str = ""
    description: str = ""
    position: int = 0
    duration: str = ""  # "time per step" as the user writes it, e.g. "2 days"


@dataclass
class Lane:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    name: str = ""
    kind: LaneKind = LaneKind.TEXT
    zone: BlueprintZone = BlueprintZone.NONE
    visible: bool = True
    position: int = 0


@dataclass
class BlueprintLine:
    """A full-width rule drawn after the first ``position`` lanes."""

    id: str = field(default_factory=new_id)
    map_id: str = ""
    kind: BlueprintLineKind = BlueprintLineKind.VISIBILITY
    position: int = 0
    label: str = ""


@dataclass
class Card:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    lane_id: str = ""
    stage_id: str = ""
    step_id: str | None = None
    span: int = 1
    position: int = 0  # order within its cell, top to bottom
    title: str = ""
    description: str = ""
    channel: Channel | None = None
    owner: str = ""
    evidence_level: EvidenceLevel | None = None
    data_source: str = ""
    quote: str = ""
    failure_point: bool = False
    pain_severity: int | None = None  # 0-4, Nielsen
    pain_volume: int | None = None
    pain_volume_period: str = ""
    pain_persistence: PainPersistence | None = None
    colour: str = ""


@dataclass
class EmotionPoint:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    stage_id: str = ""
    step_id: str | None = None
    persona_id: str | None = None
    series: EmotionSeries = EmotionSeries.AS_IS
    value: int = 0
    note: str = ""


@dataclass
class MomentOfTruth:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    stage_id: str = ""
    step_id: str | None = None
    title: str = ""
    description: str = ""


@dataclass
class Opportunity:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    title: str = ""
    description: str = ""
    lane_id: str | None = None
    stage_id: str | None = None
    step_id: str | None = None
    pain_card_ids: list[str] = field(default_factory=list)
    step_ids: list[str] = field(default_factory=list)
    impact: int | None = None  # 1-5
    feasibility: int | None = None  # 1-5
    effort: float | None = None  # person-months, for RICE
    volume: int | None = None
    severity: int | None = None  # 0-4
    reach: int | None = None
    confidence: float | None = None  # 0-1, for RICE
    owner: str = ""
    metric: str = ""
    baseline: str = ""
    target: str = ""
    due_date: date | None = None
    status: OpportunityStatus = OpportunityStatus.IDEA
    votes: int = 0  # dot votes from a workshop (0 or more)


@dataclass
class MetricDefinition:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    kind: MetricKind = MetricKind.CUSTOM
    name: str = ""
    unit: str = ""
    description: str = ""
    csat_mode: CsatMode | None = None
    repeat_window_days: int | None = None


@dataclass
class MetricValue:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    metric_id: str = ""
    scope: MetricScope = MetricScope.MAP
    scope_id: str | None = None
    period: str = ""
    sample_size: int | None = None
    source: MetricSource = MetricSource.MANUAL
    role: MetricRole = MetricRole.ACTUAL
    value: float | None = None
    raw_counts: dict[str, int] = field(default_factory=dict)


@dataclass
class CardLink:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    source_card_id: str = ""
    target_card_id: str = ""
    direction: LinkDirection = LinkDirection.ONE_WAY
    link_type: LinkType = LinkType.HANDOFF
    label: str = ""


@dataclass
class EvidenceItem:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    kind: EvidenceKind = EvidenceKind.OTHER
    title: str = ""
    source: str = ""
    url: str = ""
    notes: str = ""
    collected: date | None = None
    target_kind: TargetKind = TargetKind.MAP
    target_id: str | None = None
    level: EvidenceLevel | None = None  # how strong it is, as a card's evidence level


@dataclass
class Comment:
    id: str = field(default_factory=new_id)
    map_id: str = ""
    target_kind: TargetKind = TargetKind.MAP
    target_id: str | None = None
    author: str = ""
    text: str = ""
    created: str = ""
    resolved: bool = False


@dataclass
class Dismissal:
    """A health finding the team has decided to live with, and why.

    It names the finding by rule and target (the finding's ``key``), so the
    same problem stays dismissed while a new one of the same rule elsewhere
    is still reported.  The reason is required: a dismissal is a decision.
    """

    id: str = field(default_factory=new_id)
    map_id: str = ""
    rule_id: str = ""
    target_kind: str = "map"
    target_id: str = ""
    reason: str = ""
    created: str = ""  # ISO timestamp of when it was dismissed

    @property
    def key(self) -> str:
        """The dismissed finding's key ('rule:kind:id')."""
        return f"{self.rule_id}:{self.target_kind}:{self.target_id}"


@dataclass
class Snapshot:
    """A named version of a map: the user's save point (payload is JSON)."""

    id: str = field(default_factory=new_id)
    map_id: str = ""
    name: str = ""
    created: str = ""
    payload: str = ""


Entity = (
    Persona
    | JourneyMap
    | Stage
    | Step
    | Lane
    | BlueprintLine
    | Card
    | EmotionPoint
    | MomentOfTruth
    | Opportunity
    | MetricDefinition
    | MetricValue
    | CardLink
    | EvidenceItem
    | Comment
    | Dismissal
)

#: Kind name -> class, for every entity that a map bundle holds in a collection.
#: The order is dependency order: parents before children (inserts follow it,
#: deletes go in reverse).
CHILD_KINDS: dict[str, type] = {
    "stage": Stage,
    "step": Step,
    "lane": Lane,
    "blueprint_line": BlueprintLine,
    "card": Card,
    "emotion_point": EmotionPoint,
    "moment_of_truth": MomentOfTruth,
    "opportunity": Opportunity,
    "metric_definition": MetricDefinition,
    "metric_value": MetricValue,
    "card_link": CardLink,
    "evidence_item": EvidenceItem,
    "comment": Comment,
    "dismissal": Dismissal,
}

#: Every kind an edit can touch, with the class that stores it.
ENTITY_KINDS: dict[str, type] = {"persona": Persona, "map": JourneyMap, **CHILD_KINDS}

KIND_OF_CLASS: dict[type, str] = {cls: kind for kind, cls in ENTITY_KINDS.items()}


def kind_of(entity: object) -> str:
    """The kind name of an entity instance ('card', 'stage', ...)."""
    return KIND_OF_CLASS[type(entity)]
