"""Hidden lanes: hide the selected lane, list the hidden ones in View, and bring them back.

A lane hidden from the inspector or with Hide Lane disappears from the map,
so it cannot be selected to show it again; View > Hidden Lanes lists every
hidden lane of the open map by name and shows one, or all of them, again.
Each gesture is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from jmapper.model.lane_edits import set_lanes_visible
from jmapper.ui.canvas import actions as names

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

HIDDEN_LANES = names.HIDDEN_LANES
SHOW_ALL_LANES = "actionShowAllLanes"
NONE_HIDDEN = "No hidden lanes"


def set_visible(canvas: CanvasHost, lane_ids: list[str], visible: bool) -> bool:
    """One undo step; a refusal (a read-only library) goes to the status bar."""
    document = canvas.current_document()
    if document is None or not lane_ids:
        return False
    return canvas.controller.run_changeset(lambda d: set_lanes_visible(d.bundle, lane_ids, visible))


def hide_selected_lane(canvas: CanvasHost) -> None:
    """Hide the selected lane, or the current cell's lane."""
    kind, entity_id = canvas.primary_selection()
    lane_id = entity_id if kind == "lane" else None
    if lane_id is None and canvas.current_cell is not None:
        lane_id = canvas.current_cell.lane_id
    if lane_id is not None and set_visible(canvas, [lane_id], False):
        canvas.clear_selection()
        canvas.set_current_cell(None)


class HiddenLanesMenu(QMenu):
    """View > Hidden Lanes, filled each time it opens."""

    def __init__(self, canvas: CanvasHost, parent: QWidget | None = None) -> None:
        super().__init__("Hidden &Lanes", parent)
        self.setObjectName("menuHiddenLanes")
        self.canvas = canvas
        self.menuAction().setObjectName(HIDDEN_LANES)
        self.menuAction().setToolTip("Show a lane that was hidden")
        self.aboutToShow.connect(self.fill)

    def fill(self) -> None:
        self.clear()
        bundle = self.canvas.document_bundle()
        hidden = [lane for lane in bundle.ordered_lanes() if not lane.visible] if bundle else []
        if not hidden:
            none = self.addAction(NONE_HIDDEN)
            none.setObjectName("actionNoHiddenLanes")
            none.setToolTip("Every lane of this map is shown")
            none.setEnabled(False)
            return
        for lane in hidden:
            name = lane.name or lane.kind.label
            action = QAction(f"Show \u201c{name}\u201d ({lane.kind.label})", self)
            action.setObjectName(f"actionShowLane_{lane.id}")
            action.setToolTip(f"Show the hidden lane \u201c{name}\u201d again, with its cards")
            action.triggered.connect(
                lambda _checked=False, lane_id=lane.id: set_visible(self.canvas, [lane_id], True)
            )
            self.addAction(action)
        self.addSeparator()
        every = QAction("Show &All Hidden Lanes", self)
        every.setObjectName(SHOW_ALL_LANES)
        every.setToolTip("Show every hidden lane again (one undo step)")
        every.triggered.connect(
            lambda: set_visible(self.canvas, [lane.id for lane in hidden], True)
        )
        self.addAction(every)


__all__ = ["HIDDEN_LANES", "HiddenLanesMenu", "hide_selected_lane", "set_visible"]
