"""File > Import Contact Data…: a contact-centre export into the open map's metrics.

Three steps in one dialog: which column holds what (guessed from the header,
or the library's remembered mapping), where each contact reason belongs on the
map (a step, stage or touchpoint card, or left out), and a preview per place
with sample sizes.  Import applies the values through the open document, so
the whole import is one undo step; the mapping is remembered in the library.
The reading and adding up are the Qt-free ``jmapper.services.contact_import``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.interchange.contact_records import COLUMNS, ColumnMapping
from jmapper.interchange.errors import InterchangeError
from jmapper.model.enums import LaneKind
from jmapper.ui.dialogs.messages import USER_ERRORS, show_error

if TYPE_CHECKING:
    from jmapper.document import JourneyDocument
    from jmapper.services.library_api import Library

log = logging.getLogger(__name__)

#: Words in a header that suggest each column (a first guess the user corrects).
_GUESSES = {
    "date": ("date", "datum", "day"),
    "channel": ("channel", "kanal", "medium"),
    "reason": ("reason", "topic", "category", "intent"),
    "csat": ("csat", "satisf"),
    "nps": ("nps", "recommend"),
    "ces": ("ces", "effort"),
    "repeat": ("repeat", "recontact"),
    "handle_time": ("handle", "aht", "duration"),
}
LEAVE_OUT = ""
#: What a step of this dialog may refuse with: one sentence each.
_ERRORS: tuple[type[Exception], ...] = (*USER_ERRORS, InterchangeError)


def open_contact_import(window: Any) -> QDialog | None:
    """Choose a file, then show the dialog for the open map (None when nothing to do)."""
    document = window.document
    if document is None:
        return None
    path, _ = QFileDialog.getOpenFileName(
        window,
        "Import contact data",
        "",
        "Contact exports (*.csv *.xlsx *.txt *.tsv);;All files (*)",
    )
    if not path:
        return None
    try:
        dialog = ContactImportDialog(window.library, document, Path(path), window)
    except _ERRORS as error:
        show_error(window, "Import contact data", str(error))
        return None
    result: QDialog = window.show_dialog(dialog)
    return result


class ContactImportDialog(QDialog):
    def __init__(
        self, library: Library, document: JourneyDocument, path: Path, parent: QWidget | None
    ) -> None:
        from jmapper.services.contact_import import MAPPING_SETTING, read_header

        super().__init__(parent)
        self.setObjectName("contactImportDialog")
        self.setWindowTitle(f"Import contact data into \u201c{document.bundle.map.title}\u201d")
        self.library = library
        self.document = document
        self.path = path
        self.header = read_header(path)
        remembered = library.get_setting(MAPPING_SETTING)
        self.remembered = ColumnMapping.from_json(remembered) if remembered else None

        columns = QGroupBox(f"1. Columns of \u201c{path.name}\u201d", self)
        form = QFormLayout(columns)
        self.column_combos: dict[str, QComboBox] = {}
        for role, meaning in COLUMNS.items():
            combo = QComboBox(columns)
            combo.setObjectName(f"contactColumn_{role}")
            combo.addItem("(none)", "")
            for name in self.header:
                combo.addItem(name, name)
            index = combo.findData(self._guess(role))
            combo.setCurrentIndex(max(index, 0))
            combo.setToolTip(meaning)
            self.column_combos[role] = combo
            form.addRow(meaning[0].upper() + meaning[1:], combo)

        places = QGroupBox("2. Where each contact reason belongs on the map", self)
        self.places_table = QTableWidget(0, 3, places)
        self.places_table.setObjectName("contactPlaces")
        self.places_table.setHorizontalHeaderLabels(["Contact reason", "Rows", "Place on the map"])
        header = self.places_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        find = QPushButton("Find the reasons in the file", places)
        find.setObjectName("contactFindReasons")
        find.clicked.connect(self.find_reasons)
        places_layout = QVBoxLayout(places)
        places_layout.addWidget(find)
        places_layout.addWidget(self.places_table)

        preview = QGroupBox("3. What will be stored", self)
        self.preview_table = QTableWidget(0, 7, preview)
        self.preview_table.setObjectName("contactPreview")
        self.preview_table.setHorizontalHeaderLabels(
            ["Place", "Contacts", "CSAT % (n)", "NPS (n)", "CES (n)", "Repeat % (n)", "AHT (n)"]
        )
        self.preview_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.summary_label = QLabel("", preview)
        self.summary_label.setWordWrap(True)
        # Room for three wrapped lines: a word-wrapped label in a group box gets no more.
        self.summary_label.setMinimumHeight(3 * self.summary_label.fontMetrics().lineSpacing() + 4)
        show = QPushButton("Preview", preview)
        show.setObjectName("contactPreviewButton")
        show.clicked.connect(self.show_preview)
        preview_layout = QVBoxLayout(preview)
        row = QHBoxLayout()
        row.addWidget(show)
        row.addStretch(1)
        preview_layout.addLayout(row)
        preview_layout.addWidget(self.summary_label)
        preview_layout.addWidget(self.preview_table, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(columns)
        layout.addWidget(places, 1)
        layout.addWidget(preview, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 820)
        if self.remembered is not None and self.remembered.places:
            self.find_reasons()

    # -- the mapping ------------------------------------------------------------------------
    def _guess(self, role: str) -> str:
        if self.remembered is not None and role in self.remembered.columns:
            wanted = self.remembered.columns[role].casefold()
            for name in self.header:
                if name.casefold() == wanted:
                    return name
        for name in self.header:
            if any(word in name.casefold() for word in _GUESSES[role]):
                return name
        return ""

    def place_choices(self) -> list[str]:
        """Every place a reason can go: steps as "Stage / Step", stages, touchpoint cards."""
        bundle = self.document.bundle
        choices = []
        for stage in bundle.ordered_stages():
            steps = bundle.ordered_steps(stage.id)
            choices += [f"{stage.name} / {step.name}" for step in steps]
            choices.append(stage.name)
        touch = {lane.id for lane in bundle.lanes.values() if lane.kind is LaneKind.TOUCHPOINTS}
        choices += sorted({c.title for c in bundle.cards.values() if c.lane_id in touch})
        return list(dict.fromkeys(choices))

    def find_reasons(self) -> None:
        from jmapper.services.contact_import import distinct_values

        column = self.column_combos["reason"].currentData()
        if not column:
            show_error(self, "Import contact data", "Choose the column of contact reasons first.")
            return
        try:
            reasons = distinct_values(self.path, column)
        except _ERRORS as error:
            show_error(self, "Import contact data", str(error))
            return
        known = self.remembered.places if self.remembered is not None else {}
        choices = self.place_choices()
        self.places_table.setRowCount(len(reasons))
        for r, (reason, count) in enumerate(reasons):
            self.places_table.setItem(r, 0, QTableWidgetItem(reason))
            self.places_table.setItem(r, 1, QTableWidgetItem(f"{count:,}"))
            combo = QComboBox(self.places_table)
            combo.addItem("(leave out)", LEAVE_OUT)
            for choice in choices:
                combo.addItem(choice, choice)
            wanted = known.get(" ".join(reason.split()).casefold(), "")
            combo.setCurrentIndex(max(combo.findData(wanted), 0))
            self.places_table.setCellWidget(r, 2, combo)

    def mapping(self) -> ColumnMapping:
        columns = {
            role: combo.currentData()
            for role, combo in self.column_combos.items()
            if combo.currentData()
        }
        places = {}
        for r in range(self.places_table.rowCount()):
            combo = self.places_table.cellWidget(r, 2)
            reason = self.places_table.item(r, 0)
            if isinstance(combo, QComboBox) and reason is not None and combo.currentData():
                places[reason.text()] = combo.currentData()
        data = {"columns": columns, "places": places}
        if self.remembered is not None:
            data["source"] = self.remembered.source  # type: ignore[assignment]
        return ColumnMapping.from_json(json.dumps(data))

    # -- preview and import -----------------------------------------------------------------
    def _plan(self) -> Any:
        from jmapper.services.contact_import import plan_contacts

        return plan_contacts(self.document.bundle, self.path, self.mapping())

    def show_preview(self) -> bool:
        from jmapper.analysis.metric_text import format_number

        try:
            _, result = self._plan()
        except _ERRORS as error:
            show_error(self, "Import contact data", str(error))
            return False
        self.preview_table.setRowCount(len(result.preview))
        for r, row in enumerate(result.preview):
            cells = [
                row.place,
                f"{row.contacts:,}",
                f"{format_number(row.csat)} ({row.csat_n:,})",
                f"{format_number(row.nps)} ({row.nps_n:,})",
                f"{format_number(row.ces)} ({row.ces_n:,})",
                f"{format_number(row.repeat_rate)} ({row.repeat_n:,})",
                f"{format_number(row.aht)} ({row.aht_n:,})",
            ]
            for c, text in enumerate(cells):
                self.preview_table.setItem(r, c, QTableWidgetItem(text))
        notes = " ".join(result.warnings)
        self.summary_label.setText(
            f"{result.rows:,} rows, period {result.period or '(none)'}: {result.written} metric "
            f"values would be stored. {notes}".strip()
        )
        return True

    def run_import(self) -> None:
        """Apply the values through the document (one undo step) and remember the mapping."""
        from jmapper.services.contact_import import MAPPING_SETTING

        try:
            changeset, result = self._plan()
            self.document.execute(changeset)
            self.library.set_setting(MAPPING_SETTING, self.mapping().to_json())
        except _ERRORS as error:
            show_error(self, "Import contact data", str(error))
            return
        parent = self.parentWidget()
        if parent is not None and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(
                f"Stored {result.written} metric values from {result.rows:,} rows "
                f"({result.period or 'no period'}).",
                8000,
            )
        self.accept()
