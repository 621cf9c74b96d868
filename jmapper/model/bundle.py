"""A map with everything it holds, as one in-memory aggregate.

The bundle is what the document edits, storage loads and saves, the layout
measures and interchange writes.  It offers ordered views (stages left to
right, lanes top to bottom, the column grid) with small caches that are
dropped whenever a change touches the entities they derive from.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jmapper.model.changes import EntityChange
from jmapper.model.entities import (
    CHILD_KINDS,
    BlueprintLine,
    Card,
    CardLink,
    Comment,
    Dismissal,
    EmotionPoint,
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
from jmapper.model.enums import BLUEPRINT_LINE_ORDER


@dataclass(frozen=True)
class Column:
    """One column of the grid: a step, or a stage that has no steps."""

    index: int
    stage_id: str
    step_id: str | None


@dataclass(eq=False)
class MapBundle:
    map: JourneyMap
    personas: dict[str, Persona] = field(default_factory=dict)
    collections: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {kind: {} for kind in CHILD_KINDS}
    )
    _columns: list[Column] | None = field(default=None, repr=False)
    _column_of: dict[tuple[str, str | None], Column] | None = field(default=None, repr=False)

    # -- equality -------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MapBundle):
            return NotImplemented
        return (
            self.map == other.map
            and self.personas == other.personas
            and self.collections == other.collections
        )

    def copy(self) -> MapBundle:
        """A deep copy: entities are treated as values, so this is safe to edit."""
        return MapBundle(
            map=copy.deepcopy(self.map),
            personas=copy.deepcopy(self.personas),
            collections=copy.deepcopy(self.collections),
        )

    # -- typed collections ----------------------------------------------------
    def collection(self, kind: str) -> dict[str, Any]:
        return self.collections[kind]

    @property
    def stages(self) -> dict[str, Stage]:
        return self.collections["stage"]

    @property
    def steps(self) -> dict[str, Step]:
        return self.collections["step"]

    @property
    def lanes(self) -> dict[str, Lane]:
        return self.collections["lane"]

    @property
    def blueprint_lines(self) -> dict[str, BlueprintLine]:
        return self.collections["blueprint_line"]

    @property
    def cards(self) -> dict[str, Card]:
        return self.collections["card"]

    @property
    def emotion_points(self) -> dict[str, EmotionPoint]:
        return self.collections["emotion_point"]

    @property
    def moments_of_truth(self) -> dict[str, MomentOfTruth]:
        return self.collections["moment_of_truth"]

    @property
    def opportunities(self) -> dict[str, Opportunity]:
        return self.collections["opportunity"]

    @property
    def metric_definitions(self) -> dict[str, MetricDefinition]:
        return self.collections["metric_definition"]

    @property
    def metric_values(self) -> dict[str, MetricValue]:
        return self.collections["metric_value"]

    @property
    def card_links(self) -> dict[str, CardLink]:
        return self.collections["card_link"]

    @property
    def evidence_items(self) -> dict[str, EvidenceItem]:
        return self.collections["evidence_item"]

    @property
    def comments(self) -> dict[str, Comment]:
        return self.collections["comment"]

    @property
    def dismissals(self) -> dict[str, Dismissal]:
        return self.collections["dismissal"]

    # -- lookup ---------------------------------------------------------------
    def get(self, kind: str, entity_id: str) -> Any:
        """The entity of ``kind`` with ``entity_id``, or None."""
        if kind == "map":
            return self.map if self.map.id == entity_id else None
        if kind == "persona":
            return self.personas.get(entity_id)
        return self.collections[kind].get(entity_id)

    def add(self, entity: Any) -> None:
        """Put a child entity or persona into the bundle (building maps in code)."""
        from jmapper.model.entities import kind_of

        self.put(kind_of(entity), entity.id, entity)

    def put(self, kind: str, entity_id: str, entity: Any | None) -> None:
        """Set (or with ``None`` remove) one entity; drops caches it affects."""
        if kind == "map":
            if entity is not None:
                self.map = entity
            return
        target = self.personas if kind == "persona" else self.collections[kind]
        if entity is None:
            target.pop(entity_id, None)
        else:
            target[entity_id] = entity
        if kind in ("stage", "step"):
            self._columns = None
            self._column_of = None

    def apply(self, changes: Iterable[EntityChange], *, backwards: bool = False) -> None:
        """Apply the ``after`` states (or ``before`` states when undoing)."""
        for change in changes:
            self.put(change.kind, change.id, change.before if backwards else change.after)

    # -- ordered views --------------------------------------------------------
    def ordered_stages(self) -> list[Stage]:
        return sorted(self.stages.values(), key=lambda s: (s.position, s.id))

    def ordered_steps(self, stage_id: str) -> list[Step]:
        steps = [s for s in self.steps.values() if s.stage_id == stage_id]
        return sorted(steps, key=lambda s: (s.position, s.id))

    def ordered_lanes(self) -> list[Lane]:
        return sorted(self.lanes.values(), key=lambda lane: (lane.position, lane.id))

    def ordered_lines(self) -> list[BlueprintLine]:
        """Top to bottom; lines sharing a position keep the blueprint's line order."""
        rank = {kind: i for i, kind in enumerate(BLUEPRINT_LINE_ORDER)}
        return sorted(
            self.blueprint_lines.values(), key=lambda line: (line.position, rank[line.kind])
        )

    def columns(self) -> list[Column]:
        """The grid's columns left to right (cached until a stage or step changes)."""
        if self._columns is None:
            steps_by_stage: dict[str, list[Step]] = {}
            for step in self.steps.values():
                steps_by_stage.setdefault(step.stage_id, []).append(step)
            columns: list[Column] = []
            for stage in self.ordered_stages():
                steps = sorted(steps_by_stage.get(stage.id, []), key=lambda s: (s.position, s.id))
                if steps:
                    for step in steps:
                        columns.append(Column(len(columns), stage.id, step.id))
                else:
                    columns.append(Column(len(columns), stage.id, None))
            self._columns = columns
            self._column_of = {(c.stage_id, c.step_id): c for c in columns}
        return self._columns

    def column_of(self, stage_id: str, step_id: str | None) -> Column | None:
        """The column a (stage, step) place refers to, or None if there is none."""
        self.columns()
        assert self._column_of is not None
        return self._column_of.get((stage_id, step_id))

    def cards_in_cell(self, lane_id: str, stage_id: str, step_id: str | None) -> list[Card]:
        cards = [
            c
            for c in self.cards.values()
            if c.lane_id == lane_id and c.stage_id == stage_id and c.step_id == step_id
        ]
        return sorted(cards, key=lambda c: (c.position, c.id))
