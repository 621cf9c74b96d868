"""Style tokens shared by the layout, the canvas and every exporter (pure data).

Sizes are in points.  Keeping them in one frozen object means the canvas and
the PDF are laid out from identical numbers, and a test can build a variant
style with ``dataclasses.replace`` without touching globals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from jmapper.model.enums import (
    BlueprintLineKind,
    Channel,
    EmotionSeries,
    EvidenceLevel,
    LaneKind,
)

#: Okabe-Ito, safe for colour-blind readers (docs/domain.md, "Emotion").
OKABE_ITO: Mapping[str, str] = MappingProxyType(
    {
        "orange": "#E69F00",
        "sky_blue": "#56B4E9",
        "bluish_green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "reddish_purple": "#CC79A7",
        "black": "#000000",
    }
)

#: Light tints per lane kind: card fills stay pale so dark text keeps >= 4.5:1 contrast.
LANE_TINTS: Mapping[LaneKind, str] = MappingProxyType(
    {
        LaneKind.CUSTOMER_ACTIONS: "#DCEBF7",
        LaneKind.GOALS_NEEDS: "#E3F2EC",
        LaneKind.TOUCHPOINTS: "#FCEBD0",
        LaneKind.THOUGHTS: "#EFE6F3",
        LaneKind.EMOTIONS: "#FFFFFF",
        LaneKind.PAIN_POINTS: "#F9DFD2",
        LaneKind.OPPORTUNITIES: "#DDF1E9",
        LaneKind.METRICS: "#EAEAEA",
        LaneKind.MOMENTS_OF_TRUTH: "#FBF6C9",
        LaneKind.PHYSICAL_EVIDENCE: "#F1EBDD",
        LaneKind.FRONTSTAGE: "#DCEBF7",
        LaneKind.BACKSTAGE: "#E6E6F2",
        LaneKind.SUPPORT_PROCESSES: "#ECECEC",
        LaneKind.UNMET_NEEDS: "#F9DFD2",
        LaneKind.BARRIERS: "#F9DFD2",
    }
)

#: Strong lane colours for the stripe beside a lane label (Okabe-Ito).
LANE_ACCENTS: Mapping[LaneKind, str] = MappingProxyType(
    {
        LaneKind.CUSTOMER_ACTIONS: OKABE_ITO["blue"],
        LaneKind.GOALS_NEEDS: OKABE_ITO["bluish_green"],
        LaneKind.TOUCHPOINTS: OKABE_ITO["orange"],
        LaneKind.THOUGHTS: OKABE_ITO["reddish_purple"],
        LaneKind.EMOTIONS: OKABE_ITO["sky_blue"],
        LaneKind.PAIN_POINTS: OKABE_ITO["vermillion"],
        LaneKind.OPPORTUNITIES: OKABE_ITO["bluish_green"],
        LaneKind.MOMENTS_OF_TRUTH: OKABE_ITO["yellow"],
        LaneKind.FRONTSTAGE: OKABE_ITO["blue"],
        LaneKind.BACKSTAGE: OKABE_ITO["reddish_purple"],
        LaneKind.UNMET_NEEDS: OKABE_ITO["vermillion"],
        LaneKind.BARRIERS: OKABE_ITO["vermillion"],
    }
)

#: Short codes drawn in a channel badge; the legend spells them out.
CHANNEL_CODES: Mapping[Channel, str] = MappingProxyType(
    {
        Channel.WEB: "WEB",
        Channel.APP: "APP",
        Channel.EMAIL: "EML",
        Channel.PHONE: "TEL",
        Channel.CHAT: "CHT",
        Channel.SMS: "SMS",
        Channel.SOCIAL: "SOC",
        Channel.IN_PERSON: "IRL",
        Channel.MAIL: "PST",
        Channel.WORD_OF_MOUTH: "WOM",
        Channel.OTHER: "OTH",
    }
)

#: Evidence levels as E1 (assumption) .. E5 (validated), weakest first.
EVIDENCE_CODES: Mapping[EvidenceLevel, str] = MappingProxyType(
    {level: f"E{i + 1}" for i, level in enumerate(EvidenceLevel)}
)

#: Dash patterns per emotion series: line style, not colour, tells them apart.
SERIES_DASHES: Mapping[EmotionSeries, tuple[float, ...]] = MappingProxyType(
    {
        EmotionSeries.AS_IS: (),
        EmotionSeries.TO_BE: (6.0, 3.0),
        EmotionSeries.EMPLOYEE: (1.5, 2.5),
    }
)

#: Extra dash patterns for overlay personas (index 1.. in overlay order).
PERSONA_DASHES: tuple[tuple[float, ...], ...] = (
    (),
    (8.0, 2.0, 2.0, 2.0),
    (4.0, 4.0),
    (10.0, 3.0),
    (2.0, 2.0, 6.0, 2.0),
)

SERIES_COLOURS: Mapping[EmotionSeries, str] = MappingProxyType(
    {
        EmotionSeries.AS_IS: OKABE_ITO["blue"],
        EmotionSeries.TO_BE: OKABE_ITO["bluish_green"],
        EmotionSeries.EMPLOYEE: OKABE_ITO["reddish_purple"],
    }
)

#: Blueprint line weights: the line of visibility is the heaviest (docs/domain.md).
LINE_WEIGHTS: Mapping[BlueprintLineKind, float] = MappingProxyType(
    {
        BlueprintLineKind.INTERACTION: 1.0,
        BlueprintLineKind.VISIBILITY: 2.6,
        BlueprintLineKind.INTERNAL_INTERACTION: 1.0,
    }
)
LINE_DASHES: Mapping[BlueprintLineKind, tuple[float, ...]] = MappingProxyType(
    {
        BlueprintLineKind.INTERACTION: (),
        BlueprintLineKind.VISIBILITY: (),
        BlueprintLineKind.INTERNAL_INTERACTION: (5.0, 3.0),
    }
)

#: Fill of each card marker kind (channel badge, failure point, severity, evidence, ...).
MARKER_FILLS: Mapping[str, str] = MappingProxyType(
    {
        "channel": "#FFFFFF",
        "failure": "#FFFFFF",
        "severity": "#F9DFD2",
        "evidence": "#EFEFEF",
        "priority": "#DDF1E9",
        "moment": "#FBF6C9",
        "votes": "#FFFFFF",
    }
)


@dataclass(frozen=True)
class Style:
    """Every size and colour the map layout needs, in points and '#RRGGBB'."""

    # grid
    label_column_width: float = 132.0
    column_width: float = 176.0
    stage_header_min_height: float = 30.0
    step_header_min_height: float = 26.0
    lane_min_height: float = 56.0
    cell_padding: float = 6.0
    card_gap: float = 6.0
    card_padding: float = 6.0
    header_padding: float = 6.0
    line_band_height: float = 16.0
    # type
    title_size: float = 9.0
    body_size: float = 8.0
    stage_size: float = 11.0
    step_size: float = 9.0
    lane_label_size: float = 9.0
    line_label_size: float = 7.5
    marker_size: float = 11.0
    marker_text_size: float = 6.0
    line_spacing: float = 1.22
    # emotion lane
    emotion_plot_height: float = 120.0
    emotion_face_radius: float = 7.5
    emotion_value_size: float = 7.5
    #: the emotion scale's tick values and the "neutral" caption
    tick_text_size: float = 6.0
    emotion_curve_width: float = 2.0
    emotion_samples_per_segment: int = 12
    # weights
    grid_weight: float = 0.5
    card_border_weight: float = 0.6
    link_weight: float = 1.0
    arrow_head_length: float = 7.0
    arrow_head_width: float = 5.0
    # colours
    text_colour: str = "#1A1A1A"
    muted_text_colour: str = "#555555"
    grid_colour: str = "#C4C4C4"
    header_fill: str = "#2B2B2B"
    header_text_colour: str = "#FFFFFF"
    step_header_fill: str = "#EDEDED"
    label_fill: str = "#F6F6F6"
    card_fill: str = "#FFFFFF"
    card_border: str = "#8A8A8A"
    failure_colour: str = OKABE_ITO["vermillion"]
    severity_colour: str = OKABE_ITO["vermillion"]
    moment_colour: str = OKABE_ITO["orange"]
    link_colour: str = "#3A3A3A"
    line_colour: str = "#1A1A1A"
    midline_colour: str = "#9A9A9A"
    opportunity_fill: str = "#DDF1E9"
    #: the map's paper: the sheet, the cell bands, the chips under line and arrow labels
    paper: str = "#FFFFFF"
    #: around the map on the canvas
    canvas_fill: str = "#FAFAFA"
    #: text set straight on the paper or the label column (lane, step, line and arrow
    #: labels, emotion values); card text stays ``text_colour`` on the cards' light fills
    label_text_colour: str = "#1A1A1A"
    #: the emotion scale's values and its dotted rules
    scale_text_colour: str = "#555555"
    tick_colour: str = "#E2E2E2"
    lane_tints: Mapping[LaneKind, str] = field(default_factory=lambda: LANE_TINTS)
    lane_accents: Mapping[LaneKind, str] = field(default_factory=lambda: LANE_ACCENTS)

    def lane_tint(self, kind: LaneKind) -> str:
        return self.lane_tints.get(kind, "#F2F2F2")

    def lane_accent(self, kind: LaneKind) -> str:
        return self.lane_accents.get(kind, "#8A8A8A")


DEFAULT_STYLE = Style()

#: The colours of the dark scheme: dark paper, label column and headers, light labels
#: and rules on them; cards, notes, tiles and badges keep their light fills and dark ink
#: (sticky notes on a dark board), so every text keeps 4.5:1 or more (WCAG AA).
DARK_COLOURS: dict[str, str] = {
    "paper": "#1C1E22",
    "canvas_fill": "#121316",
    "label_text_colour": "#E8EAED",
    "scale_text_colour": "#A3A9B1",
    "tick_colour": "#383C43",
    "grid_colour": "#454B53",
    "header_fill": "#0B0C0E",
    "header_text_colour": "#FFFFFF",
    "step_header_fill": "#2E3238",
    "label_fill": "#25282D",
    "line_colour": "#E8EAED",
    "midline_colour": "#8B9099",
    "link_colour": "#C9CDD2",
}


def dark_variant(style: Style) -> Style:
    """``style`` in the dark scheme's colours (sizes untouched)."""
    colours: dict[str, Any] = dict(DARK_COLOURS)
    return replace(style, **colours)


DARK_STYLE = dark_variant(DEFAULT_STYLE)


def light_variant(style: Style) -> Style:
    """``style`` in the light scheme's colours (for what sits on white: the key, exports)."""
    colours: dict[str, Any] = {name: getattr(DEFAULT_STYLE, name) for name in DARK_COLOURS}
    return replace(style, **colours)


def marker_stroke(kind: str, style: Style) -> tuple[str, float]:
    """Outline colour and width of a card marker of ``kind`` (the canvas and the PDF)."""
    if kind == "failure":
        return style.failure_colour, 1.3
    if kind == "severity":
        return style.severity_colour, 0.7
    if kind == "priority":
        return OKABE_ITO["bluish_green"], 0.7
    if kind == "moment":
        return style.moment_colour, 0.7
    if kind == "votes":
        return style.text_colour, 0.9
    return "#6A6A6A", 0.5


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    """'#RRGGBB' -> (r, g, b) in 0..1, for renderers that want floats."""
    value = colour.lstrip("#")
    return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of '#RRGGBB'."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in hex_to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1..21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (user accent colours vary)."""
    return (
        "#000000"
        if contrast_ratio(fill, "#000000") >= contrast_ratio(fill, "#FFFFFF")
        else ("#FFFFFF")
    )
