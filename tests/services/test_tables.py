"""The action plan and the metrics as CSV and XLSX tables, with numbers a hand calculation gives."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from jmapper.services.errors import ServiceError
from jmapper.services.library import create_map, open_library
from jmapper.services.tables import (
    ACTION_PLAN_HEADER,
    METRICS_HEADER,
    action_plan_rows,
    export_table,
    metric_rows,
)
from jmapper.templates import SAMPLES


def by_name(header, row) -> dict:
    return dict(zip(header, row, strict=True))


def test_the_action_plan_is_ordered_by_priority_with_every_score_worked_out():
    bundle = SAMPLES["support_request"].build()
    rows = [by_name(ACTION_PLAN_HEADER, row) for row in action_plan_rows(bundle)]
    assert [r["Rank"] for r in rows] == list(range(1, len(bundle.opportunities) + 1))
    priorities = [r["Priority"] for r in rows]
    order = ["Quick win", "Big bet", "Fill-in", "Money pit", "unscored"]
    assert priorities == sorted(priorities, key=order.index)
    for row in rows:
        opp = next(o for o in bundle.opportunities.values() if o.title == row["Opportunity"])
        if opp.impact is not None and opp.feasibility is not None:
            assert row["Impact x feasibility"] == opp.impact * opp.feasibility
        if None not in (opp.reach, opp.impact, opp.confidence, opp.effort):
            rice = opp.reach * opp.impact * opp.confidence / opp.effort
            assert row["RICE"] == pytest.approx(rice, abs=0.005)
        if opp.volume is not None and opp.severity is not None:
            assert row["Volume x severity"] == opp.volume * opp.severity
        assert row["Owner"] == opp.owner
        assert row["Votes"] == opp.votes


def test_metric_rows_score_the_raw_counts():
    bundle = SAMPLES["support_request"].build()
    rows = [by_name(METRICS_HEADER, row) for row in metric_rows(bundle)]
    assert len(rows) == len(bundle.metric_values)
    aht = next(r for r in rows if r["Kind"] == "AHT" and r["Computed from raw counts"] == "yes")
    value = next(
        v
        for v in bundle.metric_values.values()
        if v.period == aht["Period"] and "talk" in v.raw_counts
    )
    counts = value.raw_counts
    expected = (counts["talk"] + counts["hold"] + counts["wrap"]) / counts["contacts"]
    assert aht["Score"] == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize("table", ["action-plan", "metrics"])
def test_tables_are_written_as_csv_and_xlsx_that_read_back(tmp_path, table):
    store = open_library(tmp_path / "lib.jmapper", create=True)
    bundle = create_map(store, "Support", from_sample="support_request")
    count = export_table(store, bundle.map.id, table, tmp_path / "t.csv", "csv")
    export_table(store, bundle.map.id, table, tmp_path / "t.xlsx", "xlsx")
    store.close()
    text = (tmp_path / "t.csv").read_bytes().decode("utf-8-sig")
    from_csv = list(csv.reader(io.StringIO(text)))
    assert len(from_csv) == count + 1 and count > 0
    sheet = load_workbook(tmp_path / "t.xlsx").worksheets[0]
    from_xlsx = [
        ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
    ]
    assert from_xlsx[0] == from_csv[0]
    assert [row[1] for row in from_xlsx] == [row[1] for row in from_csv]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"


def test_a_table_in_a_format_that_cannot_hold_it_is_refused(tmp_path):
    store = open_library(tmp_path / "lib.jmapper", create=True)
    bundle = create_map(store, "Support", from_sample="support_request")
    with pytest.raises(ServiceError, match="CSV or XLSX"):
        export_table(store, bundle.map.id, "metrics", tmp_path / "t.pdf", "pdf")
    store.close()
    assert not (tmp_path / "t.pdf").exists()
