"""Pointer gestures: each drag is one undo step, persisted, and undo restores exactly."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.items import CardItem
from tests.canvas.conftest import cell_centre, drag, empty_cell


def _card_with_box(ctx):
    card_id, box = next(iter(ctx.canvas.projection.layout.cards.items()))
    return ctx.bundle.cards[card_id], box


def test_drag_card_to_another_cell(ctx, qtbot):
    canvas = ctx.canvas
    lane, column = empty_cell(ctx)
    card, box = _card_with_box(ctx)
    before, steps = ctx.bundle.copy(), ctx.steps
    items_before = set(canvas.scene().items())
    drag(canvas, ctx.view_pos(*box.title.rect.centre), ctx.view_pos(*cell_centre(lane, column)))
    moved = ctx.bundle.cards[card.id]
    assert (moved.lane_id, moved.stage_id, moved.step_id) == (
        lane.lane_id,
        column.stage_id,
        column.step_id,
    )
    assert ctx.steps == steps + 1
    assert ctx.persisted().cards[card.id] == moved
    # the scene was not rebuilt: the same item objects, the card item only moved
    assert set(canvas.scene().items()) == items_before
    item = canvas.projection.item("card", card.id)
    assert item.pos().isNull() and item.boundingRect().contains(
        canvas.projection.layout.cards[card.id].rect.x + 1,
        canvas.projection.layout.cards[card.id].rect.y + 1,
    )
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_drag_multi_selection_moves_together_in_one_step(ctx, qtbot):
    canvas = ctx.canvas
    lane, column = empty_cell(ctx)
    layout = canvas.projection.layout
    (a, box_a), (b, box_b) = list(layout.cards.items())[:2]
    qtbot.mouseClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, pos=ctx.view_pos(*box_a.title.rect.centre)
    )
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        pos=ctx.view_pos(*box_b.title.rect.centre),
    )
    assert set(canvas.selected_card_ids()) == {a, b}
    before, steps = ctx.bundle.copy(), ctx.steps
    drag(canvas, ctx.view_pos(*box_b.title.rect.centre), ctx.view_pos(*cell_centre(lane, column)))
    for card_id in (a, b):
        card = ctx.bundle.cards[card_id]
        assert (card.lane_id, card.stage_id, card.step_id) == (
            lane.lane_id,
            column.stage_id,
            column.step_id,
        )
    assert ctx.steps == steps + 1
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_drag_right_edge_changes_span(ctx, qtbot):
    canvas = ctx.canvas
    layout = canvas.projection.layout
    card_id, box = next(
        (i, b)
        for i, b in layout.cards.items()
        if ctx.bundle.cards[i].span == 1 and canvas.card_column(i) < len(layout.columns) - 2
    )
    before, steps = ctx.bundle.copy(), ctx.steps
    start = ctx.view_pos(box.rect.right, box.rect.centre[1])
    start = QPoint(start.x() - 2, start.y())
    end = ctx.view_pos(box.rect.right + layout.columns[0].width, box.rect.centre[1])
    drag(canvas, start, end)
    assert ctx.bundle.cards[card_id].span == 2
    assert ctx.persisted().cards[card_id].span == 2
    assert ctx.steps == steps + 1
    new_box = canvas.projection.layout.cards[card_id]
    assert new_box.rect.w > box.rect.w + 100
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_drag_stage_header_reorders_stages(ctx, qtbot):
    canvas = ctx.canvas
    layout = canvas.projection.layout
    first, third = layout.stages[0], layout.stages[2]
    before, steps = ctx.bundle.copy(), ctx.steps
    drag(
        canvas,
        ctx.view_pos(first.rect.x + 20, first.rect.centre[1]),
        ctx.view_pos(third.rect.centre[0], third.rect.centre[1]),
    )
    order = [s.id for s in ctx.bundle.ordered_stages()]
    assert order.index(first.stage_id) == 2
    assert [s.id for s in ctx.persisted().ordered_stages()] == order
    assert ctx.steps == steps + 1
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_drag_lane_label_reorders_lanes(ctx, qtbot):
    canvas = ctx.canvas
    layout = canvas.projection.layout
    top, other = layout.lanes[0], layout.lanes[2]
    before, steps = ctx.bundle.copy(), ctx.steps
    drag(canvas, ctx.view_pos(40, top.rect.centre[1]), ctx.view_pos(40, other.rect.centre[1]))
    order = [ln.id for ln in ctx.bundle.ordered_lanes()]
    assert order.index(top.lane_id) == [ln.id for ln in before.ordered_lanes()].index(other.lane_id)
    assert ctx.steps == steps + 1
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_drag_emotion_point_snaps_and_is_one_step(ctx, qtbot):
    canvas = ctx.canvas
    handles = [k for k in canvas.projection.items if k[0] == "emotion_point"]
    point_id = next(
        pid
        for _, pid in handles
        if ctx.bundle.emotion_points[pid].value < 0
        and ctx.bundle.emotion_points[pid].persona_id in (None, ctx.bundle.map.primary_persona_id)
    )
    item = canvas.projection.item("emotion_point", point_id)
    mark = item.box.mark
    target_y = item.y_of(2) + 3  # a little off the +2 line: it must snap
    before, steps = ctx.bundle.copy(), ctx.steps
    x = item.box.x  # where the face is drawn, beside any face with the same value
    drag(canvas, ctx.view_pos(x, mark.y), ctx.view_pos(x, target_y), steps=10)
    assert ctx.bundle.emotion_points[point_id].value == 2
    assert ctx.persisted().emotion_points[point_id].value == 2
    assert ctx.steps == steps + 1
    assert abs(canvas.projection.item("emotion_point", point_id).box.mark.y - item.y_of(2)) < 0.5
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_keyboard_plus_minus_nudges_emotion(ctx, qtbot):
    canvas = ctx.canvas
    point = next(p for p in ctx.bundle.emotion_points.values() if -2 < p.value < 2)
    canvas.select("emotion_point", point.id)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert ctx.bundle.emotion_points[point.id].value == point.value + 1
    assert ctx.persisted().emotion_points[point.id].value == point.value + 1
    assert ctx.steps == steps + 1
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert ctx.bundle.emotion_points[point.id].value == point.value - 1
    assert ctx.steps == steps + 1  # nudging one point merges into one step
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def _two_unlinked_cards(ctx):
    layout = ctx.canvas.projection.layout
    linked = {
        frozenset((k.source_card_id, k.target_card_id)) for k in ctx.bundle.card_links.values()
    }
    ids = list(layout.cards)
    for a in ids:
        for b in ids:
            if a != b and frozenset((a, b)) not in linked:
                return a, b
    raise AssertionError


def test_alt_drag_draws_an_arrow(ctx, qtbot):
    canvas = ctx.canvas
    a, b = _two_unlinked_cards(ctx)
    layout = canvas.projection.layout
    before, steps = ctx.bundle.copy(), ctx.steps
    drag(
        canvas,
        ctx.view_pos(*layout.cards[a].title.rect.centre),
        ctx.view_pos(*layout.cards[b].title.rect.centre),
        Qt.KeyboardModifier.AltModifier,
    )
    new = [k for k in ctx.bundle.card_links.values() if k.id not in before.card_links]
    assert [(k.source_card_id, k.target_card_id) for k in new] == [(a, b)]
    assert new[0].id in ctx.persisted().card_links
    assert ctx.steps == steps + 1
    assert canvas.projection.item("card_link", new[0].id) is not None
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()
    assert canvas.projection.item("card_link", new[0].id) is None


def test_draw_arrow_action_then_two_clicks(ctx, qtbot):
    canvas = ctx.canvas
    a, b = _two_unlinked_cards(ctx)
    layout = canvas.projection.layout
    steps = ctx.steps
    canvas.canvas_actions[names.DRAW_ARROW].trigger()
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=ctx.view_pos(*layout.cards[a].title.rect.centre),
    )
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=ctx.view_pos(*layout.cards[b].title.rect.centre),
    )
    assert any(
        k.source_card_id == a and k.target_card_id == b for k in ctx.bundle.card_links.values()
    )
    assert ctx.steps == steps + 1
    assert not canvas.canvas_actions[names.DRAW_ARROW].isChecked()
    assert canvas.primary_selection()[0] == "card_link"


def test_arrows_follow_their_cards(blueprint, qtbot):
    ctx = blueprint
    canvas = ctx.canvas
    link = next(iter(ctx.bundle.card_links.values()))
    old = canvas.projection.item("card_link", link.id).box
    lane, column = empty_cell(ctx)
    box = canvas.projection.layout.cards[link.source_card_id]
    canvas.select("card", link.source_card_id)
    drag(canvas, ctx.view_pos(*box.title.rect.centre), ctx.view_pos(*cell_centre(lane, column)))
    new = canvas.projection.item("card_link", link.id).box
    assert new.start != old.start
    assert new == next(k for k in canvas.projection.layout.links if k.link_id == link.id)


def test_one_edit_touches_only_its_items(ctx, qtbot):
    """No rebuild: a card edit or move creates and removes no items at all."""
    canvas = ctx.canvas
    projection = canvas.projection
    created, removed = projection.created, projection.removed
    identity = {k: id(v) for k, v in projection.items.items()}
    card = next(iter(ctx.bundle.cards.values()))
    ctx.document.edit("card", card.id, title=card.title + " (edited)")
    lane, column = empty_cell(ctx)
    ctx.document.move_cards([card.id], lane.lane_id, column.stage_id, column.step_id)
    assert (projection.created, projection.removed) == (created, removed)
    assert {k: id(v) for k, v in projection.items.items()} == identity
    assert isinstance(projection.item("card", card.id), CardItem)
    ctx.document.add_card(
        type(card)(
            lane_id=lane.lane_id, stage_id=column.stage_id, step_id=column.step_id, title="one more"
        )
    )
    assert projection.created == created + 1 and projection.removed == removed
