"""Core statements for every table, built once at import and reused for every call.

SQLAlchemy caches the compiled form of a statement object, so keeping one
object per (kind, operation) makes each ``apply`` a cache hit: no reflection,
no compilation, just parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Delete, Select, Table, bindparam, delete, select
from sqlalchemy.dialects.sqlite import insert

from jmapper.storage.rows import field_names
from jmapper.storage.schema import SETTING_TABLE, TABLES


@dataclass(frozen=True)
class KindStatements:
    table: Table
    upsert: Any  # sqlite Insert … ON CONFLICT(id) DO UPDATE
    insert: Any
    delete_by_id: Delete
    select_by_id: Select[Any]
    select_by_map: Select[Any] | None
    delete_by_map: Delete | None


def _statements(kind: str, table: Table) -> KindStatements:
    columns = [table.c[name] for name in field_names(kind)]
    base = insert(table)
    upsert = base.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={c.name: base.excluded[c.name] for c in columns if c.name != "id"},
    )
    has_map = "map_id" in table.c
    return KindStatements(
        table=table,
        upsert=upsert,
        insert=insert(table),
        delete_by_id=delete(table).where(table.c.id == bindparam("entity_id")),
        select_by_id=select(*columns).where(table.c.id == bindparam("entity_id")),
        select_by_map=(
            select(*columns).where(table.c.map_id == bindparam("map_id")) if has_map else None
        ),
        delete_by_map=(
            delete(table).where(table.c.map_id == bindparam("map_id")) if has_map else None
        ),
    )


STATEMENTS: dict[str, KindStatements] = {
    kind: _statements(kind, table) for kind, table in TABLES.items()
}

_setting_insert = insert(SETTING_TABLE)
SETTING_UPSERT = _setting_insert.on_conflict_do_update(
    index_elements=[SETTING_TABLE.c.key], set_={"value": _setting_insert.excluded.value}
)
SETTING_SELECT = select(SETTING_TABLE.c.value).where(SETTING_TABLE.c.key == bindparam("key"))
