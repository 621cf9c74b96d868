"""Opening libraries, finding, creating, importing and exporting maps.

These functions are the only way the command line and the editor reach the
storage layer for whole-map operations; single edits go through the
document.  Errors come out as ServiceError (or the storage LibraryError) with
a sentence ready for stderr or a message box.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from jmapper.model.bundle import MapBundle
from jmapper.model.enums import MapType
from jmapper.model.errors import DomainError
from jmapper.services.errors import ServiceError
from jmapper.services.files import write_atomically
from jmapper.storage import LibraryStore, MapSummary, default_library_path

log = logging.getLogger(__name__)


def open_library(path: str | Path | None = None, *, create: bool = False) -> LibraryStore:
    """Open ``path``, or the default library (made with the sample maps on first run)."""
    if path is None:
        return open_default_library()
    return LibraryStore.open(Path(path), create=create)


def open_default_library() -> LibraryStore:
    path = default_library_path()
    if path.exists():
        return LibraryStore.open(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = LibraryStore.create(path)
    add_samples(store)
    return store


def add_samples(store: LibraryStore) -> list[str]:
    """Put every sample map (with its personas) into the library; returns their ids."""
    from jmapper.templates import build_samples

    ids = []
    for bundle in build_samples():
        store.add_bundle(bundle)
        ids.append(bundle.map.id)
    return ids


def find_map(store: LibraryStore, id_or_title: str) -> MapSummary:
    """The one map whose id, id prefix or title (case-insensitive) matches."""
    summaries = store.list_maps()
    wanted = id_or_title.strip()
    for summary in summaries:
        if summary.id == wanted:
            return summary
    by_title = [s for s in summaries if s.title.casefold() == wanted.casefold()]
    if len(by_title) == 1:
        return by_title[0]
    if len(by_title) > 1:
        ids = ", ".join(s.id for s in by_title)
        raise ServiceError(
            f"{len(by_title)} maps are titled \u201c{wanted}\u201d; name one by its id ({ids})."
        )
    by_prefix = [s for s in summaries if len(wanted) >= 6 and s.id.startswith(wanted)]
    if len(by_prefix) == 1:
        return by_prefix[0]
    raise ServiceError(
        f"No map with the id or title \u201c{wanted}\u201d is in {store.path.name}; "
        f"\u2018jmapper maps {store.path}\u2019 lists the maps."
    )


def create_map(
    store: LibraryStore,
    title: str,
    map_type: MapType = MapType.CURRENT_STATE,
    *,
    from_sample: str | None = None,
    stage_preset: str | None = None,
) -> MapBundle:
    """A new map from a template (or a copy of a sample), stored in the library."""
    from jmapper.templates import SAMPLES, new_map
    from jmapper.templates.factory import duplicate_map

    if not title.strip():
        raise ServiceError("A map needs a title: give one with --title.")
    if from_sample is not None:
        sample = SAMPLES.get(from_sample)
        if sample is None:
            names = ", ".join(sorted(SAMPLES))
            raise ServiceError(
                f"There is no sample called \u201c{from_sample}\u201d; choose one of {names}."
            )
        source = sample.build()
        bundle = duplicate_map(source, title.strip())
    else:
        try:
            bundle = new_map(title.strip(), map_type, stage_preset=stage_preset)
        except (KeyError, DomainError) as error:
            raise ServiceError(str(error).strip("'\"")) from error
    store.add_bundle(bundle)
    return bundle


def export_json(store: LibraryStore, map_id: str, out: str | Path) -> Path:
    from jmapper.interchange.json_format import dump_map

    return write_atomically(out, dump_map(store.load_map(map_id)))


def export_library_json(store: LibraryStore, out: str | Path) -> Path:
    from jmapper.interchange.json_format import dump_library

    bundles = [store.load_map(map_id) for map_id in store.map_ids()]
    return write_atomically(out, dump_library(bundles, store.list_personas()))


@dataclass(frozen=True)
class ImportedMap:
    id: str
    title: str
    as_copy: bool
    replaced: bool


def import_json(
    store: LibraryStore, source: str | Path, *, replace: bool = False
) -> list[ImportedMap]:
    """Import every map of a JSON file; a map whose id exists becomes a copy unless ``replace``."""
    from jmapper.interchange.json_format import InterchangeError, parse, remap_all

    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise ServiceError(f"There is no file \u201c{path}\u201d to import.") from error
    except UnicodeDecodeError as error:
        raise ServiceError(
            f"\u201c{path.name}\u201d is not a text file; choose a jmapper JSON file."
        ) from error
    except OSError as error:
        raise ServiceError(f"Cannot read \u201c{path}\u201d: {error.strerror or error}.") from error
    try:
        parsed = parse(text)
    except InterchangeError as error:
        raise ServiceError(f"Cannot import \u201c{path.name}\u201d: {error}") from error
    existing = set(store.map_ids())
    clashing = [b for b in parsed.bundles if b.map.id in existing]
    # Copies are remapped together, so a future state keeps pointing at its
    # current state's copy when both come in the same file.
    copies = (
        {} if replace else dict(zip([b.map.id for b in clashing], remap_all(clashing), strict=True))
    )
    results: list[ImportedMap] = []
    for bundle in parsed.bundles:
        clash = bundle.map.id in existing
        if clash and replace:
            store.replace_bundle(bundle)
            results.append(ImportedMap(bundle.map.id, bundle.map.title, False, True))
            continue
        if clash:
            bundle = copies[bundle.map.id]
            bundle.map.title = _copy_title(store, bundle.map.title)
        store.add_bundle(bundle)
        existing.add(bundle.map.id)
        results.append(ImportedMap(bundle.map.id, bundle.map.title, clash, False))
    for persona in parsed.personas:
        store.save_persona(persona)
    return results


def _copy_title(store: LibraryStore, title: str) -> str:
    titles = {s.title for s in store.list_maps()}
    candidate = f"{title} (copy)"
    number = 2
    while candidate in titles:
        candidate = f"{title} (copy {number})"
        number += 1
    return candidate
