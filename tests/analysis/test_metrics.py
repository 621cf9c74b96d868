"""Metric formulas against hand-worked examples, and the change since baseline."""

from __future__ import annotations

import pytest

from jmapper.analysis.metric_change import (
    Direction,
    baseline_for,
    change_since_baseline,
    target_for,
)
from jmapper.analysis.metrics import (
    aht,
    ces_mean,
    computed_value,
    csat_mean,
    csat_top_2_box,
    fcr,
    nps,
    repeat_contact_rate,
    repeat_window_days,
    responses,
    score,
)
from jmapper.model.entities import MetricDefinition, MetricValue
from jmapper.model.enums import CsatMode, MetricKind, MetricRole, MetricSource
from jmapper.templates import MapBuilder
from tests.builders import small_map, stage_named

CSAT = {"1": 10, "2": 20, "3": 30, "4": 25, "5": 15}  # 100 responses


def test_csat_top_2_box_and_mean() -> None:
    # (25 + 15) / 100 = 40 %; (1*10 + 2*20 + 3*30 + 4*25 + 5*15) / 100 = 315 / 100
    assert csat_top_2_box(CSAT) == pytest.approx(40.0)
    assert csat_mean(CSAT) == pytest.approx(3.15)


def test_nps_from_per_score_counts() -> None:
    counts = {"0": 5, "3": 5, "6": 10, "7": 10, "8": 20, "9": 30, "10": 20}
    # promoters 30 + 20 = 50, detractors 5 + 5 + 10 = 20, of 100: 50 % - 20 % = 30
    assert nps(counts) == pytest.approx(30.0)
    assert nps({"10": 3}) == pytest.approx(100.0)
    assert nps({"0": 1, "6": 2}) == pytest.approx(-100.0)
    assert nps({"7": 4, "8": 4}) == pytest.approx(0.0)


def test_nps_from_grouped_counts_and_per_score_counts_win() -> None:
    # (180 - 150) / 540 = 5.555... (the mortgage sample's baseline)
    grouped = {"promoters": 180, "passives": 210, "detractors": 150}
    assert nps(grouped) == pytest.approx(100 * 30 / 540)
    assert nps({**grouped, "9": 1, "3": 1}) == pytest.approx(0.0)


def test_ces_mean_on_one_to_seven() -> None:
    # (1*2 + 4*3 + 7*5) / 10 = 49 / 10
    assert ces_mean({"1": 2, "4": 3, "7": 5}) == pytest.approx(4.9)
    assert ces_mean({"8": 5, "0": 5}) is None  # not on the scale: no answers


def test_fcr_aht_and_repeat_contact_rate() -> None:
    assert fcr({"resolved_first_contact": 61, "contacts": 100}) == pytest.approx(61.0)
    # (3000 + 600 + 900) s / 10 contacts = 450 s
    assert aht({"talk": 3000, "hold": 600, "wrap": 900, "contacts": 10}) == pytest.approx(450.0)
    # 12 of 80 contacts came back within the window = 15 %
    assert repeat_contact_rate({"repeat_contacts": 12, "contacts": 80}) == pytest.approx(15.0)


def test_the_repeat_window_is_seven_days_unless_the_metric_says() -> None:
    definition = MetricDefinition(kind=MetricKind.REPEAT_CONTACT_RATE)
    assert repeat_window_days(definition) == 7
    definition.repeat_window_days = 30
    assert repeat_window_days(definition) == 30


@pytest.mark.parametrize(
    "formula", [csat_top_2_box, csat_mean, nps, ces_mean, fcr, aht, repeat_contact_rate]
)
@pytest.mark.parametrize(
    "counts", [{}, {"contacts": 0}, {"1": 0, "5": 0, "promoters": 0, "detractors": 0}]
)
def test_zero_responses_give_no_score(formula, counts) -> None:
    assert formula(counts) is None


def test_score_follows_the_csat_mode_stored_with_the_metric() -> None:
    value = MetricValue(raw_counts=dict(CSAT), value=99.0)
    mean = MetricDefinition(kind=MetricKind.CSAT, csat_mode=CsatMode.MEAN)
    top = MetricDefinition(kind=MetricKind.CSAT, csat_mode=CsatMode.TOP_2_BOX)
    unset = MetricDefinition(kind=MetricKind.CSAT)
    assert score(mean, value) == pytest.approx(3.15)
    assert score(top, value) == pytest.approx(40.0)
    assert score(unset, value) == pytest.approx(40.0)


def test_score_falls_back_to_the_typed_figure() -> None:
    nps_metric = MetricDefinition(kind=MetricKind.NPS)
    custom = MetricDefinition(kind=MetricKind.CUSTOM)
    assert score(nps_metric, MetricValue(value=12.0)) == 12.0  # no counts
    assert score(nps_metric, MetricValue(value=12.0, raw_counts={"promoters": 0})) == 12.0
    assert computed_value(custom, MetricValue(value=4.0, raw_counts={"1": 3})) is None
    assert score(custom, MetricValue(value=4.0, raw_counts={"1": 3})) == 4.0
    assert score(custom, MetricValue()) is None


# -- change since baseline --------------------------------------------------------------------


def _metric_map():
    bundle = small_map()
    b = MapBuilder(bundle)
    before = stage_named(bundle, "Before")
    kw = {"source": MetricSource.SURVEY}
    csat = b.metric(MetricKind.CSAT, "CSAT", "%", csat_mode=CsatMode.TOP_2_BOX)
    base = b.value(csat, None, role=MetricRole.BASELINE, period="2025-Q1", raw_counts=CSAT, **kw)
    actual = b.value(
        csat,
        None,
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        raw_counts={"1": 10, "2": 10, "3": 30, "4": 30, "5": 20},  # 50 %
        **kw,
    )
    target = b.value(csat, 70.0, role=MetricRole.TARGET, period="2025-Q4", **kw)
    stage_actual = b.value(csat, 80.0, role=MetricRole.ACTUAL, period="2025-Q2", scope=before, **kw)
    return bundle, b, base, actual, target, stage_actual


def test_change_since_baseline_from_raw_counts() -> None:
    bundle, _b, base, actual, target, _stage = _metric_map()
    assert baseline_for(bundle, actual) is base
    assert target_for(bundle, actual) is target
    change = change_since_baseline(bundle, actual)
    assert change is not None
    assert (change.baseline, change.current, change.delta) == pytest.approx((40.0, 50.0, 10.0))
    assert change.direction is Direction.UP and change.improved is True
    to_target = change_since_baseline(bundle, target)
    assert to_target is not None and to_target.delta == pytest.approx(30.0)


def test_no_change_for_a_baseline_another_scope_or_an_empty_survey() -> None:
    bundle, _b, base, actual, _target, stage_actual = _metric_map()
    assert change_since_baseline(bundle, base) is None
    assert change_since_baseline(bundle, stage_actual) is None  # no baseline for that stage
    base.raw_counts = {"1": 0}
    assert change_since_baseline(bundle, actual) is None


def test_the_latest_baseline_not_after_the_value_is_used() -> None:
    bundle, b, base, actual, _target, _stage = _metric_map()
    csat = bundle.metric_definitions[base.metric_id]
    later = b.value(csat, 45.0, role=MetricRole.BASELINE, period="2025-Q2", source=base.source)
    b.value(csat, 10.0, role=MetricRole.BASELINE, period="2026-Q1", source=base.source)
    assert baseline_for(bundle, actual) is later
    early = b.value(csat, 30.0, role=MetricRole.ACTUAL, period="2024-Q4", source=base.source)
    assert baseline_for(bundle, early) is base  # none before it: the earliest


def test_lower_is_better_for_handling_time() -> None:
    bundle = small_map()
    b = MapBuilder(bundle)
    metric = b.metric(MetricKind.AHT, "AHT", "s")
    b.value(metric, 500.0, role=MetricRole.BASELINE, period="2025-Q1", source=MetricSource.CRM)
    actual = b.value(
        metric,
        None,
        role=MetricRole.ACTUAL,
        period="2025-Q2",
        source=MetricSource.TELEPHONY,
        raw_counts={"talk": 3000, "hold": 600, "wrap": 900, "contacts": 10},
    )
    change = change_since_baseline(bundle, actual)
    assert change is not None and change.delta == pytest.approx(-50.0)
    assert change.direction is Direction.DOWN and change.improved is True


def test_a_custom_metric_improves_towards_its_target() -> None:
    bundle = small_map()
    b = MapBuilder(bundle)
    days = b.metric(MetricKind.CUSTOM, "Submission to decision", "days")
    src = MetricSource.CRM
    b.value(days, 6.5, role=MetricRole.BASELINE, period="2024-Q4", source=src)
    actual = b.value(days, 7.0, role=MetricRole.ACTUAL, period="2025-Q1", source=src)
    change = change_since_baseline(bundle, actual)
    assert change is not None and change.improved is None  # no target: no direction known
    b.value(days, 4.0, role=MetricRole.TARGET, period="2025-Q4", source=src)
    change = change_since_baseline(bundle, actual)
    assert change is not None and change.direction is Direction.UP and change.improved is False
    actual.value = 6.5
    change = change_since_baseline(bundle, actual)
    assert change is not None and change.direction is Direction.FLAT and change.improved is None


# -- more hand-worked examples, through the definition as the CLI and the lane use it -------


def test_nps_from_a_full_zero_to_ten_survey() -> None:
    # 0-6: 2+1+1+2+3+4+7 = 20 detractors; 7-8: 10+15 = 25 passives; 9-10: 30+25 = 55 promoters.
    # Of 100 answers: 55 % - 20 % = 35.
    counts = {"0": 2, "1": 1, "2": 1, "3": 2, "4": 3, "5": 4, "6": 7, "7": 10, "8": 15}
    counts |= {"9": 30, "10": 25}
    definition = MetricDefinition(kind=MetricKind.NPS)
    value = MetricValue(raw_counts=counts)
    assert computed_value(definition, value) == pytest.approx(35.0)
    assert responses(definition, value) == 100
    # Grouped counts say the same thing.
    grouped = MetricValue(raw_counts={"promoters": 55, "passives": 25, "detractors": 20})
    assert score(definition, grouped) == pytest.approx(35.0)
    assert responses(definition, grouped) == 100


def test_csat_both_ways_from_one_survey_of_eight() -> None:
    # Answers 5, 5, 4, 4, 4, 3, 2, 1: top-2-box 5 of 8 = 62.5 %; mean 28 / 8 = 3.5.
    counts = {"1": 1, "2": 1, "3": 1, "4": 3, "5": 2}
    value = MetricValue(raw_counts=counts)
    top = MetricDefinition(kind=MetricKind.CSAT, csat_mode=CsatMode.TOP_2_BOX)
    mean = MetricDefinition(kind=MetricKind.CSAT, csat_mode=CsatMode.MEAN)
    assert score(top, value) == pytest.approx(62.5)
    assert score(mean, value) == pytest.approx(3.5)
    assert responses(top, value) == 8


def test_ces_mean_through_the_definition() -> None:
    # 3 x 2 + 4 x 5 + 2 x 7 = 40 over 9 answers = 4.444...
    definition = MetricDefinition(kind=MetricKind.CES)
    value = MetricValue(raw_counts={"2": 3, "5": 4, "7": 2})
    assert score(definition, value) == pytest.approx(40 / 9)
    assert responses(definition, value) == 9


def test_fcr_and_repeat_contact_rate_through_the_definition() -> None:
    fcr_metric = MetricDefinition(kind=MetricKind.FCR)
    # 27 260 of 47 000 contacts resolved first time = 58 %
    fcr_value = MetricValue(raw_counts={"resolved_first_contact": 27260, "contacts": 47000})
    assert score(fcr_metric, fcr_value) == pytest.approx(58.0)
    assert responses(fcr_metric, fcr_value) == 47000
    # A 30-day window: the counts are repeats within 30 days, 90 of 600 = 15 %.
    monthly = MetricDefinition(kind=MetricKind.REPEAT_CONTACT_RATE, repeat_window_days=30)
    repeats = MetricValue(raw_counts={"repeat_contacts": 90, "contacts": 600})
    assert score(monthly, repeats) == pytest.approx(15.0)
    assert repeat_window_days(monthly) == 30
    assert responses(monthly, repeats) == 600


def test_kinds_without_a_formula_have_no_response_count() -> None:
    for kind in (MetricKind.CUSTOM, MetricKind.DROP_OFF, MetricKind.CONVERSION):
        value = MetricValue(value=12.0, raw_counts={"contacts": 5})
        definition = MetricDefinition(kind=kind)
        assert responses(definition, value) is None
        assert score(definition, value) == 12.0
    assert responses(MetricDefinition(kind=MetricKind.CSAT), MetricValue()) is None
