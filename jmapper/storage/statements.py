"""The SQL of every read and write, built once per kind from the dataclass fields.

Column names are field names (:mod:`jmapper.storage.columns`), so the text
here is derived, not written out: a field added to the model appears in every
statement.  Plain strings with ``?`` placeholders, run on the store's sqlite3
connection; sqlite3 keeps their prepared forms in its statement cache, so a
session never imports SQLAlchemy and never compiles anything twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from jmapper.storage.columns import TABLE_KINDS, column_names
from jmapper.storage.constants import META_TABLE_NAME, SETTING_TABLE_NAME


def quote(name: str) -> str:
    """An identifier as SQL text (our names never contain quotes)."""
    return f'"{name}"'


@dataclass(frozen=True)
class KindStatements:
    """SQL for one kind's table; parameters are positional, in column order for rows."""

    table: str
    columns: tuple[str, ...]
    upsert: str  # INSERT … ON CONFLICT(id) DO UPDATE, a full row
    insert: str  # a full row
    delete_by_id: str  # (id,)
    select_by_id: str  # (id,) -> full rows
    select_all: str  # () -> full rows
    select_by_map: str | None  # (map_id,) -> full rows
    delete_by_map: str | None  # (map_id,)


def _statements(kind: str) -> KindStatements:
    table = quote(kind)
    names = column_names(kind)
    columns = ", ".join(quote(n) for n in names)
    marks = ", ".join("?" for _ in names)
    updates = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in names if n != "id")
    insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    select = f"SELECT {columns} FROM {table}"
    has_map = "map_id" in names
    return KindStatements(
        table=kind,
        columns=names,
        upsert=f"{insert} ON CONFLICT(id) DO UPDATE SET {updates}",
        insert=insert,
        delete_by_id=f"DELETE FROM {table} WHERE id = ?",
        select_by_id=f"{select} WHERE id = ?",
        select_all=select,
        select_by_map=f"{select} WHERE map_id = ?" if has_map else None,
        delete_by_map=f"DELETE FROM {table} WHERE map_id = ?" if has_map else None,
    )


STATEMENTS: dict[str, KindStatements] = {kind: _statements(kind) for kind in TABLE_KINDS}


@cache
def update_sql(kind: str, columns: tuple[str, ...]) -> str:
    """``UPDATE`` of just ``columns`` of one row: parameters are their values, then the id."""
    if kind not in STATEMENTS:
        raise KeyError(kind)
    assignments = ", ".join(f"{quote(n)} = ?" for n in columns)
    return f"UPDATE {quote(kind)} SET {assignments} WHERE id = ?"


SETTING_SELECT = f"SELECT value FROM {quote(SETTING_TABLE_NAME)} WHERE key = ?"
SETTING_UPSERT = (
    f"INSERT INTO {quote(SETTING_TABLE_NAME)} (key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)
META_INSERT = f"INSERT INTO {quote(META_TABLE_NAME)} (key, value) VALUES (?, ?)"

#: Run first in every write transaction: rewrites the ``library_meta`` page (a
#: real change, so SQLite cannot skip it), so every ``-wal`` jmapper leaves holds
#: its library's id and a journal copied beside another library is recognised
#: (:mod:`jmapper.storage.journal`).
WRITE_STAMP = (
    f"INSERT INTO {quote(META_TABLE_NAME)} (key, value) VALUES ('write_count', '1') "
    "ON CONFLICT(key) DO UPDATE SET value = value + 1"
)
LIBRARY_ID_SELECT = f"SELECT value FROM {quote(META_TABLE_NAME)} WHERE key = 'library_id'"
