"""What the Health panel adds to one edit on the 2,000-card map (a script, not a test).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_health_panel.py [--repeat 30]

One edit (a card's title through the document, then the canvas update it
triggers) is timed with no Health panel and with the panel shown on the same
document: the difference is what the panel puts on the edit path (only a
timer restart).  The deferred check the panel runs once the user pauses
(all rules plus rebuilding the list) is timed on its own.
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

from PySide6.QtWidgets import QApplication  # noqa: E402

from jmapper.document import JourneyDocument  # noqa: E402
from jmapper.storage import LibraryStore  # noqa: E402
from jmapper.ui.canvas import MapCanvas  # noqa: E402
from jmapper.ui.docks.health import HealthDock  # noqa: E402
from tests.bench.generate_map import generate_bundle  # noqa: E402


def _edit(app: QApplication, document: JourneyDocument, title: str) -> float:
    card_id = sorted(document.bundle.cards)[0]
    start = time.perf_counter()
    document.edit("card", card_id, title=title)
    elapsed = (time.perf_counter() - start) * 1000
    app.processEvents()  # the canvas repaints; a pending panel timer does not fire yet
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    bundle = generate_bundle(stages=20, steps_per_stage=1, lanes=10, cards_per_cell=10)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.jmapper"
        with LibraryStore.create(path) as store:
            store.add_bundle(bundle)
        store = LibraryStore.open(path)
        document = JourneyDocument(store.load_map(bundle.map.id), store)
        canvas = MapCanvas()
        canvas.resize(1200, 800)
        canvas.show()
        canvas.set_document(document)
        app.processEvents()
        dock = HealthDock()
        dock.resize(340, 600)
        dock.show()
        dock.set_document(document)
        app.processEvents()
        # Interleaved, so the machine's drift hits both alike.
        without, with_panel = [], []
        for n in range(args.repeat):
            with_panel.append(_edit(app, document, f"Panel title {n}"))
            document.changes_applied.disconnect(dock._changed)
            without.append(_edit(app, document, f"Plain title {n}"))
            document.changes_applied.connect(dock._changed)
        slot = []
        for _ in range(1000):
            start = time.perf_counter()
            dock._changed(None)  # the panel's whole share of an edit
            slot.append((time.perf_counter() - start) * 1000)
        checks = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            dock.refresh()
            checks.append((time.perf_counter() - start) * 1000)
        findings = len(dock.found.open)
        store.close()
    base, panel = statistics.median(without), statistics.median(with_panel)
    print(f"{len(bundle.cards)} cards, one card edit (document + canvas), median of {args.repeat}:")
    print(f"  without the Health panel      {base:8.2f} ms")
    print(f"  with the Health panel shown   {panel:8.2f} ms   (difference {panel - base:+.2f} ms)")
    print(
        f"  the panel's slot on an edit   {statistics.median(slot) * 1000:8.1f} us (timer restart)"
    )
    print(
        f"  deferred check after a pause  {statistics.median(checks):8.2f} ms "
        f"(worst {max(checks):.2f} ms; {findings} findings), off the edit path"
    )


if __name__ == "__main__":
    main()
