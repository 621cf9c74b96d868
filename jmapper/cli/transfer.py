"""``jmapper import`` (any format, with --dry-run) and the whole-library JSON export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jmapper.services.library_api import Library


def run_import(args: argparse.Namespace) -> int:
    """Read the file first: a refused import leaves no new library behind and changes nothing."""
    from jmapper.services.library_api import IMPORT_BUSY_TIMEOUT, Library
    from jmapper.services.transfer import plan_import, read_source

    if args.import_as == "metrics":
        return run_contact_import(args)
    reading = read_source(args.source, args.import_format)
    for warning in reading.warnings:
        print(f"jmapper: warning: {warning}", file=sys.stderr)
    if args.dry_run:
        if Path(args.library).exists():
            with Library.open(args.library) as library:
                plans = library.plan_import(reading, replace=args.replace)
        else:  # a library the import would make: every map is new
            plans = plan_import(None, reading, replace=args.replace)
        for plan in plans:
            print(plan.sentence())
        print("Nothing was changed (--dry-run).")
        return 0
    with Library.open(args.library, create=True, busy_timeout=IMPORT_BUSY_TIMEOUT) as library:
        results = library.import_reading(reading, replace=args.replace)
    for result in results:
        how = (
            "replaced"
            if result.replaced
            else ("imported as a copy" if result.as_copy else "imported")
        )
        print(f"{result.id}  {result.title}  ({how})")
    return 0


def export_library(library: Library, args: argparse.Namespace) -> None:
    """Every map and persona of the library into one JSON file (-o NAME.json)."""
    for warning in library.export_library(args.output):
        print(f"jmapper: warning: {warning}", file=sys.stderr)
    print(args.output)


def run_contact_import(args: argparse.Namespace) -> int:
    """Contact-centre rows into a map's metrics: a preview per place, then one write."""
    from jmapper.analysis.metric_text import format_number
    from jmapper.services.library_api import IMPORT_BUSY_TIMEOUT, Library

    with Library.open(args.library, busy_timeout=IMPORT_BUSY_TIMEOUT) as library:
        summary = library.find_map(args.import_map)
        result = library.import_contacts(
            summary.id, args.source, args.mapping, dry_run=args.dry_run
        )
    for warning in result.warnings:
        print(f"jmapper: warning: {warning}", file=sys.stderr)
    print(f"{result.title}: {result.rows:,} rows, period {result.period or '(none)'}")
    print(
        f"  {'PLACE':<30} {'CONTACTS':>9} {'CSAT%':>6} {'(n)':>7} {'NPS':>5} {'(n)':>7} "
        f"{'CES':>4} {'(n)':>7} {'REPEAT%':>7} {'(n)':>7} {'AHT':>6} {'(n)':>7}"
    )
    for row in result.preview:
        print(
            f"  {row.place[:30]:<30} {row.contacts:>9,} {format_number(row.csat):>6} "
            f"{row.csat_n:>7,} {format_number(row.nps):>5} {row.nps_n:>7,} "
            f"{format_number(row.ces):>4} {row.ces_n:>7,} {format_number(row.repeat_rate):>7} "
            f"{row.repeat_n:>7,} {format_number(row.aht):>6} {row.aht_n:>7,}"
        )
    if args.dry_run:
        print("Nothing was changed (--dry-run).")
    else:
        print(f"Stored {result.written} metric value(s) with their raw counts.")
    return 0
