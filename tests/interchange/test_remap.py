"""Import as a copy: fresh ids everywhere, every reference following."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from jmapper.interchange.json_format import dump_library, dump_map, parse, remap_all, remap_ids
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import CHILD_KINDS, Persona
from jmapper.model.invariants import check_bundle
from tests.builders import small_map
from tests.strategies import bundles, libraries

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_HEX32 = re.compile(r"[0-9a-f]{32}")


def _own_ids(bundle: MapBundle) -> set[str]:
    ids = {bundle.map.id, *bundle.personas}
    for kind in CHILD_KINDS:
        ids |= set(bundle.collection(kind))
    return ids


def _map_back(text: str, table: dict[str, str]) -> str:
    """Replace every new id in a dump by the old one (ids are 32-hex tokens in quotes)."""
    back = {new: old for old, new in table.items()}
    return re.sub(r'"([0-9a-f]{32})"', lambda m: f'"{back.get(m.group(1), m.group(1))}"', text)


@PROPERTY
@given(bundles())
def test_remap_is_the_same_map_with_new_ids(bundle: MapBundle) -> None:
    before = bundle.copy()
    table: dict[str, str] = {}
    copy = remap_ids(bundle, personas_too=True, table=table)
    assert bundle == before, "the input is not changed"
    check_bundle(copy)
    assert _own_ids(copy).isdisjoint(_own_ids(bundle))
    assert all(_HEX32.fullmatch(i) for i in _own_ids(copy))
    assert len(_own_ids(copy)) == len(_own_ids(bundle))
    assert parse(_map_back(dump_map(copy), table)).bundles == [bundle]


@PROPERTY
@given(bundles())
def test_remap_keeps_personas_unless_asked(bundle: MapBundle) -> None:
    copy = remap_ids(bundle, personas_too=False)
    check_bundle(copy)
    assert copy.personas == bundle.personas
    assert copy.map.primary_persona_id == bundle.map.primary_persona_id
    assert copy.map.overlay_persona_ids == bundle.map.overlay_persona_ids
    assert sorted(str(p.persona_id) for p in copy.emotion_points.values()) == sorted(
        str(p.persona_id) for p in bundle.emotion_points.values()
    )
    assert copy.map.derived_from_id == bundle.map.derived_from_id
    assert copy.map.id != bundle.map.id
    assert (_own_ids(copy) - set(copy.personas)).isdisjoint(_own_ids(bundle))


def test_every_reference_follows() -> None:
    bundle = small_map()
    copy = remap_ids(bundle, personas_too=True)
    new_persona = copy.map.primary_persona_id
    assert new_persona in copy.personas and new_persona not in bundle.personas
    for card in copy.cards.values():
        assert card.map_id == copy.map.id
        assert card.lane_id in copy.lanes
        assert card.stage_id in copy.stages
        assert card.step_id is None or card.step_id in copy.steps
    for step in copy.steps.values():
        assert step.stage_id in copy.stages


@PROPERTY
@given(libraries())
def test_remap_all_keeps_links_between_maps_of_one_import(
    library: tuple[list[MapBundle], list[Persona]],
) -> None:
    maps, personas = library
    copies = remap_all(maps, personas_too=True)
    old_ids = {b.map.id for b in maps}
    new_by_old = dict(zip((b.map.id for b in maps), (c.map.id for c in copies), strict=True))
    for original, copy in zip(maps, copies, strict=True):
        check_bundle(copy)
        derived = original.map.derived_from_id
        if derived in old_ids:
            assert copy.map.derived_from_id == new_by_old[derived]
        else:
            assert copy.map.derived_from_id == derived
    # A persona shared by two maps is still one persona, under one new id.
    old_personas = set().union(*(b.personas for b in maps))
    new_personas = set().union(*(c.personas for c in copies))
    assert len(new_personas) == len(old_personas)
    assert new_personas.isdisjoint(old_personas)
    parsed = parse(dump_library(copies, []))
    assert {b.map.id: b for b in parsed.bundles} == {c.map.id: c for c in copies}


def test_a_shared_table_decides_the_map_id() -> None:
    bundle = small_map()
    table = {bundle.map.id: "a" * 32}
    copy = remap_ids(bundle, table=table)
    assert copy.map.id == "a" * 32
    assert all(card.map_id == "a" * 32 for card in copy.cards.values())
