"""Choosing the emotion curve the keyboard and mouse edit: a to-be curve typed with + / -,
an overlay persona's value set by double-click, and a chosen face choosing its curve."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jmapper.model.enums import EmotionSeries, LaneKind
from jmapper.style import SERIES_COLOURS, SERIES_DASHES
from jmapper.ui.canvas.cells import Cell
from jmapper.ui.canvas.emotion_target import EmotionTarget
from jmapper.ui.canvas.projection import emotion_point_index


def _emotion_lane(ctx):
    return next(b for b in ctx.canvas.projection.layout.lanes if b.kind is LaneKind.EMOTIONS)


def _curve(ctx, persona_id, series):
    (lane,) = ctx.canvas.projection.layout.emotion
    for curve in lane.curves:
        owner = None if curve.primary else curve.persona_id
        if owner == persona_id and curve.series is series:
            return curve
    return None


def test_a_to_be_curve_typed_with_plus_and_minus(ctx, qtbot, render_dir):
    canvas = ctx.canvas
    picker = canvas.emotion_picker
    labels = [picker.itemText(i) for i in range(picker.count())]
    assert labels[:3] == [
        "Dana Whitfield \u2013 As-is",
        "Dana Whitfield \u2013 To-be",
        "Dana Whitfield \u2013 Employee",
    ]
    assert "Ray Donnelly \u2013 To-be" in labels
    assert _curve(ctx, None, EmotionSeries.TO_BE) is None
    as_is_before = {p.id: p.value for p in ctx.bundle.emotion_points.values()}
    QTest.keyClick(picker, Qt.Key.Key_Down)  # As-is -> To-be
    assert picker.target() == EmotionTarget(None, EmotionSeries.TO_BE)
    lane = _emotion_lane(ctx)
    canvas.set_current_cell(Cell(lane.lane_id, 0))
    canvas.setFocus()
    steps = ctx.steps
    # +2, +1, 0 (up then down), +1 across the first four columns
    for keys in (["+", "+"], ["+"], ["+", "-"], ["+"]):
        for key in keys:
            qtbot.keyClick(canvas, Qt.Key.Key_Plus if key == "+" else Qt.Key.Key_Minus)
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    curve = _curve(ctx, None, EmotionSeries.TO_BE)
    assert curve is not None
    assert [(m.column_index, m.value) for m in curve.marks] == [(0, 2), (1, 1), (2, 0), (3, 1)]
    assert ctx.steps == steps + 4  # one undo step per column: nudges on one point merge
    stored = [p for p in ctx.persisted().emotion_points.values() if p.series is EmotionSeries.TO_BE]
    assert sorted(p.value for p in stored) == [0, 1, 1, 2]
    # The as-is curve did not move; the to-be one has its own colour and dashes.
    assert {p.id: p.value for p in ctx.bundle.emotion_points.values() if p.id in as_is_before} == (
        as_is_before
    )
    as_is = _curve(ctx, None, EmotionSeries.AS_IS)
    assert (curve.colour, curve.dash) == (
        SERIES_COLOURS[EmotionSeries.TO_BE],
        SERIES_DASHES[EmotionSeries.TO_BE],
    )
    assert (curve.colour, curve.dash) != (as_is.colour, as_is.dash)
    canvas.centerOn(lane.rect.x + 600, lane.rect.centre[1])
    canvas.viewport().grab().save(str(render_dir / "to_be_curve.png"))
    for _ in range(4):
        ctx.document.undo_stack.undo()
    assert _curve(ctx, None, EmotionSeries.TO_BE) is None


def test_double_click_sets_the_chosen_overlay_curve_and_a_face_chooses_its_curve(ctx, qtbot):
    canvas = ctx.canvas
    picker = canvas.emotion_picker
    ray = next(p for p in ctx.bundle.personas.values() if p.name == "Ray Donnelly")
    assert picker.select(EmotionTarget(ray.id, EmotionSeries.TO_BE))
    (emotion,) = canvas.projection.layout.emotion
    column = canvas.projection.layout.columns[4]
    top_value, top_y, _label = max(emotion.ticks, key=lambda t: t[0])
    canvas.centerOn(column.centre_x, top_y)
    pos = ctx.view_pos(column.centre_x + 30, top_y + 1)
    steps = ctx.steps
    QTest.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    points = [
        p
        for p in ctx.bundle.emotion_points.values()
        if p.persona_id == ray.id and p.series is EmotionSeries.TO_BE
    ]
    assert [p.value for p in points] == [top_value] and ctx.steps == steps + 1
    assert ctx.persisted().emotion_points[points[0].id].value == top_value
    # Choosing one of the primary persona's as-is faces makes that the chosen curve.
    point_id = emotion_point_index(ctx.bundle)[(0, None, EmotionSeries.AS_IS)]
    item = canvas.projection.item("emotion_point", point_id)
    x, y = item.box.x, item.box.mark.y
    canvas.centerOn(x, y)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=ctx.view_pos(x, y))
    assert canvas.primary_selection() == ("emotion_point", point_id)
    assert picker.target() == EmotionTarget(None, EmotionSeries.AS_IS)
