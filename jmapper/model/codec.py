"""Entities to and from plain JSON-safe values, driven by the dataclass fields.

One codec serves storage (a column per field) and the JSON interchange format,
so the two can never disagree about how a date, an enum or a list is written.
Converters are built once per class from its type hints.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

from jmapper.model.entities import ENTITY_KINDS, EmotionScale

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


def _converters(hint: Any) -> tuple[Encoder, Decoder]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        enc, dec = _converters(args[0])
        return (
            lambda v: None if v is None else enc(v),
            lambda v: None if v is None else dec(v),
        )
    if origin is list:
        (item,) = typing.get_args(hint)
        enc, dec = _converters(item)
        return (lambda v: [enc(x) for x in v], lambda v: [dec(x) for x in v])
    if origin is dict:
        return (lambda v: dict(v), lambda v: dict(v))
    if isinstance(hint, type) and issubclass(hint, Enum):
        enum_cls = hint
        return (lambda v: v.value, lambda v: enum_cls(v))
    if hint is date:
        return (lambda v: v.isoformat(), lambda v: date.fromisoformat(v))
    if hint is EmotionScale:
        return (encode_scale, decode_scale)
    if hint is bool:
        return (bool, bool)
    if hint is float:
        return (_identity, lambda v: float(v))
    return (_identity, _identity)


@cache
def field_codecs(cls: Any) -> tuple[tuple[str, Encoder, Decoder], ...]:
    """(name, encode, decode) for each field of an entity class, in field order."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, *_converters(hints[f.name])) for f in dataclasses.fields(cls))


def encode_scale(scale: EmotionScale) -> dict[str, Any]:
    return {
        "kind": scale.kind.value,
        "minimum": scale.minimum,
        "maximum": scale.maximum,
        "labels": list(scale.labels),
    }


def decode_scale(data: dict[str, Any]) -> EmotionScale:
    from jmapper.model.enums import EmotionScaleKind

    return EmotionScale(
        kind=EmotionScaleKind(data["kind"]),
        minimum=int(data["minimum"]),
        maximum=int(data["maximum"]),
        labels=[str(x) for x in data.get("labels", [])],
    )


def to_dict(entity: Any) -> dict[str, Any]:
    """An entity as a dict of JSON-safe values (enums as strings, dates ISO)."""
    codecs = field_codecs(type(entity))  # type: ignore[arg-type]
    return {name: enc(getattr(entity, name)) for name, enc, _ in codecs}


def from_dict(kind: str, data: dict[str, Any]) -> Any:
    """Build an entity of ``kind`` from :func:`to_dict` output; unknown keys are refused.

    Missing keys take the field's default, so files written before a field
    existed still load.
    """
    cls = ENTITY_KINDS[kind]
    codecs = field_codecs(cls)
    known = {name for name, _, _ in codecs}
    unknown = set(data) - known
    if unknown:
        raise KeyError(f"unknown field(s) for {kind}: {', '.join(sorted(unknown))}")
    values = {name: dec(data[name]) for name, _, dec in codecs if name in data}
    return cls(**values)
