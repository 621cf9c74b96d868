"""Merging libraries: maps made on several laptops brought together into one (docs/merge.md).

``jmapper merge TARGET SOURCE...`` and the editor's File > Merge Library
both call :func:`merge_into`.  For each source (read first, never written,
:mod:`jmapper.services.merge_sources`):

- personas are matched to the library's by id, else by name (the rule of
  :func:`jmapper.services.transfer.match_library_personas`): one "Sam" however
  many laptops had one;
- a map the library lacks is added, with its named versions;
- a map both hold is compared with the versions (snapshots) both hold: if one
  side has nothing newer than a version the other has, the newer side wins
  (``unchanged`` / ``updated``); otherwise the newest shared version is the
  common ancestor of a three-way merge at entity level
  (:mod:`jmapper.services.merge_three_way`);
- with no common version, conflicting edits, or a combination that breaks a
  rule of the map, both are kept: the source's version as a copy titled
  "Title (from laptop-2)".  Nothing is overwritten silently; everything is
  listed in the :class:`~jmapper.services.merge_report.MergeReport`.

Everything is planned and written inside one write transaction
(:meth:`LibraryStore.batch`): a failure or a kill leaves the library as it
was.  Before writing, a backup copy of the library is made beside it; the
editor also records a :class:`MergeUndo` so one Ctrl+Z takes the merge back.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import CHILD_KINDS, Persona, Snapshot, new_id
from jmapper.model.kinds import references
from jmapper.services.errors import ServiceError
from jmapper.services.merge_report import (
    ADDED,
    KEPT_TWICE,
    MERGED,
    UNCHANGED,
    UPDATED,
    MapOutcome,
    MergeReport,
)
from jmapper.services.merge_sources import SourceLibrary
from jmapper.services.merge_three_way import merge_three_way, same_content
from jmapper.storage import LibraryStore

log = logging.getLogger(__name__)


@dataclass
class MergeUndo:
    """What a merge wrote, so it can be taken back (and written again) as one step.

    ``replaced`` pairs each changed map's state before the merge with its
    state after; ``added`` are the maps (and copies) the merge stored.
    """

    added: list[MapBundle] = field(default_factory=list)
    replaced: list[tuple[MapBundle, MapBundle]] = field(default_factory=list)
    snapshots: list[Snapshot] = field(default_factory=list)
    personas: list[Persona] = field(default_factory=list)

    @property
    def map_ids(self) -> list[str]:
        """Every map the merge added or changed."""
        return [b.map.id for b in self.added] + [after.map.id for _, after in self.replaced]


@dataclass
class MergeResult:
    report: MergeReport
    undo: MergeUndo


def merge_into(
    store: LibraryStore, sources: Sequence[SourceLibrary], *, dry_run: bool = False
) -> MergeResult:
    """Merge every source into ``store``: all of it in one transaction, or (dry run) none."""
    report = MergeReport(store.path, [s.path.name for s in sources], dry_run)
    for source in sources:
        report.warnings.extend(source.warnings)
    if dry_run:
        planner = _Planner(store, report)
        for source in sources:
            planner.plan(source)
        return MergeResult(report, planner.undo)
    try:
        with store.batch():
            planner = _Planner(store, report)
            for source in sources:
                planner.plan(source)
            if not report.changes_anything:
                raise _NothingToMerge  # roll back: not even the write stamp changes
            report.backup = _backup_path(store.path)
            store.copy_to(report.backup)
            write(store, planner.undo)
    except _NothingToMerge:
        pass
    except BaseException:
        if report.backup is not None:  # nothing was merged: the copy would only confuse
            report.backup.unlink(missing_ok=True)
        raise
    return MergeResult(report, planner.undo)


class _NothingToMerge(Exception):
    """Raised inside the merge's transaction to end it without writing anything."""


def write(store: LibraryStore, undo: MergeUndo) -> None:
    """Store what a merge planned (personas, maps, copies, versions)."""
    for persona in undo.personas:
        store.save_persona(persona)
    for bundle in undo.added:
        store.add_bundle(_without_personas(bundle))
    for _before, after in undo.replaced:
        store.replace_bundle(_without_personas(after))
    for snapshot in undo.snapshots:
        store.save_snapshot(snapshot)


def undo_merge(store: LibraryStore, undo: MergeUndo) -> None:
    """Take a merge back in one transaction, refused if a merged map was edited since."""
    with store.batch():
        for bundle in undo.added:
            if store.has_map(bundle.map.id):
                _refuse_if_edited(store, bundle, "undone")
                store.delete_map(bundle.map.id)
        for before, after in undo.replaced:
            _refuse_if_edited(store, after, "undone")
            store.replace_bundle(_without_personas(before))
        for snapshot in undo.snapshots:
            store.delete_snapshot(snapshot.id)
        in_use = _personas_in_use(store)
        for persona in undo.personas:
            if persona.id not in in_use:
                store.delete_persona(persona.id)


def redo_merge(store: LibraryStore, undo: MergeUndo) -> None:
    """Write an undone merge again, refused if its maps were edited meanwhile."""
    with store.batch():
        for bundle in undo.added:
            if store.has_map(bundle.map.id):
                raise ServiceError(
                    f"\u201c{bundle.map.title}\u201d is in the library again, so the merge "
                    "was not redone."
                )
        for before, _after in undo.replaced:
            _refuse_if_edited(store, before, "redone")
        known = {p.id for p in store.list_personas()}
        again = MergeUndo(
            undo.added,
            undo.replaced,
            undo.snapshots,
            [p for p in undo.personas if p.id not in known],
        )
        write(store, again)


def _refuse_if_edited(store: LibraryStore, expected: MapBundle, what: str) -> None:
    if not same_content(store.load_map(expected.map.id), expected):
        raise ServiceError(
            f"\u201c{expected.map.title}\u201d was edited after the merge, so the merge was not "
            f"{what}; the library as it was before the merge is kept in the backup copy."
        )


def _personas_in_use(store: LibraryStore) -> set[str]:
    used: set[str] = set()
    for map_id in store.map_ids():
        bundle = store.load_map(map_id)
        used.update(p for p in [bundle.map.primary_persona_id] if p)
        used.update(bundle.map.overlay_persona_ids)
        used.update(p.persona_id for p in bundle.emotion_points.values() if p.persona_id)
    return used


def _without_personas(bundle: MapBundle) -> MapBundle:
    """The bundle to store: personas are written on their own (never overwritten)."""
    return MapBundle(map=bundle.map, collections=bundle.collections)


def _backup_path(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-merge-{stamp}.jmapper")
    number = 2
    while target.exists():
        target = path.with_name(f"{path.stem}.before-merge-{stamp}-{number}.jmapper")
        number += 1
    return target


class _Planner:
    """Decides, source after source, what the merge writes; reads the library as it goes."""

    def __init__(self, store: LibraryStore, report: MergeReport) -> None:
        self.store = store
        self.report = report
        self.undo = MergeUndo()
        self.personas = {p.id: p for p in store.list_personas()}
        self.by_name = {p.name.casefold(): p for p in self.personas.values()}
        summaries = store.list_maps()
        self.titles = {s.title for s in summaries}
        self.map_ids = set(store.map_ids())
        #: Maps as the merge leaves them so far, and their versions (by map id).
        self.current: dict[str, MapBundle] = {}
        self.versions: dict[str, list[Snapshot]] = {}
        self.stamp = datetime.now().isoformat(timespec="seconds")
        self._parsed: dict[str, MapBundle | None] = {}

    # -- one source -------------------------------------------------------------------
    def plan(self, source: SourceLibrary) -> None:
        mapping = self._personas(source)
        for original in source.bundles:
            # The source is the caller's (the editor previews, then merges the same one).
            bundle = _with_personas(original.copy(), mapping) if mapping else original
            snapshots = source.snapshots.get(bundle.map.id, [])
            if bundle.map.id not in self.map_ids:
                self._add(bundle, snapshots, source)
            else:
                self._combine(bundle, snapshots, source, mapping)

    def _personas(self, source: SourceLibrary) -> dict[str, str]:
        """Source persona id -> library persona id, for personas the library has by name."""
        mapping: dict[str, str] = {}
        offered = {p.id: p for p in source.personas}
        for bundle in source.bundles:
            for persona in bundle.personas.values():
                offered.setdefault(persona.id, persona)
        for persona in offered.values():
            known = self.personas.get(persona.id)
            if known is not None:
                if known != persona and known.name not in self.report.personas_differing:
                    self.report.personas_differing.append(known.name)
                continue
            existing = self.by_name.get(persona.name.casefold())
            if existing is not None:
                mapping[persona.id] = existing.id
                if existing.name not in self.report.personas_reused:
                    self.report.personas_reused.append(existing.name)
                continue
            added = copy.deepcopy(persona)
            self.personas[added.id] = added
            self.by_name[added.name.casefold()] = added
            self.undo.personas.append(added)
            self.report.personas_added.append(added.name)
        return mapping

    # -- a map the library lacks ---------------------------------------------------------
    def _add(self, bundle: MapBundle, snapshots: list[Snapshot], source: SourceLibrary) -> None:
        self.map_ids.add(bundle.map.id)
        self.titles.add(bundle.map.title)
        self.undo.added.append(bundle)
        self.current[bundle.map.id] = bundle
        self.versions[bundle.map.id] = list(snapshots)
        self._copy_versions(snapshots)
        self.report.maps.append(MapOutcome(ADDED, bundle.map.title, bundle.map.id, source.name))

    # -- a map both hold -------------------------------------------------------------------
    def _combine(
        self,
        theirs: MapBundle,
        their_versions: list[Snapshot],
        source: SourceLibrary,
        mapping: dict[str, str],
    ) -> None:
        map_id = theirs.map.id
        ours = self._current(map_id)
        our_versions = self.versions[map_id]
        new_versions = [s for s in their_versions if s.id not in {v.id for v in our_versions}]
        outcome = MapOutcome(UNCHANGED, ours.map.title, map_id, source.name)
        if same_content(ours, theirs) or self._matching(theirs, our_versions, mapping):
            self.report.maps.append(outcome)
        elif older := self._matching(ours, their_versions, mapping):
            self._replace(ours, theirs, f"Before merge from {source.name}")
            self.report.maps.append(
                MapOutcome(UPDATED, theirs.map.title, map_id, source.name, base=older.name)
            )
        else:
            base = _common_version(our_versions, their_versions)
            result = None
            if base is not None:
                base_bundle = _with_personas(self._parse(base), mapping)
                result = merge_three_way(base_bundle, ours, theirs) if base_bundle else None
            if result is not None and result.merged is not None and result.taken == 0:
                self.report.maps.append(outcome)  # every edit of theirs is here already
            elif result is not None and result.merged is not None:
                assert base is not None
                self._replace(ours, result.merged, f"Before merge from {source.name}")
                self.report.maps.append(
                    MapOutcome(
                        MERGED,
                        result.merged.map.title,
                        map_id,
                        source.name,
                        base=base.name,
                        from_source=result.taken,
                        from_target=result.kept,
                    )
                )
            else:
                if result is None:
                    reason = "the two have no saved version in common, so both are kept."
                elif result.conflicts:
                    reason = "both changed the same things differently, so both are kept."
                else:
                    rule = (result.refusal or "").rstrip(".")
                    rule = rule[:1].lower() + rule[1:]
                    reason = f"the edits do not fit together ({rule}), so both are kept."
                conflicts = tuple(c.sentence() for c in result.conflicts) if result else ()
                self._keep_twice(ours, theirs, their_versions, source, reason, conflicts)
                return
        self.versions[map_id] = our_versions + new_versions
        self._copy_versions(new_versions)

    def _current(self, map_id: str) -> MapBundle:
        if map_id not in self.current:
            self.current[map_id] = self.store.load_map(map_id)
            self.versions[map_id] = [
                self.store.load_snapshot(s.id) for s in self.store.list_snapshots(map_id)
            ]
        return self.current[map_id]

    def _replace(self, before: MapBundle, after: MapBundle, name: str) -> None:
        """Record a map changed in place, with a version of how it was before."""
        for index, (first, _later) in enumerate(self.undo.replaced):
            if first.map.id == after.map.id:  # changed again by a later source
                self.undo.replaced[index] = (first, after)
                break
        else:
            added = next((b for b in self.undo.added if b.map.id == after.map.id), None)
            if added is not None:
                self.undo.added[self.undo.added.index(added)] = after
            else:
                self.undo.replaced.append((before, after))
        self.current[after.map.id] = after
        snapshot = _snapshot_of(before, name, self.stamp)
        self.undo.snapshots.append(snapshot)
        self.versions[after.map.id].append(snapshot)

    def _keep_twice(
        self,
        ours: MapBundle,
        theirs: MapBundle,
        their_versions: list[Snapshot],
        source: SourceLibrary,
        reason: str,
        conflicts: tuple[str, ...],
    ) -> None:
        table: dict[str, str] = {}
        copied = _renamed(theirs, table)
        copied.map.title = self._copy_title(theirs.map.title, source.name)
        self.titles.add(copied.map.title)
        self.map_ids.add(copied.map.id)
        self.undo.added.append(copied)
        self.current[copied.map.id] = copied
        renamed = (_renamed_version(s, copied.map.id, table) for s in their_versions)
        versions = [v for v in renamed if v is not None]
        self.versions[copied.map.id] = versions
        self._copy_versions(versions)
        self.report.maps.append(
            MapOutcome(
                KEPT_TWICE,
                ours.map.title,
                ours.map.id,
                source.name,
                copy_title=copied.map.title,
                copy_id=copied.map.id,
                reason=reason,
                conflicts=conflicts,
            )
        )

    def _copy_title(self, title: str, source_name: str) -> str:
        candidate = f"{title} (from {source_name})"
        number = 2
        while candidate in self.titles:
            candidate = f"{title} (from {source_name}, {number})"
            number += 1
        return candidate

    def _parse(self, snapshot: Snapshot) -> MapBundle | None:
        """A version's map, read once per merge (reading versions is most of a merge's time)."""
        if snapshot.id not in self._parsed:
            self._parsed[snapshot.id] = _parse(snapshot)
        return self._parsed[snapshot.id]

    def _matching(
        self, bundle: MapBundle, versions: Iterable[Snapshot], mapping: dict[str, str]
    ) -> Snapshot | None:
        """The first version (newest first) that holds exactly ``bundle``'s content."""
        for version in versions:
            recorded = _with_personas(self._parse(version), mapping)
            if recorded is not None and same_content(bundle, recorded):
                return version
        return None

    def _copy_versions(self, snapshots: Iterable[Snapshot]) -> None:
        for snapshot in snapshots:
            self.undo.snapshots.append(snapshot)
            self.report.versions_added += 1


# -- versions ------------------------------------------------------------------------------


def _parse(snapshot: Snapshot) -> MapBundle | None:
    """The map a version recorded, or None if this version of jmapper cannot read it."""
    from jmapper.interchange.errors import InterchangeError
    from jmapper.interchange.json_format import parse

    try:
        (bundle,) = parse(snapshot.payload).bundles
    except (InterchangeError, ValueError) as error:
        log.warning("version %s (%r) cannot be read: %s", snapshot.id, snapshot.name, error)
        return None
    return bundle


def _common_version(ours: Sequence[Snapshot], theirs: Sequence[Snapshot]) -> Snapshot | None:
    """The newest version both libraries hold (same id, same content), if any."""
    mine = {s.id: s for s in ours}
    shared = [s for s in theirs if s.id in mine and mine[s.id].payload == s.payload]
    if not shared:
        return None
    return max(shared, key=lambda s: (s.created, s.id))


def _snapshot_of(bundle: MapBundle, name: str, created: str) -> Snapshot:
    from jmapper.interchange.json_format import dump_map

    return Snapshot(map_id=bundle.map.id, name=name, created=created, payload=dump_map(bundle))


def _renamed_version(snapshot: Snapshot, map_id: str, table: dict[str, str]) -> Snapshot | None:
    """A version of a copied map, its ids renamed as the copy's were (new ids for the rest)."""
    from jmapper.interchange.json_format import dump_map

    recorded = _parse(snapshot)
    if recorded is None:
        return None
    renamed = _renamed(recorded, table)
    renamed.map.id = map_id
    for kind in CHILD_KINDS:
        for entity in renamed.collection(kind).values():
            entity.map_id = map_id
    return Snapshot(
        map_id=map_id, name=snapshot.name, created=snapshot.created, payload=dump_map(renamed)
    )


# -- ids -----------------------------------------------------------------------------------


def _renamed(bundle: MapBundle, table: dict[str, str]) -> MapBundle:
    """A copy of ``bundle`` with fresh ids for the map and everything in it.

    ``table`` (old -> new) is shared by a copy and its versions, so an entity
    keeps one new id across them; personas keep theirs.
    """
    table.setdefault(bundle.map.id, new_id())
    for kind in CHILD_KINDS:
        for old_id in bundle.collection(kind):
            table.setdefault(old_id, new_id())
    result = MapBundle(map=_entity_renamed("map", bundle.map, table))
    result.personas = copy.deepcopy(bundle.personas)
    for kind in CHILD_KINDS:
        for entity in bundle.collection(kind).values():
            renamed = _entity_renamed(kind, entity, table)
            renamed.map_id = result.map.id
            result.put(kind, renamed.id, renamed)
    return result


def _entity_renamed(kind: str, entity: Any, table: dict[str, str]) -> Any:
    renamed = copy.deepcopy(entity)
    renamed.id = table.get(entity.id, entity.id)
    for ref in references(kind):
        value = getattr(renamed, ref.attribute)
        if isinstance(value, list):
            setattr(renamed, ref.attribute, [table.get(v, v) for v in value])
        elif value is not None:
            setattr(renamed, ref.attribute, table.get(value, value))
    return renamed


def _with_personas(bundle: MapBundle | None, mapping: dict[str, str]) -> Any:
    """``bundle`` with its persona references moved to the library's personas (in place)."""
    if bundle is None or not mapping:
        return bundle
    journey_map = bundle.map
    if journey_map.primary_persona_id in mapping:
        journey_map.primary_persona_id = mapping[journey_map.primary_persona_id]
    journey_map.overlay_persona_ids = [mapping.get(p, p) for p in journey_map.overlay_persona_ids]
    for point in bundle.emotion_points.values():
        if point.persona_id in mapping:
            point.persona_id = mapping[point.persona_id]
    for old, new in mapping.items():
        persona = bundle.personas.pop(old, None)
        if persona is not None:
            bundle.personas.setdefault(new, dataclasses.replace(persona, id=new))
    return bundle


@contextmanager
def open_target(path: str | Path, *, dry_run: bool) -> Iterator[LibraryStore]:
    """The library to merge into, closed afterwards.

    A dry run opens it strictly read-only (no upgrade, no journal files left).
    """
    from jmapper.services.library import IMPORT_BUSY_TIMEOUT
    from jmapper.services.merge_sources import reading_only
    from jmapper.storage import SCHEMA_VERSION
    from jmapper.storage import probe as probing

    path = Path(path).expanduser()
    if not path.exists():
        raise ServiceError(
            f"There is no library \u201c{path}\u201d to merge into; copy one of the libraries "
            "there first, or name an existing one."
        )
    if path.is_dir():
        raise ServiceError(f"\u201c{path}\u201d is a folder; name the library file to merge into.")
    if not dry_run:
        with LibraryStore.open(path, busy_timeout=IMPORT_BUSY_TIMEOUT) as store:
            yield store
        return
    found = probing.probe(path)
    if found.schema != SCHEMA_VERSION:
        raise ServiceError(
            f"\u201c{path.name}\u201d was made by an older jmapper and must be upgraded before a "
            "dry run can read it; open it once in jmapper, then try again."
        )
    with reading_only(path) as store:
        yield store
