"""A change report drawn once for every backend: the comparison and the review report.

:func:`comparison_report` and :func:`review_report_data` turn the pure
analyses (:mod:`jmapper.analysis.compare`, :mod:`jmapper.analysis.review_report`)
into :class:`Report`: a heading, a chart of both emotion curves over the
aligned steps with each step's signed change, and sections of marked lines.
:func:`layout_report` splits it into pages of a given size and
:func:`draw_report_page` draws one page on any :class:`Painter`, so the
editor's view (QPainter) and the PDF page (reportlab) are the same drawing.
Every change is marked by a symbol and a word, never by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jmapper.analysis.compare import Change, Comparison, Mark, curve_series
from jmapper.analysis.review_report import CardChange, ReviewReport
from jmapper.drawing.painter import Painter
from jmapper.drawing.text import draw_label
from jmapper.layout.boxes import Rect
from jmapper.layout.text import text_width, wrap

OLD_COLOUR = "#0072B2"  # Okabe-Ito blue, dashed with circles
NEW_COLOUR = "#D55E00"  # vermillion, solid with squares
MARK_COLOURS = {"+": "#009E73", "\u2212": "#D55E00", "\u0394": "#0072B2", "": "#555555"}
TEXT_SIZE, LINE_HEIGHT = 8.5, 11.5
CHART_HEIGHT = 190.0


@dataclass(frozen=True)
class Line:
    """One reported item: a symbol and word (the mark) and its sentence."""

    symbol: str
    word: str
    text: str


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[Line, ...]
    empty: str = "Nothing."


@dataclass(frozen=True)
class Chart:
    """Both curves over the aligned steps; None where a map has no value."""

    labels: tuple[str, ...]
    old: tuple[int | None, ...]
    new: tuple[int | None, ...]
    old_name: str
    new_name: str
    minimum: int
    maximum: int


@dataclass(frozen=True)
class Report:
    title: str
    subtitle: str
    chart: Chart | None
    sections: tuple[Section, ...] = field(default_factory=tuple)


# -- building the reports ---------------------------------------------------------------

_KIND_NAMES = {
    "stage": "Stages",
    "step": "Steps",
    "lane": "Lanes",
    "card": "Cards",
    "opportunity": "Opportunities",
    "moment_of_truth": "Moments of truth",
    "metric_value": "Metric values",
    "evidence_item": "Evidence",
}


def _name(entity: object) -> str:
    for attribute in ("title", "name", "label"):
        text = getattr(entity, attribute, "")
        if isinstance(text, str) and text.strip():
            return " ".join(text.split())
    return "(untitled)"


def _describe(comparison: Comparison, change: Change) -> str:
    """A changed entity's name; a metric value by its metric, period and role."""
    entity = change.entity
    if change.kind == "metric_value":
        bundle = comparison.new if change.new is not None else comparison.old
        metric = bundle.metric_definitions.get(entity.metric_id)
        name = metric.name if metric is not None and metric.name else "Metric"
        period = f" {entity.period}" if entity.period else ""
        return f"{name}{period} ({entity.role.label.lower()})"
    if change.mark is Mark.CHANGED and ("title" in change.fields or "name" in change.fields):
        return f"{_name(change.old)} \u2192 {_name(change.new)}"
    return _name(entity)


def _chart(comparison: Comparison, old_name: str, new_name: str) -> Chart:
    columns = comparison.columns
    scales = [comparison.old.map.emotion_scale, comparison.new.map.emotion_scale]
    return Chart(
        labels=tuple(c.label for c in columns),
        old=tuple(c.old_value for c in columns),
        new=tuple(c.new_value for c in columns),
        old_name=old_name,
        new_name=new_name,
        minimum=min(s.minimum for s in scales),
        maximum=max(s.maximum for s in scales),
    )


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("\u00b10" if n == 0 else f"\u2212{-n}")


def comparison_report(comparison: Comparison, old_name: str, new_name: str) -> Report:
    """The comparison view and page: curves, per-step change, entities added/removed/changed."""
    steps = []
    for column in comparison.columns:
        if column.old is None:
            steps.append(Line("+", "added", f"{column.label} (only in {new_name})"))
        elif column.new is None:
            steps.append(Line("\u2212", "removed", f"{column.label} (only in {old_name})"))
        elif column.delta:
            steps.append(
                Line(
                    "\u0394",
                    "emotion",
                    f"{column.label}: {column.old_value} \u2192 {column.new_value} "
                    f"({_signed(column.delta)})",
                )
            )
    sections = [Section("Steps and emotion", tuple(steps), "Same steps, same emotion values.")]
    for kind, heading in _KIND_NAMES.items():
        if kind in ("stage", "step"):
            continue
        lines = []
        for change in sorted(
            comparison.of(kind), key=lambda c: (c.mark.value, _name(c.entity).casefold())
        ):
            detail = f" ({', '.join(f.replace('_', ' ') for f in change.fields)})"
            text = _describe(comparison, change) + (detail if change.mark is Mark.CHANGED else "")
            lines.append(Line(change.mark.symbol, change.mark.value, text))
        if lines:
            sections.append(Section(heading, tuple(lines)))
    series = {s.label.lower() for s in (curve_series(comparison.old), curve_series(comparison.new))}
    return Report(
        f"Comparison: {new_name} against {old_name}",
        f"{comparison.old.map.title} \u2192 {comparison.new.map.title}; "
        f"curves: the primary persona's {' and '.join(sorted(series))} values",
        _chart(comparison, old_name, new_name),
        tuple(sections),
    )


_OPPORTUNITY_MARKS = {
    "slipped": ("!", "slipped"),
    "new": ("+", "new"),
    "done": ("\u2713", "done"),
    "moved on": ("\u0394", "moved on"),
    "dropped": ("\u2212", "dropped"),
    "removed": ("\u2212", "removed"),
    "unchanged": ("", "unchanged"),
}


def _value(value: int | None) -> str:
    return "\u2013" if value is None else str(value)


def review_report_data(report: ReviewReport) -> Report:
    """The review report view and the PDF "Review" page."""
    shifted = []
    for c in report.shifted:
        before, after = _value(c.old_value), _value(c.new_value)
        if c.delta is not None:
            word, symbol, shift = "shifted", "\u0394", f" ({_signed(c.delta)})"
        elif c.old_value is None:
            word, symbol, shift = "new value", "+", ""
        else:
            word, symbol, shift = "value gone", "\u2212", ""
        shifted.append(Line(symbol, word, f"{c.label}: {before} \u2192 {after}{shift}"))

    def cards(changes: list[CardChange]) -> tuple[Line, ...]:
        return tuple(
            Line(c.mark.symbol, c.mark.value, f"{c.title} ({c.place})" if c.place else c.title)
            for c in changes
        )

    opportunities = tuple(
        Line(*_OPPORTUNITY_MARKS[o.change], f"{o.title}: {o.detail}") for o in report.opportunities
    )
    since = report.since_created[:10]
    chart = Chart(
        labels=tuple(c.label for c in report.emotions),
        old=tuple(c.old_value for c in report.emotions),
        new=tuple(c.new_value for c in report.emotions),
        old_name=report.since,
        new_name="Now",
        minimum=report.scale[0],
        maximum=report.scale[1],
    )
    return Report(
        f"Review: what changed since {report.since}",
        f"{report.title}; {report.since} was recorded on {since}, this report on "
        f"{report.today.isoformat()}",
        chart,
        (
            Section("Emotion per step", tuple(shifted), "No emotion value moved."),
            Section("Touchpoints", cards(report.touchpoints), "None added or removed."),
            Section("Pain points", cards(report.pain_points), "None added or removed."),
            Section("Priority opportunities", opportunities, "No priorities then or now."),
        ),
    )


# -- laying out and drawing ---------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    heading: str | None
    line: Line | None
    wrapped: tuple[str, ...]
    height: float


def layout_report(report: Report, width: float, height: float) -> list[list[_Row]]:
    """The rows of each page: the first page starts below the chart."""
    rows: list[tuple[str, _Row]] = []  # (the section's heading, the row)
    room_for_text = width - 90
    for section in report.sections:
        rows.append((section.heading, _Row(section.heading, None, (), 22)))
        lines = section.lines or (Line("", "", section.empty),)
        for line in lines:
            wrapped = tuple(wrap(line.text, TEXT_SIZE, room_for_text))
            rows.append(
                (section.heading, _Row(None, line, wrapped, len(wrapped) * LINE_HEIGHT + 3))
            )
    first = height - 54 - (CHART_HEIGHT + 46 if report.chart else 0)
    pages: list[list[_Row]] = [[]]
    room = first
    for heading, row in rows:
        if pages[-1] and row.height > room:
            pages.append([])
            room = height - 54
            if row.heading is None:  # a section carried over says so
                carried = _Row(f"{heading} (continued)", None, (), 22)
                pages[-1].append(carried)
                room -= carried.height
        pages[-1].append(row)
        room -= row.height
    return pages


def draw_report_page(
    pen: Painter,
    report: Report,
    rows: list[_Row],
    page: int,
    x: float,
    y: float,
    width: float,
    accent: str = "#0072B2",
) -> None:
    """One page of the report at (x, y), ``width`` wide (its rows from :func:`layout_report`)."""
    suffix = f" (continued, part {page + 1})" if page else ""
    draw_label(pen, x, y + 18, report.title + suffix, 16, bold=True)
    draw_label(pen, x, y + 33, report.subtitle, 9, fill="#555555")
    pen.rect(Rect(x, y + 40, width, 2), fill=accent)
    top = y + 54
    if page == 0 and report.chart is not None:
        draw_chart(pen, report.chart, Rect(x, top, width, CHART_HEIGHT + 36))
        top += CHART_HEIGHT + 46
    for row in rows:
        if row.heading is not None:
            draw_label(pen, x, top + 15, row.heading, 11, bold=True)
            pen.line(x, top + 19, x + width, top + 19, "#C4C4C4", 0.5)
        elif row.line is not None:
            _mark(pen, row.line, x, top)
            for i, text in enumerate(row.wrapped):
                draw_label(pen, x + 88, top + 9 + i * LINE_HEIGHT, text, TEXT_SIZE)
        top += row.height


def _mark(pen: Painter, line: Line, x: float, top: float) -> None:
    if line.symbol:
        colour = MARK_COLOURS.get(line.symbol, "#555555")
        pen.ellipse(x + 7, top + 6, 6, fill=None, stroke=colour, width=1.2)
        draw_label(pen, x + 7, top + 9, line.symbol, 8, bold=True, fill=colour, align="center")
    draw_label(pen, x + 18, top + 9, line.word, 8, fill="#555555")


def draw_chart(pen: Painter, chart: Chart, box: Rect) -> None:
    """Both curves, a neutral midline, and each step's signed change under its column."""
    left, label_h = 34.0, 36.0
    plot = Rect(box.x + left, box.y + 16, box.w - left - 8, box.h - 16 - label_h)
    low, high = chart.minimum, chart.maximum
    span = max(high - low, 1)
    n = max(len(chart.labels), 1)
    step = plot.w / n

    def px(i: int) -> float:
        return plot.x + step * (i + 0.5)

    def py(v: float) -> float:
        return plot.y + plot.h - (v - low) / span * plot.h

    pen.rect(plot, fill="#FAFAFA", stroke="#C4C4C4", width=0.5)
    for v in range(low, high + 1):
        pen.line(plot.x, py(v), plot.x + plot.w, py(v), "#E2E2E2", 0.4)
        draw_label(pen, plot.x - 4, py(v) + 3, str(v), 7, fill="#555555", align="right")
    neutral = (low + high) / 2
    pen.line(plot.x, py(neutral), plot.x + plot.w, py(neutral), "#9A9A9A", 0.6, dash=(3, 2))
    for values, colour, dash, square in (
        (chart.old, OLD_COLOUR, (4.0, 2.0), False),
        (chart.new, NEW_COLOUR, (), True),
    ):
        points = [(px(i), py(v)) for i, v in enumerate(values) if v is not None]
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            pen.line(x0, y0, x1, y1, colour, 1.6, dash=dash)
        for x0, y0 in points:
            if square:
                pen.rect(Rect(x0 - 3, y0 - 3, 6, 6), fill=colour)
            else:
                pen.ellipse(x0, y0, 3.2, fill="#FFFFFF", stroke=colour, width=1.4)
    for i, label in enumerate(chart.labels):
        old, new = chart.old[i], chart.new[i]
        delta = _signed(new - old) if old is not None and new is not None else "\u2013"
        draw_label(pen, px(i), plot.y + plot.h + 12, delta, 8, bold=True, align="center")
        short = _clip(label.split(" \u203a ")[-1], step, 6.5)
        draw_label(pen, px(i), plot.y + plot.h + 24, short, 6.5, fill="#555555", align="center")
    # legend, top right on one line: line style and marker as well as colour
    lx, ly = plot.x + plot.w, box.y + 8
    for name, colour, dash, square in (
        (chart.new_name, NEW_COLOUR, (), True),
        (chart.old_name, OLD_COLOUR, (4.0, 2.0), False),
    ):
        lx -= draw_label(pen, lx, ly + 3, name, 7.5, align="right") + 6
        pen.line(lx - 22, ly, lx, ly, colour, 1.6, dash=dash)
        if square:
            pen.rect(Rect(lx - 14, ly - 3, 6, 6), fill=colour)
        else:
            pen.ellipse(lx - 11, ly, 3.0, fill="#FFFFFF", stroke=colour, width=1.4)
        lx -= 22 + 16
    note = "Signed change per step below each column"
    draw_label(pen, plot.x, box.y + 11, note, 7, fill="#555555")


def _clip(text: str, width: float, size: float) -> str:
    if text_width(text, size) <= width - 4:
        return text
    while text and text_width(text + "\u2026", size) > width - 4:
        text = text[:-1]
    return text + "\u2026" if text else ""


__all__ = [
    "Chart",
    "Line",
    "Report",
    "Section",
    "comparison_report",
    "draw_chart",
    "draw_report_page",
    "layout_report",
    "review_report_data",
]
