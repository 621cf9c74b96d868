"""Fit mode's arithmetic: how large the map prints on a sheet, and which sheet to choose.

Pure (no reportlab), so the export dialog can tell the user, before anything
is written, how small the text of a fit would print and propose a handout.
The smallest printed text is measured by running the real drawing through a
probe painter (:mod:`jmapper.drawing.probe`), so the emotion scale values and
badge codes count as much as card text does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from jmapper.drawing import draw_map
from jmapper.drawing.probe import TextSizeProbe
from jmapper.export.furniture import Piece, build_header, build_legend
from jmapper.export.options import MM, PAPER_SIZES, ExportError, ExportOptions
from jmapper.layout import MapLayout, Style
from jmapper.model.bundle import MapBundle

TitleBlock = Callable[[str], Piece]

#: Papers tried, smallest first, when the user names none: the ISO A series.
DEFAULT_PAPERS = ("A4", "A3", "A2", "A1", "A0")
#: The map never prints larger than this on a fit sheet (a tiny map on A0 stays sane).
MAX_FIT_SCALE = 3.0


@dataclass(frozen=True)
class PrintedText:
    """The smallest text a drawing prints: its size in points and the words themselves."""

    size: float
    text: str


@dataclass(frozen=True)
class FitPlan:
    """Where the pieces of a fit sheet go (top-left corners, page points), how small its text is.

    The legend and title block sit under the map across the sheet, or, when the map
    is narrow for the sheet, stacked in a column beside it: whichever prints the
    map larger.
    """

    furniture_scale: float
    header: Piece
    legend: Piece
    block: Piece
    map_scale: float
    map_xy: tuple[float, float]
    legend_xy: tuple[float, float]
    block_xy: tuple[float, float]
    smallest: PrintedText

    @property
    def map_y(self) -> float:
        return self.map_xy[1]


def map_smallest_text(layout: MapLayout, style: Style, accent: str) -> PrintedText:
    """The smallest text the map drawing prints at scale 1 (what a reader must read)."""
    probe = TextSizeProbe()
    draw_map(probe, layout, style, accent)
    if probe.smallest == float("inf"):
        return PrintedText(layout.min_text_size, "")
    return PrintedText(probe.smallest, probe.smallest_text)


def piece_smallest_text(piece: Piece, scale: float = 1.0) -> PrintedText:
    probe = TextSizeProbe()
    piece.draw(probe, 0, 0, scale)
    return PrintedText(probe.smallest, probe.smallest_text)


def furniture_scale(pw: float, ph: float) -> float:
    """Header, legend and title block are designed for A3; other sheets scale them."""
    return min(max(min(pw, ph) / (297 * MM), 0.85), 3.0)


def plan_fit(
    bundle: MapBundle,
    layout: MapLayout,
    style: Style,
    size: tuple[float, float],
    margin: float,
    accent: str,
    title_block: TitleBlock,
    map_text: PrintedText,
) -> FitPlan:
    """The fit sheet of ``size`` (w, h points); ExportError if the map has no room at all."""
    pw, ph = size
    m = margin
    f = furniture_scale(pw, ph)
    header = build_header(bundle, (pw - 2 * m) / f, accent, style)
    block = title_block("1 of 1")
    gap = 5 * MM
    top = m + header.h * f + gap
    plans: list[FitPlan] = []
    # Below: legend bottom left, title block bottom right, the map across the sheet.
    legend = build_legend(bundle, layout, (pw - 2 * m) / f - block.w - 24, style)
    footer_h = max(block.h, legend.h) * f
    avail_w, avail_h = pw - 2 * m, ph - top - m - footer_h - gap
    if avail_h >= 40:
        scale = min(avail_w / layout.width, avail_h / layout.height, MAX_FIT_SCALE)
        plans.append(
            FitPlan(
                f,
                header,
                legend,
                block,
                scale,
                (m, top),
                (m, ph - m - legend.h * f),
                (pw - m - block.w * f, ph - m - block.h * f),
                map_text,
            )
        )
    # Beside: the legend above the title block in a column at the right.
    side = build_legend(bundle, layout, block.w, style)
    column_w = max(block.w, side.w) * f
    avail_w, avail_h = pw - 2 * m - column_w - gap, ph - top - m
    if side.h * f + block.h * f + gap <= avail_h and avail_w >= 40:
        scale = min(avail_w / layout.width, avail_h / layout.height, MAX_FIT_SCALE)
        plans.append(
            FitPlan(
                f,
                header,
                side,
                block,
                scale,
                (m, top),
                (pw - m - column_w, top),
                (pw - m - block.w * f, ph - m - block.h * f),
                map_text,
            )
        )
    if not plans:
        raise ExportError(
            "The paper is too small for the map and its title block; choose a larger paper size."
        )
    plan = max(plans, key=lambda p: p.map_scale)
    smallest = PrintedText(map_text.size * plan.map_scale, map_text.text)
    for piece in (header, plan.legend, block):
        if piece.ops:
            text = piece_smallest_text(piece, f)
            if text.size < smallest.size:
                smallest = text
    return replace(plan, smallest=smallest)


def sheet_size(name: str, orientation: str) -> tuple[float, float]:
    """(width, height) in points of a named paper in an orientation."""
    short, long_ = sorted(PAPER_SIZES[name])
    w, h = (long_, short) if orientation == "landscape" else (short, long_)
    return w * MM, h * MM


def readable_paper(
    bundle: MapBundle,
    layout: MapLayout,
    style: Style,
    options: ExportOptions,
    title_block: TitleBlock,
    map_text: PrintedText | None = None,
) -> tuple[str, FitPlan | None]:
    """The smallest A-series paper whose fit prints every word at ``min_readable_pt`` or more.

    When even A0 cannot, A0 (the largest) with its plan; a paper too small for
    the furniture is skipped.
    """
    text = map_text or map_smallest_text(layout, style, options.accent)
    margin = options.margin_mm * MM
    last: tuple[str, FitPlan | None] = (DEFAULT_PAPERS[-1], None)
    for name in DEFAULT_PAPERS:
        size = sheet_size(name, options.orientation)
        try:
            plan = plan_fit(bundle, layout, style, size, margin, options.accent, title_block, text)
        except ExportError:
            continue
        last = (name, plan)
        if plan.smallest.size >= options.min_readable_pt - 1e-9:
            return last
    return last
