"""``jmapper export`` with ``--with-legend`` and ``--text-as-paths``, through the real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jmapper", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            **os.environ,
            "JMAPPER_DATA_DIR": str(tmp_path / "data"),
            "QT_QPA_PLATFORM": "offscreen",
        },
    )


def test_svg_with_legend_and_text_as_paths(tmp_path: Path) -> None:
    lib = tmp_path / "lib.jmapper"
    made = _run(
        tmp_path, "new", str(lib), "--title", "Checkout", "--from-sample", "support_blueprint"
    )
    assert made.returncode == 0, made.stderr
    out = tmp_path / "map.svg"
    done = _run(
        tmp_path,
        "export",
        str(lib),
        "--map",
        "Checkout",
        "--format",
        "svg",
        "-o",
        str(out),
        "--with-legend",
        "--text-as-paths",
    )
    assert done.returncode == 0, done.stderr
    svg = out.read_text("utf-8")
    assert "<text" not in svg and "<path" in svg
