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
