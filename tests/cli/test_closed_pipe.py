"""``jmapper … | head -1``: a reader that stops early ends the command quietly.

The reader's end of the pipe is closed before the process writes, so every
write fails with EPIPE: the same as ``head`` exiting after its first line,
without depending on timing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_into_closed_pipe(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "jmapper", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=60,
        )
    finally:
        os.close(write_end)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "lib.jmapper"
    made = subprocess.run(
        [sys.executable, "-m", "jmapper", "new", str(path), "--title", "S"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "JMAPPER_DATA_DIR": str(path.parent)},
    )
    assert made.returncode == 0, made.stderr
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["templates", "--json"],
        ["templates"],
        ["maps", "LIB"],
        ["maps", "LIB", "--json"],
        ["--version"],
    ],
    ids=" ".join,
)
def test_a_closed_pipe_is_not_a_traceback(args, library, tmp_path):
    env = {**os.environ, "JMAPPER_DATA_DIR": str(tmp_path)}
    result = _run_into_closed_pipe([a.replace("LIB", str(library)) for a in args], env)
    assert result.stderr == "", result.stderr
    assert result.returncode == 1
