"""Everything printed around the map: header, legend and title block.

Each piece is *built* first (its size and a list of drawing operations at
local y-down coordinates), then placed: the page code needs the sizes to fit
the map into what is left, and a tiled poster places them at true scale.
The legend's swatches are drawn by the map's own routines (faces, badges,
the moment diamond, arrows, blueprint rules), so the key always matches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from jmapper.drawing.cards import draw_diamond, draw_marker
from jmapper.drawing.emotion import draw_face, draw_series_swatch
from jmapper.drawing.grid import draw_evidence_badge, draw_rule
from jmapper.drawing.links import draw_link
from jmapper.drawing.metrics import draw_change_arrow
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_label
from jmapper.layout.boxes import (
    EmotionCurve,
    EmotionMark,
    EvidenceBadge,
    LinkBox,
    MapLayout,
    Marker,
    Rect,
)
from jmapper.layout.connectors import arrow_heads
from jmapper.layout.evidence import NO_DATA, badge_width
from jmapper.layout.grid import marker_width
from jmapper.layout.priority import BIG_BET, FILL_IN, MONEY_PIT, QUICK_WIN
from jmapper.layout.text import text_width, wrap
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import BlueprintLineKind, Channel, EvidenceLevel, LinkDirection, LinkType
from jmapper.style import CHANNEL_CODES, EVIDENCE_CODES, LINE_DASHES, LINE_WEIGHTS, Style

Op = Callable[[Painter], None]
#: The title block's cell labels: 6 pt, the smallest text any page prints at scale 1.
LABEL_SIZE = 6.0


@dataclass
class Piece:
    """A built piece of furniture: size in points and how to draw it at (0, 0)."""

    w: float
    h: float
    ops: list[Op]

    def draw(self, painter: Painter, x: float, y: float, scale: float = 1.0) -> None:
        painter.save()
        painter.translate(x, y)
        painter.scale(scale)
        for op in self.ops:
            op(painter)
        painter.restore()


def _fit_line(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text`` on one line, ending in an ellipsis if it had to be shortened."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "\u2026", size, bold) > width:
        text = text[:-1]
    return text + "\u2026"


def fit_line(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text`` on one line within ``width``, ending in an ellipsis if it had to be shortened."""
    return _fit_line(text, size, width, bold)


def fit_line_op(
    x: float,
    baseline: float,
    text: str,
    size: float,
    width: float,
    bold: bool = False,
    fill: str = "#1A1A1A",
) -> Op:
    """One line of ``text`` within ``width``, ending in an ellipsis when shortened."""
    return _text_op(x, baseline, _fit_line(text, size, width, bold), size, bold, fill)


def wrap_lines(text: str, size: float, width: float, max_lines: int) -> list[str]:
    """``text`` wrapped at word boundaries into at most ``max_lines`` lines.

    When it does not fit, the last line keeps whole words and ends in an
    ellipsis, so a reader sees that something follows (never a silent cut).
    """
    lines = wrap(text, size, width)
    if len(lines) <= max_lines:
        return lines
    kept = lines[: max_lines - 1]
    last = lines[max_lines - 1]
    words = last.split(" ")
    while len(words) > 1 and text_width(" ".join(words) + "\u2026", size) > width:
        words.pop()
    return [*kept, _fit_line(" ".join(words), size, width).rstrip("\u2026 ,;") + "\u2026"]


def _text_op(
    x: float,
    baseline: float,
    text: str,
    size: float,
    bold: bool = False,
    fill: str = "#1A1A1A",
    align: str = "left",
) -> Op:
    def op(painter: Painter) -> None:
        draw_label(painter, x, baseline, text, size, bold=bold, fill=fill, align=align)

    return op


def persona_line(bundle: MapBundle) -> str:
    persona = bundle.personas.get(bundle.map.primary_persona_id or "")
    if persona is None:
        return ""
    return f"{persona.name} \u2013 {persona.role}" if persona.role else persona.name


# -- header ---------------------------------------------------------------------------
def build_header(bundle: MapBundle, width: float, accent: str, style: Style) -> Piece:
    """Title, persona and scenario top left (docs/domain.md): who, doing what."""
    ops: list[Op] = []
    y = 0.0
    for line in wrap(bundle.map.title or "Untitled map", 16, width, True):
        ops.append(_text_op(0, y + 15, line, 16, True))
        y += 19
    facts = []
    persona = persona_line(bundle)
    if persona:
        facts.append(("Persona", persona))
    if bundle.map.scenario:
        facts.append(("Scenario", bundle.map.scenario))
    if bundle.map.goal:
        facts.append(("Goal", bundle.map.goal))
    for label, value in facts:
        lw = text_width(f"{label}: ", 9, True)
        lines = wrap(value, 9, max(width - lw, 40))
        ops.append(_text_op(0, y + 10, f"{label}:", 9, True, style.muted_text_colour))
        for line in lines:
            ops.append(_text_op(lw, y + 10, line, 9))
            y += 12
    y += 4
    bar = y

    def rule(painter: Painter) -> None:
        painter.rect(Rect(0, bar, width, 2.0), accent)

    ops.append(rule)
    return Piece(width, y + 2, ops)


# -- legend ---------------------------------------------------------------------------
# What a legend swatch shows: a face name or scale text (str), a curve, a marker
# (kind, code), an arrow's head count, a blueprint line kind, or nothing (moment).
LegendPayload = str | EmotionCurve | tuple[str, str] | int | BlueprintLineKind | None
LegendItem = tuple[str, LegendPayload, str]  # swatch kind, payload, label

#: What each opportunity priority marker means (jmapper.analysis.priority.quadrant).
_PRIORITY_MEANING = {
    QUICK_WIN: "High impact, feasible",
    BIG_BET: "High impact, hard",
    FILL_IN: "Low impact, feasible",
    MONEY_PIT: "Low impact, hard",
}


#: The metrics lane's change arrows (jmapper/drawing/metrics.py); the word beside each
#: arrow on the map says better or worse, the fill only repeats it.
_CHANGE_MEANING = {
    "up": "Up since baseline",
    "down": "Down since baseline",
    "flat": "Same as baseline",
}


def legend_groups(bundle: MapBundle, layout: MapLayout) -> list[tuple[str, list[LegendItem]]]:
    """Only what this map uses, grouped as a reader looks things up."""
    uses = layout.uses
    groups: list[tuple[str, list[LegendItem]]] = []
    if "emotion" in uses:
        scale = bundle.map.emotion_scale
        items: list[LegendItem] = [
            ("face", "smile", "Above neutral"),
            ("face", "flat", "Neutral (dashed midline)"),
            ("face", "frown", "Below neutral"),
            ("text", f"{scale.minimum}\u2026{scale.maximum}", f"Scale {scale.kind.label}"),
        ]
        for lane in layout.emotion:
            for curve in lane.curves:
                items.append(("series", curve, curve.legend_label))
        groups.append(("Emotion", items))
    channels = [c for c in Channel if f"channel:{c.value}" in uses]
    if channels:
        groups.append(
            ("Channels", [("marker", ("channel", CHANNEL_CODES[c]), c.label) for c in channels])
        )
    cards: list[LegendItem] = []
    if "failure" in uses:
        cards.append(("marker", ("failure", "FP"), "Failure point"))
    if "severity" in uses:
        cards.append(("marker", ("severity", "S0\u20134"), "Pain severity 0\u20134 (Nielsen)"))
    if "moment" in uses:
        cards.append(("moment", None, "Moment of truth"))
    if "comment" in uses:
        cards.append(("marker", ("comment", "2"), "Number of open comments on it"))
    if "stage_data" in uses:
        cards.append(("badge", "Data 2", "Stage backed by 2 data sources or evidence items"))
    if "stage_no_data" in uses:
        cards.append(("badge", NO_DATA, "Stage resting on no data (dashed)"))
    for label in (QUICK_WIN, BIG_BET, FILL_IN, MONEY_PIT):
        if f"priority:{label}" in uses:
            cards.append(("marker", ("priority", label), _PRIORITY_MEANING[label]))
    if cards:
        groups.append(("Markers", cards))
    evidence = [e for e in EvidenceLevel if f"evidence:{e.value}" in uses]
    if evidence:
        groups.append(
            ("Evidence", [("marker", ("evidence", EVIDENCE_CODES[e]), e.label) for e in evidence])
        )
    arrows: list[LegendItem] = []
    if "link:one_way" in uses:
        arrows.append(("arrow", 1, "One-way exchange / hand-off"))
    if "link:two_way" in uses:
        arrows.append(("arrow", 2, "Mutual dependency"))
    if arrows:
        groups.append(("Arrows", arrows))
    changes: list[LegendItem] = [
        ("change", direction, meaning)
        for direction, meaning in _CHANGE_MEANING.items()
        if f"metric_change:{direction}" in uses
    ]
    if changes:
        changes.append(
            ("text", "+3", "Signed change, then better or worse (fill: green, vermillion)")
        )
        groups.append(("Metrics", changes))
    lines = [k for k in BlueprintLineKind if f"line:{k.value}" in uses]
    if lines:
        groups.append(("Blueprint lines", [("line", k, k.label) for k in lines]))
    return groups


def _swatch_width(kind: str, payload: LegendPayload, style: Style) -> float:
    if kind == "badge":
        return max(26.0, badge_width(str(payload), style))
    if kind == "marker" and isinstance(payload, tuple):
        return max(26.0, marker_width(payload[1], style))
    return 26.0


def _swatch(kind: str, payload: LegendPayload, x: float, y: float, style: Style) -> Op:
    """Draw a legend swatch in the 24 x 12 box at (x, y), as the map draws the thing."""

    def op(painter: Painter) -> None:
        cy = y + 6
        if kind == "face":
            mark = EmotionMark(x + 12, cy, 0, "", str(payload), 0, 5.0, x + 30, cy)
            draw_face(painter, mark, cy, "#0072B2", style)
        elif kind == "series" and isinstance(payload, EmotionCurve):
            draw_series_swatch(painter, payload, x, cy)
        elif kind == "marker" and isinstance(payload, tuple):
            mkind, code = payload
            h = style.marker_size
            draw_marker(
                painter,
                Marker(mkind, Rect(x, cy - h / 2, marker_width(code, style), h), code, code),
                style,
            )
        elif kind == "moment":
            draw_diamond(painter, Rect(x + 7, cy - 5, 10, 10), style)
        elif kind == "arrow":
            start, end = (x, cy), (x + 24, cy)
            direction = LinkDirection.TWO_WAY if payload == 2 else LinkDirection.ONE_WAY
            heads = arrow_heads(start, end, direction, style)
            draw_link(
                painter, LinkBox("", start, end, direction, LinkType.OTHER, heads, None), style
            )
        elif kind == "line" and isinstance(payload, BlueprintLineKind):
            draw_rule(painter, x, x + 24, cy, LINE_WEIGHTS[payload], LINE_DASHES[payload], style)
        elif kind == "text":
            draw_label(painter, x, cy + 2.5, str(payload), 7, bold=True)
        elif kind == "badge":
            code = str(payload)
            w, h = badge_width(code, style), style.marker_size
            badge = EvidenceBadge(Rect(x, cy - h / 2, w, h), code != NO_DATA, 0, code)
            draw_evidence_badge(painter, badge, "#FFFFFF", style.header_fill)
        elif kind == "change":
            draw_change_arrow(painter, Rect(x + 7, cy - 5, 10, 10), str(payload), None)

    return op


def build_legend(bundle: MapBundle, layout: MapLayout, max_width: float, style: Style) -> Piece:
    groups = legend_groups(bundle, layout)
    ops: list[Op] = []
    row_h = 13.0
    x = y = 0.0
    row_bottom = 0.0
    widest = 0.0
    for heading, items in groups:
        label_w = max(text_width(label, 7) for _k, _p, label in items)
        swatch_w = max(_swatch_width(k, p, style) for k, p, _l in items)
        w = max(swatch_w + 8 + label_w, text_width(heading, 7.5, True)) + 14
        h = 12 + row_h * len(items)
        if x > 0 and x + w > max_width:
            x, y = 0.0, row_bottom + 6
        ops.append(_text_op(x, y + 8, heading, 7.5, True))
        for i, (kind, payload, label) in enumerate(items):
            iy = y + 12 + i * row_h
            ops.append(_swatch(kind, payload, x, iy, style))
            ops.append(_text_op(x + swatch_w + 8, iy + 8.5, label, 7))
        x += w
        widest = max(widest, x)
        row_bottom = max(row_bottom, y + h)
    if not groups:
        return Piece(0, 0, [])
    return Piece(widest, row_bottom, [*ops])


# -- title block ----------------------------------------------------------------------
def _rule_op(x0: float, y0: float, x1: float, y1: float) -> Op:
    def op(painter: Painter) -> None:
        painter.line(x0, y0, x1, y1, "#B0B0B0", 0.5)

    return op


def build_title_block(
    bundle: MapBundle,
    *,
    sheet: str,
    prepared_by: str,
    accent: str,
    printed: str,
    logo: Callable[[Painter, Rect], None] | None,
    vendor_mark: bool,
    style: Style,
) -> Piece:
    """Engineering-style title block: labelled cells, the title across the top."""
    jm = bundle.map
    width = 270.0
    pad = 5.0
    ops: list[Op] = []
    y = pad
    if logo is not None:
        logo_rect = Rect(pad + 4, y, 90, 26)
        ops.append(lambda painter: logo(painter, logo_rect))
        y += 30
    for line in wrap(jm.title or "Untitled map", 11, width - 2 * pad - 4, True)[:3]:
        ops.append(_text_op(pad + 4, y + 11, line, 11, True))
        y += 14
    y += 3
    half = (width - 4) / 2
    last_reviewed = jm.last_reviewed.isoformat() if jm.last_reviewed else "never"
    # The client (the map's organisation) and the consultant (the branding
    # organisation) both appear: branding never hides whom the map is for.
    prepared_for = jm.organisation or "\u2013"
    cells = [
        [("Map type", jm.map_type.label), ("Status", jm.status.label)],
        [("Persona", persona_line(bundle) or "\u2013")],
        [("Scenario", jm.scenario or "\u2013")],
        [("Prepared for", prepared_for), ("Prepared by", prepared_by or "\u2013")],
        [("Author", jm.author or "\u2013"), ("Version", jm.version_label or "\u2013")],
        [("Date", printed), ("Last reviewed", last_reviewed)],
        [("Sheet", sheet)],
    ]
    for row in cells:
        cell_w = (width - 4) / len(row)
        row_h = 0.0
        for i, (label, value) in enumerate(row):
            cx = 4 + i * half
            vw = cell_w - 2 * pad
            lines = wrap_lines(value, 8, vw, 3 if len(row) == 1 else 2)
            ops.append(
                _text_op(cx + pad, y + 8, label.upper(), LABEL_SIZE, True, style.muted_text_colour)
            )
            for j, line in enumerate(lines):
                ops.append(_text_op(cx + pad, y + 18 + j * 10, line, 8))
            row_h = max(row_h, 14 + 10 * len(lines))
        ops.append(_rule_op(4, y, width, y))
        if len(row) == 2:
            ops.append(_rule_op(4 + half, y, 4 + half, y + row_h))
        y += row_h
    if vendor_mark:
        ops.append(
            _text_op(
                width - pad,
                y + 8,
                "Made with jmapper",
                LABEL_SIZE,
                False,
                style.muted_text_colour,
                "right",
            )
        )
        y += 10
    height = y + pad
    frame_ops: list[Op] = [
        lambda painter: painter.rect(Rect(0, 0, width, height), "#FFFFFF", "#1A1A1A", 0.8),
        lambda painter: painter.rect(Rect(0, 0, 4, height), accent),
    ]
    return Piece(width, height, frame_ops + ops)


def build_page_footer(
    bundle: MapBundle,
    *,
    sheet: str,
    prepared_by: str,
    printed: str,
    width: float,
    style: Style,
) -> Piece:
    """The title block's facts in one line across an extra page's foot.

    The action plan, matrix and persona pages need their height for content; the
    full title block is on the map sheet, and this line keeps each page traceable
    (which map, for whom, by whom, which version, when, which page).
    """
    jm = bundle.map
    facts = [jm.title or "Untitled map", jm.map_type.label]
    if jm.organisation:
        facts.append(f"Prepared for {jm.organisation}")
    if prepared_by:
        facts.append(f"Prepared by {prepared_by}")
    if jm.version_label:
        facts.append(f"Version {jm.version_label}")
    facts.append(printed)
    right = f"Sheet {sheet}"
    size = 8.0
    right_w = text_width(right, size, True)
    line = fit_line("  \u00b7  ".join(facts), size, width - right_w - 16)
    ops: list[Op] = [
        _rule_op(0, 0, width, 0),
        _text_op(0, 13, line, size, False, style.muted_text_colour),
        _text_op(width, 13, right, size, True, style.text_colour, "right"),
    ]
    return Piece(width, 18, ops)


def today() -> str:
    return date.today().isoformat()
