"""A three-way merge of one map at entity level, against a version both sides started from.

Two copies of a map (``ours``, the library merged into, and ``theirs``, the
library merged from) and the version both were edited from (``base``, a
snapshot both libraries hold) are compared entity by entity, by id:

- the same on both sides (or gone from both): kept;
- changed (added, edited, removed) on one side only: that side's state is taken;
- changed differently on both sides: a :class:`Conflict`, and no merged map.

Entities are compared whole (the rule of docs/merge.md): a card retitled on
one laptop and moved on the other is a conflict, never a silent mix.  A
merged map whose combined edits break a rule of the model (two emotion values
in one column, a card left in a removed stage) is refused with the rule's
sentence, so the caller keeps both versions instead.  Pure: no storage, no Qt.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import CHILD_KINDS
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_bundle
from jmapper.model.kinds import label

#: Kinds compared, the map's own fields first.
MERGED_KINDS: tuple[str, ...] = ("map", *CHILD_KINDS)


@dataclass(frozen=True)
class Conflict:
    """One entity changed differently on both sides (``None``: removed on that side)."""

    kind: str
    id: str
    ours: Any | None
    theirs: Any | None

    def sentence(self) -> str:
        """How the report names it: 'Card “Wait time”: changed differently on both sides.'"""
        entity = self.ours if self.ours is not None else self.theirs
        what = describe(self.kind, entity)
        if self.ours is not None and self.theirs is not None:
            other = describe(self.kind, self.theirs)
            if other != what:  # renamed differently: name both
                what = f"{what} ({other.removeprefix(label(self.kind)).strip()} there)"
        if self.ours is None:
            how = "removed here, changed in the other library"
        elif self.theirs is None:
            how = "changed here, removed in the other library"
        else:
            how = "changed differently on both sides"
        return f"{what}: {how}."


@dataclass
class ThreeWay:
    """The outcome: a merged map, or why there is none (conflicts or a broken rule)."""

    merged: MapBundle | None
    conflicts: list[Conflict] = field(default_factory=list)
    refusal: str | None = None
    #: Entities taken from ``theirs`` (changed there only).
    taken: int = 0
    #: Entities kept from ``ours`` that changed there only.
    kept: int = 0


def describe(kind: str, entity: Any) -> str:
    """An entity as a reader knows it: its kind's label and its title or name, if any."""
    for attribute in ("title", "name", "text", "label"):
        text = getattr(entity, attribute, None)
        if isinstance(text, str) and text.strip():
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 40 else shown[:39] + "\u2026"
            return f"{label(kind)} \u201c{shown}\u201d"
    return label(kind)


def same_content(first: MapBundle, second: MapBundle) -> bool:
    """Whether two bundles hold the same map (personas, which are library-wide, aside)."""
    return first.map == second.map and first.collections == second.collections


def merge_three_way(base: MapBundle, ours: MapBundle, theirs: MapBundle) -> ThreeWay:
    """Merge ``theirs`` into ``ours`` against ``base`` (none of the three is changed)."""
    result = ours.copy()
    for persona_id, persona in theirs.personas.items():
        result.personas.setdefault(persona_id, copy.deepcopy(persona))
    conflicts: list[Conflict] = []
    taken = kept = 0
    for kind in MERGED_KINDS:
        for entity_id in _ids(kind, base, ours, theirs):
            before = base.get(kind, entity_id)
            mine = ours.get(kind, entity_id)
            other = theirs.get(kind, entity_id)
            if mine == other:
                continue
            if mine == before:
                result.put(kind, entity_id, copy.deepcopy(other))
                taken += 1
            elif other == before:
                kept += 1
            else:
                conflicts.append(Conflict(kind, entity_id, mine, other))
    if conflicts:
        return ThreeWay(None, conflicts, taken=taken, kept=kept)
    _renumber(result)
    try:
        check_bundle(result)
    except DomainError as error:
        return ThreeWay(None, refusal=str(error), taken=taken, kept=kept)
    return ThreeWay(result, taken=taken, kept=kept)


def _ids(kind: str, *bundles: MapBundle) -> list[str]:
    if kind == "map":
        return list(dict.fromkeys(bundle.map.id for bundle in bundles))
    found: dict[str, None] = {}
    for bundle in bundles:
        found.update(dict.fromkeys(bundle.collection(kind)))
    return list(found)


def _renumber(bundle: MapBundle) -> None:
    """Close gaps and ties in stage, step and lane positions, keeping their order.

    Both sides adding a stage at the end gives two stages at one position;
    ordered by (position, id) and numbered again, both stay, one after the other.
    """
    _number(bundle, "stage", bundle.stages.values())
    for stage_id in list(bundle.stages):
        _number(bundle, "step", (s for s in bundle.steps.values() if s.stage_id == stage_id))
    _number(bundle, "lane", bundle.lanes.values())


def _number(bundle: MapBundle, kind: str, items: Iterable[Any]) -> None:
    ordered = sorted(items, key=lambda item: (item.position, item.id))
    for position, item in enumerate(ordered):
        if item.position != position:
            bundle.put(kind, item.id, dataclasses.replace(item, position=position))
