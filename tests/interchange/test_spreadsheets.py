"""CSV and XLSX laid out as the map: reading, writing, round trips and the quirks of real files."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jmapper.interchange import csv_grid, xlsx_grid
from jmapper.interchange.errors import InterchangeError
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import EmotionScaleKind, LaneKind
from jmapper.model.invariants import check_bundle
from jmapper.templates import SAMPLES


def cells(bundle: MapBundle) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """(lane, stage, step) -> the cards' (title, description) in cell order."""
    found: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for card in sorted(bundle.cards.values(), key=lambda c: (c.position, c.id)):
        step = bundle.steps[card.step_id].name if card.step_id else ""
        key = (bundle.lanes[card.lane_id].name, bundle.stages[card.stage_id].name, step)
        found.setdefault(key, []).append((card.title, card.description))
    return found


def emotions(bundle: MapBundle) -> list[int]:
    order = {(c.stage_id, c.step_id): c.index for c in bundle.columns()}
    primary = bundle.map.primary_persona_id
    points = [
        p
        for p in bundle.emotion_points.values()
        if p.series.value == "as_is" and p.persona_id in (None, primary)
    ]
    return [p.value for p in sorted(points, key=lambda p: order[(p.stage_id, p.step_id)])]


def read_csv(text: str, encoding: str = "utf-8"):
    reading = csv_grid.read(text.encode(encoding))
    (bundle,) = reading.document.bundles
    check_bundle(bundle)
    return bundle, reading.warnings


@pytest.mark.parametrize("module", [csv_grid, xlsx_grid], ids=["csv", "xlsx"])
@pytest.mark.parametrize("key", sorted(SAMPLES))
def test_export_then_import_keeps_what_the_layout_holds(module, key):
    sample = SAMPLES[key].build()
    data, written = module.write_map(sample)
    reading = module.read(data)
    (back,) = reading.document.bundles
    check_bundle(back)
    assert reading.warnings == []
    assert back.map.title == sample.map.title
    assert [s.name for s in back.ordered_stages()] == [s.name for s in sample.ordered_stages()]
    assert [s.name for s in back.steps.values()] == [
        step.name for stage in sample.ordered_stages() for step in sample.ordered_steps(stage.id)
    ]
    assert [lane.name for lane in back.ordered_lanes()] == [
        lane.name for lane in sample.ordered_lanes()
    ]
    assert cells(back) == cells(sample)
    assert emotions(back) == emotions(sample)
    if any(lane.kind is LaneKind.MOMENTS_OF_TRUTH for lane in sample.lanes.values()):
        assert len(back.moments_of_truth) == len(sample.moments_of_truth)
    elif sample.moments_of_truth:
        assert any("moment(s) of truth are not written" in w for w in written)
    # And a second round gives the same file.
    assert csv_grid.write_map(back)[0] == csv_grid.write_map(sample)[0]


EUROPEAN = (
    "\ufeffCommute;Plan;;Travel\r\n"
    ";Search;Compare;\r\n"
    'Customer actions;"Search the web: on the phone\r\n\r\nAsk a friend";'
    '="00123";Takes the train\r\n'
    "Emotions;-1;0;2\r\n"
    'Pain points;;"Too many tabs: prices differ\r\nper site";\r\n'
)


def test_a_european_csv_with_bom_semicolons_and_formula_cells():
    bundle, warnings = read_csv(EUROPEAN)
    assert warnings == []
    assert bundle.map.title == "Commute"
    assert [s.name for s in bundle.ordered_stages()] == ["Plan", "Travel"]
    assert [(bundle.stages[s.stage_id].name, s.name) for s in bundle.steps.values()] == [
        ("Plan", "Search"),
        ("Plan", "Compare"),
    ]
    assert cells(bundle) == {
        ("Customer actions", "Plan", "Search"): [
            ("Search the web", "on the phone"),
            ("Ask a friend", ""),
        ],
        ("Customer actions", "Plan", "Compare"): [("00123", "")],
        ("Customer actions", "Travel", ""): [("Takes the train", "")],
        ("Pain points", "Plan", "Compare"): [("Too many tabs", "prices differ\nper site")],
    }
    kinds = {lane.name: lane.kind for lane in bundle.lanes.values()}
    assert kinds["Pain points"] is LaneKind.PAIN_POINTS
    assert emotions(bundle) == [-1, 0, 2]
    assert bundle.map.emotion_scale.kind is EmotionScaleKind.MINUS2_PLUS2


def test_tabs_utf16_and_windows_text_are_read():
    tabbed = "Map\tA\tB\nCustomer actions\tOne\tTwo\nFeelings\t1\t5\n"
    bundle, _ = read_csv(tabbed, "utf-16")
    assert [lane.name for lane in bundle.ordered_lanes()] == ["Customer actions", "Feelings"]
    assert bundle.map.emotion_scale.kind is EmotionScaleKind.ONE_TO_FIVE
    windows, warnings = read_csv("Caf\u00e9 map,Stage\nCustomer actions,Cr\u00e8me\n", "cp1252")
    assert windows.map.title == "Caf\u00e9 map"
    assert warnings == [
        "The file is not UTF-8; it was read as Windows-1252 (Western European) text."
    ]


def test_text_a_spreadsheet_would_run_as_a_formula_is_guarded_and_read_back():
    sample = SAMPLES["theme_park_visit"].build()
    card = next(iter(sample.cards.values()))
    card.title, card.description = '=HYPERLINK("x")', ""
    data, _ = csv_grid.write_map(sample)
    assert "'=HYPERLINK" in data.decode("utf-8-sig")
    (back,) = csv_grid.read(data).document.bundles
    assert '=HYPERLINK("x")' in {c.title for c in back.cards.values()}
    workbook, _ = xlsx_grid.write_map(sample)
    (from_xlsx,) = xlsx_grid.read(workbook).document.bundles
    assert '=HYPERLINK("x")' in {c.title for c in from_xlsx.cards.values()}


def test_a_title_with_a_colon_keeps_it():
    bundle, _ = read_csv("Map,A\nThoughts,Why\\: really?: I asked twice\n")
    assert cells(bundle) == {("Thoughts", "A", ""): [("Why: really?", "I asked twice")]}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", ["no stages", "B1"]),
        ("Map,A,B\n,x,y\nActions,1,2\n,more,here\n", ["Row 4", "cell A4", "names no lane"]),
        ("Map,A,,B\nActions,1,2,3\n", ["Cell C1", "names no stage"]),
        ("Map,A,B\nEmotions,2,happy\n", ["cell C2", "\u201chappy\u201d", "not a whole number"]),
        ("Map,A,B\nEmotions,2,9\n", ["cell C2", "emotion value 9", "off every scale"]),
        ('Map,A\nActions,"unclosed\n', ["line", "quotes"]),
    ],
)
def test_a_refused_sheet_names_the_cell_in_one_sentence(text, words):
    with pytest.raises(InterchangeError) as caught:
        csv_grid.read(text.encode("utf-8"))
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message


def test_a_damaged_workbook_is_refused_with_a_sentence():
    with pytest.raises(InterchangeError, match="not an Excel workbook"):
        xlsx_grid.read(b"PK\x03\x04 this is not really a zip archive")


def test_the_workbook_looks_like_the_map():
    from openpyxl import load_workbook

    data, _ = xlsx_grid.write_map(SAMPLES["support_request"].build())
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet["B1"].value == "Pre-contact"
    assert "B1:D1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A3"].value == "Customer actions" and sheet["A3"].font.bold
    assert sheet.freeze_panes == "B3"
    assert sheet["B3"].alignment.wrap_text


_CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "Emotions", "Pain points", "-2", "3", '="x"', "a: b\n\nc", "'=1"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_CELL, max_size=6), max_size=8),
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_sheet_gives_a_documented_error_or_a_valid_map(rows, delimiter, encoding):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    data = out.getvalue().encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        reading = csv_grid.read(data)
    except InterchangeError as error:
        assert str(error) and "\n" not in str(error)
        return
    check_bundle(reading.document.bundles[0])


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_documented_error_or_a_valid_map(data):
    try:
        reading = csv_grid.read(data)
    except InterchangeError:
        return
    check_bundle(reading.document.bundles[0])


def test_a_line_of_text_is_not_a_map():
    with pytest.raises(InterchangeError, match="stages but no lanes"):
        csv_grid.read(b"not a library, not an image, not JSON\n")
