"""Opening libraries, finding, creating, importing and exporting maps.

These functions are the use cases over the storage layer for whole-map
operations; the command line and the editor both reach them through the typed
:class:`~jmapper.services.library_api.Library` (``build_map`` needs no library,
so a refused ``jmapper new`` opens none); single edits go through the document.
Errors come out as ServiceError (or the storage LibraryError) with a sentence
ready for stderr or a message box.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Persona
from jmapper.model.enums import MapType
from jmapper.model.errors import DomainError
from jmapper.services.errors import ServiceError
from jmapper.services.files import write_atomically
from jmapper.services.limits import (
    MAX_CARDS_PER_MAP,
    check_import_file,
    check_map_cards,
    check_persona_photos,
    map_cards_refusal,
)
from jmapper.storage import LibraryStore, MapSummary, default_library_path
from jmapper.storage.connection import DEFAULT_BUSY_TIMEOUT
from jmapper.storage.store import BundleWrites, LibraryContents

if TYPE_CHECKING:
    from jmapper.interchange.json_format import ParsedDocument

log = logging.getLogger(__name__)


#: Seconds an import waits for another program's write to finish before it
#: says the library is busy: a whole import is one transaction, so two
#: imports into one library take turns.
IMPORT_BUSY_TIMEOUT = 30.0


def open_library(
    path: str | Path | None = None,
    *,
    create: bool = False,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
) -> LibraryStore:
    """Open ``path``, or the default library (made with the sample maps on first run)."""
    if path is None:
        return open_default_library()
    return LibraryStore.open(Path(path), create=create, busy_timeout=busy_timeout)


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
    survey = store.survey_maps()
    summaries = survey.readable
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
    for problem in survey.unreadable:  # named, but this version cannot read it: say why
        if problem.map_id == wanted or problem.title.casefold() == wanted.casefold():
            raise problem
    raise ServiceError(
        f"No map with the id or title \u201c{wanted}\u201d is in {store.path.name}; "
        f"\u2018jmapper maps {store.path}\u2019 lists the maps."
    )


def check_map_openable(store: LibraryStore, map_id: str) -> None:
    """Refuse, from the library's summary, a map too large for the editor, before loading it."""
    for summary in store.list_maps():
        if summary.id == map_id:
            check_map_cards(summary.title, summary.card_count)


def first_openable(summaries: list[MapSummary]) -> MapSummary | None:
    """The first map the editor can show, to open when a library opens."""
    return next((s for s in summaries if s.card_count <= MAX_CARDS_PER_MAP), None)


def build_map(
    title: str,
    map_type: MapType = MapType.CURRENT_STATE,
    *,
    from_sample: str | None = None,
    stage_preset: str | None = None,
) -> MapBundle:
    """A new map from a template (or a copy of a sample), checked but not yet stored.

    Everything the user can get wrong is refused here, before a library is
    opened or created, so a refused ``jmapper new`` leaves no file behind.
    """
    from jmapper.model.text import clean_text
    from jmapper.templates import SAMPLES, build_sample, new_map
    from jmapper.templates.factory import duplicate_map

    title = clean_text(title)  # the one text the user types into a new map (model/text.py)
    if not title.strip():
        raise ServiceError("A map needs a title; give it one and try again.")
    if from_sample is None:
        try:
            return new_map(title.strip(), map_type, stage_preset=stage_preset)
        except (KeyError, DomainError) as error:
            raise ServiceError(str(error).strip("'\"")) from error
    sample = SAMPLES.get(from_sample)
    if sample is None:
        names = ", ".join(sorted(SAMPLES))
        raise ServiceError(
            f"There is no sample called \u201c{from_sample}\u201d; choose one of {names}."
        )
    # build_sample dates the copy relative to today, as the default library's
    # samples are, so a new map from a sample has no opportunity overdue on day one.
    return duplicate_map(build_sample(from_sample), title.strip())


def adopt_library_personas(store: LibraryStore, bundle: MapBundle) -> None:
    """A new map's personas become the library's personas of the same name, if it has them.

    Samples build fresh persona ids each time; without this every map made
    from a sample would add another "Sam, home worker" to the library.  The
    command line and the editor both make sample maps through this one rule.
    """
    by_name = {p.name.casefold(): p for p in store.list_personas()}
    mapping: dict[str, str] = {}
    for persona_id, persona in list(bundle.personas.items()):
        existing = by_name.get(persona.name.casefold())
        if existing is not None and existing.id != persona_id:
            mapping[persona_id] = existing.id
            del bundle.personas[persona_id]
            bundle.personas[existing.id] = existing
    if not mapping:
        return
    journey_map = bundle.map
    if journey_map.primary_persona_id in mapping:
        journey_map.primary_persona_id = mapping[journey_map.primary_persona_id]
    journey_map.overlay_persona_ids = [mapping.get(p, p) for p in journey_map.overlay_persona_ids]
    for point in bundle.emotion_points.values():
        if point.persona_id in mapping:
            point.persona_id = mapping[point.persona_id]


def create_map(
    store: LibraryStore,
    title: str,
    map_type: MapType = MapType.CURRENT_STATE,
    *,
    from_sample: str | None = None,
    stage_preset: str | None = None,
    persona: Persona | None = None,
) -> MapBundle:
    """A new map from a template (or a copy of a sample), stored in the library.

    ``persona`` (a library persona or a new one) becomes the map's primary
    persona, in place of a sample's.
    """
    bundle = build_map(title, map_type, from_sample=from_sample, stage_preset=stage_preset)
    return store_new_map(store, bundle, persona=persona)


def store_new_map(
    store: LibraryStore, bundle: MapBundle, *, persona: Persona | None = None
) -> MapBundle:
    """Store a map made by :func:`build_map`, reusing the library's personas of the same name.

    ``jmapper new`` and the editor's File > New map both end here, so a map
    made from a sample shares the library's personas however it was made.
    """
    adopt_library_personas(store, bundle)
    if persona is not None:
        bundle.personas[persona.id] = persona
        bundle.map.primary_persona_id = persona.id
        bundle.map.overlay_persona_ids = [
            p for p in bundle.map.overlay_persona_ids if p != persona.id
        ]
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
    """Import every map of a JSON file, all or nothing (see :func:`store_import`)."""
    return store_import(store, read_import(source), replace=replace)


def read_import(source: str | Path) -> ParsedDocument:
    """Read and check a JSON file to import, before any library is opened or created.

    The file's size is checked before it is read, each map's card count
    before its cards are and each persona photo's pixels before anything is
    stored, against the limits in :mod:`jmapper.services.limits`.
    """
    from jmapper.interchange.json_format import InterchangeError, parse

    path = Path(source)
    check_import_file(path)
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
        parsed = parse(text, check_map=map_cards_refusal)
    except InterchangeError as error:
        raise ServiceError(f"Cannot import \u201c{path.name}\u201d: {error}") from error
    check_persona_photos(parsed.personas)
    return parsed


def store_import(
    store: LibraryStore, parsed: ParsedDocument, *, replace: bool = False
) -> list[ImportedMap]:
    """Write the maps and personas of a parsed file in one transaction.

    A map whose id is already in the library becomes a copy (its title marked
    so) unless ``replace``.  Which maps clash is decided inside the write
    transaction, so a concurrent import cannot slip a map in between; a
    crash or kill leaves the library with none of the file or all of it.
    """
    from jmapper.interchange.json_format import remap_all

    results: list[ImportedMap] = []

    def plan(contents: LibraryContents) -> BundleWrites:
        results.clear()
        clashing = [b for b in parsed.bundles if b.map.id in contents.map_ids]
        # Copies are remapped together, so a future state keeps pointing at its
        # current state's copy when both come in the same file.
        copies = (
            {}
            if replace
            else dict(zip([b.map.id for b in clashing], remap_all(clashing), strict=True))
        )
        titles = set(contents.titles)
        added: list[MapBundle] = []
        for bundle in parsed.bundles:
            clash = bundle.map.id in contents.map_ids
            if clash and replace:
                results.append(ImportedMap(bundle.map.id, bundle.map.title, False, True))
                continue
            if clash:
                bundle = copies[bundle.map.id]
                bundle.map.title = _copy_title(titles, bundle.map.title)
            titles.add(bundle.map.title)
            added.append(bundle)
            results.append(ImportedMap(bundle.map.id, bundle.map.title, clash, False))
        return BundleWrites(
            added=added, replaced=clashing if replace else [], personas=parsed.personas
        )

    store.add_bundles(plan)
    return results


def _copy_title(titles: set[str], title: str) -> str:
    candidate = f"{title} (copy)"
    number = 2
    while candidate in titles:
        candidate = f"{title} (copy {number})"
        number += 1
    return candidate
