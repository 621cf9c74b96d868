"""The metrics report: order by scope, scope names, sample sizes from the counts, targets."""

from __future__ import annotations

import pytest

from jmapper.model.enums import MetricKind, MetricRole, MetricSource
from jmapper.services.metrics import describe_mode, map_metrics
from jmapper.templates import MapBuilder
from tests.builders import small_map, stage_named

SURVEY = MetricSource.SURVEY


def test_rows_go_map_first_then_left_to_right_and_count_their_answers() -> None:
    bundle = small_map()
    b = MapBuilder(bundle)
    before, during = stage_named(bundle, "Before"), stage_named(bundle, "During")
    compare = next(s for s in bundle.steps.values() if s.name == "Compare")
    ces = b.metric(MetricKind.CES, "Effort", "1-7")
    on_during = b.value(ces, 5.0, role=MetricRole.ACTUAL, period="Q1", source=SURVEY, scope=during)
    on_compare = b.value(
        ces,
        None,
        role=MetricRole.ACTUAL,
        period="Q1",
        source=SURVEY,
        scope=compare,
        raw_counts={"3": 2, "6": 2},  # (6 + 12) / 4 = 4.5
    )
    on_map = b.value(ces, 4.0, role=MetricRole.BASELINE, period="Q0", source=SURVEY)
    on_before = b.value(ces, 6.0, role=MetricRole.TARGET, period="Q4", source=SURVEY, scope=before)
    (report,) = map_metrics(bundle).metrics
    assert report.mode == "mean 1-7"
    assert [row.value for row in report.values] == [on_map, on_before, on_compare, on_during]
    names = [row.scope_name for row in report.values]
    assert names == ["Map", "Before", "Before / Compare", "During"]
    compare_row = report.values[2]
    assert compare_row.score == pytest.approx(4.5) and compare_row.computed
    assert compare_row.sample_size == 4  # none stored: the answers in the counts
    assert compare_row.delta is None  # no baseline for this step
    assert report.values[0].delta is None and report.values[0].target is None


def test_modes_say_how_a_score_reads() -> None:
    bundle = small_map()
    b = MapBuilder(bundle)
    assert describe_mode(b.metric(MetricKind.REPEAT_CONTACT_RATE, "R")) == "7-day window"
    assert describe_mode(b.metric(MetricKind.REPEAT_CONTACT_RATE, "R", repeat_window_days=3)) == (
        "3-day window"
    )
    assert describe_mode(b.metric(MetricKind.CSAT, "C")) == "top-2-box %"
    assert describe_mode(b.metric(MetricKind.CUSTOM, "X")) == ""
