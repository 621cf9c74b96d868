"""The review cycle and comparisons as use cases, for the editor and the command line.

A review is recorded as a named snapshot ("Review 2026-Q4", see
:func:`jmapper.analysis.review_report.review_name`); the report compares the
map with the newest such snapshot (or one the user names).  A comparison is
between two maps of the library, or a map and one of its snapshots.  The
source is anything with ``load_map``, ``list_snapshots`` and ``load_snapshot``:
a :class:`jmapper.storage.LibraryStore` or the editor's Library.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from jmapper.analysis.compare import Comparison, compare
from jmapper.analysis.health.review import add_months, cadence_months
from jmapper.analysis.review_report import REVIEW_PREFIX, ReviewReport, review_report
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import JourneyMap, Snapshot
from jmapper.services.errors import ServiceError


class SnapshotStore(Protocol):
    """Where a map's snapshots are: a library, or an open document's change store."""

    def list_snapshots(self, map_id: str) -> list[Snapshot]: ...

    def load_snapshot(self, snapshot_id: str) -> Snapshot: ...


class SnapshotSource(SnapshotStore, Protocol):
    """Snapshots and the maps themselves (a library)."""

    def load_map(self, map_id: str) -> MapBundle: ...


def next_review_after(journey_map: JourneyMap, day: date) -> date:
    """The next review date when a review happens on ``day``: one cadence later."""
    return add_months(day, cadence_months(journey_map))


def unique_snapshot_name(name: str, taken: list[str]) -> str:
    """``name``, or 'name (2)', 'name (3)'... if the map already has a snapshot so called."""
    if name not in taken:
        return name
    n = 2
    while f"{name} ({n})" in taken:
        n += 1
    return f"{name} ({n})"


def snapshot_bundle(snapshot: Snapshot, current: MapBundle) -> MapBundle:
    """The map as a snapshot recorded it (personas the library has now fill any gap)."""
    from jmapper.interchange.json_format import parse

    (bundle,) = parse(snapshot.payload).bundles
    for persona_id, persona in current.personas.items():
        bundle.personas.setdefault(persona_id, persona)
    return bundle


def find_snapshot(source: SnapshotStore, map_id: str, name_or_id: str) -> Snapshot:
    """The map's snapshot with this id or name (newest of that name); a sentence if none."""
    wanted = name_or_id.strip()
    snapshots = source.list_snapshots(map_id)
    for snapshot in snapshots:
        if snapshot.id == wanted or snapshot.name.casefold() == wanted.casefold():
            return source.load_snapshot(snapshot.id)
    names = ", ".join(f"\u201c{s.name}\u201d" for s in snapshots[:8]) or "none yet"
    raise ServiceError(
        f"The map has no snapshot called \u201c{wanted}\u201d; its snapshots: {names}."
    )


def latest_review(source: SnapshotStore, map_id: str) -> Snapshot | None:
    """The newest snapshot recorded by "Start review", if any."""
    for snapshot in source.list_snapshots(map_id):  # newest first
        if snapshot.name.startswith(REVIEW_PREFIX):
            return source.load_snapshot(snapshot.id)
    return None


def report_since(
    source: SnapshotSource,
    map_id: str,
    today: date,
    since: str | None = None,
    current: MapBundle | None = None,
) -> ReviewReport:
    """What changed on the map since ``since`` (a snapshot), else since the last review."""
    bundle = current if current is not None else source.load_map(map_id)
    if since is not None:
        snapshot = find_snapshot(source, map_id, since)
    else:
        found = latest_review(source, map_id)
        if found is None:
            raise ServiceError(
                f"\u201c{bundle.map.title}\u201d has no review yet: start one in the editor "
                "(Map > Start Review), or name a snapshot to compare with (--since NAME)."
            )
        snapshot = found
    before = snapshot_bundle(snapshot, bundle)
    return review_report(before, bundle, snapshot.name, snapshot.created, today)


def compare_with_snapshot(
    source: SnapshotSource, map_id: str, name_or_id: str, current: MapBundle | None = None
) -> tuple[Comparison, str, str]:
    """(comparison, old name, new name) of a map's snapshot against the map now."""
    bundle = current if current is not None else source.load_map(map_id)
    return compare_version(source, bundle, name_or_id)


def compare_version(
    source: SnapshotStore, current: MapBundle, name_or_id: str
) -> tuple[Comparison, str, str]:
    """(comparison, old name, "Now") of one of ``current``'s snapshots against it."""
    snapshot = find_snapshot(source, current.map.id, name_or_id)
    return compare(snapshot_bundle(snapshot, current), current), snapshot.name, "Now"


def compare_maps(old: MapBundle, new: MapBundle) -> tuple[Comparison, str, str]:
    """(comparison, old name, new name) of two maps; a derived map is compared to its source."""
    if old.map.derived_from_id == new.map.id:
        old, new = new, old
    return compare(old, new), old.map.title, new.map.title


def write_report_pdf(bundle: MapBundle, report: object, out: str | Path) -> Path:
    """A PDF of one change report (comparison or review), written atomically to ``out``."""
    from jmapper.drawing.report import Report
    from jmapper.export import ExportError, ExportOptions, export_pdf
    from jmapper.services.files import atomic_output, check_output_path

    assert isinstance(report, Report)
    target = check_output_path(out)
    options = ExportOptions(pages=())
    try:
        with atomic_output(target) as temp:
            export_pdf(bundle, temp, options, reports=[report])
    except ExportError as error:
        raise ServiceError(str(error)) from error
    return target


__all__ = [
    "SnapshotSource",
    "SnapshotStore",
    "compare_maps",
    "compare_version",
    "compare_with_snapshot",
    "find_snapshot",
    "latest_review",
    "next_review_after",
    "report_since",
    "snapshot_bundle",
    "unique_snapshot_name",
    "write_report_pdf",
]
