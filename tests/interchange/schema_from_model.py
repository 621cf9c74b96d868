"""The JSON Schema the model implies: the check that the published schema is in step with it.

``jmapper/interchange/jmapper.schema.json`` is a file a user's tools read; it is
written by hand-runnable ``python -m tests.interchange.schema_from_model`` and a
test compares it with what this module derives from the entity classes now,
so a new field without a schema entry fails the tests.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from jmapper.interchange.json_format import FORMAT_LIBRARY, FORMAT_MAP, SECTIONS
from jmapper.model.entities import ENTITY_KINDS, EmotionScale

SCHEMA_PATH = (
    Path(__file__).resolve().parents[2] / "jmapper" / "interchange" / "jmapper.schema.json"
)


def _type_of(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _type_of(options[0])
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": _type_of(typing.get_args(hint)[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    if hint is date:
        return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    if isinstance(hint, type) and issubclass(hint, Enum):
        return {"enum": [member.value for member in hint]}
    if hint is EmotionScale:
        return {"$ref": "#/$defs/emotion_scale"}
    raise TypeError(f"no schema for {hint!r}")


def _object(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {f.name: _type_of(hints[f.name]) for f in dataclasses.fields(cls)}
    return {"type": "object", "additionalProperties": False, "properties": properties}


def derived_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {"emotion_scale": _object(EmotionScale)}
    for kind, cls in ENTITY_KINDS.items():
        defs[kind] = _object(cls)
    header = {
        "format_version": {"type": "integer", "minimum": 1},
        "generator": {"type": "string"},
        "personas": {"type": "array", "items": {"$ref": "#/$defs/persona"}},
    }
    body = {"map": {"$ref": "#/$defs/map"}}
    for section, kind in SECTIONS.items():
        body[section] = {"type": "array", "items": {"$ref": f"#/$defs/{kind}"}}
    defs["map_body"] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["map"],
        "properties": body,
    }
    map_document = {
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "format_version", "map"],
        "properties": {"format": {"const": FORMAT_MAP}, **header, **body},
    }
    library_document = {
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "format_version"],
        "properties": {
            "format": {"const": FORMAT_LIBRARY},
            **header,
            "maps": {"type": "array", "items": {"$ref": "#/$defs/map_body"}},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:jmapper:interchange:format-version-1",
        "title": "jmapper map or library (format version 1)",
        "description": (
            "A jmapper-map or jmapper-library JSON document; the fields are explained in "
            "jmapper/interchange/JSON_FORMAT.md. The schema checks shape and types; the rules "
            "between entities (references, positions, spans) are checked by jmapper on import."
        ),
        "oneOf": [map_document, library_document],
        "$defs": defs,
    }


def main() -> None:
    SCHEMA_PATH.write_text(json.dumps(derived_schema(), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
