"""Opportunity benchmark (a plain script, not a test): keypress to repaint on the 2,000-card map.

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_opportunity.py

Adds opportunities as a facilitator does (Ctrl+Shift+O, type the title,
Enter) and times the Enter that commits to the repainted viewport frame
(store, layout, projection diff and paint); then a vote keystroke (+ in vote
mode) to the repainted frame.  Medians of a few runs; goal < 100 ms (feels
instant).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from jmapper.model.enums import LaneKind  # noqa: E402
from jmapper.ui.canvas import actions as names  # noqa: E402
from jmapper.ui.canvas.cells import Cell  # noqa: E402
from tests.bench.bench_canvas import open_map  # noqa: E402

RUNS = 7


def main() -> None:
    import tempfile

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        canvas, document, _open_s, store = open_map(10, Path(folder))
        canvas.activateWindow()
        QTest.qWaitForWindowActive(canvas)
        print(f"2,000-card map: {len(document.bundle.cards)} cards")
        layout = canvas.projection.layout
        lane = next(b.lane_id for b in layout.lanes if b.kind is LaneKind.OPPORTUNITIES)
        adds, opens = [], []
        for n in range(RUNS):
            canvas.set_current_cell(Cell(lane, n % len(layout.columns)))
            canvas.setFocus()
            app.processEvents()
            start = time.perf_counter()
            QTest.keyClick(
                canvas,
                Qt.Key.Key_O,
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
            )
            app.processEvents()
            canvas.viewport().grab()
            opens.append((time.perf_counter() - start) * 1000)
            assert canvas.editor.active
            canvas.editor.setText(f"Opportunity {n}")
            start = time.perf_counter()
            QTest.keyClick(canvas.editor, Qt.Key.Key_Return)
            app.processEvents()
            canvas.viewport().grab()
            adds.append((time.perf_counter() - start) * 1000)
        assert len(document.bundle.opportunities) == RUNS
        print(f"Ctrl+Shift+O to editor shown (median, max)   {_fmt(opens)}")
        print(f"Enter to repainted frame with the new opportunity (median, max)  {_fmt(adds)}")
        canvas.canvas_actions[names.VOTE_MODE].setChecked(True)
        opp = next(iter(document.bundle.opportunities))
        canvas.select("opportunity", opp)
        votes = []
        for _ in range(RUNS):
            start = time.perf_counter()
            QTest.keyClick(canvas, Qt.Key.Key_Plus)
            app.processEvents()
            canvas.viewport().grab()
            votes.append((time.perf_counter() - start) * 1000)
        assert document.bundle.opportunities[opp].votes == RUNS
        print(f"+ (vote) to repainted frame (median, max)    {_fmt(votes)}")
        # for comparison: any edit on this map, a card title (Enter to repainted frame)
        canvas.canvas_actions[names.VOTE_MODE].setChecked(False)
        card_id = next(iter(document.bundle.cards))
        cards = []
        for n in range(RUNS):
            canvas.select("card", card_id)
            app.processEvents()
            QTest.keyClick(canvas, Qt.Key.Key_Return)
            canvas.editor.setText(f"Edited title {n}")
            start = time.perf_counter()
            QTest.keyClick(canvas.editor, Qt.Key.Key_Return)
            app.processEvents()
            canvas.viewport().grab()
            cards.append((time.perf_counter() - start) * 1000)
        print(f"card title edit, Enter to repaint (median, max)  {_fmt(cards)}")
        from jmapper.layout import compute_layout

        layouts = []
        for _ in range(RUNS):
            start = time.perf_counter()
            compute_layout(document.bundle, canvas.map_style)
            layouts.append((time.perf_counter() - start) * 1000)
        print(f"of which the whole-map layout alone (median, max)  {_fmt(layouts)}")
        store.close()


def _fmt(times: list[float]) -> str:
    return f"{statistics.median(times):7.1f} ms  {max(times):7.1f} ms"


if __name__ == "__main__":
    main()
