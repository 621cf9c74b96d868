"""Moment-of-truth gestures on the canvas: M toggles a moment on the selected step.

The column is the selected moment's own, the selected step's or stage's, or
the cell cursor's.  One key press is one controller call, so one undo step;
a new moment is selected at once so the inspector shows its title and
description for typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost


def moment_column(canvas: CanvasHost) -> tuple[str, str | None] | None:
    """(stage id, step id) of the column the toggle acts on, or None without one."""
    bundle = canvas.document_bundle()
    layout = canvas.projection.layout
    if bundle is None or layout is None or not layout.columns:
        return None
    kind, entity_id = canvas.primary_selection()
    if kind == "moment_of_truth" and entity_id in bundle.moments_of_truth:
        moment = bundle.moments_of_truth[entity_id]
        return moment.stage_id, moment.step_id
    if kind == "step" and entity_id in bundle.steps:
        return bundle.steps[entity_id].stage_id, entity_id
    if kind == "stage":
        column = next((c for c in layout.columns if c.stage_id == entity_id), None)
    elif canvas.current_cell is not None and canvas.current_cell.column < len(layout.columns):
        column = layout.columns[canvas.current_cell.column]
    else:
        column = None
    if column is None:
        return None
    return column.stage_id, column.step_id


def toggle_moment_of_truth(canvas: CanvasHost) -> None:
    """Mark the column as a moment of truth (and select it), or unmark it."""
    place = moment_column(canvas)
    if place is None:
        canvas.edit_refused.emit(
            "Select a step (or a cell in its column) to mark it as a moment of truth."
        )
        return
    done, moment_id = canvas.controller.toggle_moment_of_truth(*place)
    if done and moment_id is not None:
        canvas.select("moment_of_truth", moment_id, scroll=False)
    elif done:
        canvas.clear_selection()
