"""A map laid out as a spreadsheet grid, the shape shared by the CSV and XLSX formats.

The layout (docs/spreadsheets.md): cell A1 holds the map's title; the rest of
the first row holds the stages, a stage's name in the first of its columns and
blanks after it; when cell A2 is blank the second row holds the steps, one per
column; below, column A names the lanes and each cell holds what that lane shows
in that column.  A cell holds cards separated by blank lines; a card's first
line is ``title: description`` (a colon followed by a space splits it; ``\\:``
keeps a colon in the title) and its further lines continue the description.
An emotions lane holds one number per column, a moments-of-truth lane one
moment per cell block, an opportunities lane opportunities.

:func:`read_grid` turns rows of cell text into a checked map; a refusal names
the cell ("cell C4") as a spreadsheet shows it.  :func:`write_grid` turns a
map into rows of text that :func:`read_grid` reads back into the same layout.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jmapper.interchange.building import start_map
from jmapper.interchange.errors import InterchangeError
from jmapper.model.bundle import Column, MapBundle
from jmapper.model.entities import (
    Card,
    EmotionPoint,
    EmotionScale,
    MomentOfTruth,
    Opportunity,
    Stage,
    Step,
)
from jmapper.model.enums import EmotionScaleKind, EmotionSeries, LaneKind
from jmapper.model.text import clean_text

#: The title of a map whose A1 cell is blank and whose file name is unknown.
UNTITLED = "Imported map"
#: Grid columns (steps) and lanes a sheet may have: far more than a readable map.
MAX_COLUMNS = 500
MAX_LANES = 200
#: Lane names (normalised) that name a lane kind other than by its own value.
_KIND_ALIASES = {
    "actions": LaneKind.CUSTOMER_ACTIONS,
    "customer_action": LaneKind.CUSTOMER_ACTIONS,
    "doing": LaneKind.CUSTOMER_ACTIONS,
    "goals": LaneKind.GOALS_NEEDS,
    "needs": LaneKind.GOALS_NEEDS,
    "goals_and_needs": LaneKind.GOALS_NEEDS,
    "touchpoint": LaneKind.TOUCHPOINTS,
    "thinking": LaneKind.THOUGHTS,
    "emotion": LaneKind.EMOTIONS,
    "feelings": LaneKind.EMOTIONS,
    "feeling": LaneKind.EMOTIONS,
    "pain_point": LaneKind.PAIN_POINTS,
    "pains": LaneKind.PAIN_POINTS,
    "opportunity": LaneKind.OPPORTUNITIES,
    "moment_of_truth": LaneKind.MOMENTS_OF_TRUTH,
}
#: The scales tried for an emotions lane, in order: the first that holds every value wins.
_SCALES = (
    EmotionScaleKind.MINUS2_PLUS2,
    EmotionScaleKind.ONE_TO_FIVE,
    EmotionScaleKind.ZERO_TO_FIVE,
)
_SPLIT = re.compile(r"(?<!\\): ")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def cell_name(row: int, column: int) -> str:
    """The spreadsheet name of a cell from 0-based indexes: (3, 2) -> 'C4'."""
    letters = ""
    number = column + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row + 1}"


#: Words that give a lane's kind when its whole name does not ("Customer emotion").
_KIND_WORDS = (
    ("emotion", LaneKind.EMOTIONS),
    ("feeling", LaneKind.EMOTIONS),
    ("moment", LaneKind.MOMENTS_OF_TRUTH),
    ("opportunit", LaneKind.OPPORTUNITIES),
    ("pain", LaneKind.PAIN_POINTS),
    ("touchpoint", LaneKind.TOUCHPOINTS),
    ("thought", LaneKind.THOUGHTS),
    ("frontstage", LaneKind.FRONTSTAGE),
    ("backstage", LaneKind.BACKSTAGE),
    ("metric", LaneKind.METRICS),
)


def lane_kind(name: str) -> LaneKind:
    """The kind a lane's name says ("Pain points", "Customer emotion"), else text."""
    key = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")
    try:
        return LaneKind(key)
    except ValueError:
        pass
    if key in _KIND_ALIASES:
        return _KIND_ALIASES[key]
    return next((kind for word, kind in _KIND_WORDS if word in key), LaneKind.TEXT)


# -- reading ------------------------------------------------------------------------------------


@dataclass
class GridReading:
    bundle: MapBundle
    warnings: list[str] = field(default_factory=list)


def read_grid(rows: Sequence[Sequence[str]], *, name: str = "", where: str = "") -> GridReading:
    """The map a grid of cell texts lays out; InterchangeError names the cell at fault.

    ``where`` qualifies cell names in messages (" of sheet “Map”").
    """
    grid = _trimmed([[_cell_text(value) for value in row] for row in rows])
    if not grid or len(grid[0]) < 2:
        raise InterchangeError(
            "The sheet has no stages: put the stage names in the first row, from cell B1 on."
        )
    width = len(grid[0])
    if width - 1 > MAX_COLUMNS:
        raise InterchangeError(
            f"The sheet has {width - 1:,} columns, more than the {MAX_COLUMNS} steps jmapper "
            "reads into one map; split it into smaller maps."
        )
    has_steps = len(grid) > 1 and not grid[1][0].strip()
    first_lane = 2 if has_steps else 1
    if len(grid) - first_lane > MAX_LANES:
        raise InterchangeError(
            f"The sheet has {len(grid) - first_lane:,} lane rows, more than the {MAX_LANES} "
            "lanes jmapper reads into one map."
        )
    if len(grid) <= first_lane:
        raise InterchangeError(
            "The sheet has stages but no lanes: name the lanes in column A, from row "
            f"{first_lane + 1} on, with their cards beside them."
        )
    title = clean_text(grid[0][0]).strip() or name.strip() or UNTITLED
    lanes_spec = []
    for r in range(first_lane, len(grid)):
        lane_name = " ".join(clean_text(grid[r][0]).split())
        if not lane_name:
            raise InterchangeError(
                f"Row {r + 1} holds cards but cell {cell_name(r, 0)}{where} names no lane; put "
                "the lane's name in column A."
            )
        lanes_spec.append((lane_name, lane_kind(lane_name)))
    bundle, lanes = start_map(title[:500], lanes_spec)
    warnings: list[str] = []
    columns = _read_columns(bundle, grid, has_steps, where)
    bundle.columns()
    emotions: dict[int, tuple[str, int]] = {}
    moments: set[int] = set()
    for offset, lane in enumerate(lanes):
        r = first_lane + offset
        for c, column in enumerate(columns, start=1):
            text = grid[r][c]
            if not text.strip():
                continue
            place = f"cell {cell_name(r, c)}{where}"
            if lane.kind is LaneKind.EMOTIONS:
                _emotion(emotions, column.index, text, place, warnings)
            elif lane.kind is LaneKind.MOMENTS_OF_TRUTH:
                _moments(bundle, moments, column, text, place, warnings)
            else:
                _cards(bundle, lane.id, lane.kind, column, text)
    _emotion_points(bundle, columns, emotions)
    return GridReading(bundle, warnings)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return _unformula(text)


def _unformula(text: str) -> str:
    """Excel's text-keeping exports (="00123") and a leading apostrophe that guards a formula."""
    found = re.fullmatch(r'=\s*"((?:[^"]|"")*)"', text.strip())
    if found:
        return found.group(1).replace('""', '"')
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text


def _trimmed(grid: list[list[str]]) -> list[list[str]]:
    """Rows padded to one width, with blank rows and columns at the end dropped."""
    while grid and not any(cell.strip() for cell in grid[-1]):
        grid.pop()
    width = max((len(row) for row in grid), default=0)
    rows = [row + [""] * (width - len(row)) for row in grid]
    while width and not any(row[width - 1].strip() for row in rows):
        width -= 1
    return [row[:width] for row in rows]


def _read_columns(
    bundle: MapBundle, grid: list[list[str]], has_steps: bool, where: str
) -> list[Column]:
    """Stages (and steps) from the header rows; the grid's columns left to right."""
    m = bundle.map.id
    spans: list[tuple[Stage, list[int]]] = []
    for c in range(1, len(grid[0])):
        header = " ".join(clean_text(grid[0][c]).split())
        if header:
            stage = Stage(map_id=m, name=header[:500], position=len(spans))
            spans.append((stage, [c]))
        elif spans and has_steps:
            spans[-1][1].append(c)
        else:
            raise InterchangeError(
                f"Cell {cell_name(0, c)}{where} names no stage, but the column is part of the "
                "map; write the stage's name there (blank cells continue a stage only when "
                "the second row holds steps)."
            )
    for stage, cols in spans:
        bundle.add(stage)
        names = [" ".join(clean_text(grid[1][c]).split()) for c in cols] if has_steps else [""]
        if len(cols) == 1 and not names[0]:
            continue
        for position, step_name in enumerate(names):
            bundle.add(Step(map_id=m, stage_id=stage.id, name=step_name[:500], position=position))
    return bundle.columns()


def cell_items(text: str) -> list[tuple[str, str]]:
    """A cell's cards as (title, description): the layout's rules, for pasted blocks too."""
    return [_title_and_description(block) for block in _blocks(_unformula(text))]


def items_text(items: list[tuple[str, str]]) -> str:
    """Cards as one cell's text, the inverse of :func:`cell_items`."""
    return _join(items)


def _blocks(text: str) -> list[str]:
    return [block.strip("\n") for block in _BLANK_LINES.split(text) if block.strip()]


def _title_and_description(block: str) -> tuple[str, str]:
    first, _, rest = block.partition("\n")
    parts = _SPLIT.split(first, maxsplit=1)
    title = parts[0].replace("\\:", ":").strip()
    description = "\n".join(p for p in (parts[1].strip() if len(parts) > 1 else "", rest) if p)
    return clean_text(title)[:500], clean_text(description.strip())


def _cards(bundle: MapBundle, lane_id: str, kind: LaneKind, column: Column, text: str) -> None:
    m = bundle.map.id
    for position, block in enumerate(_blocks(text)):
        title, description = _title_and_description(block)
        if kind is LaneKind.OPPORTUNITIES:
            bundle.add(
                Opportunity(
                    map_id=m,
                    title=title,
                    description=description,
                    lane_id=lane_id,
                    stage_id=column.stage_id,
                    step_id=column.step_id,
                )
            )
            continue
        bundle.add(
            Card(
                map_id=m,
                lane_id=lane_id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                position=position,
                title=title,
                description=description,
            )
        )


def _moments(
    bundle: MapBundle,
    seen: set[int],
    column: Column,
    text: str,
    place: str,
    warnings: list[str],
) -> None:
    if column.index in seen:
        warnings.append(f"The {place} repeats a moment of truth for its column; it is left out.")
        return
    seen.add(column.index)
    title, description = _title_and_description("\n".join(_blocks(text)))
    bundle.add(
        MomentOfTruth(
            map_id=bundle.map.id,
            stage_id=column.stage_id,
            step_id=column.step_id,
            title=title,
            description=description,
        )
    )


def _emotion(
    emotions: dict[int, tuple[str, int]], index: int, text: str, place: str, warnings: list[str]
) -> None:
    raw = text.strip().replace("\u2212", "-").replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not value.is_integer():
        raise InterchangeError(
            f"The {place} is in an emotions lane but holds \u201c{_cut(text)}\u201d, not a whole "
            "number; write one value per step (for example -2 to 2, or 1 to 5)."
        )
    if index in emotions:
        warnings.append(
            f"The {place} gives its column a second emotion value; the one in "
            f"{emotions[index][0]} is kept."
        )
        return
    emotions[index] = (place, int(value))


def _emotion_points(
    bundle: MapBundle, columns: list[Column], emotions: dict[int, tuple[str, int]]
) -> None:
    if not emotions:
        return
    values = [v for _, v in emotions.values()]
    for kind in _SCALES:
        scale = EmotionScale.preset(kind)
        if all(scale.minimum <= v <= scale.maximum for v in values):
            bundle.map.emotion_scale = scale
            break
    else:
        place, value = next((p, v) for p, v in emotions.values() if not -2 <= v <= 5)
        raise InterchangeError(
            f"The {place} holds the emotion value {value}, off every scale jmapper reads from "
            "a sheet (-2 to 2, 1 to 5, 0 to 5)."
        )
    for index, (_, value) in sorted(emotions.items()):
        column = columns[index]
        bundle.add(
            EmotionPoint(
                map_id=bundle.map.id,
                stage_id=column.stage_id,
                step_id=column.step_id,
                series=EmotionSeries.AS_IS,
                value=value,
            )
        )


def _cut(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# -- writing ------------------------------------------------------------------------------------


@dataclass
class GridWriting:
    """The rows of a map's grid, the stage spans (for merged cells) and what was left out."""

    rows: list[list[str | int]]
    stage_spans: list[tuple[int, int]]  # (first column, last column), 0-based, per stage
    has_steps: bool
    warnings: list[str] = field(default_factory=list)


def write_grid(bundle: MapBundle) -> GridWriting:
    columns = bundle.columns()
    index = {(c.stage_id, c.step_id): c.index for c in columns}
    stages = bundle.ordered_stages()
    header: list[str | int] = [bundle.map.title]
    spans = []
    for stage in stages:
        first = len(header)
        stage_columns = [c for c in columns if c.stage_id == stage.id]
        header += [stage.name] + [""] * (len(stage_columns) - 1)
        spans.append((first, len(header) - 1))
    has_steps = bool(bundle.steps)
    rows: list[list[str | int]] = [header]
    if has_steps:
        names = [bundle.steps[c.step_id].name if c.step_id else "" for c in columns]
        rows.append(["", *names])
    warnings: list[str] = []
    primary = bundle.map.primary_persona_id
    emotion = {
        index[(p.stage_id, p.step_id)]: p.value
        for p in bundle.emotion_points.values()
        if p.series is EmotionSeries.AS_IS and p.persona_id in (None, primary)
    }
    left_out = len(bundle.emotion_points) - len(emotion)
    spanning = 0
    for lane in bundle.ordered_lanes():
        row: list[str | int] = [lane.name, *([""] * len(columns))]
        if lane.kind is LaneKind.EMOTIONS:
            for i, value in emotion.items():
                row[i + 1] = value
        elif lane.kind is LaneKind.MOMENTS_OF_TRUTH:
            for moment in bundle.moments_of_truth.values():
                at = index.get((moment.stage_id, moment.step_id))
                if at is not None:
                    row[at + 1] = _join([(moment.title, moment.description)])
        else:
            cells: dict[int, list[tuple[str, str]]] = {}
            for card in sorted(bundle.cards.values(), key=lambda c: (c.position, c.id)):
                if card.lane_id == lane.id:
                    spanning += card.span > 1
                    cells.setdefault(index[(card.stage_id, card.step_id)], []).append(
                        (card.title, card.description)
                    )
            for opp in sorted(bundle.opportunities.values(), key=lambda o: o.id):
                if opp.lane_id == lane.id and opp.stage_id is not None:
                    at = index.get((opp.stage_id, opp.step_id))
                    if at is not None:
                        cells.setdefault(at, []).append((opp.title, opp.description))
            for i, items in cells.items():
                row[i + 1] = _join(items)
        rows.append(row)
    if bundle.moments_of_truth and not any(
        lane.kind is LaneKind.MOMENTS_OF_TRUTH for lane in bundle.lanes.values()
    ):
        warnings.append(
            f"{len(bundle.moments_of_truth)} moment(s) of truth are not written: the map has no "
            "moments-of-truth lane to hold them."
        )
    if spanning:
        warnings.append(
            f"{spanning} card(s) spanning several steps are written in their first step only."
        )
    if left_out:
        warnings.append(
            f"{left_out} emotion value(s) of other personas or series are not written: a sheet "
            "row holds one value per step."
        )
    return GridWriting(rows, spans, has_steps, warnings)


def _join(items: list[tuple[str, str]]) -> str:
    """Cards as cell text: blocks separated by a blank line, ``title: description``."""
    blocks = []
    for title, description in items:
        title = " ".join(title.split()).replace(": ", "\\: ") or "(untitled)"
        description = _BLANK_LINES.sub("\n", description.strip())
        blocks.append(f"{title}: {description}" if description else title)
    return "\n\n".join(blocks)
