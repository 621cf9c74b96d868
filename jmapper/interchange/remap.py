"""Fresh ids for imported maps: how "import as a copy" works.

When a file holds a map whose id the library already has, the import can
keep both by giving the incoming map, and everything in it, new ids.  Every
reference is rewritten through one old -> new table, so the copy is the same
map in every respect but its ids.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import CHILD_KINDS, new_id
from jmapper.model.kinds import references


def remap_ids(
    bundle: MapBundle, personas_too: bool = False, *, table: dict[str, str] | None = None
) -> MapBundle:
    """A deep copy of ``bundle`` in which every id is new and every reference follows.

    The map and all its entities get fresh uuid4 ids.  Personas get new ids
    only with ``personas_too`` (they are library entities, normally shared).
    ``derived_from_id`` and persona references outside the copy stay as they
    are, unless ``table`` says otherwise.

    ``table`` is an old -> new id table shared by one import: entries already
    in it are used for the map and its personas (so maps of one import that
    derive from each other stay linked, see :func:`remap_all`), and on return
    it holds every id this copy replaced.  The input bundle is not changed.
    """
    table = {} if table is None else table
    table.setdefault(bundle.map.id, new_id())
    if personas_too:
        for persona_id in bundle.personas:
            table.setdefault(persona_id, new_id())
    for kind in CHILD_KINDS:
        for old_id in bundle.collection(kind):
            table[old_id] = new_id()
    result = MapBundle(map=_renamed("map", bundle.map, table))
    for persona_id, persona in bundle.personas.items():
        renamed = copy.deepcopy(persona)
        renamed.id = table.get(persona_id, persona_id)
        result.personas[renamed.id] = renamed
    for kind in CHILD_KINDS:
        for entity in bundle.collection(kind).values():
            renamed = _renamed(kind, entity, table)
            renamed.map_id = result.map.id
            result.put(kind, renamed.id, renamed)
    return result


def remap_all(bundles: Iterable[MapBundle], personas_too: bool = False) -> list[MapBundle]:
    """Copies of several maps of one import, with links between them kept.

    A map derived from another map of the same import keeps pointing at it
    (at its new id); with ``personas_too`` a persona shared by several maps
    stays one persona.
    """
    bundles = list(bundles)
    table = {bundle.map.id: new_id() for bundle in bundles}
    if personas_too:
        for bundle in bundles:
            for persona_id in bundle.personas:
                table.setdefault(persona_id, new_id())
    return [remap_ids(bundle, personas_too, table=table) for bundle in bundles]


def _renamed(kind: str, entity: Any, table: dict[str, str]) -> Any:
    renamed = copy.deepcopy(entity)
    renamed.id = table.get(entity.id, entity.id)
    for ref in references(kind):
        value = getattr(renamed, ref.attribute)
        if isinstance(value, list):
            setattr(renamed, ref.attribute, [table.get(v, v) for v in value])
        elif value is not None:
            setattr(renamed, ref.attribute, table.get(value, value))
    return renamed
