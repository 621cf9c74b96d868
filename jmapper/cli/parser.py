"""Argument parsers for the editor and the commands (argparse, no side effects).

argparse normally prints usage and exits; :class:`QuietParser` raises
:class:`UsageError` instead so :func:`jmapper.app.main` can print one line and
return exit code 2.  Every export option is checked here, by the same
functions the export itself uses (:mod:`jmapper.export.options`,
:mod:`jmapper.style.colours`), so a bad value is a usage error before any
file is opened, and the ranges in ``--help`` are the ones enforced.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from jmapper.interchange.registry import names as interchange_formats

COMMANDS = (
    "templates",
    "new",
    "maps",
    "export",
    "import",
    "check",
    "metrics",
    "opportunities",
    "review-report",
    "compare",
    "merge",
)
#: The drawn formats, then the interchange formats (jmapper/interchange/registry.py).
FORMAT_CHOICES = ("pdf", "png", "svg", *interchange_formats(writing=True))
#: Formats ``jmapper import`` reads.
IMPORT_FORMATS = interchange_formats(reading=True)

PAPERS_HELP = (
    "A4, A3, A2, A1, A0, Letter, Tabloid, Ledger, ANSI-C/D/E, ARCH-C/D/E, or WxH in mm "
    "(at least 50x50); default: the smallest A size that prints the map's text at 5 pt or more"
)


class UsageError(Exception):
    """The command line is malformed; the message says how."""


class QuietParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see \u2018{self.prog} --help\u2019)")


def build_editor_parser() -> QuietParser:
    parser = QuietParser(
        prog="jmapper",
        description=(
            "Open the jmapper editor on LIBRARY (default: your own library, made with sample maps "
            "on first run). Commands: " + ", ".join(COMMANDS) + " (jmapper COMMAND --help)."
        ),
    )
    parser.add_argument("library", nargs="?", help="a .jmapper library file to open")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--quit-after-first-paint",
        action="store_true",
        help=(
            "start, show the map, print milliseconds from process start to first paint, exit; "
            "a problem is one line on stderr and exit code 1, never a message box"
        ),
    )
    return parser


def build_parser() -> QuietParser:
    # Imported here, not at the top: the editor and --version never build this parser.
    from jmapper.export.options import DPI_RANGE, OVERLAP_RANGE_MM, PAGE_KINDS, parse_pages
    from jmapper.style.colours import parse_colour

    parser = QuietParser(prog="jmapper")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=QuietParser)

    templates = sub.add_parser("templates", help="list map types, stage presets and samples")
    templates.add_argument("--json", action="store_true", help="print JSON")

    new = sub.add_parser("new", help="create a map (and the library file if needed)")
    new.add_argument("library")
    new.add_argument("--title", required=True)
    new.add_argument(
        "--type",
        dest="map_type",
        default="current_state",
        help="current_state, future_state, day_in_the_life, service_blueprint, buyers_journey",
    )
    new.add_argument("--from-sample", metavar="NAME", help="start from a copy of a sample map")
    new.add_argument("--stages", metavar="PRESET", help="a stage preset (see 'templates')")

    maps = sub.add_parser("maps", help="list the maps of a library")
    maps.add_argument("library")
    maps.add_argument("--json", action="store_true", help="print JSON")

    export = sub.add_parser("export", help="export a map (or every map) of a library")
    export.add_argument("library")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--map", metavar="ID_OR_TITLE")
    target.add_argument(
        "--all-maps",
        action="store_true",
        help="export every map into -o FOLDER (made if missing); a library with no maps "
        "is an error (exit 1)",
    )
    export.add_argument("--format", required=True, choices=FORMAT_CHOICES)
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="the file to write, ending in .FORMAT (.mmd for mermaid); with --all-maps a "
        "folder, or with --format json a file ending in .json that holds the whole library",
    )
    export.add_argument(
        "--table",
        choices=("action-plan", "metrics"),
        help="with --format csv or xlsx: write the map's action plan (opportunity register) or "
        "its metrics as a table instead of the map",
    )
    export.add_argument("--paper", type=_checked(_paper), help=PAPERS_HELP)
    export.add_argument("--orientation", choices=["landscape", "portrait"], default="landscape")
    mode = export.add_mutually_exclusive_group()
    mode.add_argument("--fit", action="store_true", help="the whole map on one sheet (default)")
    mode.add_argument("--tile", action="store_true", help="true scale over several sheets")
    mode.add_argument(
        "--handout",
        action="store_true",
        help="readable pages (nothing below 6 pt), a group of stages each; default paper A4",
    )
    low, high = OVERLAP_RANGE_MM
    export.add_argument(
        "--overlap-mm",
        type=_checked(_number_in(float, low, high, "The tile overlap", "mm")),
        default=10.0,
        metavar="MM",
        help=f"tile overlap, {low:g} to {high:g} mm (default 10)",
    )
    export.add_argument(
        "--pages",
        type=_checked(parse_pages),
        default=("map",),
        help=f"comma list of {','.join(PAGE_KINDS)} (default map)",
    )
    export.add_argument("--logo", metavar="FILE", help="a PNG or JPEG for the title block")
    export.add_argument(
        "--accent",
        type=_checked(parse_colour),
        metavar="COLOUR",
        help="a colour name (red, navy) or #RGB / #RRGGBB (default #0072B2)",
    )
    export.add_argument(
        "--organisation",
        metavar="NAME",
        help="your organisation, printed as 'Prepared by' (the map's own is 'Prepared for')",
    )
    export.add_argument(
        "--dpi",
        type=_checked(_number_in(int, DPI_RANGE[0], DPI_RANGE[1], "The resolution", "dpi")),
        default=200,
        metavar="N",
        help=f"PNG resolution, {DPI_RANGE[0]} to {DPI_RANGE[1]} (default 200)",
    )
    export.add_argument(
        "--with-legend",
        action="store_true",
        help="PNG and SVG: the map's title above it and its legend below",
    )
    export.add_argument(
        "--text-as-paths",
        action="store_true",
        help="SVG: draw every letter as an outline, so it looks the same without the fonts",
    )

    imp = sub.add_parser(
        "import",
        help="import maps from a file (JSON, CSV, XLSX or Mermaid journey)",
        description=(
            "Import the maps of SOURCE into LIBRARY (made if missing), all or nothing. The "
            "format is told from the file's content and extension unless --format names it; "
            "see docs/interchange.md."
        ),
    )
    imp.add_argument("library")
    imp.add_argument("source")
    imp.add_argument(
        "--format", dest="import_format", choices=IMPORT_FORMATS, help="the format of SOURCE"
    )
    imp.add_argument(
        "--as",
        dest="import_as",
        choices=("map", "metrics"),
        default="map",
        help="map: SOURCE holds maps (default); metrics: SOURCE is contact-centre data (one row "
        "per contact or response) to add to --map's metrics (docs/contact-centre.md)",
    )
    imp.add_argument("--map", dest="import_map", metavar="ID_OR_TITLE", help="with --as metrics")
    imp.add_argument(
        "--mapping",
        metavar="FILE",
        help="with --as metrics: the column mapping (JSON); default: the one this library "
        "used last",
    )
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be added and change nothing (no library is made)",
    )
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace maps with the same id instead of importing copies",
    )
    _add_check(sub)
    from jmapper.cli.metrics import add_metrics_parser

    add_metrics_parser(sub)
    from jmapper.cli.opportunities import add_opportunities_parser

    add_opportunities_parser(sub)
    _add_review(sub)
    from jmapper.cli.merge import add_merge_parser

    add_merge_parser(sub)
    return parser


def _add_check(sub: Any) -> None:
    """``jmapper check``: the health check, for gating a folder of maps in CI."""
    check = sub.add_parser(
        "check",
        help="run the health check; exit 1 if any error-severity finding remains",
        description=(
            "Print the health findings of every map (or of --map); exit code 1 if any "
            "error-severity finding remains, else 0. The rules: docs/health-rules.md; "
            "the --json output: docs/check.md."
        ),
    )
    check.add_argument("library")
    check.add_argument("--map", metavar="ID_OR_TITLE", help="check only this map")
    check.add_argument("--json", action="store_true", help="print JSON (docs/check.md)")
    check.add_argument(
        "--rules",
        type=_checked(_rule_ids),
        metavar="ID,...",
        help="comma list of rule ids to run (default: all; see docs/health-rules.md)",
    )


def _add_review(sub: Any) -> None:
    """``jmapper review-report`` and ``jmapper compare`` (docs/review.md)."""
    review = sub.add_parser(
        "review-report",
        help="what changed on a map since its last review (or a snapshot)",
        description="Print what changed since the map's last review (docs/review.md).",
    )
    review.add_argument("library")
    review.add_argument("--map", required=True, metavar="ID_OR_TITLE")
    review.add_argument("--since", metavar="SNAPSHOT", help="a snapshot name or id")
    review.add_argument("--json", action="store_true", help="print JSON (docs/review.md)")
    compare = sub.add_parser(
        "compare",
        help="compare a map with another map or with one of its snapshots",
        description="Print what differs between two maps, or a map and a snapshot "
        "(docs/review.md); -o writes the comparison page as a PDF.",
    )
    compare.add_argument("library")
    compare.add_argument("--map", required=True, metavar="ID_OR_TITLE")
    other = compare.add_mutually_exclusive_group(required=True)
    other.add_argument("--with", dest="with_map", metavar="ID_OR_TITLE", help="the other map")
    other.add_argument("--snapshot", metavar="SNAPSHOT", help="a snapshot of --map")
    out = compare.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON (docs/review.md)")
    out.add_argument("-o", "--output", metavar="FILE.pdf", help="write a PDF page")


def _rule_ids(text: str) -> tuple[str, ...]:
    from jmapper.analysis.health import select_rules

    ids = tuple(part.strip() for part in text.split(",") if part.strip())
    if not ids:
        raise ValueError("--rules needs at least one rule id")
    select_rules(ids)
    return ids


def parse_command(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line, with the checks that involve several options."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "compare" and args.output and Path(args.output).suffix.lower() != ".pdf":
        raise UsageError(
            f"-o {args.output}: the comparison is written as a PDF; give -o a name ending in "
            ".pdf, or use --json (see \u2018jmapper compare --help\u2019)"
        )
    if args.command == "import" and args.import_as == "metrics" and not args.import_map:
        raise UsageError(
            "--as metrics adds to one map's metrics; name it with --map "
            "(see \u2018jmapper import --help\u2019)"
        )
    if (
        args.command == "export"
        and args.table
        and (args.all_maps or args.format not in ("csv", "xlsx"))
    ):
        raise UsageError(
            "--table writes one map's table as CSV or XLSX; use it with --map and --format csv "
            "or --format xlsx (see \u2018jmapper export --help\u2019)"
        )
    if args.command == "export" and args.handout and args.format != "pdf":
        raise UsageError(
            f"--handout prints readable PDF pages; use it with --format pdf, not "
            f"{args.format} (see \u2018jmapper export --help\u2019)"
        )
    if args.command == "export" and not args.all_maps:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        if suffix not in _suffixes(args.format):
            fits = [f for f in FORMAT_CHOICES if suffix in _suffixes(f)]
            other = f" or use --format {fits[0]}" if fits else ""
            raise UsageError(
                f"-o {args.output} but --format {args.format}; give -o a name ending in "
                f".{_suffixes(args.format)[0]}{other} (see \u2018jmapper export --help\u2019)"
            )
    return args


def _suffixes(fmt: str) -> tuple[str, ...]:
    """The file name endings (without the dot) an export in ``fmt`` may have."""
    from jmapper.interchange.registry import FORMATS

    if fmt in FORMATS:
        return tuple(ext.lstrip(".") for ext in FORMATS[fmt].extensions)
    return (fmt,)


def _checked(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type from a parser that raises ValueError or ExportError with a sentence."""

    from jmapper.export.options import ExportError

    def check(text: str) -> Any:
        try:
            return parse(text)
        except (ValueError, ExportError) as error:
            sentence = str(error).rstrip(".")
            raise argparse.ArgumentTypeError(sentence[:1].lower() + sentence[1:]) from None

    return check


def _paper(text: str) -> str:
    from jmapper.export.options import parse_paper

    parse_paper(text)
    return text


def _number_in(
    kind: Callable[[str], float], low: float, high: float, what: str, unit: str
) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            number = "a whole number" if kind is int else "a number"
            raise ValueError(f"\u201c{text}\u201d is not {number}") from None
        if not low <= value <= high:
            raise ValueError(f"{what} must be between {low:g} and {high:g} {unit}, not {text}")
        return value

    return parse
