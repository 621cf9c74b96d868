"""The Comments panel: every comment of the open map, to go through and resolve.

One row per comment: what it is on, who wrote it and when, and its text,
with a check box that marks it resolved (one undo step; Space toggles it from
the keyboard).  Open comments come first, oldest first; resolved ones show
only with "Show resolved".  Choosing a row (click, arrows, Enter) shows what
the comment is on, on the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.document import JourneyDocument
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Comment
from jmapper.model.errors import DomainError
from jmapper.ui.canvas.research import target_label

_ID = Qt.ItemDataRole.UserRole


def _when(created: str) -> str:
    """'2025-06-11 14:02' from the stored ISO time."""
    return created.replace("T", " ")[:16]


def row_text(bundle: MapBundle, comment: Comment) -> str:
    """The comment, then 'Card: ... · Sam · 2025-06-11 14:02' on a second line."""
    where = target_label(bundle, comment.target_kind.value, comment.target_id)
    by = comment.author or "no author"
    return f"{comment.text}\n{where} \u00b7 {by} \u00b7 {_when(comment.created)}"


class CommentsDock(QDockWidget):
    # show this entity on the canvas: kind, id
    jump_requested = Signal(str, str)
    # an edit was refused: the sentence
    edit_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Comments", parent)
        self.setObjectName("commentsDock")
        self.document: JourneyDocument | None = None
        body = QWidget(self)
        self.summary = QLabel(body)
        self.summary.setObjectName("commentsSummary")
        self.show_resolved = QCheckBox("Show &resolved", body)
        self.show_resolved.setObjectName("showResolved")
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("commentList")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setAlternatingRowColors(True)
        self.resolve = QPushButton("Mark &Resolved", body)
        self.resolve.setObjectName("resolveButton")
        self.resolve.setToolTip("Mark the chosen comment resolved, or open again (Space)")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_resolved)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.resolve)
        self.setWidget(body)
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._jump(item))
        self.resolve.clicked.connect(self._toggle_current)
        self.tree.installEventFilter(self)
        self._filling = False
        self.refresh()

    # -- document ---------------------------------------------------------------------------
    def set_document(self, document: JourneyDocument | None) -> None:
        if self.document is not None:
            self.document.changes_applied.disconnect(self._changed)
        self.document = document
        if document is not None:
            document.changes_applied.connect(self._changed)
        self.refresh()

    def _changed(self, _changeset: object) -> None:
        self.refresh()

    def comments(self) -> list[Comment]:
        """The rows shown, in order: open first, then (if shown) resolved; oldest first."""
        if self.document is None:
            return []
        everything = self.document.bundle.comments.values()
        shown = [c for c in everything if self.show_resolved.isChecked() or not c.resolved]
        return sorted(shown, key=lambda c: (c.resolved, c.created, c.id))

    def refresh(self) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, _ID) if current is not None else None
        self._filling = True
        self.tree.clear()
        bundle: MapBundle | None = self.document.bundle if self.document is not None else None
        for comment in self.comments():
            assert bundle is not None
            item = QTreeWidgetItem([row_text(bundle, comment)])
            item.setData(0, _ID, comment.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if comment.resolved else Qt.CheckState.Unchecked
            )
            item.setToolTip(0, row_text(bundle, comment))
            if comment.resolved:
                font = item.font(0)
                font.setStrikeOut(True)
                item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            if comment.id == keep:
                self.tree.setCurrentItem(item)
        self._filling = False
        total = list(bundle.comments.values()) if bundle is not None else []
        open_count = sum(1 for c in total if not c.resolved)
        self.summary.setText(
            f"{open_count} open, {len(total) - open_count} resolved" if bundle else "No map open"
        )
        self._update_button()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt virtual)
        """Space on any column of a row resolves or reopens it (not only on the check box)."""
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and not event.modifiers()
        ):
            self._toggle_current()
            return True
        return super().eventFilter(watched, event)

    # -- gestures -----------------------------------------------------------------------------
    def _comment_of(self, item: QTreeWidgetItem | None) -> Comment | None:
        if item is None or self.document is None:
            return None
        return self.document.bundle.comments.get(item.data(0, _ID))

    def _set_resolved(self, comment: Comment, resolved: bool) -> None:
        if self.document is None or comment.resolved == resolved:
            return
        try:
            self.document.edit("comment", comment.id, resolved=resolved)
        except DomainError as error:
            self.edit_refused.emit(str(error))
            self.refresh()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        comment = self._comment_of(item)
        if comment is not None:
            self._set_resolved(comment, item.checkState(0) == Qt.CheckState.Checked)

    def _toggle_current(self) -> None:
        comment = self._comment_of(self.tree.currentItem())
        if comment is not None:
            self._set_resolved(comment, not comment.resolved)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        self._update_button()
        if item is not None and not self._filling:
            self._jump(item)

    def _jump(self, item: QTreeWidgetItem) -> None:
        comment = self._comment_of(item)
        if comment is not None and comment.target_id is not None:
            self.jump_requested.emit(comment.target_kind.value, comment.target_id)

    def _update_button(self) -> None:
        comment = self._comment_of(self.tree.currentItem())
        self.resolve.setEnabled(comment is not None)
        self.resolve.setText("&Open Again" if comment and comment.resolved else "Mark &Resolved")


__all__ = ["CommentsDock"]
