"""compute_layout: every rectangle of a map, from the bundle and the style tokens.

Columns have a fixed width; rows grow to fit their tallest cell, so text never
has to be cut.  Cells are filled with a skyline per lane: an item spanning
several columns starts below the lowest item already in any of them, which
keeps spanning cards from overlapping the stacks beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jmapper.analysis.coverage import stage_evidence_counts
from jmapper.layout.boxes import (
    BlueprintLineBox,
    CardBox,
    ColumnBox,
    CommentBadge,
    EmotionLane,
    LaneBox,
    MapLayout,
    Marker,
    MomentBox,
    OpportunityBox,
    Rect,
    StageBox,
    TextBlock,
)
from jmapper.layout.comments import GAP as COMMENT_GAP
from jmapper.layout.comments import badge_at, open_comments
from jmapper.layout.comments import reserve as comment_reserve
from jmapper.layout.connectors import layout_links
from jmapper.layout.emotion import layout_emotion
from jmapper.layout.evidence import badge_reserve, stage_badge
from jmapper.layout.metrics import MetricBand, MetricTile, layout_metrics
from jmapper.layout.priority import quadrant
from jmapper.layout.text import ascent, line_height, place_lines, text_width, wrap
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card, EmotionPoint, Lane, MomentOfTruth, Opportunity
from jmapper.model.enums import LaneKind
from jmapper.style import (
    CHANNEL_CODES,
    DEFAULT_STYLE,
    EVIDENCE_CODES,
    LINE_DASHES,
    LINE_WEIGHTS,
    Style,
)

_EPS = 0.01


def text_block(
    role: str,
    owner_id: str,
    lines: list[str],
    rect: Rect,
    size: float,
    style: Style,
    *,
    bold: bool = False,
    colour: str | None = None,
    align: str = "left",
) -> TextBlock:
    """Place wrapped ``lines`` at the top of ``rect`` and check that they fit it."""
    placed = place_lines(lines, rect.x, rect.y, size, rect.w, style.line_spacing, bold, align)
    fits = (
        all(
            line.x >= rect.x - _EPS
            and line.x + line.width <= rect.right + _EPS
            and line.baseline - ascent(size) >= rect.y - _EPS
            for line in placed
        )
        and len(lines) * line_height(size, style.line_spacing) <= rect.h + _EPS
    )
    return TextBlock(role, owner_id, rect, placed, size, bold, colour or style.text_colour, fits)


def _height(lines: list[str], size: float, style: Style) -> float:
    return len(lines) * line_height(size, style.line_spacing) if any(lines) else 0.0


@dataclass
class _Item:
    """Something stacked in a cell: a card, an opportunity or a moment note."""

    column: int
    span: int
    order: tuple[int, str]
    entity: Card | Opportunity | MomentOfTruth
    title: list[str]
    body: list[str]
    markers: list[tuple[str, str, str]]  # kind, code, value
    height: float = 0.0


@dataclass(frozen=True)
class _Note:
    """A moment-of-truth note placed in its lane (drawn later with its diamond)."""

    moment: MomentOfTruth
    rect: Rect
    title: TextBlock
    body: TextBlock | None


_Placed = CardBox | OpportunityBox | _Note


def _bare(text: str) -> str:
    """Text without surrounding quote marks and spaces, to spot a quote repeated as title."""
    return text.strip().strip("\u201c\u201d\"'").strip()


def _card_body(card: Card) -> str:
    parts = [card.description]
    if card.quote and _bare(card.quote) != _bare(card.title):
        parts.append(f"\u201c{card.quote}\u201d")
    if card.pain_volume is not None:
        per = f" / {card.pain_volume_period}" if card.pain_volume_period else ""
        parts.append(f"Volume: {card.pain_volume}{per}")
    if card.owner:
        parts.append(f"Owner: {card.owner}")
    if card.data_source:
        parts.append(f"Source: {card.data_source}")
    return "\n".join(p for p in parts if p)


def _card_markers(card: Card) -> list[tuple[str, str, str]]:
    markers = []
    if card.channel is not None:
        markers.append(("channel", CHANNEL_CODES[card.channel], card.channel.value))
    if card.failure_point:
        markers.append(("failure", "FP", "failure_point"))
    if card.pain_severity is not None:
        markers.append(("severity", f"S{card.pain_severity}", str(card.pain_severity)))
    if card.evidence_level is not None:
        code = EVIDENCE_CODES[card.evidence_level]
        markers.append(("evidence", code, card.evidence_level.value))
    return markers


def _opportunity_body(opp: Opportunity) -> str:
    parts = [opp.description]
    if opp.owner:
        parts.append(f"Owner: {opp.owner}")
    if opp.metric:
        target = f" {opp.baseline} \u2192 {opp.target}" if opp.baseline or opp.target else ""
        parts.append(f"Metric: {opp.metric}{target}")
    if opp.due_date is not None:
        parts.append(f"Due: {opp.due_date.isoformat()}")
    return "\n".join(p for p in parts if p)


def vote_label(votes: int) -> str:
    """How an opportunity's dot votes print: '1 vote', '3 votes' (words, not a colour)."""
    return f"{votes} vote" if votes == 1 else f"{votes} votes"


def marker_width(code: str, style: Style) -> float:
    """A badge's width: room for its code, never narrower than it is high (the legend too)."""
    return max(style.marker_size, text_width(code, style.marker_text_size, True) + 5)


class _Builder:
    def __init__(self, bundle: MapBundle, style: Style) -> None:
        self.bundle = bundle
        self.style = style
        self.columns = bundle.columns()
        self.x0 = style.label_column_width
        self.cw = style.column_width
        self.first_column: dict[str, int] = {}
        for column in self.columns:
            self.first_column.setdefault(column.stage_id, column.index)
        self.stage_span: dict[str, list[int]] = {}
        for column in self.columns:
            self.stage_span.setdefault(column.stage_id, []).append(column.index)
        self.text_runs: list[TextBlock] = []
        self.uses: set[str] = set()
        self.comments = open_comments(bundle)
        self.metric_tiles: list[MetricTile] = []
        self.metric_bands: list[MetricBand] = []

    # -- helpers ---------------------------------------------------------------
    def column_index(self, stage_id: str | None, step_id: str | None) -> int | None:
        if stage_id is None:
            return None
        column = self.bundle.column_of(stage_id, step_id)
        if column is not None:
            return column.index
        return self.first_column.get(stage_id)

    def block(
        self,
        role: str,
        owner_id: str,
        lines: list[str],
        rect: Rect,
        size: float,
        *,
        bold: bool = False,
        colour: str | None = None,
    ) -> TextBlock:
        result = text_block(role, owner_id, lines, rect, size, self.style, bold=bold, colour=colour)
        self.text_runs.append(result)
        return result

    # -- headers ---------------------------------------------------------------
    def headers(self) -> tuple[list[StageBox], list[ColumnBox], float]:
        s = self.style
        pad = s.header_padding
        has_steps = any(c.step_id is not None for c in self.columns)
        stage_lines: dict[str, list[str]] = {}
        for stage in self.bundle.ordered_stages():
            width = len(self.stage_span.get(stage.id, [])) * self.cw - 2 * pad - badge_reserve(s)
            width -= comment_reserve(self.comments[stage.id], s)
            if width > 0:
                stage_lines[stage.id] = wrap(stage.name, s.stage_size, width, True)
        stage_h = max(
            [s.stage_header_min_height]
            + [_height(lines, s.stage_size, s) + 2 * pad for lines in stage_lines.values()]
        )
        moment_cols = {
            self.column_index(m.stage_id, m.step_id) for m in self.bundle.moments_of_truth.values()
        }
        reserve = s.marker_size + 4 if moment_cols else 0.0
        step_lines: dict[int, list[str]] = {}
        step_h = 0.0
        if has_steps:
            for column in self.columns:
                if column.step_id is None:
                    continue
                step = self.bundle.steps[column.step_id]
                room = self.cw - 2 * pad - reserve - comment_reserve(self.comments[step.id], s)
                lines = wrap(step.name, s.step_size, room, True)
                if step.duration:
                    width = room
                    lines.extend(wrap(f"Time: {step.duration}", s.step_size, width, True))
                step_lines[column.index] = lines
            step_h = max(
                [s.step_header_min_height]
                + [_height(lines, s.step_size, s) + 2 * pad for lines in step_lines.values()]
            )
        stages = []
        evidence = stage_evidence_counts(self.bundle)
        for stage in self.bundle.ordered_stages():
            span = self.stage_span.get(stage.id)
            if not span:
                continue
            rect = Rect(self.x0 + span[0] * self.cw, 0.0, len(span) * self.cw, stage_h)
            inner = Rect(rect.x + pad, pad, rect.w - 2 * pad, stage_h - 2 * pad)
            label = self.block(
                "stage",
                stage.id,
                stage_lines[stage.id],
                inner,
                s.stage_size,
                bold=True,
                colour=s.header_text_colour,
            )
            count = evidence.get(stage.id, 0)
            self.uses.add("stage_data" if count else "stage_no_data")
            badge = stage_badge(rect, count, s)
            stages.append(
                StageBox(
                    stage.id,
                    rect,
                    label,
                    badge,
                    self.comment_badge(stage.id, badge.rect.x - COMMENT_GAP, badge.rect.bottom),
                )
            )
        columns = []
        for column in self.columns:
            x = self.x0 + column.index * self.cw
            header = Rect(x, stage_h, self.cw, step_h) if has_steps else None
            step_label: TextBlock | None = None
            if header is not None and column.index in step_lines:
                inner = Rect(x + pad, stage_h + pad, self.cw - 2 * pad - reserve, step_h - 2 * pad)
                step_label = self.block(
                    "step",
                    column.step_id or "",
                    step_lines[column.index],
                    inner,
                    s.step_size,
                    bold=True,
                    colour=s.label_text_colour,
                )
            comments = (
                self.comment_badge(column.step_id, x + self.cw - pad, header.bottom - 3)
                if header is not None
                else None
            )
            columns.append(
                ColumnBox(
                    column.index,
                    column.stage_id,
                    column.step_id,
                    x,
                    self.cw,
                    header,
                    step_label,
                    comments,
                )
            )
        return stages, columns, stage_h + step_h

    # -- cell items ------------------------------------------------------------
    def items_by_lane(self, lanes: list[Lane]) -> dict[str, list[_Item]]:
        s = self.style
        inner = self.cw - 2 * s.cell_padding - 2 * s.card_padding
        visible = {lane.id for lane in lanes}
        out: dict[str, list[_Item]] = {lane.id: [] for lane in lanes}
        n = len(self.columns)

        def add(
            lane_id: str,
            column: int | None,
            span: int,
            order: tuple[int, str],
            entity: Card | Opportunity | MomentOfTruth,
            title: str,
            body: str,
            markers: list[tuple[str, str, str]],
        ) -> None:
            if lane_id not in visible or column is None:
                return
            span = max(1, min(span, n - column))
            width = inner + (span - 1) * self.cw
            item = _Item(
                column,
                span,
                order,
                entity,
                wrap(title, s.title_size, width, True),
                wrap(body, s.body_size, width) if body else [],
                markers,
            )
            out[lane_id].append(item)

        for card in self.bundle.cards.values():
            markers = _card_markers(card)
            if self.comments[card.id]:
                count = str(self.comments[card.id])
                markers.append(("comment", count, count))
            for kind, _code, value in markers:
                self.uses.add(f"{kind}:{value}" if kind in ("channel", "evidence") else kind)
            add(
                card.lane_id,
                self.column_index(card.stage_id, card.step_id),
                card.span,
                (card.position, card.id),
                card,
                card.title,
                _card_body(card),
                markers,
            )
        opp_lane = next((ln.id for ln in lanes if ln.kind is LaneKind.OPPORTUNITIES), None)
        for opp in self.bundle.opportunities.values():
            lane_id = opp.lane_id if opp.lane_id in visible else opp_lane
            priority = quadrant(opp)
            markers = [("priority", priority, priority)] if priority else []
            if opp.votes:
                markers.append(("votes", vote_label(opp.votes), str(opp.votes)))
            if self.comments[opp.id]:
                count = str(self.comments[opp.id])
                markers.append(("comment", count, count))
                self.uses.add("comment")
            if lane_id is not None:
                add(
                    lane_id,
                    self.column_index(opp.stage_id, opp.step_id),
                    1,
                    (10_000, opp.id),
                    opp,
                    opp.title,
                    _opportunity_body(opp),
                    markers,
                )
        mot_lane = next((ln.id for ln in lanes if ln.kind is LaneKind.MOMENTS_OF_TRUTH), None)
        if mot_lane is not None:
            for moment in self.bundle.moments_of_truth.values():
                add(
                    mot_lane,
                    self.column_index(moment.stage_id, moment.step_id),
                    1,
                    (20_000, moment.id),
                    moment,
                    moment.title,
                    moment.description,
                    [("moment", "MoT", "moment")],
                )
        for items in out.values():
            items.sort(key=lambda it: (it.column, it.order))
            for it in items:
                h = s.card_padding * 2 + _height(it.title, s.title_size, s)
                if it.body:
                    h += 2 + _height(it.body, s.body_size, s)
                if it.markers:
                    h += 3 + s.marker_size
                it.height = max(h, s.marker_size + 2 * s.card_padding)
        return out

    def place_items(self, items: list[_Item], top: float) -> tuple[list[_Placed], float]:
        """Skyline stacking from ``top``; returns the boxes and the lowest bottom edge."""
        s = self.style
        sky = [top + s.cell_padding] * len(self.columns)
        boxes: list[_Placed] = []
        bottom = top
        for it in items:
            cols = range(it.column, it.column + it.span)
            y = max(sky[c] for c in cols)
            x = self.x0 + it.column * self.cw + s.cell_padding
            w = it.span * self.cw - 2 * s.cell_padding
            rect = Rect(x, y, w, it.height)
            for c in cols:
                sky[c] = y + it.height + s.card_gap
            bottom = max(bottom, rect.bottom + s.cell_padding)
            boxes.append(self.item_box(it, rect))
        return boxes, bottom

    def item_box(self, it: _Item, rect: Rect) -> _Placed:
        s = self.style
        pad = s.card_padding
        iw = rect.w - 2 * pad
        ty = rect.y + pad
        th = _height(it.title, s.title_size, s)
        entity = it.entity
        title = self.block(
            "card_title",
            entity.id,
            it.title,
            Rect(rect.x + pad, ty, iw, th),
            s.title_size,
            bold=True,
        )
        body = None
        by = ty + th
        if it.body:
            bh = _height(it.body, s.body_size, s)
            body = self.block(
                "card_body", entity.id, it.body, Rect(rect.x + pad, by + 2, iw, bh), s.body_size
            )
            by += 2 + bh
        markers = []
        mx = rect.x + pad
        my = rect.bottom - pad - s.marker_size
        for kind, code, value in it.markers:
            mw = marker_width(code, s)
            markers.append(Marker(kind, Rect(mx, my, mw, s.marker_size), code, value))
            mx += mw + 3
        if isinstance(entity, Card):
            lane = self.bundle.lanes.get(entity.lane_id)
            fill = entity.colour or (s.lane_tint(lane.kind) if lane else s.card_fill)
            if lane is not None and lane.kind is LaneKind.EMOTIONS:
                fill = s.card_fill
            border = s.failure_colour if entity.failure_point else s.card_border
            return CardBox(
                entity.id,
                entity.lane_id,
                rect,
                title,
                body,
                tuple(markers),
                fill,
                border,
                entity.failure_point,
            )
        if isinstance(entity, Opportunity):
            prio = next((m for m in markers if m.kind == "priority"), None)
            votes = next((m for m in markers if m.kind == "votes"), None)
            return OpportunityBox(
                entity.id,
                rect,
                title,
                body,
                prio.code if prio else "",
                prio.rect if prio else None,
                s.opportunity_fill,
                votes.code if votes else "",
                votes.rect if votes else None,
                next((m for m in markers if m.kind == "comment"), None),
            )
        return _Note(entity, rect, title, body)

    # -- lanes and lines ---------------------------------------------------------
    def lanes_and_lines(
        self, top: float, columns: list[ColumnBox]
    ) -> tuple[
        list[LaneBox],
        dict[str, CardBox],
        list[OpportunityBox],
        list[tuple[MomentOfTruth, Rect, TextBlock, TextBlock | None]],
        list[EmotionLane],
        list[BlueprintLineBox],
        float,
    ]:
        s = self.style
        all_lanes = self.bundle.ordered_lanes()
        visible = [lane for lane in all_lanes if lane.visible]
        items = self.items_by_lane(visible)
        lines = self.bundle.ordered_lines()
        width = self.x0 + len(self.columns) * self.cw
        lane_boxes: list[LaneBox] = []
        cards: dict[str, CardBox] = {}
        opps: list[OpportunityBox] = []
        notes: list[tuple[MomentOfTruth, Rect, TextBlock, TextBlock | None]] = []
        emotion: list[EmotionLane] = []
        line_boxes: list[BlueprintLineBox] = []
        pending = list(lines)
        metrics_lane = next((ln.id for ln in visible if ln.kind is LaneKind.METRICS), None)
        y = top
        pad = s.header_padding
        label_w = self.x0 - 2 * pad - 4

        def emit_lines(up_to: int) -> None:
            nonlocal y
            while pending and pending[0].position <= up_to:
                line = pending.pop(0)
                self.uses.add(f"line:{line.kind.value}")
                text = line.label or line.kind.label
                label_lines = wrap(text, s.line_label_size, label_w + 4, True)[:1]
                lw = text_width(label_lines[0], s.line_label_size, True) if label_lines else 0
                lh = line_height(s.line_label_size, s.line_spacing)
                mid = y + s.line_band_height / 2
                rect = Rect(pad, mid - lh / 2, label_w + 4, lh)
                label = self.block(
                    "line_label",
                    line.id,
                    label_lines,
                    rect,
                    s.line_label_size,
                    bold=True,
                    colour=s.label_text_colour,
                )
                bg = Rect(pad - 2, mid - lh / 2 - 1, lw + 4, lh + 2)
                line_boxes.append(
                    BlueprintLineBox(
                        line.id,
                        line.kind,
                        mid,
                        0.0,
                        width,
                        LINE_WEIGHTS[line.kind],
                        LINE_DASHES[line.kind],
                        label,
                        bg,
                    )
                )
                y += s.line_band_height

        for index, lane in enumerate(all_lanes):
            emit_lines(index)
            if not lane.visible:
                continue
            room = label_w - comment_reserve(self.comments[lane.id], s)
            label_lines = wrap(lane.name or lane.kind.label, s.lane_label_size, room, True)
            label_h = _height(label_lines, s.lane_label_size, s)
            content_top = y
            plot = None
            if lane.kind is LaneKind.EMOTIONS:
                plot = Rect(
                    self.x0, y + s.cell_padding, len(self.columns) * self.cw, s.emotion_plot_height
                )
                content_top = plot.bottom
            if lane.id == metrics_lane:
                content_top = self.metrics_lane(lane.id, content_top)
            boxes, bottom = self.place_items(items[lane.id], content_top)
            height = max(
                s.lane_min_height,
                label_h + 2 * pad,
                bottom - y,
                (plot.bottom + s.cell_padding - y) if plot else 0.0,
            )
            rect = Rect(0.0, y, width, height)
            label_rect = Rect(0.0, y, self.x0, height)
            label = self.block(
                "lane",
                lane.id,
                label_lines,
                Rect(pad + 4, y + pad, label_w, height - 2 * pad),
                s.lane_label_size,
                bold=True,
                colour=s.label_text_colour,
            )
            lane_boxes.append(
                LaneBox(
                    lane.id,
                    lane.kind,
                    rect,
                    label_rect,
                    label,
                    s.lane_tint(lane.kind),
                    s.lane_accent(lane.kind),
                    self.comment_badge(lane.id, self.x0 - pad, y + height - 4),
                )
            )
            for box in boxes:
                if isinstance(box, CardBox):
                    cards[box.card_id] = box
                elif isinstance(box, OpportunityBox):
                    opps.append(box)
                else:
                    notes.append((box.moment, box.rect, box.title, box.body))
            if plot is not None:
                emotion.append(layout_emotion(self.bundle, lane.id, plot, self.point_place, s))
            y += height
        emit_lines(len(all_lanes) + 1)
        return lane_boxes, cards, opps, notes, emotion, line_boxes, y

    def comment_badge(
        self, target_id: str | None, right: float, bottom: float
    ) -> CommentBadge | None:
        """The open-comment badge of ``target_id`` ending at (right, bottom), or None."""
        count = self.comments[target_id] if target_id else 0
        if not count:
            return None
        self.uses.add("comment")
        return badge_at(right, bottom, count, self.style)

    def metrics_lane(self, lane_id: str, top: float) -> float:
        """Lay the metric tiles out at the top of the lane; returns where its cards start."""

        def block(
            role: str,
            owner: str,
            lines: list[str],
            rect: Rect,
            size: float,
            bold: bool,
            colour: str | None,
        ) -> TextBlock:
            return self.block(role, owner, lines, rect, size, bold=bold, colour=colour)

        part = layout_metrics(self.bundle, lane_id, self.columns, self.x0, top, self.style, block)
        self.metric_tiles.extend(part.tiles)
        if part.band is not None:
            self.metric_bands.append(part.band)
        for tile in part.tiles:
            self.uses.add(f"metric_change:{tile.direction}" if tile.direction else "metric")
        return part.bottom if part.tiles else top

    def point_place(self, point: EmotionPoint) -> tuple[int, float] | None:
        column = self.bundle.column_of(point.stage_id, point.step_id)
        if column is not None:
            return column.index, self.x0 + (column.index + 0.5) * self.cw
        span = self.stage_span.get(point.stage_id)
        if not span:
            return None
        return span[0], self.x0 + (span[0] + len(span) / 2) * self.cw


def _moments(
    builder: _Builder,
    columns: list[ColumnBox],
    stages: list[StageBox],
    notes: Iterable[tuple[MomentOfTruth, Rect, TextBlock, TextBlock | None]],
) -> list[MomentBox]:
    s = builder.style
    by_id = {m.id: (r, t, b) for m, r, t, b in notes}
    stage_rect = {st.stage_id: st.rect for st in stages}
    out = []
    for moment in sorted(builder.bundle.moments_of_truth.values(), key=lambda m: m.id):
        index = builder.column_index(moment.stage_id, moment.step_id)
        if index is None:
            continue
        column = columns[index]
        header = column.header or stage_rect[column.stage_id]
        size = s.marker_size
        marker = Rect(column.x + column.width - size - 4, header.y + 4, size, size)
        rect, title, _body = by_id.get(moment.id, (None, None, None))
        builder.uses.add("moment")
        out.append(MomentBox(moment.id, index, marker, title, rect))
    return out


def compute_layout(bundle: MapBundle, style: Style = DEFAULT_STYLE) -> MapLayout:
    """Lay out the whole map: the one geometry that the canvas and every exporter draw."""
    builder = _Builder(bundle, style)
    stages, columns, header_h = builder.headers()
    lanes, cards, opps, notes, emotion, lines, bottom = builder.lanes_and_lines(header_h, columns)
    moments = _moments(builder, columns, stages, notes)
    bounds = Rect(
        style.label_column_width, header_h, len(columns) * style.column_width, bottom - header_h
    )
    notes_and_opps = [o.rect for o in opps] + [m.note_rect for m in moments if m.note_rect]
    links = layout_links(bundle, cards, style, notes_and_opps, bounds)
    for link in links:
        builder.uses.add(f"link:{link.direction.value}")
        if link.label is not None:
            builder.text_runs.append(link.label)
    if opps:
        builder.uses.add("opportunity")
    for opp_box in opps:
        if opp_box.priority:  # the legend lists every priority the map shows
            builder.uses.add(f"priority:{opp_box.priority}")
    for lane in emotion:
        if lane.curves:
            builder.uses.add("emotion")
        for curve in lane.curves:
            builder.uses.add(f"series:{curve.series.value}")
    width = style.label_column_width + len(columns) * style.column_width
    grid = bounds
    sizes = [run.size for run in builder.text_runs if run.lines] or [style.body_size]
    return MapLayout(
        width=width,
        height=max(bottom, header_h),
        grid=grid,
        header_height=header_h,
        stages=tuple(stages),
        columns=tuple(columns),
        lanes=tuple(lanes),
        cards=cards,
        emotion=tuple(emotion),
        blueprint_lines=tuple(lines),
        links=tuple(links),
        moments=tuple(moments),
        opportunities=tuple(opps),
        text_runs=tuple(builder.text_runs),
        min_text_size=min(min(sizes), style.marker_text_size),
        uses=frozenset(builder.uses),
        metric_tiles=tuple(builder.metric_tiles),
        metric_bands=tuple(builder.metric_bands),
    )
