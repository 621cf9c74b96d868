"""A real library file holding the small test map, and a document on it."""

from __future__ import annotations

import pytest

from jmapper.document import JourneyDocument
from jmapper.storage import LibraryStore
from tests.builders import small_map


@pytest.fixture
def library_path(tmp_path):
    path = tmp_path / "workshop.jmapper"
    store = LibraryStore.create(path)
    store.add_bundle(small_map())
    store.close()
    return path


@pytest.fixture
def document(qapp, library_path):
    store = LibraryStore.open(library_path)
    (map_id,) = store.map_ids()
    doc = JourneyDocument(store.load_map(map_id), store)
    yield doc
    store.close()


def reload(document: JourneyDocument):
    """The map as a fresh connection reads it from the file."""
    store = LibraryStore.open(document.store.path)
    try:
        return store.load_map(document.map_id)
    finally:
        store.close()
