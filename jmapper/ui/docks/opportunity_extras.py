"""The part of the inspector only an opportunity has: its scores, steps and pain points.

Below the opportunity's fields: the computed scores (quadrant, impact x
feasibility, RICE, volume x severity, each with its rank on the map), the
steps it covers (tick or untick, one undo step each) and its linked pain
points (unlink the selected one, or "Pick on canvas": click pain points on
the map to link or unlink them, Esc ends).  Every change goes through
``document.execute`` so it is one undo step and on disk at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jmapper.analysis.opportunity_scores import map_scores
from jmapper.document import JourneyDocument
from jmapper.model import opportunity_edits
from jmapper.model.changes import ChangeSet
from jmapper.model.entities import Opportunity
from jmapper.ui.dialogs.messages import USER_ERRORS

_ID = Qt.ItemDataRole.UserRole


class OpportunityExtras(QWidget):
    # "Pick on canvas" was switched on (opportunity id) or off ('')
    pick_requested = Signal(str)
    # an edit was refused; argument: the sentence
    edit_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opportunityExtras")
        self.document: JourneyDocument | None = None
        self.opportunity_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)

        scores = QFormLayout()
        self.quadrant = self._value_label("scoreQuadrant")
        self.impact_feasibility = self._value_label("scoreImpactFeasibility")
        self.rice = self._value_label("scoreRice")
        self.volume_severity = self._value_label("scoreVolumeSeverity")
        heading = QLabel("<b>Scores</b> (computed; ranks among this map's opportunities)", self)
        layout.addWidget(heading)
        scores.addRow("Quadrant", self.quadrant)
        scores.addRow("Impact \u00d7 feasibility", self.impact_feasibility)
        scores.addRow("RICE", self.rice)
        scores.addRow("Volume \u00d7 severity", self.volume_severity)
        layout.addLayout(scores)

        layout.addWidget(QLabel("<b>Steps it covers</b>", self))
        self.steps = QListWidget(self)
        self.steps.setObjectName("coveredSteps")
        self.steps.setFixedHeight(110)
        self.steps.setToolTip(
            "Tick the steps this opportunity acts on (each tick is one undo step)"
        )
        self.steps.itemChanged.connect(self._step_ticked)
        layout.addWidget(self.steps)

        layout.addWidget(QLabel("<b>Pain points it addresses</b>", self))
        self.pains = QListWidget(self)
        self.pains.setObjectName("linkedPains")
        self.pains.setFixedHeight(90)
        layout.addWidget(self.pains)
        buttons = QHBoxLayout()
        self.pick_button = QPushButton("Pick on canvas", self)
        self.pick_button.setObjectName("pickPainsButton")
        self.pick_button.setCheckable(True)
        self.pick_button.setToolTip(
            "Click pain points on the map to link or unlink them; Esc (or this button) ends"
        )
        self.pick_button.toggled.connect(self._pick_toggled)
        self.unlink_button = QPushButton("Unlink", self)
        self.unlink_button.setObjectName("unlinkPainButton")
        self.unlink_button.setToolTip("Unlink the selected pain point from this opportunity")
        self.unlink_button.clicked.connect(self._unlink_selected)
        buttons.addWidget(self.pick_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _value_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- showing -----------------------------------------------------------------------
    def show_opportunity(self, document: JourneyDocument, opp: Opportunity) -> None:
        if self.opportunity_id != opp.id and self.pick_button.isChecked():
            self.pick_button.setChecked(False)
        self.document = document
        self.opportunity_id = opp.id
        bundle = document.bundle
        scores = map_scores(bundle.opportunities.values())[opp.id]
        self.quadrant.setText(
            scores.quadrant.label if scores.quadrant else "needs impact and feasibility"
        )
        self.impact_feasibility.setText(scores.impact_feasibility.text())
        self.rice.setText(scores.rice.text())
        self.volume_severity.setText(scores.volume_severity.text())
        self._fill_steps(document, opp)
        self._fill_pains(document, opp)

    def _fill_steps(self, document: JourneyDocument, opp: Opportunity) -> None:
        """One checkable row per step; rows are updated in place (a tick may be mid-signal)."""
        bundle = document.bundle
        rows = [
            (c.step_id, f"{bundle.stages[c.stage_id].name} \u203a {bundle.steps[c.step_id].name}")
            for c in bundle.columns()
            if c.step_id is not None
        ]
        self.steps.blockSignals(True)
        current = [
            (self.steps.item(r).data(_ID), self.steps.item(r).text())
            for r in range(self.steps.count())
        ]
        if current != rows:
            self.steps.clear()
            for step_id, text in rows:
                item = QListWidgetItem(text, self.steps)
                item.setData(_ID, step_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            checked = item.data(_ID) in opp.step_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.steps.blockSignals(False)

    def _fill_pains(self, document: JourneyDocument, opp: Opportunity) -> None:
        bundle = document.bundle
        self.pains.clear()
        for card_id in opp.pain_card_ids:
            card = bundle.cards.get(card_id)
            if card is None:
                continue
            severity = f"S{card.pain_severity} " if card.pain_severity is not None else ""
            item = QListWidgetItem(f"{severity}{card.title}", self.pains)
            item.setData(_ID, card_id)
        if not opp.pain_card_ids:
            placeholder = QListWidgetItem("None linked: Pick on canvas to link some", self.pains)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        self.unlink_button.setEnabled(bool(opp.pain_card_ids))

    # -- edits -------------------------------------------------------------------------
    def _run(self, build: Callable[[], ChangeSet]) -> None:
        if self.document is None:
            return
        try:
            self.document.execute(build())
        except USER_ERRORS as error:
            self.edit_refused.emit(str(error))
            opp = self.document.bundle.opportunities.get(self.opportunity_id)
            if opp is not None:
                self.show_opportunity(self.document, opp)

    def _step_ticked(self, _item: QListWidgetItem) -> None:
        document = self.document
        if document is None:
            return
        chosen = [
            self.steps.item(row).data(_ID)
            for row in range(self.steps.count())
            if self.steps.item(row).checkState() == Qt.CheckState.Checked
        ]
        self._run(
            lambda: opportunity_edits.set_covered_steps(
                document.bundle, self.opportunity_id, chosen
            )
        )

    def _unlink_selected(self) -> None:
        document = self.document
        item = self.pains.currentItem()
        card_id = item.data(_ID) if item is not None else None
        if document is None or not card_id:
            self.edit_refused.emit("Select a linked pain point in the list, then Unlink.")
            return
        self._run(
            lambda: opportunity_edits.toggle_pain_link(
                document.bundle, self.opportunity_id, card_id
            )
        )

    def _pick_toggled(self, on: bool) -> None:
        self.pick_requested.emit(self.opportunity_id if on else "")

    def pick_finished(self) -> None:
        """The canvas left pick mode (Esc, another map): release the button quietly."""
        self.pick_button.blockSignals(True)
        self.pick_button.setChecked(False)
        self.pick_button.blockSignals(False)
