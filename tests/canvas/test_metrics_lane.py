"""The metrics lane on the canvas: one item per tile, a click selects the value, and an
edit of a value redraws its tile without rebuilding the scene."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jmapper.ui.canvas.metric_items import MetricBandItem, MetricTileItem


def test_tiles_are_items_and_a_click_selects_the_value(ctx, qtbot) -> None:
    canvas = ctx.canvas
    layout = canvas.projection.layout
    tiles = {t.value_id: t for t in layout.metric_tiles}
    assert len(tiles) == 7
    for value_id in tiles:
        assert isinstance(canvas.projection.item("metric_value", value_id), MetricTileItem)
    assert isinstance(
        canvas.projection.items[("metric_band", layout.metric_bands[0].lane_id)], MetricBandItem
    )
    tile = next(t for t in tiles.values() if t.change is not None)
    canvas.centerOn(*tile.rect.centre)
    QTest.mouseClick(
        canvas.viewport(), Qt.MouseButton.LeftButton, pos=ctx.view_pos(*tile.title.rect.centre)
    )
    assert canvas.primary_selection() == ("metric_value", tile.value_id)


def test_editing_a_value_redraws_only_the_tiles(ctx, qtbot) -> None:
    canvas = ctx.canvas
    projection = canvas.projection
    nps = next(
        v
        for v in ctx.bundle.metric_values.values()
        if ctx.bundle.metric_definitions[v.metric_id].kind.value == "nps"
        and v.role.value == "actual"
    )
    created, removed = projection.created, projection.removed
    counts = {"promoters": 600, "passives": 640, "detractors": 570}  # (600 - 570) / 1810 = 1.7
    assert ctx.document.edit("metric_value", nps.id, raw_counts=counts)
    tile = projection.item("metric_value", nps.id).box
    assert " ".join(line.text for line in tile.figure.lines) == "1.7"
    assert " ".join(line.text for line in tile.change.lines) == "+21.1 better since baseline -19.4"
    assert (projection.created, projection.removed) == (created, removed)
    ctx.document.undo_stack.undo()
    tile = projection.item("metric_value", nps.id).box
    assert " ".join(line.text for line in tile.figure.lines) == "-14.9"
