"""PNG and SVG through Qt, painted from the same layout."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402

from jmapper.layout import compute_layout  # noqa: E402
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
