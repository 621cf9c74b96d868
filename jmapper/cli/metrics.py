"""``jmapper metrics``: one map's metric definitions and values, scored, for scripts and reports.

The scoring and the comparison with baseline and target live in
:mod:`jmapper.services.metrics`; this module only parses and prints
(the ``--json`` form is documented in docs/metrics.md).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jmapper.services.metrics import MapMetrics


def add_metrics_parser(sub: Any) -> None:
    """Register ``jmapper metrics LIBRARY --map ID_OR_TITLE [--json]``."""
    metrics = sub.add_parser(
        "metrics",
        help="list a map's metrics with scores, baselines, targets and changes",
        description=(
            "Print every metric of a map: each value with its role (baseline, actual, target), "
            "scope, period, sample size, source, the score (computed from the raw counts where "
            "they give one) and the change since its baseline. The --json output: docs/metrics.md."
        ),
    )
    metrics.add_argument("library")
    metrics.add_argument("--map", required=True, metavar="ID_OR_TITLE")
    metrics.add_argument("--json", action="store_true", help="print JSON (docs/metrics.md)")


def run_metrics(args: argparse.Namespace) -> int:
    from jmapper.services.library_api import Library
    from jmapper.services.metrics import metrics_document

    with Library.open(args.library) as library:
        report = library.map_metrics(args.map)
    if args.json:
        print(json.dumps(metrics_document(report), indent=2, ensure_ascii=False))
        return 0
    _print_text(report)
    return 0


def _print_text(report: MapMetrics) -> None:
    from jmapper.analysis.metric_text import format_change, format_number

    print(f"{report.title} ({report.map_id})")
    if not report.metrics:
        print("  No metrics yet; add one in the editor with Add metric.")
        return
    for metric in report.metrics:
        definition = metric.definition
        bits = [definition.kind.label]
        if metric.mode:
            bits.append(metric.mode)
        if definition.unit:
            bits.append(definition.unit)
        print(f"\n{definition.name or definition.kind.label} ({', '.join(bits)})")
        if not metric.values:
            print("  no values")
            continue
        print(
            f"  {'ROLE':<8} {'SCOPE':<28} {'PERIOD':<14} {'N':>7} {'SOURCE':<9} "
            f"{'SCORE':>7} {'TARGET':>7}  CHANGE SINCE BASELINE"
        )
        for row in metric.values:
            value = row.value
            n = "-" if row.sample_size is None else str(row.sample_size)
            score = format_number(row.score) + ("*" if row.computed else "")
            target = format_number(row.target) if row.target is not None else ""
            print(
                f"  {value.role.value:<8} {_cut(row.scope_name, 28):<28} "
                f"{_cut(value.period, 14):<14} {n:>7} {value.source.value:<9} "
                f"{score:>7} {target:>7}  "
                f"{format_change(row.change)}".rstrip()
            )
    if any(row.computed for metric in report.metrics for row in metric.values):
        print("\n* computed from the raw counts.")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"
