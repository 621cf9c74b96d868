"""PNG and SVG export: the map painted as the canvas paints it, at any resolution.

Everything is drawn by :func:`jmapper.drawing.draw_map` from the same layout
and with the same drawing routines as the canvas items, so the image is
the canvas at 100% without selection, only sharper (PNG at ``dpi``) or as
vectors (SVG, one unit per point).  With ``with_legend`` the map's header
(title, persona, scenario) sits above it and the PDF's legend below it, so an
image dropped into a slide explains itself; with ``text_as_paths`` an SVG
draws every letter as an outline, so it looks the same on a machine without
the bundled fonts.  The file is written where the caller says;
``jmapper.services.export`` passes a temporary path and renames it over the
target when complete.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPaintDevice, QPainter

from jmapper.drawing import draw_map
from jmapper.export.furniture import Piece, build_header, build_legend
from jmapper.export.options import DPI_RANGE, ExportError, ExportOptions
from jmapper.layout import DEFAULT_STYLE, MapLayout, Style, compute_layout
from jmapper.layout.boxes import Rect
from jmapper.model.bundle import MapBundle
from jmapper.model.text import clean_text
from jmapper.ui.qt_painter import QtPainter, register_fonts

#: Beyond this many pixels a PNG needs gigabytes of memory to paint.
MAX_PIXELS = 400_000_000
#: Around a map with its title and legend (points), and between the pieces.
FRAME_MARGIN = 18.0
FRAME_GAP = 12.0
DEFAULT_ACCENT = "#0072B2"


class Sheet:
    """What an image holds: the map alone, or framed by its header and legend."""

    def __init__(
        self,
        bundle: MapBundle,
        layout: MapLayout,
        style: Style,
        accent: str | None,
        with_legend: bool,
    ) -> None:
        self.layout = layout
        self.style = style
        self.accent = accent
        self.header: Piece | None = None
        self.legend: Piece | None = None
        self.map_origin = (0.0, 0.0)
        self.width, self.height = layout.width, layout.height
        if with_legend:
            m = FRAME_MARGIN
            self.header = build_header(bundle, layout.width, accent or DEFAULT_ACCENT, style)
            self.legend = build_legend(bundle, layout, layout.width, style)
            self.map_origin = (m, m + self.header.h + FRAME_GAP)
            legend_h = self.legend.h + FRAME_GAP if self.legend.h else 0.0
            self.width = layout.width + 2 * m
            self.height = self.map_origin[1] + layout.height + legend_h + m

    def draw(self, painter: QtPainter) -> None:
        x, y = self.map_origin
        if self.header is not None:
            painter.rect(Rect(0, 0, self.width, self.height), "#FFFFFF")
            self.header.draw(painter, x, FRAME_MARGIN)
        painter.save()
        painter.translate(x, y)
        draw_map(painter, self.layout, self.style, self.accent)
        painter.restore()
        if self.legend is not None and self.legend.h:
            self.legend.draw(painter, x, y + self.layout.height + FRAME_GAP)


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
    with_legend = options is not None and options.with_legend
    paths = options is not None and options.text_as_paths
    if paths and fmt != "svg":
        raise ExportError("Letters can be drawn as outlines in an SVG only, not in a PNG.")
    register_fonts()
    layout = compute_layout(bundle, style)
    sheet = Sheet(bundle, layout, style, accent, with_legend)
    path = str(Path(out_path))
    if fmt == "png":
        return _write_png(sheet, path, dpi)
    return _write_svg(sheet, path, clean_text(bundle.map.title), paths)


def _write_png(sheet: Sheet, path: str, dpi: int) -> tuple[int, int]:
    scale = dpi / 72
    w, h = max(1, round(sheet.width * scale)), max(1, round(sheet.height * scale))
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
    _paint(image, sheet, scale, False)
    # The stubs type the format as bytes, but the binding accepts only str.
    if not image.save(path, "PNG"):  # type: ignore[call-overload]
        raise OSError(5, "the PNG could not be written")
    return w, h


def _write_svg(sheet: Sheet, path: str, title: str, paths: bool) -> tuple[int, int]:
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(path)
    w, h = round(sheet.width), round(sheet.height)
    generator.setSize(QSize(w, h))
    generator.setViewBox(QRectF(0, 0, sheet.width, sheet.height))
    generator.setResolution(72)
    generator.setTitle(title)
    _paint(generator, sheet, 1.0, paths)
    return w, h


def _paint(device: QPaintDevice, sheet: Sheet, scale: float, paths: bool) -> None:
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(5, "the image could not be opened for painting")
    try:
        painter.scale(scale, scale)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        sheet.draw(QtPainter(painter, text_as_paths=paths))
    finally:
        painter.end()
