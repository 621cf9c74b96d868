"""Vote mode: dot voting with single keystrokes while the room calls out the votes.

With vote mode on (``actionVoteMode``), + or Up adds a vote to the selected
opportunity and - or Down takes one away; each keystroke is one controller
call and one undo step, and the count shows on the opportunity ("3 votes").
Left and Right move to the previous or next opportunity, so a whole round
of voting needs no mouse.
Off, the keys do what they always do (emotion nudges, moving between cells).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent

from jmapper.model import opportunity_edits

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

HINT = (
    "Vote mode: click an opportunity, then + or Up adds a vote, - or Down removes one;"
    " Left / Right move to the previous / next opportunity"
)


class Voting(QObject):
    def __init__(self, canvas: CanvasHost) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.on = False

    def set_on(self, on: bool) -> None:
        self.on = on
        if on:
            self.canvas.edit_refused.emit(HINT)  # the status bar carries hints

    def vote(self, delta: int) -> bool:
        """One vote more or less on the selected opportunity; False when not voting."""
        if not self.on:
            return False
        kind, opportunity_id = self.canvas.primary_selection()
        if kind != "opportunity":
            self.canvas.edit_refused.emit(HINT)
            return True
        self.canvas.controller.run_changeset(
            lambda d: opportunity_edits.change_votes(d.bundle, opportunity_id, delta)
        )
        return True

    def key(self, event: QKeyEvent) -> bool:
        """Up and Down vote while an opportunity is selected in vote mode."""
        if not self.on or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if self.canvas.primary_selection()[0] != "opportunity":
            return False
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Plus):
            return self.vote(1)
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Minus):
            return self.vote(-1)
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return self.step(1 if event.key() == Qt.Key.Key_Right else -1)
        return False

    def step(self, direction: int) -> bool:
        """Left / Right: the previous or next opportunity in reading order (left to right)."""
        layout = self.canvas.projection.layout
        if layout is None or not layout.opportunities:
            return False
        order = sorted(layout.opportunities, key=lambda b: (b.rect.x, b.rect.y))
        ids = [b.opportunity_id for b in order]
        current = self.canvas.primary_selection()[1]
        index = ids.index(current) + direction if current in ids else 0
        self.canvas.select("opportunity", ids[max(0, min(len(ids) - 1, index))])
        return True
