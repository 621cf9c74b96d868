"""Undo commands for whole maps: adding one to the library and deleting one.

They live on the library's QUndoStack, beside the documents' stacks in the
window's QUndoGroup.  Like the document's commands, the first ``redo`` (run
by ``push``) does nothing: the window performs the operation *before*
pushing, so a refused operation raises to the caller instead of failing
silently inside a Qt virtual.  Later undos and redos report failures through
``failed`` because Qt virtuals must not raise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Snapshot

log = logging.getLogger(__name__)

#: Called after every undo or redo with the id of the map that came or went.
Changed = Callable[[str], None]
#: Called with a sentence when an undo or redo could not be written.
Failed = Callable[[str], None]


def _without_known_personas(store: Any, bundle: MapBundle) -> MapBundle:
    """The bundle with only the personas the library no longer has.

    Re-adding a deleted map must not overwrite personas edited since, so only
    personas that were deleted meanwhile come back with it.
    """
    known = {persona.id for persona in store.list_personas()}
    copy = bundle.copy()
    copy.personas = {pid: p for pid, p in copy.personas.items() if pid not in known}
    return copy


class _MapCommand(QUndoCommand):
    def __init__(
        self, text: str, store: Any, bundle: MapBundle, changed: Changed, failed: Failed
    ) -> None:
        super().__init__(text)
        self._store = store
        self._bundle = bundle
        self._changed = changed
        self._failed = failed
        self._first_redo = True

    @property
    def map_id(self) -> str:
        return self._bundle.map.id

    def _add(self) -> None:
        self._store.add_bundle(_without_known_personas(self._store, self._bundle))

    def _delete(self) -> None:
        self._store.delete_map(self.map_id)

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

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(self._add)

    def undo(self) -> None:
        self._run(self._delete)


class DeleteMapCommand(_MapCommand):
    """A map that was deleted; undo puts it back with its named versions."""

    def __init__(
        self,
        text: str,
        store: Any,
        bundle: MapBundle,
        snapshots: list[Snapshot],
        changed: Changed,
        failed: Failed,
    ) -> None:
        super().__init__(text, store, bundle, changed, failed)
        self._snapshots = snapshots

    def redo(self) -> None:
        if self._first_redo:
            self._first_redo = False
            return
        self._run(self._delete)

    def undo(self) -> None:
        self._run(self._restore)

    def _restore(self) -> None:
        self._add()
        for snapshot in self._snapshots:
            self._store.save_snapshot(snapshot)
