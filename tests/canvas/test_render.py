"""What the canvas draws, checked as a person would: PNGs of every sample, pixels on them.

The PNGs are also written to each test's tmp_path for a developer to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from jmapper.layout.emotion import face_shifts
from jmapper.model.enums import BlueprintLineKind, LaneKind
from jmapper.templates import SAMPLES
from jmapper.ui.image_export import export_image
from tests.canvas.conftest import make_ctx

SCALE = 2.0


def _near(
    image: QImage, x: float, y: float, colour: str, radius: int = 3, tolerance: int = 70
) -> bool:
    """Is a pixel close to ``colour`` within ``radius`` device pixels of layout point (x, y)?"""
    want = QColor(colour)
    cx, cy = round(x * SCALE), round(y * SCALE)
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            px, py = cx + dx, cy + dy
            if 0 <= px < image.width() and 0 <= py < image.height():
                got = image.pixelColor(px, py)
                if (
                    abs(got.red() - want.red())
                    + abs(got.green() - want.green())
                    + abs(got.blue() - want.blue())
                ) < tolerance:
                    return True
    return False


def _render(ctx, key: str, tmp_path: Path) -> QImage:
    image = ctx.canvas.render_map(SCALE)
    image.save(str(tmp_path / f"{key}.png"))
    image.save(str(tmp_path / f"{key}.png"))
    assert not image.isNull()
    return image


@pytest.mark.parametrize("key", list(SAMPLES))
def test_sample_renders_with_every_text_run_fitting(qtbot, library, tmp_path, key):
    ctx = make_ctx(qtbot, library, key)
    layout = ctx.canvas.projection.layout
    image = _render(ctx, key, tmp_path)
    assert (image.width(), image.height()) == (
        round(layout.width * SCALE),
        round(layout.height * SCALE),
    )
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
        index = next(i for i, c in enumerate(lane.curves) if c.primary)
        primary = lane.curves[index]
        shifts = face_shifts(lane)[index]
        for mark, shift in zip(primary.marks, shifts, strict=True):
            dx = shift.face
            # the face ring in the curve's colour, at the mark's height (the outer side,
            # if it was set aside from another face)
            ring_x = mark.x + dx + (-mark.radius if dx < 0 else mark.radius)
            assert _near(image, ring_x, mark.y, primary.colour, radius=2), mark
            # and not at the height of a value two steps away
            other = min(lane.ticks, key=lambda t: -abs(t[1] - mark.y))
            if abs(other[1] - mark.y) > 3 * mark.radius:
                assert not _near(image, ring_x, other[1], primary.colour, radius=1, tolerance=40)
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
        assert any(
            _near(image, cx, line.y, "#1A1A1A", radius=1, tolerance=60) for cx in [x, *column_xs]
        )
        thickness[line.kind] = sum(
            1
            for dy in range(-8, 9)
            if image.pixelColor(
                round((layout.grid.x + 90) * SCALE), round(line.y * SCALE) + dy
            ).lightness()
            < 90
        )
    assert thickness[BlueprintLineKind.VISIBILITY] > thickness[BlueprintLineKind.INTERACTION]


@pytest.mark.parametrize("key", ["support_request", "support_blueprint"])
def test_exported_png_is_the_canvas_at_full_size(qtbot, library, tmp_path, key):
    """PNG export paints with the canvas's own paint functions: the same pixels."""
    ctx = make_ctx(qtbot, library, key)
    canvas = _render(ctx, key, tmp_path)
    out = tmp_path / f"{key}-export.png"
    export_image(ctx.bundle, out, "png", dpi=round(72 * SCALE))
    exported = QImage(str(out)).convertToFormat(canvas.format())
    exported.save(str(tmp_path / f"{key}-export.png"))
    assert exported.size() == canvas.size()
    differing = total = 0
    for y in range(0, canvas.height(), 4):
        for x in range(0, canvas.width(), 4):
            a, b = canvas.pixelColor(x, y), exported.pixelColor(x, y)
            total += 1
            if (
                abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())
            ) > 30:
                differing += 1
    assert differing <= total * 0.001, (differing, total)


def test_faces_with_one_value_in_one_column_are_set_side_by_side(ctx, tmp_path):
    layout = ctx.canvas.projection.layout
    image = _render(ctx, "support_request", tmp_path)
    pairs = 0
    for lane in layout.emotion:
        spots: dict[tuple[int, float], list[tuple[float, float, float, str]]] = {}
        for curve, shifts in zip(lane.curves, face_shifts(lane), strict=True):
            for mark, shift in zip(curve.marks, shifts, strict=True):
                spots.setdefault((mark.column_index, round(mark.y, 2)), []).append(
                    (mark.x + shift.face, mark.y, mark.radius, curve.colour)
                )
        for (_column, y), faces in spots.items():
            if len(faces) == 1:
                continue
            pairs += 1
            faces.sort()
            for (x0, _y0, r0, _c0), (x1, _y1, r1, _c1) in zip(faces, faces[1:], strict=False):
                assert x1 - x0 >= r0 + r1  # no face covers another
            for i, (x, _y, r, colour) in enumerate(faces):
                # each ring shows in its own curve's colour on its outer side
                side = -r if i == 0 else r
                assert _near(image, x + side, y, colour, radius=2), (x, y, colour)
    assert pairs, "the sample has faces of two curves with one value in one column"
    handles = [
        item for key, item in ctx.canvas.projection.items.items() if key[0] == "emotion_point"
    ]
    assert any(item.box.shift.face for item in handles)
    for item in handles:  # a face is grabbed where it is drawn
        assert item.shape().contains(QPointF(item.box.x, item.box.mark.y))
