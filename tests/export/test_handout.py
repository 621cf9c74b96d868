"""Handouts: the map in readable pages on everyday paper, read back from the PDF.

Every figure is read from the written file (pdfium: each character's printed
size and the page's text), so what a reader holds is what is checked.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from pypdf import PdfReader

from jmapper.export import ExportError, ExportOptions, export_pdf
from jmapper.export.options import MM, PAPER_SIZES
from jmapper.layout import compute_layout
from jmapper.templates import build_samples
from tests.export.printed import read_pages
from tests.layout.maps import make_map

SAMPLES = list(build_samples())


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("paper", ["A4", "A3"])
@pytest.mark.parametrize("bundle", SAMPLES, ids=lambda b: b.map.title[:20])
def test_every_sample_prints_readably_on_every_page(bundle, paper, tmp_path) -> None:
    out = tmp_path / "handout.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper=paper, mode="handout"))
    pages = read_pages(out)
    assert len(pages) == result.pages > 1
    layout = compute_layout(bundle)
    for number, page in enumerate(pages, start=1):
        assert page.smallest >= 6 - 1e-6, f"page {number}: {page.smallest:.2f} pt"
        text = page.squashed()
        assert f"page {number} of {len(pages)}" in text
        assert _words(bundle.map.title) in text, f"page {number} has no map header"
    # Card text at 7 pt or more, each card on a page that shows its column.
    for card in layout.cards.values():
        first = card.title.lines[0].text
        sizes = [s for page in pages for s in page.sizes_of(first)]
        assert sizes and min(sizes) >= 7, (first, sizes)
        if card.body is not None:
            body = card.body.lines[0].text
            sizes = [s for page in pages for s in page.sizes_of(body)]
            assert sizes and min(sizes) >= 7, (body, sizes)
    # The pages cover every column and every lane; each page repeats its lanes' labels.
    windows = result.handout_windows
    columns = {c for w in windows for c in range(w[0], w[1] + 1)}
    lanes = {lane for w in windows for lane in range(w[2], w[3] + 1)}
    assert columns == set(range(len(layout.columns)))
    assert lanes == set(range(len(layout.lanes)))
    for page, (_c0, _c1, l0, l1) in zip(pages, windows, strict=False):
        text = page.squashed()
        for lane in layout.lanes[l0 : l1 + 1]:
            assert _words(lane.label.lines[0].text) in text
        for emotion in layout.emotion:
            index = next(
                i for i, lane in enumerate(layout.lanes) if lane.lane_id == emotion.lane_id
            )
            if l0 <= index <= l1:  # the scale stands at every page's left edge
                assert all(label in text for _v, _y, label in emotion.ticks if label != "0")
    # Legend and title block whole, once, on the first or last page.
    holding = [i for i, page in enumerate(pages) if "PREPARED FOR" in page.text]
    assert holding in ([0], [len(pages) - 1])
    assert "Emotion" in pages[holding[0]].text


def test_a_stage_split_across_pages_says_so_and_names_itself_on_both(tmp_path) -> None:
    bundle = make_map(stages=2, steps_per_stage=5)
    out = tmp_path / "split.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper="A4", mode="handout"))
    pages = read_pages(out)
    layout = compute_layout(bundle)
    stage = layout.stages[0]
    name = _words(stage.label.lines[0].text)
    showing = [
        page.squashed()
        for page, w in zip(pages, result.handout_windows, strict=False)
        if layout.columns[w[0]].stage_id == stage.stage_id
        or layout.columns[w[1]].stage_id == stage.stage_id
    ]
    assert len(showing) >= 2
    assert all(name in text for text in showing)
    assert "continues \u2192" in showing[0] and "\u2190 continued" in showing[-1]


@pytest.mark.parametrize("paper", ["A4", "A3", "Letter", "Tabloid"])
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_handouts_on_everyday_papers_in_both_orientations(paper, orientation, tmp_path) -> None:
    out = tmp_path / "h.pdf"
    bundle = SAMPLES[2]
    export_pdf(bundle, out, ExportOptions(paper=paper, orientation=orientation, mode="handout"))
    w, h = sorted(PAPER_SIZES[paper])
    if orientation == "landscape":
        w, h = h, w
    for page in PdfReader(str(out)).pages:
        assert float(page.mediabox.width) == pytest.approx(w * MM, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(h * MM, abs=0.01)
    assert min(page.smallest for page in read_pages(out)) >= 6 - 1e-6


def test_handout_defaults_to_a4_and_keeps_extra_pages(tmp_path) -> None:
    out = tmp_path / "h.pdf"
    result = export_pdf(
        SAMPLES[0],
        out,
        ExportOptions(mode="handout", pages=("map", "actions", "matrix", "persona")),
    )
    assert result.paper == "A4"
    pages = read_pages(out)
    text = " ".join(page.squashed() for page in pages)
    assert "Action plan" in text and "Priority matrix" in text
    assert min(page.smallest for page in pages) >= 6 - 1e-6, "extra pages are readable too"


def test_a_page_too_small_for_one_readable_column_is_refused(tmp_path) -> None:
    out = tmp_path / "h.pdf"
    with pytest.raises(ExportError, match="too narrow"):
        export_pdf(
            SAMPLES[0],
            out,
            ExportOptions(custom_mm=(120, 400), orientation="portrait", mode="handout"),
        )
    assert not out.exists()


def test_the_advice_counts_the_pages_the_export_writes(tmp_path) -> None:
    from jmapper.export.advice import print_advice

    bundle = SAMPLES[2]
    for options in (
        ExportOptions(paper="A4"),  # a fit on A4, the handout proposed on A4
        ExportOptions(paper="A2", mode="handout"),  # a handout on the paper chosen
        ExportOptions(paper="A3", orientation="portrait", mode="handout"),
    ):
        advice = print_advice(bundle, options)
        written = export_pdf(bundle, tmp_path / "h.pdf", replace(options, mode="handout"))
        assert advice.handout_paper == options.paper
        assert advice.handout_pages == written.pages
        assert f"{written.pages} {options.paper} pages" in advice.handout_sentence()
    fit = print_advice(bundle, ExportOptions(paper="A4"))
    assert fit.fit_unreadable and "too small to read" in fit.sentence()
