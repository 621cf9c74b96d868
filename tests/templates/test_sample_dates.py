"""The samples are dated relative to today, so none is overdue the day a library is made."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from jmapper.analysis.health import run_checks
from jmapper.templates import build_samples
from jmapper.templates.sample_dates import REVIEWED_DAYS_AGO
from jmapper.templates.samples import build_sample

DATED_RULES = ["never-reviewed", "review-overdue", "stale-map", "overdue-opportunity"]


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2031, 2, 28)], ids=str)
def test_no_sample_is_overdue_on_the_day_it_is_made(today):
    for bundle in build_samples(today):
        assert bundle.map.last_reviewed == today - timedelta(days=REVIEWED_DAYS_AGO)
        assert run_checks(bundle, today, DATED_RULES) == [], bundle.map.title


def test_the_gaps_between_dates_stay_as_written():
    early, late = (
        build_sample("support_request", today=date(2027, 1, 1)),
        build_sample("support_request", today=date(2029, 6, 1)),
    )
    shift = late.map.last_reviewed - early.map.last_reviewed
    assert shift == date(2029, 6, 1) - date(2027, 1, 1)
    assert late.map.next_review - early.map.next_review == shift
    due = [(o.title, o.due_date) for o in early.opportunities.values() if o.due_date]
    assert due, "the sample has dated opportunities"
    moved = {o.title: o.due_date for o in late.opportunities.values()}
    assert all(moved[title] == day + shift for title, day in due)


def test_a_year_without_review_makes_the_samples_overdue_again():
    made = date(2026, 12, 1)
    later = made + timedelta(days=400)
    fired = {f.rule_id for b in build_samples(made) for f in run_checks(b, later, DATED_RULES)}
    assert {"review-overdue", "overdue-opportunity"} <= fired


@pytest.mark.parametrize(
    ("key", "rule"),
    [
        ("support_request", "long-silence"),
        ("loan_application", "long-silence"),
        ("theme_park_visit", "missing-operational-touchpoints"),
    ],
)
def test_a_sample_that_says_it_teaches_a_rule_triggers_it(key, rule):
    from jmapper.templates.samples import SAMPLES

    assert rule in SAMPLES[key].description
    today = date(2026, 12, 1)
    assert [f.rule_id for f in run_checks(build_sample(key, today=today), today, [rule])]
