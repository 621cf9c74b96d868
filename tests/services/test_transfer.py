"""Importing and exporting through the shared service: dry runs, refusals, personas, libraries."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from jmapper.interchange.json_format import dump_map
from jmapper.model.entities import Persona
from jmapper.services.errors import ServiceError
from jmapper.services.library import create_map, open_library
from jmapper.services.transfer import (
    export_library_file,
    export_map_as,
    import_file,
    plan_import,
    read_source,
)
from jmapper.storage import LibraryStore
from tests.builders import small_map


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "lib.jmapper"
    store = open_library(path, create=True)
    create_map(store, "Support", from_sample="support_request")
    store.close()
    return path


def test_a_dry_run_plan_names_what_would_be_added_and_the_library_is_unchanged(tmp_path, library):
    source = tmp_path / "small.json"
    source.write_text(dump_map(small_map("Commute")), encoding="utf-8")
    before = digest(library)
    store = LibraryStore.open(library)
    (plan,) = plan_import(store, read_source(source))
    store.close()
    assert plan.sentence() == (
        "Would add \u201cCommute\u201d (2 stages, 2 steps, 3 lanes, 4 cards, 0 emotion values; "
        "new personas Priya)."
    )
    assert digest(library) == before


def test_a_refused_import_leaves_the_library_unchanged(tmp_path, library):
    source = tmp_path / "broken.json"
    text = dump_map(small_map()).replace('"span": 1', '"span": 9', 1)
    source.write_text(text, encoding="utf-8")
    before = digest(library)
    store = LibraryStore.open(library)
    with pytest.raises(ServiceError, match="Cannot import \u201cbroken.json\u201d"):
        import_file(store, source)
    assert len(store.map_ids()) == 1
    store.close()
    assert digest(library) == before


def test_a_persona_the_library_has_by_name_is_reused_not_copied(tmp_path, library):
    store = LibraryStore.open(library)
    store.save_persona(Persona(name="Priya", role="Library copy"))
    source = tmp_path / "small.json"
    source.write_text(dump_map(small_map()), encoding="utf-8")
    (result,), warnings = import_file(store, source)
    assert warnings == []
    priyas = [p for p in store.list_personas() if p.name == "Priya"]
    assert [p.role for p in priyas] == ["Library copy"]
    assert store.load_map(result.id).map.primary_persona_id == priyas[0].id
    store.close()


def test_a_whole_library_goes_out_as_one_file_and_comes_back(tmp_path, library):
    store = LibraryStore.open(library)
    create_map(store, "Park", from_sample="theme_park_visit")
    out = tmp_path / "library.json"
    assert export_library_file(store, out) == []
    originals = {i: store.load_map(i) for i in store.map_ids()}
    personas = store.list_personas()
    store.close()

    target = open_library(tmp_path / "target.jmapper", create=True)
    results, _ = import_file(target, out)
    assert {r.id for r in results} == set(originals)
    for map_id, bundle in originals.items():
        assert target.load_map(map_id) == bundle
    assert sorted(p.name for p in target.list_personas()) == sorted(p.name for p in personas)
    # Again: the maps come in as copies, the personas are not repeated.
    import_file(target, out)
    assert len(target.map_ids()) == 2 * len(originals)
    assert sorted(p.name for p in target.list_personas()) == sorted(p.name for p in personas)
    target.close()


def test_exporting_in_an_unknown_format_is_refused_before_any_file_is_made(tmp_path, library):
    store = LibraryStore.open(library)
    (map_id,) = store.map_ids()
    with pytest.raises(ServiceError, match="not a format jmapper knows"):
        export_map_as(store, map_id, tmp_path / "out.docx", "docx")
    store.close()
    assert not (tmp_path / "out.docx").exists()


def test_an_empty_library_has_nothing_to_export(tmp_path):
    store = open_library(tmp_path / "empty.jmapper", create=True)
    with pytest.raises(ServiceError, match="No maps in empty.jmapper to export"):
        export_library_file(store, tmp_path / "library.json")
    store.close()
    assert not (tmp_path / "library.json").exists()
