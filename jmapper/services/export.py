"""Exporting one map to a file: the use case behind ``jmapper export`` and the dialog.

PDF and JSON are written here (Qt-free).  PNG and SVG are painted through Qt,
which the core may not import, so the caller passes the painter in as
``image_exporter`` (the command line and the editor pass
``jmapper.ui.image_export.export_image``).  reportlab loads only when a PDF
is actually written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jmapper.services.errors import ServiceError
from jmapper.services.files import atomic_output, check_output_path
from jmapper.services.limits import check_image_file

if TYPE_CHECKING:  # reportlab and the export package load only when a file is written
    from jmapper.export import ExportOptions
    from jmapper.export.advice import PrintAdvice
    from jmapper.storage import LibraryStore

ImageExporter = Callable[..., Any]

#: Printed and drawn formats; the interchange formats (JSON, CSV, ...) come from
#: :mod:`jmapper.interchange.registry` and are written by :mod:`jmapper.services.transfer`.
DRAWN_FORMATS = ("pdf", "png", "svg")


def export_formats() -> tuple[str, ...]:
    """Every format a map can be exported as: the drawn ones, then the interchange ones."""
    from jmapper.interchange.registry import names

    return (*DRAWN_FORMATS, *names(writing=True))


FORMATS = export_formats()


def build_options(settings: Mapping[str, Any]) -> ExportOptions:
    """ExportOptions from the plain settings the CLI and the dialog collect.

    Every option is checked here, before any map is loaded or file created.
    """
    from jmapper.export import ExportError, ExportOptions
    from jmapper.export.options import parse_paper

    try:
        paper, custom = (
            parse_paper(str(settings["paper"])) if settings.get("paper") else (None, None)
        )
        options = ExportOptions(
            paper=paper,
            custom_mm=custom,
            orientation=settings.get("orientation") or "landscape",
            mode=settings.get("mode") or "fit",
            overlap_mm=float(settings.get("overlap_mm", 10.0)),
            pages=tuple(settings.get("pages") or ("map",)),
            logo_path=settings.get("logo") or None,
            accent_colour=settings.get("accent") or "#0072B2",
            organisation=settings.get("organisation") or None,
            dpi=int(settings.get("dpi", 200)),
            with_legend=bool(settings.get("with_legend")),
            text_as_paths=bool(settings.get("text_as_paths")),
        )
        options.validate()
    except ExportError as error:
        raise ServiceError(str(error)) from error
    if options.logo_path and Path(options.logo_path).is_dir():
        raise ServiceError(
            f"The logo \u201c{options.logo_path}\u201d is a folder; choose a PNG or JPEG file."
        )
    if options.logo_path and not Path(options.logo_path).is_file():
        raise ServiceError(
            f"The logo file \u201c{options.logo_path}\u201d does not exist; choose a PNG or "
            "JPEG file."
        )
    if options.logo_path:
        check_image_file(Path(options.logo_path))  # before reportlab decodes every pixel
    return options


def print_advice(store: LibraryStore, map_id: str, settings: Mapping[str, Any]) -> PrintAdvice:
    """How small a fit of the map would print with ``settings``, and the handout instead.

    A :class:`jmapper.export.advice.PrintAdvice`; computed without reportlab, so
    the export dialog can ask it on every change of paper or orientation.
    """
    from jmapper.export.advice import print_advice as advise
    from jmapper.model.text import clean_bundle

    options = build_options(settings)
    return advise(clean_bundle(store.load_map(map_id)), options)


def export_map_file(
    store: LibraryStore,
    map_id: str,
    out: str | Path,
    fmt: str,
    settings: Mapping[str, Any] | None = None,
    *,
    image_exporter: ImageExporter | None = None,
) -> list[str]:
    """Write one map as ``fmt`` to ``out`` atomically; returns warnings (e.g. small type).

    The options and the output path are checked before the map is loaded, and
    the map's text is cleaned (:func:`jmapper.model.text.clean_bundle`), so
    text stored by an older version cannot make an invalid file.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ServiceError(
            f"Cannot export as \u201c{fmt}\u201d; choose one of {', '.join(FORMATS)}."
        )
    check_output_path(out)
    if fmt not in DRAWN_FORMATS:
        from jmapper.services.transfer import export_map_as

        return export_map_as(store, map_id, out, fmt)
    options = build_options(settings or {})
    if options.text_as_paths and fmt != "svg":
        raise ServiceError(
            "--text-as-paths is for SVG exports (a PNG is pixels and a PDF embeds its "
            "fonts); leave it out or export as SVG."
        )
    if options.with_legend and fmt == "pdf":
        raise ServiceError(
            "A PDF always carries the title and legend; --with-legend is for PNG and SVG."
        )
    if fmt != "pdf" and image_exporter is None:
        raise ServiceError(f"{fmt.upper()} export needs the Qt image painter.")
    from jmapper.export import ExportError
    from jmapper.model.text import clean_bundle

    bundle = clean_bundle(store.load_map(map_id))
    # Refused (no review yet) before the output file is touched.
    reports = _review_pages(store, map_id, bundle, options.pages) if fmt == "pdf" else []
    try:
        with atomic_output(out) as temp:
            if fmt == "pdf":
                from jmapper.export import export_pdf

                return list(export_pdf(bundle, temp, options, reports=reports).warnings)
            assert image_exporter is not None
            image_exporter(bundle, temp, fmt, dpi=options.dpi, options=options)
            return []
    except ExportError as error:
        raise ServiceError(str(error)) from error


def _review_pages(store: Any, map_id: str, bundle: Any, pages: Any) -> list[Any]:
    """The "Review" page's report (what changed since the last review), when asked for."""
    if "review" not in pages:
        return []
    from datetime import date

    from jmapper.drawing.report import review_report_data
    from jmapper.services.review import report_since

    return [review_report_data(report_since(store, map_id, date.today(), current=bundle))]
