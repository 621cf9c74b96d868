"""Vote mode: + / - (or Up / Down) on the selected opportunity, one undo step per keystroke."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jmapper.ui.canvas import actions as names


def test_keystrokes_add_and_remove_votes_each_one_step(ctx, qtbot, tmp_path):
    opp = sorted(ctx.bundle.opportunities.values(), key=lambda o: o.title)[0]
    before, steps = ctx.bundle.copy(), ctx.steps
    ctx.canvas.setFocus()
    qtbot.keyClick(
        ctx.canvas,
        Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ctx.canvas.canvas_actions[names.VOTE_MODE].isChecked()
    ctx.canvas.select("opportunity", opp.id)
    ctx.canvas.setFocus()
    for _ in range(3):
        qtbot.keyClick(ctx.canvas, Qt.Key.Key_Plus)
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Up)
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Down)
    assert ctx.bundle.opportunities[opp.id].votes == 2
    assert ctx.persisted().opportunities[opp.id].votes == 2
    assert ctx.steps == steps + 6
    assert ctx.canvas.primary_selection() == ("opportunity", opp.id)  # Up/Down did not move
    box = next(o for o in ctx.canvas.projection.layout.opportunities if o.opportunity_id == opp.id)
    assert box.votes == "2 votes" and box.votes_rect is not None
    assert ctx.canvas.projection.item("opportunity", opp.id).box == box
    ctx.canvas.grab().save(str(tmp_path / "votes.png"))
    ctx.document.undo_stack.undo()
    assert ctx.bundle.opportunities[opp.id].votes == 3
    for _ in range(5):
        ctx.document.undo_stack.undo()
    assert ctx.bundle == before
    assert ctx.persisted() == before


def test_no_votes_below_zero_and_keys_are_normal_outside_vote_mode(ctx, qtbot):
    opp = next(iter(ctx.bundle.opportunities.values()))
    steps = ctx.steps
    ctx.canvas.canvas_actions[names.VOTE_MODE].setChecked(True)
    ctx.canvas.select("opportunity", opp.id)
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Minus)  # already at zero: nothing to undo
    assert ctx.bundle.opportunities[opp.id].votes == 0 and ctx.steps == steps
    ctx.canvas.canvas_actions[names.VOTE_MODE].setChecked(False)
    ctx.canvas.select("opportunity", opp.id)
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Plus)
    assert ctx.bundle.opportunities[opp.id].votes == 0 and ctx.steps == steps


def test_left_and_right_walk_the_opportunities_in_vote_mode(ctx, qtbot):
    order = sorted(ctx.canvas.projection.layout.opportunities, key=lambda b: (b.rect.x, b.rect.y))
    ids = [b.opportunity_id for b in order]
    assert len(ids) >= 3
    ctx.canvas.canvas_actions[names.VOTE_MODE].setChecked(True)
    ctx.canvas.select("opportunity", ids[0])
    ctx.canvas.setFocus()
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Right)
    assert ctx.canvas.primary_selection() == ("opportunity", ids[2])
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Plus)
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Left)
    qtbot.keyClick(ctx.canvas, Qt.Key.Key_Plus)
    assert ctx.bundle.opportunities[ids[2]].votes == 1
    assert ctx.bundle.opportunities[ids[1]].votes == 1
