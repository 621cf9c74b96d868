"""The real ``jmapper merge`` process: the report as text and JSON, --dry-run, and bad input
refused in one sentence with every file left as it was."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jmapper.services.library import create_map, open_library
from jmapper.storage import LibraryStore
from tests.builders import small_map
from tests.cli.test_import_cli import ROOT, assert_one_error_line, environment, files_in, jmapper
from tests.services.test_merge import edit, maps_by_title, retitle_card, snapshot


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def laptops(tmp_path) -> tuple[Path, Path]:
    """Both laptops edited the support map since the version they share."""
    workshop = tmp_path / "workshop.jmapper"
    store = open_library(workshop, create=True)
    create_map(store, "Support", from_sample="support_request")
    store.close()
    snapshot(workshop, "Support", "Workshop start")
    laptop = tmp_path / "laptop-2.jmapper"
    shutil.copyfile(workshop, laptop)
    edit(workshop, "Support", retitle_card(0, "Here"))
    edit(laptop, "Support", retitle_card(1, "There"))
    return workshop, laptop


def test_merge_prints_the_report_and_json(laptops, tmp_path) -> None:
    workshop, laptop = laptops
    dry = jmapper(tmp_path, "merge", str(workshop), str(laptop), "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["dry_run"] is True and report["backup"] is None
    assert [m["how"] for m in report["merged"]] == ["merged"]
    result = jmapper(tmp_path, "merge", str(workshop), str(laptop))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Merged laptop-2.jmapper into workshop.jmapper."
    assert lines[1] == "Merged (1):"
    assert "1 change from laptop-2 and 1 change of this library" in lines[2]
    assert "before the merge is kept as" in lines[-1]
    again = jmapper(tmp_path, "merge", str(workshop), str(laptop), "--json")
    report = json.loads(again.stdout)
    assert report["version"] == 1 and [m["title"] for m in report["unchanged"]] == ["Support"]
    assert report["backup"] is None


def test_dry_run_changes_no_byte(laptops, tmp_path) -> None:
    workshop, laptop = laptops
    before = {path.name: digest(path) for path in tmp_path.iterdir() if path.is_file()}
    result = jmapper(tmp_path, "merge", str(workshop), str(laptop), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("Dry run: merging laptop-2.jmapper into")
    assert result.stdout.splitlines()[-1] == "Nothing was changed (dry run)."
    after = {path.name: digest(path) for path in tmp_path.iterdir() if path.is_file()}
    assert after == before


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("missing source", ("There is no file", "to merge")),
        ("not a library", ("neither a jmapper library nor a jmapper JSON export",)),
        ("same file", ("is the library being merged into",)),
        ("missing target", ("There is no library", "to merge into")),
        ("target not a library", ("notes.jmapper",)),
    ],
)
def test_bad_input_is_one_sentence_and_changes_no_file(laptops, tmp_path, case, words) -> None:
    workshop, laptop = laptops
    notes = tmp_path / "notes.txt"
    notes.write_text("Ideas from the workshop\n", encoding="utf-8")
    fake = tmp_path / "notes.jmapper"
    fake.write_text("not a library\n", encoding="utf-8")
    target, source = {
        "missing source": (workshop, tmp_path / "laptop-9.jmapper"),
        "not a library": (workshop, notes),
        "same file": (workshop, tmp_path / "." / "workshop.jmapper"),
        "missing target": (tmp_path / "nowhere.jmapper", laptop),
        "target not a library": (fake, laptop),
    }[case]
    before = {path.name: digest(path) for path in tmp_path.iterdir() if path.is_file()}
    result = jmapper(tmp_path, "merge", str(target), str(source))
    assert_one_error_line(result, *words)
    after = {path.name: digest(path) for path in tmp_path.iterdir() if path.is_file()}
    assert after == before
    assert files_in(tmp_path) >= set(before)


KILL_DURING_WRITE = """
import os, signal, sys
from jmapper.storage.store import LibraryStore

def killed(self, snapshot):  # the maps are written, the transaction not yet committed
    os.kill(os.getpid(), signal.SIGKILL)

LibraryStore.save_snapshot = killed
from jmapper.app import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_merge_killed_while_writing_leaves_the_target_as_it_was(laptops, tmp_path) -> None:
    workshop, laptop = laptops
    with LibraryStore.open(laptop) as store:
        store.add_bundle(small_map("Commute"))
    before = maps_by_title(workshop)
    result = subprocess.run(
        [sys.executable, "-c", KILL_DURING_WRITE, "merge", str(workshop), str(laptop)],
        capture_output=True,
        text=True,
        env=environment(tmp_path),
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == -9, result.stderr
    assert maps_by_title(workshop) == before
    with LibraryStore.open(workshop) as store:
        assert store.integrity_ok()
