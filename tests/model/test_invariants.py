"""The model's rules, each broken once, each with the sentence the user sees."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jmapper.model import edits
from jmapper.model.changes import EntityChange
from jmapper.model.entities import CardLink, EmotionPoint, EmotionScale, Lane, Opportunity
from jmapper.model.enums import BlueprintZone, EmotionScaleKind, LaneKind
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_bundle, check_changes, check_scale
from tests.builders import blueprint_map, card_titled, lane_named, small_map, stage_named


def apply_and_check(bundle, changeset, **kwargs):
    bundle.apply(changeset.changes)
    check_changes(bundle, changeset.changes, **kwargs)


def test_hand_built_maps_are_valid():
    check_bundle(small_map())
    check_bundle(blueprint_map())


def test_span_past_last_column_is_refused():
    bundle = small_map()
    card = card_titled(bundle, "Comparison site")  # starts at column 0
    changeset = edits.set_span(bundle, card.id, 4)
    with pytest.raises(DomainError, match="cannot span past the last step"):
        apply_and_check(bundle, changeset)


def test_span_up_to_last_column_is_fine():
    bundle = small_map()
    card = card_titled(bundle, "Comparison site")
    apply_and_check(bundle, edits.set_span(bundle, card.id, 3))


def test_card_on_a_stepless_stage_needs_no_step_but_a_stepped_stage_does():
    bundle = small_map()
    card = card_titled(bundle, "Search the web")
    moved = replace(card, step_id=None)
    change = EntityChange("card", card.id, card, moved)
    bundle.apply([change])
    with pytest.raises(DomainError, match="placed on one of its stage's steps"):
        check_changes(bundle, [change])


@pytest.mark.parametrize("value", [-3, 3])
def test_emotion_outside_scale_is_refused(value):
    bundle = small_map()
    stage = stage_named(bundle, "During")
    with pytest.raises(DomainError, match=r"must lie on the map's scale \(-2 to 2\)"):
        apply_and_check(bundle, edits.set_emotion(bundle, stage.id, None, value))


def test_changing_the_scale_is_refused_while_values_fall_outside_it():
    bundle = small_map()
    stage = stage_named(bundle, "During")
    apply_and_check(bundle, edits.set_emotion(bundle, stage.id, None, -2))
    scale = EmotionScale.preset(EmotionScaleKind.ONE_TO_FIVE)
    with pytest.raises(DomainError, match="must lie on the map's scale"):
        apply_and_check(
            bundle, edits.edit_fields(bundle, "map", bundle.map.id, emotion_scale=scale)
        )


def test_scale_presets_and_custom_bounds():
    check_scale(EmotionScale.preset(EmotionScaleKind.ZERO_TO_FIVE))
    check_scale(EmotionScale(EmotionScaleKind.CUSTOM, 1, 7, [str(i) for i in range(1, 8)]))
    with pytest.raises(DomainError, match="choose 'custom'"):
        check_scale(EmotionScale(EmotionScaleKind.ONE_TO_FIVE, 1, 7))
    with pytest.raises(DomainError, match="maximum above its minimum"):
        check_scale(EmotionScale(EmotionScaleKind.CUSTOM, 3, 3))
    with pytest.raises(DomainError, match="labels must name every point"):
        check_scale(EmotionScale(EmotionScaleKind.CUSTOM, 1, 3, ["low", "high"]))


def test_stage_positions_must_stay_contiguous():
    bundle = small_map()
    stage = stage_named(bundle, "During")
    with pytest.raises(DomainError, match="stages are out of order"):
        apply_and_check(bundle, edits.edit_fields(bundle, "stage", stage.id, position=5))


def test_frontstage_lane_below_line_of_visibility_needs_the_users_say_so():
    bundle = blueprint_map()
    front = lane_named(bundle, "Frontstage")
    # the first lane on the wrong side, top to bottom: Backstage, moved up by the swap
    sentence = (
        "The backstage lane \u201cBackstage\u201d would sit above the line of visibility; "
        "drag that line above the lane (or select it and press Alt+Up), or change the lane's "
        "zone in the inspector."
    )
    with pytest.raises(DomainError) as refused:
        apply_and_check(bundle, edits.reorder(bundle, "lane", front.id, 3))
    assert str(refused.value) == sentence
    bundle = blueprint_map()
    front = lane_named(bundle, "Frontstage")
    apply_and_check(bundle, edits.reorder(bundle, "lane", front.id, 3), allow_zone_override=True)


def test_a_lane_confirmed_onto_the_wrong_side_leaves_other_lanes_editable():
    bundle = blueprint_map()
    front = lane_named(bundle, "Frontstage")
    apply_and_check(bundle, edits.reorder(bundle, "lane", front.id, 3), allow_zone_override=True)
    # renaming, hiding and showing a lane move nothing across a line: allowed
    support = lane_named(bundle, "Support processes")
    apply_and_check(bundle, edits.edit_fields(bundle, "lane", support.id, name="Systems"))
    apply_and_check(bundle, edits.edit_fields(bundle, "lane", support.id, visible=False))
    apply_and_check(bundle, edits.edit_fields(bundle, "lane", support.id, visible=True))
    assert bundle.lanes[support.id].name == "Systems" and bundle.lanes[support.id].visible
    # changing a zone is still checked
    with pytest.raises(DomainError, match="would sit .* the line of"):
        apply_and_check(
            bundle, edits.edit_fields(bundle, "lane", support.id, zone=BlueprintZone.BACKSTAGE)
        )


def test_blueprint_lines_must_keep_their_order():
    bundle = blueprint_map()
    lines = {line.kind.value: line for line in bundle.blueprint_lines.values()}
    changeset = edits.edit_fields(bundle, "blueprint_line", lines["interaction"].id, position=4)
    with pytest.raises(DomainError) as refused:
        apply_and_check(bundle, changeset)
    # the pair is named: the line now above the other must stay below it
    assert str(refused.value) == "The line of interaction must stay above the line of visibility."


def test_inserting_a_lane_above_the_lines_moves_the_lines_down():
    bundle = blueprint_map()
    lane = Lane(map_id=bundle.map.id, name="Emotions", kind=LaneKind.EMOTIONS, position=0)
    changeset = edits.add_lane(bundle, lane)
    apply_and_check(bundle, changeset)
    positions = sorted(line.position for line in bundle.blueprint_lines.values())
    assert positions == [3, 4, 5]


def test_adding_a_backstage_lane_above_the_interaction_line_is_refused():
    bundle = blueprint_map()
    lane = Lane(map_id=bundle.map.id, name="Back", zone=BlueprintZone.BACKSTAGE, position=0)
    with pytest.raises(DomainError, match="backstage lane \u201cBack\u201d"):
        apply_and_check(bundle, edits.add_lane(bundle, lane))


def test_arrow_needs_two_distinct_cards():
    bundle = small_map()
    card = card_titled(bundle, "Ask a friend")
    link = CardLink(map_id=bundle.map.id, source_card_id=card.id, target_card_id=card.id)
    change = EntityChange("card_link", link.id, None, link)
    bundle.apply([change])
    with pytest.raises(DomainError, match="cannot join a card to itself"):
        check_changes(bundle, [change])


def test_opportunity_ratings_are_bounded():
    bundle = small_map()
    opp = Opportunity(map_id=bundle.map.id, title="Tell people the wait", impact=6)
    change = EntityChange("opportunity", opp.id, None, opp)
    bundle.apply([change])
    with pytest.raises(DomainError, match="impact is rated from 1 to 5"):
        check_changes(bundle, [change])


def test_deleting_a_lane_that_still_holds_cards_is_refused_at_the_check():
    bundle = small_map()
    lane = lane_named(bundle, "Actions")
    change = EntityChange("lane", lane.id, lane, None)
    bundle.apply([change])
    with pytest.raises(DomainError, match="still used by a card"):
        check_changes(bundle, [change])


def test_emotion_point_for_unknown_persona_is_refused():
    bundle = small_map()
    stage = stage_named(bundle, "During")
    point = EmotionPoint(map_id=bundle.map.id, stage_id=stage.id, persona_id="nobody", value=1)
    change = EntityChange("emotion_point", point.id, None, point)
    bundle.apply([change])
    with pytest.raises(DomainError, match="persona that is not in the library"):
        check_changes(bundle, [change])


def test_map_needs_a_title_and_at_most_four_overlays():
    bundle = small_map()
    with pytest.raises(DomainError, match="needs a title"):
        apply_and_check(bundle, edits.edit_fields(bundle, "map", bundle.map.id, title="  "))
    bundle = small_map()
    overlays = [f"p{i}" for i in range(5)]
    with pytest.raises(DomainError, match="at most 4 personas"):
        apply_and_check(
            bundle, edits.edit_fields(bundle, "map", bundle.map.id, overlay_persona_ids=overlays)
        )
