"""``jmapper import`` (any format, with --dry-run) and the whole-library JSON export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def run_import(args: argparse.Namespace) -> int:
    """Read the file first: a refused import leaves no new library behind and changes nothing."""
    from jmapper.services.library import IMPORT_BUSY_TIMEOUT, open_library
    from jmapper.services.transfer import import_reading, plan_import, read_source

    reading = read_source(args.source, args.import_format)
    for warning in reading.warnings:
        print(f"jmapper: warning: {warning}", file=sys.stderr)
    if args.dry_run:
        store = open_library(args.library) if Path(args.library).exists() else None
        try:
            plans = plan_import(store, reading, replace=args.replace)
        finally:
            if store is not None:
                store.close()
        for plan in plans:
            print(plan.sentence())
        print("Nothing was changed (--dry-run).")
        return 0
    store = open_library(args.library, create=True, busy_timeout=IMPORT_BUSY_TIMEOUT)
    try:
        results = import_reading(store, reading, replace=args.replace)
    finally:
        store.close()
    for result in results:
        how = (
            "replaced"
            if result.replaced
            else ("imported as a copy" if result.as_copy else "imported")
        )
        print(f"{result.id}  {result.title}  ({how})")
    return 0


def export_library(store: Any, args: argparse.Namespace) -> None:
    """Every map and persona of the library into one JSON file (-o NAME.json)."""
    from jmapper.services.transfer import export_library_file

    for warning in export_library_file(store, args.output):
        print(f"jmapper: warning: {warning}", file=sys.stderr)
    print(args.output)
