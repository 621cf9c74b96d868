"""The canvas editor: the only place canvas intents become document edits.

Items and interactions never call the document; they ask this object, which
makes one document call per gesture (so each gesture is one undo step) and
turns a refused edit (DomainError) into ``edit_refused`` with its sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from jmapper.document import JourneyDocument
from jmapper.model.changes import ChangeSet
from jmapper.model.entities import Card, Lane, MetricDefinition, MetricValue, Opportunity
from jmapper.model.enums import EmotionSeries, LaneKind, LinkDirection
from jmapper.model.errors import DomainError

log = logging.getLogger(__name__)
T = TypeVar("T")


class CanvasController(QObject):
    # an edit was refused; argument: the sentence to show the user
    edit_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: JourneyDocument | None = None

    def _run(self, call: Callable[[JourneyDocument], T]) -> T | None:
        """Run one document edit; a refusal becomes a signal, not an exception."""
        if self.document is None:
            return None
        try:
            return call(self.document)
        except DomainError as error:
            log.info("edit refused: %s", error)
            self.edit_refused.emit(str(error))
            return None

    # -- cards ------------------------------------------------------------------------
    def add_card(self, lane_id: str, stage_id: str, step_id: str | None, title: str) -> str | None:
        """A new card at the bottom of a cell; returns its id."""
        card = Card(
            lane_id=lane_id, stage_id=stage_id, step_id=step_id, title=title, position=10**6
        )
        added = self._run(lambda d: d.add_card(card))
        return added.id if added is not None else None

    def add_opportunity(
        self, lane_id: str, stage_id: str, step_id: str | None, title: str
    ) -> str | None:
        """A new opportunity (an entity, not a card) in the lane's column; returns its id.

        It covers the step it was made on, so the action plan says where it acts.
        """
        if self.document is None:
            return None
        opp = Opportunity(
            map_id=self.document.map_id,
            lane_id=lane_id,
            stage_id=stage_id,
            step_id=step_id,
            title=title,
            step_ids=[step_id] if step_id else [],
        )
        added = self._run(lambda d: d.add(opp, "Add opportunity"))
        return opp.id if added else None

    def add_metric(self, value: MetricValue, definition: MetricDefinition | None) -> str | None:
        """A metric value (with its new definition, and a Metrics lane if the map has none).

        One undo step; returns the value's id.
        """
        from jmapper.model.metric_edits import add_metric_with_lane

        added = self._run(lambda d: d.execute(add_metric_with_lane(d.bundle, value, definition)))
        return value.id if added else None

    def add_entity(self, entity: Any, text: str) -> bool:
        """A leaf entity (an evidence item, a comment) as one undo step."""
        return bool(self._run(lambda d: d.add(entity, text)))

    def run_changeset(self, build: Callable[[JourneyDocument], ChangeSet]) -> bool:
        """Build a change set from the document and execute it as one undo step."""
        return bool(self._run(lambda d: d.execute(build(d))))

    def edit(self, kind: str, entity_id: str, **fields: Any) -> bool:
        return bool(self._run(lambda d: d.edit(kind, entity_id, **fields)))

    def remove_cards(self, card_ids: list[str]) -> bool:
        return bool(card_ids) and bool(self._run(lambda d: d.remove_cards(card_ids)))

    def remove(self, kind: str, entity_id: str) -> bool:
        return bool(self._run(lambda d: d.remove(kind, entity_id)))

    def move_cards(
        self,
        card_ids: list[str],
        lane_id: str,
        stage_id: str,
        step_id: str | None,
        position: int | None,
    ) -> bool:
        return bool(
            self._run(lambda d: d.move_cards(card_ids, lane_id, stage_id, step_id, position))
        )

    def set_span(self, card_id: str, span: int) -> bool:
        return bool(self._run(lambda d: d.set_span(card_id, span)))

    def duplicate(self, card_ids: list[str]) -> list[str]:
        copies = self._run(lambda d: d.duplicate_cards(card_ids)) or []
        return [c.id for c in copies]

    def paste(
        self, cards: list[Card], lane_id: str, stage_id: str, step_id: str | None
    ) -> list[str]:
        pasted = self._run(lambda d: d.paste_cards(cards, lane_id, stage_id, step_id)) or []
        return [c.id for c in pasted]

    def paste_block(self, cells: list[tuple[str, int, list[tuple[str, str]]]]) -> list[str]:
        """Cards (and emotion values) from a spreadsheet block; says what was left out."""
        result = self._run(lambda d: d.paste_block(cells))
        if result is None:
            return []
        pasted, left_out = result
        if left_out:
            self.edit_refused.emit(
                f"{left_out} cell(s) of the pasted block fall outside the map or hold what "
                "their lane cannot take, and were left out."
            )
        return [c.id for c in pasted]

    def link(self, source_id: str, target_id: str, two_way: bool = False) -> str | None:
        if source_id == target_id:
            self.edit_refused.emit("An arrow joins two different cards. Click another card.")
            return None
        direction = LinkDirection.TWO_WAY if two_way else LinkDirection.ONE_WAY
        link = self._run(lambda d: d.link_cards(source_id, target_id, direction=direction))
        return link.id if link is not None else None

    # -- structure ----------------------------------------------------------------------
    def reorder(self, kind: str, entity_id: str, position: int) -> bool:
        return bool(self._run(lambda d: d.reorder(kind, entity_id, position)))

    def move_blueprint_line(self, line_id: str, position: int) -> bool:
        """Put a blueprint line after the first ``position`` lanes (one undo step).

        A map whose user already confirmed a lane onto the wrong side keeps its
        lines movable: only a move that misplaces a lane anew is refused.
        """
        from jmapper.model import blueprint_edits as be

        return bool(
            self._run(
                lambda d: d.execute(
                    be.move_blueprint_line(d.bundle, line_id, position),
                    allow_zone_override=be.zone_already_broken(d.bundle),
                )
            )
        )

    def step_blueprint_line(self, line_id: str, step: int) -> bool:
        """Move a line one visible lane boundary up (-1) or down (+1)."""
        from jmapper.model.blueprint_edits import next_line_position

        if self.document is None:
            return False
        bundle = self.document.bundle
        position = self._run(lambda _d: next_line_position(bundle, line_id, step))
        return position is not None and self.move_blueprint_line(line_id, position)

    def insert_stage(self, position: int) -> str | None:
        stage = self._run(lambda d: d.add_stage("New stage", position))
        return stage.id if stage is not None else None

    def insert_step(self, stage_id: str, position: int) -> str | None:
        step = self._run(lambda d: d.add_step(stage_id, "New step", position))
        return step.id if step is not None else None

    def insert_lane(self, position: int, beside_lane_id: str | None) -> str | None:
        """A text lane in the blueprint zone of the lane it is inserted beside."""
        if self.document is None:
            return None
        beside = self.document.bundle.lanes.get(beside_lane_id or "")
        lane = Lane(name="New lane", kind=LaneKind.TEXT, position=position)
        if beside is not None:
            lane.zone = beside.zone
        added = self._run(lambda d: d.add_lane(lane))
        return added.id if added is not None else None

    # -- moments of truth -------------------------------------------------------------
    def toggle_moment_of_truth(self, stage_id: str, step_id: str | None) -> tuple[bool, str | None]:
        """Mark or unmark a column; (done, id of the new moment or None)."""
        if self.document is None:
            return False, None
        steps = self.document.undo_stack.count()
        moment = self._run(lambda d: d.toggle_moment_of_truth(stage_id, step_id))
        done = self.document.undo_stack.count() != steps
        return done, moment.id if moment is not None else None

    # -- emotion ------------------------------------------------------------------------
    def set_emotion_point(self, point_id: str, value: int) -> bool:
        if self.document is None:
            return False
        point = self.document.bundle.emotion_points.get(point_id)
        if point is None or point.value == value:
            return False
        return bool(
            self._run(
                lambda d: d.set_emotion(
                    point.stage_id,
                    point.step_id,
                    value,
                    persona_id=point.persona_id,
                    series=point.series,
                )
            )
        )

    def set_emotion_at(
        self,
        stage_id: str,
        step_id: str | None,
        value: int,
        series: EmotionSeries = EmotionSeries.AS_IS,
        persona_id: str | None = None,
    ) -> bool:
        """Give a column of a curve a value (creating the point if needed).

        ``persona_id`` None is the map's primary persona.
        """
        return bool(
            self._run(
                lambda d: d.set_emotion(
                    stage_id, step_id, value, persona_id=persona_id, series=series
                )
            )
        )
