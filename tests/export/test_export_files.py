"""Export files as the user gets them: every format through the one atomic writer.

``jmapper.services.export.export_map_file`` writes PDF (reportlab), PNG and
SVG (Qt) and JSON into a temporary file and renames it through
``jmapper.services.files.atomic_output``: these tests hold every format to
the same rules (old file kept on failure, no temporary file left, synced
before the rename, the user's umask, stale temporaries of killed writers
removed, the accent colour in any accepted form).
"""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from jmapper.services.errors import ServiceError
from jmapper.services.export import export_map_file
from jmapper.services.files import atomic_output
from jmapper.services.library import open_library
from jmapper.templates import build_samples
from jmapper.ui.image_export import export_image

FORMATS = ("pdf", "png", "svg", "json")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path, qapp):
    """A real library holding the support sample (it has a primary persona)."""
    store = open_library(tmp_path / "lib.jmapper", create=True)
    bundle = build_samples()[0]
    store.add_bundle(bundle)
    yield store, bundle.map.id
    store.close()


def export(store, map_id: str, out: Path, fmt: str, **settings) -> list[str]:
    exporter = export_image if fmt in ("png", "svg") else None
    return export_map_file(store, map_id, out, fmt, settings, image_exporter=exporter)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("fmt", FORMATS)
def test_outputs_follow_the_umask(library, tmp_path, fmt):
    store, map_id = library
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for mask, mode in ((0o022, 0o644), (0o077, 0o600)):
        old = os.umask(mask)
        try:
            out = out_dir / f"{mask:o}.{fmt}"
            export(store, map_id, out, fmt)
        finally:
            os.umask(old)
        assert out.stat().st_mode & 0o777 == mode, (fmt, oct(mask))
    assert leftovers(out_dir) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_file_is_synced_before_it_is_renamed(library, tmp_path, monkeypatch, fmt):
    store, map_id = library
    out = tmp_path / f"map.{fmt}"
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync " + os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def replace_(src, dst) -> None:
        events.append(f"replace {src}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace_)
    export(store, map_id, out, fmt)
    renamed = next(e for e in events if e.startswith("replace"))
    temp = renamed.split(" ", 1)[1]
    assert events.index(f"fsync {temp}") < events.index(renamed), events
    assert out.stat().st_size > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_export_keeps_the_old_file_and_leaves_nothing(library, tmp_path, fmt):
    store, map_id = library
    out = tmp_path / "out" / f"map.{fmt}"
    out.parent.mkdir()
    out.write_bytes(b"old contents")
    bad = {"accent": "notacolour"} if fmt != "json" else {}
    if fmt == "json":
        store_missing = "no-such-map-id"
        with pytest.raises(Exception):  # noqa: B017 (the library's own error type)
            export(store, store_missing, out, fmt)
    else:
        with pytest.raises(ServiceError, match="not a colour"):
            export(store, map_id, out, fmt, **bad)
    assert out.read_bytes() == b"old contents"
    assert leftovers(out.parent) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_unusable_output_paths_are_one_sentence(library, tmp_path, fmt):
    store, map_id = library
    folder = tmp_path / "taken"
    folder.mkdir()
    with pytest.raises(ServiceError, match="is a folder") as caught:
        export(store, map_id, folder, fmt)
    assert "\n" not in str(caught.value)
    with pytest.raises(ServiceError, match="does not exist; create it") as caught:
        export(store, map_id, tmp_path / "missing" / f"map.{fmt}", fmt)
    assert not (tmp_path / "missing").exists()
    assert leftovers(tmp_path) == []


def test_a_disk_error_mid_write_names_the_target_and_keeps_the_old_file(library, tmp_path):
    """The writer fails half way (a full disk): one sentence about the file the user named."""
    store, map_id = library
    out = tmp_path / "out" / "map.png"
    out.parent.mkdir()
    out.write_bytes(b"old contents")

    def full_disk(bundle, path, fmt, **options):
        Path(path).write_bytes(b"half an image")
        raise OSError(28, "No space left on device")

    with pytest.raises(ServiceError, match="No space left on device") as caught:
        export_map_file(store, map_id, out, "png", {}, image_exporter=full_disk)
    message = str(caught.value)
    assert str(out) in message and ".part" not in message and "\n" not in message
    assert out.read_bytes() == b"old contents"
    assert leftovers(out.parent) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporaries_of_dead_writers_are_removed(tmp_path):
    target = tmp_path / "map.pdf"
    stale = tmp_path / f".map.pdf.{_dead_pid()}.abcd1234.part"
    live = tmp_path / f".map.pdf.{os.getppid()}.abcd1234.part"
    other = tmp_path / f".other.pdf.{_dead_pid()}.abcd1234.part"
    for path in (stale, live, other):
        path.write_bytes(b"half")
    with atomic_output(target) as temp:
        temp.write_bytes(b"%PDF")
    assert target.read_bytes() == b"%PDF"
    assert not stale.exists(), "a dead writer's temporary file stays"
    assert live.exists(), "a running writer's temporary file was removed"
    assert other.exists(), "another target's temporary file was touched"


def test_a_killed_export_leaves_nothing_once_the_next_one_ran(library, tmp_path):
    """SIGKILL a real ``jmapper export`` mid-write; the next export to that file cleans up."""
    store, map_id = library
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "map.png"
    command = [sys.executable, "-m", "jmapper", "export", str(store.path), "--map", map_id]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    slow = subprocess.Popen(
        [*command, "--format", "png", "--dpi", "1200", "-o", str(out)],
        env=env,
        cwd=ROOT,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not leftovers(out_dir) and slow.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    slow.send_signal(signal.SIGKILL)
    slow.wait()
    assert leftovers(out_dir), "the export never created its temporary file"
    done = subprocess.run(
        [*command, "--format", "png", "--dpi", "72", "-o", str(out)], env=env, cwd=ROOT
    )
    assert done.returncode == 0
    assert leftovers(out_dir) == [] and out.stat().st_size > 0


@pytest.mark.parametrize("accent", ["red", "RebeccaPurple", "#abc", "#12AB34"])
@pytest.mark.parametrize("fmt", ["pdf", "png", "svg"])
def test_accent_names_and_hex_forms_work_in_every_format(library, tmp_path, fmt, accent):
    store, map_id = library
    out = tmp_path / f"map.{fmt}"
    export(store, map_id, out, fmt, accent=accent, pages=("map", "actions"))
    assert out.stat().st_size > 0
    if fmt == "svg":
        from jmapper.style.colours import parse_colour

        assert parse_colour(accent) in out.read_text("utf-8").lower()


def test_an_undecodable_persona_photo_is_a_warning_naming_the_persona(tmp_path, qapp):
    bundle = build_samples()[0]
    persona_id = bundle.map.primary_persona_id
    assert persona_id
    persona = bundle.personas[persona_id]
    bundle.personas[persona_id] = replace(
        persona, photo=base64.b64encode(b"\x89PNG\r\n\x1a\nnot really").decode()
    )
    store = open_library(tmp_path / "lib.jmapper", create=True)
    try:
        store.add_bundle(bundle)
        warnings = export(store, bundle.map.id, tmp_path / "p.pdf", "pdf", pages=("persona",))
    finally:
        store.close()
    assert any(persona.name in w and "photo" in w for w in warnings), warnings


def test_svg_is_valid_xml_even_for_control_characters_stored_before_cleaning(tmp_path, qapp):
    """Text written into the library by an older version (bypassing the model's cleaning)."""
    import sqlite3

    bundle = build_samples()[0]
    store = open_library(tmp_path / "lib.jmapper", create=True)
    store.add_bundle(bundle)
    store.close()
    card_id = next(iter(bundle.cards))
    with sqlite3.connect(tmp_path / "lib.jmapper") as raw:
        raw.execute(
            "UPDATE card SET title = ? WHERE id = ?", ("Bad\x00\x01\x1b text\r\nend", card_id)
        )
        raw.execute('UPDATE "map" SET title = ?', ("Map\x07 title",))
    store = open_library(tmp_path / "lib.jmapper")
    try:
        assert "\x00" in store.load_map(bundle.map.id).cards[card_id].title
        out = tmp_path / "map.svg"
        export(store, bundle.map.id, out, "svg")
    finally:
        store.close()
    root = ET.parse(out).getroot()  # raises on invalid XML
    text = " ".join(root.itertext())
    assert "Bad text" in text and "Map title" in text
