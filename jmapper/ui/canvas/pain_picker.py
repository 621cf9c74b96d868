"""Pick mode: click pain points on the canvas to link them to an opportunity (or unlink).

The inspector's "Pick on canvas" starts it for one opportunity.  While it is
on, a left click on a card toggles the link (one undo step per click, through
the controller) and changes nothing else: the selection stays on the
opportunity, so the inspector keeps showing its list of pain points.  Esc,
the button again, or another map ends it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent

from jmapper.model import opportunity_edits

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

HINT = "Click pain points to link or unlink them; Esc ends"


class PainPicker(QObject):
    # pick mode ended (Esc, another document, or asked to stop)
    finished = Signal()

    def __init__(self, canvas: CanvasHost) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.opportunity_id = ""

    @property
    def active(self) -> bool:
        return bool(self.opportunity_id)

    def start(self, opportunity_id: str) -> None:
        """Pick for ``opportunity_id`` ('' stops)."""
        if not opportunity_id:
            self.stop()
            return
        self.opportunity_id = opportunity_id
        self.canvas.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.canvas.edit_refused.emit(HINT)  # the status bar is where hints go

    def stop(self) -> None:
        if not self.active:
            return
        self.opportunity_id = ""
        self.canvas.viewport().unsetCursor()
        self.finished.emit()

    def press(self, event: QMouseEvent) -> bool:
        """Handle a click while picking; False when not picking (the view goes on)."""
        if not self.active:
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return True
        document = self.canvas.current_document()
        item = self.canvas.card_item_at(event.position().toPoint())
        if document is None or item is None:
            self.canvas.edit_refused.emit(HINT)
            return True
        opportunity_id, card_id = self.opportunity_id, item.entity_id
        self.canvas.controller.run_changeset(
            lambda d: opportunity_edits.toggle_pain_link(d.bundle, opportunity_id, card_id)
        )
        return True
