"""Named versions of the open map: save one, see the list, restore one.

Saving is not an undoable edit (it changes nothing on the map); restoring is
one undo step on the map's stack, so a restore made by mistake is one Ctrl+Z
away.  The dialog is modeless so the facilitator can keep it beside the map.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jmapper.document import JourneyDocument
from jmapper.ui.dialogs.messages import reporting_errors

_ID = Qt.ItemDataRole.UserRole


class SnapshotDialog(QDialog):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotDialog")
        self.setWindowTitle(f"Versions of \u201c{document.bundle.map.title}\u201d")
        self.document = document
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("snapshotName")
        self.name_edit.setPlaceholderText("Name this version, e.g. \u201cAfter workshop 1\u201d")
        self.save_button = QPushButton("Save version", self)
        self.save_button.setObjectName("saveSnapshot")
        self.save_button.setToolTip("Keep the map as it is now under this name")
        self.list = QListWidget(self)
        self.list.setObjectName("snapshotList")
        self.restore_button = QPushButton("Restore", self)
        self.restore_button.setObjectName("restoreSnapshot")
        self.restore_button.setToolTip("Bring the map back to the selected version (undoable)")
        self.compare_button = QPushButton("Compare with now", self)
        self.compare_button.setObjectName("compareSnapshot")
        self.compare_button.setToolTip(
            "Show what changed since the selected version: steps, emotion curves and cards"
        )
        self.comparison: QDialog | None = None
        hint = QLabel(
            "Every change is saved as you work; versions are named points you can go back to.",
            self,
        )
        hint.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.name_edit, 1)
        save_row.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(save_row)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.compare_button)
        layout.addLayout(buttons)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.name_edit.returnPressed.connect(self.save)
        self.restore_button.clicked.connect(self.restore_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self.name_edit.textChanged.connect(lambda *_: self._update())
        document.snapshots_changed.connect(self.refresh)
        self.refresh()
        self.resize(460, 380)

    def refresh(self) -> None:
        with reporting_errors(self, "Versions"):
            snapshots = self.document.snapshots()
            self.list.clear()
            for snapshot in snapshots:
                when = snapshot.created.replace("T", " ")
                item = QListWidgetItem(f"{snapshot.name}  \u2014  {when}", self.list)
                item.setData(_ID, snapshot.id)
        self._update()

    def save(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            return
        with reporting_errors(self, "Save version"):
            self.document.save_snapshot(name)
            self.name_edit.clear()

    def restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        with reporting_errors(self, "Restore version"):
            self.document.restore_snapshot(item.data(_ID))

    def compare_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        from jmapper.ui.dialogs.review_commands import compare_with_version

        self.comparison = compare_with_version(self, self.document, item.data(_ID))

    def _update(self) -> None:
        self.compare_button.setEnabled(self.list.currentItem() is not None)
        writable = not self.document.read_only
        self.save_button.setEnabled(writable and bool(self.name_edit.text().strip()))
        self.restore_button.setEnabled(writable and self.list.currentItem() is not None)
