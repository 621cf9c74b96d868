"""The opportunity register: every opportunity of a library (or one map), scored and flagged.

One row per opportunity with what a register needs to chase it: owner,
metric (baseline and target), due date, status, votes, impact, feasibility
and quadrant, RICE and volume x severity with their ranks on the map, the
pain points it addresses, and the flags (overdue; a priority missing its
owner, metric or due date).  ``jmapper opportunities`` prints it and the
editor's register dock lists it; both use this function, so they agree.
Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from jmapper.analysis.opportunity_scores import MethodScore, map_scores
from jmapper.analysis.priority import CLOSED_STATUSES, Quadrant, is_priority
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Opportunity
from jmapper.model.enums import OpportunityStatus
from jmapper.storage import LibraryStore, UnreadableMapError

#: Output format version of ``jmapper opportunities --json`` (docs/opportunities.md).
OPPORTUNITIES_JSON_VERSION = 1


@dataclass(frozen=True)
class RegisterRow:
    """One opportunity as the register shows it."""

    map_id: str
    map_title: str
    opportunity: Opportunity
    quadrant: Quadrant | None
    impact_feasibility: MethodScore
    rice: MethodScore
    volume_severity: MethodScore
    pains: tuple[str, ...]  # titles of the linked pain points
    overdue: bool
    missing: tuple[str, ...]  # "owner", "metric", "due date": what a priority still needs

    @property
    def priority(self) -> bool:
        return is_priority(self.opportunity)

    @property
    def flags(self) -> tuple[str, ...]:
        """The register's warnings in words: 'overdue', 'no owner', ..."""
        out = ["overdue"] if self.overdue else []
        return (*out, *(f"no {what}" for what in self.missing))


def is_overdue(opp: Opportunity, today: date) -> bool:
    """Past its due date and neither done nor dropped."""
    return opp.due_date is not None and opp.due_date < today and opp.status not in CLOSED_STATUSES


def missing_commitments(opp: Opportunity) -> tuple[str, ...]:
    """What an opportunity lacks to be a priority: an owner, a metric, a due date."""
    out = []
    if not opp.owner.strip():
        out.append("owner")
    if not opp.metric.strip():
        out.append("metric")
    if opp.due_date is None:
        out.append("due date")
    return tuple(out)


def map_register(bundle: MapBundle, today: date) -> list[RegisterRow]:
    """Every opportunity of one map, in the map's priority order (quadrant, then I x F)."""
    scores = map_scores(bundle.opportunities.values())
    rows = []
    for opp in bundle.opportunities.values():
        s = scores[opp.id]
        pains = tuple(bundle.cards[c].title for c in opp.pain_card_ids if c in bundle.cards)
        rows.append(
            RegisterRow(
                bundle.map.id,
                bundle.map.title,
                opp,
                s.quadrant,
                s.impact_feasibility,
                s.rice,
                s.volume_severity,
                pains,
                is_overdue(opp, today),
                missing_commitments(opp),
            )
        )
    order = list(Quadrant)
    rows.sort(
        key=lambda r: (
            order.index(r.quadrant) if r.quadrant else len(order),
            -(r.impact_feasibility.value or 0),
            r.opportunity.title.casefold(),
            r.opportunity.id,
        )
    )
    return rows


def filter_rows(
    rows: Iterable[RegisterRow],
    *,
    status: OpportunityStatus | None = None,
    overdue: bool = False,
    owner: str = "",
    priority_only: bool = False,
) -> list[RegisterRow]:
    """The rows that pass every filter given (owner: a case-insensitive part of the name)."""
    wanted = owner.strip().casefold()
    return [
        r
        for r in rows
        if (status is None or r.opportunity.status is status)
        and (not overdue or r.overdue)
        and (not wanted or wanted in r.opportunity.owner.casefold())
        and (not priority_only or r.priority)
    ]


@dataclass(frozen=True)
class Register:
    rows: tuple[RegisterRow, ...]
    maps: int  # how many maps were read
    problems: tuple[str, ...]  # maps that could not be read, as sentences


def library_register(
    store: LibraryStore,
    today: date,
    *,
    map_ref: str | None = None,
    status: OpportunityStatus | None = None,
    overdue: bool = False,
) -> Register:
    """The register of one map (``map_ref``: id, id prefix or title) or of every readable map."""
    from jmapper.services.library import find_map

    problems: list[str] = []
    if map_ref is not None:
        summaries = [find_map(store, map_ref)]
    else:
        survey = store.survey_maps()
        problems.extend(str(problem) for problem in survey.unreadable)
        summaries = list(survey.readable)
    rows: list[RegisterRow] = []
    read = 0
    for summary in sorted(summaries, key=lambda s: (s.title.casefold(), s.id)):
        try:
            bundle = store.load_map(summary.id)
        except UnreadableMapError as problem:
            problems.append(str(problem))
            continue
        read += 1
        rows.extend(map_register(bundle, today))
    return Register(tuple(filter_rows(rows, status=status, overdue=overdue)), read, tuple(problems))


def _score(score: MethodScore) -> dict[str, Any]:
    return {
        "value": score.value,
        "rank": score.rank,
        "of": score.of,
        "missing": list(score.missing),
    }


def row_document(row: RegisterRow) -> dict[str, Any]:
    """One row as JSON (docs/opportunities.md)."""
    o = row.opportunity
    return {
        "map": {"id": row.map_id, "title": row.map_title},
        "id": o.id,
        "title": o.title,
        "owner": o.owner,
        "metric": o.metric,
        "baseline": o.baseline,
        "target": o.target,
        "due_date": o.due_date.isoformat() if o.due_date else None,
        "status": o.status.value,
        "priority": row.priority,
        "votes": o.votes,
        "impact": o.impact,
        "feasibility": o.feasibility,
        "quadrant": row.quadrant.value if row.quadrant else None,
        "impact_x_feasibility": _score(row.impact_feasibility),
        "rice": _score(row.rice),
        "volume_x_severity": _score(row.volume_severity),
        "pains": list(row.pains),
        "overdue": row.overdue,
        "missing": list(row.missing),
    }


def register_document(register: Register, today: date) -> dict[str, Any]:
    return {
        "version": OPPORTUNITIES_JSON_VERSION,
        "today": today.isoformat(),
        "maps": register.maps,
        "opportunities": [row_document(r) for r in register.rows],
    }


#: The register's CSV columns, in order (the dock's Export as CSV).
CSV_COLUMNS = (
    "map",
    "opportunity",
    "owner",
    "metric",
    "baseline",
    "target",
    "due_date",
    "status",
    "priority",
    "votes",
    "impact",
    "feasibility",
    "quadrant",
    "impact_x_feasibility",
    "rice",
    "rice_rank",
    "volume_x_severity",
    "volume_x_severity_rank",
    "pains",
    "flags",
)


def register_csv(rows: Iterable[RegisterRow]) -> str:
    """The rows as CSV text (UTF-8, a header line, numbers as plain numbers)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        o = row.opportunity
        writer.writerow(
            [
                row.map_title,
                o.title,
                o.owner,
                o.metric,
                o.baseline,
                o.target,
                o.due_date.isoformat() if o.due_date else "",
                o.status.value,
                "yes" if row.priority else "no",
                o.votes,
                _cell(o.impact),
                _cell(o.feasibility),
                row.quadrant.label if row.quadrant else "",
                _cell(row.impact_feasibility.value),
                _cell(row.rice.value),
                _cell(row.rice.rank),
                _cell(row.volume_severity.value),
                _cell(row.volume_severity.rank),
                "; ".join(row.pains),
                "; ".join(row.flags),
            ]
        )
    return out.getvalue()


def _cell(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def write_register_csv(rows: Iterable[RegisterRow], path: str) -> int:
    """Write the rows to ``path`` atomically; the number of rows written."""
    from jmapper.services.files import write_atomically

    listed = list(rows)
    write_atomically(path, register_csv(listed))
    return len(listed)


__all__ = [
    "CSV_COLUMNS",
    "OPPORTUNITIES_JSON_VERSION",
    "Register",
    "RegisterRow",
    "filter_rows",
    "is_overdue",
    "library_register",
    "map_register",
    "missing_commitments",
    "register_csv",
    "register_document",
    "row_document",
    "write_register_csv",
]
