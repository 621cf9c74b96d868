"""Contact-centre data into a map's metrics: the figures a hand calculation gives, refusals."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date

import pytest

from jmapper.interchange.contact_records import ColumnMapping
from jmapper.interchange.errors import InterchangeError
from jmapper.model.enums import MetricKind, MetricScope
from jmapper.services.contact_import import MAPPING_SETTING, import_contacts
from jmapper.services.errors import ServiceError
from jmapper.services.library import create_map, open_library
from tests.contact_centre_data import MAPPING, REASONS, records, write_export


@pytest.fixture
def library(tmp_path):
    store = open_library(tmp_path / "lib.jmapper", create=True)
    bundle = create_map(store, "Support", from_sample="support_request")
    yield store, bundle.map.id
    store.close()


def by_hand(rows):
    """Per place: the figures worked out the plain way, from the records themselves."""
    found = defaultdict(lambda: defaultdict(list))
    for r in rows:
        place = REASONS[r.reason]
        if place is None:
            continue
        f = found[place]
        f["contacts"].append(1)
        for name in ("csat", "nps", "ces", "handle"):
            if getattr(r, name) is not None:
                f[name].append(getattr(r, name))
        if r.repeat is not None:
            f["repeat"].append(r.repeat)
    figures = {}
    for place, f in found.items():
        csat, nps, ces = f["csat"], f["nps"], f["ces"]
        figures[place.split(" / ")[-1]] = {
            "contacts": len(f["contacts"]),
            "csat": 100 * sum(1 for x in csat if x >= 4) / len(csat),
            "csat_n": len(csat),
            "nps": 100 * (sum(x >= 9 for x in nps) - sum(x <= 6 for x in nps)) / len(nps),
            "nps_n": len(nps),
            "ces": sum(ces) / len(ces),
            "repeat": 100 * sum(f["repeat"]) / len(f["repeat"]),
            # Handle times are summed as whole seconds per place (raw counts are whole numbers).
            "aht": round(sum(f["handle"])) / len(f["handle"]),
            "aht_n": len(f["handle"]),
        }
    return figures


def test_a_realistic_export_gives_the_figures_a_hand_calculation_gives(tmp_path, library):
    store, map_id = library
    rows = records(3000, start=date(2026, 1, 1))
    source = tmp_path / "contacts.csv"
    write_export(source, rows)
    mapping = ColumnMapping.from_json(json.dumps(MAPPING))
    original = store.load_map(map_id)
    result = import_contacts(store, map_id, source, mapping)
    expected = by_hand(rows)
    assert result.rows == 3000
    assert result.period == "2026-Q1"
    assert {row.place for row in result.preview} == set(expected)
    for row in result.preview:
        hand = expected[row.place]
        assert row.contacts == hand["contacts"]
        assert (row.csat_n, row.nps_n, row.aht_n) == (hand["csat_n"], hand["nps_n"], hand["aht_n"])
        assert row.csat == pytest.approx(hand["csat"])
        assert row.nps == pytest.approx(hand["nps"])
        assert row.ces == pytest.approx(hand["ces"])
        assert row.repeat_rate == pytest.approx(hand["repeat"])
        assert row.aht == pytest.approx(hand["aht"])
    others = sum(1 for r in rows if REASONS[r.reason] is None)
    assert result.warnings[0].startswith(f"{others:,} row(s) have a contact reason")
    stored = store.load_map(map_id)
    kinds = {d.id: d.kind for d in stored.metric_definitions.values()}
    imported = [v for v in stored.metric_values.values() if original.metric_values.get(v.id) != v]
    assert result.written == len(imported) == 4 * 6
    step_ids = {v.scope_id for v in imported}
    assert {stored.steps[s].name for s in step_ids} == set(expected)
    assert all(v.scope is MetricScope.STEP for v in imported)
    csat = [v for v in imported if kinds[v.metric_id] is MetricKind.CSAT]
    assert all(set(v.raw_counts) <= {"1", "2", "3", "4", "5"} for v in csat)
    # The mapping is remembered; the same period again replaces rather than adds.
    assert json.loads(store.get_setting(MAPPING_SETTING))["columns"] == MAPPING["columns"]
    again = import_contacts(store, map_id, source, None)
    assert again.written == result.written
    assert len(store.load_map(map_id).metric_values) == len(stored.metric_values)


def test_a_new_period_adds_to_the_history(tmp_path, library):
    store, map_id = library
    mapping = ColumnMapping.from_json(json.dumps(MAPPING))
    first, second = tmp_path / "q2.csv", tmp_path / "q3.csv"
    write_export(first, records(400))
    write_export(second, records(400, seed=8, start=date(2025, 7, 1)))
    import_contacts(store, map_id, first, mapping)
    before = len(store.load_map(map_id).metric_values)
    result = import_contacts(store, map_id, second, mapping)
    assert result.period == "2025-Q3"
    assert len(store.load_map(map_id).metric_values) == before + result.written


def test_a_dry_run_previews_and_changes_nothing(tmp_path, library):
    store, map_id = library
    source = tmp_path / "contacts.csv"
    write_export(source, records(200))
    before = hashlib.sha256(store.path.read_bytes()).hexdigest()
    mapping = ColumnMapping.from_json(json.dumps(MAPPING))
    result = import_contacts(store, map_id, source, mapping, dry_run=True)
    assert result.preview and result.written == 0
    assert hashlib.sha256(store.path.read_bytes()).hexdigest() == before
    assert store.get_setting(MAPPING_SETTING) is None


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"columns": {"reason": "Reason code"}}, ["\u201cReason code\u201d", "header on line 1"]),
        ({"places": {"Billing question": "Nowhere"}}, ["\u201cNowhere\u201d", "no step"]),
        ({"source": "pigeon"}, ["pigeon"]),
    ],
)
def test_a_refused_import_names_the_problem_and_leaves_the_library_unchanged(
    tmp_path, library, change, words
):
    store, map_id = library
    source = tmp_path / "contacts.csv"
    write_export(source, records(50))
    data = {**MAPPING, **change}
    if "columns" in change:
        data["columns"] = {**MAPPING["columns"], **change["columns"]}
    before = store.load_map(map_id)
    with pytest.raises((ServiceError, InterchangeError)) as caught:
        import_contacts(store, map_id, source, ColumnMapping.from_json(json.dumps(data)))
    for word in words:
        assert word in str(caught.value)
    assert store.load_map(map_id) == before


def test_a_mapping_that_places_nothing_is_refused():
    with pytest.raises(InterchangeError, match="places no contact reason"):
        ColumnMapping.from_json('{"columns": {"reason": "Reason"}}')


def test_an_xlsx_export_gives_the_same_figures_as_its_csv(tmp_path, library):
    from datetime import datetime

    from openpyxl import Workbook

    store, map_id = library
    rows = records(400, start=date(2026, 1, 1))
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Contact id", *MAPPING["columns"].values()])
    for number, r in enumerate(rows, start=1):
        sheet.append(
            [
                number,
                datetime(r.day.year, r.day.month, r.day.day, 9, 30),
                r.channel,
                r.reason,
                r.csat,
                r.nps,
                r.ces,
                None if r.repeat is None else ("yes" if r.repeat else "no"),
                r.handle,
            ]
        )
    source = tmp_path / "contacts.xlsx"
    workbook.save(source)
    write_export(tmp_path / "contacts.csv", rows)
    mapping = ColumnMapping.from_json(json.dumps(MAPPING))
    from_xlsx = import_contacts(store, map_id, source, mapping, dry_run=True)
    from_csv = import_contacts(store, map_id, tmp_path / "contacts.csv", mapping, dry_run=True)
    assert from_xlsx.period == "2026-Q1"
    assert from_xlsx.preview == from_csv.preview
