"""One editor per library file: a second start raises the first window and writes nothing.

The second start is a real ``jmapper`` process (offscreen, sharing the test's
JMAPPER_DATA_DIR, where the socket lives); the first editor is the test's
own window, whose event loop answers while the test waits for the process.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from jmapper.storage import LibraryStore
from jmapper.ui.single_instance import (
    Answer,
    LibraryServer,
    ask_running_editor,
    server_name,
)

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(library: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and modification time of the library and its journal files."""
    files = [library, Path(f"{library}-wal"), Path(f"{library}-shm")]
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in files if p.exists()}


def start_jmapper(*args: str | Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "jmapper", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def finish(qtbot, process: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Wait for ``process`` while this test's event loop runs (so the window can answer)."""
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    finally:
        if process.poll() is None:
            process.kill()
    out, err = process.communicate(timeout=10)
    return process.returncode, out, err


def test_a_second_jmapper_on_an_open_library_raises_the_window_and_writes_nothing(
    qtbot, window, library_path
):
    assert window.library_server.library == library_path.resolve()
    before = fingerprint(library_path)
    assert f"{library_path.name}-wal" in before  # the window really holds the library open
    window.showMinimized()

    with qtbot.waitSignal(window.library_server.raised, timeout=30_000):
        process = start_jmapper(library_path)
        code, out, err = finish(qtbot, process)

    assert code == 0, err
    assert out.splitlines() == [
        "\u201cworkshop.jmapper\u201d is already open in jmapper; "
        "its window has been brought forward."
    ]
    assert err == "" and "Traceback" not in out
    assert not window.isMinimized()
    assert fingerprint(library_path) == before


def test_a_start_on_another_library_is_not_stopped(qtbot, window, tmp_path):
    other = tmp_path / "other.jmapper"
    LibraryStore.create(other).close()
    process = start_jmapper("--quit-after-first-paint", other)
    code, out, err = finish(qtbot, process)
    assert code == 0, err
    assert out.startswith("first paint after ")


def test_the_server_name_is_the_resolved_file_inside_the_data_folder(
    tmp_path, isolated_data_dir, monkeypatch
):
    library = tmp_path / "a.jmapper"
    library.touch()
    link = tmp_path / "link.jmapper"
    link.symlink_to(library)
    monkeypatch.chdir(tmp_path)
    name = server_name(library)
    assert server_name("a.jmapper") == name == server_name(link)
    assert server_name(tmp_path / "b.jmapper") != name
    assert Path(name).parent == isolated_data_dir.resolve()


def test_nobody_answers_for_a_library_no_editor_has_open(qapp, tmp_path):
    assert ask_running_editor(tmp_path / "closed.jmapper", timeout_ms=500) is Answer.NOBODY


def test_a_socket_left_by_a_crashed_editor_is_taken_over(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    library = tmp_path / "crashed.jmapper"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(server_name(library))  # bound, never listening: what a killed editor leaves
    stale.close()
    assert Path(server_name(library)).exists()

    widget = QWidget()
    qtbot.addWidget(widget)
    server = LibraryServer(widget)
    assert server.serve(library)
    assert server.library == library.resolve()


def test_a_live_editor_is_never_displaced(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    library = tmp_path / "busy.jmapper"
    first, second = QWidget(), QWidget()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    serving = LibraryServer(first)
    assert serving.serve(library)
    assert not LibraryServer(second).serve(library)
    with qtbot.waitSignal(serving.raised, timeout=10_000):
        process = start_jmapper(library)
        code, out, _err = finish(qtbot, process)
    assert code == 0 and "already open" in out


@pytest.mark.usefixtures("message_boxes")
def test_switching_to_a_library_open_in_another_jmapper_is_refused(
    qtbot, window, tmp_path, message_boxes, library_path
):
    other = tmp_path / "elsewhere.jmapper"
    LibraryStore.create(other).close()
    process = start_jmapper(other)  # a real second editor, which holds `other` open
    try:
        qtbot.waitUntil(lambda: Path(server_name(other)).exists(), timeout=30_000)
        before = fingerprint(other)
        assert window.switch_library(other) is False
        assert Path(window.library.path) == library_path
        assert window.library_server.library == library_path.resolve()
        assert message_boxes.texts == [
            "\u201celsewhere.jmapper\u201d is already open in jmapper; "
            "its window has been brought forward."
        ]
        assert fingerprint(other) == before
    finally:
        process.terminate()
        process.communicate(timeout=10)


def test_switching_libraries_moves_the_server(qtbot, window, tmp_path, library_path):
    other = tmp_path / "next.jmapper"
    LibraryStore.create(other).close()
    assert window.switch_library(other)
    assert window.library_server.library == other.resolve()
    assert ask_running_editor(library_path, timeout_ms=500) is Answer.NOBODY
    assert Path(server_name(other)).exists()
