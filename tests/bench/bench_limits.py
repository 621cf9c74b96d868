"""Limits benchmark (a plain script, not a test): the figures behind docs/limits.md.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_limits.py [--sizes 2000,10000]

For each card count it writes one generated map as a JSON file and as a library,
then, each in its own process (wall time and peak RSS from ``os.wait4``):

- ``import (work)``: read, parse and store the JSON file with no limit checked,
  which is what an import costs at that size;
- ``jmapper import``: the real command (refused above the card limit);
- ``editor (work)``: load the map, build the document and the canvas, paint one
  frame, with no limit checked;
- ``jmapper editor``: the real ``--quit-after-first-paint`` start on the library.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

#: Stages x lanes = 200 cells; cards per cell gives the card count.
STAGES, LANES = 20, 10
TIMEOUT_S = 900

_IMPORT_WORK = """
import sys
from pathlib import Path
from jmapper.interchange.json_format import parse
from jmapper.storage import LibraryStore
parsed = parse(Path(sys.argv[1]).read_text(encoding="utf-8"))
store = LibraryStore.create(sys.argv[2])
for bundle in parsed.bundles:
    store.add_bundle(bundle)
store.close()
"""

_EDITOR_WORK = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from jmapper.document import JourneyDocument
from jmapper.storage import LibraryStore
from jmapper.ui.canvas import MapCanvas
store = LibraryStore.open(sys.argv[1])
(map_id,) = store.map_ids()
document = JourneyDocument(store.load_map(map_id), store)
canvas = MapCanvas()
canvas.resize(1600, 900)
canvas.show()
canvas.set_document(document)
app.processEvents()
canvas.viewport().grab()
print(len(canvas.scene().items()), "items")
store.close()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS in MB, exit code and the last output line of one child."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, text=True)
        deadline = started + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.05)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        lines = [line.strip() for line in out.read().splitlines() if line.strip()]
    return seconds, usage.ru_maxrss / 1024, child.returncode, (lines[-1] if lines else "")


def prepare(cards: int, folder: Path) -> tuple[Path, Path]:
    """The generated map as a JSON file and as a one-map library, made in a child process.

    Linux hands a forked child its parent's peak RSS, so this process stays
    small: the figures are then each child's own.
    """
    source = folder / f"map-{cards}.json"
    library = folder / f"map-{cards}.jmapper"
    command = [sys.executable, __file__, "--prepare", str(cards), str(folder)]
    subprocess.run(command, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return source, library


def write_inputs(cards: int, folder: Path) -> None:
    """Child process of :func:`prepare`."""
    from jmapper.interchange.json_format import dump_map
    from jmapper.storage import LibraryStore
    from tests.bench.generate_map import generate_bundle

    bundle = generate_bundle(
        stages=STAGES, steps_per_stage=1, lanes=LANES, cards_per_cell=cards // (STAGES * LANES)
    )
    source = folder / f"map-{cards}.json"
    source.write_text(dump_map(bundle), encoding="utf-8")
    library = folder / f"map-{cards}.jmapper"
    store = LibraryStore.create(library)
    store.add_bundle(bundle)
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2000,10000,20000,50000,100000")
    parser.add_argument("--prepare", nargs=2, metavar=("CARDS", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        write_inputs(int(args.prepare[0]), Path(args.prepare[1]))
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    python = sys.executable
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "JMAPPER_DATA_DIR": str(folder / "data"),
        }
        print(f"{'cards':>7}  {'what':<16} {'seconds':>8} {'peak MB':>8}  exit  output")
        for cards in sizes:
            source, library = prepare(cards, folder)
            megabytes = source.stat().st_size / 1e6
            print(f"{cards:>7}  JSON file {megabytes:.1f} MB")
            runs = {
                "import (work)": [
                    python,
                    "-c",
                    _IMPORT_WORK,
                    str(source),
                    str(folder / f"w-{cards}.jmapper"),
                ],
                "jmapper import": [
                    python,
                    "-m",
                    "jmapper",
                    "import",
                    str(folder / f"c-{cards}.jmapper"),
                    str(source),
                ],
                "editor (work)": [python, "-c", _EDITOR_WORK, str(library)],
                "jmapper editor": [
                    python,
                    "-m",
                    "jmapper",
                    "--quit-after-first-paint",
                    str(library),
                ],
            }
            for what, command in runs.items():
                seconds, peak, code, last = measure(command, env)
                print(f"{cards:>7}  {what:<16} {seconds:8.2f} {peak:8.0f}  {code:>4}  {last[:90]}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
