"""apply(): each change set is one transaction of just the rows it names."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from jmapper.model.changes import EntityChange
from jmapper.model.entities import CHILD_KINDS, Card, Lane, Persona
from jmapper.storage import LibraryError, LibraryStore
from tests.storage.bundles import full_bundle

_TEXT_FIELD = {
    "persona": "name",
    "map": "title",
    "stage": "name",
    "step": "name",
    "lane": "name",
    "blueprint_line": "label",
    "card": "title",
    "emotion_point": "note",
    "moment_of_truth": "title",
    "opportunity": "title",
    "metric_definition": "name",
    "metric_value": "period",
    "card_link": "label",
    "evidence_item": "title",
    "comment": "text",
}


def _reopened(path: Path, map_id: str) -> object:
    with LibraryStore.open(path) as store:
        return store.load_map(map_id)


@pytest.mark.parametrize("kind", list(_TEXT_FIELD))
def test_upsert_and_delete_round_trip_per_kind(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "lib.jmapper"
    bundle = full_bundle()
    with LibraryStore.create(path) as store:
        store.add_bundle(bundle)
        before = bundle.get(kind, _first_id(bundle, kind))
        after = dataclasses.replace(before, **{_TEXT_FIELD[kind]: "edited ✎"})
        store.apply([EntityChange(kind, before.id, before, after)])
    bundle.put(kind, after.id, after)
    assert _reopened(path, bundle.map.id) == bundle

    if kind == "map":
        return
    # Delete the entity (and anything that must go with it), then undo the delete.
    doomed = _dependants(bundle, kind, after.id)
    deletions = [EntityChange(k, e.id, e, None) for k, e in doomed]
    with LibraryStore.open(path) as store:
        store.apply(deletions)
    expected = bundle.copy()
    expected.apply(deletions)
    assert _reopened(path, bundle.map.id) == expected
    with LibraryStore.open(path) as store:
        store.apply([c.inverted() for c in reversed(deletions)])
        assert store.integrity_ok()
    assert _reopened(path, bundle.map.id) == bundle


def _first_id(bundle: object, kind: str) -> str:
    if kind == "map":
        return bundle.map.id  # type: ignore[attr-defined]
    if kind == "persona":
        return next(iter(bundle.personas))  # type: ignore[attr-defined]
    return next(iter(bundle.collections[kind]))  # type: ignore[attr-defined]


def _dependants(bundle: object, kind: str, entity_id: str) -> list[tuple[str, object]]:
    """The entity plus, crudely, every child entity that refers to it by a field value."""
    found: list[tuple[str, object]] = [(kind, bundle.get(kind, entity_id))]  # type: ignore[attr-defined]
    if kind == "persona":
        return found
    for child_kind in CHILD_KINDS:
        for child in bundle.collections[child_kind].values():  # type: ignore[attr-defined]
            values = [getattr(child, f.name) for f in dataclasses.fields(child) if f.name != "id"]
            if entity_id in values and (child_kind, child) not in found:
                found.append((child_kind, child))
    # Links hang off cards that may have been pulled in above.
    card_ids = {e.id for k, e in found if k == "card"}  # type: ignore[attr-defined]
    for link in bundle.card_links.values():  # type: ignore[attr-defined]
        ends = {link.source_card_id, link.target_card_id}
        if ends & card_ids and ("card_link", link) not in found:
            found.append(("card_link", link))
    return found


def test_changes_may_arrive_in_any_order(library: LibraryStore) -> None:
    bundle = full_bundle()
    library.add_bundle(bundle)
    lane = Lane(map_id=bundle.map.id, name="New lane")
    stage_id = next(iter(bundle.stages))
    card = Card(map_id=bundle.map.id, lane_id=lane.id, stage_id=stage_id, title="child first")
    library.apply(
        [EntityChange("card", card.id, None, card), EntityChange("lane", lane.id, None, lane)]
    )
    loaded = library.load_map(bundle.map.id)
    assert loaded.cards[card.id] == card and loaded.lanes[lane.id] == lane


def test_a_failing_change_rolls_back_the_whole_set(tmp_path: Path) -> None:
    path = tmp_path / "lib.jmapper"
    bundle = full_bundle()
    stage_id = next(iter(bundle.stages))
    with LibraryStore.create(path) as store:
        store.add_bundle(bundle)
        persona = Persona(name="Should not land")
        renamed = dataclasses.replace(bundle.map, title="Should not land")
        orphan = Card(map_id=bundle.map.id, lane_id="f" * 32, stage_id=stage_id)
        changes = [
            EntityChange("persona", persona.id, None, persona),
            EntityChange("card", orphan.id, None, orphan),  # its lane does not exist
            EntityChange("map", bundle.map.id, bundle.map, renamed),
        ]
        with pytest.raises(LibraryError, match="refers to something"):
            store.apply(changes)
        # Unknown kinds fail mid-way too; nothing before them may land either.
        with pytest.raises(KeyError):
            store.apply([changes[0], EntityChange("nonsense", "x", None, object())])
        # The store is still usable afterwards.
        store.set_setting("after", "ok")
    with LibraryStore.open(path) as store:
        assert store.load_map(bundle.map.id) == bundle
        assert store.list_personas() == sorted(
            bundle.personas.values(), key=lambda p: p.name.casefold()
        )
        assert store.get_setting("after") == "ok"


def test_one_apply_is_one_transaction(library: LibraryStore) -> None:
    bundle = full_bundle()
    library.add_bundle(bundle)
    statements: list[str] = []
    raw = library._connection()
    assert isinstance(raw, sqlite3.Connection)
    raw.set_trace_callback(statements.append)
    cards = list(bundle.cards.values())
    changes = [
        EntityChange("card", c.id, c, dataclasses.replace(c, position=c.position + 1))
        for c in cards
    ]
    renamed = dataclasses.replace(bundle.map, title="Renamed")
    persona_id = bundle.map.primary_persona_id
    assert persona_id is not None
    unchanged = EntityChange(
        "persona", "p", bundle.personas[persona_id], bundle.personas[persona_id]
    )
    library.apply([*changes, EntityChange("map", bundle.map.id, bundle.map, renamed), unchanged])
    raw.set_trace_callback(None)
    transaction_statements = [s for s in statements if s.split()[0] in ("BEGIN", "COMMIT")]
    assert transaction_statements == ["BEGIN IMMEDIATE", "COMMIT"]
    stamp, *writes = [s for s in statements if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert stamp.startswith('INSERT INTO "library_meta"')  # the write stamp (see journal.py)
    assert len(writes) == len(cards) + 1  # exactly the rows that changed, nothing else
    # an update writes only the columns that differ
    assert all(w.startswith('UPDATE "card" SET "position" = ') for w in writes[:-1])
    assert writes[-1].startswith('UPDATE "map" SET "title" = ')


def test_deleting_the_map_through_apply_cascades(library: LibraryStore) -> None:
    bundle = full_bundle()
    library.add_bundle(bundle)
    library.apply([EntityChange("map", bundle.map.id, bundle.map, None)])
    assert library.map_ids() == []
    assert library.integrity_ok()


def test_empty_apply_is_a_no_op(library: LibraryStore) -> None:
    """An empty change set opens no transaction and writes nothing."""
    bundle = full_bundle()
    library.add_bundle(bundle)
    before = library.load_map(bundle.map.id)
    statements: list[str] = []
    library._connection().set_trace_callback(statements.append)
    try:
        library.apply([])
    finally:
        library._connection().set_trace_callback(None)
    assert statements == []
    assert library.load_map(bundle.map.id) == before
