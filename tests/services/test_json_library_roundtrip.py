"""JSON interchange through real libraries: export, import into a new library, equal."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from jmapper.services.library import export_json, export_library_json, import_json
from jmapper.storage import LibraryStore
from tests.strategies import bundles


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundles())
def test_map_export_then_import_into_a_new_library_is_lossless(bundle):
    with tempfile.TemporaryDirectory() as folder:
        source = LibraryStore.create(Path(folder) / "source.jmapper")
        source.add_bundle(bundle)
        out = Path(folder) / "map.json"
        export_json(source, bundle.map.id, out)
        original = source.load_map(bundle.map.id)
        source.close()

        target = LibraryStore.create(Path(folder) / "target.jmapper")
        (result,) = import_json(target, out)
        assert result.id == bundle.map.id and not result.as_copy
        imported = target.load_map(bundle.map.id)
        target.close()
        # A new library holds only the personas the file carried.
        assert imported.map == original.map
        assert imported.collections == original.collections
        assert {p.id: p for p in imported.personas.values()} == {
            pid: original.personas[pid] for pid in imported.personas
        }


def test_library_export_then_import_is_lossless(tmp_path):
    from jmapper.templates import build_samples

    source = LibraryStore.create(tmp_path / "source.jmapper")
    for bundle in build_samples():
        source.add_bundle(bundle)
    out = tmp_path / "library.json"
    export_library_json(source, out)
    target = LibraryStore.create(tmp_path / "target.jmapper")
    results = import_json(target, out)
    assert len(results) == len(source.map_ids())
    for map_id in source.map_ids():
        assert target.load_map(map_id) == source.load_map(map_id)
    assert target.list_personas() == source.list_personas()
    source.close()
    target.close()


def test_importing_a_library_again_keeps_derived_links_between_the_copies(tmp_path):
    from jmapper.model.enums import MapType
    from jmapper.templates import build_samples

    store = LibraryStore.create(tmp_path / "lib.jmapper")
    for bundle in build_samples():
        store.add_bundle(bundle)
    out = tmp_path / "library.json"
    export_library_json(store, out)
    results = import_json(store, out)
    assert all(r.as_copy for r in results)
    copies = {r.id for r in results}
    future = next(
        store.load_map(r.id)
        for r in results
        if store.load_map(r.id).map.map_type is MapType.FUTURE_STATE
    )
    assert future.map.derived_from_id in copies
    store.close()
