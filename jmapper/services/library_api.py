"""The one typed door to an open library: every use case, and never the store itself.

Both front ends hold a :class:`Library` and call its methods: the editor's
widgets (``jmapper.ui``) and every command of the command line
(``jmapper.cli``, which opens one with ``with Library.open(path) as library``).
Neither imports :mod:`jmapper.storage` (import-linter contracts say so).  Each
method is one use case from :mod:`jmapper.services` (library, map_operations,
transfer, export, metrics, review), so both front ends share one rule per use
case.  A :class:`Library` is also the change store a ``JourneyDocument`` writes
its edits and snapshots to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import EntityChange
from jmapper.model.entities import Persona, Snapshot
from jmapper.model.enums import MapType, OpportunityStatus
from jmapper.services import library as use_cases
from jmapper.services import map_operations as operations
from jmapper.services.library import IMPORT_BUSY_TIMEOUT, ImportedMap
from jmapper.services.map_operations import RemovedMap
from jmapper.storage import (
    LibraryError,
    LibraryStore,
    MapSummary,
    MapSurvey,
    UnreadableMapError,
    default_library_path,
)
from jmapper.storage.connection import DEFAULT_BUSY_TIMEOUT
from jmapper.storage.paths import DATA_DIR_ENV

if TYPE_CHECKING:  # these load only when their use case runs, off the editor's start-up path
    from jmapper.analysis.compare import Comparison
    from jmapper.analysis.review_report import ReviewReport
    from jmapper.export.advice import PrintAdvice
    from jmapper.interchange.reading import Reading
    from jmapper.services.contact_import import ContactImport
    from jmapper.services.export import ImageExporter
    from jmapper.services.merge import MergeResult, MergeUndo
    from jmapper.services.merge_sources import SourceLibrary
    from jmapper.services.metrics import MapMetrics
    from jmapper.services.opportunities import Register
    from jmapper.services.transfer import PlannedMap

__all__ = [
    "DATA_DIR_ENV",
    "IMPORT_BUSY_TIMEOUT",
    "ImportedMap",
    "Library",
    "LibraryError",
    "MapSummary",
    "MapSurvey",
    "RemovedMap",
    "UnreadableMapError",
    "default_library_path",
]


class Library:
    """One open library file and what the editor may do with it."""

    def __init__(self, store: LibraryStore) -> None:
        self._store = store

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        create: bool = False,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    ) -> Library:
        """Open ``path`` (made if ``create``), or the default library (samples on first run)."""
        return cls(use_cases.open_library(path, create=create, busy_timeout=busy_timeout))

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_exc: object) -> None:
        """A command's ``with`` block closes the library however it ends."""
        self.close()

    # -- the file ------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    def close(self) -> None:
        self._store.close()

    # -- maps ----------------------------------------------------------------------------
    def survey(self) -> MapSurvey:
        """The maps this version can read, and one error per map it cannot."""
        return self._store.survey_maps()

    def list_maps(self) -> list[MapSummary]:
        return self._store.list_maps()

    def find_map(self, id_or_title: str) -> MapSummary:
        """The one map whose id, id prefix or title matches; else a sentence saying why."""
        return use_cases.find_map(self._store, id_or_title)

    def has_map(self, map_id: str) -> bool:
        return self._store.has_map(map_id)

    def load_map(self, map_id: str) -> MapBundle:
        return self._store.load_map(map_id)

    def check_openable(self, map_id: str) -> None:
        """Refuse, from the map list alone, a map too large for the editor."""
        use_cases.check_map_openable(self._store, map_id)

    def create_map(
        self,
        title: str,
        map_type: MapType = MapType.CURRENT_STATE,
        *,
        from_sample: str | None = None,
        stage_preset: str | None = None,
        persona: Persona | None = None,
    ) -> MapBundle:
        """A new stored map, exactly as ``jmapper new`` makes it (sample personas reused)."""
        return use_cases.create_map(
            self._store,
            title,
            map_type,
            from_sample=from_sample,
            stage_preset=stage_preset,
            persona=persona,
        )

    def store_new_map(self, bundle: MapBundle, *, persona: Persona | None = None) -> MapBundle:
        """Store a map ``services.library.build_map`` made before any file was opened."""
        return use_cases.store_new_map(self._store, bundle, persona=persona)

    def duplicate_map(self, source: MapBundle) -> MapBundle:
        return operations.duplicate_map(self._store, source)

    def derive_future_state(self, source: MapBundle) -> MapBundle:
        return operations.derive_future_state(self._store, source)

    def remove_map(self, map_id: str) -> RemovedMap:
        """Delete a map, keeping what :meth:`put_back` needs (its named versions too)."""
        return operations.remove_map(self._store, map_id)

    def delete_map(self, map_id: str) -> None:
        self._store.delete_map(map_id)

    def put_back(self, removed: RemovedMap) -> None:
        operations.put_back(self._store, removed)

    def import_json(self, source: str | Path) -> list[ImportedMap]:
        return use_cases.import_json(self._store, source)

    def import_file(
        self, source: str | Path, fmt: str | None = None
    ) -> tuple[list[ImportedMap], list[str]]:
        """Import any interchange format (jmapper.services.transfer); the maps and warnings."""
        from jmapper.services.transfer import import_file

        return import_file(self._store, source, fmt)

    def import_reading(self, reading: Reading, *, replace: bool = False) -> list[ImportedMap]:
        """Store every map of a file ``services.transfer.read_source`` read, all or nothing."""
        from jmapper.services.transfer import import_reading

        return import_reading(self._store, reading, replace=replace)

    def plan_import(self, reading: Reading, *, replace: bool = False) -> list[PlannedMap]:
        """What importing ``reading`` would add (``jmapper import --dry-run``); writes nothing."""
        from jmapper.services.transfer import plan_import

        return plan_import(self._store, reading, replace=replace)

    def export_library(self, out: str | Path) -> list[str]:
        """Every readable map and persona as one JSON library file; warnings for the rest."""
        from jmapper.services.transfer import export_library_file

        return export_library_file(self._store, out)

    def import_contacts(
        self, map_id: str, source: str | Path, mapping_file: str | Path | None, *, dry_run: bool
    ) -> ContactImport:
        """Contact-centre data as the map's metric values (jmapper.services.contact_import)."""
        from jmapper.services.contact_import import import_contacts, read_mapping

        mapping = read_mapping(mapping_file) if mapping_file else None
        return import_contacts(self._store, map_id, source, mapping, dry_run=dry_run)

    def export_table(self, map_id: str, table: str, out: str | Path, fmt: str) -> int:
        """The map's action plan or metrics as CSV or XLSX (jmapper.services.tables); rows."""
        from jmapper.services.tables import export_table

        return export_table(self._store, map_id, table, out, fmt)

    # -- merging libraries (docs/merge.md) -------------------------------------------------
    def read_merge_source(self, source: str | Path) -> SourceLibrary:
        """Read a library or JSON export to merge into this library (never written)."""
        from jmapper.services.merge_sources import read_source

        return read_source(source, self._store.path)

    def merge(self, sources: Sequence[SourceLibrary], *, dry_run: bool = False) -> MergeResult:
        """Merge ``sources`` into this library in one transaction (or only plan it)."""
        from jmapper.services.merge import merge_into

        return merge_into(self._store, sources, dry_run=dry_run)

    def undo_merge(self, undo: MergeUndo) -> None:
        from jmapper.services.merge import undo_merge

        undo_merge(self._store, undo)

    def redo_merge(self, undo: MergeUndo) -> None:
        from jmapper.services.merge import redo_merge

        redo_merge(self._store, undo)

    def export_map(
        self,
        map_id: str,
        out: str | Path,
        fmt: str,
        settings: Mapping[str, Any] | None = None,
        *,
        image_exporter: ImageExporter | None = None,
    ) -> list[str]:
        """Write one map as ``fmt`` (see :func:`jmapper.services.export.export_map_file`)."""
        from jmapper.services.export import export_map_file

        return export_map_file(
            self._store, map_id, out, fmt, settings, image_exporter=image_exporter
        )

    def print_advice(self, map_id: str, settings: Mapping[str, Any]) -> PrintAdvice:
        """How small a fit prints, and the handout instead (``services.export.print_advice``)."""
        from jmapper.services.export import print_advice

        return print_advice(self._store, map_id, settings)

    # -- reports -----------------------------------------------------------------------
    def map_metrics(self, id_or_title: str) -> MapMetrics:
        """The scored metrics of the map named by id, id prefix or title."""
        from jmapper.services.metrics import load_map_metrics

        return load_map_metrics(self._store, id_or_title)

    def opportunity_register(
        self,
        today: date,
        *,
        map_ref: str | None = None,
        status: OpportunityStatus | None = None,
        overdue: bool = False,
    ) -> Register:
        """The opportunities of one map (id, prefix or title) or all, filtered and ranked."""
        from jmapper.services.opportunities import library_register

        return library_register(self._store, today, map_ref=map_ref, status=status, overdue=overdue)

    def review_report(
        self,
        map_id: str,
        today: date,
        since: str | None = None,
        current: MapBundle | None = None,
    ) -> ReviewReport:
        """What changed since ``since`` (a snapshot) or the last review (``services.review``)."""
        from jmapper.services.review import report_since

        return report_since(self._store, map_id, today, since=since, current=current)

    def compare_with_snapshot(
        self, map_id: str, name_or_id: str, current: MapBundle | None = None
    ) -> tuple[Comparison, str, str]:
        """(comparison, old name, new name) of one of the map's snapshots against the map now."""
        from jmapper.services.review import compare_with_snapshot

        return compare_with_snapshot(self._store, map_id, name_or_id, current=current)

    # -- personas ------------------------------------------------------------------------
    def list_personas(self) -> list[Persona]:
        return self._store.list_personas()

    def save_persona(self, persona: Persona) -> None:
        self._store.save_persona(persona)

    def delete_persona(self, persona_id: str) -> None:
        self._store.delete_persona(persona_id)

    def map_using_persona(self, persona_id: str, open_map: MapBundle | None = None) -> str | None:
        """The title of a map that uses the persona, if any (it cannot be deleted then)."""
        return operations.map_using_persona(self._store, persona_id, open_map)

    # -- settings kept in the library ----------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self._store.get_setting(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self._store.set_setting(key, value)

    # -- the change store of the documents -----------------------------------------------
    def apply(self, changes: Sequence[EntityChange]) -> None:
        self._store.apply(changes)

    def save_snapshot(self, snapshot: Snapshot) -> None:
        self._store.save_snapshot(snapshot)

    def list_snapshots(self, map_id: str) -> list[Snapshot]:
        return self._store.list_snapshots(map_id)

    def load_snapshot(self, snapshot_id: str) -> Snapshot:
        return self._store.load_snapshot(snapshot_id)
