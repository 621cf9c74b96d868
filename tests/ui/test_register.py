"""The opportunity register dock: map or library, filters, sorting, in-place edits (one undo
step each, stored), flags in words with an icon, jump to the canvas, and CSV export."""

from __future__ import annotations

import csv
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from jmapper.model.enums import OpportunityStatus
from jmapper.services.opportunities import CSV_COLUMNS
from jmapper.storage import LibraryStore
from jmapper.ui import action_names as names
from jmapper.ui.docks.register import COLUMN


def _open_support(window):
    summary = next(
        m for m in window.library.list_maps() if m.title.startswith("Broadband support request — c")
    )
    return window.open_map(summary.id)


def _shown(dock) -> list[str]:
    return [dock.row_at(r).opportunity.title for r in range(dock.table.rowCount())]


def _register(window):
    window.named_actions[names.SHOW_OPPORTUNITY_REGISTER].trigger()
    dock = window.register_dock
    assert dock.isVisible()
    return dock


def test_map_and_library_scope_with_filters_and_sorting(window, qtbot):
    document = _open_support(window)
    bundle = document.bundle
    dock = _register(window)
    assert sorted(_shown(dock)) == sorted(o.title for o in bundle.opportunities.values())
    dock.whole_library.setChecked(True)
    everywhere = sum(
        len(window.library.load_map(m.id).opportunities) for m in window.library.list_maps()
    )
    assert dock.table.rowCount() == everywhere
    dock.whole_library.setChecked(False)
    # status
    dock.status.setCurrentIndex(dock.status.findData("planned"))
    assert _shown(dock) == [
        o.title for o in bundle.opportunities.values() if o.status is OpportunityStatus.PLANNED
    ]
    dock.status.setCurrentIndex(0)
    # owner: part of the name, any case
    qtbot.keyClicks(dock.owner, "aisha")
    assert _shown(dock) == [o.title for o in bundle.opportunities.values() if "Aisha" in o.owner]
    dock.owner.clear()
    # priority: planned or in progress
    dock.priorities.setChecked(True)
    assert sorted(_shown(dock)) == sorted(
        o.title
        for o in bundle.opportunities.values()
        if o.status in (OpportunityStatus.PLANNED, OpportunityStatus.IN_PROGRESS)
    )
    dock.priorities.setChecked(False)
    # overdue, flagged in words with an icon
    late = sorted(bundle.opportunities.values(), key=lambda o: o.title)[0]
    document.edit("opportunity", late.id, due_date=date.today() - timedelta(days=1), owner="")
    dock.overdue.setChecked(True)
    assert _shown(dock) == [late.title]
    flags = dock.table.item(0, COLUMN["Flags"])
    assert flags.text() == "overdue; no owner" and not flags.icon().isNull()
    dock.overdue.setChecked(False)
    # sorting by votes, numerically
    for opp, votes in zip(
        sorted(bundle.opportunities.values(), key=lambda o: o.id), (2, 10, 0, 1), strict=False
    ):
        document.edit("opportunity", opp.id, votes=votes)
    dock.table.sortItems(COLUMN["Votes"], Qt.SortOrder.DescendingOrder)
    shown_votes = [dock.row_at(r).opportunity.votes for r in range(dock.table.rowCount())]
    assert shown_votes == sorted(shown_votes, reverse=True) and shown_votes[0] == 10


def test_in_place_edits_are_one_undo_step_and_stored(window, qtbot, library_path, message_boxes):
    document = _open_support(window)
    dock = _register(window)
    opp = sorted(document.bundle.opportunities.values(), key=lambda o: o.title)[0]
    steps = document.undo_stack.count()
    row = dock.table_row_of(opp.id)
    dock.table.item(row, COLUMN["Owner"]).setText("Priya Shah")
    row = dock.table_row_of(opp.id)
    dock.table.item(row, COLUMN["Due"]).setText("2027-10-01")
    row = dock.table_row_of(opp.id)
    dock.table.item(row, COLUMN["Status"]).setText("In progress")
    assert document.undo_stack.count() == steps + 3
    with LibraryStore.open(library_path) as again:
        stored = again.load_map(document.map_id).opportunities[opp.id]
    assert stored.owner == "Priya Shah" and stored.due_date == date(2027, 10, 1)
    assert stored.status is OpportunityStatus.IN_PROGRESS
    # a bad value is refused in a sentence and changes nothing
    row = dock.table_row_of(opp.id)
    dock.table.item(row, COLUMN["Due"]).setText("soon")
    assert "is not a date" in message_boxes.texts[-1]
    assert document.undo_stack.count() == steps + 3
    assert dock.table.item(dock.table_row_of(opp.id), COLUMN["Due"]).text() == "2027-10-01"
    # undo follows in the register
    window.named_actions[names.UNDO].trigger()
    assert dock.table.item(dock.table_row_of(opp.id), COLUMN["Status"]).text() == opp.status.label


def test_jump_to_and_export_csv(window, qtbot, tmp_path, monkeypatch):
    document = _open_support(window)
    dock = _register(window)
    dock.whole_library.setChecked(True)
    other = next(
        r for r in range(dock.table.rowCount()) if dock.row_at(r).map_id != document.map_id
    )
    target = dock.row_at(other)
    dock.table.selectRow(other)
    qtbot.mouseClick(dock.show_button, Qt.MouseButton.LeftButton)
    assert window.document.map_id == target.map_id
    assert window.canvas.primary_selection() == ("opportunity", target.opportunity.id)
    out = tmp_path / "register.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    dock.overdue.setChecked(False)
    qtbot.mouseClick(dock.export_button, Qt.MouseButton.LeftButton)
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["opportunity"] for r in rows] == _shown(dock)
    ivr = next(r for r in rows if r["opportunity"] == "Line-fault option at the top of the IVR")
    assert ivr["rice"] == f"{134000 * 4 * 0.8 / 1.5:.2f}" and ivr["volume_x_severity"] == "33600"
