"""Title block and legend as the client reads them: who the map is for and by, no cut words."""

from __future__ import annotations

from pypdf import PdfReader

from jmapper.export import ExportOptions, export_pdf
from jmapper.export.furniture import wrap_lines
from jmapper.layout import compute_layout
from jmapper.layout.priority import BIG_BET, FILL_IN, MONEY_PIT, QUICK_WIN
from jmapper.layout.text import text_width
from jmapper.templates import build_samples

_MEANINGS = {
    QUICK_WIN: "High impact, feasible",
    BIG_BET: "High impact, hard",
    FILL_IN: "Low impact, feasible",
    MONEY_PIT: "Low impact, hard",
}


def _page_text(path) -> str:
    return " ".join(PdfReader(str(path)).pages[0].extract_text().split())


def test_prepared_for_the_client_and_by_the_branding_organisation(journey_bundle, tmp_path):
    out = tmp_path / "map.pdf"
    export_pdf(journey_bundle, out, ExportOptions(organisation="Blue Fox Ltd"))
    text = _page_text(out)
    assert "PREPARED FOR" in text and "PREPARED BY" in text
    assert journey_bundle.map.organisation == "Acme Consulting"
    assert "Acme Consulting" in text, "branding must not hide the client"
    assert "Blue Fox Ltd" in text


def test_long_persona_and_scenario_wrap_at_words(journey_bundle, tmp_path):
    scenario = (
        "Renews a household broadband contract after the introductory discount ends "
        "and compares offers from three providers before calling customer support"
    )
    journey_bundle.map.scenario = scenario  # a fresh bundle per test
    out = tmp_path / "map.pdf"
    export_pdf(journey_bundle, out, ExportOptions())
    text = _page_text(out)
    for word in ("broadband", "providers", "customer", "support"):
        assert word in text, word


def test_wrap_lines_keeps_whole_words_and_marks_the_cut():
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron"
    lines = wrap_lines(text, 8, 80, 2)
    assert len(lines) == 2 and lines[-1].endswith("\u2026")
    words = set(text.split())
    for line in lines:
        assert text_width(line, 8) <= 80
        for word in line.rstrip("\u2026").split():
            assert word in words, f"{word!r} was cut mid-word"
    assert wrap_lines("short", 8, 80, 2) == ["short"]


def test_legend_lists_every_priority_in_use_and_no_other(tmp_path):
    seen: set[str] = set()
    for i, bundle in enumerate(build_samples()):
        # Priorities the printed map shows (a hidden opportunity lane shows none).
        used = {o.priority for o in compute_layout(bundle).opportunities} - {""}
        if not used:
            continue
        out = tmp_path / f"s{i}.pdf"
        export_pdf(bundle, out, ExportOptions())
        text = _page_text(out)
        for label, meaning in _MEANINGS.items():
            assert (meaning in text) == (label in used), (bundle.map.title, label)
        seen |= used
    assert len(seen) >= 3, "the samples should exercise more than one priority"
