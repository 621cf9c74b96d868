"""Add a comment to the map or to the selected stage, step, lane, card or opportunity.

The author is remembered for the session (a workshop scribe types it once);
the time is taken when OK is pressed.  An empty comment is refused in the
dialog, which stays open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Comment
from jmapper.model.enums import TargetKind
from jmapper.ui.palette import problem_label


@dataclass(frozen=True)
class Target:
    """Something a comment can be about."""

    kind: TargetKind
    entity_id: str
    label: str


def now_text() -> str:
    """The local time, to the second, as comments store it ('2025-06-11T14:02:00')."""
    return datetime.now().replace(microsecond=0).isoformat()


class CommentDialog(QDialog):
    #: The last author typed in this session, offered again.
    last_author = ""

    def __init__(self, bundle: MapBundle, targets: list[Target], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self.setWindowTitle("Add Comment")
        self.bundle = bundle
        self.comment: Comment | None = None
        self.target = QComboBox(self)
        self.target.setObjectName("targetCombo")
        for target in targets:
            self.target.addItem(target.label, target)
        self.target.setCurrentIndex(len(targets) - 1)
        self.author = QLineEdit(CommentDialog.last_author or bundle.map.author, self)
        self.author.setObjectName("authorEdit")
        self.author.setPlaceholderText("who says it")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("textEdit")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("the question, the doubt or the idea")
        form = QFormLayout()
        form.addRow("&On", self.target)
        form.addRow("&Author", self.author)
        form.addRow("&Comment", self.text)
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
        self.text.setFocus()
        self.resize(440, self.sizeHint().height())

    def _accept(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self.error.setText("Type the comment first.")
            self.text.setFocus()
            return
        target: Target = self.target.currentData()
        author = self.author.text().strip()
        CommentDialog.last_author = author
        self.comment = Comment(
            map_id=self.bundle.map.id,
            target_kind=target.kind,
            target_id=target.entity_id,
            author=author,
            text=text,
            created=now_text(),
        )
        self.accept()


__all__ = ["CommentDialog", "Target", "now_text"]
