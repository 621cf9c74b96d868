"""Extra pages use their space: a full action plan, a readable matrix, every persona.

Read back from the written PDF: text and printed sizes with pdfium, images with pypdf.
"""

from __future__ import annotations

import base64
import io
from dataclasses import replace
from datetime import date

from PIL import Image
from pypdf import PdfReader

from jmapper.export import ExportOptions, export_pdf
from jmapper.model.entities import Opportunity
from jmapper.model.enums import OpportunityStatus
from jmapper.templates import build_samples
from tests.export.printed import read_pages
from tests.layout.maps import make_map


def _photo() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "#D55E00").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def test_one_page_per_persona_primary_first_with_the_photo(tmp_path) -> None:
    bundle = make_map()
    primary = bundle.personas[bundle.map.primary_persona_id]
    bundle.personas[primary.id] = replace(primary, photo=_photo())
    overlays = [bundle.personas[i] for i in bundle.map.overlay_persona_ids]
    assert overlays, "the test map has an overlay persona"
    out = tmp_path / "p.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper="A3", pages=("persona",)))
    assert result.pages == 1 + len(overlays)
    pages = read_pages(out)
    assert primary.name in pages[0].squashed() and "Primary persona" in pages[0].squashed()
    for page, persona in zip(pages[1:], overlays, strict=True):
        assert persona.name in page.squashed() and "Overlay persona" in page.squashed()
        assert "No photo yet" in page.squashed()
    reader = PdfReader(str(out))
    assert len(reader.pages[0].images) == 1, "the primary persona's photo is on its page"
    assert len(reader.pages[1].images) == 0


def _opportunity(bundle, title: str, impact: int, feasibility: int, **extra) -> Opportunity:
    return Opportunity(
        map_id=bundle.map.id, title=title, impact=impact, feasibility=feasibility, **extra
    )


def test_the_action_plan_is_a_full_table_sorted_by_priority_and_fills_the_page(tmp_path) -> None:
    bundle = make_map()
    for opp in list(bundle.opportunities.values()):
        del bundle.opportunities[opp.id]
    rows = [
        _opportunity(bundle, "Money pit item", 1, 1),
        _opportunity(
            bundle,
            "Quick win item",
            5,
            4,
            owner="Ops lead",
            metric="Repeat contacts",
            baseline="18%",
            target="9%",
            due_date=date(2027, 3, 1),
            status=OpportunityStatus.PLANNED,
            votes=6,
            reach=1000,
            confidence=0.5,
            effort=2.0,
        ),
        _opportunity(bundle, "Fill-in item", 2, 5),
        _opportunity(bundle, "Big bet item", 5, 1),
    ]
    for opp in rows:
        bundle.add(opp)
    out = tmp_path / "a.pdf"
    export_pdf(bundle, out, ExportOptions(paper="A3", pages=("actions",)))
    page = read_pages(out)[0]
    text = page.squashed()
    for header in ("Owner", "Metric: baseline \u2192 target", "Due", "Status", "Scores"):
        assert header in text
    order = [
        text.index(f"{kind} item") for kind in ("Quick win", "Big bet", "Fill-in", "Money pit")
    ]
    assert order == sorted(order)
    assert "18% \u2192 9%" in text and "2027-03-01" in text and "Planned" in text
    assert "Impact x feas. 5 x 4 = 20" in text and "RICE 1,250" in text
    assert "6 votes" in text  # the room's dot votes print with the scores
    # Four rows on an A3 page print large, not at the 8 pt minimum.
    assert min(page.sizes_of("Quick win item")) >= 11


def test_a_long_action_plan_continues_at_the_smallest_table_size(tmp_path) -> None:
    bundle = make_map()
    for n in range(60):
        bundle.add(_opportunity(bundle, f"Opportunity number {n:02d}", 1 + n % 5, 1 + n % 3))
    out = tmp_path / "long.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper="A3", pages=("actions",)))
    assert result.pages >= 2
    pages = read_pages(out)
    text = " ".join(page.squashed() for page in pages)
    assert all(f"Opportunity number {n:02d}" in text for n in range(60))
    assert "continued, part 2" in pages[1].squashed()
    assert min(page.smallest for page in pages) >= 6 - 1e-6


def test_the_matrix_names_every_scored_opportunity_readably(tmp_path) -> None:
    for bundle in build_samples():
        out = tmp_path / "m.pdf"
        export_pdf(bundle, out, ExportOptions(paper="A3", pages=("matrix",)))
        page = read_pages(out)[0]
        text = page.squashed()
        scored = [o for o in bundle.opportunities.values() if o.impact and o.feasibility]
        for opp in scored:
            first = " ".join(opp.title.split()[:3])
            assert first in text, (bundle.map.title, opp.title)
            assert min(page.sizes_of(first)) >= 9
        assert "more in the action plan" not in text
        assert page.smallest >= 6 - 1e-6
