"""The metrics lane prints as it shows: names, figures, changes in words and arrow shapes."""

from __future__ import annotations

import pypdfium2 as pdfium
from pypdf import PdfReader

from jmapper.export import ExportOptions, export_pdf
from jmapper.layout import compute_layout
from jmapper.layout.metrics import ARROW_FILLS
from jmapper.templates.samples import build_sample


def _text(path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def test_the_pdf_prints_each_tile_and_draws_its_arrow(tmp_path) -> None:
    bundle = build_sample("support_request")
    out = tmp_path / "m.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper="A1"))
    text = _text(out)
    for words in (
        "Whole journey",
        "Relationship NPS",
        "+4.5 better since baseline -19.4",
        "-2 better since baseline 31%",
        "Target 70% by 2025-Q4",
        "Up since baseline",  # the legend explains the arrows
    ):
        assert words in text, words
    layout = compute_layout(bundle)
    k = 3.0
    pdf = pdfium.PdfDocument(str(out))
    image = pdf[0].render(scale=k).to_pil().convert("RGB")
    ox, oy = result.map_origin
    s = result.map_scale
    arrows = [t for t in layout.metric_tiles if t.arrow is not None]
    assert {t.direction for t in arrows} == {"up", "down"}
    for tile in arrows:
        # A point inside the triangle, a third of the way from its base: the arrow's fill.
        rect = tile.arrow
        y = rect.y + rect.h * (0.66 if tile.direction == "up" else 0.33)
        x, y = (ox + rect.centre[0] * s) * k, (oy + y * s) * k
        pixel = image.getpixel((round(x), round(y)))
        want = _rgb(ARROW_FILLS[tile.improved])
        assert sum(abs(a - b) for a, b in zip(pixel, want, strict=True)) < 60, (tile, pixel)
