"""Every sample map is valid and carries the content a CX consultant would expect."""

from __future__ import annotations

import json

import pytest

from jmapper.analysis.metrics import computed_value, responses
from jmapper.model.bundle import MapBundle
from jmapper.model.codec import from_dict, to_dict
from jmapper.model.enums import (
    BlueprintZone,
    CsatMode,
    EmotionSeries,
    LaneKind,
    LinkDirection,
    MapType,
    MetricKind,
    MetricRole,
)
from jmapper.model.invariants import check_blueprint_lines, check_bundle
from jmapper.templates import (
    CONTACT_CENTRE_TOUCHPOINTS,
    SAMPLES,
    build_sample,
    build_samples,
    describe_templates,
)


@pytest.fixture(scope="module")
def samples() -> dict[str, MapBundle]:
    return dict(zip(SAMPLES, build_samples(), strict=True))


def test_at_least_five_samples_with_distinct_titles(samples: dict[str, MapBundle]) -> None:
    assert len(samples) >= 5
    assert len({b.map.title for b in samples.values()}) == len(samples)
    for key, bundle in samples.items():
        assert bundle.map.map_type is SAMPLES[key].map_type
        assert bundle.map.title == SAMPLES[key].title


@pytest.mark.parametrize("key", list(SAMPLES))
def test_each_sample_builds_alone_and_passes_check_bundle(key: str) -> None:
    bundle = build_sample(key)
    check_bundle(bundle)
    check_blueprint_lines(bundle)


def test_builds_are_deterministic_in_content() -> None:
    def content(bundle: MapBundle) -> list[str]:
        return sorted(c.title + c.description for c in bundle.cards.values())

    first, second = build_samples(), build_samples()
    assert [content(b) for b in first] == [content(b) for b in second]


def test_unknown_sample_key() -> None:
    with pytest.raises(ValueError, match="no sample"):
        build_sample("nope")


def test_personas_are_shared_objects(samples: dict[str, MapBundle]) -> None:
    support = samples["support_request"]
    dana_id = support.map.primary_persona_id
    assert dana_id is not None
    for key in ("support_request_future", "support_blueprint"):
        assert samples[key].map.primary_persona_id == dana_id
        assert samples[key].personas[dana_id] is support.personas[dana_id]


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_map_fields(samples: dict[str, MapBundle], key: str) -> None:
    bundle = samples[key]
    check_bundle(bundle)
    m = bundle.map
    for name in (
        "scenario",
        "expectations",
        "goal",
        "scope_start",
        "scope_end",
        "version_label",
        "author",
        "organisation",
    ):
        assert getattr(m, name).strip(), name
    assert m.last_reviewed is not None and m.next_review is not None
    assert m.next_review > m.last_reviewed
    persona = bundle.personas[m.primary_persona_id or ""]
    assert persona.goals and persona.needs and persona.pain_points
    assert persona.quote and persona.colour.startswith("#") and persona.role
    assert persona.research_based
    assert persona.preferred_channels


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_emotions_on_every_column(samples: dict[str, MapBundle], key: str) -> None:
    bundle = samples[key]
    columns = {(c.stage_id, c.step_id) for c in bundle.columns()}
    series = EmotionSeries.TO_BE if key == "support_request_future" else EmotionSeries.AS_IS
    for persona_id in [bundle.map.primary_persona_id, *bundle.map.overlay_persona_ids]:
        placed = {
            (p.stage_id, p.step_id)
            for p in bundle.emotion_points.values()
            if p.persona_id == persona_id and p.series is series
        }
        assert placed == columns, persona_id


def test_some_samples_overlay_a_persona_with_own_values(
    samples: dict[str, MapBundle],
) -> None:
    overlaid = [b for b in samples.values() if b.map.overlay_persona_ids]
    assert len(overlaid) >= 2
    for bundle in overlaid:
        primary, overlay = bundle.map.primary_persona_id, bundle.map.overlay_persona_ids[0]
        curve = {
            pid: [p.value for p in bundle.emotion_points.values() if p.persona_id == pid]
            for pid in (primary, overlay)
        }
        assert curve[primary] != curve[overlay]


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_pain_points(samples: dict[str, MapBundle], key: str) -> None:
    pains = [c for c in samples[key].cards.values() if c.pain_severity is not None]
    assert len(pains) >= 2
    assert all(0 <= c.pain_severity <= 4 for c in pains if c.pain_severity is not None)
    assert any(c.pain_volume and c.pain_volume_period for c in pains)
    assert all(c.evidence_level is not None for c in pains)


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_opportunities(samples: dict[str, MapBundle], key: str) -> None:
    bundle = samples[key]
    opportunities = list(bundle.opportunities.values())
    assert len(opportunities) >= 3
    for opp in opportunities:
        assert opp.owner and opp.metric and opp.due_date is not None, opp.title
        assert opp.baseline and opp.target
        assert opp.impact and opp.feasibility
        assert opp.reach and opp.confidence and opp.effort
        assert opp.pain_card_ids
        assert all(bundle.cards[c].pain_severity is not None for c in opp.pain_card_ids)


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_metrics(samples: dict[str, MapBundle], key: str) -> None:
    bundle = samples[key]
    kinds = {d.kind for d in bundle.metric_definitions.values()}
    assert len(kinds) >= 3
    values = list(bundle.metric_values.values())
    assert {v.role for v in values} == set(MetricRole)
    assert all(v.period and v.value is not None for v in values)
    assert any(v.sample_size for v in values)
    for definition in bundle.metric_definitions.values():
        if definition.kind is MetricKind.CSAT:
            assert definition.csat_mode is not None
        if definition.kind is MetricKind.REPEAT_CONTACT_RATE:
            assert definition.repeat_window_days == 7
    for value in values:
        definition = bundle.metric_definitions[value.metric_id]
        if definition.kind is MetricKind.NPS and value.role is not MetricRole.TARGET:
            counts = value.raw_counts
            total = sum(counts.values())
            expected = 100 * (counts["promoters"] - counts["detractors"]) / total
            assert value.value == pytest.approx(expected, abs=0.05)
            assert value.sample_size == total
        if definition.kind is MetricKind.CSAT and value.role is not MetricRole.TARGET:
            assert set(value.raw_counts) == {"1", "2", "3", "4", "5"}


def test_metric_kinds_across_samples(samples: dict[str, MapBundle]) -> None:
    kinds = {d.kind for b in samples.values() for d in b.metric_definitions.values()}
    assert kinds == set(MetricKind)  # every kind the domain names is in some sample
    modes = {
        d.csat_mode for b in samples.values() for d in b.metric_definitions.values() if d.csat_mode
    }
    assert modes == set(CsatMode)
    raw = [v for b in samples.values() for v in b.metric_values.values() if v.raw_counts]
    assert any("promoters" in v.raw_counts for v in raw)
    assert any("5" in v.raw_counts for v in raw)
    computed_kinds = {
        b.metric_definitions[v.metric_id].kind
        for b in samples.values()
        for v in b.metric_values.values()
        if computed_value(b.metric_definitions[v.metric_id], v) is not None
    }
    formulas = {MetricKind.CSAT, MetricKind.NPS, MetricKind.CES, MetricKind.FCR, MetricKind.AHT}
    assert computed_kinds == formulas | {MetricKind.REPEAT_CONTACT_RATE}


def test_sample_raw_counts_agree_with_the_typed_figures(samples: dict[str, MapBundle]) -> None:
    """A sample's typed value is what its counts give, and its sample size is their total."""
    for bundle in samples.values():
        for value in bundle.metric_values.values():
            definition = bundle.metric_definitions[value.metric_id]
            computed = computed_value(definition, value)
            if computed is None:
                continue
            assert value.value == pytest.approx(computed, abs=0.05), definition.name
            assert value.sample_size == responses(definition, value), definition.name


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_research_and_discussion(samples: dict[str, MapBundle], key: str) -> None:
    bundle = samples[key]
    assert bundle.moments_of_truth
    assert bundle.comments
    cited = {e.target_id for e in bundle.evidence_items.values()}
    for stage in bundle.stages.values():
        assert stage.data_sources, stage.name
        assert stage.id in cited, stage.name


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_cards_are_varied(samples: dict[str, MapBundle], key: str) -> None:
    cards = list(samples[key].cards.values())
    assert len(cards) >= 20
    assert any(len(c.description) > 150 for c in cards)
    assert len({c.channel for c in cards if c.channel is not None}) >= 3
    if samples[key].map.map_type is not MapType.SERVICE_BLUEPRINT:
        thoughts = [c for c in cards if samples[key].lanes[c.lane_id].kind is LaneKind.THOUGHTS]
        assert any(c.quote for c in thoughts)


def test_support_request_uses_the_contact_centre_set(samples: dict[str, MapBundle]) -> None:
    bundle = samples["support_request"]
    assert [s.name for s in bundle.ordered_stages()] == [
        "Pre-contact",
        "Contact initiation",
        "During the interaction",
        "Post-contact",
    ]
    assert bundle.steps
    titles = {c.title: c for c in bundle.cards.values()}
    for template in CONTACT_CENTRE_TOUCHPOINTS.values():
        card = titles[template.title]
        assert card.channel is template.channel
        assert bundle.lanes[card.lane_id].kind is LaneKind.TOUCHPOINTS
        assert bundle.stages[card.stage_id].name == template.stage


def test_loan_application_low_is_the_silence(samples: dict[str, MapBundle]) -> None:
    bundle = samples["loan_application"]
    durations = {s.name: s.duration for s in bundle.steps.values()}
    assert "3-5 days" in durations.values()
    assert all(durations.values())
    gap = next(s for s in bundle.steps.values() if s.duration == "3-5 days")
    primary = bundle.map.primary_persona_id
    values = {p.step_id: p.value for p in bundle.emotion_points.values() if p.persona_id == primary}
    assert values[gap.id] == min(values.values())
    pains = [c for c in bundle.cards.values() if c.step_id == gap.id and c.pain_severity]
    assert pains and pains[0].pain_severity == 4


def test_theme_park_low_is_the_unknown_queue(samples: dict[str, MapBundle]) -> None:
    bundle = samples["theme_park_visit"]
    primary = bundle.map.primary_persona_id
    points = [p for p in bundle.emotion_points.values() if p.persona_id == primary]
    low = min(points, key=lambda p: p.value)
    assert low.step_id is not None
    assert "queue" in bundle.steps[low.step_id].name.lower()
    assert "wait" in bundle.steps[low.step_id].duration


def test_future_state_is_derived_and_improved(samples: dict[str, MapBundle]) -> None:
    source, future = samples["support_request"], samples["support_request_future"]
    assert future.map.map_type is MapType.FUTURE_STATE
    assert future.map.derived_from_id == source.map.id
    primary = future.map.primary_persona_id

    def curve(series: EmotionSeries) -> dict[int, int]:
        out = {}
        for p in future.emotion_points.values():
            if p.persona_id == primary and p.series is series:
                column = future.column_of(p.stage_id, p.step_id)
                assert column is not None
                out[column.index] = p.value
        return out

    as_is, to_be = curve(EmotionSeries.AS_IS), curve(EmotionSeries.TO_BE)
    assert as_is.keys() == to_be.keys()
    assert sum(to_be.values()) > sum(as_is.values())
    assert all(to_be[i] >= as_is[i] for i in as_is)
    source_titles = {c.title for c in source.cards.values()}
    assert {c.title for c in future.cards.values()} - source_titles


def test_blueprint_sample(samples: dict[str, MapBundle]) -> None:
    bundle = samples["support_blueprint"]
    lanes = bundle.ordered_lanes()
    kinds = [lane.kind for lane in lanes]
    for kind in (
        LaneKind.PHYSICAL_EVIDENCE,
        LaneKind.CUSTOMER_ACTIONS,
        LaneKind.FRONTSTAGE,
        LaneKind.BACKSTAGE,
        LaneKind.SUPPORT_PROCESSES,
    ):
        assert kind in kinds
    assert len(bundle.blueprint_lines) == 3
    check_blueprint_lines(bundle)  # no override needed
    failure_points = [c for c in bundle.cards.values() if c.failure_point]
    assert len(failure_points) >= 2
    links = list(bundle.card_links.values())
    assert {link.direction for link in links} == set(LinkDirection)
    interaction = next(x.position for x in bundle.ordered_lines() if x.kind.value == "interaction")
    index = {lane.id: i for i, lane in enumerate(lanes)}

    def side(card_id: str) -> bool:
        return index[bundle.cards[card_id].lane_id] < interaction

    crossing = [x for x in links if side(x.source_card_id) != side(x.target_card_id)]
    assert len(crossing) >= 2
    text = " ".join(c.title.lower() for c in bundle.cards.values())
    for word in (
        "chatbot",
        "agent",
        "ticket",
        "diagnostics",
        "crm",
        "network operations",
        "scheduling",
    ):
        assert word in text, word
    assert {lane.zone for lane in lanes} >= {BlueprintZone.CUSTOMER, BlueprintZone.SUPPORT}
    assert all(step.duration for step in bundle.steps.values())


def test_samples_serialise(samples: dict[str, MapBundle]) -> None:
    """Every entity of every sample survives JSON and back unchanged."""
    for bundle in samples.values():
        assert bundle.cards, bundle.map.title
        for kind in bundle.collections:
            for entity in bundle.collection(kind).values():
                text = json.dumps(to_dict(entity))
                assert from_dict(kind, json.loads(text)) == entity, (kind, entity.id)


def test_describe_templates() -> None:
    data = describe_templates()
    json.dumps(data)
    assert [t["key"] for t in data["map_types"]] == [t.value for t in MapType]
    blueprint = next(t for t in data["map_types"] if t["key"] == "service_blueprint")
    assert [line["kind"] for line in blueprint["lines"]] == [
        "interaction",
        "visibility",
        "internal_interaction",
    ]
    assert all(t["purpose"] and t["lanes"] for t in data["map_types"])
    assert {p["key"] for p in data["stage_presets"]} >= {
        "lifecycle",
        "short_lifecycle",
        "support_interaction",
        "day_in_the_life",
        "buyers_journey",
    }
    assert [s["key"] for s in data["samples"]] == list(SAMPLES)
    assert all(s["title"] and s["description"] and s["map_type"] for s in data["samples"])
    assert len(data["touchpoints"]) == 7
