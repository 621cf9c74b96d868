"""The per-stage "backed by data" badge prints as it shows, and the legend says what it means."""

from __future__ import annotations

from pypdf import PdfReader

from jmapper.export import ExportOptions, export_pdf
from jmapper.layout import compute_layout
from jmapper.model.enums import MapType
from jmapper.services.library import build_map


def test_stages_without_data_print_no_data(tmp_path) -> None:
    bundle = build_map("Bare", MapType.CURRENT_STATE, stage_preset="short_lifecycle")
    first = bundle.ordered_stages()[0]
    first.data_sources = ["Exit survey", "CRM"]
    layout = compute_layout(bundle)
    codes = [s.evidence.code for s in layout.stages if s.evidence is not None]
    assert codes == ["Data 2", "No data", "No data", "No data", "No data"]
    for stage in layout.stages:
        assert stage.evidence is not None and stage.rect.contains(stage.evidence.rect)
        assert not stage.evidence.rect.intersects(stage.label.rect) or all(
            line.x + line.width <= stage.evidence.rect.x for line in stage.label.lines
        )
    out = tmp_path / "bare.pdf"
    export_pdf(bundle, out, ExportOptions(paper="A3"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert text.count("No data") >= 4 and "Data 2" in text
    assert "Stage resting on no data" in text and "Stage backed by" in text


def test_open_comments_print_as_numbered_bubbles_with_a_legend(tmp_path) -> None:
    from jmapper.templates import MapBuilder

    bundle = build_map("Bare", MapType.CURRENT_STATE, stage_preset="short_lifecycle")
    stage = bundle.ordered_stages()[2]
    b = MapBuilder(bundle)
    for text in ("Who owns this?", "Check the numbers", "Ask legal"):
        b.comment(stage, "Sam", text, "2025-06-01T10:00:00")
    layout = compute_layout(bundle)
    box = next(s for s in layout.stages if s.stage_id == stage.id)
    assert box.comments is not None and box.comments.code == "3"
    out = tmp_path / "comments.pdf"
    export_pdf(bundle, out, ExportOptions(paper="A3"))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "Number of open comments on it" in text  # the legend explains the bubble
