"""``jmapper merge TARGET SOURCE...``: bring maps made on several laptops into one library.

Prints the merge report (docs/merge.md) as text or ``--json``; ``--dry-run``
prints what the merge would do and changes nothing.  Every source is read
before the target is opened, so a bad source leaves every file as it was.
"""

from __future__ import annotations

import argparse
import json
from typing import Any


def add_merge_parser(sub: Any) -> None:
    merge = sub.add_parser(
        "merge",
        help="merge other libraries (or JSON exports) into a library",
        description=(
            "Bring the maps of each SOURCE (a .jmapper library or a jmapper JSON export) into "
            "TARGET: personas matched by name, maps edited on both sides merged against a "
            "version both hold, both versions kept where they conflict (docs/merge.md)."
        ),
    )
    merge.add_argument("target", metavar="TARGET", help="the .jmapper library to merge into")
    merge.add_argument("sources", metavar="SOURCE", nargs="+", help="a library or JSON export")
    merge.add_argument(
        "--dry-run", action="store_true", help="print what the merge would do; change nothing"
    )
    merge.add_argument("--json", action="store_true", help="print the report as JSON")


def run_merge(args: argparse.Namespace) -> int:
    from jmapper.services.merge import merge_into, open_target
    from jmapper.services.merge_sources import read_source

    sources = [read_source(source, args.target) for source in args.sources]
    with open_target(args.target, dry_run=args.dry_run) as store:
        result = merge_into(store, sources, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(result.report.as_json(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(result.report.lines()))
    return 0
