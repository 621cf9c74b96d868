"""``jmapper review-report`` and ``jmapper compare``: the review cycle and comparisons.

Both print text or ``--json`` (docs/review.md); ``compare -o FILE.pdf``
writes the comparison page instead.  They never write to the library.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jmapper.analysis.compare import Comparison
    from jmapper.drawing.report import Report
    from jmapper.model.bundle import MapBundle

#: Output format version of both commands' ``--json`` (docs/review.md).
REVIEW_JSON_VERSION = 1


def run_review_report(args: argparse.Namespace) -> int:
    from jmapper.drawing.report import review_report_data
    from jmapper.services.library_api import Library

    with Library.open(args.library) as library:
        summary = library.find_map(args.map)
        report = library.review_report(summary.id, date.today(), since=args.since)
    if args.json:
        document = {"version": REVIEW_JSON_VERSION, "id": summary.id, **report.as_json()}
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        _print_report(review_report_data(report))
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from jmapper.drawing.report import comparison_report
    from jmapper.services.library_api import Library
    from jmapper.services.review import compare_maps, write_report_pdf

    with Library.open(args.library) as library:
        first = library.find_map(args.map)
        current = library.load_map(first.id)
        if args.snapshot is not None:
            comparison, old_name, new_name = library.compare_with_snapshot(
                first.id, args.snapshot, current=current
            )
        else:
            # --with is the baseline, --map the map looked at (as with --snapshot)
            other = library.load_map(library.find_map(args.with_map).id)
            comparison, old_name, new_name = compare_maps(other, current)
    report = comparison_report(comparison, old_name, new_name)
    if args.output:
        print(write_report_pdf(comparison.new, report, args.output))
    elif args.json:
        print(
            json.dumps(
                _comparison_json(comparison, old_name, new_name), indent=2, ensure_ascii=False
            )
        )
    else:
        _print_report(report)
    return 0


def _comparison_json(comparison: Comparison, old_name: str, new_name: str) -> dict[str, Any]:
    def side(bundle: MapBundle, name: str) -> dict[str, str]:
        return {"id": bundle.map.id, "title": bundle.map.title, "name": name}

    def title(entity: object) -> str:
        for attribute in ("title", "name", "label"):
            text = getattr(entity, attribute, None)
            if isinstance(text, str) and text:
                return text
        return ""

    return {
        "version": REVIEW_JSON_VERSION,
        "old": side(comparison.old, old_name),
        "new": side(comparison.new, new_name),
        "columns": [
            {
                "stage": c.stage,
                "step": c.step,
                "in": "both" if c.old and c.new else ("new" if c.new else "old"),
                "before": c.old_value,
                "after": c.new_value,
                "change": c.delta,
            }
            for c in comparison.columns
        ],
        "changes": [
            {
                "kind": c.kind,
                "change": c.mark.value,
                "old_id": c.old.id if c.old is not None else None,
                "new_id": c.new.id if c.new is not None else None,
                "title": title(c.entity),
                "fields": list(c.fields),
            }
            for c in comparison.changes
        ],
    }


def _print_report(report: Report) -> None:
    print(report.title)
    print(report.subtitle)
    for section in report.sections:
        print(f"\n{section.heading}:")
        if not section.lines:
            print(f"  {section.empty}")
        for line in section.lines:
            mark = f"{line.symbol} {line.word}" if line.symbol else line.word
            print(f"  {mark:<14} {line.text}")
