"""Entities to and from table rows, with converters computed once per kind.

Rows hold exactly what :func:`jmapper.model.codec.to_dict` produces, except
that lists, dicts and the emotion scale are JSON text, so storage and the JSON
interchange format agree by construction.  Fields whose stored form is their
Python value (text, numbers, ids) skip conversion entirely: ``load_map`` of a
10,000-card map decodes a few hundred thousand values, so this matters.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from jmapper.model.codec import field_codecs
from jmapper.storage.columns import entity_class, is_json

_PLAIN = (str, int, float, str | None, int | None, float | None)

RowEncoder = Callable[[Any], dict[str, Any]]
RowDecoder = Callable[[tuple[Any, ...]], Any]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@cache
def _plan(kind: str) -> tuple[tuple[str, Any, Any, bool], ...]:
    """(field, encoder or None, decoder or None, is_json) per field, in field order."""
    cls = entity_class(kind)
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, Any, Any, bool]] = []
    for name, enc, dec in field_codecs(cls):
        hint = hints[name]
        if hint in _PLAIN and hint not in (float, float | None):
            plan.append((name, None, None, False))
        else:
            plan.append((name, enc, dec, is_json(hint)))
    return tuple(plan)


@cache
def row_encoder(kind: str) -> RowEncoder:
    """A function turning an entity of ``kind`` into a column -> value dict."""
    plan = _plan(kind)

    def encode(entity: Any) -> dict[str, Any]:
        row: dict[str, Any] = {}
        for name, enc, _, as_json in plan:
            value = getattr(entity, name)
            if enc is not None:
                value = enc(value)
                if as_json:
                    value = _dumps(value)
            row[name] = value
        return row

    return encode


#: What a converter raises on a value it cannot read (bad JSON is a ValueError too).
_DECODE_ERRORS = (ValueError, TypeError, KeyError, AttributeError)


class UnreadableValue(ValueError):
    """A stored value this version cannot turn into its field.

    A newer jmapper's enum member, a hand-edited date: the store adds the
    map's title and raises :class:`~jmapper.storage.errors.UnreadableMapError`.
    ``field`` is None when every value decoded but the row as a whole did not.
    """

    def __init__(self, kind: str, field: str | None, value: Any) -> None:
        super().__init__(f"{kind}.{field}: {value!r}")
        self.kind = kind
        self.field = field
        self.value = value


@cache
def row_decoder(kind: str) -> RowDecoder:
    """A function building an entity of ``kind`` from a row in field order.

    Raises :class:`UnreadableValue` naming the first field it cannot read.
    """
    cls = entity_class(kind)
    steps = [
        (index, dec, as_json)
        for index, (_, _, dec, as_json) in enumerate(_plan(kind))
        if dec is not None
    ]

    def decode(row: tuple[Any, ...]) -> Any:
        values = list(row)
        try:
            for index, dec, as_json in steps:
                value = values[index]
                if value is not None:
                    values[index] = dec(json.loads(value) if as_json else value)
            return cls(*values)
        except _DECODE_ERRORS:
            raise _culprit(kind, row) from None

    return decode


def decode_value(kind: str, field: str, value: Any) -> Any:
    """One stored value of ``kind``'s ``field`` as its Python value (UnreadableValue if not)."""
    for name, _, dec, as_json in _plan(kind):
        if name == field:
            if value is None or dec is None:
                return value
            try:
                return dec(json.loads(value) if as_json else value)
            except _DECODE_ERRORS:
                raise UnreadableValue(kind, field, value) from None
    raise KeyError(f"{kind} has no field {field}")


def _culprit(kind: str, row: tuple[Any, ...]) -> UnreadableValue:
    """The first field of ``row`` that does not decode (the slow path, after a failure)."""
    for (name, _, _, _), value in zip(_plan(kind), row, strict=True):
        try:
            decode_value(kind, name, value)
        except UnreadableValue as problem:
            return problem
    return UnreadableValue(kind, None, None)
