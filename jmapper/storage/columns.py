"""Which entity kinds have tables, and what their columns are, without SQLAlchemy.

A table's columns are its dataclass's fields, in field order, with the same
names.  :mod:`jmapper.storage.schema` (the SQLAlchemy definition used to
create and migrate files) and :mod:`jmapper.storage.rows` /
:mod:`jmapper.storage.statements` (what every session runs) both derive
from the helpers here, so the two cannot disagree.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from jmapper.model.entities import ENTITY_KINDS, EmotionScale, Snapshot

#: Kind name -> dataclass, for every entity kind and the snapshot; each is one table.
TABLE_KINDS: dict[str, type] = {**ENTITY_KINDS, "snapshot": Snapshot}


def entity_class(kind: str) -> type:
    """The dataclass stored in ``kind``'s table (KeyError for an unknown kind)."""
    return TABLE_KINDS[kind]


def unwrap(hint: Any) -> tuple[Any, bool]:
    """(the non-None type, whether None is allowed) of a field's hint."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def is_json(hint: Any) -> bool:
    """Whether a field is stored as JSON text (lists, dicts, the emotion scale)."""
    base, _ = unwrap(hint)
    return typing.get_origin(base) in (list, dict) or base is EmotionScale


@cache
def column_names(kind: str) -> tuple[str, ...]:
    """``kind``'s columns in table order: its dataclass's field names."""
    return tuple(f.name for f in dataclasses.fields(entity_class(kind)))
