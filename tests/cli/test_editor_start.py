"""The real editor process started by a script: it never waits on a box, and it
writes nothing outside ``JMAPPER_DATA_DIR``.

Each test runs ``python -m jmapper --quit-after-first-paint`` (about a
second) under a timeout: a start that blocks on a modal message box fails
by timing out instead of hanging the suite.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 90


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "JMAPPER_DATA_DIR": str(tmp_path / "data"),
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def _start(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=TIMEOUT
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the editor blocked (a message box waited for an answer nobody can give)")


def _assert_one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("jmapper: "), lines
    assert not result.stdout.startswith("first paint"), "a failed start reported success"
    return lines[0]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lib")
    path = folder / "lib.jmapper"
    made = subprocess.run(
        [sys.executable, "-m", "jmapper", "new", str(path), "--title", "S"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(folder),
    )
    assert made.returncode == 0, made.stderr
    return path


def test_a_library_damaged_inside_is_one_line_and_exit_1(library, tmp_path):
    damaged = tmp_path / "damaged.jmapper"
    damaged.write_bytes(library.read_bytes())
    with sqlite3.connect(damaged) as raw:
        raw.execute("ALTER TABLE persona RENAME COLUMN name TO renamed")
    result = _start(
        [sys.executable, "-m", "jmapper", "--quit-after-first-paint", str(damaged)], _env(tmp_path)
    )
    _assert_one_sentence(result)


#: Puts a message box in the start-up path, where a damaged library would show one:
#: while the window is built, or once the event loop runs (a map loading late).
_WITH_A_BOX = """
import sys
from PySide6.QtCore import QTimer
import jmapper.ui.main_window as main_window
from jmapper.ui.dialogs.messages import show_error
from jmapper.app import main

built = main_window.MainWindow.__init__

def init(self, *args, **kwargs):
    built(self, *args, **kwargs)
    if {when!r} == "while building":
        show_error(self, "Open map", "The map list could not be read.")
    else:
        QTimer.singleShot(0, lambda: show_error(self, "Open map", "The map could not be read."))

main_window.MainWindow.__init__ = init
sys.exit(main(["--quit-after-first-paint", {library!r}]))
"""


@pytest.mark.parametrize("when", ["while building", "after the event loop started"])
def test_a_message_box_in_a_scripted_start_goes_to_stderr(library, tmp_path, when):
    script = textwrap.dedent(_WITH_A_BOX).format(when=when, library=str(library))
    result = _start([sys.executable, "-c", script], _env(tmp_path))
    line = _assert_one_sentence(result)
    assert "could not be read" in line


def test_nothing_is_written_outside_the_data_folder(library, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    data = tmp_path / "data"
    env = _env(tmp_path, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env.pop(name, None)
    result = _start([sys.executable, "-m", "jmapper", "--quit-after-first-paint"], env)
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert written == [], f"written under HOME: {written}"
    settings = data / "settings.ini"
    assert settings.is_file() and "library.jmapper" in settings.read_text()
    # An explicit library is remembered in the same file.
    result = _start(
        [sys.executable, "-m", "jmapper", "--quit-after-first-paint", str(library)], env
    )
    assert result.returncode == 0, result.stderr
    assert str(library) in settings.read_text()
    assert sorted(home.rglob("*")) == []
