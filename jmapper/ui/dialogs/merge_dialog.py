"""The merge report in the editor: first as a preview to confirm, then as what was done.

One dialog shows a :class:`~jmapper.services.merge_report.MergeReport` as a
tree (a section per outcome, a row per map, a row per conflict under it).
Before merging (``confirm``) it says how the merge can be taken back and
offers Merge or Cancel; afterwards a double-click on a map opens it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.services.merge_report import (
    ADDED,
    KEPT_TWICE,
    MERGED,
    UNCHANGED,
    UPDATED,
    MapOutcome,
    MergeReport,
)

#: Item data role holding the id of the map a row names.
MAP_ID_ROLE = Qt.ItemDataRole.UserRole

_SECTIONS = (
    ("Added", (ADDED,)),
    ("Merged", (MERGED, UPDATED)),
    ("Kept twice", (KEPT_TWICE,)),
    ("Unchanged", (UNCHANGED,)),
)


class MergeReportDialog(QDialog):
    """The merge report; ``open_requested`` carries the id of a map double-clicked."""

    open_requested = Signal(str)

    def __init__(self, report: MergeReport, *, confirm: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mergeReportDialog")
        self.setWindowTitle("Merge library")
        self.report = report
        self.confirm = confirm
        layout = QVBoxLayout(self)
        headline = QLabel(report.headline(), self)
        headline.setObjectName("mergeHeadline")
        headline.setWordWrap(True)
        layout.addWidget(headline)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("mergeReport")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        layout.addWidget(self.tree, 1)
        self._fill()
        note = QLabel(self._note(), self)
        note.setObjectName("mergeNote")
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(self)
        if confirm:
            merge = self.buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
            merge.setObjectName("mergeButton")
            merge.setEnabled(report.changes_anything)
            merge.setDefault(report.changes_anything)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 480)

    # -- content ----------------------------------------------------------------------------
    def _fill(self) -> None:
        bold = QFont(self.font())
        bold.setBold(True)
        for heading, hows in _SECTIONS:
            outcomes = self.report.of(*hows)
            if not outcomes:
                continue
            section = QTreeWidgetItem(self.tree, [f"{heading} ({len(outcomes)})"])
            section.setFont(0, bold)
            for outcome in outcomes:
                self._map_row(section, outcome)
            section.setExpanded(True)
        rest = self._other_lines()
        if rest:
            section = QTreeWidgetItem(self.tree, ["Personas and versions"])
            section.setFont(0, bold)
            for line in rest:
                QTreeWidgetItem(section, [line])
            section.setExpanded(True)

    def _map_row(self, section: QTreeWidgetItem, outcome: MapOutcome) -> None:
        """The map's title, what happened to it beneath, its conflicts and its copy."""
        row = QTreeWidgetItem(section, [f"\u201c{outcome.title}\u201d"])
        row.setToolTip(0, outcome.sentence())
        if not self.confirm:  # before the merge, an added map is not in the library yet
            row.setData(0, MAP_ID_ROLE, outcome.map_id)
        if outcome.how == KEPT_TWICE and outcome.copy_title:
            copy = QTreeWidgetItem(row, [f"Kept beside it: \u201c{outcome.copy_title}\u201d"])
            copy.setToolTip(0, copy.text(0))
            if not self.confirm and outcome.copy_id:
                copy.setData(0, MAP_ID_ROLE, outcome.copy_id)
        detail = QTreeWidgetItem(row, [outcome.detail()])
        detail.setToolTip(0, outcome.detail())
        for conflict in outcome.conflicts:
            QTreeWidgetItem(detail, [conflict]).setToolTip(0, conflict)
        detail.setExpanded(True)
        row.setExpanded(outcome.how != UNCHANGED)

    def _other_lines(self) -> list[str]:
        report = self.report
        lines = []
        if report.personas_reused:
            lines.append("Personas reused: " + ", ".join(report.personas_reused))
        if report.personas_added:
            lines.append("Personas added: " + ", ".join(report.personas_added))
        lines.extend(
            f"Persona \u201c{name}\u201d differs in the other library; this library's is kept."
            for name in report.personas_differing
        )
        if report.versions_added:
            lines.append(f"Saved versions copied: {report.versions_added}")
        lines.extend(report.warnings)
        return lines

    def _note(self) -> str:
        if self.confirm:
            if not self.report.changes_anything:
                return "There is nothing to merge: this library already holds all of it."
            return (
                "Merging is one step: Edit > Undo (Ctrl+Z) takes all of it back while jmapper "
                "stays open. A backup copy of the library is also made beside it first. Maps "
                "the merge changes are reopened, so their undo history ends here."
            )
        if self.report.backup is None:
            return "Nothing was changed."
        return (
            "Double-click a map to open it. Edit > Undo (Ctrl+Z) takes the merge back; the "
            f"library as it was is also kept as {self.report.backup}."
        )

    def map_rows(self) -> list[QTreeWidgetItem]:
        """Every row that names a map (tests and keyboard users walk these)."""
        rows: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            if item.data(0, MAP_ID_ROLE):
                rows.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return rows

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        map_id = item.data(0, MAP_ID_ROLE)
        if map_id:
            self.open_requested.emit(str(map_id))
