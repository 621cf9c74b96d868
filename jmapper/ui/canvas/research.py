"""Canvas gestures that attach data to the map: metrics, evidence (and comments).

Each gesture opens a small dialog about the selection (or the current cell),
and its OK is one controller call, so one undo step; Cancel changes nothing.
Dialogs open with ``open()`` (not ``exec()``): the canvas stays responsive and
tests drive the dialog through its widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import MetricScope
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


class CanvasResearch:
    """Handlers of the add-metric and add-evidence actions."""

    def __init__(self, canvas: CanvasHost) -> None:
        self.canvas = canvas
        self.dialog: MetricDialog | EvidenceDialog | None = None

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
