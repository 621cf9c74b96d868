"""The jmapper JSON interchange format: a complete, versioned dump of a map or library.

The format itself is documented in ``JSON_FORMAT.md`` beside this module; keep
the two in step.  Writing is deterministic (sorted keys, entities in a fixed
order) so that two exports of the same map diff cleanly.  Reading is strict:
a file is either turned into complete, valid bundles or refused with one
:class:`InterchangeError` whose message is a sentence for the user; nothing is
ever half-imported.

Entities go through :mod:`jmapper.model.codec`, the same codec storage uses,
so the file and the database can never disagree about how a value is written.
Snapshots (named versions) are not part of the format.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jmapper import __version__
from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.json_reading import Place, fail, read_entity, show
from jmapper.interchange.remap import remap_all, remap_ids
from jmapper.model.bundle import MapBundle
from jmapper.model.codec import to_dict
from jmapper.model.entities import CHILD_KINDS, JourneyMap, Persona
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_bundle
from jmapper.model.kinds import KINDS, references

logger = logging.getLogger(__name__)

FORMAT_MAP = "jmapper-map"
FORMAT_LIBRARY = "jmapper-library"
#: The version this jmapper writes, and the newest it reads.
FORMAT_VERSION = 1

#: Name of each list in a map document -> the entity kind it holds, in the
#: model's dependency order (parents first).
SECTIONS: dict[str, str] = {
    "stages": "stage",
    "steps": "step",
    "lanes": "lane",
    "blueprint_lines": "blueprint_line",
    "cards": "card",
    "emotion_points": "emotion_point",
    "moments_of_truth": "moment_of_truth",
    "opportunities": "opportunity",
    "metric_definitions": "metric_definition",
    "metric_values": "metric_value",
    "card_links": "card_link",
    "evidence_items": "evidence_item",
    "comments": "comment",
    "dismissals": "dismissal",
}

_HEADER_FIELDS = ("format", "format_version", "generator")
_MAP_BODY_FIELDS = ("map", *SECTIONS)
_MAP_DOCUMENT_FIELDS = frozenset((*_HEADER_FIELDS, "personas", *_MAP_BODY_FIELDS))
_LIBRARY_DOCUMENT_FIELDS = frozenset((*_HEADER_FIELDS, "personas", "maps"))
_LIBRARY_MAP_FIELDS = frozenset(_MAP_BODY_FIELDS)

#: A limit on a map in the file: given its title and card count before its
#: entities are read, it returns the sentence that refuses the map, or None.
MapCheck = Callable[[str, int], "str | None"]


@dataclass(frozen=True)
class ParsedDocument:
    """What a JSON file holds: complete, checked map bundles and the personas of the file.

    ``kind`` is ``"map"`` or ``"library"``.  Each bundle's ``personas`` holds
    the personas it refers to (for a map document: every persona of the file).
    """

    kind: str
    bundles: list[MapBundle]
    personas: list[Persona]
    format_version: int
    generator: str


# -- writing --------------------------------------------------------------------------------


def referenced_persona_ids(bundle: MapBundle) -> list[str]:
    """The personas a map uses: primary, overlays, then those of emotion values (no repeats)."""
    wanted = [bundle.map.primary_persona_id, *bundle.map.overlay_persona_ids]
    wanted += sorted({p.persona_id for p in bundle.emotion_points.values() if p.persona_id})
    return list(dict.fromkeys(p for p in wanted if p is not None))


def dump_map(bundle: MapBundle) -> str:
    """One map as a ``jmapper-map`` document, with the personas it uses."""
    personas = [bundle.personas[p] for p in referenced_persona_ids(bundle) if p in bundle.personas]
    document = _header(FORMAT_MAP)
    document.update(_map_body(bundle))
    document["personas"] = _persona_list(personas)
    return _dumps(document, f"The map \u201c{bundle.map.title}\u201d")


def dump_library(bundles: Iterable[MapBundle], personas: Iterable[Persona]) -> str:
    """Maps and personas as a ``jmapper-library`` document.

    The library's persona list is ``personas`` plus any persona a map uses
    that is not among them, so the file is always complete.
    """
    bundles = sorted(bundles, key=lambda b: b.map.id)
    by_id: dict[str, Persona] = {}
    for bundle in bundles:
        for persona_id in referenced_persona_ids(bundle):
            if persona_id in bundle.personas:
                by_id[persona_id] = bundle.personas[persona_id]
    by_id.update((p.id, p) for p in personas)
    document = _header(FORMAT_LIBRARY)
    document["personas"] = _persona_list(by_id.values())
    document["maps"] = [_map_body(bundle) for bundle in bundles]
    return _dumps(document, "The library")


def _header(format_name: str) -> dict[str, Any]:
    return {
        "format": format_name,
        "format_version": FORMAT_VERSION,
        "generator": f"jmapper {__version__}",
    }


def _persona_list(personas: Iterable[Persona]) -> list[dict[str, Any]]:
    return [to_dict(p) for p in sorted(personas, key=lambda p: p.id)]


def _map_body(bundle: MapBundle) -> dict[str, Any]:
    key = _SortKeys(bundle)
    body: dict[str, Any] = {"map": to_dict(bundle.map)}
    for section, kind in SECTIONS.items():
        entities = sorted(bundle.collection(kind).values(), key=key.of(kind))
        body[section] = [to_dict(entity) for entity in entities]
    return body


def _dumps(document: dict[str, Any], subject: str) -> str:
    try:
        text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True, allow_nan=False)
    except ValueError as error:
        raise InterchangeError(
            f"{subject} holds a number that JSON cannot store (not a number, or infinite); "
            "correct it and export again."
        ) from error
    return text + "\n"


class _SortKeys:
    """Grid order for placed entities (so a diff reads left to right, top to bottom), else id."""

    def __init__(self, bundle: MapBundle) -> None:
        self.stage_rank = {s.id: i for i, s in enumerate(bundle.ordered_stages())}
        self.lane_rank = {lane.id: i for i, lane in enumerate(bundle.ordered_lanes())}
        self.column = {(c.stage_id, c.step_id): c.index for c in bundle.columns()}
        self.last = len(bundle.stages) + len(bundle.steps) + len(bundle.lanes) + 1

    def _col(self, entity: Any) -> int:
        return self.column.get((entity.stage_id, entity.step_id), self.last)

    def of(self, kind: str) -> Any:
        if kind in ("stage", "lane", "blueprint_line"):
            return lambda e: (e.position, e.id)
        if kind == "step":
            return lambda e: (self.stage_rank.get(e.stage_id, self.last), e.position, e.id)
        if kind == "card":
            return lambda e: (
                self.lane_rank.get(e.lane_id, self.last),
                self._col(e),
                e.position,
                e.id,
            )
        if kind == "emotion_point":
            return lambda e: (self._col(e), e.series.value, e.persona_id or "", e.id)
        if kind == "moment_of_truth":
            return lambda e: (self._col(e), e.id)
        return lambda e: e.id


# -- reading --------------------------------------------------------------------------------


def parse(text: str, *, check_map: MapCheck | None = None) -> ParsedDocument:
    """Read a ``jmapper-map`` or ``jmapper-library`` document into checked bundles.

    Raises :class:`InterchangeError` (and only that) when the text is not a
    jmapper file, comes from a newer jmapper, or describes a map that breaks
    a rule; then nothing of it is returned.  ``check_map`` sees each map's
    title and card count before its entities are read, so a map over a limit
    is refused before the work of reading it.
    """
    try:
        return _parse(text, check_map)
    except InterchangeError:
        raise
    except Exception as error:  # last line of defence: never a traceback for the user
        logger.exception("Unexpected failure while reading a JSON file")
        raise InterchangeError(
            "The file could not be read: it is damaged in a way jmapper does not recognise."
        ) from error


def _parse(text: str, check_map: MapCheck | None) -> ParsedDocument:
    data = _load_json(text)
    if not isinstance(data, dict):
        fail("This is not a jmapper file: it does not hold a JSON object.")
    if "format" not in data:
        fail("This is not a jmapper file: the 'format' field is missing.")
    format_name = data["format"]
    if format_name not in (FORMAT_MAP, FORMAT_LIBRARY):
        fail(
            f"This is not a jmapper file: its format is {show(format_name)}, "
            f"not '{FORMAT_MAP}' or '{FORMAT_LIBRARY}'."
        )
    version = _format_version(data)
    generator = data.get("generator", "")
    if not isinstance(generator, str):
        fail("The file's 'generator' field must be text.")
    allowed = _MAP_DOCUMENT_FIELDS if format_name == FORMAT_MAP else _LIBRARY_DOCUMENT_FIELDS
    _refuse_unknown(data, allowed, "The file")
    seen: dict[str, set[str]] = {kind: set() for kind in CHILD_KINDS}
    personas = _read_personas(data.get("personas", []))
    library = {p.id: p for p in personas}
    if format_name == FORMAT_MAP:
        bundle = _read_map(data, Place(None), library, seen, check_map, all_personas=True)
        return ParsedDocument("map", [bundle], personas, version, generator)
    maps = data.get("maps", [])
    if not isinstance(maps, list):
        fail("The 'maps' field of the file must be a list.")
    bundles: list[MapBundle] = []
    map_ids: set[str] = set()
    for number, body in enumerate(maps, start=1):
        if not isinstance(body, dict):
            fail(f"Map {number} in the file is not a JSON object.")
        _refuse_unknown(body, _LIBRARY_MAP_FIELDS, f"Map {number} in the file")
        bundle = _read_map(body, Place(number), library, seen, check_map, all_personas=False)
        if bundle.map.id in map_ids:
            fail(f"Two maps in the file have the same id {show(bundle.map.id)}.")
        map_ids.add(bundle.map.id)
        bundles.append(bundle)
    return ParsedDocument("library", bundles, personas, version, generator)


def _load_json(text: str) -> Any:
    text = text.removeprefix("\ufeff")
    if not text.strip():
        fail("The file is empty; there is no jmapper map in it.")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            f"The file is not valid JSON (line {error.lineno}, column {error.colno})."
        ) from None
    except RecursionError:
        raise InterchangeError("The file is not valid JSON: it is nested too deeply.") from None


def _refuse_constant(name: str) -> Any:
    fail(f"The file is not valid JSON: it holds {name}, which is not a number JSON allows.")


def _format_version(data: dict[str, Any]) -> int:
    if "format_version" not in data:
        fail("This jmapper file has no 'format_version' field, so it cannot be read safely.")
    version = data["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail(f"This jmapper file has an invalid format version ({show(version)}).")
    if version > FORMAT_VERSION:
        fail(
            f"This file was written by a newer jmapper (format version {version}); "
            "update jmapper to import it."
        )
    return version


def _refuse_unknown(data: dict[str, Any], allowed: frozenset[str], subject: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        fail(f"{subject} has an unknown field {show(unknown[0])}.")


def _section(data: dict[str, Any], name: str, place: Place) -> list[Any]:
    items = data.get(name, [])
    if not isinstance(items, list):
        fail(f"The {show(name)} field {place.of_file} must be a list.")
    return items


def _read_personas(items: Any) -> list[Persona]:
    if not isinstance(items, list):
        fail("The 'personas' field of the file must be a list.")
    personas: list[Persona] = []
    seen: set[str] = set()
    for number, raw in enumerate(items, start=1):
        persona = read_entity("persona", raw, f"Persona {number} in the file")
        if persona.id in seen:
            fail(f"Two personas in the file have the same id {show(persona.id)}.")
        seen.add(persona.id)
        personas.append(persona)
    return personas


def _read_map(
    data: dict[str, Any],
    place: Place,
    library: dict[str, Persona],
    seen: dict[str, set[str]],
    check_map: MapCheck | None,
    *,
    all_personas: bool,
) -> MapBundle:
    if "map" not in data:
        fail(f"{place.map_subject} has no 'map' field.")
    journey_map: JourneyMap = read_entity("map", data["map"], place.map_subject)
    place = place.titled(journey_map.title)
    if check_map is not None:
        refusal = check_map(journey_map.title, len(_section(data, "cards", place)))
        if refusal is not None:
            fail(refusal)
    bundle = MapBundle(map=journey_map)
    numbers: dict[tuple[str, str], int] = {}
    for section, kind in SECTIONS.items():
        for number, raw in enumerate(_section(data, section, place), start=1):
            subject = f"{place.label(kind)} {number} {place.in_file}"
            entity = read_entity(kind, raw, subject, map_id=journey_map.id)
            if entity.map_id != journey_map.id:
                fail(f"{subject} belongs to another map: its 'map_id' is not the map's id.")
            if entity.id in seen[kind]:
                fail(f"Two {KINDS[kind].plural} in the file have the same id {show(entity.id)}.")
            seen[kind].add(entity.id)
            numbers[(kind, entity.id)] = number
            bundle.put(kind, entity.id, entity)
    if all_personas:
        bundle.personas = dict(library)
    else:
        wanted = referenced_persona_ids(bundle)
        bundle.personas = {p: library[p] for p in wanted if p in library}
    _check_references(bundle, place, numbers, library)
    try:
        check_bundle(bundle)
    except DomainError as error:
        raise InterchangeError(
            f"The map \u201c{place.short_title}\u201d in the file cannot be imported: "
            f"{_lower_first(str(error))}"
        ) from None
    return bundle


def _lower_first(sentence: str) -> str:
    if len(sentence) > 1 and sentence[1].isupper():
        return sentence
    return sentence[:1].lower() + sentence[1:]


def _check_references(
    bundle: MapBundle,
    place: Place,
    numbers: dict[tuple[str, str], int],
    library: dict[str, Persona],
) -> None:
    """Every id a map's entities hold must name something in the file (before check_bundle).

    The model's own checks would catch most of these too, but only this
    pass can say *which* card of the file is wrong.
    """
    journey_map = bundle.map
    for persona_id in [journey_map.primary_persona_id, *journey_map.overlay_persona_ids]:
        if persona_id is not None and persona_id not in library:
            fail(
                f"The map \u201c{place.short_title}\u201d refers to a persona that is not "
                "in the file."
            )
    for kind in CHILD_KINDS:
        for entity in bundle.collection(kind).values():
            who = place.name_of(kind, entity, numbers[(kind, entity.id)])
            for ref in references(kind):
                target = ref.target
                if target is None:  # scope or target kinds: checked below
                    continue
                value = getattr(entity, ref.attribute)
                for target_id in value if isinstance(value, list) else [value]:
                    if target_id is None:
                        continue
                    present = library if target == "persona" else bundle.collection(target)
                    if target_id not in present:
                        scope = "in the file" if target == "persona" else place.scope
                        fail(f"{who} refers to {KINDS[target].noun} that is not {scope}.")
            if kind == "metric_value":
                _check_target(bundle, who, place, entity.scope.value, entity.scope_id)
            elif kind in ("evidence_item", "comment"):
                _check_target(bundle, who, place, entity.target_kind.value, entity.target_id)
            elif kind == "dismissal":
                _check_dismissal_target(bundle, who, place, entity.target_kind, entity.target_id)


def _check_dismissal_target(
    bundle: MapBundle, who: str, place: Place, target_kind: str, target_id: str
) -> None:
    """A dismissed finding is about the map or one of its entities (any kind a rule names)."""
    if target_kind != "map" and target_kind not in CHILD_KINDS:
        fail(f"{who} is about a {show(target_kind)}, which is not something a map holds.")
    _check_target(bundle, who, place, target_kind, target_id)


def _check_target(
    bundle: MapBundle, who: str, place: Place, target_kind: str, target_id: str | None
) -> None:
    if target_id is None:
        return
    if target_kind == "map":
        if target_id != bundle.map.id:
            fail(f"{who} refers to a map other than the one it belongs to.")
    elif target_id not in bundle.collection(target_kind):
        noun = KINDS[target_kind].noun
        fail(f"{who} refers to {noun} that is not {place.scope}.")


__all__ = [
    "FORMAT_LIBRARY",
    "FORMAT_MAP",
    "FORMAT_VERSION",
    "SECTIONS",
    "InterchangeError",
    "ParsedDocument",
    "dump_library",
    "dump_map",
    "parse",
    "referenced_persona_ids",
    "remap_all",
    "remap_ids",
]
