"""Migrations: older files are backed up and upgraded; migrated and new files agree."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from jmapper.model.changes import EntityChange
from jmapper.model.entities import Persona
from jmapper.storage import (
    HEAD_REVISION,
    SCHEMA_VERSION,
    LibraryReadOnlyError,
    LibraryStore,
)
from jmapper.storage.connection import make_engine
from jmapper.storage.migrate import upgrade
from tests.storage.bundles import digest, full_bundle

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
V1 = FIXTURES / "library_v1.jmapper"
V1_MAP_ID = "1" * 32


def schema_of(path: Path) -> dict[str, Any]:
    """Tables with their columns, indexes and foreign keys, as SQLite reports them."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        schema: dict[str, Any] = {"user_version": conn.execute("PRAGMA user_version").fetchone()}
        schema["application_id"] = conn.execute("PRAGMA application_id").fetchone()
        for table in tables:
            indexes = {
                row[1]: (row[2], [c[2] for c in conn.execute(f"PRAGMA index_info('{row[1]}')")])
                for row in conn.execute(f"PRAGMA index_list('{table}')")
            }
            schema[table] = {
                "columns": conn.execute(f"PRAGMA table_info('{table}')").fetchall(),
                "indexes": indexes,
                "foreign_keys": sorted(
                    row[2:] for row in conn.execute(f"PRAGMA foreign_key_list('{table}')")
                ),
            }
        return schema
    finally:
        conn.close()


def _migrated(path: Path, revision: str = "head") -> Path:
    engine = make_engine(path, read_only=False, busy_timeout=2.0)
    with engine.connect() as conn:
        upgrade(conn, revision)
    engine.dispose()
    return path


def test_migrations_and_create_all_make_the_same_schema(tmp_path: Path) -> None:
    migrated = _migrated(tmp_path / "migrated.jmapper")
    with LibraryStore.create(tmp_path / "created.jmapper"):
        pass
    expected, actual = schema_of(tmp_path / "created.jmapper"), schema_of(migrated)
    assert actual.keys() == expected.keys()
    for name in expected:
        assert actual[name] == expected[name], name
    assert "library_setting" in expected and "alembic_version" in expected


def test_schema_version_matches_head() -> None:
    assert SCHEMA_VERSION == 5
    assert HEAD_REVISION == "0005_opportunity_votes"


def test_v1_fixture_is_upgraded_after_a_byte_identical_backup(tmp_path: Path) -> None:
    path = tmp_path / "library.jmapper"
    shutil.copyfile(V1, path)
    original = digest(path)
    with LibraryStore.open(path) as store:
        assert store.backup_path is not None
        assert store.backup_path.parent == tmp_path
        assert store.backup_path.name.startswith("library.v1-backup-")
        assert store.backup_path.suffix == ".jmapper"
        assert digest(store.backup_path) == original
        # The map survived, and the new table is usable.
        bundle = store.load_map(V1_MAP_ID)
        assert bundle.map.title == "Rail refund"
        assert [c.title for c in sorted(bundle.cards.values(), key=lambda c: c.position)] == [
            "Card 0",
            "Card 1",
        ]
        assert bundle.personas[bundle.map.primary_persona_id].name == "Vera"  # type: ignore[index]
        assert [s.name for s in store.list_snapshots(V1_MAP_ID)] == ["Before workshop"]
        store.set_setting("export.branding", "Rail Co")
        assert store.get_setting("export.branding") == "Rail Co"
        assert store.integrity_ok()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]
    finally:
        conn.close()
    # Opening again at head makes no further backup.
    with LibraryStore.open(path) as store:
        assert store.backup_path is None
    assert len(list(tmp_path.glob("*backup*"))) == 1


def test_upgraded_fixture_matches_a_new_library(tmp_path: Path) -> None:
    path = tmp_path / "library.jmapper"
    shutil.copyfile(V1, path)
    LibraryStore.open(path).close()
    with LibraryStore.create(tmp_path / "created.jmapper"):
        pass
    assert schema_of(path) == schema_of(tmp_path / "created.jmapper")


def test_read_only_older_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.jmapper"
    shutil.copyfile(V1, path)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = digest(path)
    try:
        with pytest.raises(LibraryReadOnlyError) as caught:
            LibraryStore.open(path)
    finally:
        path.chmod(0o644)
    assert str(caught.value) == (
        "“library.jmapper” was made by an older version of jmapper and must be upgraded, but "
        "the file is read-only. Make it writable (or copy it to a folder you can write to) and "
        "open it again."
    )
    assert digest(path) == before
    assert not list(tmp_path.glob("*backup*"))


def test_new_and_current_files_open_without_importing_alembic(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from jmapper.storage import LibraryStore
        with LibraryStore.create({str(tmp_path / "a.jmapper")!r}) as store:
            store.list_maps()
        with LibraryStore.open({str(tmp_path / "a.jmapper")!r}) as store:
            store.list_maps()
        assert "alembic" not in sys.modules, "alembic was imported"
        """
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", script], check=True, cwd=root)


def test_migrated_file_works_like_a_new_one(tmp_path: Path) -> None:
    path = _migrated(tmp_path / "migrated.jmapper")
    bundle = full_bundle()
    with LibraryStore.open(path) as store:
        assert store.backup_path is None
        store.add_bundle(bundle)
        store.save_persona(Persona(name="Extra"))
        store.delete_map(bundle.map.id)
        assert store.integrity_ok()


def test_backup_includes_changes_still_in_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "library.jmapper"
    shutil.copyfile(V1, path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA wal_autocheckpoint=0")
        other.execute("UPDATE map SET title='Only in the WAL'")
        assert Path(f"{path}-wal").stat().st_size > 0
        with LibraryStore.open(path) as store:
            assert store.backup_path is not None
            assert store.load_map(V1_MAP_ID).map.title == "Only in the WAL"
            backup = store.backup_path
    finally:
        other.close()
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT title FROM map").fetchall() == [("Only in the WAL",)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_v2_library_gains_dismissals_and_a_review_cadence(tmp_path: Path) -> None:
    """0003: an older map reads with the default cadence and can store dismissals."""
    from jmapper.model.entities import Dismissal

    path = tmp_path / "library.jmapper"
    shutil.copyfile(V1, path)
    _migrated(path, "0002_library_settings")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    finally:
        conn.close()
    with LibraryStore.open(path) as store:
        assert store.backup_path is not None and ".v2-backup-" in store.backup_path.name
        bundle = store.load_map(V1_MAP_ID)
        assert bundle.map.review_cadence_months is None
        assert bundle.dismissals == {}
        stage = next(iter(bundle.stages.values()))
        dismissal = Dismissal(
            map_id=V1_MAP_ID,
            rule_id="stage-without-evidence",
            target_kind="stage",
            target_id=stage.id,
            reason="Covered by the 2025 study",
        )
        store.apply([EntityChange("dismissal", dismissal.id, None, dismissal)])
        assert store.load_map(V1_MAP_ID).dismissals == {dismissal.id: dismissal}
    assert schema_of(path) == schema_of(_created(tmp_path))


def _created(tmp_path: Path) -> Path:
    path = tmp_path / "created.jmapper"
    with LibraryStore.create(path):
        pass
    return path


def test_a_v3_library_gains_evidence_levels(tmp_path: Path) -> None:
    """0004: an older library's evidence reads with no level and can store one."""
    from jmapper.model.entities import EvidenceItem
    from jmapper.model.enums import EvidenceKind, EvidenceLevel, TargetKind

    path = tmp_path / "library.jmapper"
    shutil.copyfile(V1, path)
    _migrated(path, "0003_health_review")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        assert "level" not in {row[1] for row in conn.execute("PRAGMA table_info(evidence_item)")}
    finally:
        conn.close()
    with LibraryStore.open(path) as store:
        assert store.backup_path is not None and ".v3-backup-" in store.backup_path.name
        bundle = store.load_map(V1_MAP_ID)
        assert all(item.level is None for item in bundle.evidence_items.values())
        stage = next(iter(bundle.stages.values()))
        item = EvidenceItem(
            map_id=V1_MAP_ID,
            kind=EvidenceKind.SURVEY,
            title="Exit survey",
            target_kind=TargetKind.STAGE,
            target_id=stage.id,
            level=EvidenceLevel.QUANTITATIVE,
        )
        store.apply([EntityChange("evidence_item", item.id, None, item)])
        assert store.load_map(V1_MAP_ID).evidence_items[item.id] == item
    assert schema_of(path) == schema_of(_created(tmp_path))


def test_a_v4_library_gains_opportunity_votes(tmp_path: Path) -> None:
    """0005: an older library's opportunities read with no votes and can store some."""
    from dataclasses import replace

    path = tmp_path / "library.jmapper"
    shutil.copyfile(V1, path)
    _migrated(path, "0004_evidence_level")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
        columns = [row[1] for row in conn.execute("PRAGMA table_info(opportunity)")]
        assert "votes" not in columns
        # an opportunity stored by a jmapper without votes
        names = {"id": "a" * 32, "map_id": V1_MAP_ID, "title": "Refund in one tap"}
        values = [names.get(c, "[]" if c.endswith("_ids") else None) for c in columns]
        values = [
            ""
            if v is None and c in ("description", "owner", "metric", "baseline", "target")
            else "idea"
            if c == "status"
            else v
            for c, v in zip(columns, values, strict=True)
        ]
        with conn:
            conn.execute(
                f"INSERT INTO opportunity ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})",
                values,
            )
    finally:
        conn.close()
    with LibraryStore.open(path) as store:
        assert store.backup_path is not None and ".v4-backup-" in store.backup_path.name
        bundle = store.load_map(V1_MAP_ID)
        assert [o.title for o in bundle.opportunities.values()] == ["Refund in one tap"]
        assert all(opp.votes == 0 for opp in bundle.opportunities.values())
        opp = next(iter(bundle.opportunities.values()))
        voted = replace(opp, votes=4)
        store.apply([EntityChange("opportunity", opp.id, opp, voted)])
        assert store.load_map(V1_MAP_ID).opportunities[opp.id].votes == 4
    assert schema_of(path) == schema_of(_created(tmp_path))
