"""Opening refuses every file that is not a usable library, and leaves it byte-identical."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from jmapper.model.changes import EntityChange
from jmapper.model.entities import Persona
from jmapper.storage import (
    LibraryBusyError,
    LibraryCorruptError,
    LibraryError,
    LibraryNotFoundError,
    LibraryReadOnlyError,
    LibraryStore,
    LibraryTooNewError,
    NotALibraryError,
    default_library_path,
)
from tests.storage.bundles import digest, full_bundle


def _refused(path: Path, error: type[LibraryError], message: str) -> None:
    """Opening ``path`` raises ``error`` with ``message``, changes no file and adds none."""
    before = digest(path)
    folder = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error) as caught:
        LibraryStore.open(path)
    assert str(caught.value) == message
    assert "Traceback" not in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == folder  # no -wal/-shm left


DAMAGED = (
    "“real.jmapper” is damaged (it may have been cut short or overwritten) and cannot be "
    "opened. Restore it from a backup copy."
)


@pytest.fixture
def real_library(tmp_path: Path) -> Path:
    """A closed library with enough rows that cutting it in half cuts into data."""
    path = tmp_path / "real.jmapper"
    with LibraryStore.create(path) as store:
        for number in range(20):
            store.add_bundle(full_bundle(f"Map {number}"))
    return path


def test_missing_file_is_refused_unless_create(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.jmapper"
    with pytest.raises(LibraryNotFoundError) as caught:
        LibraryStore.open(path)
    assert str(caught.value) == (
        "“nowhere.jmapper” does not exist. Check where the library is, or create a new one."
    )
    assert isinstance(caught.value, NotALibraryError)
    assert not path.exists()
    with LibraryStore.open(path, create=True) as store:
        assert store.map_ids() == []
    assert path.stat().st_size > 0


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jmapper"
    path.touch()
    _refused(
        path,
        NotALibraryError,
        "“empty.jmapper” is empty, so it is not a jmapper library. "
        "Choose a .jmapper library file, or create a new library.",
    )


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(os.urandom(5000))
    _refused(
        path,
        NotALibraryError,
        "“notes.txt” is not a jmapper library (it is not an SQLite database). "
        "Choose a .jmapper library file.",
    )


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(NotALibraryError, match="is a folder"):
        LibraryStore.open(tmp_path)


def test_truncated_library(real_library: Path) -> None:
    data = real_library.read_bytes()
    real_library.write_bytes(data[: len(data) // 2])
    _refused(real_library, LibraryCorruptError, DAMAGED)


def test_library_missing_a_table_is_damaged(real_library: Path) -> None:
    conn = sqlite3.connect(real_library)
    conn.execute("DROP TABLE card")
    conn.close()
    _refused(real_library, LibraryCorruptError, DAMAGED)


def test_table_dropped_while_open_says_restore_not_try_again(real_library: Path) -> None:
    with LibraryStore.open(real_library) as store:
        conn = sqlite3.connect(real_library)
        conn.execute("DROP TABLE card")
        conn.close()
        with pytest.raises(LibraryCorruptError) as caught:
            store.load_map(store.map_ids()[0])
    assert str(caught.value) == (
        "“real.jmapper” is damaged and cannot be used. Restore it from a backup copy."
    )


def test_overwritten_pages(real_library: Path) -> None:
    data = bytearray(real_library.read_bytes())
    data[8192:16384] = os.urandom(8192)
    real_library.write_bytes(bytes(data))
    _refused(real_library, LibraryCorruptError, DAMAGED)


def test_another_programs_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contact (name TEXT)")
    conn.execute("INSERT INTO contact VALUES ('Ada')")
    conn.commit()
    conn.close()
    _refused(
        path,
        NotALibraryError,
        "“contacts.db” is not a jmapper library (it is a database made by another program). "
        "Choose a .jmapper library file.",
    )


TOO_NEW = (
    "“real.jmapper” was made by a newer version of jmapper. "
    "Update jmapper to open it; the file has not been changed."
)


def test_too_new_user_version(real_library: Path) -> None:
    conn = sqlite3.connect(real_library)
    conn.execute("PRAGMA user_version=99")
    conn.close()
    _refused(real_library, LibraryTooNewError, TOO_NEW)


def test_too_new_alembic_revision(real_library: Path) -> None:
    conn = sqlite3.connect(real_library)
    conn.execute("UPDATE alembic_version SET version_num='0099_from_the_future'")
    conn.commit()
    conn.close()
    _refused(real_library, LibraryTooNewError, TOO_NEW)


@pytest.fixture
def read_only_library(real_library: Path) -> Iterator[Path]:
    real_library.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0o444, works as root too
    yield real_library
    real_library.chmod(0o644)


def test_read_only_file_opens_for_reading(read_only_library: Path) -> None:
    before = digest(read_only_library)
    with LibraryStore.open(read_only_library) as store:
        assert store.read_only
        summaries = store.list_maps()
        assert len(summaries) == 20
        bundle = store.load_map(summaries[0].id)
        assert store.get_setting("anything") is None
        message = (
            "“real.jmapper” is open read-only, so your change was not saved. "
            "Make the file writable and open it again."
        )
        with pytest.raises(LibraryReadOnlyError) as caught:
            store.apply([EntityChange("map", bundle.map.id, bundle.map, None)])
        assert str(caught.value) == message
        with pytest.raises(LibraryReadOnlyError):
            store.save_persona(Persona(name="Nope"))
        with pytest.raises(LibraryReadOnlyError):
            store.set_setting("k", "v")
        assert len(store.list_maps()) == 20
    assert digest(read_only_library) == before


def test_busy_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.jmapper"
    bundle = full_bundle()
    with LibraryStore.create(path) as store:
        store.add_bundle(bundle)
    store = LibraryStore.open(path, busy_timeout=0.1)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        before = digest(path)
        with pytest.raises(LibraryBusyError) as caught:
            store.apply([EntityChange("map", bundle.map.id, bundle.map, None)])
        assert str(caught.value) == (
            "“lib.jmapper” is being changed by another program, so your change could not be "
            "saved. Close the other program (or the other jmapper window) and try again."
        )
        assert digest(path) == before
        other.execute("ROLLBACK")
        store.apply([EntityChange("map", bundle.map.id, bundle.map, None)])  # works once free
        assert store.map_ids() == []
    finally:
        other.close()
        store.close()


def test_create_refuses_an_existing_file(real_library: Path) -> None:
    before = digest(real_library)
    with pytest.raises(LibraryError) as caught:
        LibraryStore.create(real_library)
    assert str(caught.value) == (
        "“real.jmapper” already exists. Open it, or choose another name for the new library."
    )
    assert digest(real_library) == before


def test_create_accepts_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.jmapper"
    path.touch()
    with LibraryStore.create(path) as store:
        assert store.integrity_ok()
    assert [p.name for p in tmp_path.iterdir()] == ["blank.jmapper"]  # no temporary left over


def test_new_library_is_recognisable(library: LibraryStore) -> None:
    conn = sqlite3.connect(f"file:{library.path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x4A4D4150
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 5
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        meta = dict(conn.execute("SELECT key, value FROM library_meta"))
    finally:
        conn.close()
    assert meta["format"] == "jmapper-library"
    assert len(meta["library_id"]) == 32
    assert meta["created_by"].startswith("jmapper ")


def test_connection_pragmas(library: LibraryStore) -> None:
    conn = library._connection()
    pragma = {
        name: conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
    }
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 200,
    }


def test_closed_store_says_so(tmp_path: Path) -> None:
    store = LibraryStore.create(tmp_path / "lib.jmapper")
    store.close()
    store.close()
    with pytest.raises(LibraryError, match="has been closed"):
        store.map_ids()


def test_default_library_path_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JMAPPER_DATA_DIR", str(tmp_path / "elsewhere"))
    assert default_library_path() == tmp_path / "elsewhere" / "library.jmapper"
    monkeypatch.delenv("JMAPPER_DATA_DIR")
    assert default_library_path().name == "library.jmapper"
    with LibraryStore.open(tmp_path / "elsewhere" / "library.jmapper", create=True) as store:
        assert store.map_ids() == []


def test_copy_of_library_is_unaffected(real_library: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.jmapper"
    shutil.copyfile(real_library, copy)
    with LibraryStore.open(copy) as store:
        assert len(store.map_ids()) == 20


def test_library_locked_while_opening(real_library: Path) -> None:
    conn = sqlite3.connect(real_library, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")  # so that a writer also blocks readers
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE library_meta SET value=value")
    try:
        before = digest(real_library)
        with pytest.raises(LibraryBusyError) as caught:
            LibraryStore.open(real_library, busy_timeout=0.1)
        assert str(caught.value) == (
            "“real.jmapper” is being changed by another program, so it could not be opened. "
            "Close the other program (or the other jmapper window) and try again."
        )
        assert digest(real_library) == before
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    with LibraryStore.open(real_library) as store:
        assert len(store.map_ids()) == 20
