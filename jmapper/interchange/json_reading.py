"""Checking raw JSON values against the entity classes before anything is built.

The model's codec trusts its input (storage wrote it); a file from outside
does not deserve that trust.  Every value is checked against the field's type
hint here, so that building entities and checking the map afterwards cannot
fail with anything but a sentence naming the field at fault.
"""

from __future__ import annotations

import math
import re
import types
import typing
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, NoReturn

from jmapper.interchange.errors import InterchangeError
from jmapper.model.codec import from_dict
from jmapper.model.entities import ENTITY_KINDS, EmotionScale
from jmapper.model.enums import EmotionScaleKind
from jmapper.model.kinds import label
from jmapper.model.text import clean_value

#: SQLite stores whole numbers in 64 bits.
_MAX_INT = 2**63 - 1
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SCALE_FIELDS = ("kind", "minimum", "maximum", "labels")


def fail(message: str) -> NoReturn:
    raise InterchangeError(message)


def short(text: str, limit: int = 60) -> str:
    """User text fit for a one-line message: whitespace collapsed, long text cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def show(value: Any) -> str:
    """A value from the file as a message quotes it: 'text' or a JSON literal."""
    if isinstance(value, str):
        return repr(short(value, 40))
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return "a list" if isinstance(value, list) else "an object"


@dataclass(frozen=True)
class Place:
    """Where in the file a map is, for messages: the map document or map n of a library."""

    number: int | None
    title: str = ""

    def titled(self, title: str) -> Place:
        return replace(self, title=title)

    @property
    def short_title(self) -> str:
        return short(self.title) or "untitled"

    @property
    def _map_name(self) -> str:
        if short(self.title):
            return f"the map \u201c{short(self.title)}\u201d"
        return f"map {self.number}"

    @property
    def map_subject(self) -> str:
        """The map object itself: 'The map in the file' or 'Map 2 in the file'."""
        return "The map in the file" if self.number is None else f"Map {self.number} in the file"

    @property
    def in_file(self) -> str:
        return "in the file" if self.number is None else f"of {self._map_name} in the file"

    @property
    def of_file(self) -> str:
        return "of the file" if self.number is None else f"of {self._map_name} in the file"

    @property
    def scope(self) -> str:
        """Where a referenced entity should have been."""
        return "in the file" if self.number is None else "on that map"

    def label(self, kind: str) -> str:
        return label(kind)

    def name_of(self, kind: str, entity: Any, number: int) -> str:
        """'Card “Call helpdesk”', or 'Card 3' when it has no title (number in its list)."""
        text = ""
        for attribute in ("title", "name", "label"):
            text = short(getattr(entity, attribute, "") or "")
            if text:
                break
        name = f"{label(kind)} \u201c{text}\u201d" if text else f"{label(kind)} {number}"
        return name if self.number is None else f"{name} on {self._map_name}"


@cache
def _hints(kind: str) -> dict[str, Any]:
    return typing.get_type_hints(ENTITY_KINDS[kind])


def read_entity(kind: str, raw: Any, subject: str, *, map_id: str | None = None) -> Any:
    """Build an entity of ``kind`` from its JSON object, or fail naming ``subject``.

    Unknown fields are refused; missing fields take the model's defaults,
    except a missing ``map_id``, which is the enclosing map's.
    """
    if not isinstance(raw, dict):
        fail(f"{subject} is not a JSON object.")
    hints = _hints(kind)
    unknown = sorted(set(raw) - set(hints))
    if unknown:
        fail(f"{subject} has an unknown field {show(unknown[0])}.")
    for name, value in raw.items():
        problem = check_value(hints[name], value)
        if problem:
            fail(f"{subject} has an invalid value for {show(name)}: {problem}.")
    data = dict(raw)
    if map_id is not None and "map_id" not in data:
        data["map_id"] = map_id
    if "emotion_scale" in data:
        data["emotion_scale"] = _complete_scale(data["emotion_scale"])
    return clean_value(from_dict(kind, data))


def check_value(hint: Any, value: Any) -> str | None:
    """What is wrong with ``value`` as a JSON form of a field typed ``hint``, or None."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return check_value(inner, value)
    if value is None:
        return "it cannot be null"
    if origin is list:
        if not isinstance(value, list):
            return "expected a list"
        (item,) = typing.get_args(hint)
        return next((p for p in (check_value(item, x) for x in value) if p), None)
    if origin is dict:
        if not isinstance(value, dict):
            return "expected an object"
        _, item = typing.get_args(hint)
        for key, entry in value.items():
            problem = _check_text(key) or check_value(item, entry)
            if problem:
                return problem
        return None
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _check_enum(hint, value)
    if hint is date:
        return _check_date(value)
    if hint is EmotionScale:
        return _check_scale(value)
    if hint is bool:
        return None if isinstance(value, bool) else "expected true or false"
    if hint is int:
        return _check_int(value)
    if hint is float:
        return _check_float(value)
    if hint is str:
        return _check_text(value)
    raise TypeError(f"no JSON check for {hint!r}")


def _check_text(value: Any) -> str | None:
    if not isinstance(value, str):
        return "expected text"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "the text holds characters that are not valid Unicode"
    return None


def _check_int(value: Any) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool):
        return "expected a whole number"
    if abs(value) > _MAX_INT:
        return "the number is too large"
    return None


def _check_float(value: Any) -> str | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "expected a number"
    try:
        finite = math.isfinite(float(value))
    except OverflowError:
        finite = False
    return None if finite else "the number is too large"


def _check_enum(enum_cls: type[Enum], value: Any) -> str | None:
    allowed = [member.value for member in enum_cls]
    if value in allowed and isinstance(value, str):
        return None
    return f"{show(value)} is not one of {', '.join(allowed)}"


def _check_date(value: Any) -> str | None:
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"{show(value)} is not a date of the calendar"
        return None
    return "expected a date written YYYY-MM-DD"


def _check_scale(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "expected an object with kind, minimum, maximum and labels"
    unknown = sorted(set(value) - set(_SCALE_FIELDS))
    if unknown:
        return f"it has an unknown field {show(unknown[0])}"
    checks: dict[str, Any] = {
        "kind": EmotionScaleKind,
        "minimum": int,
        "maximum": int,
        "labels": list[str],
    }
    for name, entry in value.items():
        problem = check_value(checks[name], entry)
        if problem:
            return f"{problem} for {show(name)}"
    return None


def _complete_scale(raw: dict[str, Any]) -> dict[str, Any]:
    """A scale object with every field: missing bounds are those of its kind."""
    kind = raw.get("kind", EmotionScaleKind.MINUS2_PLUS2.value)
    preset = EmotionScale.preset(EmotionScaleKind(kind))
    return {
        "kind": kind,
        "minimum": raw.get("minimum", preset.minimum),
        "maximum": raw.get("maximum", preset.maximum),
        "labels": raw.get("labels", []),
    }
