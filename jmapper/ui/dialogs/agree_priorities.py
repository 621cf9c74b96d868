"""Agree priorities: the workshop's last step, the top N opportunities made priorities.

The dialog lists the top N (5 by default) open opportunities by votes or by a
score, with an owner, a metric and a due date to fill in for each.  "Make
priorities" sets them all to planned in one undo step, but only once every
one has all three: otherwise it refuses in place, naming what is missing,
and changes nothing (docs/opportunities.md).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.analysis.agreement import DEFAULT_TOP, RANKINGS, top_candidates
from jmapper.analysis.health.opportunities import MAX_PRIORITIES
from jmapper.analysis.opportunity_scores import format_score
from jmapper.analysis.priority import Method, is_priority, score
from jmapper.document import JourneyDocument
from jmapper.model import opportunity_edits
from jmapper.model.entities import Opportunity
from jmapper.model.errors import DomainError
from jmapper.ui.dialogs.messages import USER_ERRORS
from jmapper.ui.palette import problem_label

TITLE, VOTES, SCORE, OWNER, METRIC, DUE = range(6)
HEADERS = ("Opportunity", "Votes", "Score", "Owner", "Metric", "Due date (YYYY-MM-DD)")
WIDTHS = {TITLE: 300, VOTES: 50, SCORE: 140, OWNER: 230, METRIC: 200}


class AgreePrioritiesDialog(QDialog):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreePrioritiesDialog")
        self.setWindowTitle("Agree priorities")
        self.document = document
        self.candidates: list[Opportunity] = []
        self.count = QSpinBox(self)
        self.count.setObjectName("topCount")
        self.count.setRange(1, 20)
        self.count.setValue(DEFAULT_TOP)
        self.ranking = QComboBox(self)
        self.ranking.setObjectName("rankBy")
        for key, label in RANKINGS:
            self.ranking.addItem(label, key)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Take the top", self))
        choose.addWidget(self.count)
        choose.addWidget(QLabel("by", self))
        choose.addWidget(self.ranking, 1)
        explain = QLabel(
            "Each priority needs a named owner, a metric and a due date. Fill in what is "
            "missing, then Make priorities (one undo step).",
            self,
        )
        explain.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("prioritiesTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.note = QLabel(self)
        self.note.setObjectName("agreeNote")
        self.note.setWordWrap(True)
        self.problem = problem_label(self, "agreeProblem", bold=False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.agree_button = self.buttons.addButton(
            "Make priorities", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.agree_button.setObjectName("makePriorities")
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.count.valueChanged.connect(lambda _v: self.refill())
        self.ranking.currentIndexChanged.connect(lambda _i: self.refill())
        self.buttons.accepted.connect(self.make_priorities)
        self.buttons.rejected.connect(self.reject)
        self.resize(1180, 420)
        self.refill()

    # -- the candidates --------------------------------------------------------------
    def refill(self) -> None:
        by = self.ranking.currentData()
        self.candidates = top_candidates(
            self.document.bundle.opportunities.values(), self.count.value(), by
        )
        self.table.setRowCount(len(self.candidates))
        method = Method.IMPACT_FEASIBILITY if by == "votes" else Method(by)
        for row, opp in enumerate(self.candidates):
            self._cell(row, TITLE, opp.title)
            self._cell(row, VOTES, str(opp.votes))
            value = score(opp, method)
            self._cell(row, SCORE, "-" if value is None else format_score(value))
            for column, text in (
                (OWNER, opp.owner),
                (METRIC, opp.metric),
                (DUE, opp.due_date.isoformat() if opp.due_date else ""),
            ):
                edit = QLineEdit(text, self.table)
                edit.setObjectName(f"{('owner', 'metric', 'due')[column - OWNER]}_{row}")
                edit.setPlaceholderText("missing: type it here")
                edit.setCursorPosition(0)  # show the start of a long name
                self.table.setCellWidget(row, column, edit)
        score_name = dict(RANKINGS)[method.value]
        self.table.setHorizontalHeaderItem(SCORE, QTableWidgetItem(score_name))
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.problem.setText("" if self.candidates else "No open opportunities on this map.")
        chosen = {o.id for o in self.candidates}
        others = [
            o
            for o in self.document.bundle.opportunities.values()
            if is_priority(o) and o.id not in chosen
        ]
        total = len(chosen) + len(others)
        self.note.setText(
            f"Note: with {len(others)} other priorit{'y' if len(others) == 1 else 'ies'} already "
            f"agreed, the map would have {total}; a workshop ends with the top "
            f"{MAX_PRIORITIES} at most (set the rest back to ideas)."
            if total > MAX_PRIORITIES
            else ""
        )

    def _cell(self, row: int, column: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, column, item)

    def editor(self, row: int, column: int) -> QLineEdit:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QLineEdit)
        return widget

    # -- agreeing ------------------------------------------------------------------------
    def answers(self) -> dict[str, dict[str, object]]:
        """What the room filled in, per opportunity; a bad date is refused with a sentence."""
        out: dict[str, dict[str, object]] = {}
        for row, opp in enumerate(self.candidates):
            due_text = self.editor(row, DUE).text().strip()
            due: date | None = None
            if due_text:
                try:
                    due = date.fromisoformat(due_text)
                except ValueError:
                    raise DomainError(
                        f"\u201c{due_text}\u201d is not a date; write the due date of "
                        f"\u201c{opp.title}\u201d as YYYY-MM-DD."
                    ) from None
            out[opp.id] = {
                "owner": self.editor(row, OWNER).text().strip(),
                "metric": self.editor(row, METRIC).text().strip(),
                "due_date": due,
            }
        return out

    def make_priorities(self) -> None:
        """One undo step making them all priorities, or a refusal shown here."""
        if not self.candidates:
            self.reject()
            return
        try:
            answers = self.answers()
            changeset = opportunity_edits.agree_priorities(self.document.bundle, answers)
            self.document.execute(changeset)
        except USER_ERRORS as error:
            self.problem.setText(str(error))
            return
        self.accept()
