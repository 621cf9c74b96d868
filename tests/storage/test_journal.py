"""A leftover ``-wal`` is replayed only into the library it belongs to.

Journals are left behind by processes that really die (``os._exit`` in a
child process), so the files are exactly what a crash leaves.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jmapper.storage import ForeignJournalError, LibraryStore
from tests.storage.bundles import digest, full_bundle

FOREIGN = (
    "“A.jmapper” has a leftover change journal (“A.jmapper-wal”) that does not match it, so "
    "it was not opened. Move “A.jmapper-wal” out of the folder and open the library again; "
    "the library itself is unchanged."
)


def crash_after(path: Path, edits: str) -> None:
    """Open ``path`` in a child process, run ``edits`` on ``store`` and die without closing."""
    script = textwrap.dedent(
        f"""
        import os, sys
        from jmapper.storage import LibraryStore
        store = LibraryStore.open(sys.argv[1])
        {edits}
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0


def two_libraries(folder: Path) -> tuple[Path, Path, str]:
    """A (holding one map, whose id is returned) and an empty B, both closed."""
    first, second = folder / "A.jmapper", folder / "B.jmapper"
    bundle = full_bundle("Map of A")
    with LibraryStore.create(first) as store:
        store.add_bundle(bundle)
    LibraryStore.create(second).close()
    return first, second, bundle.map.id


def assert_refused_untouched(path: Path) -> None:
    wal = Path(f"{path}-wal")
    before = (digest(path), digest(wal))
    with pytest.raises(ForeignJournalError) as caught:
        LibraryStore.open(path)
    assert str(caught.value) == FOREIGN
    assert (digest(path), digest(wal)) == before
    assert not Path(f"{path}-shm").exists()


def test_a_journal_written_by_jmapper_for_another_library_is_refused(tmp_path: Path) -> None:
    # B's journal holds only its settings pages and its library_meta page: replayed
    # into A it leaves a consistent file, so only the library id can tell.
    first, second, map_id = two_libraries(tmp_path)
    crash_after(second, "store.set_setting('export.organisation', 'B Corp')")
    shutil.copyfile(f"{second}-wal", f"{first}-wal")
    assert_refused_untouched(first)
    shutil.move(f"{first}-wal", tmp_path / "moved-away.wal")
    with LibraryStore.open(first) as store:
        assert store.map_ids() == [map_id]
        assert store.get_setting("export.organisation") is None
        assert store.integrity_ok()


def test_a_journal_written_by_another_program_for_another_file_is_refused(
    tmp_path: Path,
) -> None:
    # The repro: a bare sqlite3 writer on B, whose journal holds only B's map
    # page.  quick_check passes on A read through it; the full integrity check does not.
    first, second, map_id = two_libraries(tmp_path)
    with LibraryStore.open(second) as store:
        store.add_bundle(full_bundle("Map of B"))
    script = (
        "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA wal_autocheckpoint=0'); c.execute(\"UPDATE map SET title='FOREIGN'\"); "
        "os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(second)], check=True, timeout=60)
    shutil.copyfile(f"{second}-wal", f"{first}-wal")
    assert_refused_untouched(first)
    Path(f"{first}-wal").unlink()
    with LibraryStore.open(first) as store:
        assert [s.title for s in store.list_maps()] == ["Map of A"]
        assert store.map_ids() == [map_id]


def test_the_libraries_own_journal_after_a_crash_keeps_every_edit(tmp_path: Path) -> None:
    first, _, map_id = two_libraries(tmp_path)
    edits = "\n        ".join(
        [
            "import dataclasses",
            "from jmapper.model.changes import EntityChange",
            f"bundle = store.load_map('{map_id}')",
            "cards = list(bundle.cards.values())",
            "for number, card in enumerate(cards):",
            "    after = dataclasses.replace(card, title=f'edited {number}')",
            "    store.apply([EntityChange('card', card.id, card, after)])",
            "store.set_setting('export.organisation', 'A Corp')",
        ]
    )
    crash_after(first, edits)
    with LibraryStore.open(first) as store:
        titles = sorted(card.title for card in store.load_map(map_id).cards.values())
        assert titles == sorted(f"edited {n}" for n in range(len(titles)))
        assert titles
        assert store.get_setting("export.organisation") == "A Corp"
        assert store.integrity_ok()


def test_every_write_leaves_the_library_id_in_the_journal(tmp_path: Path) -> None:
    first, _, _ = two_libraries(tmp_path)
    crash_after(first, "store.set_setting('k', 'v')")
    immutable = sqlite3.connect(f"file:{first}?immutable=1", uri=True)
    through = sqlite3.connect(f"file:{first}?mode=ro", uri=True)
    try:
        query = "SELECT value FROM library_meta WHERE key='write_count'"
        (in_file,) = immutable.execute(query).fetchone()  # the file alone, journal ignored
        (in_journal,) = through.execute(query).fetchone()
        assert int(in_journal) == int(in_file) + 1
    finally:
        immutable.close()
        through.close()


def test_a_library_without_an_id_gets_one_only_when_writable(tmp_path: Path) -> None:
    path = tmp_path / "lib.jmapper"
    LibraryStore.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM library_meta WHERE key='library_id'")
    conn.commit()
    conn.close()
    path.chmod(0o444)
    try:
        before = digest(path)
        with LibraryStore.open(path) as store:
            assert store.read_only
        assert digest(path) == before
    finally:
        path.chmod(0o644)
    LibraryStore.open(path).close()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = conn.execute("SELECT value FROM library_meta WHERE key='library_id'").fetchone()
    finally:
        conn.close()
    assert found is not None and len(found[0]) == 32
