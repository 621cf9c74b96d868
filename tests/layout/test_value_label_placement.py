"""Value labels on the emotion lane land exactly where the unindexed placement put them.

``place_value_labels`` tests each candidate spot only against the curves, faces and
labels near it (an x index).  ``reference_place_value_labels`` below is a verbatim copy
of the placement as it was before, testing everything against everything; every label
box of every sample, and of wide random maps, must come out identical.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from jmapper.layout import compute_layout
from jmapper.layout.boxes import EmotionCurve, Rect
from jmapper.layout.emotion import _spot_order, place_value_labels, value_label_rect
from jmapper.layout.geometry import circle_hits_rect, inflate, polyline_hits_rect
from jmapper.layout.text import text_width
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import (
    EmotionPoint,
    EmotionScale,
    JourneyMap,
    Lane,
    Persona,
    Stage,
    Step,
)
from jmapper.model.enums import EmotionScaleKind, EmotionSeries, LaneKind
from jmapper.style import DEFAULT_STYLE, Style
from jmapper.templates import build_samples
from tests.layout.maps import make_map


def reference_place_value_labels(
    curves: list[EmotionCurve], plot: Rect, midline: float, style: Style
) -> list[EmotionCurve]:
    """Put every face's signed value where no curve runs, inside ``plot``.

    A label never crosses its own curve (a hard rule, whenever any spot allows it); it
    avoids the other curves, the other faces, labels already placed and the midline, in
    that order of weight, and otherwise takes the first spot for the local shape: above a
    peak, below a trough, above a curve that rises or falls through the face.
    """
    size = style.emotion_value_size
    bounds = inflate(plot, 0.01)
    faces = [(m.x, m.y, m.radius) for c in curves for m in c.marks]
    placed: list[Rect] = []
    # Faces of two personas at the same spot with the same value share one label: the
    # second is printed over the first, so the lane never shows "-1 -1".
    shared: dict[tuple[float, float, str], Rect] = {}
    out = []
    for curve in curves:
        own = curve.polyline
        others = [c.polyline for c in curves if c is not curve and c.polyline]
        clearance = curve.width / 2 + 0.6
        new_marks = []
        for i, mark in enumerate(curve.marks):
            prev_y = curve.marks[i - 1].y if i > 0 else None
            next_y = curve.marks[i + 1].y if i + 1 < len(curve.marks) else None
            width = text_width(mark.label, size, True)
            key = (round(mark.x, 2), round(mark.y, 2), mark.label)
            best: tuple[float, Rect] | None = None
            if key in shared and not polyline_hits_rect(own, inflate(shared[key], clearance)):
                best = (0.0, shared[key])
            spots = [] if best is not None else _spot_order(prev_y, mark.y, next_y)
            for rank, spot in enumerate(spots):
                rect = value_label_rect(mark.x, mark.y, mark.radius, width, size, spot)
                if not bounds.contains(rect):
                    continue
                padded = inflate(rect, clearance)
                cost = rank * 0.5
                if polyline_hits_rect(own, padded):
                    cost += 1000.0
                cost += 10.0 * sum(polyline_hits_rect(p, padded) for p in others)
                cost += 10.0 * sum(
                    circle_hits_rect(fx, fy, fr + 0.5, rect)
                    for fx, fy, fr in faces
                    if (fx, fy, fr) != (mark.x, mark.y, mark.radius)
                )
                cost += 50.0 * sum(rect.intersects(inflate(p, 1.0)) for p in placed)
                if rect.y - 1 < midline < rect.bottom + 1:
                    cost += 2.0
                if best is None or cost < best[0]:
                    best = (cost, rect)
            if best is None:  # a plot too small for any spot: keep the old place, right
                rect = value_label_rect(mark.x, mark.y, mark.radius, width, size, "right")
            else:
                rect = best[1]
            placed.append(rect)
            shared.setdefault(key, rect)
            new_marks.append(
                replace(
                    mark,
                    label_x=rect.x,
                    label_baseline=rect.bottom - size * 0.065,
                    label_rect=rect,
                )
            )
        out.append(replace(curve, marks=tuple(new_marks)))
    return out


def _wide_map(stages: int, seed: int, scale: EmotionScaleKind) -> MapBundle:
    """Three personas, as-is and to-be, a random walk each: many shared values and crossings."""
    rng = random.Random(seed)
    personas = [Persona(name=f"Persona {i}", colour="#336699") for i in range(3)]
    jm = JourneyMap(
        title=f"Wide {stages}",
        primary_persona_id=personas[0].id,
        overlay_persona_ids=[p.id for p in personas[1:]],
        emotion_scale=EmotionScale.preset(scale),
    )
    bundle = MapBundle(map=jm)
    for persona in personas:
        bundle.add(persona)
    columns = []
    for s in range(stages):
        stage = Stage(map_id=jm.id, name=f"S{s}", position=s)
        bundle.add(stage)
        for t in range(rng.randint(0, 3)):
            step = Step(map_id=jm.id, stage_id=stage.id, name=f"T{s}.{t}", position=t)
            bundle.add(step)
            columns.append((stage.id, step.id))
        if not any(sid == stage.id for sid, _ in columns):
            columns.append((stage.id, None))
    bundle.add(Lane(map_id=jm.id, name="Feelings", kind=LaneKind.EMOTIONS, position=0))
    values = list(bundle.map.emotion_scale.values)
    for persona in personas:
        for series in (EmotionSeries.AS_IS, EmotionSeries.TO_BE):
            for stage_id, step_id in columns:
                if rng.random() < 0.15:
                    continue  # gaps: curves of different lengths
                bundle.add(
                    EmotionPoint(
                        map_id=jm.id,
                        stage_id=stage_id,
                        step_id=step_id,
                        persona_id=persona.id,
                        series=series,
                        value=rng.choice(values),
                    )
                )
    return bundle


def _boxes(curves: list[EmotionCurve]) -> list[list[Rect | None]]:
    return [[mark.label_rect for mark in curve.marks] for curve in curves]


def _assert_same_as_reference(bundle: MapBundle, style: Style = DEFAULT_STYLE) -> int:
    layout = compute_layout(bundle, style)
    marks = 0
    for lane in layout.emotion:
        curves = list(lane.curves)
        expected = _boxes(reference_place_value_labels(curves, lane.plot, lane.midline_y, style))
        assert _boxes(curves) == expected
        assert _boxes(place_value_labels(curves, lane.plot, lane.midline_y, style)) == expected
        marks += sum(len(row) for row in expected)
    return marks


@pytest.mark.parametrize("bundle", build_samples(), ids=lambda b: b.map.title[:30])
def test_every_sample_places_its_value_labels_as_before(bundle: MapBundle) -> None:
    marks = _assert_same_as_reference(bundle)
    if bundle.emotion_points:
        assert marks


@pytest.mark.parametrize("stages", [1, 3, 6])
def test_hand_built_maps_place_their_value_labels_as_before(stages: int) -> None:
    assert _assert_same_as_reference(make_map(stages=stages))


@pytest.mark.parametrize("seed", range(6))
def test_wide_random_maps_place_their_value_labels_as_before(seed: int) -> None:
    scale = [EmotionScaleKind.MINUS2_PLUS2, EmotionScaleKind.ONE_TO_FIVE][seed % 2]
    assert _assert_same_as_reference(_wide_map(8 + 3 * seed, seed, scale)) > 40


def test_a_cramped_lane_places_its_value_labels_as_before() -> None:
    """Big digits in a short plot: most spots leave it and labels fall back or pile up."""
    style = replace(
        DEFAULT_STYLE,
        emotion_value_size=DEFAULT_STYLE.emotion_value_size * 2.5,
        emotion_plot_height=DEFAULT_STYLE.emotion_plot_height / 2,
    )
    assert _assert_same_as_reference(_wide_map(6, 99, EmotionScaleKind.MINUS2_PLUS2), style)
