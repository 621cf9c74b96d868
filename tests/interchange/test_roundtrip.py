"""Writing a map or library and reading it back gives the same maps, exactly."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings

from jmapper import __version__
from jmapper.interchange.json_format import (
    FORMAT_VERSION,
    SECTIONS,
    dump_library,
    dump_map,
    parse,
    referenced_persona_ids,
)
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import CHILD_KINDS, EmotionPoint, Opportunity, Persona
from jmapper.model.enums import Channel
from jmapper.model.invariants import check_blueprint_lines, check_bundle
from tests.builders import small_map
from tests.strategies import TRICKY_TEXT, bundles, libraries

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(bundles())
def test_generated_bundles_are_valid(bundle: MapBundle) -> None:
    check_bundle(bundle)
    check_blueprint_lines(bundle)  # the strict zone check too


@PROPERTY
@given(bundles())
def test_map_round_trip(bundle: MapBundle) -> None:
    text = dump_map(bundle)
    parsed = parse(text)
    assert parsed.kind == "map"
    assert parsed.format_version == FORMAT_VERSION
    assert parsed.bundles == [bundle]
    assert sorted(p.id for p in parsed.personas) == sorted(bundle.personas)
    # Deterministic: writing what was read gives the same bytes.
    assert dump_map(parsed.bundles[0]) == text


@PROPERTY
@given(libraries())
def test_library_round_trip(library: tuple[list[MapBundle], list[Persona]]) -> None:
    maps, personas = library
    text = dump_library(maps, personas)
    parsed = parse(text)
    assert parsed.kind == "library"
    assert {b.map.id: b for b in parsed.bundles} == {b.map.id: b for b in maps}
    assert len(parsed.bundles) == len(maps)
    assert sorted(parsed.personas, key=lambda p: p.id) == sorted(personas, key=lambda p: p.id)
    assert dump_library(parsed.bundles, parsed.personas) == text
    assert dump_library(list(reversed(maps)), list(reversed(personas))) == text


def test_document_shape() -> None:
    bundle = small_map("Shape")
    text = dump_map(bundle)
    document = json.loads(text)
    assert document["format"] == "jmapper-map"
    assert document["format_version"] == 1
    assert document["generator"] == f"jmapper {__version__}"
    assert set(document) == {"format", "format_version", "generator", "map", "personas", *SECTIONS}
    assert list(SECTIONS.values()) == list(CHILD_KINDS)
    assert text.endswith("}\n")
    assert text == json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def test_lists_are_in_grid_order() -> None:
    bundle = small_map()
    document = json.loads(dump_map(bundle))
    stage_ids = [s["id"] for s in document["stages"]]
    assert stage_ids == [s.id for s in bundle.ordered_stages()]
    lanes = [lane.id for lane in bundle.ordered_lanes()]
    columns = {(c.stage_id, c.step_id): c.index for c in bundle.columns()}
    keys = [
        (lanes.index(c["lane_id"]), columns[(c["stage_id"], c["step_id"])], c["position"])
        for c in document["cards"]
    ]
    assert keys == sorted(keys)


def test_map_document_holds_only_the_personas_the_map_uses() -> None:
    bundle = small_map()
    stranger = Persona(name="Unused")
    voice = Persona(name="Second voice")
    bundle.add(stranger)
    bundle.add(voice)
    column = bundle.columns()[0]
    bundle.add(
        EmotionPoint(
            map_id=bundle.map.id,
            stage_id=column.stage_id,
            step_id=column.step_id,
            persona_id=voice.id,
            value=1,
        )
    )
    parsed = parse(dump_map(bundle))
    assert {p.id for p in parsed.personas} == {bundle.map.primary_persona_id, voice.id}
    assert set(referenced_persona_ids(bundle)) == {bundle.map.primary_persona_id, voice.id}


def test_library_lists_every_persona_including_ones_only_maps_know() -> None:
    first = small_map("First")
    second = small_map("Second")
    extra = Persona(name="Nobody uses me")
    parsed = parse(dump_library([first, second], [extra]))
    expected = {extra.id, first.map.primary_persona_id, second.map.primary_persona_id}
    assert {p.id for p in parsed.personas} == expected
    by_id = {b.map.id: b for b in parsed.bundles}
    assert by_id[first.map.id] == first
    assert set(by_id[first.map.id].personas) == {first.map.primary_persona_id}


def test_tricky_text_survives_exactly() -> None:
    bundle = small_map()
    cards = list(bundle.cards.values())
    for index, text in enumerate(TRICKY_TEXT):
        card = cards[index % len(cards)]
        card.title = text
        card.description = text + "\n" + text
        bundle.map.scenario += text
    bundle.map.title = "<b>&amp;</b> \"quoted\" 'single' \u65c5\u7a0b \U0001f680\nsecond line"
    text = dump_map(bundle)
    assert parse(text).bundles == [bundle]
    # Written as UTF-8 characters, not \u escapes; markup is not escaped either.
    assert "\u65c5\u7a0b \U0001f680" in text
    assert "<b>&amp;</b>" in text


def test_dates_and_nones_survive() -> None:
    bundle = small_map()
    bundle.map.last_reviewed = date(2024, 2, 29)
    bundle.map.next_review = None
    card = next(iter(bundle.cards.values()))
    card.channel = Channel.IN_PERSON
    card.pain_severity = 0
    card.pain_volume = None
    parsed = parse(dump_map(bundle)).bundles[0]
    assert parsed.map.last_reviewed == date(2024, 2, 29)
    assert parsed.map.next_review is None
    again = parsed.cards[card.id]
    assert again.channel is Channel.IN_PERSON
    assert again.pain_severity == 0
    assert again.pain_volume is None
    assert json.loads(dump_map(bundle))["map"]["last_reviewed"] == "2024-02-29"


def test_an_older_file_without_optional_fields_loads_with_defaults() -> None:
    bundle = small_map("Old file")
    document = json.loads(dump_map(bundle))
    for step in document["steps"]:
        del step["duration"]
    for card in document["cards"]:
        del card["colour"]
        del card["pain_persistence"]
        del card["map_id"]
    del document["map"]["created"]
    del document["map"]["emotion_scale"]["minimum"]
    del document["map"]["emotion_scale"]["maximum"]
    del document["comments"]
    del document["generator"]
    parsed = parse(json.dumps(document)).bundles[0]
    assert all(step.duration == "" for step in parsed.steps.values())
    assert all(card.colour == "" for card in parsed.cards.values())
    assert all(card.pain_persistence is None for card in parsed.cards.values())
    assert all(card.map_id == bundle.map.id for card in parsed.cards.values())
    assert (parsed.map.emotion_scale.minimum, parsed.map.emotion_scale.maximum) == (-2, 2)
    assert parsed == bundle


def test_a_byte_order_mark_is_ignored() -> None:
    bundle = small_map()
    assert parse("\ufeff" + dump_map(bundle)).bundles == [bundle]


def test_a_whole_number_is_accepted_where_a_number_is_expected() -> None:
    bundle = small_map()
    opportunity = Opportunity(map_id=bundle.map.id, title="Faster refunds", effort=2.0)
    bundle.add(opportunity)
    document = json.loads(dump_map(bundle))
    document["opportunities"][0]["effort"] = 2
    document["opportunities"][0]["confidence"] = 1
    parsed = parse(json.dumps(document)).bundles[0].opportunities[opportunity.id]
    assert parsed.effort == 2.0 and isinstance(parsed.effort, float)
    assert parsed.confidence == 1.0 and isinstance(parsed.confidence, float)
