"""Opportunities are made in their lane: double-click or Enter there adds an Opportunity."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jmapper.model.enums import LaneKind
from jmapper.ui.canvas import actions as names
from jmapper.ui.canvas.cells import Cell
from tests.canvas.conftest import cell_centre


def _opportunity_cell(ctx):
    """(lane box, column box) of an Opportunities-lane cell with no opportunity drawn in it."""
    layout = ctx.canvas.projection.layout
    lane = next(b for b in layout.lanes if b.kind is LaneKind.OPPORTUNITIES)
    taken = {(o.rect.x, o.rect.y) for o in layout.opportunities}
    for column in layout.columns:
        inside = [o for o in layout.opportunities if column.x <= o.rect.x < column.x + column.width]
        if not inside:
            return lane, column
    raise AssertionError(f"every opportunity cell is taken: {taken}")


def test_double_click_in_opportunity_lane_creates_an_opportunity_not_a_card(ctx, qtbot):
    lane, column = _opportunity_cell(ctx)
    before, steps = ctx.bundle.copy(), ctx.steps
    qtbot.mouseDClick(
        ctx.canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=ctx.view_pos(*cell_centre(lane, column)),
    )
    qtbot.keyClicks(ctx.canvas.editor, "Text updates while the engineer drives")
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Return)
    assert ctx.bundle.cards == before.cards
    added = [o for o in ctx.bundle.opportunities.values() if o.id not in before.opportunities]
    assert [o.title for o in added] == ["Text updates while the engineer drives"]
    opp = added[0]
    assert (opp.lane_id, opp.stage_id, opp.step_id) == (
        lane.lane_id,
        column.stage_id,
        column.step_id,
    )
    assert opp.step_ids == ([column.step_id] if column.step_id else [])
    assert ctx.steps == steps + 1
    assert ctx.persisted().opportunities[opp.id] == opp
    assert ctx.canvas.primary_selection() == ("opportunity", opp.id)
    assert ctx.canvas.projection.item("opportunity", opp.id) is not None
    ctx.document.undo_stack.undo()
    assert ctx.bundle == before
    assert ctx.persisted() == before


def test_enter_on_opportunity_cell_and_action_create_opportunities(ctx, qtbot):
    lane, column = _opportunity_cell(ctx)
    before, steps = ctx.bundle.copy(), ctx.steps
    ctx.canvas.set_current_cell(Cell(lane.lane_id, column.index), scroll=False)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Return)
    qtbot.keyClicks(ctx.canvas.editor, "First")
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Return)
    # the toolbar/menu action works from any cell: it types into the Opportunities lane
    other = next(b for b in ctx.canvas.projection.layout.lanes if b.kind is not lane.kind)
    ctx.canvas.set_current_cell(Cell(other.lane_id, column.index), scroll=False)
    ctx.canvas.canvas_actions[names.ADD_OPPORTUNITY].trigger()
    qtbot.keyClicks(ctx.canvas.editor, "Second")
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Return)
    added = sorted(
        o.title for o in ctx.bundle.opportunities.values() if o.id not in before.opportunities
    )
    assert added == ["First", "Second"]
    assert ctx.bundle.cards == before.cards
    assert ctx.steps == steps + 2


def test_enter_on_a_selected_opportunity_retitles_it_in_one_step(ctx, qtbot):
    opp = next(iter(ctx.bundle.opportunities.values()))
    steps = ctx.steps
    ctx.canvas.select("opportunity", opp.id)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Return)
    ctx.canvas.editor.selectAll()
    qtbot.keyClicks(ctx.canvas.editor, "Renamed")
    qtbot.keyClick(ctx.canvas.editor, Qt.Key.Key_Return)
    assert ctx.bundle.opportunities[opp.id].title == "Renamed"
    assert ctx.persisted().opportunities[opp.id].title == "Renamed"
    assert ctx.steps == steps + 1
    ctx.document.undo_stack.undo()
    assert ctx.bundle.opportunities[opp.id].title == opp.title
