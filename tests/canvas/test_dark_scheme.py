"""The dark palette reaches the canvas: dark paper, and every text at 4.5:1 or more (WCAG AA).

The canvas follows its palette (the system's scheme, applied by ``ui/palette.py``):
these tests give the canvas the dark palette, render the whole map, and measure
each text block's colour against the colour most common under it (the fill the
text sits on), so a light label on light paper or dark text on a dark card fails.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice

from jmapper.style import DARK_STYLE, DEFAULT_STYLE, Style, contrast_ratio
from jmapper.ui.palette import build_palette
from tests.canvas.conftest import make_ctx

AA = 4.5
SCALE = 1.5


def _pil(image) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")


def _background(picture: Image.Image, rect) -> str:
    """The most common colour in ``rect`` (points): the fill under the text."""
    box = (
        round(rect.x * SCALE),
        round(rect.y * SCALE),
        round(rect.right * SCALE),
        round(rect.bottom * SCALE),
    )
    colours = picture.crop(box).getcolors(maxcolors=1 << 20) or []
    _count, (r, g, b) = max(colours)
    return f"#{r:02X}{g:02X}{b:02X}"


@pytest.mark.parametrize("style", [DEFAULT_STYLE, DARK_STYLE], ids=["light", "dark"])
def test_text_set_on_the_paper_and_labels_keeps_aa_contrast(style: Style) -> None:
    """Labels drawn outside text blocks (emotion values and scale, headers) read too."""
    pairs = {
        "label on paper": (style.label_text_colour, style.paper),
        "label on label column": (style.label_text_colour, style.label_fill),
        "step label": (style.label_text_colour, style.step_header_fill),
        "stage label": (style.header_text_colour, style.header_fill),
        "emotion scale": (style.scale_text_colour, style.paper),
        "card text": (style.text_colour, style.card_fill),
        "opportunity text": (style.text_colour, style.opportunity_fill),
        **{
            f"card on {kind.value}": (style.text_colour, tint)
            for kind, tint in style.lane_tints.items()
        },
    }
    for name, (text, fill) in pairs.items():
        assert contrast_ratio(text, fill) >= AA, (name, text, fill)


@pytest.mark.parametrize("key", ["support_blueprint", "support_request_future"])
def test_the_dark_palette_darkens_the_canvas_and_every_text_reads(
    qtbot, library, render_dir: Path, key: str
) -> None:
    ctx = make_ctx(qtbot, library, key)
    canvas = ctx.canvas
    light_layout = canvas.projection.layout
    canvas.setPalette(build_palette(True))
    assert canvas.dark_scheme()
    assert canvas.map_style.paper == DARK_STYLE.paper
    assert canvas.scene().backgroundBrush().color().name().upper() == DARK_STYLE.canvas_fill
    canvas.grab().save(str(render_dir / f"dark_canvas_{key}.png"))
    picture = _pil(canvas.render_map(SCALE))
    picture.save(str(render_dir / f"dark_map_{key}.png"))
    layout = canvas.projection.layout
    # the sheet is dark where no card is: the top-left of the first lane's cell band
    lane = layout.lanes[0]
    corner = picture.getpixel(
        (round((layout.grid.x + 2) * SCALE), round((lane.rect.y + 2) * SCALE))
    )
    assert sum(corner) < 3 * 80, corner
    blocks = [*layout.text_runs, *(link.label for link in layout.links if link.label)]
    checked = 0
    for block in blocks:
        if not block.lines or block.rect.w * SCALE < 4 or block.rect.h * SCALE < 4:
            continue
        fill = _background(picture, block.rect)
        assert contrast_ratio(block.colour, fill) >= AA, (block.role, block.colour, fill)
        checked += 1
    assert checked >= 40

    # Back to the light palette: the same layout as before, on light paper.
    canvas.setPalette(build_palette(False))
    assert not canvas.dark_scheme()
    assert canvas.projection.layout == light_layout
    assert ctx.steps == 0


def test_presenting_in_the_dark_scheme_stays_dark(qtbot, library, render_dir: Path) -> None:
    ctx = make_ctx(qtbot, library, "support_blueprint")
    canvas = ctx.canvas
    canvas.setPalette(build_palette(True))
    canvas.resize(1920, 1080)
    canvas.set_presentation(True)
    assert canvas.map_style.paper == DARK_STYLE.paper
    assert canvas.map_style.body_size > DEFAULT_STYLE.body_size
    canvas.grab().save(str(render_dir / "dark_presenting.png"))
    canvas.set_presentation(False)
    assert canvas.map_style == DARK_STYLE
