"""The library's tables, declared once from the model dataclasses.

Each entity kind gets a SQLAlchemy Core table whose columns are the
dataclass's fields, built from its type hints, so a field added to the model
cannot be forgotten here (the schema parity and round-trip tests then demand a
migration).  Columns hold the :mod:`jmapper.model.codec` form: enums and dates
as text, lists, dicts and the emotion scale as JSON text, bools as integers.

There are deliberately no ORM classes: the store maps rows to the model's
dataclasses itself (rows.py), and declaring mapped classes cost 40-80 ms of
start-up and pulled in ``sqlalchemy.orm`` for nothing.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from jmapper.model.entities import ENTITY_KINDS, EmotionScale, Snapshot

#: The schema number: ``PRAGMA user_version`` of a library at head.
SCHEMA_VERSION = 2
#: The Alembic revision a library at head carries, and each revision's schema number.
HEAD_REVISION = "0002_library_settings"
REVISIONS: dict[str, int] = {"0001_initial": 1, "0002_library_settings": 2}
#: ``PRAGMA application_id``: "JMAP" in ASCII, so file(1) and we can recognise the file.
APPLICATION_ID = 0x4A4D4150
FORMAT_MARKER = "jmapper-library"

#: Structural references enforced by SQLite (deferred per transaction, so any order works).
FOREIGN_KEYS: dict[tuple[str, str], str] = {
    ("step", "stage_id"): "stage.id",
    ("card", "lane_id"): "lane.id",
    ("card", "stage_id"): "stage.id",
    ("card", "step_id"): "step.id",
    ("emotion_point", "stage_id"): "stage.id",
    ("emotion_point", "step_id"): "step.id",
    ("card_link", "source_card_id"): "card.id",
    ("card_link", "target_card_id"): "card.id",
    ("metric_value", "metric_id"): "metric_definition.id",
}

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """(the non-None type, whether None is allowed) of a field's hint."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def is_json(hint: Any) -> bool:
    """Whether a field is stored as JSON text (lists, dicts, the emotion scale)."""
    base, _ = _unwrap(hint)
    return typing.get_origin(base) in (list, dict) or base is EmotionScale


def _column_type(hint: Any) -> Any:
    base, _ = _unwrap(hint)
    if is_json(hint):
        return Text
    if base is bool or base is int:
        return Integer
    if base is float:
        return Float
    if base is str or base is date or (isinstance(base, type) and issubclass(base, Enum)):
        return Text
    raise TypeError(f"no column type for {hint!r}")


def _columns(kind: str, cls: type) -> list[Column[Any]]:
    hints = typing.get_type_hints(cls)
    columns: list[Column[Any]] = []
    for f in dataclasses.fields(cls):
        _, nullable = _unwrap(hints[f.name])
        args: list[Any] = []
        if f.name == "map_id":
            args.append(ForeignKey("map.id", ondelete="CASCADE"))
        elif (kind, f.name) in FOREIGN_KEYS:
            args.append(ForeignKey(FOREIGN_KEYS[(kind, f.name)]))
        indexed = f.name == "map_id" or (kind, f.name) in FOREIGN_KEYS
        columns.append(
            Column(
                f.name,
                String if f.name == "id" or f.name.endswith("_id") else _column_type(hints[f.name]),
                *args,
                primary_key=f.name == "id",
                nullable=nullable,
                index=indexed,
            )
        )
    return columns


#: Kind name -> table, for every entity kind and the snapshot.
TABLES: dict[str, Table] = {
    kind: Table(kind, metadata, *_columns(kind, cls))
    for kind, cls in {**ENTITY_KINDS, "snapshot": Snapshot}.items()
}

#: Key/value facts about the file itself: the format marker, library id, creator.
META_TABLE = Table(
    "library_meta",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

#: Library-level settings (export branding per library, for example).
SETTING_TABLE = Table(
    "library_setting",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

#: Alembic's own version table, created by hand for new files so creating one
#: does not import Alembic; the DDL matches what Alembic itself emits.
ALEMBIC_VERSION_DDL = (
    "CREATE TABLE alembic_version (\n"
    "\tversion_num VARCHAR(32) NOT NULL, \n"
    "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"
)
