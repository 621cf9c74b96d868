"""Blueprint lines move by keyboard and by drag, one undo step each; a move that breaks the
order or puts a zoned lane on the wrong side is refused with a sentence that says how."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jmapper.model.enums import BlueprintLineKind, BlueprintZone
from tests.canvas.conftest import drag


def _line(ctx, kind):
    return next(line for line in ctx.bundle.blueprint_lines.values() if line.kind is kind)


def _click_label(ctx, line_id: str) -> None:
    canvas = ctx.canvas
    box = next(b for b in canvas.projection.layout.blueprint_lines if b.line_id == line_id)
    canvas.centerOn(box.x0 + 500, box.y)
    canvas.update_sticky()
    QApplication.processEvents()
    item = canvas.projection.items[("blueprint_label", line_id)]
    point = item.mapToScene(*box.label_bg.centre)
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=canvas.mapFromScene(point))
    assert canvas.primary_selection() == ("blueprint_line", line_id)


def test_keyboard_moves_refused_then_allowed_once_the_zone_changes(blueprint, qtbot, render_dir):
    ctx = blueprint
    canvas = ctx.canvas
    internal = _line(ctx, BlueprintLineKind.INTERNAL_INTERACTION)
    start = internal.position
    refusals: list[str] = []
    canvas.edit_refused.connect(refusals.append)
    _click_label(ctx, internal.id)
    steps = ctx.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Down)  # the support lane would sit above the line
    assert ctx.bundle.blueprint_lines[internal.id].position == start and ctx.steps == steps
    assert refusals and "wrong side of a blueprint line" in refusals[-1]
    assert "Up or Down" in refusals[-1] and "zone" in refusals[-1]

    support = next(ln for ln in ctx.bundle.lanes.values() if ln.zone is BlueprintZone.SUPPORT)
    ctx.document.edit("lane", support.id, zone=BlueprintZone.NONE)
    steps = ctx.steps
    _click_label(ctx, internal.id)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert ctx.bundle.blueprint_lines[internal.id].position == start + 1
    assert ctx.persisted().blueprint_lines[internal.id].position == start + 1
    assert ctx.steps == steps + 1
    assert canvas.primary_selection() == ("blueprint_line", internal.id)
    canvas.viewport().grab().save(str(render_dir / "blueprint_line_moved.png"))
    ctx.document.undo_stack.undo()
    assert ctx.bundle.blueprint_lines[internal.id].position == start
    assert ctx.persisted().blueprint_lines[internal.id].position == start
    ctx.document.undo_stack.redo()
    qtbot.keyClick(canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert ctx.bundle.blueprint_lines[internal.id].position == start
    assert ctx.persisted().blueprint_lines[internal.id].position == start


def _grip_x(ctx, line_id: str, y: float) -> float:
    """An x where the line itself is the topmost item (arrows cross lines elsewhere)."""
    canvas = ctx.canvas
    for column in canvas.projection.layout.columns:
        x = column.x + 20
        canvas.centerOn(x, y)
        item = canvas.map_item_at(ctx.view_pos(x, y))
        if item is not None and item.kind == "blueprint_line" and item.entity_id == line_id:
            return x
    raise AssertionError("no free spot on the line")


def test_drag_a_line_to_a_lane_boundary(blueprint, qtbot):
    ctx = blueprint
    canvas = ctx.canvas
    internal = _line(ctx, BlueprintLineKind.INTERNAL_INTERACTION)
    for lane in ctx.bundle.lanes.values():
        if lane.zone is BlueprintZone.SUPPORT:
            ctx.document.edit("lane", lane.id, zone=BlueprintZone.NONE)
    layout = canvas.projection.layout
    box = next(b for b in layout.blueprint_lines if b.line_id == internal.id)
    last = layout.lanes[-1]  # drop at the very bottom: after every lane
    steps = ctx.steps
    x = _grip_x(ctx, internal.id, box.y)
    canvas.centerOn(x, (box.y + last.rect.bottom) / 2)
    drag(canvas, ctx.view_pos(x, box.y), ctx.view_pos(x, last.rect.bottom - 3), steps=8)
    assert ctx.bundle.blueprint_lines[internal.id].position == len(ctx.bundle.lanes)
    assert ctx.steps == steps + 1
    moved = next(b for b in canvas.projection.layout.blueprint_lines if b.line_id == internal.id)
    assert moved.y > last.rect.y
    item = canvas.projection.item("blueprint_line", internal.id)
    assert item.pos().y() == 0  # the drag preview is gone; the layout placed it
    # Dragging the line of visibility above the line of interaction is refused.
    visibility = _line(ctx, BlueprintLineKind.VISIBILITY)
    layout = canvas.projection.layout
    vis = next(b for b in layout.blueprint_lines if b.line_id == visibility.id)
    steps = ctx.steps
    x = _grip_x(ctx, visibility.id, vis.y)
    canvas.centerOn(x, (vis.y + layout.lanes[0].rect.y) / 2)
    drag(canvas, ctx.view_pos(x, vis.y), ctx.view_pos(x, layout.lanes[0].rect.y + 2), steps=8)
    assert ctx.bundle.blueprint_lines[visibility.id].position == visibility.position
    assert ctx.steps == steps
    assert canvas.projection.item("blueprint_line", visibility.id).pos().y() == 0
