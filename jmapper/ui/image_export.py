"""PNG and SVG export: the map painted as the canvas paints it, at any resolution.

Everything is drawn by :func:`jmapper.drawing.draw_map` from the same layout
and with the same drawing routines as the canvas items, so the image is
the canvas at 100% without selection, only sharper (PNG at ``dpi``) or as
vectors (SVG, one unit per point).  The file is written where the caller
says; ``jmapper.services.export`` passes a temporary path and renames it over
the target when complete.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPaintDevice, QPainter

from jmapper.drawing import draw_map
from jmapper.export.options import DPI_RANGE, ExportError, ExportOptions
from jmapper.layout import DEFAULT_STYLE, MapLayout, Style, compute_layout
from jmapper.model.bundle import MapBundle
from jmapper.model.text import clean_text
from jmapper.ui.qt_painter import QtPainter, register_fonts

#: Beyond this many pixels a PNG needs gigabytes of memory to paint.
MAX_PIXELS = 400_000_000


def export_image(
    bundle: MapBundle,
    out_path: str | os.PathLike[str],
    fmt: str = "png",
    dpi: int = 200,
    options: ExportOptions | None = None,
    style: Style = DEFAULT_STYLE,
) -> tuple[int, int]:
    """Write the map as PNG (at ``dpi``) or SVG; returns the pixel (or point) size.

    Unusable options raise ExportError with a sentence before anything is
    painted; a failed write raises OSError (the caller names the target).
    """
    if fmt not in ("png", "svg"):
        raise ExportError(f"Images can be exported as PNG or SVG, not \u201c{fmt}\u201d.")
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise ExportError(
            f"The resolution must be between {DPI_RANGE[0]} and {DPI_RANGE[1]} dpi, not {dpi}."
        )
    if QGuiApplication.instance() is None:
        raise ExportError("Image export needs the application to be running.")
    accent = options.accent if options is not None else None
    register_fonts()
    layout = compute_layout(bundle, style)
    path = str(Path(out_path))
    if fmt == "png":
        return _write_png(layout, path, dpi, style, accent)
    return _write_svg(layout, path, clean_text(bundle.map.title), style, accent)


def _write_png(
    layout: MapLayout, path: str, dpi: int, style: Style, accent: str | None
) -> tuple[int, int]:
    scale = dpi / 72
    w, h = max(1, round(layout.width * scale)), max(1, round(layout.height * scale))
    if w * h > MAX_PIXELS:
        raise ExportError(
            f"At {dpi} dpi the image would be {w} x {h} pixels; choose a lower "
            "resolution or export a PDF."
        )
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise ExportError(
            f"There is not enough memory for a {w} x {h} pixel image; choose a lower resolution."
        )
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#FFFFFF"))
    _paint(image, layout, style, accent, scale)
    # The stubs type the format as bytes, but the binding accepts only str.
    if not image.save(path, "PNG"):  # type: ignore[call-overload]
        raise OSError(5, "the PNG could not be written")
    return w, h


def _write_svg(
    layout: MapLayout, path: str, title: str, style: Style, accent: str | None
) -> tuple[int, int]:
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(path)
    w, h = round(layout.width), round(layout.height)
    generator.setSize(QSize(w, h))
    generator.setViewBox(QRectF(0, 0, layout.width, layout.height))
    generator.setResolution(72)
    generator.setTitle(title)
    _paint(generator, layout, style, accent, 1.0)
    return w, h


def _paint(
    device: QPaintDevice,
    layout: MapLayout,
    style: Style,
    accent: str | None,
    scale: float,
) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(5, "the image could not be opened for painting")
    try:
        painter.scale(scale, scale)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        draw_map(QtPainter(painter), layout, style, accent)
    finally:
        painter.end()
