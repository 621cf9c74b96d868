"""The editor's typed door to one open library: every use case, and never the store itself.

Widgets (``jmapper.ui``) hold a :class:`Library` and call its methods; they
never import :mod:`jmapper.storage` (an import-linter contract says so).  Each
method is one use case from :mod:`jmapper.services.library` or
:mod:`jmapper.services.map_operations`, the same functions the command line
calls on the store it opens, so both front ends share one rule per use case.
A :class:`Library` is also the change store a ``JourneyDocument`` writes its
edits and snapshots to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import EntityChange
from jmapper.model.entities import Persona, Snapshot
from jmapper.model.enums import MapType
from jmapper.services import library as use_cases
from jmapper.services import map_operations as operations
from jmapper.services.map_operations import RemovedMap
from jmapper.storage import (
    LibraryError,
    LibraryStore,
    MapSummary,
    MapSurvey,
    UnreadableMapError,
    default_library_path,
)
from jmapper.storage.paths import DATA_DIR_ENV

if TYPE_CHECKING:
    from jmapper.export.advice import PrintAdvice
    from jmapper.services.export import ImageExporter

__all__ = [
    "DATA_DIR_ENV",
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
    def open(cls, path: str | Path | None = None) -> Library:
        """Open ``path``, or the default library (made with the sample maps on first run)."""
        return cls(use_cases.open_library(path))

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

    def import_json(self, source: str | Path) -> list[use_cases.ImportedMap]:
        return use_cases.import_json(self._store, source)

    def import_file(
        self, source: str | Path, fmt: str | None = None
    ) -> tuple[list[use_cases.ImportedMap], list[str]]:
        """Import any interchange format (jmapper.services.transfer); the maps and warnings."""
        from jmapper.services.transfer import import_file

        return import_file(self._store, source, fmt)

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
