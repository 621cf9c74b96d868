"""The one undo command every edit uses: a ChangeSet applied and reverted.

Because a ChangeSet records whole before/after states, one command class
serves every edit (add, remove, move, span, emotion, links, compound edits),
and undo restores the previous state exactly.  Continuous edits share a
``merge_key`` and merge through ``id()``/``mergeWith()``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from jmapper.model.changes import ChangeSet

#: Applies a change set forwards (``backwards=False``) or backwards, persisting it.
Replay = Callable[[ChangeSet, bool], None]

_MERGEABLE_ID = 0x4A4D


class ChangeCommand(QUndoCommand):
    """Applies ``changeset`` on redo and its inverse on undo, persisting each."""

    def __init__(self, replay: Replay, changeset: ChangeSet) -> None:
        super().__init__(changeset.text)
        # Only the replay function, not the document: the command never reaches back
        # into its owner, so the two modules do not import each other.
        self._replay = replay
        self.changeset = changeset
        # The document applies and stores the edit before pushing, so the push's
        # automatic redo must not apply it a second time.
        self._already_applied = True

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        self._replay(self.changeset, False)

    def undo(self) -> None:
        self._replay(self.changeset, True)

    def id(self) -> int:
        return _MERGEABLE_ID if self.changeset.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand):
            return False
        if other.changeset.merge_key != self.changeset.merge_key:
            return False
        self.changeset = self.changeset.merged_with(other.changeset)
        if not self.changeset.changes:
            self.setObsolete(True)
        return True
