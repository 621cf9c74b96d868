"""Fast capture: double-click or Enter on a cell, type, Enter / Tab / Esc; keys and actions."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.cells import Cell
from tests.canvas.conftest import cell_centre, empty_cell


def _new_titles(ctx, before) -> dict[str, str]:
    return {c.id: c.title for c in ctx.bundle.cards.values() if c.id not in before.cards}


def test_double_click_empty_cell_type_enter_adds_one_card(ctx, qtbot):
    lane, column = empty_cell(ctx)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.mouseDClick(
        ctx.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=ctx.view_pos(*cell_centre(lane, column)),
    )
    editor = ctx.canvas.editor
    assert editor.isVisible() and editor.hasFocus()
    qtbot.keyClicks(editor, "Asks a neighbour for help")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    added = _new_titles(ctx, before)
    assert list(added.values()) == ["Asks a neighbour for help"]
    card = ctx.bundle.cards[next(iter(added))]
    assert (card.lane_id, card.stage_id, card.step_id) == (
        lane.lane_id,
        column.stage_id,
        column.step_id,
    )
    assert ctx.steps == steps + 1
    assert ctx.persisted().cards[card.id] == card
    assert ctx.canvas.selected_card_ids() == [card.id]
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before
    assert ctx.persisted() == before


def test_escape_cancels_without_a_trace(ctx, qtbot):
    lane, column = empty_cell(ctx)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.mouseDClick(
        ctx.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=ctx.view_pos(*cell_centre(lane, column)),
    )
    qtbot.keyClicks(ctx.canvas.editor, "never mind")
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Escape)
    assert not ctx.canvas.editor.isVisible()
    assert ctx.steps == steps
    assert ctx.bundle == before == ctx.persisted()


def test_tab_commits_and_starts_the_next_cell(ctx, qtbot):
    lane, column = empty_cell(ctx)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.mouseDClick(
        ctx.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=ctx.view_pos(*cell_centre(lane, column)),
    )
    qtbot.keyClicks(ctx.canvas.editor, "First")
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Tab)
    assert ctx.canvas.editor.isVisible()
    assert ctx.canvas.current_cell == Cell(lane.lane_id, column.index + 1)
    qtbot.keyClicks(ctx.canvas.editor, "Second")
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Backtab)
    assert ctx.canvas.current_cell == Cell(lane.lane_id, column.index)
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Escape)
    added = _new_titles(ctx, before)
    assert sorted(added.values()) == ["First", "Second"]
    second = next(ctx.bundle.cards[i] for i, t in added.items() if t == "Second")
    nxt = ctx.canvas.projection.layout.columns[column.index + 1]
    assert (second.lane_id, second.stage_id, second.step_id) == (
        lane.lane_id,
        nxt.stage_id,
        nxt.step_id,
    )
    assert ctx.steps == steps + 2  # one step per card typed
    assert {c.title for c in ctx.persisted().cards.values()} >= {"First", "Second"}
    ctx.document.undo_stack.undo()
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_enter_on_a_selected_cell_adds_a_card(ctx, qtbot):
    lane, column = empty_cell(ctx)
    canvas = ctx.canvas
    qtbot.mouseClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, pos=ctx.view_pos(*cell_centre(lane, column))
    )
    assert canvas.current_cell == Cell(lane.lane_id, column.index)
    steps = ctx.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    qtbot.keyClicks(canvas.editor, "Typed straight away")
    qtbot.keyClick(canvas.editor, Qt.Key.Key_Enter)
    assert ctx.steps == steps + 1
    assert "Typed straight away" in {c.title for c in ctx.persisted().cards.values()}


def test_enter_on_a_card_renames_it_in_one_step(ctx, qtbot):
    canvas = ctx.canvas
    card = next(iter(ctx.bundle.cards.values()))
    canvas.select("card", card.id)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert canvas.editor.text() == card.title
    canvas.editor.clear()
    qtbot.keyClicks(canvas.editor, "Renamed on the map")
    qtbot.keyClick(canvas.editor, Qt.Key.Key_Return)
    assert ctx.bundle.cards[card.id].title == "Renamed on the map"
    assert ctx.persisted().cards[card.id].title == "Renamed on the map"
    assert ctx.steps == steps + 1
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_arrow_keys_move_between_cells_and_cards(ctx, qtbot):
    canvas = ctx.canvas
    layout = canvas.projection.layout
    lane = layout.lanes[0]
    canvas.set_current_cell(Cell(lane.lane_id, 0))
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.current_cell == Cell(lane.lane_id, 1)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.current_cell == Cell(layout.lanes[1].lane_id, 1)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.current_cell == Cell(layout.lanes[1].lane_id, 0)
    kind, card_id = canvas.primary_selection()
    cards = ctx.bundle.cards_in_cell(
        layout.lanes[1].lane_id, layout.columns[0].stage_id, layout.columns[0].step_id
    )
    if cards:
        assert (kind, card_id) == ("card", cards[0].id)
    assert ctx.steps == 0  # selection never enters the model


def test_delete_removes_the_selected_cards_in_one_step(ctx, qtbot):
    canvas = ctx.canvas
    ids = list(ctx.bundle.cards)[:2]
    canvas.select_many("card", ids)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert not set(ids) & set(ctx.bundle.cards)
    assert not set(ids) & set(ctx.persisted().cards)
    assert ctx.steps == steps + 1
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_copy_paste_into_another_map(ctx, qtbot):
    canvas = ctx.canvas
    card = next(c for c in ctx.bundle.cards.values() if c.description)
    canvas.select("card", card.id)
    qtbot.keyClick(canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    other = ctx.open("loan_application")
    before, steps = other.bundle.copy(), other.undo_stack.count()
    layout = canvas.projection.layout
    canvas.set_current_cell(Cell(layout.lanes[0].lane_id, 2))
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    pasted = [c for c in other.bundle.cards.values() if c.id not in before.cards]
    assert [(c.title, c.description) for c in pasted] == [(card.title, card.description)]
    assert pasted[0].map_id == other.map_id and pasted[0].lane_id == layout.lanes[0].lane_id
    assert other.undo_stack.count() == steps + 1
    assert ctx.persisted().cards[pasted[0].id] == pasted[0]
    assert canvas.selected_card_ids() == [pasted[0].id]
    other.undo_stack.undo()
    assert other.bundle == before == ctx.persisted()


def test_duplicate_with_ctrl_d(ctx, qtbot):
    canvas = ctx.canvas
    card = next(iter(ctx.bundle.cards.values()))
    canvas.select("card", card.id)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.keyClick(canvas, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = [c for c in ctx.bundle.cards.values() if c.id not in before.cards]
    assert len(copies) == 1 and copies[0].title == card.title
    assert ctx.steps == steps + 1
    assert copies[0].id in ctx.persisted().cards
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()


def test_insert_stage_step_and_lane_actions(ctx, qtbot):
    canvas = ctx.canvas
    layout = canvas.projection.layout
    stage = ctx.bundle.ordered_stages()[1]
    canvas.select("stage", stage.id)
    before, steps = ctx.bundle.copy(), ctx.steps
    canvas.canvas_actions[names.INSERT_STAGE_BEFORE].trigger()
    qtbot.keyClicks(canvas.editor, "Research")
    qtbot.keyClick(canvas.editor, Qt.Key.Key_Return)
    assert [s.name for s in ctx.bundle.ordered_stages()][1] == "Research"
    assert ctx.steps == steps + 2  # insert, then rename: two gestures
    assert [s.name for s in ctx.persisted().ordered_stages()][1] == "Research"
    ctx.document.undo_stack.undo()
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before == ctx.persisted()
    lane = layout.lanes[1]
    canvas.select("lane", lane.lane_id)
    canvas.canvas_actions[names.INSERT_LANE_BELOW].trigger()
    qtbot.keyClick(canvas.editor, Qt.Key.Key_Escape)
    order = [ln.id for ln in ctx.bundle.ordered_lanes()]
    assert order.index(lane.lane_id) + 1 == order.index(canvas.primary_selection()[1])
    assert ctx.steps == steps + 1
    canvas.select("step", layout.columns[0].step_id)
    canvas.canvas_actions[names.INSERT_STEP_AFTER].trigger()
    qtbot.keyClick(canvas.editor, Qt.Key.Key_Escape)
    steps_now = ctx.bundle.ordered_steps(layout.columns[0].stage_id)
    assert steps_now[1].name == "New step"
    assert ctx.steps == steps + 2


def test_selection_signal_and_refused_edit(ctx, qtbot):
    canvas = ctx.canvas
    card = next(iter(ctx.bundle.cards.values()))
    box = canvas.projection.layout.cards[card.id]
    with qtbot.waitSignal(canvas.selection_changed) as signal:
        qtbot.mouseClick(
            canvas.viewport(), Qt.MouseButton.LeftButton, pos=ctx.view_pos(*box.title.rect.centre)
        )
    assert signal.args == ["card", card.id]
    link = next(iter(ctx.bundle.card_links.values()), None)
    if link is None:
        return
    with qtbot.waitSignal(canvas.edit_refused) as refused:
        canvas.controller.link(link.source_card_id, link.target_card_id)
    assert "already joined" in refused.args[0]
