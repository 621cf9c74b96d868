"""A one-line text prompt (rename a map, name a version).

Our own small dialog rather than QInputDialog so it opens non-blocking
(``open()``), refuses an empty answer up front, and can be driven by tests
through its widgets.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class TextPromptDialog(QDialog):
    def __init__(
        self, title: str, label: str, text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("textPromptDialog")
        self.setWindowTitle(title)
        self.label = QLabel(label, self)
        self.line = QLineEdit(text, self)
        self.line.setObjectName("promptText")
        self.line.selectAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.line)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.line.textChanged.connect(self._update)
        self._update()
        self.resize(420, self.sizeHint().height())

    def text(self) -> str:
        return self.line.text().strip()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.text()))
