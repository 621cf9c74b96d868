"""Edits as pure functions: each reads a bundle and returns the ChangeSet that
performs it, keeping every invariant (positions contiguous, spans inside the
grid, blueprint lines among the lanes, no dangling reference).

Compound edits gather everything that must go with an entity: removing a
stage also removes its steps, cards, emotion values and moments of truth, the
arrows and opportunity links to those cards, and trims cards spanning into it.
The document turns a ChangeSet into one undo step; nothing here knows Qt.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import replace
from typing import Any

from jmapper.model.bundle import MapBundle
from jmapper.model.changes import ChangeSet, EntityChange
from jmapper.model.entities import (
    CHILD_KINDS,
    Card,
    CardLink,
    Dismissal,
    EmotionPoint,
    EmotionScale,
    Lane,
    MomentOfTruth,
    Stage,
    Step,
    kind_of,
)
from jmapper.model.enums import EmotionSeries, LaneKind, LinkDirection, LinkType, MetricScope
from jmapper.model.errors import DomainError
from jmapper.model.kinds import ATTACHMENT_KINDS, KINDS, dependents
from jmapper.model.text import clean_value

_ORDERED = {"stage", "lane"}


class _Builder:
    """Collects changes against a working copy of the touched entities."""

    def __init__(self, bundle: MapBundle) -> None:
        self.bundle = bundle
        self._order: list[tuple[str, str]] = []
        self._before: dict[tuple[str, str], Any] = {}
        self._after: dict[tuple[str, str], Any] = {}

    def current(self, kind: str, entity_id: str) -> Any:
        key = (kind, entity_id)
        if key in self._after:
            return self._after[key]
        return self.bundle.get(kind, entity_id)

    def set(self, kind: str, entity_id: str, entity: Any | None) -> None:
        """Record ``entity`` as the new state; its text is cleaned (:mod:`jmapper.model.text`)."""
        entity = clean_value(entity)
        key = (kind, entity_id)
        if key not in self._before:
            self._before[key] = self.bundle.get(kind, entity_id)
            self._order.append(key)
        self._after[key] = entity

    def update(self, kind: str, entity_id: str, **fields: Any) -> Any:
        entity = self.current(kind, entity_id)
        if entity is None:
            raise DomainError(f"That {kind.replace('_', ' ')} no longer exists.")
        updated = replace(entity, **fields)
        self.set(kind, entity_id, updated)
        return updated

    def remove(self, kind: str, entity_id: str) -> None:
        if self.current(kind, entity_id) is not None:
            self.set(kind, entity_id, None)

    def live(self, kind: str) -> list[Any]:
        """All entities of a kind as they will be after the changes so far."""
        result = {e.id: e for e in self.bundle.collection(kind).values()}
        for (k, entity_id), entity in self._after.items():
            if k != kind:
                continue
            if entity is None:
                result.pop(entity_id, None)
            else:
                result[entity_id] = entity
        return list(result.values())

    def build(self, text: str, merge_key: Hashable | None = None) -> ChangeSet:
        changes = [
            EntityChange(
                kind, entity_id, self._before[(kind, entity_id)], self._after[(kind, entity_id)]
            )
            for kind, entity_id in self._order
            if self._before[(kind, entity_id)] != self._after[(kind, entity_id)]
        ]
        return ChangeSet(text, changes, merge_key)


def _renumber(builder: _Builder, kind: str, items: list[Any]) -> None:
    for index, item in enumerate(items):
        if item.position != index:
            builder.update(kind, item.id, position=index)


def _siblings(builder: _Builder, kind: str, entity: Any) -> list[Any]:
    items = builder.live(kind)
    if kind == "step":
        items = [s for s in items if s.stage_id == entity.stage_id]
    return sorted(items, key=lambda e: (e.position, e.id))


# -- generic -------------------------------------------------------------------


def edit_fields(bundle: MapBundle, kind: str, entity_id: str, **fields: Any) -> ChangeSet:
    """Change fields of one entity; typing in one field merges into one undo step."""
    builder = _Builder(bundle)
    builder.update(kind, entity_id, **fields)
    names = ", ".join(name.replace("_", " ") for name in sorted(fields))
    return builder.build(
        f"Edit {kind.replace('_', ' ')} {names}",
        merge_key=("edit", kind, entity_id, tuple(sorted(fields))),
    )


def add_entity(bundle: MapBundle, entity: Any, text: str | None = None) -> ChangeSet:
    """Add a leaf entity (or an ordered one at its ``position``, shifting the rest)."""
    kind = kind_of(entity)
    builder = _Builder(bundle)
    if kind in ("stage", "lane", "step"):
        siblings = _siblings(builder, kind, entity)
        position = max(0, min(entity.position, len(siblings)))
        siblings.insert(position, entity)
        builder.set(kind, entity.id, replace(entity, position=position))
        _renumber(builder, kind, siblings)
        if kind == "lane":
            _shift_lines_for_lane_insert(builder, position)
        if kind == "step":
            _adopt_stage_column(builder, entity.stage_id, entity.id, was_empty=len(siblings) == 1)
    else:
        builder.set(kind, entity.id, entity)
    return builder.build(text or f"Add {kind.replace('_', ' ')}")


def _shift_lines_for_lane_insert(builder: _Builder, position: int) -> None:
    for line in builder.live("blueprint_line"):
        if line.position > position:
            builder.update("blueprint_line", line.id, position=line.position + 1)


def _adopt_stage_column(builder: _Builder, stage_id: str, step_id: str, *, was_empty: bool) -> None:
    """A stage that gains its first step moves its stage-wide content onto that step."""
    if not was_empty:
        return
    for kind in ("card", "emotion_point", "moment_of_truth", "opportunity"):
        for entity in builder.live(kind):
            if entity.stage_id == stage_id and entity.step_id is None:
                builder.update(kind, entity.id, step_id=step_id)


def add_stage(bundle: MapBundle, name: str, position: int | None = None) -> tuple[ChangeSet, Stage]:
    stage = Stage(
        map_id=bundle.map.id,
        name=name,
        position=len(bundle.stages) if position is None else position,
    )
    return add_entity(bundle, stage, f"Add stage \u201c{name}\u201d"), stage


def add_step(
    bundle: MapBundle, stage_id: str, name: str, position: int | None = None
) -> tuple[ChangeSet, Step]:
    count = len(bundle.ordered_steps(stage_id))
    step = Step(
        map_id=bundle.map.id,
        stage_id=stage_id,
        name=name,
        position=count if position is None else position,
    )
    return add_entity(bundle, step, f"Add step \u201c{name}\u201d"), step


def add_lane(bundle: MapBundle, lane: Lane) -> ChangeSet:
    return add_entity(bundle, lane, f"Add lane \u201c{lane.name}\u201d")


def add_card(bundle: MapBundle, card: Card) -> ChangeSet:
    """Add a card at the bottom of its cell unless its position says otherwise."""
    if card.position == 0:
        cell = bundle.cards_in_cell(card.lane_id, card.stage_id, card.step_id)
        card = replace(card, position=len(cell))
    builder = _Builder(bundle)
    builder.set("card", card.id, card)
    return builder.build(
        "Add card" if not card.title else f"Add card \u201c{_short(card.title)}\u201d"
    )


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# -- removal -------------------------------------------------------------------


def _remove_card(builder: _Builder, card_id: str) -> None:
    builder.remove("card", card_id)
    for link in builder.live("card_link"):
        if card_id in (link.source_card_id, link.target_card_id):
            builder.remove("card_link", link.id)
    for opp in builder.live("opportunity"):
        if card_id in opp.pain_card_ids:
            builder.update(
                "opportunity", opp.id, pain_card_ids=[c for c in opp.pain_card_ids if c != card_id]
            )
    _remove_scoped_metrics(builder, MetricScope.CARD, card_id)
    _remove_attachments(builder, card_id)


def _remove_scoped_metrics(builder: _Builder, scope: MetricScope, scope_id: str) -> None:
    for value in builder.live("metric_value"):
        if value.scope is scope and value.scope_id == scope_id:
            builder.remove("metric_value", value.id)


def _remove_attachments(builder: _Builder, target_id: str) -> None:
    """Evidence, comments and dismissed findings about a removed entity go with it."""
    for kind in ATTACHMENT_KINDS:
        for entity in builder.live(kind):
            if entity.target_id == target_id:
                builder.remove(kind, entity.id)


def remove_cards(bundle: MapBundle, card_ids: Iterable[str]) -> ChangeSet:
    builder = _Builder(bundle)
    ids = list(card_ids)
    for card_id in ids:
        _remove_card(builder, card_id)
    _compact_cells(builder)
    return builder.build("Remove card" if len(ids) == 1 else f"Remove {len(ids)} cards")


def _compact_cells(builder: _Builder) -> None:
    """Keep card positions 0..n-1 in every cell a removal or move touched."""
    touched: set[tuple[str, str, str | None]] = set()
    for (kind, _), before in builder._before.items():
        if kind == "card" and before is not None:
            touched.add((before.lane_id, before.stage_id, before.step_id))
    if not touched:
        return
    cells: dict[tuple[str, str, str | None], list[Card]] = {}
    for card in builder.live("card"):
        key = (card.lane_id, card.stage_id, card.step_id)
        if key in touched:
            cells.setdefault(key, []).append(card)
    for cards in cells.values():
        cards.sort(key=lambda c: (c.position, c.id))
        _renumber(builder, "card", cards)


def _remove_column_content(
    builder: _Builder, stage_id: str, step_id: str | None, *, whole_stage: bool
) -> None:
    def in_place(entity: Any) -> bool:
        if entity.stage_id != stage_id:
            return False
        return whole_stage or entity.step_id == step_id

    for card in builder.live("card"):
        if in_place(card):
            _remove_card(builder, card.id)
    for kind in ("emotion_point", "moment_of_truth"):
        for entity in builder.live(kind):
            if in_place(entity):
                builder.remove(kind, entity.id)
                _remove_attachments(builder, entity.id)
    for opp in builder.live("opportunity"):
        if opp.stage_id is not None and in_place(opp):
            builder.update("opportunity", opp.id, stage_id=None, step_id=None)


def _trim_spans(
    builder: _Builder, old_columns: list[tuple[str, str | None]], removed: set[int]
) -> None:
    """Cards spanning over removed columns lose those columns from their span."""
    index_of = {place: i for i, place in enumerate(old_columns)}
    for card in builder.live("card"):
        start = index_of.get((card.stage_id, card.step_id))
        if start is None or card.span == 1:
            continue
        covered = set(range(start, start + card.span))
        lost = len(covered & removed)
        if lost:
            builder.update("card", card.id, span=max(1, card.span - lost))


def remove_stage(bundle: MapBundle, stage_id: str) -> ChangeSet:
    stage = bundle.stages[stage_id]
    builder = _Builder(bundle)
    old = [(c.stage_id, c.step_id) for c in bundle.columns()]
    removed = {i for i, (s, _) in enumerate(old) if s == stage_id}
    _remove_column_content(builder, stage_id, None, whole_stage=True)
    _trim_spans(builder, old, removed)
    for step in bundle.ordered_steps(stage_id):
        _unlink_step(builder, step.id)
        builder.remove("step", step.id)
        _remove_scoped_metrics(builder, MetricScope.STEP, step.id)
        _remove_attachments(builder, step.id)
    _remove_scoped_metrics(builder, MetricScope.STAGE, stage_id)
    _remove_attachments(builder, stage_id)
    builder.remove("stage", stage_id)
    _renumber(builder, "stage", sorted(builder.live("stage"), key=lambda s: (s.position, s.id)))
    _compact_cells(builder)
    return builder.build(f"Remove stage \u201c{_short(stage.name)}\u201d")


def _unlink_step(builder: _Builder, step_id: str) -> None:
    for opp in builder.live("opportunity"):
        if step_id in opp.step_ids:
            builder.update(
                "opportunity", opp.id, step_ids=[s for s in opp.step_ids if s != step_id]
            )


def remove_step(bundle: MapBundle, step_id: str) -> ChangeSet:
    step = bundle.steps[step_id]
    builder = _Builder(bundle)
    old = [(c.stage_id, c.step_id) for c in bundle.columns()]
    removed = {i for i, place in enumerate(old) if place == (step.stage_id, step_id)}
    _remove_column_content(builder, step.stage_id, step_id, whole_stage=False)
    _trim_spans(builder, old, removed)
    _unlink_step(builder, step_id)
    _remove_scoped_metrics(builder, MetricScope.STEP, step_id)
    _remove_attachments(builder, step_id)
    builder.remove("step", step_id)
    _renumber(
        builder,
        "step",
        sorted(
            [s for s in builder.live("step") if s.stage_id == step.stage_id],
            key=lambda s: (s.position, s.id),
        ),
    )
    _compact_cells(builder)
    return builder.build(f"Remove step \u201c{_short(step.name)}\u201d")


def remove_lane(bundle: MapBundle, lane_id: str) -> ChangeSet:
    lane = bundle.lanes[lane_id]
    index = [entry.id for entry in bundle.ordered_lanes()].index(lane_id)
    builder = _Builder(bundle)
    for card in builder.live("card"):
        if card.lane_id == lane_id:
            _remove_card(builder, card.id)
    for opp in builder.live("opportunity"):
        if opp.lane_id == lane_id:
            builder.update("opportunity", opp.id, lane_id=None)
    _remove_attachments(builder, lane_id)
    builder.remove("lane", lane_id)
    _renumber(builder, "lane", sorted(builder.live("lane"), key=lambda e: (e.position, e.id)))
    for line in builder.live("blueprint_line"):
        if line.position > index:
            builder.update("blueprint_line", line.id, position=line.position - 1)
    return builder.build(f"Remove lane \u201c{_short(lane.name)}\u201d")


def remove_entity(bundle: MapBundle, kind: str, entity_id: str) -> ChangeSet:
    """Remove any entity with everything that depends on it."""
    if kind == "stage":
        return remove_stage(bundle, entity_id)
    if kind == "step":
        return remove_step(bundle, entity_id)
    if kind == "lane":
        return remove_lane(bundle, entity_id)
    if kind == "card":
        return remove_cards(bundle, [entity_id])
    builder = _Builder(bundle)
    # What names it by a foreign key goes too (a metric's values), as in the library file.
    for child_kind, ref in dependents(kind):
        if ref.foreign_key:
            for child in builder.live(child_kind):
                if getattr(child, ref.attribute) == entity_id:
                    builder.remove(child_kind, child.id)
    if KINDS[kind].attachable:
        _remove_attachments(builder, entity_id)
    builder.remove(kind, entity_id)
    return builder.build(f"Remove {kind.replace('_', ' ')}")


def toggle_moment_of_truth(
    bundle: MapBundle, stage_id: str, step_id: str | None, title: str = "Moment of truth"
) -> tuple[ChangeSet, MomentOfTruth | None]:
    """Mark a column as a moment of truth, or unmark it if it is one (with its attachments).

    Returns the change set and the new moment (None when the column was unmarked).
    """
    if stage_id not in bundle.stages or (step_id is not None and step_id not in bundle.steps):
        raise DomainError("That column no longer exists; select a step and try again.")
    builder = _Builder(bundle)
    existing = [
        m
        for m in bundle.moments_of_truth.values()
        if m.stage_id == stage_id and m.step_id == step_id
    ]
    if existing:
        for moment in existing:
            builder.remove("moment_of_truth", moment.id)
            _remove_attachments(builder, moment.id)
        return builder.build("Remove moment of truth"), None
    moment = MomentOfTruth(map_id=bundle.map.id, stage_id=stage_id, step_id=step_id, title=title)
    builder.set("moment_of_truth", moment.id, moment)
    return builder.build("Mark moment of truth"), moment


# -- moving --------------------------------------------------------------------


def reorder(bundle: MapBundle, kind: str, entity_id: str, new_position: int) -> ChangeSet:
    """Move a stage, step or lane to ``new_position`` among its siblings."""
    if kind not in ("stage", "step", "lane"):
        raise DomainError(f"A {kind.replace('_', ' ')} cannot be reordered.")
    entity = bundle.get(kind, entity_id)
    builder = _Builder(bundle)
    siblings = [e for e in _siblings(builder, kind, entity) if e.id != entity_id]
    new_position = max(0, min(new_position, len(siblings)))
    siblings.insert(new_position, entity)
    _renumber(builder, kind, siblings)
    name = getattr(entity, "name", "")
    return builder.build(f"Move {kind} \u201c{_short(name)}\u201d")


def move_cards(
    bundle: MapBundle,
    card_ids: list[str],
    lane_id: str,
    stage_id: str,
    step_id: str | None,
    position: int | None = None,
) -> ChangeSet:
    """Move cards (keeping their relative order) into one cell, at ``position`` or the end."""
    builder = _Builder(bundle)
    moving = [builder.current("card", cid) for cid in card_ids]
    moving.sort(key=lambda c: (c.lane_id, c.stage_id, c.step_id or "", c.position, c.id))
    target = [
        c
        for c in builder.live("card")
        if (c.lane_id, c.stage_id, c.step_id) == (lane_id, stage_id, step_id)
        and c.id not in card_ids
    ]
    target.sort(key=lambda c: (c.position, c.id))
    at = len(target) if position is None else max(0, min(position, len(target)))
    columns = len(bundle.columns())
    column = bundle.column_of(stage_id, step_id)
    for card in moving:
        span = card.span
        if column is not None:
            span = max(1, min(span, columns - column.index))
        builder.update(
            "card", card.id, lane_id=lane_id, stage_id=stage_id, step_id=step_id, span=span
        )
    ordered = target[:at] + [builder.current("card", c.id) for c in moving] + target[at:]
    _renumber(builder, "card", ordered)
    _compact_cells(builder)
    return builder.build("Move card" if len(card_ids) == 1 else f"Move {len(card_ids)} cards")


def set_span(bundle: MapBundle, card_id: str, span: int) -> ChangeSet:
    builder = _Builder(bundle)
    builder.update("card", card_id, span=span)
    return builder.build("Change card span", merge_key=("span", card_id))


def duplicate_cards(bundle: MapBundle, card_ids: list[str]) -> tuple[ChangeSet, list[Card]]:
    """Copies placed just below their originals, with fresh ids."""
    builder = _Builder(bundle)
    copies: list[Card] = []
    for card_id in card_ids:
        original = bundle.cards[card_id]
        copy = replace(original, id=Card().id)
        cell = [
            c
            for c in builder.live("card")
            if (c.lane_id, c.stage_id, c.step_id)
            == (original.lane_id, original.stage_id, original.step_id)
        ]
        cell.sort(key=lambda c: (c.position, c.id))
        index = next(i for i, c in enumerate(cell) if c.id == card_id)
        cell.insert(index + 1, copy)
        builder.set("card", copy.id, copy)
        _renumber(builder, "card", cell)
        copies.append(builder.current("card", copy.id))
    text = "Duplicate card" if len(card_ids) == 1 else f"Duplicate {len(card_ids)} cards"
    return builder.build(text), copies


def paste_cards(
    bundle: MapBundle, cards: list[Card], lane_id: str, stage_id: str, step_id: str | None
) -> tuple[ChangeSet, list[Card]]:
    """Paste copied cards (possibly from another map) into one cell, with fresh ids."""
    builder = _Builder(bundle)
    cell = sorted(
        (
            c
            for c in bundle.cards.values()
            if (c.lane_id, c.stage_id, c.step_id) == (lane_id, stage_id, step_id)
        ),
        key=lambda c: (c.position, c.id),
    )
    column = bundle.column_of(stage_id, step_id)
    max_span = len(bundle.columns()) - (column.index if column else 0)
    pasted: list[Card] = []
    for offset, card in enumerate(cards):
        new = replace(
            card,
            id=Card().id,
            map_id=bundle.map.id,
            lane_id=lane_id,
            stage_id=stage_id,
            step_id=step_id,
            span=max(1, min(card.span, max_span)),
            position=len(cell) + offset,
        )
        builder.set("card", new.id, new)
        pasted.append(new)
    return builder.build("Paste card" if len(cards) == 1 else f"Paste {len(cards)} cards"), pasted


def paste_block(
    bundle: MapBundle,
    cells: list[tuple[str, int, list[tuple[str, str]]]],
) -> tuple[ChangeSet, list[Card], int]:
    """Cards into the cells a pasted spreadsheet block covers, as one edit.

    ``cells`` holds (lane id, column index, [(title, description), ...]) per
    non-empty cell of the block.  In an emotions lane a cell's whole number on
    the map's scale sets that column's emotion value instead; a cell that
    cannot be placed there is counted as left out.  Returns the change set,
    the new cards and how many cells were left out.
    """
    builder = _Builder(bundle)
    columns = bundle.columns()
    scale = bundle.map.emotion_scale
    pasted: list[Card] = []
    left_out = 0
    for lane_id, index, items in cells:
        lane = bundle.lanes.get(lane_id)
        if lane is None or not 0 <= index < len(columns) or not items:
            left_out += 1
            continue
        column = columns[index]
        if lane.kind is LaneKind.EMOTIONS:
            text = items[0][0].strip().replace("\u2212", "-")
            value = int(text) if text.lstrip("+-").isdigit() else None
            if len(items) != 1 or items[0][1] or value is None:
                left_out += 1
                continue
            if not scale.minimum <= value <= scale.maximum:
                left_out += 1
                continue
            _set_emotion_in(builder, column.stage_id, column.step_id, value)
            continue
        existing = len(bundle.cards_in_cell(lane_id, column.stage_id, column.step_id))
        for offset, (title, description) in enumerate(items):
            card = Card(
                map_id=bundle.map.id,
                lane_id=lane_id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                position=existing + offset,
                title=title,
                description=description,
            )
            builder.set("card", card.id, card)
            pasted.append(card)
    count = len(pasted)
    text = "Paste 1 card" if count == 1 else f"Paste {count} cards"
    if count == 0:
        text = "Paste emotion values"
    return builder.build(text), pasted, left_out


def _set_emotion_in(builder: _Builder, stage_id: str, step_id: str | None, value: int) -> None:
    """The map persona's as-is value of one column, made or changed within ``builder``."""
    bundle = builder.bundle
    existing = next(
        (
            p
            for p in bundle.emotion_points.values()
            if p.stage_id == stage_id
            and p.step_id == step_id
            and p.persona_id in (None, bundle.map.primary_persona_id)
            and p.series is EmotionSeries.AS_IS
        ),
        None,
    )
    if existing is not None:
        builder.update("emotion_point", existing.id, value=value)
        return
    point = EmotionPoint(map_id=bundle.map.id, stage_id=stage_id, step_id=step_id, value=value)
    builder.set("emotion_point", point.id, point)


# -- emotion, links, maps ------------------------------------------------------


def set_emotion(
    bundle: MapBundle,
    stage_id: str,
    step_id: str | None,
    value: int,
    *,
    persona_id: str | None = None,
    series: EmotionSeries = EmotionSeries.AS_IS,
) -> ChangeSet:
    """Set the emotion value of one column; dragging or nudging one point merges."""
    builder = _Builder(bundle)
    existing = next(
        (
            p
            for p in bundle.emotion_points.values()
            if p.stage_id == stage_id
            and p.step_id == step_id
            and p.persona_id == persona_id
            and p.series == series
        ),
        None,
    )
    if existing is None:
        point = EmotionPoint(
            map_id=bundle.map.id,
            stage_id=stage_id,
            step_id=step_id,
            persona_id=persona_id,
            series=series,
            value=value,
        )
        builder.set("emotion_point", point.id, point)
    else:
        builder.update("emotion_point", existing.id, value=value)
    return builder.build(
        "Set emotion", merge_key=("emotion", stage_id, step_id, persona_id, series.value)
    )


def link_cards(
    bundle: MapBundle,
    source_card_id: str,
    target_card_id: str,
    *,
    direction: LinkDirection = LinkDirection.ONE_WAY,
    link_type: LinkType = LinkType.HANDOFF,
    label: str = "",
) -> tuple[ChangeSet, CardLink]:
    for link in bundle.card_links.values():
        if {link.source_card_id, link.target_card_id} == {source_card_id, target_card_id}:
            raise DomainError("These two cards are already joined by an arrow.")
    link = CardLink(
        map_id=bundle.map.id,
        source_card_id=source_card_id,
        target_card_id=target_card_id,
        direction=direction,
        link_type=link_type,
        label=label,
    )
    builder = _Builder(bundle)
    builder.set("card_link", link.id, link)
    return builder.build("Draw arrow"), link


def diff_bundles(current: MapBundle, target: MapBundle, text: str) -> ChangeSet:
    """The change set that turns ``current`` into ``target`` (restoring snapshots).

    Personas are library-wide and are only added or updated, never removed.
    """
    builder = _Builder(current)
    if current.map != target.map:
        builder.set("map", current.map.id, target.map)
    for persona_id, persona in target.personas.items():
        if current.personas.get(persona_id) != persona:
            builder.set("persona", persona_id, persona)
    for kind in CHILD_KINDS:
        now = current.collection(kind)
        then = target.collection(kind)
        for entity_id in now.keys() - then.keys():
            builder.set(kind, entity_id, None)
        for entity_id, entity in then.items():
            if now.get(entity_id) != entity:
                builder.set(kind, entity_id, entity)
    return builder.build(text)


def change_emotion_scale(bundle: MapBundle, scale: EmotionScale) -> ChangeSet:
    """Switch the map to another emotion scale, carrying every value across.

    Values are mapped linearly from the old range onto the new one and rounded
    to the nearest point, so a -2..+2 map moved to 1..5 keeps its curve's shape
    (-2 becomes 1, 0 becomes 3, +2 becomes 5); one undo step brings it back.
    """
    old = bundle.map.emotion_scale
    builder = _Builder(bundle)
    builder.update("map", bundle.map.id, emotion_scale=scale)
    span_old = old.maximum - old.minimum
    span_new = scale.maximum - scale.minimum
    for point in bundle.emotion_points.values():
        fraction = (point.value - old.minimum) / span_old if span_old else 0.5
        value = round(scale.minimum + fraction * span_new)
        value = max(scale.minimum, min(scale.maximum, value))
        if value != point.value:
            builder.update("emotion_point", point.id, value=value)
    return builder.build(f"Change emotion scale to {scale.minimum}..{scale.maximum}")


# -- health findings -------------------------------------------------------------


def dismiss_finding(
    bundle: MapBundle, rule_id: str, target_kind: str, target_id: str, reason: str, created: str
) -> tuple[ChangeSet, Dismissal]:
    """Dismiss the finding of ``rule_id`` about (``target_kind``, ``target_id``), with a reason."""
    dismissal = Dismissal(
        map_id=bundle.map.id,
        rule_id=rule_id,
        target_kind=target_kind,
        target_id=target_id,
        reason=reason.strip(),
        created=created,
    )
    builder = _Builder(bundle)
    builder.set("dismissal", dismissal.id, dismissal)
    return builder.build(f"Dismiss finding {rule_id}"), dismissal


def restore_finding(bundle: MapBundle, dismissal_id: str) -> ChangeSet:
    """Take a dismissal back: the finding is reported (and counted) again."""
    dismissal = bundle.dismissals.get(dismissal_id)
    if dismissal is None:
        raise DomainError("That dismissal no longer exists.")
    builder = _Builder(bundle)
    builder.remove("dismissal", dismissal_id)
    return builder.build(f"Restore finding {dismissal.rule_id}")
