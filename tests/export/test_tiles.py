"""Tiles without waste: no blank sheet, the key pieces whole on one sheet, lane labels on all.

Read back from the written PDF: each sheet is rasterised (pypdfium2) and its ink
counted inside the margins; text and character boxes come from pdfium.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from jmapper.export import ExportOptions, export_pdf
from jmapper.export.options import MM
from jmapper.layout import compute_layout
from jmapper.templates import build_samples
from tests.export.printed import read_pages
from tests.layout.maps import make_map

SAMPLES = list(build_samples())
MARGIN = ExportOptions().margin_mm * MM


def _ink_inside_margins(path, scale: float = 0.5) -> list[float]:
    """Per page, the share of pixels inside the margins that are not white."""
    doc = pdfium.PdfDocument(str(path))
    shares = []
    try:
        for index in range(len(doc)):
            image = doc[index].render(scale=scale).to_pil().convert("L")
            m = round(MARGIN * scale)
            inner = image.crop((m, m, image.width - m, image.height - m))
            histogram = inner.histogram()  # 256 grey levels
            shares.append(sum(histogram[:235]) / (inner.width * inner.height))
    finally:
        doc.close()
    return shares


def _inside(box, pw: float, ph: float) -> bool:
    left, top, right, bottom = box
    return (
        left >= MARGIN - 0.5
        and top >= MARGIN - 0.5
        and right <= pw - MARGIN + 0.5
        and bottom <= ph - MARGIN + 0.5
    )


@pytest.mark.parametrize("paper", ["A3", "A4"])
@pytest.mark.parametrize("bundle", SAMPLES, ids=lambda b: b.map.title[:20])
def test_no_blank_sheet_and_the_key_whole_on_one_sheet(bundle, paper, tmp_path) -> None:
    out = tmp_path / "tiles.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper=paper, mode="tile"))
    shares = _ink_inside_margins(out)
    assert len(shares) == result.pages
    assert min(shares) > 0.01, [round(s, 3) for s in shares]
    pages = read_pages(out)
    pw, ph = result.page_size_pt
    # The title block: on exactly one sheet, every character inside its printable area.
    holding = [i for i, page in enumerate(pages) if "PREPARED FOR" in page.text]
    assert len(holding) == 1
    page = pages[holding[0]]
    for words in ("PREPARED FOR", "LAST REVIEWED", "SHEET", "pages in all"):
        boxes = page.boxes_of(words)
        assert boxes and all(_inside(b, pw, ph) for b in boxes), words
    # The legend likewise, never split.
    legend = [i for i, page in enumerate(pages) if "Above neutral" in page.text]
    assert len(legend) == 1
    boxes = pages[legend[0]].boxes_of("Above neutral")
    assert all(_inside(b, pw, ph) for b in boxes)
    # Sheets that do not start the map name their lanes in the left margin, their stages
    # in the top margin.
    rows, cols = result.tile_grid
    layout = compute_layout(bundle)
    for sheet in range(rows * cols):
        r, c = divmod(sheet, cols)
        if r > 0:
            top_text = pages[sheet].text_within(0, 0, pw, MARGIN)
            tile = result.tiles[sheet]
            for stage in layout.stages:
                left = result.map_origin[0] + stage.rect.x - tile[0]
                if left >= MARGIN and left + stage.rect.w <= pw - MARGIN:
                    first = stage.label.lines[0].text.split()[0]
                    assert first in top_text, (sheet, first, top_text)
        if c == 0:
            continue
        margin_text = pages[sheet].text_within(0, 0, MARGIN, ph)
        tile = result.tiles[sheet]
        origin_y = result.map_origin[1]
        for lane in layout.lanes:
            top = origin_y + lane.rect.y - tile[1]
            bottom = top + lane.rect.h
            if top >= MARGIN + 6 * MM and bottom <= ph - MARGIN - 6 * MM and lane.rect.h > 60:
                name = " ".join(line.text for line in lane.label.lines)
                assert name.split()[0] in margin_text, (sheet, name, margin_text)


def test_a_map_smaller_than_a_sheet_is_one_sheet_with_its_key(tmp_path) -> None:
    out = tmp_path / "one.pdf"
    result = export_pdf(
        make_map(stages=2, steps_per_stage=1), out, ExportOptions(paper="A3", mode="tile")
    )
    assert result.tile_grid == (1, 1) and result.pages == 1
    assert result.tile_key_sheets == (0, 0)
    text = read_pages(out)[0].text
    assert "PREPARED FOR" in text and "Above neutral" in text


def test_with_no_room_on_the_grid_the_key_gets_a_sheet_of_its_own(tmp_path) -> None:
    out = tmp_path / "key.pdf"
    bundle = SAMPLES[1]
    result = export_pdf(bundle, out, ExportOptions(paper="A4", mode="tile"))
    rows, cols = result.tile_grid
    pages = read_pages(out)
    if -1 not in result.tile_key_sheets:
        pytest.skip("this sample's key found room on the grid")
    assert result.pages == rows * cols + 1
    assert "key sheet (not part of the assembly)" in pages[-1].squashed()
    assert "PREPARED FOR" in pages[-1].text
    assert all("PREPARED FOR" not in page.text for page in pages[:-1])


def test_a_grid_the_map_fills_has_no_room_for_the_key() -> None:
    from jmapper.export.furniture import Piece
    from jmapper.export.tiles import place_key, tile_grid

    grid = tile_grid(2000, 1000, 800, 560, 28)
    covered_w = grid.cols * grid.step_w + grid.overlap
    covered_h = grid.rows * grid.step_h + grid.overlap
    block = Piece(270, 200, [])
    legend = Piece(300, 100, [lambda painter: None])
    full = place_key(grid, covered_w, covered_h, block, lambda width: legend)
    assert full[0] is None and full[1] is None
    # A map that leaves the bottom row half empty takes both pieces there, apart.
    block_at, legend_at, _legend = place_key(
        grid, 2000, grid.step_h + 100, block, lambda width: legend
    )
    assert block_at is not None and legend_at is not None
    assert block_at.y >= grid.step_h + 100 and legend_at.y >= grid.step_h + 100
    assert legend_at.x + legend.w < block_at.x or legend_at.sheet != block_at.sheet
