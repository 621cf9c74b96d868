"""Whole-map operations the editor offers beside `jmapper new`: copy, derive, remove, put back.

Each function takes the open library and does one use case completely, so
the widgets only decide *when* (a menu, a button, an undo) and never *how*.
The editor records the results on its library undo stack; undoing an added
map is :func:`remove_map`, undoing a removal is :func:`put_back`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Snapshot
from jmapper.model.enums import MapType
from jmapper.model.errors import DomainError
from jmapper.storage import LibraryStore


@dataclass
class RemovedMap:
    """A map taken out of the library, with its named versions, so it can be put back."""

    bundle: MapBundle
    snapshots: list[Snapshot] = field(default_factory=list)

    @property
    def map_id(self) -> str:
        return self.bundle.map.id


def unused_title(store: LibraryStore, wanted: str) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``... whichever no map in the library has."""
    titles = {summary.title for summary in store.list_maps()}
    candidate, number = wanted, 2
    while candidate in titles:
        candidate = f"{wanted} {number}"
        number += 1
    return candidate


def duplicate_map(store: LibraryStore, source: MapBundle) -> MapBundle:
    """Store a full copy of ``source`` titled "<title> (copy)" (numbered if taken)."""
    from jmapper.templates import duplicate_map as copy_of

    bundle = copy_of(source, unused_title(store, f"{source.map.title} (copy)"))
    store.add_bundle(bundle)
    return bundle


def derive_future_state(store: LibraryStore, source: MapBundle) -> MapBundle:
    """Store the future state derived from the current-state map ``source``."""
    from jmapper.templates import derive_future_state as derived_from

    if source.map.map_type is not MapType.CURRENT_STATE:
        raise DomainError(
            "A future state is derived from a current-state map; open one "
            f"(\u201c{source.map.title}\u201d is a {source.map.map_type.label.lower()})."
        )
    bundle = derived_from(source, unused_title(store, f"{source.map.title} (future state)"))
    store.add_bundle(bundle)
    return bundle


def remove_map(store: LibraryStore, map_id: str) -> RemovedMap:
    """Delete a map from the library, returning what :func:`put_back` needs to restore it."""
    bundle = store.load_map(map_id)
    snapshots = [store.load_snapshot(s.id) for s in store.list_snapshots(map_id)]
    store.delete_map(map_id)
    return RemovedMap(bundle, snapshots)


def put_back(store: LibraryStore, removed: RemovedMap) -> None:
    """Store a removed (or undone) map again, with its named versions.

    Personas edited since the map went are not overwritten: only personas the
    library no longer has come back with it.
    """
    known = {persona.id for persona in store.list_personas()}
    bundle = removed.bundle.copy()
    bundle.personas = {pid: p for pid, p in bundle.personas.items() if pid not in known}
    store.add_bundle(bundle)
    for snapshot in removed.snapshots:
        store.save_snapshot(snapshot)


def map_using_persona(
    store: LibraryStore, persona_id: str, open_map: MapBundle | None = None
) -> str | None:
    """The title of a map that shows the persona or has emotion values for it, if any.

    ``open_map`` is the editor's in-memory copy of the open map, used instead
    of loading that map again.
    """
    for map_id in store.map_ids():
        if open_map is not None and map_id == open_map.map.id:
            bundle = open_map
        else:
            bundle = store.load_map(map_id)
        if persona_id == bundle.map.primary_persona_id:
            return bundle.map.title
        if persona_id in bundle.map.overlay_persona_ids:
            return bundle.map.title
        if any(p.persona_id == persona_id for p in bundle.emotion_points.values()):
            return bundle.map.title
    return None
