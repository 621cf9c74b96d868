"""PNG and SVG export: the map painted as the canvas paints it, at any resolution.

Everything is drawn by :func:`jmapper.drawing.draw_map` from the same layout
and with the same drawing routines as the canvas items, so the image is
the canvas at 100% without selection, only sharper (PNG at ``dpi``) or as
vectors (SVG, one unit per point).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter

from jmapper.drawing import draw_map
from jmapper.export.options import ExportError, ExportOptions
from jmapper.layout import DEFAULT_STYLE, MapLayout, Style, compute_layout
from jmapper.model.bundle import MapBundle
from jmapper.ui.qt_painter import QtPainter, register_fonts

log = logging.getLogger(__name__)


def export_image(
    bundle: MapBundle,
    out_path: str | os.PathLike[str],
    fmt: str = "png",
    dpi: int = 200,
    options: ExportOptions | None = None,
    style: Style = DEFAULT_STYLE,
) -> tuple[int, int]:
    """Write the map as PNG (at ``dpi``) or SVG; returns the pixel (or point) size."""
    if fmt not in ("png", "svg"):
        raise ExportError(f"Images can be exported as PNG or SVG, not \u201c{fmt}\u201d.")
    if QGuiApplication.instance() is None:
        raise ExportError("Image export needs the application to be running.")
    accent = options.accent_colour if options is not None else None
    register_fonts()
    layout = compute_layout(bundle, style)
    target = Path(out_path)
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=f".{fmt}", dir=str(target.parent)
        )
        os.close(fd)
        if fmt == "png":
            size = _write_png(layout, tmp_name, dpi, style, accent)
        else:
            size = _write_svg(layout, tmp_name, bundle.map.title, style, accent)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, target)
    except OSError as exc:
        log.warning("image export to %s failed", target, exc_info=True)
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        raise ExportError(
            f"Could not write the image to {target} ({exc.strerror or exc}); "
            "choose a folder you can write to."
        ) from exc
    return size


def _write_png(
    layout: MapLayout, path: str, dpi: int, style: Style, accent: str | None
) -> tuple[int, int]:
    scale = dpi / 72
    w, h = round(layout.width * scale), round(layout.height * scale)
    if w * h > 400_000_000:
        raise ExportError(
            f"At {dpi} dpi the image would be {w} x {h} pixels; choose a lower "
            "resolution or export a PDF."
        )
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    _paint(painter, layout, style, accent)
    painter.end()
    if not image.save(path, "PNG"):
        raise OSError(5, "the PNG encoder failed")
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
    painter = QPainter(generator)
    _paint(painter, layout, style, accent)
    painter.end()
    return w, h


def _paint(painter: QPainter, layout: MapLayout, style: Style, accent: str | None) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    draw_map(QtPainter(painter), layout, style, accent)
