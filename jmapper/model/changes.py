"""Change sets: the unit of editing, undo and persistence.

An edit is a list of :class:`EntityChange` records, each holding the entity's
state before and after (``None`` for "did not exist").  Applying ``after``
states performs the edit, applying ``before`` states undoes it, and storage
writes exactly the rows named: one edit, one short transaction, only the rows
it touched.  Entities are never mutated in place; an edit replaces them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EntityChange:
    kind: str
    id: str
    before: Any
    after: Any

    def inverted(self) -> EntityChange:
        return EntityChange(self.kind, self.id, self.after, self.before)


@dataclass
class ChangeSet:
    """One user-visible edit: its menu text and the entity changes it makes.

    ``merge_key`` marks continuous edits (typing, nudging, dragging an emotion
    point): consecutive change sets with the same key merge into one undo step.
    """

    text: str
    changes: list[EntityChange] = field(default_factory=list)
    merge_key: Hashable | None = None

    def __bool__(self) -> bool:
        return bool(self.changes)

    def inverted(self) -> ChangeSet:
        return ChangeSet(self.text, [c.inverted() for c in reversed(self.changes)], self.merge_key)

    def merged_with(self, later: ChangeSet) -> ChangeSet:
        """This edit followed by ``later``, as one edit (earliest before, latest after)."""
        order: list[tuple[str, str]] = []
        combined: dict[tuple[str, str], EntityChange] = {}
        for change in [*self.changes, *later.changes]:
            key = (change.kind, change.id)
            if key in combined:
                first = combined[key]
                combined[key] = EntityChange(change.kind, change.id, first.before, change.after)
            else:
                order.append(key)
                combined[key] = change
        kept = [combined[k] for k in order if combined[k].before != combined[k].after]
        return ChangeSet(self.text, kept, self.merge_key)

    def touched(self, kind: str) -> Iterable[EntityChange]:
        return (c for c in self.changes if c.kind == kind)
