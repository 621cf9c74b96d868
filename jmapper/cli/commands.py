"""The non-editor commands: templates, new, maps, export, import.

Each returns an exit code; a LibraryError, ServiceError or DomainError is
printed as one sentence on stderr with exit code 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jmapper.model.enums import MapType
from jmapper.model.errors import DomainError
from jmapper.services.errors import ServiceError

if TYPE_CHECKING:
    from jmapper.services.export import ImageExporter
    from jmapper.services.library_api import Library


def run_command(args: argparse.Namespace) -> int:
    from jmapper.services.library_api import LibraryError

    handler: Callable[[argparse.Namespace], int] = _HANDLERS[args.command]
    try:
        return handler(args)
    except (LibraryError, ServiceError, DomainError) as error:
        print(f"jmapper: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("jmapper: interrupted.", file=sys.stderr)
        return 1


def _templates(args: argparse.Namespace) -> int:
    from jmapper.templates import describe_templates

    info = describe_templates()
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return 0
    print("Map types:")
    for entry in info["map_types"]:
        print(f"  {entry['key']:<24} {entry['label']}: {entry['purpose']}")
    print("\nStage presets:")
    for entry in info["stage_presets"]:
        stages = ", ".join(entry["stages"])
        print(f"  {entry['key']:<24} {stages}")
    print("\nSamples (use with: jmapper new LIBRARY --title T --from-sample NAME):")
    for entry in info["samples"]:
        print(f"  {entry['key']:<24} {entry['title']} ({entry['map_type']})")
    return 0


def _parse_map_type(text: str) -> MapType:
    key = text.strip().lower().replace("-", "_").replace(" ", "_").replace("'", "")
    try:
        return MapType(key)
    except ValueError:
        choices = ", ".join(t.value for t in MapType)
        raise ServiceError(
            f"\u201c{text}\u201d is not a map type; choose one of {choices}."
        ) from None


def _new(args: argparse.Namespace) -> int:
    from jmapper.services.library import build_map
    from jmapper.services.library_api import Library

    map_type = _parse_map_type(args.map_type)
    # Refusals come before the library is opened, so they leave no new file behind.
    bundle = build_map(args.title, map_type, from_sample=args.from_sample, stage_preset=args.stages)
    with Library.open(args.library, create=True) as library:
        library.store_new_map(bundle)
    print(bundle.map.id)
    return 0


def _maps(args: argparse.Namespace) -> int:
    from jmapper.services.library_api import Library

    with Library.open(args.library) as library:
        survey = library.survey()
    for problem in survey.unreadable:  # listed maps stay usable; say which one is not
        print(f"jmapper: warning: {problem}", file=sys.stderr)
    summaries = survey.readable
    rows: list[dict[str, Any]] = [
        {
            "id": s.id,
            "title": s.title,
            "type": s.map_type.value,
            "persona": s.persona_name,
            "status": s.status.value,
            "stages": s.stage_count,
            "lanes": s.lane_count,
            "cards": s.card_count,
            "last_reviewed": s.last_reviewed.isoformat() if s.last_reviewed else None,
        }
        for s in summaries
    ]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not rows:
        print(f"No maps in {args.library} yet; create one with \u2018jmapper new\u2019.")
        return 0
    header = (
        f"{'ID':<32}  {'TITLE':<34} {'TYPE':<17} {'PERSONA':<18} {'STATUS':<9} "
        f"{'STG':>3} {'LN':>3} {'CARDS':>5}  REVIEWED"
    )
    print(header)
    for r in rows:
        print(
            f"{r['id']:<32}  {_cut(r['title'], 34):<34} {r['type']:<17} "
            f"{_cut(r['persona'] or '-', 18):<18} {r['status']:<9} {r['stages']:>3} "
            f"{r['lanes']:>3} {r['cards']:>5}  {r['last_reviewed'] or '-'}"
        )
    return 0


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _export(args: argparse.Namespace) -> int:
    from jmapper.services.library_api import Library

    with Library.open(args.library) as library:
        if args.all_maps and _is_library_file(args):
            from jmapper.cli.transfer import export_library

            export_library(library, args)
            return 0
        if args.all_maps:
            _export_all(library, args)
            return 0
        summary = library.find_map(args.map)
        if args.table:
            library.export_table(summary.id, args.table, Path(args.output), args.format)
            return 0
        _export_one(library, summary.id, summary.title, Path(args.output), args)
    return 0


def _is_library_file(args: argparse.Namespace) -> bool:
    """--all-maps --format json -o NAME.json writes one library file, not a folder of maps."""
    out = Path(args.output)
    return args.format == "json" and out.suffix.lower() == ".json" and not out.is_dir()


def _export_all(library: Library, args: argparse.Namespace) -> None:
    """Every map into the folder -o, made if missing (and removed again if nothing came of it).

    A map this version cannot read is skipped with a warning naming it and
    the field; the others are exported.
    """
    from jmapper.services.library_api import UnreadableMapError

    survey = library.survey()
    for problem in survey.unreadable:
        print(f"jmapper: warning: {problem}", file=sys.stderr)
    summaries = survey.readable
    if not summaries:
        raise ServiceError(
            f"No maps in {args.library} to export; add one with \u2018jmapper new\u2019 "
            "or \u2018jmapper import\u2019."
        )
    folder = Path(args.output)
    created = _make_folder(folder)
    try:
        for summary in summaries:
            out = folder / f"{_safe_name(summary.title)}-{summary.id[:8]}{_extension(args.format)}"
            try:
                _export_one(library, summary.id, summary.title, out, args)
            except UnreadableMapError as problem:
                print(f"jmapper: warning: {problem}", file=sys.stderr)
                continue
            print(out)
    except BaseException:
        if created and not any(folder.iterdir()):
            folder.rmdir()
        raise


def _make_folder(folder: Path) -> bool:
    """Make the --all-maps folder if it is missing; whether it was made."""
    if folder.is_dir():
        return False
    if folder.exists():
        raise ServiceError(
            f"\u201c{folder}\u201d is a file; with --all-maps, -o names the folder to write into."
        )
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise ServiceError(
            f"The folder \u201c{folder}\u201d could not be created "
            f"({error.strerror or error}); choose a folder you can write to."
        ) from None
    return True


def _safe_name(title: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "-_ " else "-" for ch in title).strip()
    return "-".join(kept.split())[:60] or "map"


def _extension(fmt: str) -> str:
    from jmapper.interchange.registry import FORMATS

    return FORMATS[fmt].extension if fmt in FORMATS else f".{fmt}"


def _export_one(
    library: Library, map_id: str, title: str, out: Path, args: argparse.Namespace
) -> None:
    image_exporter = None
    if args.format in ("png", "svg"):
        image_exporter = _image_exporter()
    warnings = library.export_map(
        map_id, out, args.format, _export_settings(args), image_exporter=image_exporter
    )
    for warning in warnings:
        print(f"jmapper: warning: \u201c{title}\u201d: {warning}", file=sys.stderr)


def _image_exporter() -> ImageExporter:
    """The Qt painter for PNG/SVG, with a windowless Qt application behind it."""
    import os

    # Exporting shows no window, so it works the same with or without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    global _QT_APP
    _QT_APP = QGuiApplication.instance() or QGuiApplication(["jmapper"])
    from jmapper.ui.image_export import export_image

    return export_image


#: The windowless Qt application PNG and SVG exports paint in, kept alive for the process.
_QT_APP: object = None


def _export_settings(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "paper": args.paper,
        "orientation": args.orientation,
        "mode": "tile" if args.tile else "handout" if args.handout else "fit",
        "overlap_mm": args.overlap_mm,
        "pages": args.pages,
        "logo": args.logo,
        "accent": args.accent,
        "organisation": args.organisation,
        "dpi": args.dpi,
        "with_legend": args.with_legend,
        "text_as_paths": args.text_as_paths,
    }


def _import(args: argparse.Namespace) -> int:
    from jmapper.cli.transfer import run_import

    return run_import(args)


def _check(args: argparse.Namespace) -> int:
    from jmapper.cli.check import run_check

    return run_check(args)


def _metrics(args: argparse.Namespace) -> int:
    from jmapper.cli.metrics import run_metrics

    return run_metrics(args)


def _opportunities(args: argparse.Namespace) -> int:
    from jmapper.cli.opportunities import run_opportunities

    return run_opportunities(args)


def _review_report(args: argparse.Namespace) -> int:
    from jmapper.cli.review import run_review_report

    return run_review_report(args)


def _compare(args: argparse.Namespace) -> int:
    from jmapper.cli.review import run_compare

    return run_compare(args)


def _merge(args: argparse.Namespace) -> int:
    from jmapper.cli.merge import run_merge

    return run_merge(args)


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "templates": _templates,
    "new": _new,
    "maps": _maps,
    "export": _export,
    "import": _import,
    "check": _check,
    "review-report": _review_report,
    "compare": _compare,
    "metrics": _metrics,
    "opportunities": _opportunities,
    "merge": _merge,
}
