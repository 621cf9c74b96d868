"""Health at a glance for the library list: counts of findings, and the review state.

The review state comes from the list's own fields (no map is loaded); the
counts need each map loaded and checked, so :func:`count_library_health`
is meant to run off the editor's main thread, on its own connection, one
map at a time (the editor's list fills in as the counts arrive, so opening
a library never waits for them).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jmapper.analysis.health import Severity, Sorted, run_checks, sort_dismissed
from jmapper.analysis.health.review import ReviewState, review_state
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import JourneyMap
from jmapper.storage import LibraryError, LibraryStore, MapSummary

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HealthCounts:
    """Open findings by severity (dismissed ones apart)."""

    errors: int = 0
    warnings: int = 0
    advice: int = 0
    dismissed: int = 0

    @property
    def text(self) -> str:
        """'2 errors, 1 warning' (advice only when nothing worse), or 'Healthy'."""
        parts = []
        if self.errors:
            parts.append(f"{self.errors} error{'s' * (self.errors != 1)}")
        if self.warnings:
            parts.append(f"{self.warnings} warning{'s' * (self.warnings != 1)}")
        if not parts and self.advice:
            parts.append(f"{self.advice} advice")
        return ", ".join(parts) if parts else "Healthy"

    @property
    def worst(self) -> Severity | None:
        if self.errors:
            return Severity.ERROR
        if self.warnings:
            return Severity.WARNING
        if self.advice:
            return Severity.ADVICE
        return None


def map_health(bundle: MapBundle, today: date) -> HealthCounts:
    """The counts of ``bundle``'s open findings as of ``today``."""
    return counts_of(sort_dismissed(bundle, run_checks(bundle, today)))


def counts_of(found: Sorted) -> HealthCounts:
    """The counts of findings already run and sorted."""
    by = {s: sum(1 for f in found.open if f.severity is s) for s in Severity}
    return HealthCounts(
        by[Severity.ERROR], by[Severity.WARNING], by[Severity.ADVICE], len(found.dismissed)
    )


def summary_review_state(summary: MapSummary, today: date) -> ReviewState:
    """A listed map's review state, from its summary alone."""
    journey_map = JourneyMap(
        id=summary.id,
        title=summary.title,
        status=summary.status,
        last_reviewed=summary.last_reviewed,
        next_review=summary.next_review,
        created=summary.created,
        review_cadence_months=summary.review_cadence_months,
    )
    return review_state(journey_map, today)


def count_library_health(
    path: Path,
    map_ids: Iterable[str],
    today: date,
    report: Callable[[str, HealthCounts | None], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> None:
    """Load and check each map of the library at ``path``, reporting counts one by one.

    Opens its own connection (so it may run on another thread); a map that
    cannot be read (or every map, if the library cannot be opened) is reported
    as None, so the caller is never left waiting.  Stops early once ``cancelled()``.
    """
    map_ids = list(map_ids)
    try:
        store = LibraryStore.open(path)
    except LibraryError as error:
        log.warning("health counts for %s: %s", path, error)
        for map_id in map_ids:
            report(map_id, None)
        return
    try:
        for map_id in map_ids:
            if cancelled():
                return
            try:
                counts: HealthCounts | None = map_health(store.load_map(map_id), today)
            except LibraryError as error:
                log.info("health counts: map %s: %s", map_id, error)
                counts = None
            report(map_id, counts)
    finally:
        store.close()


__all__ = [
    "HealthCounts",
    "count_library_health",
    "counts_of",
    "map_health",
    "summary_review_state",
]
