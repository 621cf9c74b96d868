"""Exporting one map to a file: the use case behind ``jmapper export`` and the dialog.

PDF and JSON are written here (Qt-free).  PNG and SVG are painted through Qt,
which the core may not import, so the caller passes the painter in as
``image_exporter`` (the command line and the editor pass
``jmapper.ui.image_export.export_image``).  reportlab loads only when a PDF
is actually written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from jmapper.services.errors import ServiceError

ImageExporter = Callable[..., Any]

FORMATS = ("pdf", "png", "svg", "json")

_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x\u00d7]\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$", re.I)


def build_options(settings: Mapping[str, Any]) -> Any:
    """ExportOptions from the plain settings the CLI and the dialog collect."""
    from jmapper.export import PAPER_SIZES, ExportError, ExportOptions

    paper = settings.get("paper")
    custom = None
    if paper:
        match = _CUSTOM.match(str(paper))
        if match:
            custom = (float(match.group(1)), float(match.group(2)))
            paper = None
        else:
            wanted = str(paper).replace(" ", "").replace("_", "-").casefold()
            names = {
                name.replace(" ", "").replace("_", "-").casefold(): name for name in PAPER_SIZES
            }
            if wanted not in names:
                raise ServiceError(
                    f"Unknown paper size \u201c{paper}\u201d; choose one of "
                    f"{', '.join(PAPER_SIZES)}, or give a custom size such as 900x600mm."
                )
            paper = names[wanted]
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
        dpi=int(settings.get("dpi") or 200),
    )
    try:
        options.validate()
    except ExportError as error:
        raise ServiceError(str(error)) from error
    if options.logo_path and not Path(options.logo_path).is_file():
        raise ServiceError(f"The logo file \u201c{options.logo_path}\u201d does not exist.")
    return options


def export_map_file(
    store: Any,
    map_id: str,
    out: str | Path,
    fmt: str,
    settings: Mapping[str, Any] | None = None,
    *,
    image_exporter: ImageExporter | None = None,
) -> list[str]:
    """Write one map as ``fmt`` to ``out`` atomically; returns warnings (e.g. small type)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ServiceError(
            f"Cannot export as \u201c{fmt}\u201d; choose one of {', '.join(FORMATS)}."
        )
    if fmt == "json":
        from jmapper.services.library import export_json

        export_json(store, map_id, out)
        return []
    options = build_options(settings or {})
    bundle = store.load_map(map_id)
    from jmapper.export import ExportError

    try:
        if fmt == "pdf":
            from jmapper.export import export_pdf

            result = export_pdf(bundle, Path(out), options)
            return list(result.warnings)
        if image_exporter is None:
            raise ServiceError(f"{fmt.upper()} export needs the Qt image painter.")
        image_exporter(bundle, Path(out), fmt, dpi=options.dpi, options=options)
        return []
    except ExportError as error:
        raise ServiceError(str(error)) from error
