"""The use cases behind the command line and the editor, on real library files."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from jmapper.model.enums import MapType
from jmapper.services.errors import ServiceError
from jmapper.services.export import build_options, export_map_file
from jmapper.services.files import write_atomically
from jmapper.services.library import (
    create_map,
    export_json,
    find_map,
    import_json,
    open_default_library,
    open_library,
)
from jmapper.storage import default_library_path
from jmapper.templates import SAMPLES


def test_first_run_creates_the_default_library_with_the_samples(isolated_data_dir):
    path = default_library_path()
    assert str(path).startswith(str(isolated_data_dir))
    assert not path.exists()
    store = open_default_library()
    titles = {s.title for s in store.list_maps()}
    store.close()
    assert titles == {info.title for info in SAMPLES.values()}
    # The second start opens it as it is: no second copy of the samples.
    store = open_default_library()
    assert len(store.list_maps()) == len(SAMPLES)
    store.close()


def test_the_future_state_sample_links_to_its_current_state():
    store = open_default_library()
    maps = {s.title: s for s in store.list_maps()}
    future = next(s for s in maps.values() if s.map_type is MapType.FUTURE_STATE)
    assert future.derived_from_id in {s.id for s in maps.values()}
    store.close()


@pytest.fixture
def store(tmp_path):
    store = open_library(tmp_path / "lib.jmapper", create=True)
    yield store
    store.close()


def test_find_map_by_id_title_and_prefix(store):
    first = create_map(store, "Onboarding", MapType.CURRENT_STATE)
    create_map(store, "Renewal", MapType.SERVICE_BLUEPRINT)
    assert find_map(store, first.map.id).title == "Onboarding"
    assert find_map(store, "onboarding").id == first.map.id
    assert find_map(store, first.map.id[:8]).id == first.map.id
    create_map(store, "Onboarding", MapType.CURRENT_STATE)
    with pytest.raises(ServiceError, match="2 maps are titled \u201cOnboarding\u201d"):
        find_map(store, "Onboarding")
    with pytest.raises(ServiceError, match="No map with the id or title \u201cNope\u201d"):
        find_map(store, "Nope")


@pytest.mark.parametrize("map_type", list(MapType))
def test_create_map_of_every_type_is_stored(store, map_type):
    bundle = create_map(store, f"A {map_type.label}", map_type)
    assert store.load_map(bundle.map.id) == bundle


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_create_map_from_every_sample(store, sample):
    bundle = create_map(store, "From sample", from_sample=sample)
    stored = store.load_map(bundle.map.id)
    assert stored.map.title == "From sample" and len(stored.cards) > 5


def test_create_map_errors(store):
    with pytest.raises(ServiceError, match="needs a title"):
        create_map(store, "  ")
    with pytest.raises(ServiceError, match="no sample called"):
        create_map(store, "X", from_sample="moon_landing")


def test_import_never_overwrites_silently(store, tmp_path):
    bundle = create_map(store, "Support", from_sample="support_request")
    out = tmp_path / "support.json"
    export_json(store, bundle.map.id, out)
    (copy,) = import_json(store, out)
    assert copy.as_copy and copy.id != bundle.map.id and copy.title == "Support (copy)"
    assert store.load_map(bundle.map.id) == bundle
    imported = store.load_map(copy.id)
    assert len(imported.cards) == len(bundle.cards)
    assert not set(imported.cards) & set(bundle.cards)
    (replaced,) = import_json(store, out, replace=True)
    assert replaced.replaced and replaced.id == bundle.map.id


def test_write_atomically_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    os.chmod(tmp_path, stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(tmp_path, os.W_OK) and os.geteuid() == 0:
            pytest.skip("root can write into a read-only folder")
        with pytest.raises(ServiceError, match="Cannot write"):
            write_atomically(target, "new")
    finally:
        os.chmod(tmp_path, stat.S_IRWXU)
    assert target.read_text() == "old"


def test_write_atomically_into_a_missing_folder(tmp_path):
    with pytest.raises(ServiceError, match="does not exist"):
        write_atomically(tmp_path / "missing" / "x.json", "new")


def test_write_atomically_replaces_a_directory_target_never(tmp_path):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep")
    with pytest.raises(ServiceError, match="Cannot write"):
        write_atomically(folder, "data")
    assert (folder / "keep.txt").read_text() == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]


def test_export_options_from_settings():
    options = build_options({"paper": "a3", "mode": "tile", "overlap_mm": 12, "pages": ["map"]})
    assert options.paper == "A3" and options.mode == "tile" and options.overlap_mm == 12
    custom = build_options({"paper": "900x600mm"})
    assert custom.custom_mm == (900.0, 600.0)
    with pytest.raises(ServiceError, match="Unknown paper size \u201cB7\u201d"):
        build_options({"paper": "B7"})
    with pytest.raises(ServiceError, match="logo file"):
        build_options({"logo": "/no/such/logo.png"})


def test_export_map_file_refuses_unknown_formats(store, tmp_path):
    bundle = create_map(store, "X")
    with pytest.raises(ServiceError, match="Cannot export as \u201cdocx\u201d"):
        export_map_file(store, bundle.map.id, tmp_path / "x.docx", "docx")


def test_export_json_to_an_existing_file_is_atomic(store, tmp_path):
    bundle = create_map(store, "X")
    out = tmp_path / "x.json"
    out.write_text("previous")
    export_json(store, bundle.map.id, out)
    assert out.read_text().startswith("{")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert len(digest) == 64


def test_maps_from_a_sample_share_the_library_personas(store):
    """One rule for the command line and the editor: a sample's personas are added once."""
    first = create_map(store, "First", from_sample="support_request")
    personas = {p.id for p in store.list_personas()}
    assert personas
    second = create_map(store, "Second", from_sample="support_request")
    assert {p.id for p in store.list_personas()} == personas
    stored = store.load_map(second.map.id)
    assert stored.map.primary_persona_id == first.map.primary_persona_id
    assert {p.persona_id for p in stored.emotion_points.values()} <= personas


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_a_map_from_a_sample_has_nothing_overdue_on_day_one(store, sample):
    """The copy is dated relative to today, as the default library's samples are."""
    from datetime import date

    from jmapper.analysis.health import run_checks

    bundle = create_map(store, "From sample", from_sample=sample)
    stored = store.load_map(bundle.map.id)
    assert stored.opportunities, "every sample has opportunities to check"
    assert run_checks(stored, date.today(), ["overdue-opportunity"]) == []


def test_library_health_counts_each_map_and_never_leaves_the_caller_waiting(tmp_path) -> None:
    from datetime import date

    from jmapper.services.health import count_library_health
    from jmapper.services.library import add_samples, open_library

    path = tmp_path / "lib.jmapper"
    store = open_library(path, create=True)
    ids = add_samples(store)
    store.close()
    got: dict[str, object] = {}
    count_library_health(path, ids, date.today(), got.__setitem__)
    assert set(got) == set(ids) and all(c is not None for c in got.values())
    missing: dict[str, object] = {}
    count_library_health(tmp_path / "gone.jmapper", ids[:2], date.today(), missing.__setitem__)
    assert missing == {ids[0]: None, ids[1]: None}
