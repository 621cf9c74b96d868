"""The PDF as a reader gets it: sizes, text, fonts, pixels, tiles, failures."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from jmapper.export import PAPER_SIZES, ExportError, ExportOptions, export_pdf
from jmapper.export.options import MM
from jmapper.layout import compute_layout
from jmapper.model.enums import BlueprintLineKind, MapType
from jmapper.templates import build_samples
from tests.layout.maps import make_map

SAMPLES = list(build_samples())
ALL_MAPS = [make_map(t) for t in MapType] + SAMPLES


def _text(path) -> str:
    reader = PdfReader(str(path))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("bundle", ALL_MAPS, ids=lambda b: f"{b.map.map_type}-{b.map.title[:20]}")
def test_every_map_prints_its_words_with_embedded_fonts(bundle, tmp_path) -> None:
    out = tmp_path / "map.pdf"
    result = export_pdf(bundle, out, ExportOptions(pages=("map", "actions", "matrix", "persona")))
    reader = PdfReader(str(out))
    assert len(reader.pages) == result.pages >= 4
    text = _text(out)
    words = [c.title for c in bundle.cards.values()]
    words += [s.name for s in bundle.stages.values()]
    words += [lane.name for lane in bundle.lanes.values() if lane.visible]
    for word in words:
        assert _squash(word) in text, word
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]


@pytest.mark.parametrize("paper", sorted(PAPER_SIZES))
def test_pages_have_exactly_the_requested_size(paper, journey_bundle, tmp_path) -> None:
    out = tmp_path / "p.pdf"
    export_pdf(journey_bundle, out, ExportOptions(paper=paper, pages=("map", "actions")))
    w, h = PAPER_SIZES[paper]
    for page in PdfReader(str(out)).pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(max(w, h) * MM, abs=0.01)
        assert float(box.height) == pytest.approx(min(w, h) * MM, abs=0.01)


def test_custom_size_portrait_and_default_sizes(journey_bundle, tmp_path) -> None:
    out = tmp_path / "c.pdf"
    export_pdf(journey_bundle, out, ExportOptions(custom_mm=(500, 300), orientation="portrait"))
    box = PdfReader(str(out)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((300 * MM, 500 * MM), abs=0.01)
    # With no paper named, a wider map takes a larger sheet (tests/export/test_fit_readable.py).
    papers = [export_pdf(make_map(stages=n, steps_per_stage=2), out).paper for n in (2, 5, 9, 14)]
    order = ["A4", "A3", "A2", "A1", "A0"]
    assert [order.index(p) for p in papers] == sorted(order.index(p) for p in papers)
    assert papers[0] != papers[-1]


def test_any_script_round_trips_and_markup_prints_literally(journey_bundle, tmp_path) -> None:
    cards = list(journey_bundle.cards.values())
    cards[0].title = "Café – naïve ✓ 日本 Ørsted"
    cards[1].title = "<b>&amp;"
    cards[2].description = "Tom & Jerry <i>say</i> 你好，世界"
    out = tmp_path / "u.pdf"
    export_pdf(journey_bundle, out)
    text = _text(out)
    assert "Café – naïve ✓ 日本 Ørsted" in text
    assert "<b>&amp;" in text
    assert "Tom & Jerry <i>say</i>" in text and "你好" in text
    fonts = {
        str(f.get_object()["/BaseFont"])
        for f in PdfReader(str(out)).pages[0]["/Resources"]["/Font"].values()
    }
    assert any("DroidSansFallback" in f for f in fonts), fonts


def test_a_600_character_card_fits_and_prints(journey_bundle, tmp_path) -> None:
    card = next(iter(journey_bundle.cards.values()))
    card.description = ("The customer explains the whole story again to a new agent " * 12)[:600]
    layout = compute_layout(journey_bundle)
    box = layout.cards[card.id]
    assert box.body is not None and box.body.fits
    out = tmp_path / "long.pdf"
    export_pdf(journey_bundle, out)
    assert _squash(card.description[:120]) in _text(out)


def _render(path, index: int, scale: float):
    pdf = pdfium.PdfDocument(str(path))
    return pdf[index].render(scale=scale).to_pil().convert("RGB")


def _near(colour, target, tol=60) -> bool:
    return sum(abs(a - b) for a, b in zip(colour, target, strict=True)) <= tol


def test_emotion_faces_render_where_the_layout_puts_them(journey_bundle, tmp_path) -> None:
    out = tmp_path / "e.pdf"
    result = export_pdf(journey_bundle, out, ExportOptions(paper="A1"))
    layout = compute_layout(journey_bundle)
    curve = next(c for c in layout.emotion[0].curves if c.primary)
    k = 2.0
    image = _render(out, 0, k)
    ox, oy = result.map_origin
    s = result.map_scale
    blue = (0x00, 0x72, 0xB2)
    for mark in curve.marks:
        cx, cy = (ox + mark.x * s) * k, (oy + mark.y * s) * k
        ring = mark.radius * s * k
        hits = [
            image.getpixel((round(cx + dx), round(cy + dy)))
            for dx in range(-int(ring) - 2, int(ring) + 3)
            for dy in (-int(ring) - 1, -int(ring), -int(ring) + 1)
        ]
        assert any(_near(p, blue) for p in hits), f"no face ring at value {mark.value}"
        # The face's white inside sits exactly at the layout's point.
        assert _near(image.getpixel((round(cx), round(cy))), (255, 255, 255), 90)


def test_blueprint_lines_render_in_order_heaviest_visibility(blueprint_bundle, tmp_path) -> None:
    out = tmp_path / "b.pdf"
    result = export_pdf(blueprint_bundle, out, ExportOptions(paper="A1"))
    layout = compute_layout(blueprint_bundle)
    k = 3.0
    image = _render(out, 0, k)
    ox, oy = result.map_origin
    s = result.map_scale
    x = round((ox + (layout.width - 3) * s) * k)
    thickness = {}
    ys = []
    for line in layout.blueprint_lines:
        cy = (oy + line.y * s) * k
        dark = [y for y in range(round(cy) - 8, round(cy) + 9) if sum(image.getpixel((x, y))) < 200]
        assert dark, f"{line.kind} not drawn"
        thickness[line.kind] = len(dark)
        ys.append((cy, line.kind))
    assert [kind for _y, kind in sorted(ys)] == list(BlueprintLineKind)
    assert thickness[BlueprintLineKind.VISIBILITY] > thickness[BlueprintLineKind.INTERACTION]


def test_fit_warns_when_type_gets_too_small(tmp_path) -> None:
    bundle = make_map(stages=12, steps_per_stage=3)
    result = export_pdf(bundle, tmp_path / "w.pdf", ExportOptions(paper="A4"))
    assert result.warnings and "tile mode" in result.warnings[0]


def test_tiles_overlap_and_carry_marks_and_labels(journey_bundle, tmp_path) -> None:
    out = tmp_path / "t.pdf"
    options = ExportOptions(paper="A4", mode="tile", overlap_mm=12)
    result = export_pdf(journey_bundle, out, options)
    rows, cols = result.tile_grid
    assert rows * cols == result.pages > 1 and cols > 1
    overlap = 12 * MM
    first, second = result.tiles[0], result.tiles[1]
    assert first[0] + first[2] - second[0] == pytest.approx(overlap)
    if rows > 1:
        below = result.tiles[cols]
        assert first[1] + first[3] - below[1] == pytest.approx(overlap)
    reader = PdfReader(str(out))
    for number, page in enumerate(reader.pages):
        r, c = divmod(number, cols)
        text = _squash(page.extract_text())
        sheet = f"sheet {number + 1} of {rows * cols}: row {r + 1}, column {c + 1}"
        assert sheet in text, text
        w, h = PAPER_SIZES["A4"]
        assert float(page.mediabox.width) == pytest.approx(h * MM, abs=0.01)
    k = 2.0
    a, b = _render(out, 0, k), _render(out, 1, k)
    m = options.margin_mm * MM
    right_strip = a.crop(
        (
            round((m + first[2] - overlap) * k),
            round(m * k),
            round((m + first[2]) * k),
            round((m + first[3]) * k),
        )
    )
    left_strip = b.crop(
        (round(m * k), round(m * k), round((m + overlap) * k), round((m + first[3]) * k))
    )
    size = (min(right_strip.width, left_strip.width), min(right_strip.height, left_strip.height))
    diff = [
        abs(p - q)
        for p, q in zip(
            right_strip.resize(size).tobytes(), left_strip.resize(size).tobytes(), strict=True
        )
    ]
    assert sum(diff) / len(diff) < 12, "neighbouring sheets do not repeat the overlap strip"
    assert len(set(right_strip.tobytes())) > 5, "the overlap strip is blank"
    # crop marks: dark pixels just outside each corner of the printable area
    for cx, cy in ((m - 3 * MM, m), (m, m - 3 * MM)):
        assert sum(a.getpixel((round(cx * k), round(cy * k)))) < 600


def test_tiled_sheets_share_one_poster_form_with_extractable_text(journey_bundle, tmp_path) -> None:
    out = tmp_path / "t.pdf"
    result = export_pdf(journey_bundle, out, ExportOptions(paper="A4", mode="tile"))
    reader = PdfReader(str(out))
    forms = set()
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        forms |= {ref.idnum for ref in xobjects.values()}
        text = _squash(page.extract_text())
        for card in journey_bundle.cards.values():
            assert _squash(card.title) in text, card.title
    assert result.pages > 1 and len(forms) == 2, "map and sheet marks are drawn once each"


def test_branding_logo_accent_and_no_vendor_mark(journey_bundle, tmp_path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 40), (200, 30, 30)).save(logo)
    out = tmp_path / "brand.pdf"
    export_pdf(
        journey_bundle,
        out,
        ExportOptions(logo_path=str(logo), organisation="Blue Fox Ltd", accent_colour="#CC79A7"),
    )
    text = _text(out)
    assert "Blue Fox Ltd" in text and "jmapper" not in text.lower()
    export_pdf(journey_bundle, out, ExportOptions(show_vendor_mark=True))
    assert "jmapper" in _text(out).lower()
    with pytest.raises(ExportError, match="logo"):
        export_pdf(journey_bundle, out, ExportOptions(logo_path=str(tmp_path / "none.png")))


def test_action_plan_and_matrix_pages(journey_bundle, tmp_path) -> None:
    out = tmp_path / "a.pdf"
    result = export_pdf(journey_bundle, out, ExportOptions(pages=("actions", "matrix")))
    assert result.pages == 2
    reader = PdfReader(str(out))
    plan = _squash(reader.pages[0].extract_text())
    assert "Action plan" in plan and "Proactive delay SMS" in plan and "Ops lead" in plan
    assert re.search(r"Quick win", plan)
    matrix = _squash(reader.pages[1].extract_text())
    for quadrant in ("Quick win", "Big bet", "Fill-in", "Money pit"):
        assert quadrant in matrix
    assert "Rebuild checkout" in matrix
