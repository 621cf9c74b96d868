"""JourneyDocument: the map being edited, its QUndoStack and change signals.

Every edit is a ChangeSet (built by :mod:`jmapper.model.edits`).  ``execute``
applies it to the in-memory bundle, checks the invariants, writes exactly the
touched rows to the library in one transaction and only then pushes the undo
command, so what the screen shows as done is already on disk.  Undo and redo
write the same way.  A failed check or write leaves the bundle as it was and
raises: the caller shows the sentence.

QtCore/QtGui only (no widgets, no SQLAlchemy): the store is any
:class:`ChangeStore` (``apply`` and the snapshot calls), in the editor the
:class:`jmapper.services.library_api.Library`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from jmapper.document.commands import ChangeCommand
from jmapper.model import edits
from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet, EntityChange
from jmapper.model.entities import Card, CardLink, Lane, MomentOfTruth, Snapshot, Stage, Step
from jmapper.model.enums import EmotionSeries, LinkDirection, LinkType
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_changes

log = logging.getLogger(__name__)


class ChangeStore(Protocol):
    """What the document needs from storage."""

    @property
    def read_only(self) -> bool: ...

    def apply(self, changes: Sequence[EntityChange]) -> None: ...

    def save_snapshot(self, snapshot: Snapshot) -> None: ...

    def list_snapshots(self, map_id: str) -> list[Snapshot]: ...

    def load_snapshot(self, snapshot_id: str) -> Snapshot: ...


class JourneyDocument(QObject):
    # an entity was created (kind, id), by an edit, undo or redo
    entity_added = Signal(str, str)
    # an entity was deleted (kind, id)
    entity_removed = Signal(str, str)
    # an entity's fields changed (kind, id)
    entity_changed = Signal(str, str)
    # a whole change set was applied; argument: the ChangeSet as applied
    changes_applied = Signal(object)
    # an undo or redo could not be written to the library; argument: a sentence
    persistence_failed = Signal(str)
    # snapshots were added or removed
    snapshots_changed = Signal()

    def __init__(
        self, bundle: MapBundle, store: ChangeStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bundle = bundle
        self.store = store
        self.undo_stack = QUndoStack(self)

    # -- core ----------------------------------------------------------------
    @property
    def map_id(self) -> str:
        return self.bundle.map.id

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.store, "read_only", False))

    def execute(self, changeset: ChangeSet, *, allow_zone_override: bool = False) -> bool:
        """Apply, check, persist, then push one undo step. False if there was nothing to do."""
        if not changeset.changes:
            return False
        if self.read_only:
            raise DomainError(
                "This library is open read-only, so the map cannot be changed. "
                "Save a copy of the library to edit it."
            )
        self._apply_checked(changeset.changes, allow_zone_override=allow_zone_override)
        self.undo_stack.push(ChangeCommand(self._replay, changeset))
        self._announce(changeset)
        return True

    def _apply_checked(
        self, changes: list[EntityChange], *, allow_zone_override: bool = False
    ) -> None:
        self.bundle.apply(changes)
        try:
            check_changes(self.bundle, changes, allow_zone_override=allow_zone_override)
            self.store.apply(changes)
        except BaseException:
            self.bundle.apply(reversed(changes), backwards=True)
            raise

    def _replay(self, changeset: ChangeSet, backwards: bool) -> None:
        """Undo or redo: the state was valid before, so only persistence can fail."""
        applied = changeset.inverted() if backwards else changeset
        try:
            self.bundle.apply(applied.changes)
            self.store.apply(applied.changes)
        except Exception as error:  # a virtual called by Qt must not raise
            log.exception("could not store an undo or redo")
            self.bundle.apply(reversed(applied.changes), backwards=True)
            self.persistence_failed.emit(str(error))
            return
        self._announce(applied)

    def _announce(self, changeset: ChangeSet) -> None:
        for change in changeset.changes:
            if change.before is None:
                self.entity_added.emit(change.kind, change.id)
            elif change.after is None:
                self.entity_removed.emit(change.kind, change.id)
            else:
                self.entity_changed.emit(change.kind, change.id)
        self.changes_applied.emit(changeset)

    # -- convenience edits (each one undo step) --------------------------------
    def edit(self, kind: str, entity_id: str, **fields: Any) -> bool:
        return self.execute(edits.edit_fields(self.bundle, kind, entity_id, **fields))

    def edit_map(self, **fields: Any) -> bool:
        return self.edit("map", self.map_id, **fields)

    def add(self, entity: Any, text: str | None = None) -> bool:
        return self.execute(edits.add_entity(self.bundle, entity, text))

    def remove(self, kind: str, entity_id: str) -> bool:
        return self.execute(edits.remove_entity(self.bundle, kind, entity_id))

    def add_stage(self, name: str, position: int | None = None) -> Stage:
        changeset, stage = edits.add_stage(self.bundle, name, position)
        self.execute(changeset)
        return self.bundle.stages[stage.id]

    def add_step(self, stage_id: str, name: str, position: int | None = None) -> Step:
        changeset, step = edits.add_step(self.bundle, stage_id, name, position)
        self.execute(changeset)
        return self.bundle.steps[step.id]

    def add_lane(self, lane: Lane, *, allow_zone_override: bool = False) -> Lane:
        lane = replace(lane, map_id=self.map_id)
        self.execute(edits.add_lane(self.bundle, lane), allow_zone_override=allow_zone_override)
        return self.bundle.lanes[lane.id]

    def add_card(self, card: Card) -> Card:
        card = replace(card, map_id=self.map_id)
        self.execute(edits.add_card(self.bundle, card))
        return self.bundle.cards[card.id]

    def remove_cards(self, card_ids: list[str]) -> bool:
        return self.execute(edits.remove_cards(self.bundle, card_ids))

    def move_cards(
        self,
        card_ids: list[str],
        lane_id: str,
        stage_id: str,
        step_id: str | None,
        position: int | None = None,
    ) -> bool:
        return self.execute(
            edits.move_cards(self.bundle, card_ids, lane_id, stage_id, step_id, position)
        )

    def set_span(self, card_id: str, span: int) -> bool:
        return self.execute(edits.set_span(self.bundle, card_id, span))

    def reorder(
        self, kind: str, entity_id: str, new_position: int, *, allow_zone_override: bool = False
    ) -> bool:
        return self.execute(
            edits.reorder(self.bundle, kind, entity_id, new_position),
            allow_zone_override=allow_zone_override,
        )

    def set_emotion(
        self,
        stage_id: str,
        step_id: str | None,
        value: int,
        *,
        persona_id: str | None = None,
        series: EmotionSeries = EmotionSeries.AS_IS,
    ) -> bool:
        return self.execute(
            edits.set_emotion(
                self.bundle, stage_id, step_id, value, persona_id=persona_id, series=series
            )
        )

    def link_cards(
        self,
        source_card_id: str,
        target_card_id: str,
        *,
        direction: LinkDirection = LinkDirection.ONE_WAY,
        link_type: LinkType = LinkType.HANDOFF,
        label: str = "",
    ) -> CardLink:
        changeset, link = edits.link_cards(
            self.bundle,
            source_card_id,
            target_card_id,
            direction=direction,
            link_type=link_type,
            label=label,
        )
        self.execute(changeset)
        return self.bundle.card_links[link.id]

    def duplicate_cards(self, card_ids: list[str]) -> list[Card]:
        changeset, copies = edits.duplicate_cards(self.bundle, card_ids)
        self.execute(changeset)
        return copies

    def paste_cards(
        self, cards: list[Card], lane_id: str, stage_id: str, step_id: str | None
    ) -> list[Card]:
        changeset, pasted = edits.paste_cards(self.bundle, cards, lane_id, stage_id, step_id)
        self.execute(changeset)
        return pasted

    def paste_block(
        self, cells: list[tuple[str, int, list[tuple[str, str]]]]
    ) -> tuple[list[Card], int]:
        """A pasted spreadsheet block into the cells it covers (one undo step); left-out cells."""
        changeset, pasted, left_out = edits.paste_block(self.bundle, cells)
        self.execute(changeset)
        return pasted, left_out

    # -- health findings ---------------------------------------------------------
    def dismiss_finding(self, rule_id: str, target_kind: str, target_id: str, reason: str) -> bool:
        """Dismiss one health finding with a reason (one undo step, stored with the map)."""
        changeset, _ = edits.dismiss_finding(
            self.bundle,
            rule_id,
            target_kind,
            target_id,
            reason,
            datetime.now().isoformat(timespec="seconds"),
        )
        return self.execute(changeset)

    def restore_finding(self, dismissal_id: str) -> bool:
        """Report a dismissed finding again (one undo step)."""
        return self.execute(edits.restore_finding(self.bundle, dismissal_id))

    def toggle_moment_of_truth(self, stage_id: str, step_id: str | None) -> MomentOfTruth | None:
        """Mark or unmark a column as a moment of truth; the new moment, or None if unmarked."""
        changeset, moment = edits.toggle_moment_of_truth(self.bundle, stage_id, step_id)
        self.execute(changeset)
        return self.bundle.moments_of_truth[moment.id] if moment is not None else None

    # -- the review cycle --------------------------------------------------------
    def start_review(self, today: date) -> Snapshot:
        """Record a review: the dates (one undo step), then a named snapshot of the map.

        The last-reviewed date becomes ``today`` and the next review one cadence
        later (the map's own, else a quarter); the snapshot ("Review 2026-Q4",
        numbered if the map already has one so named) is what the next review
        report compares with.
        """
        from jmapper.analysis.review_report import review_name
        from jmapper.services.review import next_review_after, unique_snapshot_name

        self.edit_map(last_reviewed=today, next_review=next_review_after(self.bundle.map, today))
        taken = [snapshot.name for snapshot in self.snapshots()]
        return self.save_snapshot(unique_snapshot_name(review_name(today), taken))

    # -- snapshots -------------------------------------------------------------
    def save_snapshot(self, name: str) -> Snapshot:
        """Store a named version of the map as it is now (not an undoable edit)."""
        from jmapper.interchange.json_format import dump_map

        if not name.strip():
            raise DomainError("A snapshot needs a name.")
        snapshot = Snapshot(
            map_id=self.map_id,
            name=name.strip(),
            created=datetime.now().isoformat(timespec="seconds"),
            payload=dump_map(self.bundle),
        )
        self.store.save_snapshot(snapshot)
        self.snapshots_changed.emit()
        return snapshot

    def snapshots(self) -> list[Snapshot]:
        return self.store.list_snapshots(self.map_id)

    def restore_snapshot(self, snapshot_id: str) -> bool:
        """Bring the map back to a snapshot, as one undoable edit."""
        from jmapper.interchange.json_format import parse

        snapshot = self.store.load_snapshot(snapshot_id)
        (target,) = parse(snapshot.payload).bundles
        # Personas are library-wide: keep the ones the library has now.
        for persona_id, persona in self.bundle.personas.items():
            target.personas.setdefault(persona_id, persona)
        changeset = edits.diff_bundles(
            self.bundle, target, f"Restore snapshot \u201c{snapshot.name}\u201d"
        )
        return self.execute(changeset, allow_zone_override=True)
