"""The opportunity register dock: every opportunity of the map, or of the whole library.

A table of the rows :func:`jmapper.services.opportunities.map_register`
computes (so it agrees with ``jmapper opportunities`` and the PDF's scores),
sortable by any column and filtered by status, owner, overdue and priority.
Owner, metric, baseline, target, due date, status, votes, impact and
feasibility are edited in place, each edit one undo step of the map's
document (a row of another map opens that map first).  Overdue rows and rows
missing an owner, a metric or a due date are flagged in words with a warning
icon.  Double-click the title or map (or "Show on map") to jump to it on the
canvas; "Export CSV" writes what the table shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.document import JourneyDocument
from jmapper.model.bundle import MapBundle
from jmapper.model.enums import OpportunityStatus
from jmapper.model.errors import DomainError
from jmapper.services.opportunities import (
    RegisterRow,
    filter_rows,
    map_register,
    write_register_csv,
)
from jmapper.ui import action_names as names
from jmapper.ui.dialogs.messages import USER_ERRORS, show_error

log = logging.getLogger(__name__)

REGISTER_DOCK = "opportunityRegisterDock"
SHOW_REGISTER = names.SHOW_OPPORTUNITY_REGISTER

#: (header, field it edits or '' for read-only)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("Map", ""),
    ("Opportunity", ""),
    ("Flags", ""),
    ("Owner", "owner"),
    ("Metric", "metric"),
    ("Baseline", "baseline"),
    ("Target", "target"),
    ("Due", "due_date"),
    ("Status", "status"),
    ("Votes", "votes"),
    ("Impact", "impact"),
    ("Feasibility", "feasibility"),
    ("Quadrant", ""),
    ("RICE", ""),
    ("Volume \u00d7 severity", ""),
)
COLUMN = {header: index for index, (header, _field) in enumerate(COLUMNS)}
_ROW = Qt.ItemDataRole.UserRole
_STATUS_BY_LABEL = {s.label.casefold(): s for s in OpportunityStatus}


class _Item(QTableWidgetItem):
    """A cell that sorts by its number when it has one (votes, scores), else by text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole + 1), other.data(_ROW + 1)
        if isinstance(mine, (int, float)) and isinstance(theirs, (int, float)):
            return mine < theirs
        if isinstance(mine, (int, float)) != isinstance(theirs, (int, float)):
            return isinstance(mine, (int, float))  # numbers before blanks
        return self.text().casefold() < other.text().casefold()


class RegisterDock(QDockWidget):
    # the user asked to see an opportunity on the canvas: map id, opportunity id
    jump_requested = Signal(str, str)

    def __init__(
        self,
        bundles: Callable[[bool], list[MapBundle]],
        document_for: Callable[[str], JourneyDocument | None],
        parent: QWidget | None = None,
    ) -> None:
        """``bundles(whole_library)`` gives the maps to list (the open one first, live);
        ``document_for(map_id)`` the document that edits a map (opening it if needed)."""
        super().__init__("Opportunity register", parent)
        self.setObjectName(REGISTER_DOCK)
        self._bundles = bundles
        self._document_for = document_for
        self.rows: list[RegisterRow] = []
        self._filling = False
        body = QWidget(self)
        self.whole_library = QCheckBox("Whole library", body)
        self.whole_library.setObjectName("registerWholeLibrary")
        self.whole_library.setToolTip("List the opportunities of every map, not only the open one")
        self.status = QComboBox(body)
        self.status.setObjectName("registerStatus")
        self.status.addItem("Any status", "")
        for member in OpportunityStatus:
            self.status.addItem(member.label, member.value)
        self.owner = QLineEdit(body)
        self.owner.setObjectName("registerOwner")
        self.owner.setPlaceholderText("Owner contains\u2026")
        self.owner.setClearButtonEnabled(True)
        self.overdue = QCheckBox("Overdue", body)
        self.overdue.setObjectName("registerOverdue")
        self.priorities = QCheckBox("Priorities only", body)
        self.priorities.setObjectName("registerPriorities")
        self.priorities.setToolTip("Planned or in progress")
        self.show_button = QPushButton("Show on map", body)
        self.show_button.setObjectName("registerShow")
        self.export_button = QPushButton("Export CSV\u2026", body)
        self.export_button.setObjectName("registerExport")
        self.count = QLabel(body)
        self.count.setObjectName("registerCount")
        bar = QHBoxLayout()
        for widget in (
            self.whole_library,
            self.status,
            self.owner,
            self.overdue,
            self.priorities,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.show_button)
        bar.addWidget(self.export_button)
        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setObjectName("registerTable")
        self.table.setHorizontalHeaderLabels([header for header, _field in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSortingEnabled(True)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.whole_library.toggled.connect(lambda _on: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.owner.textChanged.connect(lambda _t: self.refresh())
        self.overdue.toggled.connect(lambda _on: self.refresh())
        self.priorities.toggled.connect(lambda _on: self.refresh())
        self.table.itemChanged.connect(self._edited)
        self.table.cellDoubleClicked.connect(self._double_clicked)
        self.show_button.clicked.connect(self.show_selected)
        self.export_button.clicked.connect(self.export_csv)
        self.visibilityChanged.connect(self._visibility_changed)

    def _visibility_changed(self, shown: bool) -> None:
        if shown:
            self.refresh()

    # -- rows ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the rows from the maps and show the ones the filters pass."""
        if not self.isVisible() and self.table.rowCount():
            return  # refreshed when shown again
        today = date.today()
        rows: list[RegisterRow] = []
        for bundle in self._bundles(self.whole_library.isChecked()):
            rows.extend(map_register(bundle, today))
        status = self.status.currentData()
        self.rows = filter_rows(
            rows,
            status=OpportunityStatus(status) if status else None,
            overdue=self.overdue.isChecked(),
            owner=self.owner.text(),
            priority_only=self.priorities.isChecked(),
        )
        self._fill()

    def _fill(self) -> None:
        self._filling = True
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            o = row.opportunity
            values: dict[str, tuple[str, Any]] = {
                "Map": (row.map_title, None),
                "Opportunity": (o.title, None),
                "Flags": ("; ".join(row.flags), None),
                "Owner": (o.owner, None),
                "Metric": (o.metric, None),
                "Baseline": (o.baseline, None),
                "Target": (o.target, None),
                "Due": (o.due_date.isoformat() if o.due_date else "", None),
                "Status": (o.status.label, None),
                "Votes": (str(o.votes), o.votes),
                "Impact": (_text(o.impact), o.impact),
                "Feasibility": (_text(o.feasibility), o.feasibility),
                "Quadrant": (row.quadrant.label if row.quadrant else "", None),
                "RICE": (_score_text(row.rice), row.rice.value),
                "Volume \u00d7 severity": (
                    _score_text(row.volume_severity),
                    row.volume_severity.value,
                ),
            }
            for column, (header, field) in enumerate(COLUMNS):
                text, number = values[header]
                item = _Item(text)
                item.setData(_ROW, index)
                item.setData(_ROW + 1, number)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if field:
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)
                if header == "Flags" and row.flags:
                    item.setIcon(warning)
                    item.setToolTip("Overdue, or a priority still needs this: " + text)
                self.table.setItem(index, column, item)
        self.table.setSortingEnabled(sorting)
        self.table.resizeColumnsToContents()
        for header in ("Opportunity", "Metric", "Owner"):
            column = COLUMN[header]
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 240))
        flagged = sum(1 for r in self.rows if r.flags)
        self.count.setText(f"{len(self.rows)} shown, {flagged} flagged")
        self._filling = False

    def row_at(self, table_row: int) -> RegisterRow:
        """The register row shown at ``table_row`` (the table may be sorted)."""
        item = self.table.item(table_row, 0)
        assert item is not None
        return self.rows[int(item.data(_ROW))]

    def table_row_of(self, opportunity_id: str) -> int:
        for table_row in range(self.table.rowCount()):
            if self.row_at(table_row).opportunity.id == opportunity_id:
                return table_row
        raise KeyError(opportunity_id)

    # -- edits -------------------------------------------------------------------------
    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        header, field = COLUMNS[item.column()]
        if not field:
            return
        row = self.rows[int(item.data(_ROW))]
        try:
            value = _parse(field, item.text())
            document = self._document_for(row.map_id)
            if document is None:
                raise DomainError("That map cannot be opened, so its opportunity cannot change.")
            document.edit("opportunity", row.opportunity.id, **{field: value})
        except USER_ERRORS as error:
            log.info("register edit refused: %s", error)
            show_error(self, "Edit refused", str(error))
        self.refresh()

    # -- jump and export -----------------------------------------------------------------
    def _double_clicked(self, table_row: int, column: int) -> None:
        if not COLUMNS[column][1]:
            self.jump_to(table_row)

    def show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.jump_to(rows[0].row())

    def jump_to(self, table_row: int) -> None:
        row = self.row_at(table_row)
        self.jump_requested.emit(row.map_id, row.opportunity.id)

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the register", "opportunities.csv", "CSV files (*.csv)"
        )
        if not path:
            return
        shown = [self.row_at(r) for r in range(self.table.rowCount())]
        try:
            write_register_csv(shown, path)
        except USER_ERRORS as error:
            show_error(self, "Export CSV", str(error))


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _score_text(score: Any) -> str:
    return score.text() if score.value is not None else f"({score.text()})"


def _parse(field: str, text: str) -> Any:
    """A typed cell as the model's value, or a DomainError that says what to type."""
    text = text.strip()
    if field == "due_date":
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise DomainError(f"\u201c{text}\u201d is not a date; type it as YYYY-MM-DD.") from None
    if field == "status":
        status = _STATUS_BY_LABEL.get(text.casefold()) or next(
            (s for s in OpportunityStatus if s.value == text.casefold()), None
        )
        if status is None:
            names = ", ".join(s.label for s in OpportunityStatus)
            raise DomainError(f"\u201c{text}\u201d is not a status; type one of {names}.")
        return status
    if field in ("votes", "impact", "feasibility"):
        if not text and field != "votes":
            return None
        try:
            return int(text)
        except ValueError:
            raise DomainError(
                f"The {field} is a whole number; \u201c{text}\u201d is not."
            ) from None
    return text


def install_register(window: Any) -> RegisterDock:
    """Make the register dock of ``window`` (a MainWindow), hidden, with its View menu toggle."""

    def bundles(whole_library: bool) -> list[MapBundle]:
        current = window.document
        if not whole_library:
            return [current.bundle] if current is not None else []
        out = []
        for summary in window.library.survey().readable:
            document = window.documents.get(summary.id)
            try:
                out.append(document.bundle if document else window.library.load_map(summary.id))
            except USER_ERRORS as error:  # unreadable since the survey: leave it out
                log.info("register skips a map: %s", error)
        return out

    def document_for(map_id: str) -> JourneyDocument | None:
        current = window.document
        if current is not None and current.map_id == map_id:
            return current
        document: JourneyDocument | None = window.open_map(map_id)
        return document

    def jump(map_id: str, opportunity_id: str) -> None:
        if window.open_map(map_id) is None:
            return
        window.show_entity("opportunity", opportunity_id)
        item = window.canvas.projection.item("opportunity", opportunity_id)
        if item is not None:
            window.canvas.centerOn(item.sceneBoundingRect().center())
        window.canvas.setFocus()

    dock = RegisterDock(bundles, document_for, window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    dock.jump_requested.connect(jump)
    window.undo_group.indexChanged.connect(lambda _index: dock.refresh())
    window.undo_group.activeStackChanged.connect(lambda _stack: dock.refresh())
    toggle = dock.toggleViewAction()
    toggle.setObjectName(SHOW_REGISTER)
    toggle.setText("Opportunity &Register")
    toggle.setToolTip("Show or hide every opportunity of the map or the library, to chase them")
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and action.text() == "&View":
            menu.addAction(toggle)
    window.named_actions[SHOW_REGISTER] = toggle
    return dock
