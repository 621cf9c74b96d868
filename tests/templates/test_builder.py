"""The map builder keeps positions and blueprint lines right; touchpoint templates make cards."""

from __future__ import annotations

import pytest

from jmapper.model.entities import Persona
from jmapper.model.enums import LaneKind, MapType
from jmapper.model.invariants import check_blueprint_lines, check_bundle
from jmapper.templates import CONTACT_CENTRE_TOUCHPOINTS, MapBuilder, new_map


def test_insert_lane_on_top_moves_blueprint_lines() -> None:
    bundle = new_map("Blueprint", MapType.SERVICE_BLUEPRINT)
    before = [line.position for line in bundle.ordered_lines()]
    MapBuilder(bundle).insert_lane(0, "Customer emotion", LaneKind.EMOTIONS)
    assert [line.position for line in bundle.ordered_lines()] == [p + 1 for p in before]
    check_bundle(bundle)
    check_blueprint_lines(bundle)


def test_replace_stages_only_before_content() -> None:
    bundle = new_map("Map")
    builder = MapBuilder(bundle)
    stages = builder.replace_stages("One", "Two")
    assert [s.name for s in bundle.ordered_stages()] == ["One", "Two"]
    builder.step(stages[0], "First")
    with pytest.raises(ValueError):
        builder.replace_stages("Three")


def test_cards_stack_in_their_cell_and_emotions_need_every_column() -> None:
    bundle = new_map("Map", stage_preset="support_interaction")
    builder = MapBuilder(bundle)
    stage = builder.stage("Pre-contact")
    first = builder.card(LaneKind.TOUCHPOINTS, stage, "A")
    second = builder.card(LaneKind.TOUCHPOINTS, stage, "B")
    assert (first.position, second.position) == (0, 1)
    with pytest.raises(ValueError):
        builder.emotions(Persona(name="P"), [0])
    check_bundle(bundle)


def test_touchpoint_templates_make_cards() -> None:
    bundle = new_map("Support", stage_preset="support_interaction")
    builder = MapBuilder(bundle)
    lane = builder.lane(LaneKind.TOUCHPOINTS)
    assert len(CONTACT_CENTRE_TOUCHPOINTS) == 7
    for template in CONTACT_CENTRE_TOUCHPOINTS.values():
        stage = builder.stage(template.stage)
        card = template.to_card(bundle.map.id, lane.id, stage.id)
        bundle.add(card)
        assert card.channel is template.channel
    check_bundle(bundle)
