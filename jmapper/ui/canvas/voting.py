"""Vote mode: dot voting with single keystrokes while the room calls out the votes.

With vote mode on (``actionVoteMode``), + or Up adds a vote to the selected
opportunity and - or Down takes one away; each keystroke is one controller
call and one undo step, and the count shows on the opportunity ("3 votes").
Off, the keys do what they always do (emotion nudges, moving between cells).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent

from jmapper.model import opportunity_edits

if TYPE_CHECKING:
    from jmapper.ui.canvas.host import CanvasHost

HINT = "Vote mode: click an opportunity, then + or Up adds a vote, - or Down removes one"


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
        return False
