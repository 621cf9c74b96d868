"""Cells of the map grid, found from the layout: hit tests and keyboard neighbours.

A cell is (lane, column).  Selection and the cell cursor are view state: they
live here and in the view, never in the model.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF

from jmapper.layout.boxes import ColumnBox, LaneBox, MapLayout


@dataclass(frozen=True)
class Cell:
    lane_id: str
    column: int


def lane_at_y(layout: MapLayout, y: float) -> LaneBox | None:
    for lane in layout.lanes:
        if lane.rect.y <= y < lane.rect.bottom:
            return lane
    return None


def column_at_x(layout: MapLayout, x: float) -> ColumnBox | None:
    if not layout.columns or x < layout.grid.x:
        return None
    index = int((x - layout.grid.x) // layout.columns[0].width)
    if 0 <= index < len(layout.columns):
        return layout.columns[index]
    return None


def cell_at(layout: MapLayout, x: float, y: float) -> Cell | None:
    lane = lane_at_y(layout, y)
    column = column_at_x(layout, x)
    if lane is None or column is None:
        return None
    return Cell(lane.lane_id, column.index)


def lane_box(layout: MapLayout, lane_id: str) -> LaneBox | None:
    return next((lane for lane in layout.lanes if lane.lane_id == lane_id), None)


def cell_rect(layout: MapLayout, cell: Cell) -> QRectF | None:
    lane = lane_box(layout, cell.lane_id)
    if lane is None or not 0 <= cell.column < len(layout.columns):
        return None
    column = layout.columns[cell.column]
    return QRectF(column.x, lane.rect.y, column.width, lane.rect.h)


def neighbour(layout: MapLayout, cell: Cell, dx: int, dy: int, wrap: bool = False) -> Cell:
    """The cell beside ``cell``; with ``wrap`` (Tab) rows continue on the next lane."""
    lanes = [lane.lane_id for lane in layout.lanes]
    if cell.lane_id not in lanes or not layout.columns:
        return cell
    row = lanes.index(cell.lane_id)
    count = len(layout.columns)
    if wrap:
        index = max(0, min(row * count + cell.column + dx, len(lanes) * count - 1))
        return Cell(lanes[index // count], index % count)
    row = max(0, min(row + dy, len(lanes) - 1))
    column = max(0, min(cell.column + dx, count - 1))
    return Cell(lanes[row], column)
