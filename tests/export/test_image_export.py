"""PNG and SVG through Qt, painted from the same layout."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from jmapper.layout import DEFAULT_STYLE, compute_layout  # noqa: E402
from jmapper.templates import build_samples  # noqa: E402
from jmapper.ui.image_export import export_image  # noqa: E402


@pytest.fixture(scope="module")
def app(qapp):
    # pytest-qt's QApplication, not a bare QGuiApplication: the canvas tests that run after
    # these in one session build widgets, and Qt aborts on a widget without QApplication.
    return qapp


@pytest.mark.parametrize("dpi", [72, 150])
def test_png_has_the_pixel_size_of_its_dpi(app, journey_bundle, tmp_path, dpi) -> None:
    out = tmp_path / "map.png"
    export_image(journey_bundle, out, "png", dpi=dpi)
    layout = compute_layout(journey_bundle)
    image = QImage(str(out))
    assert image.width() == round(layout.width * dpi / 72)
    assert image.height() == round(layout.height * dpi / 72)
    assert round(image.dotsPerMeterX() * 0.0254) == dpi
    assert image.pixelColor(image.width() // 2, image.height() // 2).isValid()


def test_svg_contains_every_card_title(app, tmp_path) -> None:
    bundle = build_samples()[2]
    next(iter(bundle.cards.values())).title = "Café <b>&amp; 日本"
    out = tmp_path / "map.svg"
    export_image(bundle, out, "svg")
    svg = out.read_text("utf-8")
    assert svg.startswith("<?xml")
    for card in bundle.cards.values():
        escaped = card.title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        for word in escaped.split():
            assert word in svg, card.title


def _ink_rows(image: QImage, x0: int, x1: int, y0: int, y1: int) -> int:
    """Rows between y0 and y1 holding a dark pixel between x0 and x1."""
    rows = 0
    for y in range(max(0, y0), min(image.height(), y1)):
        if any(image.pixelColor(x, y).lightness() < 100 for x in range(x0, min(x1, image.width()))):
            rows += 1
    return rows


def test_with_legend_frames_the_map_with_its_title_and_legend(app, tmp_path, render_dir) -> None:
    """``--with-legend``: the header (title, persona) above the map and the legend below."""
    from jmapper.export.options import ExportOptions
    from jmapper.ui.image_export import FRAME_MARGIN, Sheet

    bundle = build_samples()[2]
    plain, framed = tmp_path / "plain.png", tmp_path / "framed.png"
    export_image(bundle, plain, "png", dpi=72)
    export_image(bundle, framed, "png", dpi=72, options=ExportOptions(with_legend=True))
    (render_dir / "with_legend.png").write_bytes(framed.read_bytes())
    layout = compute_layout(bundle)
    sheet = Sheet(bundle, layout, DEFAULT_STYLE, None, True)
    image = QImage(str(framed))
    assert image.width() == round(layout.width + 2 * FRAME_MARGIN)
    assert image.height() == round(sheet.height) > QImage(str(plain)).height() + 60
    x, y = (round(v) for v in sheet.map_origin)
    assert sheet.header is not None and sheet.legend is not None and sheet.legend.h > 30
    # the title's ink above the map, the legend's below it
    assert _ink_rows(image, x, x + 400, round(FRAME_MARGIN), y - 4) >= 10
    below = y + round(layout.height) + 4
    assert _ink_rows(image, x, x + 600, below, image.height()) >= 20


def test_svg_text_as_paths_has_no_text_and_draws_the_same_letters(app, tmp_path) -> None:
    """``--text-as-paths``: no <text> and no font names, yet the title reads where it did."""
    from PySide6.QtGui import QColor, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from jmapper.export.options import ExportOptions

    bundle = build_samples()[2]
    texts, paths = tmp_path / "texts.svg", tmp_path / "paths.svg"
    export_image(bundle, texts, "svg", options=ExportOptions(with_legend=True))
    export_image(bundle, paths, "svg", options=ExportOptions(with_legend=True, text_as_paths=True))
    svg = paths.read_text("utf-8")
    assert "<text" not in svg and "DejaVu" not in svg
    assert "<text" in texts.read_text("utf-8")

    def render(path) -> QImage:
        renderer = QSvgRenderer(str(path))
        size = renderer.defaultSize()
        image = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image

    a, b = render(texts), render(paths)
    assert a.size() == b.size()
    # The header's title and persona line: the same rows hold ink in both pictures.
    width = min(500, a.width())
    rows_a = [y for y in range(8, 70) if _ink_rows(a, 18, width, y, y + 1)]
    rows_b = [y for y in range(8, 70) if _ink_rows(b, 18, width, y, y + 1)]
    assert len(rows_a) >= 15
    assert abs(len(rows_a) - len(rows_b)) <= 3
    assert abs(rows_a[0] - rows_b[0]) <= 1
