"""New maps from every type, and derived / duplicated maps keep references whole."""

from __future__ import annotations

import dataclasses

import pytest

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import CHILD_KINDS, Persona
from jmapper.model.enums import (
    BlueprintLineKind,
    EmotionSeries,
    LaneKind,
    MapStatus,
    MapType,
    MetricRole,
)
from jmapper.model.errors import DomainError
from jmapper.model.invariants import check_blueprint_lines, check_bundle
from jmapper.templates import (
    MAP_TYPES,
    STAGE_PRESETS,
    build_sample,
    derive_future_state,
    duplicate_map,
    new_map,
)

K = LaneKind
EXPECTED_LANES = {
    MapType.CURRENT_STATE: [
        K.CUSTOMER_ACTIONS,
        K.TOUCHPOINTS,
        K.THOUGHTS,
        K.EMOTIONS,
        K.PAIN_POINTS,
        K.OPPORTUNITIES,
    ],
    MapType.FUTURE_STATE: [
        K.CUSTOMER_ACTIONS,
        K.TOUCHPOINTS,
        K.THOUGHTS,
        K.EMOTIONS,
        K.PAIN_POINTS,
        K.OPPORTUNITIES,
    ],
    MapType.DAY_IN_THE_LIFE: [
        K.CUSTOMER_ACTIONS,
        K.CONTEXT,
        K.OTHER_PROVIDERS,
        K.THOUGHTS,
        K.EMOTIONS,
        K.UNMET_NEEDS,
        K.OPPORTUNITIES,
    ],
    MapType.SERVICE_BLUEPRINT: [
        K.PHYSICAL_EVIDENCE,
        K.CUSTOMER_ACTIONS,
        K.FRONTSTAGE,
        K.BACKSTAGE,
        K.SUPPORT_PROCESSES,
    ],
    MapType.BUYERS_JOURNEY: [
        K.BUYER_QUESTIONS,
        K.CUSTOMER_ACTIONS,
        K.TOUCHPOINTS,
        K.THOUGHTS,
        K.EMOTIONS,
        K.BARRIERS,
        K.OPPORTUNITIES,
        K.METRICS,
    ],
}


def test_every_map_type_has_a_template() -> None:
    assert set(MAP_TYPES) == set(MapType)
    for info in MAP_TYPES.values():
        assert info.purpose
        assert info.default_stage_preset in STAGE_PRESETS


@pytest.mark.parametrize("map_type", list(MapType))
def test_new_map_is_valid_with_domain_lanes_in_order(map_type: MapType) -> None:
    bundle = new_map("My map", map_type)
    check_bundle(bundle)
    check_blueprint_lines(bundle)  # without the user's override
    assert [lane.kind for lane in bundle.ordered_lanes()] == EXPECTED_LANES[map_type]
    assert [lane.position for lane in bundle.ordered_lanes()] == list(range(len(bundle.lanes)))
    stages = bundle.ordered_stages()
    assert [s.position for s in stages] == list(range(len(stages)))
    preset = STAGE_PRESETS[MAP_TYPES[map_type].default_stage_preset]
    assert [s.name for s in stages] == list(preset.stages)
    assert bundle.map.map_type is map_type
    assert all(lane.map_id == bundle.map.id for lane in bundle.lanes.values())
    if map_type is not MapType.SERVICE_BLUEPRINT:
        assert not bundle.blueprint_lines


def test_blueprint_lines_sit_between_the_right_lanes() -> None:
    bundle = new_map("Blueprint", MapType.SERVICE_BLUEPRINT)
    lanes = bundle.ordered_lanes()
    lines = bundle.ordered_lines()
    assert [line.kind for line in lines] == [
        BlueprintLineKind.INTERACTION,
        BlueprintLineKind.VISIBILITY,
        BlueprintLineKind.INTERNAL_INTERACTION,
    ]
    above = {line.kind: lanes[line.position - 1].kind for line in lines}
    below = {line.kind: lanes[line.position].kind for line in lines}
    assert above[BlueprintLineKind.INTERACTION] is K.CUSTOMER_ACTIONS
    assert below[BlueprintLineKind.INTERACTION] is K.FRONTSTAGE
    assert above[BlueprintLineKind.VISIBILITY] is K.FRONTSTAGE
    assert below[BlueprintLineKind.VISIBILITY] is K.BACKSTAGE
    assert above[BlueprintLineKind.INTERNAL_INTERACTION] is K.BACKSTAGE
    assert below[BlueprintLineKind.INTERNAL_INTERACTION] is K.SUPPORT_PROCESSES
    assert all(line.label for line in lines)


@pytest.mark.parametrize("key", list(STAGE_PRESETS))
def test_stage_presets_make_contiguous_stages(key: str) -> None:
    bundle = new_map("Preset", stage_preset=key)
    check_bundle(bundle)
    assert [s.name for s in bundle.ordered_stages()] == list(STAGE_PRESETS[key].stages)


def test_presets_named_in_the_domain() -> None:
    assert STAGE_PRESETS["support_interaction"].stages == (
        "Pre-contact",
        "Contact initiation",
        "During the interaction",
        "Post-contact",
    )
    assert STAGE_PRESETS["short_lifecycle"].stages == (
        "Awareness",
        "Consideration",
        "Purchase",
        "Retention",
        "Loyalty",
    )
    assert len(STAGE_PRESETS["lifecycle"].stages) == 7
    assert STAGE_PRESETS["buyers_journey"].stages == ("Awareness", "Consideration", "Decision")
    assert STAGE_PRESETS["day_in_the_life"].stages[0] == "Morning"


def test_new_map_with_persona_and_bad_input() -> None:
    persona = Persona(name="Ana")
    bundle = new_map("  Trimmed  ", persona=persona)
    assert bundle.map.title == "Trimmed"
    assert bundle.map.primary_persona_id == persona.id
    assert bundle.personas[persona.id] is persona
    check_bundle(bundle)
    with pytest.raises(DomainError):
        new_map("   ")
    with pytest.raises(DomainError, match="stage preset"):
        new_map("x", stage_preset="nope")


def _all_ids(bundle: MapBundle) -> set[str]:
    ids = {bundle.map.id}
    for kind in CHILD_KINDS:
        ids |= set(bundle.collection(kind))
    return ids


def _references(bundle: MapBundle) -> set[str]:
    """Every id a map-owned entity refers to (personas aside)."""
    refs: set[str] = set()
    for kind in CHILD_KINDS:
        for entity in bundle.collection(kind).values():
            for f in dataclasses.fields(entity):
                if f.name in ("id", "persona_id"):
                    continue
                value = getattr(entity, f.name)
                if f.name.endswith("_id") and isinstance(value, str):
                    refs.add(value)
                if f.name.endswith("_ids"):
                    refs |= set(value)
    return refs


@pytest.fixture(scope="module")
def source() -> MapBundle:
    return build_sample("support_request")


def test_derive_future_state_remaps_every_id(source: MapBundle) -> None:
    derived = derive_future_state(source)
    check_bundle(derived)
    assert not _all_ids(source) & _all_ids(derived)
    assert _references(derived) <= _all_ids(derived)
    assert derived.map.map_type is MapType.FUTURE_STATE
    assert derived.map.derived_from_id == source.map.id
    assert derived.map.title.endswith("(future state)")
    assert derived.map.status is MapStatus.DRAFT
    assert derived.personas == source.personas  # library entities are shared, not cloned
    for kind in (
        "stage",
        "step",
        "lane",
        "card",
        "card_link",
        "moment_of_truth",
        "metric_definition",
    ):
        assert len(derived.collection(kind)) == len(source.collection(kind)), kind
    assert not derived.opportunities
    assert not derived.comments
    assert not any(v.role is MetricRole.ACTUAL for v in derived.metric_values.values())


def test_derive_future_state_keeps_structure_and_links(source: MapBundle) -> None:
    derived = derive_future_state(source, "To-be")
    assert derived.map.title == "To-be"
    names = [
        (s.name, [st.name for st in source.ordered_steps(s.id)]) for s in source.ordered_stages()
    ]
    assert names == [
        (s.name, [st.name for st in derived.ordered_steps(s.id)]) for s in derived.ordered_stages()
    ]

    def link_titles(b: MapBundle) -> set[tuple[str, str]]:
        return {
            (b.cards[x.source_card_id].title, b.cards[x.target_card_id].title)
            for x in b.card_links.values()
        }

    assert link_titles(derived) == link_titles(source)

    def place(b: MapBundle, card_id: str) -> tuple[int, str]:
        card = b.cards[card_id]
        column = b.column_of(card.stage_id, card.step_id)
        assert column is not None
        return column.index, b.lanes[card.lane_id].name

    assert sorted(place(source, c) for c in source.cards) == sorted(
        place(derived, c) for c in derived.cards
    )


def test_derive_future_state_copies_as_is_and_adds_to_be(source: MapBundle) -> None:
    derived = derive_future_state(source)
    as_is_source = sorted(
        (p.persona_id or "", p.value)
        for p in source.emotion_points.values()
        if p.series is EmotionSeries.AS_IS
    )
    for series in (EmotionSeries.AS_IS, EmotionSeries.TO_BE):
        got = sorted(
            (p.persona_id or "", p.value)
            for p in derived.emotion_points.values()
            if p.series is series
        )
        assert got == as_is_source


def test_derive_from_a_blueprint_keeps_lines() -> None:
    blueprint = build_sample("support_blueprint")
    derived = derive_future_state(blueprint)
    check_bundle(derived)
    check_blueprint_lines(derived)
    assert [(x.kind, x.position) for x in derived.ordered_lines()] == [
        (x.kind, x.position) for x in blueprint.ordered_lines()
    ]
    assert len(derived.card_links) == len(blueprint.card_links)


def test_duplicate_map_copies_everything_with_new_ids(source: MapBundle) -> None:
    copy = duplicate_map(source, "Copy")
    check_bundle(copy)
    assert not _all_ids(source) & _all_ids(copy)
    assert _references(copy) <= _all_ids(copy)
    assert copy.map.map_type is source.map.map_type
    assert copy.map.derived_from_id is None
    assert copy.map.title == "Copy"
    for kind in CHILD_KINDS:
        assert len(copy.collection(kind)) == len(source.collection(kind)), kind
    # The copy is independent of its source.
    next(iter(copy.cards.values())).title = "changed"
    assert "changed" not in {c.title for c in source.cards.values()}
    with pytest.raises(DomainError):
        duplicate_map(source, "")
