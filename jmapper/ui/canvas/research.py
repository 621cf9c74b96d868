"""Canvas gestures that attach data to the map: metrics, evidence and comments.

Each gesture opens a small dialog about the selection (or the current cell),
and its OK is one controller call, so one undo step; Cancel changes nothing.
Dialogs open with ``open()`` (not ``exec()``): the canvas stays responsive and
tests drive the dialog through its widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import MetricScope, TargetKind
from jmapper.ui.dialogs.comment_dialog import CommentDialog, Target
from jmapper.ui.dialogs.evidence_dialog import EvidenceDialog
from jmapper.ui.dialogs.metric_dialog import MetricDialog, Scope

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost


def _stage_scope(bundle: MapBundle, stage_id: str) -> Scope:
    return Scope(MetricScope.STAGE, stage_id, f"Stage: {bundle.stages[stage_id].name}")


def _step_scope(bundle: MapBundle, step_id: str) -> Scope:
    step = bundle.steps[step_id]
    stage = bundle.stages[step.stage_id]
    return Scope(MetricScope.STEP, step_id, f"Step: {stage.name} / {step.name}")


def place_scopes(
    bundle: MapBundle, kind: str, entity_id: str | None
) -> tuple[list[Scope], str | None]:
    """The scopes a new value can have, broad to narrow, for a selected entity.

    A selected metric value offers its own scope and metric (returned second),
    so "another value of this" is one gesture.
    """
    scopes = [Scope(MetricScope.MAP, None, "Whole map")]
    metric_id = None
    if kind == "metric_value" and entity_id in bundle.metric_values:
        value = bundle.metric_values[entity_id]
        metric_id = value.metric_id
        kind, entity_id = value.scope.value, value.scope_id
    if kind == "card" and entity_id in bundle.cards:
        card = bundle.cards[entity_id]
        scopes.append(_stage_scope(bundle, card.stage_id))
        if card.step_id is not None and card.step_id in bundle.steps:
            scopes.append(_step_scope(bundle, card.step_id))
        scopes.append(Scope(MetricScope.CARD, card.id, f"Card: {card.title}"))
    elif kind == "step" and entity_id in bundle.steps:
        scopes.append(_stage_scope(bundle, bundle.steps[entity_id].stage_id))
        scopes.append(_step_scope(bundle, entity_id))
    elif kind == "stage" and entity_id in bundle.stages:
        scopes.append(_stage_scope(bundle, entity_id))
    return scopes, metric_id


def target_label(bundle: MapBundle, kind: str, entity_id: str | None) -> str:
    """'Map', 'Stage: Pre-contact', 'Step: Pre-contact / Tries self-help', 'Card: ...'."""
    if kind == "map" or entity_id is None:
        return "Map"
    if kind == "stage" and entity_id in bundle.stages:
        return f"Stage: {bundle.stages[entity_id].name}"
    if kind == "step" and entity_id in bundle.steps:
        return _step_scope(bundle, entity_id).label
    if kind == "lane" and entity_id in bundle.lanes:
        lane = bundle.lanes[entity_id]
        return f"Lane: {lane.name or lane.kind.label}"
    if kind == "card" and entity_id in bundle.cards:
        return f"Card: {bundle.cards[entity_id].title}"
    if kind == "opportunity" and entity_id in bundle.opportunities:
        return f"Opportunity: {bundle.opportunities[entity_id].title}"
    return f"{kind.replace('_', ' ').capitalize()} (gone)"


def comment_targets(
    bundle: MapBundle, kind: str, entity_id: str | None, lane_id: str | None = None
) -> list[Target]:
    """What a comment can be on, broad to narrow, for the selection (or the current cell)."""
    chain: list[tuple[str, str]] = []
    if kind == "card" and entity_id in bundle.cards:
        card = bundle.cards[entity_id]
        chain = [("stage", card.stage_id), ("lane", card.lane_id)]
        if card.step_id is not None:
            chain.insert(1, ("step", card.step_id))
        chain.append(("card", card.id))
    elif kind == "step" and entity_id in bundle.steps:
        chain = [("stage", bundle.steps[entity_id].stage_id), ("step", entity_id)]
    elif kind in ("stage", "lane", "opportunity") and entity_id is not None:
        chain = [(kind, entity_id)]
    if lane_id is not None and kind in ("stage", "step") and lane_id in bundle.lanes:
        chain.insert(0, ("lane", lane_id))
    targets = [Target(TargetKind.MAP, bundle.map.id, f"Map: {bundle.map.title}")]
    for target_kind, target_id in chain:
        targets.append(
            Target(TargetKind(target_kind), target_id, target_label(bundle, target_kind, target_id))
        )
    return targets


class CanvasResearch:
    """Handlers of the add-metric, add-evidence and add-comment actions."""

    def __init__(self, canvas: CanvasHost) -> None:
        self.canvas = canvas
        self.dialog: MetricDialog | EvidenceDialog | CommentDialog | None = None

    def _selection(self) -> tuple[str, str | None]:
        """The selected entity, else the current cell's step or stage, else nothing."""
        canvas = self.canvas
        kind, entity_id = canvas.primary_selection()
        if kind:
            return kind, entity_id
        layout = canvas.projection.layout
        cell = canvas.current_cell
        if cell is not None and layout is not None and cell.column < len(layout.columns):
            column = layout.columns[cell.column]
            if column.step_id is not None:
                return "step", column.step_id
            return "stage", column.stage_id
        return "", None

    def add_metric(self) -> None:
        canvas = self.canvas
        bundle = canvas.document_bundle()
        if bundle is None or canvas.current_document() is None:
            return
        kind, entity_id = self._selection()
        scopes, metric_id = place_scopes(bundle, kind, entity_id)
        dialog = MetricDialog(bundle, scopes, canvas.window(), metric_id)
        self.dialog = dialog

        def commit() -> None:
            entry = dialog.entry
            if entry is None:
                return
            added = canvas.controller.add_metric(entry.value, entry.definition)
            if added is not None and canvas.projection.item("metric_value", added) is not None:
                canvas.select("metric_value", added)

        dialog.accepted.connect(commit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_evidence(self) -> None:
        """Attach an evidence item to the selection (one undo step on OK)."""
        canvas = self.canvas
        bundle = canvas.document_bundle()
        if bundle is None or canvas.current_document() is None:
            return
        kind, entity_id = self._selection()
        scopes, _metric = place_scopes(bundle, kind, entity_id)
        dialog = EvidenceDialog(bundle, scopes, canvas.window())
        self.dialog = dialog

        def commit() -> None:
            if dialog.item is not None:
                canvas.controller.add_entity(dialog.item, "Add evidence")

        dialog.accepted.connect(commit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def add_comment(self) -> None:
        """Comment on the selection, its lane or stage, or the map (one undo step on OK)."""
        canvas = self.canvas
        bundle = canvas.document_bundle()
        if bundle is None or canvas.current_document() is None:
            return
        kind, entity_id = self._selection()
        cell = canvas.current_cell
        selected = bool(canvas.primary_selection()[0])
        lane_id = cell.lane_id if cell is not None and not selected else None
        dialog = CommentDialog(
            bundle, comment_targets(bundle, kind, entity_id, lane_id), canvas.window()
        )
        self.dialog = dialog

        def commit() -> None:
            if dialog.comment is not None:
                canvas.controller.add_entity(dialog.comment, "Add comment")

        dialog.accepted.connect(commit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
