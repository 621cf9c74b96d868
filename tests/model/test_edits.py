"""Compound edits keep every rule and take everything that depends on an entity."""

from __future__ import annotations

from jmapper.model import edits
from jmapper.model.changes import ChangeSet
from jmapper.model.entities import Card, CardLink, MetricDefinition, MetricValue, Opportunity
from jmapper.model.enums import MetricScope
from jmapper.model.invariants import check_bundle, check_changes
from tests.builders import card_titled, lane_named, small_map, stage_named, step_named


def run(bundle, changeset: ChangeSet) -> None:
    bundle.apply(changeset.changes)
    check_changes(bundle, changeset.changes)
    check_bundle(bundle)


def test_removing_a_stage_removes_its_steps_cards_points_and_links():
    bundle = small_map()
    before = stage_named(bundle, "Before")
    during = stage_named(bundle, "During")
    search = step_named(bundle, "Search")
    run(bundle, edits.set_emotion(bundle, before.id, search.id, 1))
    run(bundle, edits.set_emotion(bundle, during.id, None, -1))
    web = card_titled(bundle, "Search the web")
    call = card_titled(bundle, "Call the helpline")
    run(bundle, edits.link_cards(bundle, web.id, call.id)[0])
    opp = Opportunity(
        map_id=bundle.map.id, title="Fix search", pain_card_ids=[web.id], step_ids=[search.id]
    )
    run(bundle, edits.add_entity(bundle, opp))
    original = bundle.copy()

    changeset = edits.remove_stage(bundle, before.id)
    run(bundle, changeset)

    assert [s.name for s in bundle.ordered_stages()] == ["During"]
    assert bundle.ordered_stages()[0].position == 0
    assert not bundle.steps
    assert [c.title for c in bundle.cards.values()] == ["Call the helpline"]
    assert len(bundle.emotion_points) == 1
    assert not bundle.card_links
    assert bundle.opportunities[opp.id].pain_card_ids == []
    assert bundle.opportunities[opp.id].step_ids == []
    # Undoing the change set restores the map exactly.
    bundle.apply(changeset.inverted().changes)
    assert bundle == original


def test_removing_a_step_trims_spans_that_cross_it():
    bundle = small_map()
    spanning = card_titled(bundle, "Comparison site")  # Search + Compare
    run(bundle, edits.remove_step(bundle, step_named(bundle, "Compare").id))
    assert bundle.cards[spanning.id].span == 1


def test_first_step_of_a_stepless_stage_adopts_its_cards():
    bundle = small_map()
    during = stage_named(bundle, "During")
    call = card_titled(bundle, "Call the helpline")
    changeset, step = edits.add_step(bundle, during.id, "Dial")
    run(bundle, changeset)
    assert bundle.cards[call.id].step_id == step.id
    # The stage's one implicit column is now its first step: still three columns.
    assert [c.step_id for c in bundle.columns()][-1] == step.id
    assert len(bundle.columns()) == 3


def test_moving_cards_renumbers_both_cells():
    bundle = small_map()
    web = card_titled(bundle, "Search the web")
    friend = card_titled(bundle, "Ask a friend")
    during = stage_named(bundle, "During")
    actions = lane_named(bundle, "Actions")
    run(bundle, edits.move_cards(bundle, [web.id], actions.id, during.id, None, position=0))
    assert bundle.cards[friend.id].position == 0
    cell = bundle.cards_in_cell(actions.id, during.id, None)
    assert [c.title for c in cell] == ["Search the web", "Call the helpline"]
    assert [c.position for c in cell] == [0, 1]


def test_moving_a_spanning_card_to_the_last_column_shrinks_its_span():
    bundle = small_map()
    spanning = card_titled(bundle, "Comparison site")
    during = stage_named(bundle, "During")
    run(bundle, edits.move_cards(bundle, [spanning.id], spanning.lane_id, during.id, None))
    assert bundle.cards[spanning.id].span == 1


def test_reorder_stage_and_lane():
    bundle = small_map()
    run(bundle, edits.reorder(bundle, "stage", stage_named(bundle, "During").id, 0))
    assert [s.name for s in bundle.ordered_stages()] == ["During", "Before"]
    assert [c.stage_id for c in bundle.columns()][0] == stage_named(bundle, "During").id
    run(bundle, edits.reorder(bundle, "lane", lane_named(bundle, "Emotions").id, 0))
    assert [lane.name for lane in bundle.ordered_lanes()] == ["Emotions", "Actions", "Touchpoints"]


def test_duplicate_and_paste_make_fresh_ids_in_place():
    bundle = small_map()
    friend = card_titled(bundle, "Ask a friend")
    changeset, copies = edits.duplicate_cards(bundle, [friend.id])
    run(bundle, changeset)
    assert copies[0].id != friend.id
    cell = bundle.cards_in_cell(friend.lane_id, friend.stage_id, friend.step_id)
    assert [c.title for c in cell] == ["Search the web", "Ask a friend", "Ask a friend"]
    other = small_map("Other")
    target_lane = lane_named(other, "Touchpoints")
    during = stage_named(other, "During")
    changeset, pasted = edits.paste_cards(other, [friend], target_lane.id, during.id, None)
    run(other, changeset)
    assert pasted[0].map_id == other.map.id and pasted[0].id not in bundle.cards


def test_setting_emotion_twice_updates_one_point_and_merges():
    bundle = small_map()
    during = stage_named(bundle, "During")
    first = edits.set_emotion(bundle, during.id, None, 1)
    run(bundle, first)
    second = edits.set_emotion(bundle, during.id, None, 2)
    run(bundle, second)
    assert len(bundle.emotion_points) == 1
    assert first.merge_key == second.merge_key
    merged = first.merged_with(second)
    assert len(merged.changes) == 1
    assert merged.changes[0].before is None and merged.changes[0].after.value == 2


def test_removing_a_card_removes_its_metric_values_and_arrows():
    bundle = small_map()
    web = card_titled(bundle, "Search the web")
    friend = card_titled(bundle, "Ask a friend")
    metric = MetricDefinition(map_id=bundle.map.id, name="Clicks")
    value = MetricValue(
        map_id=bundle.map.id,
        metric_id=metric.id,
        scope=MetricScope.CARD,
        scope_id=web.id,
        value=3.0,
    )
    run(bundle, edits.add_entity(bundle, metric))
    run(bundle, edits.add_entity(bundle, value))
    link = CardLink(map_id=bundle.map.id, source_card_id=web.id, target_card_id=friend.id)
    run(bundle, edits.add_entity(bundle, link))
    run(bundle, edits.remove_cards(bundle, [web.id]))
    assert not bundle.metric_values and not bundle.card_links
    assert bundle.cards[friend.id].position == 0


def test_diff_bundles_turns_one_map_into_another():
    bundle = small_map()
    target = bundle.copy()
    run(target, edits.remove_stage(target, stage_named(target, "Before").id))
    run(
        target,
        edits.add_card(
            target,
            Card(
                map_id=target.map.id,
                lane_id=lane_named(target, "Emotions").id,
                stage_id=stage_named(target, "During").id,
                title="New",
            ),
        ),
    )
    changeset = edits.diff_bundles(bundle, target, "Restore")
    run(bundle, changeset)
    assert bundle == target


def test_changing_the_scale_carries_values_across_and_undoes():
    from jmapper.model.entities import EmotionScale
    from jmapper.model.enums import EmotionScaleKind

    bundle = small_map()
    during = stage_named(bundle, "During")
    search = step_named(bundle, "Search")
    compare = step_named(bundle, "Compare")
    run(bundle, edits.set_emotion(bundle, during.id, None, -2))
    run(bundle, edits.set_emotion(bundle, search.stage_id, search.id, 0))
    run(bundle, edits.set_emotion(bundle, compare.stage_id, compare.id, 2))
    original = bundle.copy()
    changeset = edits.change_emotion_scale(
        bundle, EmotionScale.preset(EmotionScaleKind.ONE_TO_FIVE)
    )
    run(bundle, changeset)
    values = sorted(p.value for p in bundle.emotion_points.values())
    assert values == [1, 3, 5]
    assert bundle.map.emotion_scale.minimum == 1
    bundle.apply(changeset.inverted().changes)
    assert bundle == original
