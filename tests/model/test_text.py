"""The one text normaliser and the boundaries where text enters the model."""

from __future__ import annotations

import json

import pytest

from jmapper.interchange.json_format import dump_map, parse
from jmapper.model import edits
from jmapper.model.entities import Card
from jmapper.model.text import clean_bundle, clean_text, clean_value
from tests.builders import card_titled, lane_named, small_map, stage_named

DIRTY = "a\x00b\x01c\x08d\x0be\x0cf\x1bg\x1fh\ufffei\uffffj"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (DIRTY, "abcdefghij"),
        ("keeps\ttabs\nand newlines", "keeps\ttabs\nand newlines"),
        ("windows\r\nline\rmac", "windows\nline\nmac"),
        ("Café 日本 \u2013 \U0001f600", "Café 日本 \u2013 \U0001f600"),
        ("\x7f and \x85 are not C0", "\x7f and \x85 are not C0"),
        ("", ""),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


def test_clean_values_keep_their_identity():
    card = Card(title="Fine", description="also fine")
    assert clean_value(card) is card
    words = ["one", "two"]
    assert clean_value(words) is words
    bundle = small_map()
    assert clean_bundle(bundle) is bundle


def test_clean_value_reaches_lists_dicts_and_nested_dataclasses():
    bundle = small_map("Map\x00")
    persona = next(iter(bundle.personas.values()))
    bundle.personas[persona.id] = type(persona)(
        id=persona.id, name="P\x01", goals=["g\x02"], pain_points=["ok"]
    )
    cleaned = clean_bundle(bundle)
    assert cleaned is not bundle
    assert cleaned.map.title == "Map"
    assert cleaned.personas[persona.id].name == "P"
    assert cleaned.personas[persona.id].goals == ["g"]
    assert bundle.map.title == "Map\x00", "the original is not changed"


def test_every_edit_records_clean_text():
    bundle = small_map()
    card = card_titled(bundle, next(iter(bundle.cards.values())).title)
    change = edits.edit_fields(bundle, "card", card.id, title="New\x00 title", description="x\x1b")
    (entity_change,) = change.changes
    assert entity_change.after.title == "New title" and entity_change.after.description == "x"
    lane = lane_named(bundle, "Actions")
    stage = stage_named(bundle, "During")
    added = edits.add_card(
        bundle, Card(map_id=bundle.map.id, lane_id=lane.id, stage_id=stage.id, title="A\x07dd")
    )
    assert [c.after.title for c in added.changes if c.kind == "card"] == ["Add"]
    stage_change, _ = edits.add_stage(bundle, "Sta\x00ge")
    assert [
        c.after.name for c in stage_change.changes if c.kind == "stage" and c.before is None
    ] == ["Stage"]


def test_imported_text_is_clean():
    bundle = small_map()
    document = json.loads(dump_map(bundle))
    document["map"]["title"] = "Imported\x00 map\r\nsecond line"
    document["cards"][0]["title"] = "Card\x01"
    document["personas"][0]["goals"] = ["goal\x02"]
    parsed = parse(json.dumps(document))
    (read,) = parsed.bundles
    assert read.map.title == "Imported map\nsecond line"
    assert any(c.title == "Card" for c in read.cards.values())
    assert parsed.personas[0].goals == ["goal"]


def test_a_new_map_title_is_clean():
    from jmapper.services.library import build_map

    assert build_map("New\x00 map\x1b").map.title == "New map"
    assert build_map("Copy\x01", from_sample="support_request").map.title == "Copy"
