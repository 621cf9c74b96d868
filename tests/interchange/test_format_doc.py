"""JSON_FORMAT.md stays accurate: its tables list exactly the model's fields, enums, defaults."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

import jmapper.interchange
from jmapper.interchange.json_format import SECTIONS
from jmapper.model.codec import encode_scale, to_dict
from jmapper.model.entities import ENTITY_KINDS, EmotionScale

DOC = Path(jmapper.interchange.__file__).with_name("JSON_FORMAT.md")
_SPECIAL_DEFAULTS = {"fresh id", "the map's", "the kind's", "`-2..+2`"}


def _tables() -> dict[str, list[list[dict[str, str]]]]:
    """Heading -> its tables, each a list of rows (column name -> cell)."""
    tables: dict[str, list[list[dict[str, str]]]] = {}
    heading = ""
    columns: list[str] | None = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            columns = None
        elif line.startswith("| field |"):
            columns = [c.strip() for c in line.strip("|").split("|")]
            tables.setdefault(heading, []).append([])
        elif line.startswith("| `") and columns is not None:
            cells = [c.strip() for c in line.strip("|").split(" | ")]
            tables[heading][-1].append(dict(zip(columns, cells, strict=True)))
        elif not line.startswith("|"):
            columns = None
    return tables


def _fields_documented() -> dict[str, list[dict[str, str]]]:
    tables = _tables()
    documented = {"map": tables["`map` (the map's own fields)"][0]}
    documented["emotion_scale"] = tables["`map` (the map's own fields)"][1]
    documented["persona"] = tables["`personas`"][0]
    for section, kind in SECTIONS.items():
        documented[kind] = tables[f"`{section}`"][0]
    return documented


def _name(row: dict[str, str]) -> str:
    return row["field"].strip("`")


@pytest.mark.parametrize("kind", list(ENTITY_KINDS))
def test_every_field_is_documented_in_order(kind: str) -> None:
    rows = _fields_documented()[kind]
    assert [_name(r) for r in rows] == [f.name for f in dataclasses.fields(ENTITY_KINDS[kind])]


def test_the_emotion_scale_is_documented() -> None:
    rows = _fields_documented()["emotion_scale"]
    assert [_name(r) for r in rows] == list(encode_scale(EmotionScale()))


def _enum_of(hint: Any) -> type[Enum] | None:
    for arg in (hint, *typing.get_args(hint)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return arg
        nested = typing.get_args(arg)
        if nested and isinstance(nested[0], type) and issubclass(nested[0], Enum):
            return nested[0]
    return None


@pytest.mark.parametrize("kind", list(ENTITY_KINDS))
def test_enum_values_and_defaults_match_the_model(kind: str) -> None:
    cls = ENTITY_KINDS[kind]
    hints = typing.get_type_hints(cls)
    defaults = to_dict(cls())
    for row in _fields_documented()[kind]:
        name = _name(row)
        enum_cls = _enum_of(hints[name])
        if enum_cls is not None and "enum" in row["type"]:
            listed = re.findall(r"`([a-z0-9_]+)`", row["type"])
            assert listed == [m.value for m in enum_cls], f"{kind}.{name}"
        if "or null" in row["type"]:
            assert type(None) in typing.get_args(hints[name]), f"{kind}.{name}"
        default = row["default"]
        if default in _SPECIAL_DEFAULTS:
            continue
        expected = None if default == "null" else default.strip("`")
        if expected is not None:
            with contextlib.suppress(json.JSONDecodeError):
                expected = json.loads(expected)
        assert defaults[name] == expected, f"{kind}.{name}"


def test_header_fields_are_documented() -> None:
    rows = _tables()["Header fields"][0]
    assert [_name(r) for r in rows] == ["format", "format_version", "generator"]
