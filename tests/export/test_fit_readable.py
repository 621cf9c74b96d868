"""Fit mode tells the truth about small type and, by default, picks a readable sheet.

The figures are read back from the written PDF (every character's printed size),
not from the layout, so text the drawing adds (emotion scale values, badge
codes, title block labels) counts.
"""

from __future__ import annotations

import math
import re

import pytest

from jmapper.export import ExportOptions, export_pdf
from jmapper.export.fit import DEFAULT_PAPERS
from jmapper.templates import build_samples
from tests.export.printed import smallest_per_page
from tests.layout.maps import make_map

SAMPLES = list(build_samples())


@pytest.mark.parametrize("bundle", SAMPLES, ids=lambda b: b.map.title[:20])
def test_the_warning_quotes_the_smallest_text_on_the_page(bundle, tmp_path) -> None:
    out = tmp_path / "fit.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper="A3"))
    printed = smallest_per_page(out)[0]
    assert result.smallest_text_pt == pytest.approx(printed, abs=0.01)
    assert printed < 5, "an A3 fit of a sample is expected to be too small to read"
    quoted = float(re.search(r"prints at (\d+\.\d) pt", result.warnings[0]).group(1))
    # Never rounded up above what is printed, and within a tenth of it.
    assert quoted <= printed < quoted + 0.1 + 1e-9, (quoted, printed)


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
@pytest.mark.parametrize("bundle", SAMPLES, ids=lambda b: b.map.title[:20])
def test_default_paper_is_the_smallest_that_prints_5_pt(bundle, orientation, tmp_path) -> None:
    out = tmp_path / "auto.pdf"
    result = export_pdf(bundle, out, ExportOptions(orientation=orientation))
    assert not result.warnings
    assert smallest_per_page(out)[0] >= 5 - 1e-6
    index = DEFAULT_PAPERS.index(result.paper)
    assert index > 0, "every sample is too wide to read on A4"
    smaller = tmp_path / "smaller.pdf"
    export_pdf(
        bundle, smaller, ExportOptions(paper=DEFAULT_PAPERS[index - 1], orientation=orientation)
    )
    assert smallest_per_page(smaller)[0] < 5, f"{DEFAULT_PAPERS[index - 1]} would have done"


def test_a_small_map_defaults_to_a4_and_a_huge_one_to_a0_with_a_warning(tmp_path) -> None:
    portrait = ExportOptions(orientation="portrait")
    small = export_pdf(make_map(stages=2, steps_per_stage=1), tmp_path / "s.pdf", portrait)
    assert small.paper == "A4" and not small.warnings
    assert smallest_per_page(tmp_path / "s.pdf")[0] >= 5
    huge = export_pdf(make_map(stages=40, steps_per_stage=3), tmp_path / "h.pdf")
    assert huge.paper == "A0"
    assert huge.warnings and "handout" in huge.warnings[0]
    assert math.isclose(
        huge.smallest_text_pt, smallest_per_page(tmp_path / "h.pdf")[0], abs_tol=0.01
    )
