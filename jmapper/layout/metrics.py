"""The metrics lane: one tile per metric and scope, with its score, target and change.

A map's metric values are grouped by metric and scope (the map, a stage, a
step or a card).  Each group becomes a tile in the map's first visible
metrics lane: the metric's name, the latest actual's score (or, failing an
actual, the latest baseline or the target), the change since the baseline as
a sign, an arrow shape and a word, then the target, the sample size and the
source.  Step and card tiles sit in their column, stage tiles span the
stage's columns, and map-wide tiles fill a "Whole journey" band across the
top of the lane.  Colour is never the only cue (docs/domain.md, "Emotion").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jmapper.analysis.metric_change import Change, change_since_baseline, target_for
from jmapper.analysis.metric_text import format_with_unit, signed, verdict
from jmapper.analysis.metrics import responses, score
from jmapper.layout.boxes import TILE_BORDER, MetricBand, MetricTile, Rect, TextBlock
from jmapper.layout.text import line_height, text_width, wrap
from jmapper.model.bundle import Column, MapBundle
from jmapper.model.entities import MetricDefinition, MetricValue
from jmapper.model.enums import MetricRole, MetricScope
from jmapper.style import Style

#: Makes and records a text block: (role, owner id, lines, rect, size, bold, colour).
BlockMaker = Callable[[str, str, list[str], Rect, float, bool, str | None], TextBlock]

#: The caption of the band that holds map-wide values.
WHOLE_JOURNEY = "Whole journey"
#: Side of the arrow shape drawn before a change.
ARROW_SIZE = 8.0
#: The narrowest the role ("actual, 2025-Q2") may be beside the figure before it moves below.
ROLE_MIN_WIDTH = 64.0
BAND_FILL = "#EEF4FA"
#: Arrow fills: bluish green when better, vermillion when worse, grey otherwise (shape and
#: word carry the meaning; the colour only repeats it).
ARROW_FILLS = {True: "#009E73", False: "#D55E00", None: "#6A6A6A"}
_ROLE_PICK = (MetricRole.ACTUAL, MetricRole.BASELINE, MetricRole.TARGET)


@dataclass(frozen=True)
class MetricsPart:
    tiles: tuple[MetricTile, ...]
    band: MetricBand | None
    bottom: float


@dataclass
class _Group:
    definition: MetricDefinition
    shown: MetricValue
    column: int
    span: int
    scope_label: str


def shown_value(values: list[MetricValue]) -> MetricValue:
    """The latest actual, else the latest baseline, else the latest target."""
    for role in _ROLE_PICK:
        of_role = [v for v in values if v.role is role]
        if of_role:
            return max(of_role, key=lambda v: (v.period, v.id))
    raise ValueError("a metric group holds at least one value")


def _groups(bundle: MapBundle, columns: list[Column]) -> list[_Group]:
    first: dict[str, int] = {}
    span: dict[str, int] = {}
    for col in columns:
        first.setdefault(col.stage_id, col.index)
        span[col.stage_id] = span.get(col.stage_id, 0) + 1
    grouped: dict[tuple[str, MetricScope, str | None], list[MetricValue]] = {}
    for value in bundle.metric_values.values():
        scope_id = None if value.scope is MetricScope.MAP else value.scope_id
        grouped.setdefault((value.metric_id, value.scope, scope_id), []).append(value)
    out = []
    for (metric_id, scope, scope_id), values in grouped.items():
        definition = bundle.metric_definitions.get(metric_id)
        if definition is None:
            continue
        column, width, label = -1, 1, ""
        if scope is MetricScope.STAGE and scope_id in first:
            column, width = first[scope_id], span[scope_id]
            label = f"Stage: {bundle.stages[scope_id].name}"
        elif scope is MetricScope.STEP and scope_id in bundle.steps:
            step = bundle.steps[scope_id]
            found = bundle.column_of(step.stage_id, step.id)
            column = found.index if found is not None else -2
        elif scope is MetricScope.CARD and scope_id in bundle.cards:
            card = bundle.cards[scope_id]
            found = bundle.column_of(card.stage_id, card.step_id)
            column = found.index if found is not None else first.get(card.stage_id, -2)
            label = f"Card: {card.title}"
        elif scope is not MetricScope.MAP:
            continue  # its scope is gone: nothing to draw it under
        if column == -2:
            continue
        out.append(_Group(definition, shown_value(values), column, width, label))
    out.sort(key=lambda g: (g.column, g.definition.name.casefold(), g.shown.id))
    return out


def _figure_and_role(definition: MetricDefinition, value: MetricValue) -> tuple[str, str]:
    figure = format_with_unit(score(definition, value), definition.unit)
    role = value.role.value + (f", {value.period}" if value.period else "")
    return figure, role


def _change_text(change: Change, definition: MetricDefinition) -> str:
    word = verdict(change)
    since = f"since baseline {format_with_unit(change.baseline, definition.unit)}"
    return f"{signed(change.delta)} {word} {since}" if word else f"{signed(change.delta)} {since}"


def _detail_lines(
    bundle: MapBundle, definition: MetricDefinition, value: MetricValue, label: str
) -> list[str]:
    parts = []
    if value.role is not MetricRole.TARGET:
        target = target_for(bundle, value)
        if target is not None:
            goal = format_with_unit(score(definition, target), definition.unit)
            parts.append(f"Target {goal}" + (f" by {target.period}" if target.period else ""))
    n = value.sample_size if value.sample_size is not None else responses(definition, value)
    source = value.source.label
    parts.append(f"n = {n:,} \u00b7 {source}" if n else source)
    if label:
        parts.append(label)
    return parts


@dataclass(frozen=True)
class _Lines:
    """A tile's wrapped text, measured before it is placed."""

    title: list[str]
    figure: str
    role: list[str]
    role_beside: bool  # the role sits right of the figure (else on the line below)
    change: list[str]
    detail: list[str]


class _TileMaker:
    def __init__(self, bundle: MapBundle, style: Style, block: BlockMaker) -> None:
        self.bundle = bundle
        self.style = style
        self.block = block
        self.figure_size = style.title_size + 3
        self.lh_title = line_height(style.title_size, style.line_spacing)
        self.lh_body = line_height(style.body_size, style.line_spacing)
        self.lh_figure = line_height(self.figure_size, style.line_spacing)

    def lines(self, group: _Group, width: float) -> _Lines:
        s = self.style
        d, v = group.definition, group.shown
        figure, role = _figure_and_role(d, v)
        change = change_since_baseline(self.bundle, v)
        inner = width - 2 * s.card_padding
        room = inner - text_width(figure, self.figure_size, True) - 4
        beside = room >= ROLE_MIN_WIDTH
        return _Lines(
            title=wrap(d.name or d.kind.label, s.title_size, inner, True),
            figure=figure,
            role=wrap(role, s.body_size, room if beside else inner),
            role_beside=beside,
            change=wrap(_change_text(change, d), s.body_size, inner - ARROW_SIZE - 4, True)
            if change is not None
            else [],
            detail=wrap(
                "\n".join(_detail_lines(self.bundle, d, v, group.scope_label)), s.body_size, inner
            ),
        )

    def figure_height(self, lines: _Lines) -> float:
        rh = len(lines.role) * self.lh_body
        return max(self.lh_figure, rh) if lines.role_beside else self.lh_figure + rh

    def height(self, lines: _Lines) -> float:
        s = self.style
        h = 2 * s.card_padding + len(lines.title) * self.lh_title + 2 + self.figure_height(lines)
        if lines.change:
            h += 2 + max(ARROW_SIZE, len(lines.change) * self.lh_body)
        return h + 2 + len(lines.detail) * self.lh_body

    def tile(self, group: _Group, lines: _Lines, rect: Rect) -> MetricTile:
        s = self.style
        pad = s.card_padding
        d, v = group.definition, group.shown
        muted = s.muted_text_colour
        x, inner = rect.x + pad, rect.w - 2 * pad
        y = rect.y + pad
        th = len(lines.title) * self.lh_title
        title = self.block(
            "metric_title", v.id, lines.title, Rect(x, y, inner, th), s.title_size, True, None
        )
        y += th + 2
        fw = min(text_width(lines.figure, self.figure_size, True) + 1, inner)
        figure = self.block(
            "metric_figure",
            v.id,
            [lines.figure],
            Rect(x, y, fw, self.lh_figure),
            self.figure_size,
            True,
            None,
        )
        rh = len(lines.role) * self.lh_body
        if lines.role_beside:
            role_rect = Rect(x + fw + 3, y + max(0.0, self.lh_figure - rh), inner - fw - 3, rh)
        else:
            role_rect = Rect(x, y + self.lh_figure, inner, rh)
        role = self.block("metric_role", v.id, lines.role, role_rect, s.body_size, False, muted)
        y += self.figure_height(lines) + 2
        change = change_since_baseline(self.bundle, v)
        change_block, arrow = None, None
        if change is not None and lines.change:
            ch = len(lines.change) * self.lh_body
            arrow = Rect(x, y + (self.lh_body - ARROW_SIZE) / 2, ARROW_SIZE, ARROW_SIZE)
            change_rect = Rect(x + ARROW_SIZE + 4, y, inner - ARROW_SIZE - 4, ch)
            change_block = self.block(
                "metric_change", v.id, lines.change, change_rect, s.body_size, True, None
            )
            y += max(ARROW_SIZE, ch) + 2
        dh = len(lines.detail) * self.lh_body
        detail = self.block(
            "metric_detail", v.id, lines.detail, Rect(x, y, inner, dh), s.body_size, False, muted
        )
        return MetricTile(
            value_id=v.id,
            metric_id=d.id,
            rect=rect,
            title=title,
            figure=figure,
            role=role,
            change=change_block,
            arrow=arrow,
            direction=change.direction.value if change is not None else "",
            improved=change.improved if change is not None else None,
            detail=detail,
        )


def layout_metrics(
    bundle: MapBundle,
    lane_id: str,
    columns: list[Column],
    x0: float,
    top: float,
    style: Style,
    block: BlockMaker,
) -> MetricsPart:
    """The metrics lane's tiles and whole-journey band, its content starting at ``top``."""
    s = style
    cw = s.column_width
    maker = _TileMaker(bundle, style, block)
    groups = _groups(bundle, columns)
    if not groups or not columns:
        return MetricsPart((), None, top)
    n = len(columns)
    tiles: list[MetricTile] = []
    band: MetricBand | None = None
    y = top + s.cell_padding
    whole = [g for g in groups if g.column == -1]
    if whole:
        caption_h = line_height(s.body_size, s.line_spacing)
        caption = block(
            "metric_band",
            lane_id,
            [WHOLE_JOURNEY],
            Rect(x0 + s.cell_padding + 2, y + 2, cw * n - 2 * s.cell_padding - 4, caption_h),
            s.body_size,
            True,
            None,
        )
        row_top = y + 2 + caption_h + 2
        bottom = row_top
        for start in range(0, len(whole), n):
            row = whole[start : start + n]
            sized = [(g, maker.lines(g, cw - 2 * s.cell_padding)) for g in row]
            row_h = max(maker.height(lines) for _g, lines in sized)
            for i, (g, lines) in enumerate(sized):
                rect = Rect(x0 + i * cw + s.cell_padding, row_top, cw - 2 * s.cell_padding, row_h)
                tiles.append(maker.tile(g, lines, rect))
            row_top += row_h + s.card_gap
            bottom = row_top - s.card_gap
        band = MetricBand(lane_id, Rect(x0 + 2, y, cw * n - 4, bottom + 3 - y), caption)
        y = band.rect.bottom + s.card_gap
    sky = [y] * n
    lowest = y
    for g in (g for g in groups if g.column >= 0):
        span = max(1, min(g.span, n - g.column))
        cols = range(g.column, g.column + span)
        width = span * cw - 2 * s.cell_padding
        lines = maker.lines(g, width)
        h = maker.height(lines)
        ty = max(sky[c] for c in cols)
        rect = Rect(x0 + g.column * cw + s.cell_padding, ty, width, h)
        tiles.append(maker.tile(g, lines, rect))
        for c in cols:
            sky[c] = rect.bottom + s.card_gap
        lowest = max(lowest, rect.bottom + s.cell_padding)
    if band is not None:
        lowest = max(lowest, band.rect.bottom + s.cell_padding)
    return MetricsPart(tuple(tiles), band, lowest)


__all__ = [
    "ARROW_FILLS",
    "BAND_FILL",
    "TILE_BORDER",
    "WHOLE_JOURNEY",
    "MetricBand",
    "MetricTile",
    "MetricsPart",
    "layout_metrics",
    "shown_value",
]
