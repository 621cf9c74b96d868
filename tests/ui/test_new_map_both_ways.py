"""A map made from a sample reuses the library's personas the same way in the editor and
through ``jmapper new``: both call one service use case (``store_new_map``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jmapper.model.enums import MapType
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Mortgage, branch version"
SAMPLE = "loan_application"


def _persona_use(path: Path) -> tuple[dict[str, str], str | None, list[str], set[str | None]]:
    """The library's personas (id -> name), and which of them the new map uses."""
    with LibraryStore.open(path) as store:
        personas = {p.id: p.name for p in store.list_personas()}
        summary = next(s for s in store.list_maps() if s.title == TITLE)
        bundle = store.load_map(summary.id)
    emotion_personas = {point.persona_id for point in bundle.emotion_points.values()}
    return personas, bundle.map.primary_persona_id, bundle.map.overlay_persona_ids, emotion_personas


@pytest.fixture
def cli_library(library_path: Path, tmp_path: Path) -> Path:
    """A copy of the window's library, made before the window opens it."""
    copy = tmp_path / "cli.jmapper"
    shutil.copy(library_path, copy)
    return copy


def test_new_map_from_a_sample_shares_personas_alike_in_the_editor_and_the_cli(
    qtbot, cli_library, window, library_path, tmp_path
):
    with LibraryStore.open(cli_library) as store:
        before = {p.id: p.name for p in store.list_personas()}

    made = subprocess.run(
        [sys.executable, "-m", "jmapper", "new", str(cli_library), "--title", TITLE]
        + ["--from-sample", SAMPLE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "JMAPPER_DATA_DIR": str(tmp_path / "data")},
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr

    window.named_actions[names.NEW_MAP].trigger()
    dialog = window.active_dialog
    dialog.set_map_type(MapType.CURRENT_STATE)
    dialog.choose_start(f"sample:{SAMPLE}")
    dialog.title_edit.setText(TITLE)
    dialog.accept()
    assert window.document.bundle.map.title == TITLE

    in_editor = _persona_use(library_path)
    in_cli = _persona_use(cli_library)
    # No persona was added either way: the sample's personas became the library's own.
    assert in_editor[0] == before
    assert in_cli[0] == before
    # And the new map uses the same library personas in the same roles.
    assert in_editor[1] in before
    assert in_editor[1:] == in_cli[1:]
