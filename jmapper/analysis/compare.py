"""What differs between two maps: aligned columns, both emotion curves, changed entities.

Used for a map against one of its snapshots (same ids), a current state
against the future state derived from it, or any two maps.  A map and its
snapshot share every id, so their entities are paired by id alone (exactly
the entities that changed are reported).  Other maps are paired by id, then
by name within the aligned structure: a derived map is a copy with fresh ids whose stages,
steps, lanes and cards keep their source's names (the model records the
derivation link per map, ``derived_from_id``, not per entity).  Cards that
stay unpaired are finally paired by their place (lane, column, order in the
cell), so a retitled card of a derived map reads as changed, not as one
removed and one added.

Everything here is pure: the editor, the PDF and ``jmapper compare`` show
the same :class:`Comparison`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from jmapper.model.bundle import Column, MapBundle
from jmapper.model.entities import CHILD_KINDS
from jmapper.model.enums import EmotionSeries, MapType


class Mark(Enum):
    """How an entity differs; each has a word and a symbol (never colour alone)."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"

    @property
    def symbol(self) -> str:
        return {"added": "+", "removed": "\u2212", "changed": "\u0394"}[self.value]


@dataclass(frozen=True)
class Change:
    """One entity added, removed or changed, with the fields that differ."""

    kind: str
    mark: Mark
    old: Any | None
    new: Any | None
    fields: tuple[str, ...] = ()

    @property
    def entity(self) -> Any:
        return self.new if self.new is not None else self.old

    @property
    def id(self) -> str:
        return str(self.entity.id)


@dataclass(frozen=True)
class ColumnPair:
    """One column of the aligned grid with both maps' emotion values."""

    stage: str
    step: str | None
    old: Column | None
    new: Column | None
    old_value: int | None
    new_value: int | None

    @property
    def label(self) -> str:
        return f"{self.stage} \u203a {self.step}" if self.step else self.stage

    @property
    def delta(self) -> int | None:
        """The signed change new minus old, when both maps have a value here."""
        if self.old_value is None or self.new_value is None:
            return None
        return self.new_value - self.old_value


@dataclass
class Comparison:
    """Two maps side by side: ``old`` (before, or the current state) and ``new``."""

    old: MapBundle
    new: MapBundle
    columns: list[ColumnPair] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    #: kind -> {old id: new id} of every pair found
    pairs: dict[str, dict[str, str]] = field(default_factory=dict)

    def of(self, kind: str, mark: Mark | None = None) -> list[Change]:
        return [c for c in self.changes if c.kind == kind and (mark is None or c.mark is mark)]

    def changed_ids(self) -> dict[str, set[str]]:
        """kind -> ids (the new id, else the old) of every entity that differs."""
        out: dict[str, set[str]] = {}
        for change in self.changes:
            out.setdefault(change.kind, set()).add(change.id)
        return out


KeyOf = Callable[[str, MapBundle, Any], Hashable | None]

#: Fields that never count as a change: identity, and references when ids differ.
_IDENTITY = frozenset({"id", "map_id"})


def _is_reference(name: str) -> bool:
    return name.endswith("_id") or name.endswith("_ids")


def curve_series(bundle: MapBundle) -> EmotionSeries:
    """The curve a map is about: a future state's to-be values if it has any, else as-is."""
    if bundle.map.map_type is MapType.FUTURE_STATE and any(
        p.series is EmotionSeries.TO_BE for p in bundle.emotion_points.values()
    ):
        return EmotionSeries.TO_BE
    return EmotionSeries.AS_IS


def curve(bundle: MapBundle) -> dict[int, int]:
    """The primary persona's values on the map's curve, by column index."""
    series = curve_series(bundle)
    primary = bundle.map.primary_persona_id
    values: dict[int, int] = {}
    for point in bundle.emotion_points.values():
        if point.series is not series or point.persona_id not in (None, primary):
            continue
        column = bundle.column_of(point.stage_id, point.step_id)
        if column is not None:
            values[column.index] = point.value
    return values


def compare(old: MapBundle, new: MapBundle) -> Comparison:
    """Everything that differs from ``old`` to ``new``."""
    result = Comparison(old, new)
    if old.map.id == new.map.id:  # a map and its snapshot: the map's own fields too
        fields = _changed_fields(old.map, new.map, compare_references=True)
        if fields:
            result.changes.append(Change("map", Mark.CHANGED, old.map, new.map, fields))
    keys = _Keys(old, new, result.pairs)
    for kind in CHILD_KINDS:
        _pair_kind(result, kind, keys)
    result.columns = _align_columns(old, new, result.pairs)
    return result


class _Keys:
    """Name keys of entities, relative to the pairs found so far (stages before steps...)."""

    def __init__(self, old: MapBundle, new: MapBundle, pairs: dict[str, dict[str, str]]) -> None:
        self.old, self.new, self.pairs = old, new, pairs

    def _stage(self, bundle: MapBundle, stage_id: str | None) -> str:
        stage = bundle.stages.get(stage_id or "")
        return stage.name.strip().casefold() if stage else ""

    def _step(self, bundle: MapBundle, step_id: str | None) -> str:
        step = bundle.steps.get(step_id or "")
        return step.name.strip().casefold() if step else ""

    def _lane(self, bundle: MapBundle, lane_id: str | None) -> tuple[str, str]:
        lane = bundle.lanes.get(lane_id or "")
        return (lane.kind.value, lane.name.strip().casefold()) if lane else ("", "")

    def _persona(self, bundle: MapBundle, persona_id: str | None) -> str:
        return (
            "primary" if persona_id in (None, bundle.map.primary_persona_id) else persona_id or ""
        )

    def _scope(self, bundle: MapBundle, scope_id: str | None) -> str:
        for kind in ("stage", "step", "card"):
            entity = bundle.collection(kind).get(scope_id or "")
            if entity is not None:
                return str(getattr(entity, "name", "") or getattr(entity, "title", "")).casefold()
        return ""

    def name_key(self, kind: str, bundle: MapBundle, e: Any) -> Hashable | None:
        if kind == "stage":
            return e.name.strip().casefold()
        if kind == "step":
            return (self._stage(bundle, e.stage_id), e.name.strip().casefold())
        if kind == "lane":
            return (e.kind.value, e.name.strip().casefold())
        if kind == "blueprint_line":
            return e.kind.value
        place = (
            self._stage(bundle, getattr(e, "stage_id", None)),
            self._step(bundle, getattr(e, "step_id", None)),
        )
        if kind == "card":
            return (self._lane(bundle, e.lane_id), place, e.title.strip().casefold())
        if kind == "emotion_point":
            return (place, self._persona(bundle, e.persona_id), e.series.value)
        if kind == "moment_of_truth":
            return (place, e.title.strip().casefold())
        if kind == "metric_value":
            metric = bundle.metric_definitions.get(e.metric_id)
            name = metric.name.strip().casefold() if metric else ""
            return (name, e.scope.value, self._scope(bundle, e.scope_id), e.period)
        if kind == "comment":
            return (e.author, e.text.strip().casefold())
        for name in ("title", "name", "label"):
            text = getattr(e, name, None)
            if isinstance(text, str) and text.strip():
                return text.strip().casefold()
        if kind == "dismissal":
            return (e.rule_id, e.target_kind)
        return None

    def place_key(self, kind: str, bundle: MapBundle, e: Any) -> Hashable | None:
        """Where a card sits (lane, column, order in its cell): the last way to pair cards."""
        if kind != "card":
            return None
        return (
            self._lane(bundle, e.lane_id),
            self._stage(bundle, e.stage_id),
            self._step(bundle, e.step_id),
            e.position,
        )


def _pair_kind(result: Comparison, kind: str, keys: _Keys) -> None:
    old_items = dict(result.old.collection(kind))
    new_items = dict(result.new.collection(kind))
    pairs: dict[str, str] = {}
    for entity_id in list(old_items):
        if entity_id in new_items:
            pairs[entity_id] = entity_id
    # A map and its snapshot share every id: pairing by id alone is exact there.
    same_map = result.old.map.id == result.new.map.id
    for key_of in () if same_map else (keys.name_key, keys.place_key):

        def key(bundle: MapBundle, entity: Any, f: KeyOf = key_of) -> Hashable | None:
            return f(kind, bundle, entity)

        _pair_by(pairs, old_items, new_items, key, result.old, result.new)
    result.pairs[kind] = pairs
    for old_id, new_id in pairs.items():
        before, after = old_items[old_id], new_items[new_id]
        fields = _changed_fields(before, after, compare_references=old_id == new_id)
        if fields:
            result.changes.append(Change(kind, Mark.CHANGED, before, after, fields))
    for new_id in new_items.keys() - set(pairs.values()):
        result.changes.append(Change(kind, Mark.ADDED, None, new_items[new_id]))
    for old_id in old_items.keys() - pairs.keys():
        result.changes.append(Change(kind, Mark.REMOVED, old_items[old_id], None))


def _pair_by(
    pairs: dict[str, str],
    old_items: dict[str, Any],
    new_items: dict[str, Any],
    key: Callable[[MapBundle, Any], Hashable | None],
    old: MapBundle,
    new: MapBundle,
) -> None:
    """Pair still-unpaired entities whose key is equal and unique on both sides."""
    taken = set(pairs.values())
    old_keys = _unique(((i, key(old, e)) for i, e in old_items.items() if i not in pairs))
    new_keys = _unique(((i, key(new, e)) for i, e in new_items.items() if i not in taken))
    for k, old_id in old_keys.items():
        new_id = new_keys.get(k)
        if new_id is not None:
            pairs[old_id] = new_id


def _unique(items: Iterable[tuple[str, Hashable | None]]) -> dict[Hashable, str]:
    seen: dict[Hashable, str] = {}
    doubled: set[Hashable] = set()
    for entity_id, k in items:
        if k is None:
            continue
        if k in seen:
            doubled.add(k)
        seen[k] = entity_id
    return {k: v for k, v in seen.items() if k not in doubled}


def _changed_fields(before: Any, after: Any, *, compare_references: bool) -> tuple[str, ...]:
    names = []
    for f in dataclasses.fields(before):
        if f.name in _IDENTITY or (not compare_references and _is_reference(f.name)):
            continue
        if not compare_references and f.name == "position":
            continue
        if getattr(before, f.name) != getattr(after, f.name):
            names.append(f.name)
    return tuple(names)


def _align_columns(
    old: MapBundle, new: MapBundle, pairs: dict[str, dict[str, str]]
) -> list[ColumnPair]:
    """The new map's columns in order, with each old-only column where it stood."""
    stage_of = pairs.get("stage", {})
    step_of = pairs.get("step", {})
    old_columns = old.columns()
    new_index = {(c.stage_id, c.step_id): c for c in new.columns()}
    matched: dict[int, Column] = {}  # old column index -> new column
    for column in old_columns:
        stage = stage_of.get(column.stage_id)
        step = step_of.get(column.step_id) if column.step_id is not None else None
        if stage is None or (column.step_id is not None and step is None):
            continue
        found = new_index.get((stage, step))
        if found is not None:
            matched[column.index] = found
    back = {c.index: o for o, c in matched.items()}
    old_curve, new_curve = curve(old), curve(new)
    out: list[ColumnPair] = []
    pending = [c for c in old_columns if c.index not in matched]

    def flush(before: int | None) -> None:
        while pending and (before is None or pending[0].index < before):
            c = pending.pop(0)
            out.append(_pair(old, c, None, c, old_curve.get(c.index), None))

    for column in new.columns():
        old_index = back.get(column.index)
        flush(old_index)
        old_column = old_columns[old_index] if old_index is not None else None
        out.append(
            _pair(
                new,
                old_column,
                column,
                column,
                old_curve.get(old_index) if old_index is not None else None,
                new_curve.get(column.index),
            )
        )
    flush(None)
    return out


def _pair(
    named_by: MapBundle,
    old: Column | None,
    new: Column | None,
    naming: Column,
    old_value: int | None,
    new_value: int | None,
) -> ColumnPair:
    stage = named_by.stages[naming.stage_id].name
    step = named_by.steps[naming.step_id].name if naming.step_id is not None else None
    return ColumnPair(stage, step, old, new, old_value, new_value)


__all__ = ["Change", "ColumnPair", "Comparison", "Mark", "compare", "curve", "curve_series"]
