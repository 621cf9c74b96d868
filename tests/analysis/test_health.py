"""The health rules: for each, a map that triggers it and one that does not.

Every test starts from :func:`healthy_map` (which no rule flags) and breaks
exactly one thing, so a finding can only come from the rule under test.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from jmapper.analysis.health import RULES, Finding, Severity, Target, run_checks
from jmapper.analysis.health.review import months_before
from jmapper.model.entities import EmotionPoint, Opportunity, Persona
from jmapper.model.enums import (
    BlueprintLineKind,
    EmotionSeries,
    EvidenceKind,
    LaneKind,
    MapStatus,
    OpportunityStatus,
)
from jmapper.templates import CONTACT_CENTRE_TOUCHPOINTS, MapBuilder, build_samples
from tests.analysis.maps import TODAY, Healthy, healthy_map
from tests.bench.generate_map import generate_bundle
from tests.builders import blueprint_map, lane_named

DOC = Path(__file__).resolve().parents[2] / "docs" / "health-rules.md"


def fired(bundle, rule_id: str, today: date = TODAY) -> list[Finding]:
    return run_checks(bundle, today, [rule_id])


@pytest.fixture
def h() -> Healthy:
    return healthy_map()


def test_the_healthy_map_has_no_findings(h: Healthy) -> None:
    assert run_checks(h.bundle, TODAY) == []


# -- persona and scenario ---------------------------------------------------------------


def test_no_persona(h: Healthy) -> None:
    h.bundle.map.primary_persona_id = None
    (finding,) = fired(h.bundle, "no-persona")
    assert finding.severity is Severity.ERROR
    assert finding.target == Target("map", h.bundle.map.id)
    assert "primary persona" in finding.message


def test_too_many_personas_by_overlays(h: Healthy) -> None:
    overlays = [Persona(name=f"Overlay {i}") for i in range(5)]
    for persona in overlays:
        h.bundle.add(persona)
    h.bundle.map.overlay_persona_ids = [p.id for p in overlays[:4]]
    assert fired(h.bundle, "too-many-personas") == []
    h.bundle.map.overlay_persona_ids = [p.id for p in overlays]  # past the model's cap
    (finding,) = fired(h.bundle, "too-many-personas")
    assert "5 personas" in finding.message


def test_too_many_personas_by_values_of_a_persona_not_on_the_map(h: Healthy) -> None:
    tom = Persona(name="Tom")
    h.bundle.add(tom)
    MapBuilder(h.bundle).emotions(tom, [0, 0, 1, 1])
    (finding,) = fired(h.bundle, "too-many-personas")
    assert "Tom" in finding.message and "overlay" in finding.message
    h.bundle.map.overlay_persona_ids = [tom.id]
    assert fired(h.bundle, "too-many-personas") == []


def test_no_scenario(h: Healthy) -> None:
    h.bundle.map.scenario = "   "
    (finding,) = fired(h.bundle, "no-scenario")
    assert finding.severity is Severity.ERROR


# -- emotions -----------------------------------------------------------------------------


def _primary_point(h: Healthy, step_id: str) -> EmotionPoint:
    return next(p for p in h.bundle.emotion_points.values() if p.step_id == step_id)


def test_missing_emotions_names_the_step(h: Healthy) -> None:
    point = _primary_point(h, h.waits.id)
    h.bundle.put("emotion_point", point.id, None)
    (finding,) = fired(h.bundle, "missing-emotions")
    assert finding.target == Target("step", h.waits.id)
    assert "Waits for the parcel" in finding.message


def test_missing_emotions_on_a_map_without_any_is_one_finding(h: Healthy) -> None:
    to_be = EmotionPoint(
        map_id=h.bundle.map.id,
        stage_id=h.order.id,
        step_id=h.places.id,
        persona_id=h.bundle.map.primary_persona_id,
        series=EmotionSeries.TO_BE,
        value=2,
    )
    for point_id in list(h.bundle.emotion_points):
        h.bundle.put("emotion_point", point_id, None)
    h.bundle.add(to_be)  # a to-be value is not the as-is curve
    (finding,) = fired(h.bundle, "missing-emotions")
    emotions = next(ln for ln in h.bundle.lanes.values() if ln.kind is LaneKind.EMOTIONS)
    assert finding.target == Target("lane", emotions.id)


def test_flat_emotions(h: Healthy) -> None:
    for point in h.bundle.emotion_points.values():
        point.value = 1
    (finding,) = fired(h.bundle, "flat-emotions")
    assert "is 1" in finding.message
    _primary_point(h, h.waits.id).value = -2
    assert fired(h.bundle, "flat-emotions") == []


# -- evidence -----------------------------------------------------------------------------


def test_stage_without_evidence(h: Healthy) -> None:
    h.delivery.data_sources = [" "]
    (finding,) = fired(h.bundle, "stage-without-evidence")
    assert finding.target == Target("stage", h.delivery.id)
    MapBuilder(h.bundle).evidence(EvidenceKind.TICKETS, "Late-delivery tickets", "CRM", h.pain)
    assert fired(h.bundle, "stage-without-evidence") == []


# -- opportunities ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "field", "empty"),
    [
        ("opportunity-without-owner", "owner", ""),
        ("opportunity-without-metric", "metric", " "),
        ("opportunity-without-due-date", "due_date", None),
    ],
)
def test_a_priority_needs_owner_metric_and_due_date(
    h: Healthy, rule_id: str, field: str, empty: object
) -> None:
    setattr(h.opportunity, field, empty)
    (finding,) = fired(h.bundle, rule_id)
    assert finding.severity is Severity.ERROR
    assert finding.target == Target("opportunity", h.opportunity.id)
    assert "Two-hour delivery window" in finding.message
    h.opportunity.status = OpportunityStatus.IDEA  # an idea needs none of them yet
    assert fired(h.bundle, rule_id) == []


def test_too_many_priorities(h: Healthy) -> None:
    b = MapBuilder(h.bundle)
    for i in range(4):
        b.opportunity(f"Idea {i}", status=OpportunityStatus.IN_PROGRESS)
    assert fired(h.bundle, "too-many-priorities") == []  # five is the limit
    b.opportunity("One too many", status=OpportunityStatus.PLANNED)
    (finding,) = fired(h.bundle, "too-many-priorities")
    assert "6 priorities" in finding.message


def test_pain_without_opportunity(h: Healthy) -> None:
    h.opportunity.pain_card_ids = []
    (finding,) = fired(h.bundle, "pain-without-opportunity")
    assert finding.target == Target("card", h.pain.id)
    h.pain.pain_severity = 2  # minor pains need no opportunity
    assert fired(h.bundle, "pain-without-opportunity") == []


def test_overdue_opportunity(h: Healthy) -> None:
    h.opportunity.due_date = TODAY
    assert fired(h.bundle, "overdue-opportunity") == []  # due today is not late
    h.opportunity.due_date = TODAY - timedelta(days=1)
    (finding,) = fired(h.bundle, "overdue-opportunity")
    assert "2026-11-30" in finding.message and "planned" in finding.message
    h.opportunity.status = OpportunityStatus.DONE
    assert fired(h.bundle, "overdue-opportunity") == []


# -- review -------------------------------------------------------------------------------


def test_never_reviewed(h: Healthy) -> None:
    h.bundle.map.last_reviewed = h.bundle.map.next_review = None
    assert fired(h.bundle, "never-reviewed")
    h.bundle.map.status = MapStatus.DRAFT
    h.bundle.map.created = "2026-10-01T09:00:00"
    assert fired(h.bundle, "never-reviewed") == []  # a young draft is still being made
    h.bundle.map.created = "2026-08-01T09:00:00"
    assert fired(h.bundle, "never-reviewed")


def test_review_overdue_by_date_or_by_cadence(h: Healthy) -> None:
    m = h.bundle.map
    assert fired(h.bundle, "review-overdue", m.next_review) == []
    (finding,) = fired(h.bundle, "review-overdue", date(2027, 2, 2))
    assert "2027-02-01" in finding.message
    m.next_review = None  # then a quarter (three months) after the last review
    assert fired(h.bundle, "review-overdue", date(2027, 2, 1)) == []
    assert fired(h.bundle, "review-overdue", date(2027, 2, 2))
    m.review_cadence_months = 6  # or the map's own cadence
    assert fired(h.bundle, "review-overdue", date(2027, 5, 1)) == []
    (finding,) = fired(h.bundle, "review-overdue", date(2027, 5, 2))
    assert "2027-05-01" in finding.message


def test_stale_map_after_eighteen_months(h: Healthy) -> None:
    h.bundle.map.last_reviewed = date(2025, 6, 1)
    assert fired(h.bundle, "stale-map") == []
    h.bundle.map.last_reviewed = date(2025, 5, 31)
    (finding,) = fired(h.bundle, "stale-map")
    assert finding.severity is Severity.ERROR and "2025-05-31" in finding.message


def test_months_before_clamps_to_the_end_of_the_month() -> None:
    assert months_before(date(2026, 12, 1), 18) == date(2025, 6, 1)
    assert months_before(date(2026, 8, 31), 6) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)


# -- touchpoints --------------------------------------------------------------------------


def test_missing_contact_touchpoints_on_a_support_journey(h: Healthy) -> None:
    assert fired(h.bundle, "missing-contact-touchpoints") == []  # not a support journey
    h.bundle.map.title = "Parcel delivery support request"
    (finding,) = fired(h.bundle, "missing-contact-touchpoints")
    touchpoints = lane_named(h.bundle, "Touchpoints")
    assert finding.target == Target("lane", touchpoints.id)
    assert "wait time and accessibility" in finding.message
    assert "follow-up confirmation" not in finding.message  # the confirmation email
    for template in CONTACT_CENTRE_TOUCHPOINTS.values():
        h.bundle.add(template.to_card(h.bundle.map.id, touchpoints.id, h.order.id, h.places.id))
    assert fired(h.bundle, "missing-contact-touchpoints") == []


def test_missing_operational_touchpoints(h: Healthy) -> None:
    h.confirmation.title = "Thank-you email"
    h.status.title = "Courier text"
    (finding,) = fired(h.bundle, "missing-operational-touchpoints")
    assert "confirmation, status update or notification" in finding.message
    h.status.description = "Sends a notification when the van is two stops away."
    assert fired(h.bundle, "missing-operational-touchpoints") == []


def test_long_silence_within_a_stage(h: Healthy) -> None:
    h.waits.duration = "4-6 days"
    (finding,) = fired(h.bundle, "long-silence")
    assert finding.target == Target("step", h.waits.id)
    assert "Delivery" in finding.message and "6 days" in finding.message


def test_long_silence_counts_steps_without_touchpoints_and_waits_before_a_step(
    h: Healthy,
) -> None:
    h.receives.duration = "3 days later, 5 min"  # 2 days + 3 days since the status update
    (finding,) = fired(h.bundle, "long-silence")
    assert finding.target == Target("step", h.waits.id)
    h.receives.duration = "2 days later"
    assert fired(h.bundle, "long-silence") == []


def test_inside_out_is_advice_on_customer_lanes_only(h: Healthy) -> None:
    b = MapBuilder(h.bundle)
    ours = b.card(LaneKind.CUSTOMER_ACTIONS, h.places, "We send a discount code")
    system = b.card(LaneKind.CUSTOMER_ACTIONS, h.waits, "CRM creates a delivery slot")
    b.card(LaneKind.CUSTOMER_ACTIONS, h.waits, "Says \u201cwe just want it by Saturday\u201d")
    b.card(LaneKind.THOUGHTS, h.waits, "Will we be home when it comes?")
    b.card(LaneKind.CUSTOMER_ACTIONS, h.receives, "Usually signs for it")
    findings = fired(h.bundle, "inside-out")
    assert {f.target for f in findings} == {Target("card", ours.id), Target("card", system.id)}
    assert {f.severity for f in findings} == {Severity.ADVICE}
    assert any("\u201cCRM\u201d its subject" in f.message for f in findings)


# -- blueprint ----------------------------------------------------------------------------


def test_blueprint_line_order_reuses_the_model_check() -> None:
    bundle = blueprint_map()
    assert fired(bundle, "blueprint-line-order") == []
    frontstage, backstage = lane_named(bundle, "Frontstage"), lane_named(bundle, "Backstage")
    frontstage.position, backstage.position = backstage.position, frontstage.position
    (finding,) = fired(bundle, "blueprint-line-order")
    assert finding.severity is Severity.ERROR
    assert "drag that line" in finding.message and "Alt+" in finding.message
    top = bundle.ordered_lines()[0]
    assert top.kind is BlueprintLineKind.INTERACTION
    assert finding.target == Target("blueprint_line", top.id)


# -- the registry and the entry point -------------------------------------------------------


def test_rules_can_be_chosen_by_id_and_unknown_ids_are_refused(h: Healthy) -> None:
    h.bundle.map.scenario = ""
    h.bundle.map.primary_persona_id = None
    assert [f.rule_id for f in run_checks(h.bundle, TODAY, ["no-scenario"])] == ["no-scenario"]
    with pytest.raises(ValueError, match="no health rule called no-such-rule"):
        run_checks(h.bundle, TODAY, ["no-such-rule"])


def test_every_rule_is_documented() -> None:
    documented = re.findall(r"^### `([a-z-]+)`", DOC.read_text(encoding="utf-8"), re.MULTILINE)
    assert documented == list(RULES)
    text = DOC.read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"### `{rule.id}`\n\n**{rule.severity.value}**" in text


def test_finding_keys_are_stable_for_dismissal(h: Healthy) -> None:
    h.opportunity.owner = ""
    (first,) = fired(h.bundle, "opportunity-without-owner")
    (again,) = fired(h.bundle, "opportunity-without-owner")
    assert first.key == again.key == f"opportunity-without-owner:opportunity:{h.opportunity.id}"


@pytest.mark.parametrize(
    "bundle",
    [*build_samples(), generate_bundle(stages=4, lanes=6, cards_per_cell=2)],
    ids=lambda b: b.map.title[:30],
)
def test_every_finding_jumps_to_an_entity_of_the_map(bundle) -> None:
    findings = run_checks(bundle, TODAY)
    assert findings
    for finding in findings:
        assert bundle.get(finding.target.kind, finding.target.id) is not None
        assert finding.message.endswith(".")


def test_a_new_opportunity_with_nothing_set_is_not_a_priority(h: Healthy) -> None:
    h.bundle.add(Opportunity(map_id=h.bundle.map.id, title="Blank"))
    assert run_checks(h.bundle, TODAY) == []


def test_review_state_sums_up_the_review_rules(h: Healthy) -> None:
    from jmapper.analysis.health.review import ReviewKind, review_state

    m = h.bundle.map
    assert review_state(m, TODAY).kind is ReviewKind.CURRENT
    assert review_state(m, TODAY).text == "Due 2027-02-01"
    overdue = review_state(m, date(2027, 2, 2))
    assert overdue.kind is ReviewKind.OVERDUE and overdue.text == "Overdue since 2027-02-01"
    m.last_reviewed = date(2025, 5, 31)
    assert review_state(m, TODAY).kind is ReviewKind.STALE
    m.last_reviewed = m.next_review = None
    assert review_state(m, TODAY).kind is ReviewKind.NEVER
    m.status, m.created = MapStatus.DRAFT, "2026-10-01T09:00:00"
    assert review_state(m, TODAY).kind is ReviewKind.NEW_DRAFT
    for day in (TODAY, date(2027, 1, 2)):  # the rules agree with the state, day by day
        state = review_state(m, day).kind
        assert bool(fired(h.bundle, "never-reviewed", day)) == (state is ReviewKind.NEVER)
