"""Blueprint lines move by drag and by Alt+Up/Alt+Down: one undo step each, stored, undone
exactly; a move that breaks the line order is refused with the sentence and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jmapper.model.enums import BlueprintLineKind, BlueprintZone
from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.items import BlueprintLabelItem, BlueprintLineItem
from jmapper.ui.canvas.line_drag import REFUSED_COLOUR, LineDragInteraction
from tests.canvas.conftest import Ctx, drag, send_mouse

ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


def line_of(ctx: Ctx, kind: BlueprintLineKind):
    return next(line for line in ctx.bundle.blueprint_lines.values() if line.kind is kind)


def lane_called(ctx: Ctx, name: str):
    return next(lane for lane in ctx.bundle.lanes.values() if lane.name == name)


def lane_box(ctx: Ctx, name: str):
    lane_id = lane_called(ctx, name).id
    return next(box for box in ctx.canvas.projection.layout.lanes if box.lane_id == lane_id)


def grab_point(ctx: Ctx, line_id: str) -> QPoint:
    """A viewport point on the line's band where nothing (an arrow) lies over it."""
    canvas = ctx.canvas
    box = next(b for b in canvas.projection.layout.blueprint_lines if b.line_id == line_id)
    canvas.centerOn(canvas.projection.layout.width / 2, box.y)
    canvas.update_sticky()
    QApplication.processEvents()
    for column in canvas.projection.layout.columns:
        for fraction in (0.2, 0.5, 0.8):
            pos = ctx.view_pos(column.x + column.width * fraction, box.y + 3)
            item = canvas.map_item_at(pos)
            if isinstance(item, BlueprintLineItem) and item.entity_id == line_id:
                return pos
    raise AssertionError("no free point on the line")


def test_a_click_on_the_line_selects_it_and_its_label_shows_it(blueprint: Ctx, qtbot):
    line = line_of(blueprint, BlueprintLineKind.VISIBILITY)
    pos = grab_point(blueprint, line.id)
    qtbot.mouseClick(blueprint.canvas.viewport(), LEFT, pos=pos)
    assert blueprint.canvas.primary_selection() == ("blueprint_line", line.id)
    label = blueprint.canvas.projection.items[("blueprint_label", line.id)]
    assert isinstance(label, BlueprintLabelItem) and label.line_item is not None
    assert label.line_item.isSelected()
    assert blueprint.canvas.canvas_actions[names.MOVE_LINE_DOWN].isEnabled()
    # nothing was edited by selecting
    assert blueprint.steps == 0


def test_dragging_the_line_of_visibility_down_one_lane(blueprint: Ctx, qtbot, tmp_path):
    canvas = blueprint.canvas
    line = line_of(blueprint, BlueprintLineKind.VISIBILITY)
    backstage = lane_called(blueprint, "Backstage actions")
    assert (line.position, backstage.position, backstage.zone) == (4, 4, BlueprintZone.BACKSTAGE)
    before, steps = blueprint.bundle.copy(), blueprint.steps
    start = grab_point(blueprint, line.id)
    target_y = lane_box(blueprint, "Backstage actions").rect.bottom + 4
    end = QPoint(start.x(), canvas.mapFromScene(0, target_y).y())
    viewport = canvas.viewport()
    # press and move: the line and its label follow, snapped, with a blue marker
    send_mouse(viewport, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
    for i in range(1, 5):
        p = start + (end - start) * (i / 4)
        send_mouse(viewport, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, LEFT)
    interaction = canvas._interaction
    assert isinstance(interaction, LineDragInteraction)
    line_item = canvas.projection.items[("blueprint_line", line.id)]
    offset = line_item.pos().y()
    assert offset > lane_box(blueprint, "Backstage actions").rect.h / 2
    assert canvas.projection.items[("blueprint_label", line.id)].pos().y() == offset
    assert interaction.marker.scene() is canvas.scene()
    assert interaction.marker.pen().color().name().upper() != REFUSED_COLOUR
    assert blueprint.steps == steps  # nothing edited before the release
    canvas.grab().save(str(tmp_path / "dragging.png"))
    send_mouse(viewport, QEvent.Type.MouseButtonRelease, end, LEFT, Qt.MouseButton.NoButton)
    moved = blueprint.bundle.blueprint_lines[line.id]
    assert moved.position == 5
    # the lane the line passed is now on the customer's side of it
    assert blueprint.bundle.lanes[backstage.id].zone is BlueprintZone.FRONTSTAGE
    assert blueprint.steps == steps + 1
    assert "line of visibility down" in blueprint.document.undo_stack.undoText()
    stored = blueprint.persisted()
    assert stored.blueprint_lines[line.id] == moved
    assert stored.lanes[backstage.id].zone is BlueprintZone.FRONTSTAGE
    # redrawn below the lane, at rest, still selected; the drop marker is gone
    box = next(b for b in canvas.projection.layout.blueprint_lines if b.line_id == line.id)
    assert box.y > lane_box(blueprint, "Backstage actions").rect.bottom
    assert line_item.pos().isNull() and line_item.isSelected()
    assert interaction.marker.scene() is None
    blueprint.document.undo_stack.undo()
    assert blueprint.bundle == before == blueprint.persisted()


def test_alt_down_and_alt_up_move_the_selected_line_one_lane(blueprint: Ctx, qtbot):
    canvas = blueprint.canvas
    line = line_of(blueprint, BlueprintLineKind.INTERNAL_INTERACTION)
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=grab_point(blueprint, line.id))
    before, steps = blueprint.bundle.copy(), blueprint.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Up, ALT)
    assert blueprint.bundle.blueprint_lines[line.id].position == 4
    # the backstage lane passed is now below the line: support
    backstage = lane_called(blueprint, "Backstage actions")
    assert blueprint.bundle.lanes[backstage.id].zone is BlueprintZone.SUPPORT
    assert blueprint.steps == steps + 1
    assert blueprint.persisted().blueprint_lines[line.id].position == 4
    assert canvas.primary_selection() == ("blueprint_line", line.id)
    blueprint.document.undo_stack.undo()
    assert blueprint.bundle == before == blueprint.persisted()
    # Alt+Down from the bottom boundary of its band, then undo
    qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT)
    assert blueprint.bundle.blueprint_lines[line.id].position == 6
    assert blueprint.steps == steps + 1
    blueprint.document.undo_stack.undo()
    assert blueprint.bundle == before == blueprint.persisted()


def test_a_move_past_the_next_line_is_refused_with_the_sentence(blueprint: Ctx, qtbot):
    canvas = blueprint.canvas
    refusals: list[str] = []
    canvas.edit_refused.connect(refusals.append)
    line = line_of(blueprint, BlueprintLineKind.INTERACTION)
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=grab_point(blueprint, line.id))
    # one step down joins the line of visibility (allowed), the next would pass it
    qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT)
    assert blueprint.bundle.blueprint_lines[line.id].position == 4
    before, steps = blueprint.bundle.copy(), blueprint.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Down, ALT)
    assert refusals == [
        "The line of interaction must stay above the line of visibility; "
        "move the line of visibility down first."
    ]
    assert blueprint.bundle == before == blueprint.persisted()
    assert blueprint.steps == steps


def test_a_refused_drag_puts_the_line_back_and_changes_nothing(blueprint: Ctx, qtbot):
    canvas = blueprint.canvas
    refusals: list[str] = []
    canvas.edit_refused.connect(refusals.append)
    line = line_of(blueprint, BlueprintLineKind.VISIBILITY)
    before, steps = blueprint.bundle.copy(), blueprint.steps
    start = grab_point(blueprint, line.id)
    top = lane_box(blueprint, "Customer actions").rect.y + 4
    end = QPoint(start.x(), canvas.mapFromScene(0, top).y())
    drag(canvas, start, end)
    assert refusals == [
        "The line of visibility must stay below the line of interaction; "
        "move the line of interaction up first."
    ]
    assert blueprint.bundle == before == blueprint.persisted()
    assert blueprint.steps == steps
    for key in (("blueprint_line", line.id), ("blueprint_label", line.id)):
        assert canvas.projection.items[key].pos().isNull()


def test_the_label_grabs_the_line_too(blueprint: Ctx, qtbot):
    canvas = blueprint.canvas
    line = line_of(blueprint, BlueprintLineKind.INTERNAL_INTERACTION)
    grab_point(blueprint, line.id)  # scrolls the line into view
    label = canvas.projection.items[("blueprint_label", line.id)]
    start = canvas.mapFromScene(label.mapToScene(label.box.label.rect.centre[0], label.box.y))
    bottom = lane_box(blueprint, "Support processes").rect.bottom - 2
    drag(canvas, start, QPoint(start.x(), canvas.mapFromScene(0, bottom).y()))
    assert blueprint.bundle.blueprint_lines[line.id].position == 6
    assert blueprint.steps == 1


def _click_label(ctx: Ctx, line_id: str) -> None:
    canvas = ctx.canvas
    box = next(b for b in canvas.projection.layout.blueprint_lines if b.line_id == line_id)
    canvas.centerOn(box.x0 + 500, box.y)
    canvas.update_sticky()
    QApplication.processEvents()
    item = canvas.projection.items[("blueprint_label", line_id)]
    point = item.mapToScene(*box.label_bg.centre)
    QTest.mouseClick(canvas.viewport(), LEFT, pos=canvas.mapFromScene(point))
    assert canvas.primary_selection() == ("blueprint_line", line_id)


def test_plain_up_and_down_move_a_line_selected_by_its_label(blueprint: Ctx, qtbot, render_dir):
    canvas = blueprint.canvas
    internal = line_of(blueprint, BlueprintLineKind.INTERNAL_INTERACTION)
    support = lane_called(blueprint, "Support processes")
    start = internal.position
    _click_label(blueprint, internal.id)
    before, steps = blueprint.bundle.copy(), blueprint.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    # below Support processes now, which is on the backstage side of the line
    assert blueprint.bundle.blueprint_lines[internal.id].position == start + 1
    assert blueprint.bundle.lanes[support.id].zone is BlueprintZone.BACKSTAGE
    assert blueprint.persisted().blueprint_lines[internal.id].position == start + 1
    assert blueprint.steps == steps + 1
    assert canvas.primary_selection() == ("blueprint_line", internal.id)
    canvas.viewport().grab().save(str(render_dir / "blueprint_line_moved.png"))
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert blueprint.bundle.blueprint_lines[internal.id].position == start
    assert blueprint.steps == steps + 2
    blueprint.document.undo_stack.undo()
    blueprint.document.undo_stack.undo()
    assert blueprint.bundle == before == blueprint.persisted()


def test_drag_a_line_below_every_lane(blueprint: Ctx, qtbot):
    canvas = blueprint.canvas
    internal = line_of(blueprint, BlueprintLineKind.INTERNAL_INTERACTION)
    layout = canvas.projection.layout
    box = next(b for b in layout.blueprint_lines if b.line_id == internal.id)
    last = layout.lanes[-1]  # drop at the very bottom: after every lane
    steps = blueprint.steps
    x = canvas.mapToScene(grab_point(blueprint, internal.id)).x()
    canvas.centerOn(x, (box.y + last.rect.bottom) / 2)
    drag(canvas, blueprint.view_pos(x, box.y), blueprint.view_pos(x, last.rect.bottom - 3), steps=8)
    assert blueprint.bundle.blueprint_lines[internal.id].position == len(blueprint.bundle.lanes)
    assert blueprint.steps == steps + 1
    moved = next(b for b in canvas.projection.layout.blueprint_lines if b.line_id == internal.id)
    assert moved.y > canvas.projection.layout.lanes[-1].rect.y
    assert canvas.projection.item("blueprint_line", internal.id).pos().y() == 0


def test_ctrl_l_reaches_each_line_without_the_mouse(blueprint: Ctx, qtbot):
    canvas = blueprint.canvas
    canvas.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    order = [b.line_id for b in canvas.projection.layout.blueprint_lines]
    across = canvas.horizontalScrollBar().value()
    qtbot.keyClick(canvas, Qt.Key.Key_L, ctrl)
    assert canvas.primary_selection() == ("blueprint_line", order[0])
    # a line is as wide as the map: selecting it scrolls up or down only
    assert canvas.horizontalScrollBar().value() == across
    qtbot.keyClick(canvas, Qt.Key.Key_L, ctrl)
    visibility = line_of(blueprint, BlueprintLineKind.VISIBILITY)
    assert (
        canvas.primary_selection()
        == ("blueprint_line", visibility.id)
        == (
            "blueprint_line",
            order[1],
        )
    )
    before, steps = blueprint.bundle.copy(), blueprint.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert blueprint.bundle.blueprint_lines[visibility.id].position == visibility.position + 1
    assert blueprint.steps == steps + 1
    blueprint.document.undo_stack.undo()
    assert blueprint.bundle == before == blueprint.persisted()
    # it wraps from the last line to the first
    qtbot.keyClick(canvas, Qt.Key.Key_L, ctrl)
    qtbot.keyClick(canvas, Qt.Key.Key_L, ctrl)
    assert canvas.primary_selection() == ("blueprint_line", order[0])


def test_ctrl_l_on_a_map_without_lines_says_so(ctx: Ctx, qtbot):
    assert not ctx.bundle.blueprint_lines
    refusals: list[str] = []
    ctx.canvas.edit_refused.connect(refusals.append)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert refusals == ["This map has no blueprint lines."]
    assert ctx.canvas.primary_selection()[0] != "blueprint_line"
