"""Importing and exporting maps in every interchange format (``jmapper import/export``, dialogs).

The format's module (found through :mod:`jmapper.interchange.registry`) turns
bytes into checked map bundles or a map into bytes; this module does what
every format shares: the limits (file size, cards per map, photo pixels)
before the work, personas matched to the library's by name, the one
all-or-nothing write (:func:`jmapper.services.library.store_import`), the
atomic output file, and a dry run that says what an import would add.
A refusal is a :class:`ServiceError` whose sentence names the file and the
line or cell at fault; it leaves the library untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jmapper.interchange.errors import InterchangeError
from jmapper.services.errors import ServiceError
from jmapper.services.files import check_output_path, write_atomically
from jmapper.services.limits import check_import_file, check_persona_photos, map_cards_refusal

if TYPE_CHECKING:
    from jmapper.interchange.json_format import ParsedDocument
    from jmapper.interchange.reading import Reading
    from jmapper.services.library import ImportedMap
    from jmapper.storage import LibraryStore

#: Bytes looked at to tell a file's format from its content.
_SNIFF_BYTES = 4096


def read_source(source: str | Path, fmt: str | None = None) -> Reading:
    """Read and check a file to import, before any library is opened or created.

    ``fmt`` names the format; without it the content and the extension
    choose (:func:`jmapper.interchange.registry.detect`).
    """
    from jmapper.interchange import registry

    path = Path(source)
    check_import_file(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise ServiceError(f"There is no file \u201c{path}\u201d to import.") from error
    except IsADirectoryError as error:
        raise ServiceError(f"\u201c{path}\u201d is a folder; choose a file to import.") from error
    except OSError as error:
        raise ServiceError(f"Cannot read \u201c{path}\u201d: {error.strerror or error}.") from error
    head = data[:_SNIFF_BYTES]
    try:
        chosen = registry.detect(path.name, head, fmt)
    except InterchangeError as error:
        raise ServiceError(f"Cannot import \u201c{path.name}\u201d: {error}") from error
    guessed = not fmt and registry.sniff(head) is None and registry.by_extension(path) is None
    try:
        reading: Reading = chosen.load().read(data, check_map=map_cards_refusal, name=path.stem)
    except InterchangeError as error:
        how = f" (read as {chosen.name.upper()}, since nothing said otherwise)" if guessed else ""
        raise ServiceError(f"Cannot import \u201c{path.name}\u201d{how}: {error}") from error
    check_persona_photos(reading.document.personas)
    return reading


def match_library_personas(store: LibraryStore, document: ParsedDocument) -> None:
    """Personas of the file that the library has under another id become the library's.

    A persona is the same when its id is, or else when its name is (ignoring
    case): maps from several laptops, or a Mermaid actor called "Me", then
    share one persona instead of adding a copy each time.
    """
    library = store.list_personas()
    ids = {p.id for p in library}
    by_name = {p.name.casefold(): p for p in library}
    mapping: dict[str, str] = {}
    kept = []
    for persona in document.personas:
        existing = by_name.get(persona.name.casefold())
        if persona.id not in ids and existing is not None:
            mapping[persona.id] = existing.id
        else:
            kept.append(persona)
    if not mapping:
        return
    document.personas[:] = kept
    for bundle in document.bundles:
        journey_map = bundle.map
        if journey_map.primary_persona_id in mapping:
            journey_map.primary_persona_id = mapping[journey_map.primary_persona_id]
        journey_map.overlay_persona_ids = [
            mapping.get(p, p) for p in journey_map.overlay_persona_ids
        ]
        for point in bundle.emotion_points.values():
            if point.persona_id in mapping:
                point.persona_id = mapping[point.persona_id]
        for old, new in mapping.items():
            if old in bundle.personas:
                del bundle.personas[old]
                bundle.personas[new] = next(p for p in library if p.id == new)


def import_reading(
    store: LibraryStore, reading: Reading, *, replace: bool = False
) -> list[ImportedMap]:
    """Store every map of a read file in one transaction (see ``store_import``)."""
    from jmapper.services.library import store_import

    match_library_personas(store, reading.document)
    return store_import(store, reading.document, replace=replace)


def import_file(
    store: LibraryStore, source: str | Path, fmt: str | None = None, *, replace: bool = False
) -> tuple[list[ImportedMap], list[str]]:
    """Read ``source`` and store its maps; returns what was stored and the reader's warnings."""
    reading = read_source(source, fmt)
    return import_reading(store, reading, replace=replace), list(reading.warnings)


@dataclass(frozen=True)
class PlannedMap:
    """What a dry run says about one map of the file."""

    title: str
    as_copy: bool
    replaces: bool
    stages: int
    steps: int
    lanes: int
    cards: int
    emotion_values: int
    new_personas: tuple[str, ...]
    known_personas: tuple[str, ...]

    def sentence(self) -> str:
        how = "replace" if self.replaces else ("add as a copy" if self.as_copy else "add")
        counts = (
            f"{_n(self.stages, 'stage')}, {_n(self.steps, 'step')}, {_n(self.lanes, 'lane')}, "
            f"{_n(self.cards, 'card')}, {_n(self.emotion_values, 'emotion value')}"
        )
        people = []
        if self.new_personas:
            people.append("new personas " + ", ".join(self.new_personas))
        if self.known_personas:
            people.append("the library's " + ", ".join(self.known_personas))
        who = f"; {'; '.join(people)}" if people else ""
        return f"Would {how} \u201c{self.title}\u201d ({counts}{who})."


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def plan_import(
    store: LibraryStore | None, reading: Reading, *, replace: bool = False
) -> list[PlannedMap]:
    """What importing ``reading`` would add to ``store`` (None: a library not yet made)."""
    library_ids = set(store.map_ids()) if store is not None else set()
    personas = store.list_personas() if store is not None else []
    known_ids = {p.id for p in personas}
    known_names = {p.name.casefold() for p in personas}
    plans = []
    for bundle in reading.document.bundles:
        new, known = [], []
        for persona in bundle.personas.values():
            if persona.id in known_ids or persona.name.casefold() in known_names:
                known.append(persona.name)
            else:
                new.append(persona.name)
        clash = bundle.map.id in library_ids
        plans.append(
            PlannedMap(
                title=bundle.map.title,
                as_copy=clash and not replace,
                replaces=clash and replace,
                stages=len(bundle.stages),
                steps=len(bundle.steps),
                lanes=len(bundle.lanes),
                cards=len(bundle.cards),
                emotion_values=len(bundle.emotion_points),
                new_personas=tuple(sorted(new)),
                known_personas=tuple(sorted(known)),
            )
        )
    return plans


def export_map_as(store: LibraryStore, map_id: str, out: str | Path, fmt: str) -> list[str]:
    """Write one map in an interchange format to ``out`` atomically; returns warnings."""
    from jmapper.interchange import registry
    from jmapper.model.text import clean_bundle

    try:
        chosen = registry.get(fmt)
    except InterchangeError as error:
        raise ServiceError(str(error)) from error
    if not chosen.writes:
        raise ServiceError(f"jmapper cannot export {chosen.label} files.")
    check_output_path(out)
    bundle = clean_bundle(store.load_map(map_id))
    try:
        data, warnings = chosen.load().write_map(bundle)
    except InterchangeError as error:
        raise ServiceError(str(error)) from error
    write_atomically(out, data)
    return list(warnings)


def export_library_file(store: LibraryStore, out: str | Path) -> list[str]:
    """Every readable map and every persona as one ``jmapper-library`` JSON file.

    A map this version cannot read is left out with a warning naming it; a
    library with no maps is refused, since the file would hold nothing to import.
    """
    from jmapper.interchange.json_format import dump_library
    from jmapper.model.text import clean_bundle
    from jmapper.storage import UnreadableMapError

    check_output_path(out)
    survey = store.survey_maps()
    warnings = [str(problem) for problem in survey.unreadable]
    bundles = []
    for summary in survey.readable:
        try:
            bundles.append(clean_bundle(store.load_map(summary.id)))
        except UnreadableMapError as problem:
            warnings.append(str(problem))
    if not bundles:
        raise ServiceError(
            f"No maps in {store.path.name} to export; add one with \u2018jmapper new\u2019 "
            "or \u2018jmapper import\u2019."
        )
    try:
        text = dump_library(bundles, store.list_personas())
    except InterchangeError as error:
        raise ServiceError(str(error)) from error
    write_atomically(out, text)
    return warnings
