"""The typed Library both front ends hold: one command's use cases through it, on a real file."""

from __future__ import annotations

import pytest

from jmapper.services.errors import ServiceError
from jmapper.services.library import build_map
from jmapper.services.library_api import Library, LibraryError
from jmapper.services.transfer import read_source


def test_a_command_opens_uses_and_closes_the_library_in_one_with_block(tmp_path):
    path = tmp_path / "team.jmapper"
    with Library.open(path, create=True) as library:
        first = library.store_new_map(build_map("Onboarding", from_sample="support_request"))
        second = library.store_new_map(build_map("Onboarding again", from_sample="support_request"))
        assert library.find_map("onboarding").id == first.map.id
        assert library.find_map(second.map.id[:8]).id == second.map.id
        # Sample personas are the library's after the first map: the second reuses them.
        assert set(second.personas) == set(first.personas)
        assert len(library.list_personas()) == len(first.personas)
        with pytest.raises(ServiceError, match="No map with the id or title"):
            library.find_map("Nowhere")
    with pytest.raises(LibraryError, match="has been closed"):
        library.list_maps()


def test_import_plan_and_library_export_go_through_the_library(tmp_path):
    source = tmp_path / "source.jmapper"
    with Library.open(source, create=True) as library:
        bundle = library.store_new_map(build_map("Claims", from_sample="support_request"))
        out = tmp_path / "all.json"
        assert library.export_library(out) == []
    reading = read_source(out)
    with Library.open(tmp_path / "target.jmapper", create=True) as target:
        (plan,) = target.plan_import(reading)
        assert (plan.title, plan.as_copy) == ("Claims", False)
        assert target.list_maps() == []  # a plan writes nothing
        (imported,) = target.import_reading(reading)
        assert imported.id == bundle.map.id
        (plan,) = target.plan_import(reading)
        assert plan.as_copy
