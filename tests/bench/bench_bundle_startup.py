"""Start-up of the PyInstaller bundle against the pip install, side by side.

    bash packaging/build.sh                                  # once: builds dist/jmapper
    .venv/bin/python tests/bench/bench_bundle_startup.py [--runs 7] [--bundle dist/jmapper/jmapper]

Each program runs as a fresh process, the way a user starts it: ``--version``
(interpreter and argument parsing only), ``--quit-after-first-paint`` on the
default library (created with the samples the first time, so the first run is
reported apart), and the same on a library that already exists.  Wall-clock
medians, plus the editor's own "first paint after N ms" figure.  Prints
figures; never fails on time.  Also prints the bundle's size on disk.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIRST_PAINT = re.compile(r"first paint after (\d+) ms")


def run_once(program: list[str], args: list[str], data: Path) -> tuple[float, int | None]:
    """Wall-clock seconds of one run and the editor's own first-paint figure, if it printed one."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JMAPPER_DATA_DIR": str(data)}
    started = time.perf_counter()
    result = subprocess.run([*program, *args], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(program)} {' '.join(args)} failed: {result.stderr.strip()}")
    found = FIRST_PAINT.search(result.stdout + result.stderr)
    return elapsed, int(found.group(1)) if found else None


def measure(program: list[str], runs: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="jmapper-bench-") as folder:
        data = Path(folder)
        version = [run_once(program, ["--version"], data)[0] for _ in range(runs)]
        first_run, first_paint_new = run_once(program, ["--quit-after-first-paint"], data)
        again = [run_once(program, ["--quit-after-first-paint"], data) for _ in range(runs)]
    paints = [paint for _wall, paint in again if paint is not None]
    walls = [wall for wall, _paint in again]
    return {
        "--version": f"{statistics.median(version) * 1000:.0f} ms",
        "first start (creates library)": f"{first_run * 1000:.0f} ms",
        "editor to exit, existing library": f"{statistics.median(walls) * 1000:.0f} ms",
        "first paint (editor's own figure)": (
            f"{statistics.median(paints):.0f} ms" if paints else "not printed"
        ),
        "first paint, new library": f"{first_paint_new} ms",
    }


def size_on_disk(folder: Path) -> str:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    total = sum(path.stat().st_size for path in files)
    return f"{total / 1e6:.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "jmapper" / "jmapper")
    parser.add_argument(
        "--pip",
        type=Path,
        default=Path(sys.executable).with_name("jmapper"),
        help="the pip-installed jmapper script (default: the one beside this Python)",
    )
    args = parser.parse_args()
    if not args.bundle.exists():
        raise SystemExit(f"No bundle at {args.bundle}; build it with: bash packaging/build.sh")
    columns = {
        "bundle": measure([str(args.bundle)], args.runs),
        "pip install": measure([str(args.pip)], args.runs),
    }
    print(f"median of {args.runs} runs; bundle {size_on_disk(args.bundle.parent)} on disk")
    print(f"{'':36}{'bundle':>14}{'pip install':>14}")
    for row in columns["bundle"]:
        print(f"{row:36}{columns['bundle'][row]:>14}{columns['pip install'][row]:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
