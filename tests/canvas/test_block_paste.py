"""Pasting a block copied from a spreadsheet at the selected cell, and copying cells out as one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from jmapper.document import JourneyDocument
from jmapper.model.enums import LaneKind
from jmapper.templates import new_map
from jmapper.ui.canvas.cells import Cell

#: What Excel puts on the clipboard for a 4 x 3 range: tabs, line breaks, a quoted cell.
BLOCK = (
    "Sees an ad: on the bus shelter\tCompares two gyms\tSigns up online\r\n"
    'Poster\t"Gym website\r\n\r\nReviews site"\tSign-up form\r\n'
    "Looks fun\tWhich one is cheaper?\t\r\n"
    "1\t-1\t2\r\n"
)
HTML = "<table><tr><td>Sees an ad</td></tr></table>"


def put_on_clipboard(text: str, html: str | None = None) -> None:
    data = QMimeData()
    data.setText(text)
    if html is not None:
        data.setHtml(html)
    QApplication.clipboard().setMimeData(data)


def open_new_map(ctx) -> JourneyDocument:
    bundle = new_map("Joining a gym")
    ctx.store.add_bundle(bundle)
    document = JourneyDocument(ctx.store.load_map(bundle.map.id), ctx.store)
    ctx.canvas.set_document(document)
    ctx.document = document
    return document


def titles_in(ctx, lane_kind: LaneKind, column: int) -> list[tuple[str, str]]:
    layout = ctx.canvas.projection.layout
    lane = next(lane for lane in layout.lanes if lane.kind is lane_kind)
    col = layout.columns[column]
    cards = ctx.bundle.cards_in_cell(lane.lane_id, col.stage_id, col.step_id)
    return [(c.title, c.description) for c in cards]


def test_a_spreadsheet_block_fills_the_cells_it_covers_in_one_undo_step(
    ctx, qtbot, render_dir: Path
):
    document = open_new_map(ctx)
    canvas = ctx.canvas
    layout = canvas.projection.layout
    actions = next(lane for lane in layout.lanes if lane.kind is LaneKind.CUSTOMER_ACTIONS)
    rows_below = [lane.kind for lane in layout.lanes][:4]
    assert rows_below == [
        LaneKind.CUSTOMER_ACTIONS,
        LaneKind.TOUCHPOINTS,
        LaneKind.THOUGHTS,
        LaneKind.EMOTIONS,
    ]
    column = layout.columns[1]
    qtbot.mouseClick(
        canvas.viewport(),
        Qt.MouseButton.LeftButton,
        pos=ctx.view_pos(column.x + column.width / 2, actions.rect.y + actions.rect.h / 2),
    )
    assert canvas.current_cell == Cell(actions.lane_id, 1)
    before, steps = document.bundle.copy(), document.undo_stack.count()
    put_on_clipboard(BLOCK, HTML)
    qtbot.keyClick(canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert document.undo_stack.count() == steps + 1
    assert titles_in(ctx, LaneKind.CUSTOMER_ACTIONS, 1) == [("Sees an ad", "on the bus shelter")]
    assert titles_in(ctx, LaneKind.CUSTOMER_ACTIONS, 3) == [("Signs up online", "")]
    assert titles_in(ctx, LaneKind.TOUCHPOINTS, 2) == [("Gym website", ""), ("Reviews site", "")]
    assert titles_in(ctx, LaneKind.THOUGHTS, 3) == []
    order = {(c.stage_id, c.step_id): c.index for c in document.bundle.columns()}
    values = sorted(
        (order[(p.stage_id, p.step_id)], p.value) for p in document.bundle.emotion_points.values()
    )
    assert values == [(1, 1), (2, -1), (3, 2)]
    assert len(canvas.selected_card_ids()) == 9  # 3 + 4 + 2 cards; the numbers are emotions
    assert ctx.persisted() == document.bundle
    canvas.grab().save(str(render_dir / "paste_block.png"))

    document.undo_stack.undo()
    assert document.bundle == before == ctx.persisted()


def test_what_falls_past_the_map_is_left_out_and_said(ctx, qtbot):
    document = open_new_map(ctx)
    canvas = ctx.canvas
    layout = canvas.projection.layout
    refusals: list[str] = []
    canvas.edit_refused.connect(refusals.append)
    last = len(layout.columns) - 1
    canvas.set_current_cell(Cell(layout.lanes[0].lane_id, last))
    put_on_clipboard("Kept\tBeyond the last step\n")
    qtbot.keyClick(canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [c.title for c in document.bundle.cards.values()] == ["Kept"]
    assert refusals == [
        "1 cell(s) of the pasted block fall outside the map or hold what their lane cannot "
        "take, and were left out."
    ]


def test_plain_lines_still_paste_as_cards_in_one_cell(ctx, qtbot):
    document = open_new_map(ctx)
    canvas = ctx.canvas
    layout = canvas.projection.layout
    canvas.set_current_cell(Cell(layout.lanes[0].lane_id, 0))
    put_on_clipboard("First idea\nSecond idea\n")
    qtbot.keyClick(canvas, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert titles_in(ctx, LaneKind.CUSTOMER_ACTIONS, 0) == [("First idea", ""), ("Second idea", "")]
    assert document.undo_stack.count() == 1


def test_copied_cards_go_out_as_the_cells_they_sit_in(ctx, qtbot):
    canvas = ctx.canvas
    layout = canvas.projection.layout
    bundle = ctx.bundle
    first, second = layout.lanes[0], layout.lanes[1]
    col0, col1 = layout.columns[0], layout.columns[1]
    a = bundle.cards_in_cell(first.lane_id, col0.stage_id, col0.step_id)
    b = bundle.cards_in_cell(second.lane_id, col1.stage_id, col1.step_id)
    assert a and b
    canvas.select_many("card", [a[0].id, b[0].id])
    qtbot.keyClick(canvas, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    from jmapper.interchange.tsv import items_text, parse_block

    assert parse_block(text) == [
        [items_text([(a[0].title, a[0].description)]), ""],
        ["", items_text([(b[0].title, b[0].description)])],
    ]
    # Pasted back into jmapper the cards come from the jmapper format, with every field.
    assert QApplication.clipboard().mimeData().hasFormat("application/x-jmapper-cards+json")
