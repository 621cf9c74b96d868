"""The one text normaliser: no control characters in a map's text.

Control characters (C0: U+0000 to U+001F, except tab and newline) have no
meaning in a card or a title, print as boxes, and make an SVG invalid XML
(XML 1.0 forbids them even escaped), so they never enter the model:

* every edit passes through ``jmapper.model.edits._Builder.set``, which
  cleans the entity it records, so typed and pasted text is clean;
* the JSON reader (``jmapper.interchange.json_reading.read_entity``) cleans
  every entity it builds, so an imported file is clean;
* the two ways text reaches the model without an edit clean it too: a new
  map's title (``jmapper.services.library.build_map``) and a persona changed
  while no map is open (``jmapper.ui.docks.personas``);
* the exporters get :func:`clean_bundle` of the loaded map, so text stored
  before this rule existed still makes a valid PDF, PNG or SVG.

A carriage return becomes a newline (``\\r\\n`` one newline) rather than
vanishing, so lines typed on another system stay apart.  U+FFFE and U+FFFF
(not characters at all, and also refused by XML) go too.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from typing import TypeVar

from jmapper.model.bundle import MapBundle

T = TypeVar("T")

_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_NEWLINES = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """``text`` without control characters other than tab and newline."""
    if not _UNWANTED.search(text):
        return text
    return _UNWANTED.sub("", _NEWLINES.sub("\n", text))


def clean_value(value: T) -> T:
    """``value`` with every string in it cleaned: text, lists, dicts and nested dataclasses.

    Returns ``value`` itself (not a copy) when nothing needed cleaning, so a
    clean entity keeps its identity and cleaning costs one regex scan per string.
    """
    if isinstance(value, str):
        return clean_text(value)  # type: ignore[return-value]
    if isinstance(value, list):
        items = [clean_value(item) for item in value]
        changed = any(a is not b for a, b in zip(items, value, strict=True))
        return items if changed else value  # type: ignore[return-value]
    if isinstance(value, dict):
        pairs = {clean_value(k): clean_value(v) for k, v in value.items()}
        changed = len(pairs) != len(value) or any(
            k not in value or value[k] is not v for k, v in pairs.items()
        )
        return pairs if changed else value  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for name in _field_names(type(value)):
            old = getattr(value, name)
            new = clean_value(old)
            if new is not old:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def clean_bundle(bundle: MapBundle) -> MapBundle:
    """The bundle with every text clean: itself when it was clean already (the usual case)."""
    map_ = clean_value(bundle.map)
    personas = clean_value(bundle.personas)
    collections = {kind: clean_value(items) for kind, items in bundle.collections.items()}
    changed = map_ is not bundle.map or personas is not bundle.personas
    changed = changed or any(collections[k] is not v for k, v in bundle.collections.items())
    if not changed:
        return bundle
    return MapBundle(map=map_, personas=personas, collections=collections)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)
