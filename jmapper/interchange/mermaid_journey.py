"""Mermaid ``journey`` diagrams in and out (the grammar and mapping: docs/mermaid.md).

No Python library parses Mermaid, so this module follows Mermaid's own journey
grammar (its Jison lexer and ``journeyDb``) line by line:

- keywords (``journey``, ``title``, ``section``, ``accTitle``, ``accDescr``) in any case;
- ``%%`` lines (comments and ``%%{init}%%`` directives) and ``#`` to the end of a
  line are comments; ``#name;`` and ``#123;`` are Mermaid's entity codes, not comments;
- a task is ``name: score: actor, actor``; text after a third colon is ignored by
  Mermaid and kept here as the step's description;
- tasks before any section belong to no section.

The map it gives (a current-state map with a customer-actions and an emotions
lane): the title is the map's title; each section a stage; each
task a step with a customer-actions card; each actor a persona (the first the
map's persona, up to four more overlaid, one emotion curve each); each score an
emotion value on the 1..5 scale (0..5 when a score of 0 appears).  What the
reader has to guess (a score that is not a number, one off the scale) becomes a
warning naming the line; what Mermaid itself refuses is an error naming it.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

from jmapper.interchange.building import start_map
from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.reading import MapCheck, Reading, single_map
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card, EmotionPoint, EmotionScale, Persona, Stage, Step
from jmapper.model.enums import EmotionScaleKind, EmotionSeries, LaneKind
from jmapper.model.text import clean_text
from jmapper.style import OKABE_ITO

#: The stage that holds tasks written before any section.
NO_SECTION = "(no section)"
#: The map title when the journey has no title, accTitle or front-matter title.
UNTITLED = "Imported journey"
#: A map shows one persona and up to four overlays (jmapper/model/invariants.py).
MAX_OVERLAYS = 4
#: Mermaid's scores: nominally 1..5; 0 is allowed by Mermaid's documentation.
LOW, HIGH = 1, 5

_PERSONA_COLOURS = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["reddish_purple"],
    OKABE_ITO["sky_blue"],
)

_ENTITY = re.compile(r"#(\w+);")
_COMMENT = re.compile(r"#(?!\w+;)")
_KEYWORD = re.compile(r"(journey|title|section|acctitle|accdescr)\b", re.IGNORECASE)
_ACC = re.compile(r"(acctitle|accdescr)\s*(:|\{)\s*(.*)$", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<\s*/?\s*br\s*/?\s*>", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)\s*mermaid\s*$", re.IGNORECASE)


# -- reading ------------------------------------------------------------------------------------


@dataclass
class _Task:
    line: int
    name: str
    score: int | None
    actors: list[str]
    description: str


@dataclass
class _Section:
    name: str
    tasks: list[_Task] = field(default_factory=list)


@dataclass
class _Journey:
    title: str = ""
    acc_title: str = ""
    acc_descr: str = ""
    front_title: str = ""
    sections: list[_Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    saw_zero: bool = False


def read(data: bytes, *, check_map: MapCheck | None = None, name: str = "") -> Reading:
    """A Mermaid journey (or a Markdown file with one in a ```mermaid block) as one map.

    ``name`` (the file's name without extension) titles a journey that has no title.
    """
    journey = parse(_decode(data))
    journey.front_title = journey.front_title or name
    bundle = build_map(journey)
    return single_map(bundle, "mermaid", journey.warnings, check_map)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InterchangeError(
            f"On line {line}, the file is not UTF-8 text; save the journey as UTF-8 and "
            "import it again."
        ) from None


def parse(text: str) -> _Journey:
    """The journey's statements, checked as Mermaid checks them; InterchangeError names the line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start, end = _diagram_lines(lines)
    journey = _Journey()
    start = _front_matter(lines, start, end, journey)
    current: _Section | None = None
    seen_journey = False
    number = start
    pending: list[str] = []  # text after the "}" that closes accDescr { ... }
    while pending or number < end:
        if pending:
            raw = pending.pop()
        else:
            raw = lines[number]
            number += 1
        statement = raw.strip()
        if not statement or statement.startswith("%%"):
            continue
        statement = _strip_comment(statement).strip()
        if not statement:
            continue
        if not seen_journey:
            if not re.match(r"journey\b", statement, re.IGNORECASE):
                raise InterchangeError(
                    f"On line {number}, the diagram starts with \u201c{_cut(statement)}\u201d, "
                    "not \u201cjourney\u201d: this is not a Mermaid user journey."
                )
            seen_journey = True
            statement = statement[len("journey") :].strip()
            if not statement:
                continue
        acc = _ACC.match(statement)
        if acc is not None:
            number, trailing = _accessibility(acc, lines, number, end, journey)
            if trailing:
                pending.append(trailing)
            continue
        _refuse_semicolon(statement, number)
        keyword = _KEYWORD.match(statement)
        word = keyword.group(1).lower() if keyword else ""
        if word == "title" and len(statement) > 5 and statement[5].isspace():
            journey.title = _decode_entities(statement[6:]).strip()
        elif word == "section" and len(statement) > 7 and statement[7].isspace():
            current = _section(statement[8:], number, journey)
        elif word == "journey":
            raise InterchangeError(
                f"On line {number}, \u201cjourney\u201d appears a second time; a file holds "
                "one journey."
            )
        else:
            current = _task(statement, number, journey, current)
    if not seen_journey:
        raise InterchangeError(
            "The file holds no Mermaid journey: its first statement must be \u201cjourney\u201d."
        )
    if not journey.sections:
        raise InterchangeError(
            "The journey has no sections or tasks, so there is no map to import; add "
            "\u201csection\u201d and task lines."
        )
    return journey


def _diagram_lines(lines: list[str]) -> tuple[int, int]:
    """The lines of the diagram: the whole file, or the first ```mermaid block holding a journey."""
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fence = line.strip()[:3]
            closing = next(
                (j for j in range(index + 1, len(lines)) if lines[j].strip().startswith(fence)),
                len(lines),
            )
            if _first_statement_is_journey(lines[index + 1 : closing]):
                return index + 1, closing
    return 0, len(lines)


def _first_statement_is_journey(block: list[str]) -> bool:
    body = [ln.strip() for ln in block]
    if body and body[0] == "---":
        closing = next((i for i, ln in enumerate(body[1:], 1) if ln == "---"), len(body))
        body = body[closing + 1 :]
    first = next((ln for ln in body if ln and not ln.startswith("%%")), "")
    return re.match(r"journey\b", first, re.IGNORECASE) is not None


def _front_matter(lines: list[str], start: int, end: int, journey: _Journey) -> int:
    """Skip Mermaid's YAML front matter (``---`` ... ``---``), keeping its ``title:``."""
    first = next((i for i in range(start, end) if lines[i].strip()), None)
    if first is None or lines[first].strip() != "---":
        return start
    for index in range(first + 1, end):
        line = lines[index].strip()
        if line == "---":
            return index + 1
        found = re.match(r"title\s*:\s*(.*)$", line)
        if found and lines[index][:1] not in (" ", "\t"):
            journey.front_title = found.group(1).strip().strip("\"'")
    raise InterchangeError(
        f"On line {first + 1}, the front matter that starts with \u201c---\u201d is never "
        "closed; end it with a line \u201c---\u201d."
    )


def _accessibility(
    acc: re.Match[str], lines: list[str], number: int, end: int, j: _Journey
) -> tuple[int, str]:
    """accTitle: / accDescr: on one line, or accDescr { ... } over several.

    Returns the next line's index and any statement written after the closing
    brace on its line (Mermaid reads ``}title My day`` as a title).
    """
    which, opener, rest = acc.group(1).lower(), acc.group(2), acc.group(3)
    if opener == ":":
        value = _decode_entities(_strip_comment(rest)).strip()
        if which == "acctitle":
            j.acc_title = value
        else:
            j.acc_descr = value
        return number, ""
    if which == "acctitle":
        raise InterchangeError(
            f"On line {number}, accTitle takes one line (\u201caccTitle: text\u201d), not braces."
        )
    parts = [rest]
    opened = number
    while "}" not in parts[-1]:
        if number >= end:
            raise InterchangeError(
                f"On line {opened}, the accDescr {{ that starts here is never closed with "
                "\u201c}\u201d."
            )
        parts.append(lines[number])
        number += 1
    body = "\n".join(parts)
    j.acc_descr = "\n".join(ln.strip() for ln in body[: body.index("}")].split("\n")).strip()
    return number, body[body.index("}") + 1 :].strip()


def _strip_comment(text: str) -> str:
    found = _COMMENT.search(text)
    return text[: found.start()] if found else text


def _refuse_semicolon(statement: str, number: int) -> None:
    if ";" in _ENTITY.sub("", statement):
        raise InterchangeError(
            f"On line {number}, Mermaid does not allow \u201c;\u201d in a journey; remove it "
            "or write it as #59;."
        )


def _decode_entities(text: str) -> str:
    """Mermaid's entity codes (#35; #amp;) as the characters they stand for."""

    def one(match: re.Match[str]) -> str:
        inner = match.group(1)
        entity = f"&#{inner};" if inner.isdigit() else f"&{inner};"
        decoded = html.unescape(entity)
        return match.group(0) if decoded == entity else decoded

    return clean_text(_ENTITY.sub(one, text))


def _one_line(text: str) -> str:
    return " ".join(_BREAK.sub(" ", text).split())


def _section(text: str, number: int, journey: _Journey) -> _Section:
    if ":" in text:
        raise InterchangeError(
            f"On line {number}, a section name cannot contain \u201c:\u201d; write it as #58; "
            "or start a task on its own line."
        )
    name = _one_line(_decode_entities(text)) or f"Section {len(journey.sections) + 1}"
    section = _Section(name)
    journey.sections.append(section)
    return section


def _task(statement: str, number: int, journey: _Journey, current: _Section | None) -> _Section:
    name_part, colon, data = statement.partition(":")
    if not colon:
        raise InterchangeError(
            f"On line {number}, \u201c{_cut(statement)}\u201d is not a title, section or task; "
            "write a task as \u201cname: score: actor, actor\u201d."
        )
    name = _one_line(_decode_entities(name_part))
    if not name:
        raise InterchangeError(
            f"On line {number}, the task has no name before its first \u201c:\u201d; write a "
            "task as \u201cname: score: actor, actor\u201d."
        )
    pieces = data.split(":")
    score = _score(pieces[0], name, number, journey)
    actors: list[str] = []
    if len(pieces) > 1:
        for actor in pieces[1].split(","):
            actor = _one_line(_decode_entities(actor))
            if actor and actor not in actors:
                actors.append(actor)
    description = _decode_entities(":".join(pieces[2:])).strip() if len(pieces) > 2 else ""
    if current is None:
        current = _Section(NO_SECTION)
        journey.sections.append(current)
    current.tasks.append(_Task(number, name, score, actors, description))
    return current


def _score(text: str, task: str, number: int, journey: _Journey) -> int | None:
    raw = _decode_entities(text).strip()
    where = f"On line {number}, the score of \u201c{_cut(task)}\u201d"
    if not raw:
        journey.warnings.append(f"{where} is missing, so the step has no emotion value.")
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        journey.warnings.append(
            f"{where} (\u201c{_cut(raw, 20)}\u201d) is not a number, so the step has no "
            "emotion value."
        )
        return None
    whole = math.floor(value + 0.5)
    if whole != value:
        journey.warnings.append(f"{where} ({raw}) is not a whole number; it is read as {whole}.")
    if whole == 0:
        journey.saw_zero = True
        return 0
    if not LOW <= whole <= HIGH:
        kept = min(max(whole, LOW), HIGH)
        journey.warnings.append(f"{where} ({raw}) is off the 1 to 5 scale; it is read as {kept}.")
        return kept
    return whole


def _cut(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# -- the map ------------------------------------------------------------------------------------


def build_map(journey: _Journey) -> MapBundle:
    """The map a parsed journey gives (see the module docstring)."""
    title = journey.title or journey.front_title or journey.acc_title or UNTITLED
    bundle, (actions, _) = start_map(
        _cut(clean_text(title), 200).strip() or UNTITLED,
        (("Customer actions", LaneKind.CUSTOMER_ACTIONS), ("Emotions", LaneKind.EMOTIONS)),
    )
    journey_map = bundle.map
    journey_map.scenario = journey.acc_descr
    kind = EmotionScaleKind.ZERO_TO_FIVE if journey.saw_zero else EmotionScaleKind.ONE_TO_FIVE
    journey_map.emotion_scale = EmotionScale.preset(kind)
    personas = _personas(journey, bundle)
    primary = journey_map.primary_persona_id
    m = journey_map.id
    for position, section in enumerate(journey.sections):
        stage = Stage(map_id=m, name=section.name, position=position)
        bundle.add(stage)
        step: Step | None = None
        owners: set[str | None] = set()  # whose values the current step has
        steps_in_stage = 0
        for task in section.tasks:
            wanted = {personas[a] for a in task.actors}
            if not _continues(step, task, owners, wanted):
                step = Step(
                    map_id=m,
                    stage_id=stage.id,
                    name=task.name,
                    description=task.description,
                    position=steps_in_stage,
                )
                steps_in_stage += 1
                owners = set()
                bundle.add(step)
                bundle.add(
                    Card(
                        map_id=m,
                        lane_id=actions.id,
                        stage_id=stage.id,
                        step_id=step.id,
                        title=task.name,
                    )
                )
            if task.score is None:
                continue
            assert step is not None
            people: list[str | None] = [personas[a] for a in task.actors]
            for owner in people or [None]:
                owners.add(owner or primary)
                bundle.add(
                    EmotionPoint(
                        map_id=m,
                        stage_id=stage.id,
                        step_id=step.id,
                        persona_id=None if owner is None or owner == primary else owner,
                        series=EmotionSeries.AS_IS,
                        value=task.score,
                    )
                )
    return bundle


def _personas(journey: _Journey, bundle: MapBundle) -> dict[str, str]:
    """One persona per actor, in order of first appearance; actor name -> persona id."""
    ids: dict[str, str] = {}
    for section in journey.sections:
        for task in section.tasks:
            for actor in task.actors:
                if actor not in ids:
                    colour = _PERSONA_COLOURS[len(ids) % len(_PERSONA_COLOURS)]
                    persona = Persona(name=_cut(actor, 200), colour=colour)
                    bundle.personas[persona.id] = persona
                    ids[actor] = persona.id
    order = list(ids.values())
    if order:
        bundle.map.primary_persona_id = order[0]
        bundle.map.overlay_persona_ids = order[1 : 1 + MAX_OVERLAYS]
    return ids


def _continues(step: Step | None, task: _Task, owners: set[str | None], wanted: set[str]) -> bool:
    """A task with the previous one's name and other actors adds their scores to that step.

    A Mermaid task has one score for all its actors; jmapper's export writes a
    step whose personas feel differently as one line per score, and this
    reads such lines back as the one step they came from.
    """
    if step is None or step.name != task.name or not task.actors or task.score is None:
        return False
    return bool(owners) and None not in owners and not (owners & wanted)


# -- writing ------------------------------------------------------------------------------------


def write_map(bundle: MapBundle) -> tuple[bytes, list[str]]:
    """The map as a Mermaid journey that Mermaid renders; warnings say what it cannot hold."""
    text, warnings = dump(bundle)
    return text.encode("utf-8"), warnings


def dump(bundle: MapBundle) -> tuple[str, list[str]]:
    journey_map = bundle.map
    scale = journey_map.emotion_scale
    lines = ["journey", f"    title {_escape(journey_map.title, ':')}"]
    if journey_map.scenario.strip():
        lines.append(f"    accDescr: {_escape(' '.join(journey_map.scenario.split()), ':')}")
    names = {pid: p.name for pid, p in bundle.personas.items()}
    primary = journey_map.primary_persona_id
    actions = [lane.id for lane in bundle.ordered_lanes() if lane.kind is LaneKind.CUSTOMER_ACTIONS]
    by_column: dict[tuple[str, str | None], dict[str | None, int]] = {}
    skipped_series: set[str] = set()
    for point in bundle.emotion_points.values():
        if point.series is not EmotionSeries.AS_IS:
            skipped_series.add(point.series.label)
            continue
        owner = None if point.persona_id in (None, primary) else point.persona_id
        by_column.setdefault((point.stage_id, point.step_id), {})[owner] = point.value
    unscored: list[str] = []
    inexact = False
    for stage in bundle.ordered_stages():
        lines.append(f"    section {_escape(_one_line(stage.name), ':')}")
        steps = bundle.ordered_steps(stage.id)
        columns: list[tuple[str | None, str, str]] = [(s.id, s.name, s.description) for s in steps]
        if not steps:
            values = by_column.get((stage.id, None))
            cards = [c for lane in actions for c in bundle.cards_in_cell(lane, stage.id, None)]
            if not values and not cards:
                continue
            columns = [(None, cards[0].title if cards else stage.name, "")]
        for step_id, name, description in columns:
            task = _statement_start(_escape(_one_line(name), ":,")) or "Step"
            values = by_column.get((stage.id, step_id), {})
            if not values:
                unscored.append(name)
                lines.append(f"      {task}: {_score_out(scale.neutral, scale)[0]}")
                continue
            groups: dict[int, list[str | None]] = {}
            for owner, value in sorted(
                values.items(), key=lambda kv: (kv[0] is not None, kv[0] or "")
            ):
                score, exact = _score_out(value, scale)
                inexact = inexact or not exact
                groups.setdefault(score, []).append(owner)
            tail = f": {_escape(_one_line(description), '')}" if description.strip() else ""
            for score, owners in groups.items():
                actors = [names.get(o or primary or "", "") for o in owners]
                actors = [_escape(a, ":,") for a in actors if a]
                who = f": {', '.join(actors)}" if actors else (": " if tail else "")
                lines.append(f"      {task}: {score}{who}{tail}")
                tail = ""
    warnings = []
    if unscored:
        listed = ", ".join(f"\u201c{_cut(n)}\u201d" for n in unscored[:5])
        more = f" and {len(unscored) - 5} more" if len(unscored) > 5 else ""
        warnings.append(
            f"Mermaid needs a score for every task; {listed}{more} had no emotion value and "
            "were written with the neutral score."
        )
    if inexact:
        warnings.append(
            f"The map's emotion scale ({scale.minimum} to {scale.maximum}) does not fit "
            "Mermaid's 1 to 5 scores exactly; values were rounded."
        )
    for label in sorted(skipped_series):
        warnings.append(
            f"The {label.lower()} emotion values were not written: a Mermaid task has one score."
        )
    return "\n".join(lines) + "\n", warnings


def _score_out(value: float, scale: EmotionScale) -> tuple[int, bool]:
    """A value of the map's scale as a Mermaid score (0..5 kept, else mapped onto 1..5)."""
    if scale.minimum >= 0 and scale.maximum <= HIGH:
        return int(round(value)), float(value).is_integer()
    exact = LOW + (value - scale.minimum) * (HIGH - LOW) / (scale.maximum - scale.minimum)
    score = math.floor(exact + 0.5)
    return score, score == exact


def _escape(text: str, also: str) -> str:
    """Text Mermaid reads back as written: its special characters as entity codes.

    ``%%`` starts a comment anywhere on a Mermaid line, so a ``%`` followed by another
    is written as ``#37;``.
    """
    flat = text.replace("\n", " ")
    out = []
    for index, char in enumerate(flat):
        doubled = char == "%" and flat[index + 1 : index + 2] == "%"
        if char in "#;" or char in also or doubled:
            out.append(f"#{ord(char)};")
        else:
            out.append(char)
    return "".join(out).strip()


def _statement_start(task: str) -> str:
    """A task name that Mermaid would read as a keyword (a step called "title x") keeps
    its first letter as an entity code, so it comes back as a task, not a title."""
    if _KEYWORD.match(task):
        return f"#{ord(task[0])};{task[1:]}"
    return task
