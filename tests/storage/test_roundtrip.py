"""Everything stored comes back equal, from a fresh store on the same file."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from jmapper.model.entities import CHILD_KINDS, ENTITY_KINDS, Persona, Snapshot
from jmapper.model.enums import MapStatus, MapType
from jmapper.storage import LibraryError, LibraryStore
from jmapper.storage.schema import TABLES
from tests.storage.bundles import full_bundle


def test_full_bundle_sets_every_field_away_from_default() -> None:
    bundle = full_bundle()
    entities = [bundle.map, *bundle.personas.values()]
    for kind in CHILD_KINDS:
        assert bundle.collections[kind], kind
        entities.extend(bundle.collections[kind].values())
    for cls in ENTITY_KINDS.values():
        instances = [e for e in entities if type(e) is cls]
        default = cls()
        for f in dataclasses.fields(cls):
            if f.name == "id":
                continue
            assert any(getattr(e, f.name) != getattr(default, f.name) for e in instances), (
                cls.__name__,
                f.name,
            )


def test_columns_mirror_dataclass_fields() -> None:
    for kind, cls in ENTITY_KINDS.items():
        assert [c.name for c in TABLES[kind].columns] == [f.name for f in dataclasses.fields(cls)]


def test_every_kind_round_trips_through_a_reopened_file(tmp_path: Path) -> None:
    path = tmp_path / "lib.jmapper"
    bundle = full_bundle()
    with LibraryStore.create(path) as store:
        store.add_bundle(bundle)
    with LibraryStore.open(path) as store:
        loaded = store.load_map(bundle.map.id)
        assert store.integrity_ok()
    assert loaded == bundle
    assert loaded.map.emotion_scale.labels == list("abcde")
    assert isinstance(loaded.map.last_reviewed, date)
    assert loaded.cards[next(iter(bundle.cards))].failure_point is True


def test_load_map_brings_all_library_personas(library: LibraryStore) -> None:
    bundle = full_bundle()
    library.add_bundle(bundle)
    loner = Persona(name="Zoe")
    library.save_persona(loner)
    assert set(library.load_map(bundle.map.id).personas) == {*bundle.personas, loner.id}


def test_add_bundle_twice_is_refused_and_replace_bundle_replaces(library: LibraryStore) -> None:
    bundle = full_bundle()
    library.add_bundle(bundle)
    with pytest.raises(LibraryError, match="already in"):
        library.add_bundle(bundle)
    smaller = bundle.copy()
    for card_link in list(smaller.card_links):
        smaller.put("card_link", card_link, None)
    smaller.map.title = "Renamed"
    snapshot = Snapshot(map_id=bundle.map.id, name="v1", created="2024-01-01", payload="{}")
    library.save_snapshot(snapshot)
    library.replace_bundle(smaller)
    assert library.load_map(bundle.map.id) == smaller
    assert [s.id for s in library.list_snapshots(bundle.map.id)] == [snapshot.id]


def test_list_maps_summarises_in_title_order(library: LibraryStore) -> None:
    library.add_bundle(full_bundle("beta"))
    gift = full_bundle("Alpha")
    library.add_bundle(gift)
    summaries = library.list_maps()
    assert [s.title for s in summaries] == ["Alpha", "beta"]
    first = summaries[0]
    assert first.id == gift.map.id
    assert first.map_type is MapType.SERVICE_BLUEPRINT
    assert first.status is MapStatus.IN_REVIEW
    assert first.persona_name == "Priya"
    assert (first.stage_count, first.step_count, first.lane_count, first.card_count) == (1, 1, 1, 2)
    assert first.last_reviewed == date(2024, 5, 1)
    assert first.derived_from_id == "0" * 32
    assert sorted(library.map_ids()) == sorted(s.id for s in summaries)


def test_delete_map_cascades_to_children_and_snapshots(library: LibraryStore) -> None:
    bundle = full_bundle()
    library.add_bundle(bundle)
    library.save_snapshot(Snapshot(map_id=bundle.map.id, name="v1", payload="{}"))
    library.delete_map(bundle.map.id)
    assert not library.has_map(bundle.map.id)
    assert library.list_snapshots(bundle.map.id) == []
    assert {p.id for p in library.list_personas()} == set(bundle.personas)
    assert library.integrity_ok()
    with pytest.raises(LibraryError, match="no longer in"):
        library.load_map(bundle.map.id)


def test_personas_save_list_delete(library: LibraryStore) -> None:
    first, second = Persona(name="bea", goals=["x"]), Persona(name="Al")
    library.save_persona(first)
    library.save_persona(second)
    first.role = "Changed"
    library.save_persona(first)
    assert library.list_personas() == [second, first]
    library.delete_persona(second.id)
    assert library.list_personas() == [first]


def test_snapshots_newest_first_without_payload_in_listing(library: LibraryStore) -> None:
    bundle = full_bundle()
    library.add_bundle(bundle)
    old = Snapshot(map_id=bundle.map.id, name="Old", created="2024-01-01T00:00", payload="[1]")
    new = Snapshot(map_id=bundle.map.id, name="New", created="2024-02-01T00:00", payload="[2]")
    library.save_snapshot(old)
    library.save_snapshot(new)
    listed = library.list_snapshots(bundle.map.id)
    assert [s.name for s in listed] == ["New", "Old"]
    assert all(s.payload == "" for s in listed)
    assert library.load_snapshot(old.id) == old
    library.delete_snapshot(old.id)
    with pytest.raises(LibraryError, match="no longer in"):
        library.load_snapshot(old.id)


def test_settings_are_per_library(tmp_path: Path, library: LibraryStore) -> None:
    assert library.get_setting("export.logo") is None
    assert library.get_setting("export.logo", "none") == "none"
    library.set_setting("export.logo", "acme.png")
    library.set_setting("export.logo", "acme2.png")
    assert library.get_setting("export.logo") == "acme2.png"
    with LibraryStore.create(tmp_path / "other.jmapper") as other:
        assert other.get_setting("export.logo") is None
