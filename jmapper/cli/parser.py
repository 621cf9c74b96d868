"""Argument parsers for the editor and the commands (argparse, no side effects).

argparse normally prints usage and exits; :class:`QuietParser` raises
:class:`UsageError` instead so :func:`jmapper.app.main` can print one line and
return exit code 2.
"""

from __future__ import annotations

import argparse
from typing import NoReturn

COMMANDS = ("templates", "new", "maps", "export", "import")

PAPERS_HELP = "A4, A3, A2, A1, A0, Letter, Tabloid, Ledger, ANSI-C/D/E, ARCH-C/D/E or WxH mm"


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
        help="start, show the map, print milliseconds from process start to first paint, exit",
    )
    return parser


def build_parser() -> QuietParser:
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
    export.add_argument("--format", required=True, choices=["json", "pdf", "png", "svg"])
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--paper", help=PAPERS_HELP)
    export.add_argument("--orientation", choices=["landscape", "portrait"], default="landscape")
    mode = export.add_mutually_exclusive_group()
    mode.add_argument("--fit", action="store_true", help="the whole map on one sheet (default)")
    mode.add_argument("--tile", action="store_true", help="true scale over several sheets")
    export.add_argument("--overlap-mm", type=float, default=10.0)
    export.add_argument("--pages", default="map", help="comma list of map,actions,matrix,persona")
    export.add_argument("--logo", metavar="FILE")
    export.add_argument("--accent", metavar="COLOUR")
    export.add_argument("--organisation", metavar="NAME")
    export.add_argument("--dpi", type=int, default=200)

    imp = sub.add_parser("import", help="import maps from a jmapper JSON file")
    imp.add_argument("library")
    imp.add_argument("source")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace maps with the same id instead of importing copies",
    )
    return parser
