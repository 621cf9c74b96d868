"""Handout mode's pagination: the map cut into readable pages by stages (and lanes).

A handout prints the map at a size a reader holds in the hand (nothing below
6 pt, card text at 7 pt or more) on everyday paper, so it is cut into
*windows*: a group of whole stages (a stage wider than a page is split into
balanced parts) by a band of whole lanes (only when the lanes do not fit the
page height).  Every page repeats the lane labels, the stage and step headers
and a one-line map header; the legend and title block go where the last page
has room, or on a page of their own.  Pure (no reportlab), so the export dialog
can say how many pages a handout takes before anything is written.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from jmapper.drawing.painter import Painter
from jmapper.export.fit import PrintedText
from jmapper.export.furniture import (
    Op,
    Piece,
    build_legend,
    fit_line,
    fit_line_op,
    persona_line,
)
from jmapper.export.options import MM, ExportError
from jmapper.layout import MapLayout, Rect, Style
from jmapper.layout.text import text_width
from jmapper.model.bundle import MapBundle

TitleBlock = Callable[[str], Piece]

#: Nothing on a handout prints smaller than this...
HANDOUT_MIN_PT = 6.0
#: ...and card text prints at least this large.
HANDOUT_BODY_PT = 7.0
#: The paper a handout takes when the user names none.
HANDOUT_PAPER = "A4"
#: A handout never prints the map more than this much larger than it must.
MAX_GROWTH = 1.3
#: The page footer ("page n of N") sits this far below the printable area's bottom edge.
FOOTER_DROP = 11.0
#: A handout's margin: narrower than a poster's (nothing is trimmed), wide enough for any
#: office printer, with the footer inside it.
HANDOUT_MARGIN_MM = 10.0


@dataclass(frozen=True)
class Window:
    """One page's piece of the map: columns [first, last] by lanes [first, last] (inclusive).

    ``x0``-``x1`` is the piece of the cell area and ``y0``-``y1`` the band of lane
    rows, both in layout points; the label column and header rows are added to
    every page.  ``first_lane > last_lane`` when the map has no lanes.
    """

    first_column: int
    last_column: int
    first_lane: int
    last_lane: int
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass(frozen=True)
class HandoutPlan:
    scale: float
    header: Piece
    map_top: float  # page y of the top of the map window
    windows: tuple[Window, ...]
    #: The page (0-based) that carries the legend and title block; == len(windows) for
    #: a page of their own after the map.
    key_page: int
    legend: Piece
    legend_xy: tuple[float, float]
    block_xy: tuple[float, float]

    @property
    def pages(self) -> int:
        return len(self.windows) + (1 if self.key_page == len(self.windows) else 0)


def build_compact_header(bundle: MapBundle, width: float, accent: str, style: Style) -> Piece:
    """The map header in one line: the title, then persona, scenario and goal after it."""
    facts = []
    persona = persona_line(bundle)
    if persona:
        facts.append(f"Persona: {persona}")
    if bundle.map.scenario:
        facts.append(f"Scenario: {bundle.map.scenario}")
    if bundle.map.goal:
        facts.append(f"Goal: {bundle.map.goal}")
    title = fit_line(bundle.map.title or "Untitled map", 12, width * 0.6, True)
    ops: list[Op] = [fit_line_op(0, 12, title, 12, width, bold=True)]
    rest = width - text_width(title, 12, True) - 14
    if facts and rest > 60:
        line = "  \u00b7  ".join(facts)
        x = width - rest
        ops.append(fit_line_op(x, 12, line, 8, rest, fill=style.muted_text_colour))
    bar = 16.0

    def rule(painter: Painter) -> None:
        painter.rect(Rect(0, bar, width, 1.5), accent)

    ops.append(rule)
    return Piece(width, bar + 1.5, ops)


def handout_scale(layout: MapLayout, style: Style, map_text: PrintedText) -> float:
    """The smallest scale at which every word prints at 6 pt and card text at 7 pt."""
    return max(HANDOUT_MIN_PT / map_text.size, HANDOUT_BODY_PT / style.body_size)


def _stage_spans(layout: MapLayout) -> list[tuple[int, int]]:
    """(first, end) column indices of each stage, left to right (end exclusive)."""
    spans: list[tuple[int, int]] = []
    for column in layout.columns:
        if spans and layout.columns[spans[-1][0]].stage_id == column.stage_id:
            spans[-1] = (spans[-1][0], column.index + 1)
        else:
            spans.append((column.index, column.index + 1))
    return spans


def column_groups(layout: MapLayout, per_page: int) -> list[tuple[int, int]]:
    """Whole stages packed onto pages; a stage wider than a page split into balanced parts."""
    groups: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for first, end in _stage_spans(layout):
        n = end - first
        if n > per_page:
            if current:
                groups.append(current)
                current = None
            parts = math.ceil(n / per_page)
            cuts = [first + round(i * n / parts) for i in range(parts + 1)]
            groups.extend(zip(cuts[:-1], cuts[1:], strict=True))
        elif current and end - current[0] <= per_page:
            current = (current[0], end)
        else:
            if current:
                groups.append(current)
            current = (first, end)
    if current:
        groups.append(current)
    return groups


def lane_bands(layout: MapLayout, capacity: float) -> list[tuple[int, int]]:
    """Lanes in as few bands as fit ``capacity`` points, the tallest band as short as can be.

    A band is [first, end) of ``layout.lanes``; a blueprint line between two lanes
    belongs to the band above it (the first band also keeps any line above lane 1).
    """
    heights = _lane_heights(layout)
    n = len(heights)
    if n == 0:
        return []
    count, used = 1, 0.0
    for h in heights:
        if used and used + h > capacity:
            count, used = count + 1, 0.0
        used += h
    # Balanced linear partition into ``count`` bands (n is small: a map has ~6-12 lanes).
    prefix = [0.0]
    for h in heights:
        prefix.append(prefix[-1] + h)
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def solve(start: int, bands: int) -> tuple[float, list[int]]:
        if bands == 1:
            return prefix[n] - prefix[start], [n]
        key = (start, bands)
        if key not in best:
            options = []
            for end in range(start + 1, n - bands + 2):
                rest, cuts = solve(end, bands - 1)
                options.append((max(prefix[end] - prefix[start], rest), [end, *cuts]))
            best[key] = min(options, key=lambda o: o[0])
        return best[key]

    _worst, ends = solve(0, min(count, n))
    starts = [0, *ends[:-1]]
    return list(zip(starts, ends, strict=True))


def _lane_tops(layout: MapLayout) -> list[float]:
    tops = [lane.rect.y for lane in layout.lanes]
    if tops:
        tops[0] = layout.header_height
    return [*tops, layout.height]


def _lane_heights(layout: MapLayout) -> list[float]:
    tops = _lane_tops(layout)
    return [b - a for a, b in zip(tops[:-1], tops[1:], strict=True)]


def plan_handout(
    bundle: MapBundle,
    layout: MapLayout,
    style: Style,
    size: tuple[float, float],
    margin: float,
    accent: str,
    title_block: TitleBlock,
    map_text: PrintedText,
) -> HandoutPlan:
    """Cut the map into pages of ``size`` (w, h points); ExportError if a column cannot fit."""
    pw, ph = size
    m = margin
    gap = 3 * MM
    header = build_compact_header(bundle, pw - 2 * m, accent, style)
    top = m + header.h + gap
    avail_w, avail_h = pw - 2 * m, ph - m - top
    smallest = scale = handout_scale(layout, style, map_text)
    label_w, cw = layout.grid.x, style.column_width
    per_page = int((avail_w / scale - label_w) // cw) if layout.columns else 1
    if per_page < 1:
        raise ExportError(
            "The paper is too narrow for a readable handout; choose landscape or a larger paper."
        )
    capacity = avail_h / scale - layout.header_height
    if capacity < 40:
        raise ExportError(
            "The paper is too short for a readable handout; choose landscape or a larger paper."
        )
    tops = _lane_tops(layout)
    bands = lane_bands(layout, capacity) or [(0, 0)]
    groups = column_groups(layout, per_page) or [(0, 0)]
    # Print larger when every page's window still fits (up to MAX_GROWTH): the same cuts,
    # the page better filled.
    tallest = max(tops[end] - tops[first] for first, end in bands) if layout.lanes else 0.0
    widest = max(
        (layout.columns[end - 1].x + cw - layout.columns[first].x for first, end in groups),
        default=0.0,
    )
    scale = max(
        smallest,
        min(
            avail_h / (layout.header_height + tallest),
            avail_w / (label_w + widest),
            smallest * MAX_GROWTH,
        ),
    )
    windows = []
    for first_col, end_col in groups:
        x0 = layout.columns[first_col].x if layout.columns else label_w
        x1 = layout.columns[end_col - 1].x + cw if layout.columns else label_w
        for first_lane, end_lane in bands:
            y0 = tops[first_lane] if layout.lanes else layout.header_height
            y1 = tops[end_lane] if layout.lanes else layout.header_height
            windows.append(Window(first_col, end_col - 1, first_lane, end_lane - 1, x0, x1, y0, y1))
    key_page, legend, legend_xy, block_xy = _place_key(
        bundle, layout, style, windows, scale, (pw, ph), m, top, title_block
    )
    return HandoutPlan(scale, header, top, tuple(windows), key_page, legend, legend_xy, block_xy)


def _place_key(
    bundle: MapBundle,
    layout: MapLayout,
    style: Style,
    windows: list[Window],
    scale: float,
    size: tuple[float, float],
    m: float,
    top: float,
    title_block: TitleBlock,
) -> tuple[int, Piece, tuple[float, float], tuple[float, float]]:
    """The legend and title block: beside or below the map on the last (or first) page,
    whole, or on a page of their own after the map."""
    pw, ph = size
    gap = 4 * MM
    block = title_block("0 of 0")
    for index in dict.fromkeys((len(windows) - 1, 0)):
        w = windows[index]
        map_right = m + (layout.grid.x + w.x1 - w.x0) * scale
        map_bottom = top + (layout.header_height + w.y1 - w.y0) * scale
        # Beside: a column right of the map, legend at its top, title block at its bottom.
        room_w = pw - m - map_right - gap
        if room_w >= block.w:
            legend = build_legend(bundle, layout, room_w, style)
            if legend.h + gap + block.h <= ph - m - top:
                return index, legend, (map_right + gap, top), (pw - m - block.w, ph - m - block.h)
        # Below: legend bottom left, title block bottom right.
        legend = build_legend(bundle, layout, pw - 2 * m - block.w - 24, style)
        if max(legend.h, block.h) <= ph - m - map_bottom - gap:
            return index, legend, (m, ph - m - legend.h), (pw - m - block.w, ph - m - block.h)
    legend = build_legend(bundle, layout, pw - 2 * m - block.w - 24, style)
    return len(windows), legend, (m, top), (pw - m - block.w, ph - m - block.h)
