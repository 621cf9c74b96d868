"""Add an evidence item: what research backs the selected stage, step or card.

Title, kind, level, source, a link or a file name, and a note.  Only the file's
name is kept (the library stores no attachments), so the map stays one small
file.  The caller adds the result as one edit; a missing title is said in the
dialog, which stays open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import EvidenceItem
from jmapper.model.enums import EvidenceKind, EvidenceLevel, TargetKind
from jmapper.ui.dialogs.metric_dialog import Scope
from jmapper.ui.palette import problem_label

NO_LEVEL = "\u2014 not rated"


class EvidenceDialog(QDialog):
    def __init__(self, bundle: MapBundle, scopes: list[Scope], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.setWindowTitle("Add Evidence")
        self.bundle = bundle
        self.item: EvidenceItem | None = None
        form = QFormLayout()
        self.scope = QComboBox(self)
        self.scope.setObjectName("scopeCombo")
        for scope in scopes:
            self.scope.addItem(scope.label, scope)
        self.scope.setCurrentIndex(len(scopes) - 1)
        self.title = QLineEdit(self)
        self.title.setObjectName("titleEdit")
        self.title.setPlaceholderText("e.g. 12 interviews with recent callers")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindCombo")
        for kind in EvidenceKind:
            self.kind.addItem(kind.label, kind.value)
        self.level = QComboBox(self)
        self.level.setObjectName("levelCombo")
        self.level.addItem(NO_LEVEL, None)
        for level in EvidenceLevel:
            self.level.addItem(level.label, level.value)
        self.source = QLineEdit(self)
        self.source.setObjectName("sourceEdit")
        self.source.setPlaceholderText("who or what it comes from: CRM, research ops, ...")
        self.link = QLineEdit(self)
        self.link.setObjectName("linkEdit")
        self.link.setPlaceholderText("https://... or a file name")
        self.browse = QPushButton("&File\u2026", self)
        self.browse.setObjectName("fileButton")
        self.browse.setToolTip("Pick the file: its name is kept, not the file")
        self.browse.clicked.connect(self._pick_file)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link)
        link_row.addWidget(self.browse)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        form.addRow("&For", self.scope)
        form.addRow("&Title", self.title)
        form.addRow("&Kind", self.kind)
        form.addRow("&Level", self.level)
        form.addRow("&Source", self.source)
        form.addRow("Lin&k or file", link_row)
        form.addRow("&Note", self.notes)
        self.error = problem_label(self, "errorLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(460, self.sizeHint().height())

    def _pick_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, "Evidence file")
        if path:
            self.link.setText(Path(path).name)

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText("Give the evidence a title, e.g. \u201cExit survey, May 2025\u201d.")
            self.title.setFocus()
            return
        scope: Scope = self.scope.currentData()
        level = self.level.currentData()
        self.item = EvidenceItem(
            map_id=self.bundle.map.id,
            kind=EvidenceKind(self.kind.currentData()),
            title=self.title.text().strip(),
            source=self.source.text().strip(),
            url=self.link.text().strip(),
            notes=self.notes.toPlainText().strip(),
            target_kind=TargetKind(scope.kind.value),
            target_id=scope.entity_id if scope.entity_id is not None else self.bundle.map.id,
            level=EvidenceLevel(level) if level else None,
        )
        self.accept()


__all__ = ["EvidenceDialog"]
