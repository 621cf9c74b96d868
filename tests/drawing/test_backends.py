"""One drawing routine, two backends: QPainter and reportlab draw the same picture.

The map (and its legend) is drawn through :class:`QtPainter` into a QImage and
through :class:`PdfPainter` into a PDF page of the map's size, which pypdfium2
rasterises at the same scale.  The two rasterisers anti-alias text differently,
so the pictures are compared within a tolerance: every 6 pt cell of the grid has
nearly the same mean colour, and after a small blur the pixels differ little on
average.  A badge, a face or a line drawn by one backend and not the other, or
text set a point lower in one of them, breaks both bounds by a wide margin.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageFilter
from PySide6.QtCore import QBuffer
from PySide6.QtGui import QColor, QImage, QPainter
from reportlab.pdfgen.canvas import Canvas

from jmapper.drawing import Painter, draw_map
from jmapper.export.fonts import register_fonts as register_pdf_fonts
from jmapper.export.furniture import build_legend
from jmapper.export.pdf_painter import PdfPainter
from jmapper.layout import DEFAULT_STYLE, compute_layout
from jmapper.templates.samples import build_sample
from jmapper.ui.qt_painter import QtPainter
from jmapper.ui.qt_painter import register_fonts as register_qt_fonts

#: Pixels per point for both rasterisations.
SCALE = 2.0
#: Side of a comparison cell, in points.
CELL = 6.0
#: The most a cell's mean colour may differ in one channel (0-255); anti-aliasing
#: differences of text stay below 21, a missing badge or face reaches 45 or more.
CELL_TOLERANCE = 32
#: The most the blurred pictures may differ per pixel on average (0-255); the two
#: backends differ by under 0.8, text set 1.5 pt lower in one of them by over 3.
MEAN_TOLERANCE = 1.5

Draw = Callable[[Painter], None]


def _qt_picture(draw: Draw, width: float, height: float) -> Image.Image:
    register_qt_fonts()
    image = QImage(round(width * SCALE), round(height * SCALE), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    draw(QtPainter(painter))
    painter.end()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")


def _pdf_picture(draw: Draw, width: float, height: float, path: Path) -> Image.Image:
    register_pdf_fonts()
    canvas = Canvas(str(path), pagesize=(width, height))
    canvas.translate(0, height)  # the painter's origin is the top left, y down
    draw(PdfPainter(canvas))
    canvas.showPage()
    canvas.save()
    page = pdfium.PdfDocument(str(path))[0]
    return page.render(scale=SCALE).to_pil().convert("RGB")


def _compare(qt: Image.Image, pdf: Image.Image, width: float, height: float) -> tuple[int, float]:
    """(worst cell's channel difference, mean blurred pixel difference)."""
    # pdfium rounds a fractional page size up, QImage to nearest: at most one pixel apart.
    assert abs(pdf.size[0] - qt.size[0]) <= 1 and abs(pdf.size[1] - qt.size[1]) <= 1
    common = (0, 0, min(pdf.size[0], qt.size[0]), min(pdf.size[1], qt.size[1]))
    qt, pdf = qt.crop(common), pdf.crop(common)
    grid = (max(1, round(width / CELL)), max(1, round(height / CELL)))
    cells = ImageChops.difference(
        qt.resize(grid, Image.Resampling.BOX), pdf.resize(grid, Image.Resampling.BOX)
    )
    worst = max(channel_max for _low, channel_max in cells.getextrema())
    blurred = ImageChops.difference(
        qt.filter(ImageFilter.GaussianBlur(2)), pdf.filter(ImageFilter.GaussianBlur(2))
    )
    histogram = blurred.convert("L").histogram()
    mean = sum(level * count for level, count in enumerate(histogram)) / sum(histogram)
    return worst, mean


def _both(
    draw: Draw, width: float, height: float, tmp_path: Path, name: str, render_dir: Path
) -> tuple[int, float]:
    qt = _qt_picture(draw, width, height)
    pdf = _pdf_picture(draw, width, height, tmp_path / f"{name}.pdf")
    qt.save(render_dir / f"{name}-qt.png")
    pdf.save(render_dir / f"{name}-pdf.png")
    return _compare(qt, pdf, width, height)


@pytest.mark.parametrize("key", ["support_request", "support_blueprint"])
def test_the_map_looks_the_same_through_both_backends(qapp, key, tmp_path, render_dir) -> None:
    layout = compute_layout(build_sample(key))
    assert any(box.markers for box in layout.cards.values()) and layout.emotion
    if key == "support_blueprint":  # arrows and blueprint lines too
        assert layout.links and layout.blueprint_lines

    def draw(painter: Painter) -> None:
        draw_map(painter, layout, DEFAULT_STYLE, "#0072B2")

    worst, mean = _both(draw, layout.width, layout.height, tmp_path, f"{key}-map", render_dir)
    assert worst <= CELL_TOLERANCE, f"some part of the map differs between backends ({worst})"
    assert mean <= MEAN_TOLERANCE, f"the backends' pictures differ overall ({mean:.2f})"


@pytest.mark.parametrize("key", ["support_request", "support_blueprint"])
def test_the_legend_looks_the_same_through_both_backends(qapp, key, tmp_path, render_dir) -> None:
    bundle = build_sample(key)
    legend = build_legend(bundle, compute_layout(bundle), 900, DEFAULT_STYLE)
    assert legend.w > 0 and legend.h > 0

    def draw(painter: Painter) -> None:
        legend.draw(painter, 0, 0)

    worst, mean = _both(draw, legend.w, legend.h, tmp_path, f"{key}-legend", render_dir)
    assert worst <= CELL_TOLERANCE, f"some swatch differs between backends ({worst})"
    assert mean <= MEAN_TOLERANCE, f"the backends' legends differ overall ({mean:.2f})"


def test_the_comparison_sees_one_badge_drawn_by_one_backend_only(qapp, tmp_path) -> None:
    """The tolerance is no blanket: one card's markers missing from the PDF side fails it."""
    layout = compute_layout(build_sample("support_request"))
    card_id, box = next((i, b) for i, b in layout.cards.items() if b.markers)
    without = replace(layout, cards={**layout.cards, card_id: replace(box, markers=())})

    def full(painter: Painter) -> None:
        draw_map(painter, layout, DEFAULT_STYLE, "#0072B2")

    def missing(painter: Painter) -> None:
        draw_map(painter, without, DEFAULT_STYLE, "#0072B2")

    qt = _qt_picture(full, layout.width, layout.height)
    pdf = _pdf_picture(missing, layout.width, layout.height, tmp_path / "missing.pdf")
    worst, _mean = _compare(qt, pdf, layout.width, layout.height)
    assert worst > CELL_TOLERANCE, f"a missing badge went unnoticed ({worst})"
