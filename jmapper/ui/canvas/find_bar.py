"""The find bar: a small strip at the top of the canvas to find a card by its text.

Enter jumps to the next match (wrapping), Shift+Enter to the previous one,
Esc closes.  Matching is case-insensitive over title, description and quote,
in reading order (stage by stage, lane by lane), so "next" moves the way the
eye does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindLineEdit(QLineEdit):
    # Enter (forward=True) or Shift+Enter (forward=False)
    next_requested = Signal(bool)
    # Esc
    close_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            forward = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.next_requested.emit(bool(forward))
        elif event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    # the user asked for the next (True) or previous (False) match of the text
    find_requested = Signal(str, bool)
    # the bar was closed
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("canvasFindBar")
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.edit = FindLineEdit(self)
        self.edit.setObjectName("canvasFindText")
        self.edit.setPlaceholderText("Find a card\u2026")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel("", self)
        self.status.setObjectName("canvasFindStatus")
        close = QToolButton(self)
        close.setText("\u2715")
        close.setToolTip("Close the find bar (Esc)")
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.edit.next_requested.connect(
            lambda forward: self.find_requested.emit(self.edit.text(), forward)
        )
        self.edit.close_requested.connect(self.close_bar)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.raise_()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_status(self, text: str) -> None:
        self.status.setText(text)
