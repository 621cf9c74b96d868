"""The Evidence panel: what each stage rests on, and the evidence items to edit or remove.

One group per stage, left to right, headed with its "backed by data" count
(the badge the stage header shows) or "No data"; under it the data sources
the stage cites and the evidence items on the stage, its steps and its cards.
Choosing an item shows it in the inspector (each field edit one undo step);
Remove takes it off the map (one undo step).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.analysis.coverage import stage_evidence_counts, stage_of
from jmapper.document import JourneyDocument
from jmapper.layout.evidence import badge_code
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import EvidenceItem
from jmapper.model.errors import DomainError
from jmapper.ui.canvas.research import target_label

_ID = Qt.ItemDataRole.UserRole


def item_text(bundle: MapBundle, item: EvidenceItem) -> str:
    """'Exit survey (Survey, Quantitative) · Card: ... · Qualtrics'."""
    kind = item.kind.label + (f", {item.level.label}" if item.level is not None else "")
    parts = [f"{item.title or 'Untitled'} ({kind})"]
    if item.target_kind.value != "stage":
        parts.append(target_label(bundle, item.target_kind.value, item.target_id))
    if item.source:
        parts.append(item.source)
    return " \u00b7 ".join(parts)


class EvidenceDock(QDockWidget):
    # show this entity in the inspector (and on the canvas if it is there): kind, id
    jump_requested = Signal(str, str)
    # an edit was refused: the sentence
    edit_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Evidence", parent)
        self.setObjectName("evidenceDock")
        self.document: JourneyDocument | None = None
        body = QWidget(self)
        self.summary = QLabel(body)
        self.summary.setObjectName("evidenceSummary")
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("evidenceList")
        self.tree.setHeaderHidden(True)
        self.remove = QPushButton("&Remove Evidence", body)
        self.remove.setObjectName("removeEvidenceButton")
        self.remove.setToolTip("Take the chosen evidence item off the map (undoable)")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.remove)
        self.setWidget(body)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.remove.clicked.connect(self._remove_current)
        self._filling = False
        self.refresh()

    def set_document(self, document: JourneyDocument | None) -> None:
        if self.document is not None:
            self.document.changes_applied.disconnect(self._changed)
        self.document = document
        if document is not None:
            document.changes_applied.connect(self._changed)
        self.refresh()

    def _changed(self, _changeset: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        current = self.tree.currentItem()
        keep = current.data(0, _ID) if current is not None else None
        self._filling = True
        self.tree.clear()
        bundle = self.document.bundle if self.document is not None else None
        if bundle is None:
            self.summary.setText("No map open")
            self._filling = False
            self.remove.setEnabled(False)
            return
        counts = stage_evidence_counts(bundle)
        by_stage: dict[str, list[EvidenceItem]] = {}
        for item in bundle.evidence_items.values():
            stage_id = stage_of(bundle, item.target_kind, item.target_id) or ""
            by_stage.setdefault(stage_id, []).append(item)
        bare = 0
        for stage in bundle.ordered_stages():
            count = counts.get(stage.id, 0)
            bare += 0 if count else 1
            group = QTreeWidgetItem([f"{stage.name} \u2014 {badge_code(count)}"])
            font = QFont(group.font(0))
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for source in stage.data_sources:
                if source.strip():
                    group.addChild(QTreeWidgetItem([f"Source: {source}"]))
            for item in sorted(by_stage.get(stage.id, []), key=lambda e: (e.title, e.id)):
                row = QTreeWidgetItem([item_text(bundle, item)])
                row.setData(0, _ID, item.id)
                row.setToolTip(0, "\n".join(p for p in (item.url, item.notes) if p))
                group.addChild(row)
                if item.id == keep:
                    self.tree.setCurrentItem(row)
            group.setExpanded(True)
        for item in by_stage.get("", []):
            row = QTreeWidgetItem([f"Map: {item_text(bundle, item)}"])
            row.setData(0, _ID, item.id)
            self.tree.addTopLevelItem(row)
        self._filling = False
        stages = len(bundle.stages)
        self.summary.setText(
            f"{stages - bare} of {stages} stages backed by data"
            + (f"; {bare} with none" if bare else "")
        )
        self.remove.setEnabled(self._chosen() is not None)

    def _chosen(self) -> EvidenceItem | None:
        row = self.tree.currentItem()
        if row is None or self.document is None:
            return None
        return self.document.bundle.evidence_items.get(row.data(0, _ID) or "")

    def _current_changed(self, _row: object, _previous: object) -> None:
        item = self._chosen()
        self.remove.setEnabled(item is not None)
        if item is not None and not self._filling:
            self.jump_requested.emit("evidence_item", item.id)

    def _remove_current(self) -> None:
        item = self._chosen()
        if item is None or self.document is None:
            return
        try:
            self.document.remove("evidence_item", item.id)
        except DomainError as error:
            self.edit_refused.emit(str(error))


__all__ = ["EvidenceDock", "item_text"]
