"""The real ``jmapper`` process importing, creating and exporting: all or nothing, no leftovers.

Each test runs ``python -m jmapper`` with its own data folder, as a user or a
script would, and checks the exit code, the one line on stderr and the files
left behind.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jmapper.services.library import create_map, export_library_json, open_library
from jmapper.services.limits import MAX_CARDS_PER_MAP, MAX_IMPORT_BYTES
from jmapper.storage import LibraryStore

ROOT = Path(__file__).resolve().parents[2]
MAPS_IN_FILE = 40
BUSY = "is being changed by another program"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def jmapper_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "jmapper", *args]


def environment(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "JMAPPER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def jmapper(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        jmapper_command(*args),
        capture_output=True,
        text=True,
        env=environment(tmp_path),
        cwd=ROOT,
        timeout=300,
    )


def assert_one_error_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 1, exactly one line on stderr (containing ``words``), no traceback."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]
    return lines[0]


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def map_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count: int = conn.execute('SELECT count(*) FROM "map"').fetchone()[0]
    return count


@pytest.fixture(scope="module")
def many_maps(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library JSON file of 40 maps made from the samples (about 2,000 cards)."""
    folder = tmp_path_factory.mktemp("many")
    store = open_library(folder / "source.jmapper", create=True)
    samples = ["support_request", "loan_application", "theme_park_visit"]
    for number in range(MAPS_IN_FILE):
        create_map(store, f"Map {number}", from_sample=samples[number % len(samples)])
    out = export_library_json(store, folder / "many.json")
    store.close()
    return out


@pytest.fixture(scope="module")
def empty_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.jmapper"
    LibraryStore.create(path).close()
    return path


# -- item 2: one import is one transaction -------------------------------------------------


def test_sigkill_during_import_leaves_none_or_all_of_the_maps(tmp_path, many_maps, empty_library):
    env = environment(tmp_path)
    # One undisturbed run gives the span to land the kills in.
    library = tmp_path / "timed.jmapper"
    library.write_bytes(empty_library.read_bytes())
    started = time.perf_counter()
    subprocess.run(
        jmapper_command("import", str(library), str(many_maps)), env=env, cwd=ROOT, check=True
    )
    span = time.perf_counter() - started
    assert map_count(library) == MAPS_IN_FILE

    rng = random.Random(20261201)
    counts = []
    for number in range(8):
        library = tmp_path / f"kill-{number}.jmapper"
        library.write_bytes(empty_library.read_bytes())
        child = subprocess.Popen(
            jmapper_command("import", str(library), str(many_maps)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=ROOT,
        )
        # Anywhere from start-up through parsing and writing to the commit.
        time.sleep(rng.uniform(0.3, 1.0) * span)
        child.send_signal(signal.SIGKILL)
        child.wait()
        counts.append(map_count(library))
    assert set(counts) <= {0, MAPS_IN_FILE}, counts


@pytest.mark.parametrize("library_exists", [True, False], ids=["existing", "new library"])
def test_concurrent_imports_take_turns_or_say_the_library_is_busy(
    tmp_path, many_maps, empty_library, library_exists
):
    env = environment(tmp_path)
    for trial in range(4):
        library = tmp_path / f"shared-{trial}.jmapper"
        if library_exists:
            library.write_bytes(empty_library.read_bytes())
        children = [
            subprocess.Popen(
                jmapper_command("import", str(library), str(many_maps)),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                cwd=ROOT,
            )
            for _ in range(2)
        ]
        outcomes = [child.communicate(timeout=300) for child in children]
        succeeded = 0
        for child, (out, err) in zip(children, outcomes, strict=True):
            assert "already in" not in err
            assert "Traceback" not in err
            if child.returncode == 0:
                succeeded += 1
                assert len(out.strip().splitlines()) == MAPS_IN_FILE
            else:
                assert child.returncode == 1 and BUSY in err, err
        assert succeeded >= 1
        assert map_count(library) == MAPS_IN_FILE * succeeded
        if succeeded == 2:  # the second one imported copies of the first one's maps
            store = LibraryStore.open(library)
            titles = [s.title for s in store.list_maps()]
            store.close()
            assert sum(title.endswith("(copy)") for title in titles) == MAPS_IN_FILE


@pytest.mark.parametrize("case", ["missing", "not json", "too many cards", "too large"])
def test_a_refused_import_leaves_no_new_library(tmp_path, many_maps, case):
    source = tmp_path / "source.json"
    if case == "not json":
        source.write_text('{"format": "jmapper-map", ')
    elif case == "too many cards":
        text = many_maps.read_text(encoding="utf-8")
        source.write_text(_with_cards(text, MAX_CARDS_PER_MAP + 1), encoding="utf-8")
    elif case == "too large":
        with source.open("wb") as handle:  # sparse: the size is all that is read
            handle.truncate(MAX_IMPORT_BYTES + 1)
    before = files_in(tmp_path)
    result = jmapper(tmp_path, "import", str(tmp_path / "new.jmapper"), str(source))
    line = assert_one_error_line(result)
    if case == "too many cards":
        assert f"{MAX_CARDS_PER_MAP:,} cards a map can hold" in line
    if case == "too large":
        assert f"{MAX_IMPORT_BYTES // 2**20} MB jmapper imports at once" in line
    assert files_in(tmp_path) == before


def _with_cards(library_json: str, cards: int) -> str:
    """The first map of a library file given ``cards`` copies of its first card.

    The count is checked before any card is read, so the copies need not be valid.
    """
    import json

    data = json.loads(library_json)
    first = data["maps"][0]
    first["cards"] = [first["cards"][0]] * cards
    return json.dumps(data)


def test_a_refused_new_leaves_no_new_library(tmp_path):
    before = files_in(tmp_path)
    result = jmapper(
        tmp_path, "new", str(tmp_path / "new.jmapper"), "--title", "X", "--from-sample", "moon"
    )
    assert_one_error_line(result, "no sample called")
    assert files_in(tmp_path) == before


# -- item 12: new --from-sample reuses the library's personas -------------------------------


def test_new_from_sample_twice_reuses_the_sample_personas(tmp_path):
    library = tmp_path / "lib.jmapper"
    counts = []
    for title in ("First", "Second", "Third"):
        result = jmapper(
            tmp_path, "new", str(library), "--title", title, "--from-sample", "support_request"
        )
        assert result.returncode == 0, result.stderr
        with sqlite3.connect(library) as conn:
            counts.append(conn.execute('SELECT count(*) FROM "persona"').fetchone()[0])
    assert counts[0] > 0
    assert counts == [counts[0]] * 3
    store = LibraryStore.open(library)
    maps = [store.load_map(s.id) for s in store.list_maps()]
    store.close()
    assert len({m.map.primary_persona_id for m in maps}) == 1


# -- item 14: export --all-maps ----------------------------------------------------------------


@pytest.fixture
def two_maps(tmp_path) -> Path:
    library = tmp_path / "two.jmapper"
    store = open_library(library, create=True)
    create_map(store, "Support", from_sample="support_request")
    create_map(store, "Park", from_sample="theme_park_visit")
    store.close()
    return library


def test_all_maps_into_a_missing_folder_creates_it(tmp_path, two_maps):
    folder = tmp_path / "out" / "maps"
    result = jmapper(
        tmp_path, "export", str(two_maps), "--all-maps", "--format", "json", "-o", str(folder)
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    written = sorted(folder.iterdir())
    assert [p.suffix for p in written] == [".json", ".json"]
    assert sorted(result.stdout.split()) == sorted(str(p) for p in written)


def test_all_maps_into_a_file_is_refused(tmp_path, two_maps):
    target = tmp_path / "a-file"
    target.write_text("keep")
    result = jmapper(
        tmp_path, "export", str(two_maps), "--all-maps", "--format", "json", "-o", str(target)
    )
    assert_one_error_line(result, "is a file", "--all-maps")
    assert target.read_text() == "keep"


def test_all_maps_on_an_empty_library_says_so(tmp_path, empty_library):
    folder = tmp_path / "out"
    result = jmapper(
        tmp_path, "export", str(empty_library), "--all-maps", "--format", "pdf", "-o", str(folder)
    )
    assert_one_error_line(result, "No maps in", "to export")
    assert not folder.exists()
    assert result.stdout == ""
    helped = jmapper(tmp_path, "export", "--help")
    assert "a library with no maps is an error (exit 1)" in " ".join(helped.stdout.split())


def test_all_maps_warnings_name_their_map(tmp_path, two_maps):
    folder = tmp_path / "pdf"
    result = jmapper(
        tmp_path,
        "export",
        str(two_maps),
        "--all-maps",
        "--format",
        "pdf",
        "--paper",
        "A4",
        "-o",
        str(folder),
    )
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert warnings, "the samples on A4 print below the readable size"
    for line in warnings:
        assert line.startswith("jmapper: warning: ")
        assert "\u201cSupport\u201d" in line or "\u201cPark\u201d" in line


# -- item 3: a logo over the pixel limit -------------------------------------------------------


def test_a_logo_over_the_pixel_limit_is_refused_before_the_export(tmp_path, two_maps):
    from PIL import Image

    from jmapper.services.limits import MAX_IMAGE_PIXELS

    logo = tmp_path / "logo.png"
    Image.new("1", (10_000, MAX_IMAGE_PIXELS // 10_000 + 1)).save(logo)  # small on disk
    before = files_in(tmp_path)
    result = jmapper(
        tmp_path,
        "export",
        str(two_maps),
        "--map",
        "Support",
        "--format",
        "pdf",
        "--logo",
        str(logo),
        "-o",
        str(tmp_path / "support.pdf"),
    )
    assert_one_error_line(result, "\u201clogo.png\u201d is 10,000 x 5,001 pixels", "megapixels")
    assert files_in(tmp_path) == before
