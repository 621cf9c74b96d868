"""Whole-map use cases the editor calls through the Library service, on real library files."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jmapper.model.entities import Persona, Snapshot
from jmapper.model.enums import MapType
from jmapper.model.errors import DomainError
from jmapper.services.library import add_samples
from jmapper.services.library_api import Library
from jmapper.storage import LibraryStore
from jmapper.templates import SAMPLES


@pytest.fixture
def library(tmp_path):
    store = LibraryStore.create(tmp_path / "lib.jmapper")
    add_samples(store)
    opened = Library(store)
    yield opened
    opened.close()


def _sample(library: Library, key: str):
    summary = next(s for s in library.list_maps() if s.title == SAMPLES[key].title)
    return library.load_map(summary.id)


def test_duplicates_take_the_next_free_title_and_are_stored(library):
    source = _sample(library, "support_request")
    first = library.duplicate_map(source)
    second = library.duplicate_map(source)
    assert first.map.title == f"{source.map.title} (copy)"
    assert second.map.title == f"{source.map.title} (copy) 2"
    stored = library.load_map(second.map.id)
    assert len(stored.cards) == len(source.cards)
    assert not set(stored.cards) & set(source.cards)


def test_only_a_current_state_map_derives_a_future_state(library):
    source = _sample(library, "support_request")
    assert source.map.map_type is MapType.CURRENT_STATE
    derived = library.derive_future_state(source)
    assert library.load_map(derived.map.id).map.derived_from_id == source.map.id
    with pytest.raises(DomainError, match="derived from a current-state map"):
        library.derive_future_state(library.load_map(derived.map.id))


def test_a_removed_map_comes_back_with_its_versions_but_keeps_later_persona_edits(library):
    source = _sample(library, "support_request")
    library.save_snapshot(Snapshot(map_id=source.map.id, name="workshop", payload="{}"))
    removed = library.remove_map(source.map.id)
    assert not library.has_map(source.map.id)
    persona = removed.bundle.personas[source.map.primary_persona_id]
    library.save_persona(replace(persona, name="Renamed meanwhile"))

    library.put_back(removed)
    assert library.has_map(source.map.id)
    assert [s.name for s in library.list_snapshots(source.map.id)] == ["workshop"]
    names = {p.id: p.name for p in library.list_personas()}
    assert names[persona.id] == "Renamed meanwhile"


def test_a_persona_in_use_is_named_by_the_map_that_uses_it(library):
    source = _sample(library, "support_request")
    primary = source.map.primary_persona_id
    assert primary is not None
    assert library.map_using_persona(primary) is not None
    loose = Persona(name="Nobody uses me")
    library.save_persona(loose)
    assert library.map_using_persona(loose.id) is None
    # The editor's in-memory copy of the open map counts, not the stored one.
    source.map.overlay_persona_ids = [loose.id]
    assert library.map_using_persona(loose.id, source) == source.map.title
