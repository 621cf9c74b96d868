"""The frozen results of a layout: plain geometry in points, y growing downwards.

Renderers (QPainter canvas and image export, reportlab PDF) only read these;
they never measure text or decide where anything goes, so every output shows
the same map.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jmapper.layout.text import TextLine
from jmapper.model.enums import (
    BlueprintLineKind,
    EmotionSeries,
    LaneKind,
    LinkDirection,
    LinkType,
)

Point = tuple[float, float]


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def intersects(self, other: Rect) -> bool:
        return not (
            other.x >= self.right
            or other.right <= self.x
            or other.y >= self.bottom
            or other.bottom <= self.y
        )

    def contains(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class TextBlock:
    """Wrapped text inside ``rect``; ``fits`` says every line is inside it (always True)."""

    role: str  # card_title, card_body, stage, step, lane, line_label, ...
    owner_id: str
    rect: Rect
    lines: tuple[TextLine, ...]
    size: float
    bold: bool
    colour: str
    fits: bool


@dataclass(frozen=True)
class CommentBadge:
    """A speech bubble with the number of open comments on an object."""

    rect: Rect
    count: int
    code: str  # what it prints: the count


@dataclass(frozen=True)
class EvidenceBadge:
    """A stage's "backed by data" badge: filled 'Data n', or a dashed empty 'No data'."""

    rect: Rect
    backed: bool
    count: int  # data sources cited plus evidence items attached
    code: str  # what it prints


@dataclass(frozen=True)
class StageBox:
    stage_id: str
    rect: Rect
    label: TextBlock
    evidence: EvidenceBadge | None = None
    comments: CommentBadge | None = None


@dataclass(frozen=True)
class ColumnBox:
    """A grid column (a step, or a stage with no steps) and its header cell."""

    index: int
    stage_id: str
    step_id: str | None
    x: float
    width: float
    header: Rect | None  # the step header cell; None for a step-less stage
    label: TextBlock | None
    comments: CommentBadge | None = None

    @property
    def centre_x(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class LaneBox:
    lane_id: str
    kind: LaneKind
    rect: Rect  # the whole row, label column included
    label_rect: Rect
    label: TextBlock
    fill: str
    accent: str
    comments: CommentBadge | None = None


@dataclass(frozen=True)
class Marker:
    """A small badge on a card: kind in channel|failure|severity|evidence|persistence."""

    kind: str
    rect: Rect
    code: str  # what the badge prints ("WEB", "FP", "S3", "E2")
    value: str  # the enum value or number it stands for


@dataclass(frozen=True)
class CardBox:
    card_id: str
    lane_id: str
    rect: Rect
    title: TextBlock
    body: TextBlock | None
    markers: tuple[Marker, ...]
    fill: str
    border: str
    failure_point: bool


@dataclass(frozen=True)
class OpportunityBox:
    opportunity_id: str
    rect: Rect
    title: TextBlock
    body: TextBlock | None
    priority: str  # quadrant label, '' when impact or feasibility is unknown
    priority_rect: Rect | None
    fill: str
    votes: str = ""  # '3 votes', '' when nobody voted
    votes_rect: Rect | None = None
    comments: Marker | None = None  # the open-comment bubble (jmapper/layout/comments.py)


@dataclass(frozen=True)
class MomentBox:
    """A moment of truth: a marker in its column header plus, if there is a lane, a note."""

    moment_id: str
    column_index: int
    marker: Rect
    note: TextBlock | None
    note_rect: Rect | None


@dataclass(frozen=True)
class EmotionMark:
    x: float
    y: float
    value: int
    label: str  # signed value as printed ("+2", "0", "-1")
    face: str  # smile | flat | frown
    column_index: int
    radius: float = 7.5
    label_x: float = 0.0  # where the signed value is printed (left end of its baseline)
    label_baseline: float = 0.0
    #: The printed value's box (digits and sign, no line gap): placed where no curve runs.
    label_rect: Rect | None = None


@dataclass(frozen=True)
class EmotionCurve:
    """One persona's series: points, smooth curve as cubic beziers and as a polyline."""

    persona_id: str | None
    persona_name: str
    series: EmotionSeries
    primary: bool
    colour: str
    dash: tuple[float, ...]
    width: float
    marks: tuple[EmotionMark, ...]
    beziers: tuple[tuple[Point, Point, Point, Point], ...]
    polyline: tuple[Point, ...]
    legend_label: str


@dataclass(frozen=True)
class EmotionLane:
    lane_id: str
    plot: Rect
    midline_y: float
    ticks: tuple[tuple[int, float, str], ...]  # value, y, label
    curves: tuple[EmotionCurve, ...]


@dataclass(frozen=True)
class BlueprintLineBox:
    line_id: str
    kind: BlueprintLineKind
    y: float
    x0: float
    x1: float
    weight: float
    dash: tuple[float, ...]
    label: TextBlock
    label_bg: Rect


@dataclass(frozen=True)
class LinkBox:
    link_id: str
    start: Point
    end: Point
    direction: LinkDirection
    link_type: LinkType
    heads: tuple[tuple[Point, Point, Point], ...]
    label: TextBlock | None
    #: When no clear spot on a short arrow holds the label, it is moved out to the nearest
    #: gutter and this thin line joins a point on the arrow's shaft, clear of its heads
    #: (first), to the label's edge.
    label_leader: tuple[Point, Point] | None = None


@dataclass(frozen=True)
class MapLayout:
    width: float
    height: float
    grid: Rect  # the cell area (right of the label column, below the headers)
    header_height: float
    stages: tuple[StageBox, ...]
    columns: tuple[ColumnBox, ...]
    lanes: tuple[LaneBox, ...]
    cards: dict[str, CardBox]
    emotion: tuple[EmotionLane, ...]
    blueprint_lines: tuple[BlueprintLineBox, ...]
    links: tuple[LinkBox, ...]
    moments: tuple[MomentBox, ...]
    opportunities: tuple[OpportunityBox, ...]
    text_runs: tuple[TextBlock, ...]
    min_text_size: float
    uses: frozenset[str] = field(default_factory=frozenset)
    #: The metrics lane's tiles and its whole-journey band (jmapper/layout/metrics.py).
    metric_tiles: tuple[MetricTile, ...] = ()
    metric_bands: tuple[MetricBand, ...] = ()


#: The metrics lane's tiles (placed by jmapper/layout/metrics.py).
TILE_FILL = "#FFFFFF"
TILE_BORDER = "#0072B2"  # Okabe-Ito blue, the metrics lane's accent


@dataclass(frozen=True)
class MetricTile:
    """One metric at one scope, showing ``value_id`` (the value a click selects)."""

    value_id: str
    metric_id: str
    rect: Rect
    title: TextBlock
    figure: TextBlock
    role: TextBlock
    change: TextBlock | None
    arrow: Rect | None
    direction: str  # up | down | flat | '' (no change to show)
    improved: bool | None
    detail: TextBlock | None
    fill: str = TILE_FILL
    border: str = TILE_BORDER


@dataclass(frozen=True)
class MetricBand:
    """The strip across the top of the metrics lane holding map-wide tiles."""

    lane_id: str
    rect: Rect
    caption: TextBlock
