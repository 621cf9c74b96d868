"""Foundation benchmarks: open time, persisted-edit latency, editor start-up.

    .venv/bin/python tests/bench/bench_foundation.py [--runs 7]

Prints figures; never fails on time.  Edits are measured through the real
JourneyDocument (check + one SQLite transaction with synchronous=FULL)
against a bare sqlite3 UPDATE with the same journal settings.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_map import generate_bundle  # noqa: E402


def _library(folder: Path, name: str, **shape: int):
    from jmapper.storage import LibraryStore

    path = folder / f"{name}.jmapper"
    bundle = generate_bundle(**shape)
    store = LibraryStore.create(path)
    store.add_bundle(bundle)
    store.close()
    return path, bundle.map.id


def bench_open(path: Path, map_id: str, runs: int) -> float:
    from PySide6.QtGui import QGuiApplication

    from jmapper.document import JourneyDocument
    from jmapper.storage import LibraryStore

    _app = QGuiApplication.instance() or QGuiApplication([])
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        store = LibraryStore.open(path)
        JourneyDocument(store.load_map(map_id), store)
        times.append(time.perf_counter() - started)
        store.close()
    return statistics.median(times)


def bench_edit(path: Path, map_id: str, edits: int) -> float:
    from PySide6.QtGui import QGuiApplication

    from jmapper.document import JourneyDocument
    from jmapper.storage import LibraryStore

    _app = QGuiApplication.instance() or QGuiApplication([])
    store = LibraryStore.open(path)
    doc = JourneyDocument(store.load_map(map_id), store)
    card_ids = sorted(doc.bundle.cards)
    times = []
    for i in range(edits):
        card_id = card_ids[i % len(card_ids)]
        started = time.perf_counter()
        # distinct cards so edits do not merge; each is one persisted undo step
        doc.edit("card", card_id, title=f"Edited title {i}")
        times.append(time.perf_counter() - started)
    store.close()
    return statistics.median(times)


def bench_bare_update(library: Path, edits: int) -> float:
    """A bare sqlite3 UPDATE of one card title in a copy of the same library file."""
    import shutil

    path = library.with_name("bare-copy.jmapper")
    shutil.copyfile(library, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    ids = [row[0] for row in conn.execute("SELECT id FROM card ORDER BY id")]
    times = []
    for i in range(edits):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE card SET title=? WHERE id=?", (f"Edited {i}", ids[i % len(ids)]))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - started)
    conn.close()
    return statistics.median(times)


BARE_STARTUP = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    from jmapper.ui.startup import milliseconds_since_start
    import sqlalchemy.orm  # noqa: F401
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView
    app = QApplication([])
    view = QGraphicsView(QGraphicsScene())
    class Probe(QObject):
        done = False
        def eventFilter(self, obj, event):
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, lambda: (print(f"first paint after "
                    f"{{milliseconds_since_start():.0f}} ms"), app.quit()))
            return False
    probe = Probe()
    view.viewport().installEventFilter(probe)
    view.resize(1280, 800)
    view.show()
    app.exec()
    """
)


def _first_paint_ms(command: list[str]) -> float:
    # An installed jmapper has bytecode, like the libraries the bare script imports; some
    # shells set PYTHONDONTWRITEBYTECODE, which would recompile jmapper on every start.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("first paint after"))
    return float(line.split()[3])


def bench_startup(library: Path, runs: int) -> tuple[float, float]:
    bare_script = Path(tempfile.mkdtemp()) / "bare_startup.py"
    bare_script.write_text(BARE_STARTUP.format(root=str(ROOT)))
    ours, bare = [], []
    jmapper_command = [sys.executable, "-m", "jmapper", "--quit-after-first-paint", str(library)]
    _first_paint_ms(jmapper_command)  # warm-up: writes bytecode, fills the OS file cache
    _first_paint_ms([sys.executable, str(bare_script)])
    for _ in range(runs):  # alternate so both see the same machine state
        bare.append(_first_paint_ms([sys.executable, str(bare_script)]))
        ours.append(_first_paint_ms(jmapper_command))
    return statistics.median(ours), statistics.median(bare)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="jm-bench-"))
    small, small_id = _library(folder, "small", stages=2, lanes=2, cards_per_cell=5)
    big, big_id = _library(folder, "big2k", stages=20, lanes=10, cards_per_cell=10)
    huge, huge_id = _library(folder, "big10k", stages=20, lanes=10, cards_per_cell=50)

    print(
        f"open 2,000-card map into a document:  {bench_open(big, big_id, args.runs) * 1000:7.1f} ms"
    )
    print(f"open 10,000-card map into a document: {bench_open(huge, huge_id, 3) * 1000:7.1f} ms")
    small_edit = bench_edit(small, small_id, args.edits)
    big_edit = bench_edit(big, big_id, args.edits)
    bare = bench_bare_update(big, args.edits)
    print(f"persisted edit, 20-card map:    median {small_edit * 1000:6.2f} ms")
    print(f"persisted edit, 2,000-card map: median {big_edit * 1000:6.2f} ms")
    print(f"bare sqlite3 UPDATE, same file (WAL, synchronous=FULL): median {bare * 1000:6.2f} ms")
    print(
        f"  ratio 2,000-card / 20-card: {big_edit / small_edit:.2f}; "
        f"2,000-card / bare: {big_edit / bare:.2f} (goal <= 4)"
    )
    samples = folder / "samples.jmapper"
    from jmapper.services.library import add_samples
    from jmapper.storage import LibraryStore

    store = LibraryStore.create(samples)
    add_samples(store)
    store.close()
    ours_s, bare_s = bench_startup(samples, args.runs)
    print(
        f"start-up to first paint, sample library: jmapper {ours_s:.0f} ms, "
        f"bare PySide6+SQLAlchemy {bare_s:.0f} ms, ratio {ours_s / bare_s:.2f} (goal <= 1.3)"
    )
    ours, bare_start = bench_startup(big, args.runs)
    print(
        f"start-up to first paint, 2,000-card map: jmapper {ours:.0f} ms, "
        f"bare PySide6+SQLAlchemy {bare_start:.0f} ms,"
        f" ratio {ours / bare_start:.2f} (goal <= 1.3)"
    )


if __name__ == "__main__":
    main()
