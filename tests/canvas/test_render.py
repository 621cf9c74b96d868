"""What the canvas draws, checked as a person would: PNGs of every sample, pixels on them.

The PNGs are also written to /tmp/jm-canvas/ so a developer can look at them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from jmapper.model.enums import BlueprintLineKind, LaneKind
from jmapper.templates import SAMPLES
from tests.canvas.conftest import make_ctx

SCALE = 2.0
OUT = Path("/tmp/jm-canvas")


def _near(image: QImage, x: float, y: float, colour: str, radius: int = 3,
          tolerance: int = 70) -> bool:
    """Is a pixel close to ``colour`` within ``radius`` device pixels of layout point (x, y)?"""
    want = QColor(colour)
    cx, cy = round(x * SCALE), round(y * SCALE)
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            px, py = cx + dx, cy + dy
            if 0 <= px < image.width() and 0 <= py < image.height():
                got = image.pixelColor(px, py)
                if (abs(got.red() - want.red()) + abs(got.green() - want.green())
                        + abs(got.blue() - want.blue())) < tolerance:
                    return True
    return False


def _render(ctx, key: str, tmp_path: Path) -> QImage:
    image = ctx.canvas.render_map(SCALE)
    image.save(str(tmp_path / f"{key}.png"))
    OUT.mkdir(parents=True, exist_ok=True)
    image.save(str(OUT / f"{key}.png"))
    assert not image.isNull()
    return image


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_renders_with_every_text_run_fitting(qtbot, library, tmp_path, key):
    ctx = make_ctx(qtbot, library, key)
    layout = ctx.canvas.projection.layout
    image = _render(ctx, key, tmp_path)
    assert (image.width(), image.height()) == (round(layout.width * SCALE),
                                              round(layout.height * SCALE))
    assert layout.text_runs and all(run.fits for run in layout.text_runs)
    # every card is painted: its fill colour shows inside its box
    for box in list(layout.cards.values())[:40]:
        r = box.rect
        assert _near(image, r.right - 3, r.bottom - 3, box.fill, radius=1, tolerance=30), box


@pytest.mark.parametrize("key", [k for k in SAMPLES if k != "support_blueprint"])
def test_emotion_curve_is_drawn_at_the_values(qtbot, library, tmp_path, key):
    ctx = make_ctx(qtbot, library, key)
    layout = ctx.canvas.projection.layout
    image = _render(ctx, key, tmp_path)
    assert layout.emotion
    for lane in layout.emotion:
        primary = next(c for c in lane.curves if c.primary)
        for mark in primary.marks:
            # the face ring in the curve's colour, at the mark's height
            assert _near(image, mark.x + mark.radius, mark.y, primary.colour, radius=2), mark
            # and not at the height of a value two steps away
            other = min(lane.ticks, key=lambda t: -abs(t[1] - mark.y))
            if abs(other[1] - mark.y) > 3 * mark.radius:
                assert not _near(image, mark.x + mark.radius, other[1], primary.colour,
                                 radius=1, tolerance=40)
        # the smooth curve between the faces, on its sampled polyline
        samples = primary.polyline[3::12]
        hits = sum(_near(image, x, y, primary.colour, radius=2) for x, y in samples)
        assert hits >= 0.9 * len(samples)
        assert _near(image, lane.plot.x + 60, lane.midline_y, "#9A9A9A", radius=2)


def test_blueprint_lines_lie_between_the_right_lanes(blueprint, tmp_path):
    ctx = blueprint
    layout = ctx.canvas.projection.layout
    image = _render(ctx, "support_blueprint", tmp_path)
    lanes = {lane.kind: lane for lane in layout.lanes}
    between = {
        BlueprintLineKind.INTERACTION: (LaneKind.CUSTOMER_ACTIONS, LaneKind.FRONTSTAGE),
        BlueprintLineKind.VISIBILITY: (LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE),
        BlueprintLineKind.INTERNAL_INTERACTION: (LaneKind.BACKSTAGE, LaneKind.SUPPORT_PROCESSES),
    }
    thickness = {}
    assert {line.kind for line in layout.blueprint_lines} == set(between)
    for line in layout.blueprint_lines:
        above, below = lanes[between[line.kind][0]], lanes[between[line.kind][1]]
        assert above.rect.bottom <= line.y <= below.rect.y
        x = layout.grid.x + 3  # a dash of the internal line starts at every dash period
        column_xs = [c.x + 40 for c in layout.columns]
        assert any(_near(image, cx, line.y, "#1A1A1A", radius=1, tolerance=60)
                   for cx in [x, *column_xs])
        thickness[line.kind] = sum(
            1 for dy in range(-8, 9)
            if image.pixelColor(round((layout.grid.x + 90) * SCALE),
                                round(line.y * SCALE) + dy).lightness() < 90)
    assert thickness[BlueprintLineKind.VISIBILITY] > thickness[BlueprintLineKind.INTERACTION]
