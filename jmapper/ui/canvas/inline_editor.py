"""The inline editor: type a card title (or a header name) right on the map.

A plain QLineEdit over the viewport.  Enter commits, Tab / Shift+Tab commit
and ask for the next / previous cell, Esc cancels: the caller decides what a
commit means (a new card, a renamed card), so cancelling never leaves a trace
in the document.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

COMMIT, NEXT, PREVIOUS = "commit", "next", "previous"


class InlineEditor(QLineEdit):
    # the user finished; arguments: the text and how (commit, next, previous)
    committed = Signal(str, str)
    # the user pressed Esc
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("canvasInlineEditor")
        self.setFrame(True)
        self.hide()
        self._on_commit: Callable[[str, str], None] | None = None
        self._done = True

    def open(
        self,
        geometry: QRect,
        text: str,
        on_commit: Callable[[str, str], None],
        placeholder: str = "",
    ) -> None:
        """Show over ``geometry`` (viewport pixels) with ``text`` selected."""
        self._on_commit = on_commit
        self._done = False
        self.setPlaceholderText(placeholder)
        self.setGeometry(geometry)
        self.setText(text)
        self.selectAll()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def active(self) -> bool:
        return not self._done

    def finish(self, how: str) -> None:
        if self._done:
            return
        self._done = True
        callback, self._on_commit = self._on_commit, None
        text = self.text()
        self.hide()
        if how == "cancel":
            self.cancelled.emit()
        elif callback is not None:
            callback(text, how)
            self.committed.emit(text, how)

    def event(self, event: QEvent) -> bool:
        # Tab would otherwise move focus out of the canvas before keyPressEvent sees it.
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Tab:
                self.finish(NEXT)
                return True
            if key == Qt.Key.Key_Backtab:
                self.finish(PREVIOUS)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(COMMIT)
        elif key == Qt.Key.Key_Escape:
            self.finish("cancel")
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        # Clicking elsewhere keeps what was typed, like a sticky note that was written.
        super().focusOutEvent(event)
        if not self._done and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(COMMIT)
