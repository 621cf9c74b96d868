"""Fills the library list's Health column without slowing the library's opening.

The list appears at once with each map's review state (from its summary)
and "Checking…" for health; once the editor has settled (a short delay, so
the counting never competes with opening the library and its first map) a
background thread loads and checks the maps one by one, on its own SQLite
connection (:func:`jmapper.services.health.count_library_health`), and each
count is shown as it arrives.  Counts are
kept per map and computed again only when the map's summary changes; the
open map's counts come from the Health panel, which follows every edit.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from jmapper.services.health import HealthCounts, count_library_health
from jmapper.services.library_api import MapSummary
from jmapper.ui.library_panel.panel import LibraryPanel

#: How long after the list appears the counting starts.
START_DELAY_MS = 750


class LibraryHealth(QObject):
    # from the worker thread: (generation, map id, counts or None); queued to the main thread
    _counted = Signal(int, str, object)
    # every requested map has been counted (tests and the bench wait for it)
    finished = Signal()

    def __init__(self, panel: LibraryPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._known: dict[str, tuple[MapSummary | None, HealthCounts | None]] = {}
        self._summaries: dict[str, MapSummary] = {}
        self._generation = 0
        self._pending: set[str] = set()
        self._stop = threading.Event()
        self._counted.connect(self._arrived)
        self._next: tuple[Path, list[str]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(START_DELAY_MS)
        self._timer.timeout.connect(self._start_now)

    def update(self, path: Path, summaries: list[MapSummary]) -> None:
        """Show what is known for ``summaries`` and count the rest in the background."""
        self._summaries = {s.id: s for s in summaries}
        wanted = []
        for summary in summaries:
            known = self._known.get(summary.id)
            if known is not None and known[0] in (None, summary):
                self.panel.set_health(summary.id, known[1])
            else:
                wanted.append(summary.id)
        self._start(path, wanted)

    def known(self, map_id: str, counts: HealthCounts) -> None:
        """Counts computed elsewhere (the Health panel on the open map): show and keep them."""
        self._known[map_id] = (None, counts)
        self.panel.set_health(map_id, counts)

    def forget(self) -> None:
        """Another library: drop every count and stop the worker."""
        self.stop()
        self._known.clear()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        self._generation += 1
        self._pending.clear()

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _start(self, path: Path, map_ids: list[str]) -> None:
        self.stop()
        if not map_ids:
            self.finished.emit()
            return
        self._pending = set(map_ids)
        self._next = (path, list(map_ids))
        self._timer.start()

    def _start_now(self) -> None:
        if self._next is None:
            return
        path, map_ids = self._next
        self._next = None
        self._stop = stop = threading.Event()
        generation = self._generation
        today = date.today()

        def report(map_id: str, counts: HealthCounts | None) -> None:
            if not stop.is_set():
                try:
                    self._counted.emit(generation, map_id, counts)
                except RuntimeError:  # the window is gone
                    stop.set()

        worker = threading.Thread(
            target=count_library_health,
            args=(path, list(map_ids), today, report, stop.is_set),
            name="jmapper-library-health",
            daemon=True,
        )
        worker.start()

    def _arrived(self, generation: int, map_id: str, counts: HealthCounts | None) -> None:
        if generation != self._generation:
            return
        known = self._known.get(map_id)
        if known is None or known[0] is not None:  # never overwrite the Health panel's count
            self._known[map_id] = (self._summaries.get(map_id), counts)
            self.panel.set_health(map_id, counts)
        self._pending.discard(map_id)
        if not self._pending:
            self.finished.emit()
