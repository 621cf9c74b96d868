"""The real ``jmapper`` process on libraries it must refuse or can only partly read.

Each case asserts the exit code, exactly one line on stderr (the sentence; the
details are in the log file), no traceback, and that no file changed or
appeared beside the library.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def jmapper(data: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JMAPPER_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "jmapper", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def files(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` with its digest."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def one_sentence(result: subprocess.CompletedProcess[str], code: int, *words: str) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert all(word in lines[0] for word in words), lines[0]
    return lines[0]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "work"
    path.mkdir()
    return path


def new_library(data: Path, path: Path, title: str) -> None:
    made = jmapper(data, "new", path, "--title", title, "--from-sample", "support_request")
    assert made.returncode == 0, made.stderr


def test_the_issues_foreign_journal_is_refused_and_nothing_changes(
    data: Path, folder: Path
) -> None:
    first, second = folder / "A.jmapper", folder / "B.jmapper"
    new_library(data, first, "A")
    new_library(data, second, "B")
    script = (
        "import sqlite3, os, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA wal_autocheckpoint=0'); c.execute(\"UPDATE map SET title='FOREIGN'\"); "
        "os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", script, str(second)], check=True, timeout=60)
    shutil.copyfile(f"{second}-wal", f"{first}-wal")
    before = files(folder)
    result = jmapper(data, "maps", first)
    one_sentence(result, 1, "“A.jmapper-wal”", "Move “A.jmapper-wal” out of the folder")
    assert result.stdout == ""
    assert files(folder) == before  # A and its -wal byte-identical, no -shm left
    Path(f"{first}-wal").unlink()
    listed = jmapper(data, "maps", first)
    assert listed.returncode == 0 and listed.stderr == ""
    assert " A " in listed.stdout and "FOREIGN" not in listed.stdout


def test_a_missing_table_says_restore_and_logs_the_detail(data: Path, folder: Path) -> None:
    path = folder / "lib.jmapper"
    new_library(data, path, "Support")
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE lane")
    conn.close()
    before = files(folder)
    line = one_sentence(jmapper(data, "maps", path), 1, "Restore it from a backup copy")
    assert "Try again" not in line and "WARNING" not in line
    assert files(folder) == before
    log = (data / "jmapper.log").read_text(encoding="utf-8")
    assert "lacks the tables ['lane']" in log


def test_a_damaged_file_prints_no_log_lines(data: Path, folder: Path) -> None:
    path = folder / "lib.jmapper"
    new_library(data, path, "Support")
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    before = files(folder)
    one_sentence(jmapper(data, "maps", path), 1, "is damaged")
    assert files(folder) == before
    assert "probing" in (data / "jmapper.log").read_text(encoding="utf-8")


def test_a_log_that_cannot_be_written_stays_off_the_terminal(tmp_path: Path, folder: Path) -> None:
    data = tmp_path / "data"
    path = folder / "lib.jmapper"
    new_library(data, path, "Support")
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be")
    path.write_bytes(path.read_bytes()[:5000])
    one_sentence(jmapper(blocked, "maps", path), 1, "is damaged")


@pytest.fixture
def two_maps(data: Path, folder: Path) -> Path:
    """A closed library holding the maps “Kept” and “Alien”."""
    path = folder / "lib.jmapper"
    new_library(data, path, "Kept")
    new_library(data, path, "Alien")
    return path


def poke(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute(sql).rowcount >= 1
    conn.commit()
    conn.close()


def test_maps_lists_the_readable_maps_and_names_the_unreadable_one(
    data: Path, folder: Path, two_maps: Path
) -> None:
    poke(two_maps, "UPDATE map SET map_type = 'alien' WHERE title = 'Alien'")
    before = files(folder)
    result = jmapper(data, "maps", two_maps)
    line = one_sentence(result, 0, "“Alien”", "map type", "“alien”")
    assert line.startswith("jmapper: warning: ")
    assert "Kept" in result.stdout and "Alien" not in result.stdout
    assert files(folder) == before
    as_json = jmapper(data, "maps", two_maps, "--json")
    one_sentence(as_json, 0, "“Alien”")
    assert [row["title"] for row in json.loads(as_json.stdout)] == ["Kept"]


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ("UPDATE map SET map_type = 'alien' WHERE title = 'Alien'", ("map type", "“alien”")),
        (
            "UPDATE lane SET kind = 'alien' "
            "WHERE map_id = (SELECT id FROM map WHERE title = 'Alien')",
            ("lane", "kind", "“alien”"),
        ),
        (
            "UPDATE map SET last_reviewed = '2024-02-30' WHERE title = 'Alien'",
            ("last reviewed", "“2024-02-30”"),
        ),
    ],
)
def test_export_of_an_unreadable_map_names_map_and_field(
    data: Path, folder: Path, two_maps: Path, sql: str, words: tuple[str, ...]
) -> None:
    poke(two_maps, sql)
    before = files(folder)
    out = folder / "alien.json"
    result = jmapper(data, "export", two_maps, "--map", "Alien", "--format", "json", "-o", out)
    one_sentence(result, 1, "The map “Alien” cannot be read by this version", *words)
    assert files(folder) == before
    kept = jmapper(data, "export", two_maps, "--map", "Kept", "--format", "json", "-o", out)
    assert kept.returncode == 0 and kept.stderr == ""


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE map SET map_type = 'alien' WHERE title = 'Alien'",
        "UPDATE lane SET kind = 'alien' WHERE map_id = (SELECT id FROM map WHERE title = 'Alien')",
    ],
)
def test_all_maps_exports_the_readable_maps_and_names_the_skipped_one(
    data: Path, folder: Path, two_maps: Path, sql: str
) -> None:
    poke(two_maps, sql)
    before = files(folder)
    out = folder.parent / "out"
    result = jmapper(data, "export", two_maps, "--all-maps", "--format", "json", "-o", out)
    one_sentence(result, 0, "warning", "“Alien”", "“alien”")
    assert [path.name.split("-")[0] for path in out.iterdir()] == ["Kept"]
    assert files(folder) == before


def test_a_too_new_library_is_refused_with_no_journal_files_left(data: Path, folder: Path) -> None:
    path = folder / "lib.jmapper"
    new_library(data, path, "Support")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = files(folder)
    one_sentence(jmapper(data, "maps", path), 1, "newer version of jmapper")
    assert files(folder) == before
