"""``jmapper opportunities``: the opportunity register across a library's maps.

The rows, scores and flags come from :mod:`jmapper.services.opportunities`;
this module only parses and prints (the ``--json`` form is documented in
docs/opportunities.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from jmapper.model.enums import OpportunityStatus

if TYPE_CHECKING:
    from jmapper.services.opportunities import RegisterRow


def add_opportunities_parser(sub: Any) -> None:
    """Register ``jmapper opportunities LIBRARY [--map M] [--status S] [--overdue] [--json]``."""
    opps = sub.add_parser(
        "opportunities",
        help="the opportunity register: owner, metric, due date, status, votes and scores",
        description=(
            "Print every opportunity of the library (or of --map) with its owner, metric "
            "(baseline -> target), due date, status, votes, impact, feasibility and quadrant, "
            "RICE and volume x severity with their ranks on the map, the pain points it "
            "addresses, and flags: overdue, no owner, no metric, no due date. "
            "The --json output: docs/opportunities.md."
        ),
    )
    opps.add_argument("library")
    opps.add_argument("--map", metavar="ID_OR_TITLE", help="only this map's opportunities")
    opps.add_argument(
        "--status",
        choices=[s.value for s in OpportunityStatus],
        help="only opportunities with this status",
    )
    opps.add_argument(
        "--overdue", action="store_true", help="only those past their due date and still open"
    )
    opps.add_argument("--json", action="store_true", help="print JSON (docs/opportunities.md)")


def run_opportunities(args: argparse.Namespace) -> int:
    from jmapper.services.library_api import Library
    from jmapper.services.opportunities import register_document

    today = date.today()
    status = OpportunityStatus(args.status) if args.status else None
    with Library.open(args.library) as library:
        register = library.opportunity_register(
            today, map_ref=args.map, status=status, overdue=args.overdue
        )
    for problem in register.problems:
        print(f"jmapper: warning: {problem}", file=sys.stderr)
    if args.json:
        print(json.dumps(register_document(register, today), indent=2, ensure_ascii=False))
        return 0
    if not register.rows:
        print("No opportunities match." if register.maps else "No maps to list.")
        return 0
    current = None
    for row in register.rows:
        if row.map_id != current:
            current = row.map_id
            print(f"\n{row.map_title} ({row.map_id})")
        _print_row(row)
    overdue = sum(1 for r in register.rows if r.overdue)
    print(f"\n{len(register.rows)} opportunities in {register.maps} maps, {overdue} overdue.")
    return 0


def _print_row(row: RegisterRow) -> None:
    o = row.opportunity
    flags = f"  [{'; '.join(row.flags).upper()}]" if row.flags else ""
    print(f"  * {o.title}{flags}")
    metric = o.metric or "-"
    if o.baseline or o.target:
        metric += f" ({o.baseline or '?'} \u2192 {o.target or '?'})"
    due = o.due_date.isoformat() if o.due_date else "-"
    print(f"      owner: {o.owner or '-'}   metric: {metric}")
    print(
        f"      due: {due}   status: {o.status.label}   votes: {o.votes}   "
        f"impact: {_n(o.impact)}   feasibility: {_n(o.feasibility)}   "
        f"quadrant: {row.quadrant.label if row.quadrant else '-'}"
    )
    print(
        f"      I x F: {row.impact_feasibility.text()}   RICE: {row.rice.text()}   "
        f"volume x severity: {row.volume_severity.text()}"
    )
    pains = "; ".join(row.pains) if row.pains else "-"
    print(f"      pains: {pains}")


def _n(value: object) -> str:
    return "-" if value is None else str(value)
