"""A small fluent helper for writing maps in code (the samples, tests, scripts).

It keeps the bookkeeping a hand-written map gets wrong: map ids, positions in
a cell, contiguous step positions, blueprint lines moving when a lane is
inserted above them, and metric values whose number agrees with their raw
counts.  It only adds entities; :func:`check_bundle` still has the last word.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import (
    Card,
    CardLink,
    Comment,
    EmotionPoint,
    EvidenceItem,
    Lane,
    MetricDefinition,
    MetricValue,
    MomentOfTruth,
    Opportunity,
    Persona,
    Stage,
    Step,
    kind_of,
)
from jmapper.model.enums import (
    BlueprintZone,
    CsatMode,
    EmotionSeries,
    EvidenceKind,
    LaneKind,
    LinkDirection,
    LinkType,
    MetricKind,
    MetricRole,
    MetricScope,
    MetricSource,
    TargetKind,
)

Place = Stage | Step
Target = Stage | Step | Lane | Card | Opportunity | None


class MapBuilder:
    """Adds entities to ``bundle`` with the map id and positions filled in."""

    def __init__(self, bundle: MapBundle) -> None:
        self.bundle = bundle

    @property
    def map_id(self) -> str:
        return self.bundle.map.id

    # -- structure ------------------------------------------------------------
    def stage(self, name: str) -> Stage:
        """The stage called ``name`` (templates create stages from presets)."""
        for stage in self.bundle.stages.values():
            if stage.name == name:
                return stage
        raise KeyError(name)

    def replace_stages(self, *names: str) -> list[Stage]:
        """Swap the preset's stages for ``names`` (only on a map with nothing placed yet)."""
        if self.bundle.steps or self.bundle.cards or self.bundle.emotion_points:
            raise ValueError("stages can only be replaced before anything is placed on them")
        for stage_id in list(self.bundle.stages):
            self.bundle.put("stage", stage_id, None)
        stages = [Stage(map_id=self.map_id, name=name, position=i) for i, name in enumerate(names)]
        for stage in stages:
            self.bundle.add(stage)
        return stages

    def describe_stage(self, stage: Stage, description: str, *data_sources: str) -> Stage:
        stage.description = description
        stage.data_sources = list(data_sources)
        return stage

    def step(self, stage: Stage, name: str, duration: str = "", description: str = "") -> Step:
        """A new step at the end of ``stage``."""
        position = len(self.bundle.ordered_steps(stage.id))
        step = Step(
            map_id=self.map_id,
            stage_id=stage.id,
            name=name,
            description=description,
            position=position,
            duration=duration,
        )
        self.bundle.add(step)
        return step

    def lane(self, kind: LaneKind) -> Lane:
        """The topmost lane of ``kind``."""
        for lane in self.bundle.ordered_lanes():
            if lane.kind is kind:
                return lane
        raise KeyError(kind)

    def insert_lane(
        self, position: int, name: str, kind: LaneKind, zone: BlueprintZone = BlueprintZone.NONE
    ) -> Lane:
        """A lane at ``position``; lanes and blueprint lines below it move down."""
        for lane in self.bundle.lanes.values():
            if lane.position >= position:
                lane.position += 1
        for line in self.bundle.blueprint_lines.values():
            if line.position > position or (position == 0 and line.position == 0):
                line.position += 1
        lane = Lane(map_id=self.map_id, name=name, kind=kind, zone=zone, position=position)
        self.bundle.add(lane)
        return lane

    def append_lane(self, name: str, kind: LaneKind) -> Lane:
        """A lane below all the others (and below every blueprint line)."""
        return self.insert_lane(len(self.bundle.lanes), name, kind)

    # -- content --------------------------------------------------------------
    def card(
        self, lane: LaneKind | Lane, where: Place, title: str, description: str = "", **fields: Any
    ) -> Card:
        """A card at the bottom of the (lane, column) cell; ``fields`` are Card fields."""
        lane_obj = lane if isinstance(lane, Lane) else self.lane(lane)
        stage_id, step_id = _place(where)
        position = len(self.bundle.cards_in_cell(lane_obj.id, stage_id, step_id))
        card = Card(
            map_id=self.map_id,
            lane_id=lane_obj.id,
            stage_id=stage_id,
            step_id=step_id,
            position=position,
            title=title,
            description=description,
            **fields,
        )
        self.bundle.add(card)
        return card

    def emotions(
        self,
        persona: Persona,
        values: list[int],
        series: EmotionSeries = EmotionSeries.AS_IS,
        notes: dict[int, str] | None = None,
    ) -> list[EmotionPoint]:
        """One value per grid column, left to right, for ``persona``."""
        columns = self.bundle.columns()
        if len(values) != len(columns):
            raise ValueError(f"{len(values)} emotion values for {len(columns)} columns")
        points = []
        for column, value in zip(columns, values, strict=True):
            point = EmotionPoint(
                map_id=self.map_id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                persona_id=persona.id,
                series=series,
                value=value,
                note=(notes or {}).get(column.index, ""),
            )
            self.bundle.add(point)
            points.append(point)
        return points

    def moment(self, where: Place, title: str, description: str = "") -> MomentOfTruth:
        stage_id, step_id = _place(where)
        moment = MomentOfTruth(
            map_id=self.map_id,
            stage_id=stage_id,
            step_id=step_id,
            title=title,
            description=description,
        )
        self.bundle.add(moment)
        return moment

    def opportunity(
        self,
        title: str,
        *,
        where: Place | None = None,
        pains: tuple[Card, ...] = (),
        **fields: Any,
    ) -> Opportunity:
        """An opportunity in the opportunities lane (if the map has one)."""
        stage_id, step_id = _place(where) if where is not None else (None, None)
        lane_id = next(
            (
                lane.id
                for lane in self.bundle.ordered_lanes()
                if lane.kind is LaneKind.OPPORTUNITIES
            ),
            None,
        )
        opp = Opportunity(
            map_id=self.map_id,
            title=title,
            lane_id=lane_id,
            stage_id=stage_id,
            step_id=step_id,
            pain_card_ids=[card.id for card in pains],
            **fields,
        )
        self.bundle.add(opp)
        return opp

    def link(
        self,
        source: Card,
        target: Card,
        direction: LinkDirection = LinkDirection.ONE_WAY,
        link_type: LinkType = LinkType.HANDOFF,
        label: str = "",
    ) -> CardLink:
        link = CardLink(
            map_id=self.map_id,
            source_card_id=source.id,
            target_card_id=target.id,
            direction=direction,
            link_type=link_type,
            label=label,
        )
        self.bundle.add(link)
        return link

    # -- metrics --------------------------------------------------------------
    def metric(
        self, kind: MetricKind, name: str, unit: str = "", description: str = "", **fields: Any
    ) -> MetricDefinition:
        definition = MetricDefinition(
            map_id=self.map_id,
            kind=kind,
            name=name,
            unit=unit,
            description=description,
            **fields,
        )
        self.bundle.add(definition)
        return definition

    def value(
        self,
        metric: MetricDefinition,
        value: float | None,
        *,
        role: MetricRole,
        period: str,
        source: MetricSource,
        sample_size: int | None = None,
        scope: Stage | Step | Card | None = None,
        raw_counts: dict[str, int] | None = None,
    ) -> MetricValue:
        """A value of ``metric`` for the whole map or one stage, step or card."""
        if scope is None:
            scope_kind, scope_id = MetricScope.MAP, None
        else:
            scope_kind, scope_id = MetricScope(kind_of(scope)), scope.id
        metric_value = MetricValue(
            map_id=self.map_id,
            metric_id=metric.id,
            scope=scope_kind,
            scope_id=scope_id,
            period=period,
            sample_size=sample_size,
            source=source,
            role=role,
            value=value,
            raw_counts=dict(raw_counts or {}),
        )
        self.bundle.add(metric_value)
        return metric_value

    def csat(
        self, metric: MetricDefinition, counts: tuple[int, int, int, int, int], **kwargs: Any
    ) -> MetricValue:
        """A CSAT value computed from the counts of 1s..5s, in the metric's mode."""
        raw = {str(score): n for score, n in enumerate(counts, start=1)}
        total = sum(counts)
        if metric.csat_mode is CsatMode.MEAN:
            result = round(sum(s * n for s, n in enumerate(counts, start=1)) / total, 2)
        else:
            result = round(100 * (counts[3] + counts[4]) / total, 1)
        return self.value(metric, result, raw_counts=raw, sample_size=total, **kwargs)

    def nps(
        self,
        metric: MetricDefinition,
        promoters: int,
        passives: int,
        detractors: int,
        **kwargs: Any,
    ) -> MetricValue:
        """An NPS value (-100..100) with the raw counts it is recomputed from."""
        total = promoters + passives + detractors
        result = round(100 * (promoters - detractors) / total, 2)
        raw = {"promoters": promoters, "passives": passives, "detractors": detractors}
        return self.value(metric, result, raw_counts=raw, sample_size=total, **kwargs)

    # -- research and discussion ----------------------------------------------
    def evidence(
        self,
        kind: EvidenceKind,
        title: str,
        source: str,
        target: Target = None,
        notes: str = "",
        collected: date | None = None,
        url: str = "",
    ) -> EvidenceItem:
        target_kind, target_id = self._target(target)
        item = EvidenceItem(
            map_id=self.map_id,
            kind=kind,
            title=title,
            source=source,
            url=url,
            notes=notes,
            collected=collected,
            target_kind=target_kind,
            target_id=target_id,
        )
        self.bundle.add(item)
        return item

    def comment(
        self, target: Target, author: str, text: str, created: str, resolved: bool = False
    ) -> Comment:
        target_kind, target_id = self._target(target)
        comment = Comment(
            map_id=self.map_id,
            target_kind=target_kind,
            target_id=target_id,
            author=author,
            text=text,
            created=created,
            resolved=resolved,
        )
        self.bundle.add(comment)
        return comment

    def _target(self, target: Target) -> tuple[TargetKind, str]:
        if target is None:
            return TargetKind.MAP, self.map_id
        return TargetKind(kind_of(target)), target.id


def _place(where: Place) -> tuple[str, str | None]:
    if isinstance(where, Step):
        return where.stage_id, where.id
    return where.id, None


__all__ = ["MapBuilder", "Place", "Target"]
