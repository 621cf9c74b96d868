"""The metrics lane's tiles: where they go, what they say, and that they fit."""

from __future__ import annotations

import pytest

from jmapper.drawing.metrics import arrow_points
from jmapper.layout import compute_layout
from jmapper.layout.boxes import Rect
from jmapper.model.enums import LaneKind, MetricKind, MetricRole, MetricSource
from jmapper.templates import MapBuilder
from jmapper.templates.samples import build_sample
from tests.builders import small_map, stage_named


def _words(block) -> str:
    return " ".join(line.text for line in block.lines) if block is not None else ""


def _tile_text(tile) -> str:
    return " | ".join(
        _words(b) for b in (tile.title, tile.figure, tile.role, tile.change, tile.detail)
    )


@pytest.fixture(scope="module")
def support():
    bundle = build_sample("support_request")
    return bundle, compute_layout(bundle)


def test_one_tile_per_metric_and_scope_inside_the_metrics_lane(support) -> None:
    bundle, layout = support
    lane = next(b for b in layout.lanes if b.kind is LaneKind.METRICS)
    groups = {(v.metric_id, v.scope, v.scope_id) for v in bundle.metric_values.values()}
    assert len(layout.metric_tiles) == len(groups) == 7
    for tile in layout.metric_tiles:
        assert lane.rect.contains(tile.rect)
        for block in (tile.title, tile.figure, tile.role, tile.change, tile.detail):
            assert block is None or block.fits
    for i, a in enumerate(layout.metric_tiles):
        for b in layout.metric_tiles[i + 1 :]:
            assert not a.rect.intersects(b.rect)
    # Lanes below do not overlap the grown metrics lane.
    assert all(not other.rect.intersects(lane.rect) for other in layout.lanes if other is not lane)


def test_map_wide_tiles_sit_in_the_whole_journey_band(support) -> None:
    bundle, layout = support
    (band,) = layout.metric_bands
    assert _words(band.caption) == "Whole journey"
    map_wide = {v.id for v in bundle.metric_values.values() if v.scope.value == "map"}
    inside = [t for t in layout.metric_tiles if band.rect.contains(t.rect)]
    assert {t.value_id for t in inside} <= map_wide and len(inside) == 5  # 5 map-wide metrics
    below = [t for t in layout.metric_tiles if t not in inside]
    assert all(t.rect.y > band.rect.bottom for t in below)


def test_a_tile_shows_the_latest_actual_its_change_and_its_target(support) -> None:
    bundle, layout = support
    nps = next(t for t in layout.metric_tiles if _words(t.title) == "Relationship NPS")
    shown = bundle.metric_values[nps.value_id]
    assert shown.role is MetricRole.ACTUAL and shown.period == "2025-Q2"
    # (450 - 720) / 1810 = -14.9; since (420 - 770) / 1800 = -19.4: +4.5, better
    assert _words(nps.figure) == "-14.9"
    assert _words(nps.role) == "actual, 2025-Q2"
    assert _words(nps.change) == "+4.5 better since baseline -19.4"
    assert nps.direction == "up" and nps.improved is True and nps.arrow is not None
    assert "Target 5 by 2025-Q4" in _words(nps.detail)
    assert "n = 1,810 \u00b7 Survey" in _words(nps.detail)
    rcr = next(t for t in layout.metric_tiles if _words(t.title) == "Repeat-contact rate")
    assert _words(rcr.change).startswith("-2 better") and rcr.direction == "down"
    aht = next(t for t in layout.metric_tiles if _words(t.title) == "Average handling time")
    during = stage_named(bundle, "During the interaction")
    columns = [c for c in layout.columns if c.stage_id == during.id]
    assert (
        aht.rect.x < columns[0].x + 10 and aht.rect.right > columns[-1].x + columns[-1].width - 10
    )
    assert "Stage: During the interaction" in _words(aht.detail)
    assert aht.change is None and aht.arrow is None  # no baseline: no change shown


def test_no_metrics_lane_no_tiles_and_a_value_without_actual_shows_its_baseline() -> None:
    bundle = small_map()
    b = MapBuilder(bundle)
    metric = b.metric(MetricKind.DROP_OFF, "Abandonment", "%")
    base = b.value(metric, 36.0, role=MetricRole.BASELINE, period="Q1", source=MetricSource.CRM)
    b.value(metric, 20.0, role=MetricRole.TARGET, period="Q4", source=MetricSource.MANUAL)
    assert compute_layout(bundle).metric_tiles == ()
    b.append_lane("Metrics", LaneKind.METRICS)
    (tile,) = compute_layout(bundle).metric_tiles
    assert tile.value_id == base.id and _words(tile.figure) == "36%"
    assert _words(tile.role) == "baseline, Q1" and "Target 20% by Q4" in _words(tile.detail)


def test_arrow_shapes_point_their_way() -> None:
    rect = Rect(0, 0, 8, 8)
    up, down, flat = (arrow_points(rect, d) for d in ("up", "down", "flat"))
    assert up[0] == (4, 0) and {up[1][1], up[2][1]} == {8}  # apex on top, base at the bottom
    assert down[2] == (4, 8) and {down[0][1], down[1][1]} == {0}
    assert flat[1] == (8, 4)
