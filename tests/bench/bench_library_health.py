"""What the Health and Review columns cost when a library opens (a script, not a test).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_library_health.py [--repeat 5]

A library with the five samples and the 2,000-card map is opened in the
editor window (construction to the first map shown) with the background
health counting on and switched off, interleaved; then the time until
every map's count has arrived in the list (off the main thread).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from jmapper.services.library import add_samples  # noqa: E402
from jmapper.storage import LibraryStore  # noqa: E402
from jmapper.ui.library_panel.health import LibraryHealth  # noqa: E402
from jmapper.ui.settings import Settings  # noqa: E402
from tests.bench.generate_map import generate_bundle  # noqa: E402


def _open(app: QApplication, path: Path, folder: Path) -> tuple[float, float]:
    """(ms to open the window, ms until every health count arrived)."""
    from jmapper.ui.main_window import MainWindow

    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    start = time.perf_counter()
    store = LibraryStore.open(path)
    window = MainWindow(store, settings)
    window.show()
    app.processEvents()
    opened = (time.perf_counter() - start) * 1000
    while window.library_health.busy:
        app.processEvents()
        time.sleep(0.002)
    counted = (time.perf_counter() - start) * 1000
    window.close()
    window.deleteLater()
    app.processEvents()
    store.close()
    return opened, counted


def _no_counting(self: LibraryHealth, path: Path, summaries: object) -> None:
    """LibraryHealth.update with the counting switched off (the list as before)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "bench.jmapper"
        with LibraryStore.create(path) as store:
            add_samples(store)
            store.add_bundle(generate_bundle(stages=20, lanes=10, cards_per_cell=10))
        real_update = LibraryHealth.update
        with_health, without, counted = [], [], []
        _open(app, path, folder)  # warm-up: file cache, first imports
        for n in range(args.repeat * 2):
            on = n % 4 in (0, 3)  # on, off, off, on, ...: neither goes first every time
            LibraryHealth.update = real_update if on else _no_counting  # type: ignore[method-assign]
            opened, done = _open(app, path, folder)
            (with_health if on else without).append(opened)
            if on:
                counted.append(done)
        LibraryHealth.update = real_update  # type: ignore[method-assign]
    on, off = statistics.median(with_health), statistics.median(without)
    print(f"library of 6 maps (one of 2,000 cards), editor window opened, median of {args.repeat}:")
    print(f"  without health counting   {off:8.0f} ms")
    print(f"  with health counting      {on:8.0f} ms   (difference {on - off:+.0f} ms)")
    print(f"  every count in the list   {statistics.median(counted):8.0f} ms after opening began")


if __name__ == "__main__":
    main()
