"""Undo commands for whole maps: adding one to the library and deleting one.

They live on the library's QUndoStack, beside the documents' stacks in the
window's QUndoGroup.  Like the document's commands, the first ``redo`` (run
by ``push``) does nothing: the window performs the operation *before*
pushing, so a refused operation raises to the caller instead of failing
silently inside a Qt virtual.  Later undos and redos report failures through
``failed`` because Qt virtuals must not raise.  What a map's removal and
return do to the library is :mod:`jmapper.services.map_operations`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from jmapper.model.bundle import MapBundle
from jmapper.services.library_api import Library, RemovedMap

log = logging.getLogger(__name__)

#: Called after every undo or redo with the id of the map that came or went.
Changed = Callable[[str], None]
#: Called with a sentence when an undo or redo could not be written.
Failed = Callable[[str], None]


class _MapCommand(QUndoCommand):
    def __init__(
        self, text: str, library: Library, removed: RemovedMap, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(text)
        self._library = library
        self._removed = removed
        self._changed = changed
        self._failed = failed
        self._first_redo = True

    @property
    def map_id(self) -> str:
        return self._removed.map_id

    def _put_back(self) -> None:
        self._library.put_back(self._removed)

    def _delete(self) -> None:
        self._library.delete_map(self.map_id)

    def _run(self, operation: Callable[[], None]) -> None:
        try:
            operation()
        except Exception as error:  # a Qt virtual must not raise
            log.exception("could not undo or redo %s", self.text())
            self._failed(str(error))
            return
        self._changed(self.map_id)


class AddMapCommand(_MapCommand):
    """A map that was added (new, duplicated, derived, imported); undo deletes it."""

    def __init__(
        self, text: str, library: Library, bundle: MapBundle, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(text, library, RemovedMap(bundle), changed, failed)

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(self._put_back)

    def undo(self) -> None:
        self._run(self._delete)


class DeleteMapCommand(_MapCommand):
    """A map that was deleted; undo puts it back with its named versions."""

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(self._delete)

    def undo(self) -> None:
        self._run(self._put_back)
