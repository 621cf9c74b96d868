"""The library's tables, declared once from the model dataclasses.

Each entity kind gets a SQLAlchemy Core table whose columns are the
dataclass's fields, built from its type hints, so a field added to the model
cannot be forgotten here (the schema parity and round-trip tests then demand a
migration).  Columns hold the :mod:`jmapper.model.codec` form: enums and dates
as text, lists, dicts and the emotion scale as JSON text, bools as integers.

There are deliberately no ORM classes: the store maps rows to the model's
dataclasses itself (rows.py), and declaring mapped classes cost 40-80 ms of
start-up and pulled in ``sqlalchemy.orm`` for nothing.

Nor does a session import this module: opening a library and every read and
write talk to a plain ``sqlite3`` connection with SQL built from the same
dataclass fields (:mod:`jmapper.storage.columns`, ``statements``).  SQLAlchemy
is imported only to create a new file (:func:`create_ddl`), to migrate one
(Alembic) and in tests, which check that both routes make the same schema.
"""

from __future__ import annotations

import dataclasses
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
    create_mock_engine,
    text,
)

from jmapper.storage.columns import TABLE_KINDS, is_json, unwrap
from jmapper.storage.constants import (
    ALEMBIC_VERSION_DDL,
    APPLICATION_ID,
    FOREIGN_KEYS,
    FORMAT_MARKER,
    HEAD_REVISION,
    META_TABLE_NAME,
    REVISIONS,
    SCHEMA_VERSION,
    SETTING_TABLE_NAME,
)

__all__ = [
    "ALEMBIC_VERSION_DDL",
    "APPLICATION_ID",
    "FOREIGN_KEYS",
    "FORMAT_MARKER",
    "HEAD_REVISION",
    "META_TABLE",
    "REVISIONS",
    "SCHEMA_VERSION",
    "SETTING_TABLE",
    "TABLES",
    "create_ddl",
    "is_json",
    "metadata",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _column_type(hint: Any) -> Any:
    base, _ = unwrap(hint)
    if is_json(hint):
        return Text
    if base is bool or base is int:
        return Integer
    if base is float:
        return Float
    if base is str or base is date or (isinstance(base, type) and issubclass(base, Enum)):
        return Text
    raise TypeError(f"no column type for {hint!r}")


#: Columns added to existing tables by a migration with a value for the rows already there
#: (SQLite's ADD COLUMN needs it for NOT NULL); new files carry the same default.
SERVER_DEFAULTS: dict[tuple[str, str], str] = {("opportunity", "votes"): "0"}


def _columns(kind: str, cls: type) -> list[Column[Any]]:
    hints = typing.get_type_hints(cls)
    columns: list[Column[Any]] = []
    for f in dataclasses.fields(cls):
        _, nullable = unwrap(hints[f.name])
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
                server_default=(
                    text(SERVER_DEFAULTS[(kind, f.name)])
                    if (kind, f.name) in SERVER_DEFAULTS
                    else None
                ),
            )
        )
    return columns


#: Kind name -> table, for every entity kind and the snapshot.
TABLES: dict[str, Table] = {
    kind: Table(kind, metadata, *_columns(kind, cls)) for kind, cls in TABLE_KINDS.items()
}

#: Key/value facts about the file itself: the format marker, library id, creator.
META_TABLE = Table(
    META_TABLE_NAME,
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

#: Library-level settings (export branding per library, for example).
SETTING_TABLE = Table(
    SETTING_TABLE_NAME,
    metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)


def create_ddl() -> list[str]:
    """The statements ``metadata.create_all`` runs on an empty SQLite file, in its order.

    Captured through a mock engine, so a new library is created on the
    store's own sqlite3 connection, inside its one transaction.
    """
    statements: list[str] = []

    def capture(sql: Any, *_multiparams: Any, **_params: Any) -> None:
        statements.append(str(sql.compile(dialect=engine.dialect)).strip())

    engine = create_mock_engine("sqlite://", capture)
    metadata.create_all(engine, checkfirst=False)
    return statements
