"""The library file as the document: continuous, incremental persistence.

A :class:`LibraryStore` is one open ``.jmapper`` file.  Every edit reaches it
as a change set through :meth:`LibraryStore.apply`, written in one short
transaction of just the rows it names, so nothing the screen shows as done is
ever only in memory (DESIGN principle 7).  Opening recognises the file first
and refuses anything that is not a current or older library without touching
it; an older library is copied to a backup beside it and then upgraded
(principle 8).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, exc, func, select

from jmapper import __version__
from jmapper.model.bundle import MapBundle
from jmapper.model.changes import EntityChange
from jmapper.model.entities import CHILD_KINDS, Persona, Snapshot
from jmapper.model.enums import MapStatus, MapType
from jmapper.storage import probe as probing
from jmapper.storage.connection import (
    DEFAULT_BUSY_TIMEOUT,
    make_engine,
    transaction,
    translate,
)
from jmapper.storage.errors import (
    LibraryError,
    LibraryNotFoundError,
    LibraryReadOnlyError,
    quoted,
)
from jmapper.storage.rows import row_decoder, row_encoder
from jmapper.storage.schema import (
    ALEMBIC_VERSION_DDL,
    APPLICATION_ID,
    FORMAT_MARKER,
    HEAD_REVISION,
    META_TABLE,
    SCHEMA_VERSION,
    TABLES,
    metadata,
)
from jmapper.storage.statements import SETTING_SELECT, SETTING_UPSERT, STATEMENTS

log = logging.getLogger(__name__)


@dataclass
class MapSummary:
    """One line of the library's map list: enough to choose a map without loading it."""

    id: str
    title: str
    map_type: MapType
    status: MapStatus
    persona_name: str | None
    stage_count: int
    step_count: int
    lane_count: int
    card_count: int
    last_reviewed: date | None
    derived_from_id: str | None


class LibraryStore:
    """An open library file; create with :meth:`open` or :meth:`create`."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        *,
        read_only: bool,
        backup_path: Path | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.backup_path = backup_path
        self._engine: Engine | None = engine
        try:
            self._conn: Connection | None = engine.connect()
        except exc.DBAPIError as error:
            engine.dispose()
            raise translate(error, path) from None

    # -- opening and closing ----------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    ) -> LibraryStore:
        """Open a library, upgrading an older one after backing it up.

        Files that are not libraries, damaged or from a newer jmapper raise a
        :class:`LibraryError` subclass and are left byte-identical.  With
        ``create`` a missing (or empty) file becomes a new library.
        """
        path = Path(path).expanduser()
        if not path.exists():
            if create:
                return cls.create(path, busy_timeout=busy_timeout)
            raise LibraryNotFoundError(
                f"{quoted(path)} does not exist. Check where the library is, or create a new one."
            )
        if create and path.is_file() and path.stat().st_size == 0:
            return cls.create(path, busy_timeout=busy_timeout)
        found = probing.probe(path, busy_timeout)
        if found.schema == SCHEMA_VERSION:
            engine = make_engine(path, read_only=not found.writable, busy_timeout=busy_timeout)
            return cls(path, engine, read_only=not found.writable)
        if not found.writable:
            raise LibraryReadOnlyError(
                f"{quoted(path)} was made by an older version of jmapper and must be upgraded, "
                "but the file is read-only. Make it writable (or copy it to a folder you can "
                "write to) and open it again."
            )
        backup = _backup(path, found.schema)
        engine = make_engine(path, read_only=False, busy_timeout=busy_timeout)
        try:
            from jmapper.storage import migrate

            with engine.connect() as conn:
                migrate.upgrade(conn)
        except LibraryError:
            engine.dispose()
            raise
        except Exception as error:
            engine.dispose()
            if isinstance(getattr(error, "orig", None), sqlite3.OperationalError):
                raise translate(error, path) from None
            log.exception("upgrading %s failed", path)
            raise LibraryError(
                f"{quoted(path)} could not be upgraded to this version of jmapper. "
                f"It is unchanged, and a copy is kept as {quoted(backup)}."
            ) from None
        return cls(path, engine, read_only=False, backup_path=backup)

    @classmethod
    def create(
        cls, path: str | Path, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    ) -> LibraryStore:
        """Make a new, empty library at ``path`` (refused if a non-empty file is there).

        The file is built under a temporary name and renamed into place, so a
        crash never leaves a half-made library behind.
        """
        path = Path(path).expanduser()
        if path.exists() and (not path.is_file() or path.stat().st_size > 0):
            raise LibraryError(
                f"{quoted(path)} already exists. Open it, or choose another name for the "
                "new library."
            )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("cannot create %s: %s", path.parent, error)
            raise LibraryError(
                f"The folder for {quoted(path)} could not be created. "
                "Choose a folder you can write to."
            ) from None
        temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        engine = make_engine(temporary, read_only=False, busy_timeout=busy_timeout)
        try:
            with engine.connect() as conn, transaction(conn, temporary, write=True):
                _initialise(conn)
            engine.dispose()
            os.replace(temporary, path)
            _fsync_directory(path.parent)
        except (OSError, sqlite3.Error) as error:
            engine.dispose()
            log.warning("cannot create %s: %s", path, error)
            raise LibraryError(
                f"A new library could not be created at {quoted(path)}. "
                "Choose a folder you can write to."
            ) from None
        finally:
            for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
                leftover.unlink(missing_ok=True)
        return cls(
            path, make_engine(path, read_only=False, busy_timeout=busy_timeout), read_only=False
        )

    def close(self) -> None:
        """Close the file (checkpointing the WAL); safe to call twice."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------
    def _connection(self) -> Connection:
        if self._conn is None:
            raise LibraryError(f"{quoted(self.path)} has been closed. Open the library again.")
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with transaction(self._connection(), self.path, write=False) as conn:
            yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        conn = self._connection()
        if self.read_only:
            raise LibraryReadOnlyError(
                f"{quoted(self.path)} is open read-only, so your change was not saved. "
                "Make the file writable and open it again."
            )
        with transaction(conn, self.path, write=True):
            yield conn

    # -- the hot path ---------------------------------------------------------------
    def apply(self, changes: Sequence[EntityChange]) -> None:
        """Write one edit in one transaction: only the rows, and columns, it touched.

        An entity that existed before and after is an ``UPDATE`` of just the
        columns that differ; a new one an upsert of its row; a vanished one a
        ``DELETE``.  Foreign-key checks are deferred to the commit only when rows
        appear or disappear, so a change set can list them in any order.  This
        is the hot path of every keystroke, so it talks to the sqlite3
        connection directly with SQL built once per kind and column set.
        """
        if not changes:
            return
        conn = self._connection()
        if self.read_only:
            raise LibraryReadOnlyError(
                f"{quoted(self.path)} is open read-only, so your change was not saved. "
                "Make the file writable and open it again."
            )
        raw = conn.connection.driver_connection
        assert raw is not None
        structural = any(c.before is None or c.after is None for c in changes)
        try:
            raw.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise translate(error, self.path) from None
        try:
            if structural:
                raw.execute("PRAGMA defer_foreign_keys=ON")
            for change in changes:
                _write_change(raw, change)
            raw.execute("COMMIT")
        except BaseException as error:
            if raw.in_transaction:
                try:
                    raw.execute("ROLLBACK")
                except sqlite3.Error as rollback_error:
                    log.error("rollback failed: %s", rollback_error)
            if isinstance(error, sqlite3.Error):
                raise translate(error, self.path) from None
            raise

    # -- maps -------------------------------------------------------------------------
    def list_maps(self) -> list[MapSummary]:
        """Every map in the library, ordered by title."""
        maps = TABLES["map"]
        with self._reading() as conn:
            persona = TABLES["persona"]
            personas = dict(conn.execute(select(persona.c.id, persona.c.name)).all())
            counts = {kind: self._counts(conn, kind) for kind in ("stage", "step", "lane", "card")}
            rows = conn.execute(
                select(
                    maps.c.id,
                    maps.c.title,
                    maps.c.map_type,
                    maps.c.status,
                    maps.c.primary_persona_id,
                    maps.c.last_reviewed,
                    maps.c.derived_from_id,
                )
            ).all()
        summaries = [
            MapSummary(
                id=row.id,
                title=row.title,
                map_type=MapType(row.map_type),
                status=MapStatus(row.status),
                persona_name=personas.get(row.primary_persona_id),
                stage_count=counts["stage"].get(row.id, 0),
                step_count=counts["step"].get(row.id, 0),
                lane_count=counts["lane"].get(row.id, 0),
                card_count=counts["card"].get(row.id, 0),
                last_reviewed=date.fromisoformat(row.last_reviewed) if row.last_reviewed else None,
                derived_from_id=row.derived_from_id,
            )
            for row in rows
        ]
        return sorted(summaries, key=lambda s: (s.title.casefold(), s.title, s.id))

    @staticmethod
    def _counts(conn: Connection, kind: str) -> dict[str, int]:
        table = TABLES[kind]
        query = select(table.c.map_id, func.count()).group_by(table.c.map_id)
        return dict(conn.execute(query).all())

    def map_ids(self) -> list[str]:
        with self._reading() as conn:
            return list(conn.execute(select(TABLES["map"].c.id)).scalars())

    def has_map(self, map_id: str) -> bool:
        with self._reading() as conn:
            return self._has(conn, "map", map_id)

    @staticmethod
    def _has(conn: Connection, kind: str, entity_id: str) -> bool:
        found = conn.execute(STATEMENTS[kind].select_by_id, {"entity_id": entity_id}).first()
        return found is not None

    def load_map(self, map_id: str) -> MapBundle:
        """The map with all it holds; ``personas`` are all the library's personas."""
        with self._reading() as conn:
            row = conn.execute(STATEMENTS["map"].select_by_id, {"entity_id": map_id}).first()
            if row is None:
                raise LibraryError(
                    f"That map is no longer in {quoted(self.path)}. "
                    "Choose another map from the library."
                )
            bundle = MapBundle(map=row_decoder("map")(tuple(row)))
            bundle.personas = self._personas(conn)
            for kind in CHILD_KINDS:
                statement = STATEMENTS[kind].select_by_map
                assert statement is not None
                decode = row_decoder(kind)
                result = conn.execute(statement, {"map_id": map_id})
                entities = map(decode, result)
                bundle.collections[kind] = {entity.id: entity for entity in entities}
        return bundle

    def add_bundle(self, bundle: MapBundle) -> None:
        """Store a new map with all its children and its personas, in one transaction."""
        with self._writing() as conn:
            if self._has(conn, "map", bundle.map.id):
                raise LibraryError(
                    f"This map is already in {quoted(self.path)}. "
                    "Open it from the library instead of adding it again."
                )
            self._insert_bundle(conn, bundle)

    def replace_bundle(self, bundle: MapBundle) -> None:
        """Replace a map's rows with the bundle's, in one transaction (snapshots stay)."""
        with self._writing() as conn:
            for kind in reversed(CHILD_KINDS):
                statement = STATEMENTS[kind].delete_by_map
                assert statement is not None
                conn.execute(statement, {"map_id": bundle.map.id})
            self._insert_bundle(conn, bundle)

    @staticmethod
    def _insert_bundle(conn: Connection, bundle: MapBundle) -> None:
        if bundle.personas:
            encode = row_encoder("persona")
            rows = [encode(p) for p in bundle.personas.values()]
            conn.execute(STATEMENTS["persona"].upsert, rows)
        conn.execute(STATEMENTS["map"].upsert, row_encoder("map")(bundle.map))
        for kind in CHILD_KINDS:
            entities = bundle.collections[kind]
            if entities:
                encode = row_encoder(kind)
                conn.execute(STATEMENTS[kind].insert, [encode(e) for e in entities.values()])

    def delete_map(self, map_id: str) -> None:
        """Delete a map; its children and snapshots go with it (ON DELETE CASCADE)."""
        with self._writing() as conn:
            conn.execute(STATEMENTS["map"].delete_by_id, {"entity_id": map_id})

    # -- personas -----------------------------------------------------------------------
    def list_personas(self) -> list[Persona]:
        with self._reading() as conn:
            personas = self._personas(conn)
        return sorted(personas.values(), key=lambda p: (p.name.casefold(), p.id))

    @staticmethod
    def _personas(conn: Connection) -> dict[str, Persona]:
        decode = row_decoder("persona")
        columns = STATEMENTS["persona"].select_by_id.selected_columns
        rows = conn.execute(select(*columns))
        return {persona.id: persona for persona in map(decode, rows)}

    def save_persona(self, persona: Persona) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["persona"].upsert, row_encoder("persona")(persona))

    def delete_persona(self, persona_id: str) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["persona"].delete_by_id, {"entity_id": persona_id})

    # -- snapshots ------------------------------------------------------------------------
    def save_snapshot(self, snapshot: Snapshot) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["snapshot"].upsert, row_encoder("snapshot")(snapshot))

    def list_snapshots(self, map_id: str) -> list[Snapshot]:
        """A map's named versions, newest first, without their (large) payloads."""
        table = TABLES["snapshot"]
        query = (
            select(table.c.id, table.c.map_id, table.c.name, table.c.created)
            .where(table.c.map_id == map_id)
            .order_by(table.c.created.desc(), table.c.id)
        )
        with self._reading() as conn:
            return [Snapshot(*row, payload="") for row in conn.execute(query)]

    def load_snapshot(self, snapshot_id: str) -> Snapshot:
        with self._reading() as conn:
            row = conn.execute(
                STATEMENTS["snapshot"].select_by_id, {"entity_id": snapshot_id}
            ).first()
        if row is None:
            raise LibraryError(
                f"That version is no longer in {quoted(self.path)}. Choose another version."
            )
        snapshot: Snapshot = row_decoder("snapshot")(tuple(row))
        return snapshot

    def delete_snapshot(self, snapshot_id: str) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["snapshot"].delete_by_id, {"entity_id": snapshot_id})

    # -- settings and health ---------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._reading() as conn:
            value = conn.execute(SETTING_SELECT, {"key": key}).scalar()
        return default if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        with self._writing() as conn:
            conn.execute(SETTING_UPSERT, {"key": key, "value": value})

    def integrity_ok(self) -> bool:
        """Whether SQLite's full integrity check passes."""
        with self._reading() as conn:
            rows = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        return rows == ["ok"]


def _initialise(conn: Connection) -> None:
    """Create the head schema without Alembic, stamped as if Alembic had made it."""
    metadata.create_all(conn)
    conn.exec_driver_sql(ALEMBIC_VERSION_DDL)
    conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,))
    conn.execute(
        META_TABLE.insert(),
        [
            {"key": "format", "value": FORMAT_MARKER},
            {"key": "library_id", "value": uuid.uuid4().hex},
            {"key": "created_by", "value": f"jmapper {__version__}"},
        ],
    )
    conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")


def _backup(path: Path, schema: int) -> Path:
    """Copy an older library beside itself before upgrading it; returns the copy's path.

    With no pending WAL the copy is byte for byte, taken under a read
    transaction so no other writer can change the file meanwhile; otherwise
    SQLite's backup API makes a consistent copy that includes the WAL.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{schema}-backup-{stamp}.jmapper")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.v{schema}-backup-{stamp}-{counter}.jmapper")
    wal = Path(f"{path}-wal")
    source = sqlite3.connect(probing.read_only_uri(path), uri=True, isolation_level=None)
    try:
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if wal.exists() and wal.stat().st_size > 0:
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
        else:
            shutil.copyfile(path, target)
        with target.open("rb+") as handle:
            os.fsync(handle.fileno())
        source.execute("COMMIT")
    except (OSError, sqlite3.Error) as error:
        log.warning("backing up %s failed: %s", path, error)
        target.unlink(missing_ok=True)
        raise LibraryError(
            f"{quoted(path)} needs upgrading, but a backup copy could not be written beside it, "
            "so it was left unchanged. Free some space or move it to a folder you can write to."
        ) from None
    finally:
        source.close()
    _fsync_directory(path.parent)
    log.info("backed up %s to %s", path, target)
    return target


def _fsync_directory(directory: Path) -> None:
    """Make a rename or new file in ``directory`` durable (a no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_change(raw: sqlite3.Connection, change: EntityChange) -> None:
    table = TABLES[change.kind].name
    encode = row_encoder(change.kind)
    if change.after is None:
        raw.execute(f'DELETE FROM "{table}" WHERE id = ?', (change.id,))
        return
    after = encode(change.after)
    if change.before is None:
        raw.execute(_upsert_sql(change.kind), tuple(after[n] for n in _column_names(change.kind)))
        return
    before = encode(change.before)
    changed = tuple(name for name, value in after.items() if before.get(name) != value)
    if changed:
        raw.execute(_update_sql(table, changed), (*(after[n] for n in changed), change.id))


@cache
def _column_names(kind: str) -> tuple[str, ...]:
    return tuple(column.name for column in TABLES[kind].columns)


@cache
def _upsert_sql(kind: str) -> str:
    table = TABLES[kind].name
    names = _column_names(kind)
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    updates = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != "id")
    return (
        f'INSERT INTO "{table}" ({columns}) VALUES ({marks}) '
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )


@cache
def _update_sql(table: str, columns: tuple[str, ...]) -> str:
    assignments = ", ".join(f'"{n}" = ?' for n in columns)
    return f'UPDATE "{table}" SET {assignments} WHERE id = ?'
