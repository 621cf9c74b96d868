"""``jmapper check``: the health check of a library's maps, with a CI-friendly exit code.

Kept out of commands.py (shared by several commands) so it can grow on its
own; the rules live in :mod:`jmapper.analysis.health` and are documented in
docs/health-rules.md, the output in docs/check.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jmapper.analysis.health import Finding

#: Output format version of ``--json`` (docs/check.md).
CHECK_JSON_VERSION = 1


def run_check(args: argparse.Namespace) -> int:
    """Print the findings; 1 if any error-severity finding remains, else 0."""
    from jmapper.analysis.health import Severity, run_checks, sort_dismissed
    from jmapper.services.library_api import Library, UnreadableMapError

    today = date.today()
    reports: list[dict[str, Any]] = []
    with Library.open(args.library) as library:
        if args.map is not None:
            summaries = [library.find_map(args.map)]
        else:
            survey = library.survey()
            for problem in survey.unreadable:
                print(f"jmapper: warning: {problem}", file=sys.stderr)
            summaries = list(survey.readable)
        for summary in summaries:
            try:
                bundle = library.load_map(summary.id)
            except UnreadableMapError as problem:
                print(f"jmapper: warning: {problem}", file=sys.stderr)
                continue
            found = sort_dismissed(bundle, run_checks(bundle, today, args.rules))
            reports.append(
                {
                    "id": summary.id,
                    "title": summary.title,
                    "findings": [_finding(f) for f in found.open],
                    "dismissed": [
                        {**_finding(f), "reason": d.reason, "dismissed": d.created}
                        for f, d in found.dismissed
                    ],
                }
            )
    errors = sum(
        1
        for report in reports
        for finding in report["findings"]
        if finding["severity"] == Severity.ERROR.value
    )
    if args.json:
        document = {
            "version": CHECK_JSON_VERSION,
            "today": today.isoformat(),
            "errors": errors,
            "maps": reports,
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        _print_text(reports, errors)
    return 1 if errors else 0


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule_id,
        "severity": finding.severity.value,
        "message": finding.message,
        "target": {"kind": finding.target.kind, "id": finding.target.id},
        "key": finding.key,
    }


def _print_text(reports: list[dict[str, Any]], errors: int) -> None:
    if not reports:
        print("No maps to check.")
        return
    total = dismissed = 0
    for report in reports:
        findings = report["findings"]
        total += len(findings)
        dismissed += len(report["dismissed"])
        aside = f", {len(report['dismissed'])} dismissed" if report["dismissed"] else ""
        print(f"{report['title']} ({report['id']}): {_count(len(findings), 'finding')}{aside}")
        for finding in findings:
            print(f"  {finding['severity']:<7} {finding['rule']:<34} {finding['message']}")
    aside = f" ({dismissed} dismissed, not counted)" if dismissed else ""
    print(
        f"{_count(len(reports), 'map')} checked, {_count(total, 'finding')}{aside}, "
        f"{_count(errors, 'error')}."
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
