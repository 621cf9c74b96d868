"""The undo command of a merge of libraries: the whole merge is one step on the library stack.

Like the map commands (:mod:`jmapper.ui.library_panel.commands`), the first
``redo`` does nothing: the merge is written before the command is pushed.
Undo and redo each run in one transaction (``jmapper.services.merge``) and
are refused, changing nothing, when a map the merge touched was edited
since; the command then leaves the stack (it can no longer be undone) and
the window says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from jmapper.services.library_api import Library
from jmapper.services.merge import MergeUndo

log = logging.getLogger(__name__)

#: Called after an undo or redo with the ids of the maps that changed, came or went.
Changed = Callable[[list[str]], None]
#: Called with a sentence when an undo or redo was refused or failed.
Failed = Callable[[str], None]


class MergeCommand(QUndoCommand):
    def __init__(
        self, text: str, library: Library, undo: MergeUndo, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(text)
        self._library = library
        self._undo = undo
        self._changed = changed
        self._failed = failed
        self._first_redo = True

    @property
    def map_ids(self) -> list[str]:
        return self._undo.map_ids

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(lambda: self._library.redo_merge(self._undo))

    def undo(self) -> None:
        self._run(lambda: self._library.undo_merge(self._undo))

    def _run(self, operation: Callable[[], None]) -> None:
        try:
            operation()
        except Exception as error:  # a Qt virtual must not raise
            log.info("could not undo or redo %s: %s", self.text(), error)
            self.setObsolete(True)  # nothing changed; the stack drops the step
            self._failed(str(error))
            return
        self._changed(self.map_ids)
