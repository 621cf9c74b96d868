"""The review report: every change since the review snapshot listed, and nothing else."""

from __future__ import annotations

from datetime import date, timedelta

from jmapper.analysis.compare import Mark
from jmapper.analysis.review_report import review_name, review_report
from jmapper.model.entities import Card, Opportunity
from jmapper.model.enums import Channel, OpportunityStatus
from tests.analysis.maps import TODAY, healthy_map


def test_review_names_follow_the_quarter() -> None:
    assert review_name(date(2026, 12, 2)) == "Review 2026-Q4"
    assert review_name(date(2027, 1, 1)) == "Review 2027-Q1"
    assert review_name(date(2026, 6, 30)) == "Review 2026-Q2"


def test_a_scripted_set_of_edits_is_reported_exactly() -> None:
    h = healthy_map()
    before = h.bundle.copy()
    now = h.bundle
    # emotion: the wait gets worse by 1, the rest stay
    point = next(p for p in now.emotion_points.values() if p.step_id == h.waits.id)
    point.value = -2
    # a touchpoint added, a pain point removed, a pain point added
    touch = now.lanes[h.status.lane_id]
    now.add(
        Card(
            map_id=now.map.id,
            lane_id=touch.id,
            stage_id=h.delivery.id,
            step_id=h.receives.id,
            title="Delivery photo",
            channel=Channel.APP,
            position=1,
        )
    )
    now.put("card", h.pain.id, None)
    now.add(
        Card(
            map_id=now.map.id,
            lane_id=h.pain.lane_id,
            stage_id=h.order.id,
            step_id=h.places.id,
            title="Checkout times out",
            pain_severity=2,
        )
    )
    # opportunities: the agreed one slips, a new priority, one done
    h.opportunity.due_date = TODAY - timedelta(days=3)
    done = Opportunity(map_id=now.map.id, title="Email receipt", status=OpportunityStatus.DONE)
    before.add(
        Opportunity(
            id=done.id,
            map_id=now.map.id,
            title="Email receipt",
            status=OpportunityStatus.IN_PROGRESS,
        )
    )
    now.add(done)
    now.add(
        Opportunity(
            map_id=now.map.id,
            title="Safe-place option",
            status=OpportunityStatus.PLANNED,
            due_date=TODAY + timedelta(days=60),
        )
    )

    report = review_report(before, now, "Review 2026-Q3", "2026-09-01T10:00:00", TODAY)

    assert [(c.label, c.old_value, c.new_value, c.delta) for c in report.shifted] == [
        ("Delivery \u203a Waits for the parcel", -1, -2, -1)
    ]
    assert [(c.mark, c.title) for c in report.touchpoints] == [(Mark.ADDED, "Delivery photo")]
    assert sorted((c.mark.value, c.title) for c in report.pain_points) == [
        ("added", "Checkout times out"),
        ("removed", "Delivery window too vague"),
    ]
    changes = {o.title: (o.change, o.detail) for o in report.opportunities}
    assert changes == {
        "Two-hour delivery window": ("slipped", f"due {h.opportunity.due_date}, still planned"),
        "Safe-place option": ("new", f"planned, due {TODAY + timedelta(days=60)}"),
        "Email receipt": ("done", "done"),
    }
    assert [o.change for o in report.opportunities] == ["slipped", "new", "done"]
    data = report.as_json()
    assert data["since"] == {"snapshot": "Review 2026-Q3", "created": "2026-09-01T10:00:00"}
    assert data["emotions"][2] == {
        "step": "Delivery \u203a Waits for the parcel",
        "before": -1,
        "now": -2,
        "shift": -1,
    }


def test_nothing_changed_reports_nothing() -> None:
    h = healthy_map()
    report = review_report(h.bundle.copy(), h.bundle, "Review", "", TODAY)
    assert report.shifted == [] and report.touchpoints == [] and report.pain_points == []
    assert [(o.change, o.detail) for o in report.opportunities] == [("unchanged", "planned")]
