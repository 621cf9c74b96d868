"""The library file as the document: continuous, incremental persistence.

A :class:`LibraryStore` is one open ``.jmapper`` file.  Every edit reaches it
as a change set through :meth:`LibraryStore.apply`, written in one short
transaction of just the rows it names, so nothing the screen shows as done is
ever only in memory (docs/architecture.md).  Opening recognises the file first
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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from jmapper import __version__
from jmapper.model.bundle import MapBundle
from jmapper.model.changes import EntityChange
from jmapper.model.entities import CHILD_KINDS, Persona, Snapshot
from jmapper.model.enums import MapStatus, MapType
from jmapper.storage import probe as probing
from jmapper.storage.connection import (
    DEFAULT_BUSY_TIMEOUT,
    connect,
    rollback,
    transaction,
    translate,
)
from jmapper.storage.constants import (
    ALEMBIC_VERSION_DDL,
    APPLICATION_ID,
    FORMAT_MARKER,
    HEAD_REVISION,
    SCHEMA_VERSION,
)
from jmapper.storage.errors import (
    LibraryError,
    LibraryNotFoundError,
    LibraryReadOnlyError,
    UnreadableMapError,
    UnreadablePersonaError,
    quoted,
)
from jmapper.storage.rows import UnreadableValue, decode_value, row_decoder, row_encoder
from jmapper.storage.statements import (
    LIBRARY_ID_SELECT,
    META_INSERT,
    SETTING_SELECT,
    SETTING_UPSERT,
    STATEMENTS,
    WRITE_STAMP,
    update_sql,
)

log = logging.getLogger(__name__)

#: The map list's columns, and the kinds whose rows it counts per map.
_SUMMARY_SQL = (
    "SELECT id, title, map_type, status, primary_persona_id, last_reviewed, derived_from_id, "
    'next_review, created, review_cadence_months FROM "map"'
)
_COUNTED_KINDS = ("stage", "step", "lane", "card")
_MAP_TITLE = STATEMENTS["map"].columns.index("title")
_PERSONA_NAME = STATEMENTS["persona"].columns.index("name")


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
    # for the review state in the list (jmapper.analysis.health.review.review_state)
    next_review: date | None = None
    created: str = ""
    review_cadence_months: int | None = None


@dataclass(frozen=True)
class LibraryContents:
    """The maps an import plans against, read inside its write transaction."""

    map_ids: frozenset[str]
    titles: frozenset[str]


@dataclass(frozen=True)
class BundleWrites:
    """What one import writes: new maps, maps whose rows it replaces, personas to store."""

    added: Sequence[MapBundle] = ()
    replaced: Sequence[MapBundle] = ()
    personas: Sequence[Persona] = ()


@dataclass
class MapSurvey:
    """The map list: the maps this version can read, and one error per map it cannot."""

    readable: list[MapSummary] = field(default_factory=list)
    unreadable: list[UnreadableMapError] = field(default_factory=list)


class LibraryStore:
    """An open library file; create with :meth:`open` or :meth:`create`.

    Holds one plain ``sqlite3`` connection: a session never imports SQLAlchemy.
    """

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool,
        backup_path: Path | None = None,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.backup_path = backup_path
        self._batched = False
        try:
            self._conn: sqlite3.Connection | None = connect(
                path, read_only=read_only, busy_timeout=busy_timeout
            )
        except sqlite3.Error as error:
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
        if not path.exists() and not create:
            raise LibraryNotFoundError(
                f"{quoted(path)} does not exist. Check where the library is, or create a new one."
            )
        if not path.exists():
            try:
                return cls.create(path, busy_timeout=busy_timeout)
            except _MadeMeanwhile:
                pass  # another process made it a moment ago: open that one
        if create and path.is_file() and path.stat().st_size == 0:
            return cls.create(path, busy_timeout=busy_timeout)
        found = probing.probe(path, busy_timeout)
        if found.schema == SCHEMA_VERSION:
            store = cls(path, read_only=not found.writable, busy_timeout=busy_timeout)
            return store._with_library_id()
        if not found.writable:
            raise LibraryReadOnlyError(
                f"{quoted(path)} was made by an older version of jmapper and must be upgraded, "
                "but the file is read-only. Make it writable (or copy it to a folder you can "
                "write to) and open it again."
            )
        backup = _backup(path, found.schema)
        _upgrade(path, backup, busy_timeout)
        store = cls(path, read_only=False, backup_path=backup, busy_timeout=busy_timeout)
        return store._with_library_id()

    def _with_library_id(self) -> LibraryStore:
        """Give a writable library that lacks one its id (the journal check compares it)."""
        if self.read_only:
            return self
        try:
            with self._reading() as conn:
                found = conn.execute(LIBRARY_ID_SELECT).fetchone()
            if found is None:
                with self._writing() as conn:
                    conn.execute(META_INSERT, ("library_id", uuid.uuid4().hex))
                log.info("gave %s the library id it lacked", self.path)
        except BaseException:
            self.close()
            raise
        return self

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
            raise LibraryError(_ALREADY_EXISTS.format(path=quoted(path)))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("cannot create %s: %s", path.parent, error)
            raise LibraryError(
                f"The folder for {quoted(path)} could not be created. "
                "Choose a folder you can write to."
            ) from None
        temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        try:
            conn = connect(temporary, read_only=False, busy_timeout=busy_timeout)
            try:
                with transaction(conn, temporary, write=True):
                    _initialise(conn)
            finally:
                conn.close()
            _move_into_place(temporary, path)
            _fsync_directory(path.parent)
        except _MadeMeanwhile:
            raise
        except (OSError, sqlite3.Error, LibraryError) as error:
            log.warning("cannot create %s: %s", path, error)
            raise LibraryError(
                f"A new library could not be created at {quoted(path)}. "
                "Choose a folder you can write to."
            ) from None
        finally:
            for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
                leftover.unlink(missing_ok=True)
        return cls(path, read_only=False, busy_timeout=busy_timeout)

    def close(self) -> None:
        """Close the file (checkpointing the WAL); safe to call twice."""
        if self._conn is not None:
            rollback(self._conn)
            self._conn.close()
            self._conn = None

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        """The open sqlite3 connection (tests trace and query it)."""
        if self._conn is None:
            raise LibraryError(f"{quoted(self.path)} has been closed. Open the library again.")
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        if self._batched:
            yield self._connection()
            return
        with transaction(self._connection(), self.path, write=False) as conn:
            yield conn

    @contextmanager
    def _writing(self, *, defer_foreign_keys: bool = True) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        if self._batched:
            yield conn
            return
        self._refuse_if_read_only()
        with transaction(conn, self.path, write=True, defer_foreign_keys=defer_foreign_keys):
            conn.execute(WRITE_STAMP)
            yield conn

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run several of this store's reads and writes as one write transaction.

        Inside the block every method works as usual but nothing commits until
        the block ends: an exception (or a killed process) leaves the file as
        it was before ``batch`` began.  A merge of libraries is one such block
        (``jmapper.services.merge``).  Batches do not nest.
        """
        if self._batched:
            raise LibraryError("A library batch is already open; finish it first.")
        with self._writing():
            self._batched = True
            try:
                yield
            finally:
                self._batched = False

    def copy_to(self, target: Path) -> None:
        """Write a consistent copy of the library as last committed to ``target``.

        A second, read-only connection takes the copy with SQLite's backup API,
        so it works inside :meth:`batch` (WAL lets a reader see the committed
        state while this connection holds the write lock, which also keeps
        any other writer out until the batch ends).
        """
        source = sqlite3.connect(probing.read_only_uri(self.path), uri=True)
        try:
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
            with target.open("rb+") as handle:
                os.fsync(handle.fileno())
        except (OSError, sqlite3.Error) as error:
            log.warning("copying %s to %s failed: %s", self.path, target, error)
            target.unlink(missing_ok=True)
            raise LibraryError(
                f"A backup copy of {quoted(self.path)} could not be written at {quoted(target)}, "
                "so nothing was changed. Free some space or make the folder writable."
            ) from None
        finally:
            source.close()
        _fsync_directory(target.parent)

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise LibraryReadOnlyError(
                f"{quoted(self.path)} is open read-only, so your change was not saved. "
                "Make the file writable and open it again."
            )

    # -- the hot path ---------------------------------------------------------------
    def apply(self, changes: Sequence[EntityChange]) -> None:
        """Write one edit in one transaction: only the rows, and columns, it touched.

        An entity that existed before and after is an ``UPDATE`` of just the
        columns that differ; a new one an upsert of its row; a vanished one a
        ``DELETE``.  Foreign-key checks are deferred to the commit only when rows
        appear or disappear, so a change set can list them in any order.  This
        is the hot path of every keystroke: SQL built once per kind and column
        set, straight on the sqlite3 connection.
        """
        if not changes:
            return
        structural = any(c.before is None or c.after is None for c in changes)
        with self._writing(defer_foreign_keys=structural) as conn:
            for change in changes:
                _write_change(conn, change)

    # -- maps -------------------------------------------------------------------------
    def list_maps(self) -> list[MapSummary]:
        """Every map this version can read, ordered by title."""
        return self.survey_maps().readable

    def survey_maps(self) -> MapSurvey:
        """Every map in the library: those listed by title, and those it cannot read.

        A map whose list fields (type, status, review date) this version
        cannot read is reported, not listed, so one strange row never hides
        the rest of the library.
        """
        with self._reading() as conn:
            personas = dict(conn.execute('SELECT id, name FROM "persona"').fetchall())
            counts = {kind: self._counts(conn, kind) for kind in _COUNTED_KINDS}
            rows = conn.execute(_SUMMARY_SQL).fetchall()
        survey = MapSurvey()
        for row in rows:
            map_id, title, map_type, status, persona_id, reviewed, derived_from_id = row[:7]
            next_review, created, cadence = row[7:]
            try:
                summary = MapSummary(
                    id=map_id,
                    title=title,
                    map_type=decode_value("map", "map_type", map_type),
                    status=decode_value("map", "status", status),
                    persona_name=personas.get(persona_id),
                    stage_count=counts["stage"].get(map_id, 0),
                    step_count=counts["step"].get(map_id, 0),
                    lane_count=counts["lane"].get(map_id, 0),
                    card_count=counts["card"].get(map_id, 0),
                    last_reviewed=decode_value("map", "last_reviewed", reviewed or None),
                    derived_from_id=derived_from_id,
                    next_review=decode_value("map", "next_review", next_review or None),
                    created=created or "",
                    review_cadence_months=cadence,
                )
            except UnreadableValue as problem:
                survey.unreadable.append(_unreadable(map_id, title, problem))
                continue
            survey.readable.append(summary)
        survey.readable.sort(key=lambda s: (s.title.casefold(), s.title, s.id))
        survey.unreadable.sort(key=lambda e: (e.title.casefold(), e.title, e.map_id))
        return survey

    @staticmethod
    def _counts(conn: sqlite3.Connection, kind: str) -> dict[str, int]:
        query = f'SELECT map_id, count(*) FROM "{STATEMENTS[kind].table}" GROUP BY map_id'
        return dict(conn.execute(query).fetchall())

    def map_ids(self) -> list[str]:
        with self._reading() as conn:
            return [row[0] for row in conn.execute('SELECT id FROM "map"')]

    def has_map(self, map_id: str) -> bool:
        with self._reading() as conn:
            return self._has(conn, "map", map_id)

    @staticmethod
    def _has(conn: sqlite3.Connection, kind: str, entity_id: str) -> bool:
        found = conn.execute(f'SELECT 1 FROM "{kind}" WHERE id = ?', (entity_id,)).fetchone()
        return found is not None

    def load_map(self, map_id: str) -> MapBundle:
        """The map with all it holds; ``personas`` are all the library's personas.

        A value this version cannot read raises :class:`UnreadableMapError`
        naming the map and the field.
        """
        with self._reading() as conn:
            row = conn.execute(STATEMENTS["map"].select_by_id, (map_id,)).fetchone()
            if row is None:
                raise LibraryError(
                    f"That map is no longer in {quoted(self.path)}. "
                    "Choose another map from the library."
                )
            try:
                bundle = MapBundle(map=row_decoder("map")(row))
                bundle.personas = self._personas(conn)
                for kind in CHILD_KINDS:
                    statement = STATEMENTS[kind].select_by_map
                    assert statement is not None
                    entities = map(row_decoder(kind), conn.execute(statement, (map_id,)))
                    bundle.collections[kind] = {entity.id: entity for entity in entities}
            except UnreadableValue as problem:
                raise _unreadable(map_id, row[_MAP_TITLE], problem) from None
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
                conn.execute(statement, (bundle.map.id,))
            self._insert_bundle(conn, bundle)

    def add_bundles(self, plan: Callable[[LibraryContents], BundleWrites]) -> BundleWrites:
        """Write a whole import in one ``BEGIN IMMEDIATE`` transaction: all of it or none.

        ``plan`` is called inside the transaction with the library's map ids
        and titles and returns what to write, so its decisions (a copy for a
        map already there, or a replacement) cannot be overtaken by another
        process: a second import waits for the lock, then plans against what
        the first one wrote.
        """
        with self._writing() as conn:
            rows = conn.execute('SELECT id, title FROM "map"').fetchall()
            contents = LibraryContents(
                map_ids=frozenset(row[0] for row in rows),
                titles=frozenset(row[1] for row in rows),
            )
            writes = plan(contents)
            for bundle in writes.added:
                if bundle.map.id in contents.map_ids:
                    raise LibraryError(
                        f"This map is already in {quoted(self.path)}. "
                        "Open it from the library instead of adding it again."
                    )
            for bundle in writes.replaced:
                for kind in reversed(CHILD_KINDS):
                    statement = STATEMENTS[kind].delete_by_map
                    assert statement is not None
                    conn.execute(statement, (bundle.map.id,))
            for bundle in (*writes.replaced, *writes.added):
                self._insert_bundle(conn, bundle)
            if writes.personas:
                personas = [_values("persona", p) for p in writes.personas]
                conn.executemany(STATEMENTS["persona"].upsert, personas)
        return writes

    @staticmethod
    def _insert_bundle(conn: sqlite3.Connection, bundle: MapBundle) -> None:
        if bundle.personas:
            rows = [_values("persona", p) for p in bundle.personas.values()]
            conn.executemany(STATEMENTS["persona"].upsert, rows)
        conn.execute(STATEMENTS["map"].upsert, _values("map", bundle.map))
        for kind in CHILD_KINDS:
            entities = bundle.collections[kind]
            if entities:
                encode = row_encoder(kind)
                conn.executemany(
                    STATEMENTS[kind].insert, [tuple(encode(e).values()) for e in entities.values()]
                )

    def delete_map(self, map_id: str) -> None:
        """Delete a map; its children and snapshots go with it (ON DELETE CASCADE)."""
        with self._writing() as conn:
            conn.execute(STATEMENTS["map"].delete_by_id, (map_id,))

    # -- personas -----------------------------------------------------------------------
    def list_personas(self) -> list[Persona]:
        with self._reading() as conn:
            personas = self._personas(conn)
        return sorted(personas.values(), key=lambda p: (p.name.casefold(), p.id))

    def _personas(self, conn: sqlite3.Connection) -> dict[str, Persona]:
        decode = row_decoder("persona")
        personas = {}
        for row in conn.execute(STATEMENTS["persona"].select_all):
            try:
                persona = decode(row)
            except UnreadableValue as problem:
                log.warning("persona %s (%r) cannot be read: %s", row[0], row[1], problem)
                raise UnreadablePersonaError(
                    self.path, row[_PERSONA_NAME], problem.field, problem.value
                ) from None
            personas[persona.id] = persona
        return personas

    def save_persona(self, persona: Persona) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["persona"].upsert, _values("persona", persona))

    def delete_persona(self, persona_id: str) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["persona"].delete_by_id, (persona_id,))

    # -- snapshots ------------------------------------------------------------------------
    def save_snapshot(self, snapshot: Snapshot) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["snapshot"].upsert, _values("snapshot", snapshot))

    def list_snapshots(self, map_id: str) -> list[Snapshot]:
        """A map's named versions, newest first, without their (large) payloads."""
        query = (
            'SELECT id, map_id, name, created FROM "snapshot" WHERE map_id = ? '
            "ORDER BY created DESC, id"
        )
        with self._reading() as conn:
            rows = conn.execute(query, (map_id,)).fetchall()
        return [
            Snapshot(id=snapshot_id, map_id=of_map, name=name, created=created, payload="")
            for snapshot_id, of_map, name, created in rows
        ]

    def load_snapshot(self, snapshot_id: str) -> Snapshot:
        with self._reading() as conn:
            row = conn.execute(STATEMENTS["snapshot"].select_by_id, (snapshot_id,)).fetchone()
        if row is None:
            raise LibraryError(
                f"That version is no longer in {quoted(self.path)}. Choose another version."
            )
        snapshot: Snapshot = row_decoder("snapshot")(row)
        return snapshot

    def delete_snapshot(self, snapshot_id: str) -> None:
        with self._writing() as conn:
            conn.execute(STATEMENTS["snapshot"].delete_by_id, (snapshot_id,))

    # -- settings and health ---------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._reading() as conn:
            row = conn.execute(SETTING_SELECT, (key,)).fetchone()
        return default if row is None or row[0] is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with self._writing() as conn:
            conn.execute(SETTING_UPSERT, (key, value))

    def integrity_ok(self) -> bool:
        """Whether SQLite's full integrity check passes."""
        with self._reading() as conn:
            rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        return rows == ["ok"]


def _unreadable(map_id: str, title: str, problem: UnreadableValue) -> UnreadableMapError:
    log.warning("map %s (%r) cannot be read: %s", map_id, title, problem)
    return UnreadableMapError(map_id, title, problem.kind, problem.field, problem.value)


def _initialise(conn: sqlite3.Connection) -> None:
    """Create the head schema without Alembic, stamped as if Alembic had made it.

    The tables are SQLAlchemy's ``create_all`` of :mod:`jmapper.storage.schema`,
    captured as SQL: creating a library is the one everyday task that imports
    SQLAlchemy, and it runs here on our own connection, in our transaction.
    """
    from jmapper.storage.schema import create_ddl

    for statement in create_ddl():
        conn.execute(statement)
    conn.execute(ALEMBIC_VERSION_DDL)
    conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,))
    conn.executemany(
        META_INSERT,
        [
            ("format", FORMAT_MARKER),
            ("library_id", uuid.uuid4().hex),
            ("created_by", f"jmapper {__version__}"),
        ],
    )
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _upgrade(path: Path, backup: Path, busy_timeout: float) -> None:
    """Run the Alembic migrations on ``path`` (already backed up to ``backup``).

    Alembic needs a SQLAlchemy connection, so this is where both are imported;
    the engine is disposed (its connection closed) before the store reopens
    the file with its own sqlite3 connection.
    """
    from jmapper.storage import migrate
    from jmapper.storage.connection import make_engine

    engine = make_engine(path, read_only=False, busy_timeout=busy_timeout)
    try:
        with engine.connect() as conn:
            migrate.upgrade(conn)
    except LibraryError:
        raise
    except Exception as error:
        if isinstance(getattr(error, "orig", None), sqlite3.OperationalError):
            raise translate(error, path) from None
        log.exception("upgrading %s failed", path)
        raise LibraryError(
            f"{quoted(path)} could not be upgraded to this version of jmapper. "
            f"It is unchanged, and a copy is kept as {quoted(backup)}."
        ) from None
    finally:
        engine.dispose()


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


_ALREADY_EXISTS = "{path} already exists. Open it, or choose another name for the new library."


class _MadeMeanwhile(LibraryError):
    """Another process created the library while this one was building its own."""


def _move_into_place(temporary: Path, path: Path) -> None:
    """Put a new library at ``path``, never over one another process made meanwhile.

    A hard link fails when ``path`` exists, so two processes creating the
    same library at once (two imports into a new file) cannot replace each
    other's file and lose what the first one wrote.  Only the empty file that
    :meth:`LibraryStore.create` was asked to fill is renamed over; where hard
    links are not supported, a rename is the best there is.
    """
    if path.exists():
        if path.stat().st_size > 0:
            raise _MadeMeanwhile(_ALREADY_EXISTS.format(path=quoted(path)))
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise _MadeMeanwhile(_ALREADY_EXISTS.format(path=quoted(path))) from None
    except OSError as error:
        log.info("no hard link for %s (%s); renaming", path, error)
        os.replace(temporary, path)


def _fsync_directory(directory: Path) -> None:
    """Make a rename or new file in ``directory`` durable (a no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _values(kind: str, entity: object) -> tuple[object, ...]:
    """An entity's row as parameters in column order."""
    return tuple(row_encoder(kind)(entity).values())


def _write_change(raw: sqlite3.Connection, change: EntityChange) -> None:
    statements = STATEMENTS[change.kind]
    if change.after is None:
        raw.execute(statements.delete_by_id, (change.id,))
        return
    encode = row_encoder(change.kind)
    after = encode(change.after)
    if change.before is None:
        raw.execute(statements.upsert, tuple(after.values()))
        return
    before = encode(change.before)
    changed = tuple(name for name, value in after.items() if before.get(name) != value)
    if changed:
        raw.execute(update_sql(change.kind, changed), (*(after[n] for n in changed), change.id))
