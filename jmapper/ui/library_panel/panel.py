"""A filterable list of the library's maps (title, type, persona, status, reviewed).

The panel only shows summaries and reports which map the user picked; the
main window opens it.  Refreshing keeps the current map selected and never
emits a pick, so reloading the list cannot open a map behind the user's back.
A map this version cannot read (written by a newer jmapper, or edited by hand)
stays in the list, marked with a warning and the sentence that says why, so
the user sees it is there and that the other maps are fine; picking it shows
that sentence again instead of opening it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.analysis.health import Severity
from jmapper.analysis.health.review import ReviewKind
from jmapper.model.enums import MapType
from jmapper.services.health import HealthCounts, summary_review_state
from jmapper.services.library_api import MapSummary, UnreadableMapError

_ID_ROLE = Qt.ItemDataRole.UserRole
_TYPE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Title", "Health", "Review", "Type", "Persona", "Status", "Last reviewed")
HEALTH_COLUMN, REVIEW_COLUMN = 1, 2
UNREADABLE_TYPE = "Cannot be read"  # column 1 of a map this version cannot read
#: The Health column while a map's findings are being counted.
COUNTING = "Checking\u2026"

_HEALTH_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.ADVICE: QStyle.StandardPixmap.SP_MessageBoxInformation,
    None: QStyle.StandardPixmap.SP_DialogApplyButton,
}
_REVIEW_ICONS = {
    ReviewKind.STALE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    ReviewKind.OVERDUE: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ReviewKind.NEVER: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ReviewKind.NEW_DRAFT: QStyle.StandardPixmap.SP_MessageBoxInformation,
    ReviewKind.CURRENT: QStyle.StandardPixmap.SP_DialogApplyButton,
}


class LibraryPanel(QWidget):
    # the user picked a map (clicked, moved with the keyboard or pressed Enter); argument: map id
    map_requested = Signal(str)
    # the user asked to compare a listed map with the open one; argument: map id
    compare_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("mapFilter")
        self.filter_edit.setPlaceholderText("Filter maps\u2026")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setToolTip("Show only maps whose title, persona or status contains this")
        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("mapTypeFilter")
        self.type_filter.setToolTip("Show only maps of this type")
        self.type_filter.addItem("All types", "")
        for map_type in MapType:
            self.type_filter.addItem(map_type.label, map_type.value)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("mapList")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        for column, width in enumerate((200, 130, 150, 110, 120, 80)):
            self.tree.setColumnWidth(column, width)
        self.tree.setSortingEnabled(True)
        self.tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(self.type_filter, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.tree)
        self._summaries: list[MapSummary] = []
        self._health: dict[str, HealthCounts | None] = {}  # map id -> counts once known
        self._unreadable: dict[str, tuple[str, str]] = {}  # map id -> (title, sentence)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.type_filter.currentIndexChanged.connect(self._apply_filter)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda item, _col: self._emit_pick(item))
        self.setFocusProxy(self.tree)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self.open_map_id: str | None = None  # the map the editor shows (set by the window)

    def context_menu(self, item: QTreeWidgetItem) -> QMenu | None:
        """The row's menu: compare it with the open map (when it is another, readable map)."""
        map_id = item.data(0, _ID_ROLE)
        if not map_id or map_id in self._unreadable:
            return None
        menu = QMenu(self)
        action = menu.addAction("Compare with the Open Map")
        action.setObjectName("actionCompareWithOpenMap")
        action.setToolTip("Steps, emotion curves and cards of this map beside the open one")
        action.setEnabled(self.open_map_id is not None and map_id != self.open_map_id)
        action.triggered.connect(lambda _checked=False: self.compare_requested.emit(map_id))
        return menu

    def _show_context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        menu = self.context_menu(item) if item is not None else None
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))

    # -- content -------------------------------------------------------------
    def set_summaries(
        self,
        summaries: list[MapSummary],
        current_id: str | None,
        unreadable: Sequence[UnreadableMapError] = (),
    ) -> None:
        """Show ``summaries`` and the ``unreadable`` maps, selecting ``current_id`` quietly.

        A listed map that failed to load (:meth:`mark_unreadable`) stays
        marked for as long as it is listed.
        """
        self._summaries = list(summaries)
        present = {summary.id for summary in self._summaries}
        today = date.today()
        self._unreadable = {
            **{map_id: entry for map_id, entry in self._unreadable.items() if map_id in present},
            **{error.map_id: (error.title, str(error)) for error in unreadable},
        }
        self.tree.blockSignals(True)
        try:
            self.tree.setSortingEnabled(False)
            self.tree.clear()
            for error in unreadable:
                self.tree.addTopLevelItem(self._unreadable_item(error.map_id))
            for summary in self._summaries:
                if summary.id in self._unreadable:
                    self.tree.addTopLevelItem(self._unreadable_item(summary.id))
                    continue
                reviewed = summary.last_reviewed.isoformat() if summary.last_reviewed else ""
                item = QTreeWidgetItem(
                    [
                        summary.title,
                        COUNTING,
                        "",
                        summary.map_type.label,
                        summary.persona_name or "",
                        summary.status.label,
                        reviewed,
                    ]
                )
                item.setData(0, _ID_ROLE, summary.id)
                item.setData(0, _TYPE_ROLE, summary.map_type.value)
                item.setToolTip(0, summary.title)
                self._show_review(item, summary, today)
                if summary.id in self._health:
                    self._show_health(item, self._health[summary.id])
                self.tree.addTopLevelItem(item)
            self.tree.setSortingEnabled(True)
            self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # Qt takes nullptr; the stubs omit it
            for item in self._items():
                if item.data(0, _ID_ROLE) == current_id:
                    self.tree.setCurrentItem(item)
                    break
        finally:
            self.tree.blockSignals(False)
        self._apply_filter()

    def set_health(self, map_id: str, counts: HealthCounts | None) -> None:
        """Show a map's finding counts (None: they could not be counted)."""
        self._health[map_id] = counts
        for item in self._items():
            if item.data(0, _ID_ROLE) == map_id and map_id not in self._unreadable:
                self._show_health(item, counts)

    def _show_health(self, item: QTreeWidgetItem, counts: HealthCounts | None) -> None:
        if counts is None:
            item.setText(HEALTH_COLUMN, "Not checked")
            item.setToolTip(HEALTH_COLUMN, "The map could not be read to check its health.")
            return
        item.setText(HEALTH_COLUMN, counts.text)
        item.setIcon(HEALTH_COLUMN, self.style().standardIcon(_HEALTH_ICONS[counts.worst]))
        tip = (
            f"{counts.errors} errors, {counts.warnings} warnings, {counts.advice} advice"
            + (f"; {counts.dismissed} dismissed" if counts.dismissed else "")
            + " (the Health panel lists them)"
        )
        item.setToolTip(HEALTH_COLUMN, tip)

    def _show_review(self, item: QTreeWidgetItem, summary: MapSummary, today: date) -> None:
        state = summary_review_state(summary, today)
        item.setText(REVIEW_COLUMN, state.text)
        item.setIcon(REVIEW_COLUMN, self.style().standardIcon(_REVIEW_ICONS[state.kind]))
        item.setToolTip(REVIEW_COLUMN, f"Review: {state.kind.value}. {state.text}.")

    def health_text(self, map_id: str) -> tuple[str, str]:
        """(Health, Review) texts of a map's row (tests and screenshots read them)."""
        for item in self._items():
            if item.data(0, _ID_ROLE) == map_id:
                return item.text(HEALTH_COLUMN), item.text(REVIEW_COLUMN)
        return "", ""

    def summaries(self) -> list[MapSummary]:
        """The readable maps, in the order given (what the editor may open)."""
        return [s for s in self._summaries if s.id not in self._unreadable]

    def mark_unreadable(self, map_id: str, sentence: str) -> None:
        """Mark a listed map that failed to load, with the sentence saying why."""
        for index, item in enumerate(self._items()):
            if item.data(0, _ID_ROLE) == map_id:
                self._unreadable[map_id] = (item.text(0), sentence)
                self.tree.blockSignals(True)
                try:
                    replacement = self._unreadable_item(map_id)
                    self.tree.takeTopLevelItem(index)
                    self.tree.insertTopLevelItem(index, replacement)
                    self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # Qt takes nullptr; the stubs omit it
                finally:
                    self.tree.blockSignals(False)
                self._apply_filter()
                return

    def unreadable_ids(self) -> set[str]:
        """The ids of the maps marked as unreadable by this version."""
        return set(self._unreadable)

    def visible_titles(self) -> list[str]:
        """Titles of the rows the filters leave visible, top to bottom."""
        return [item.text(0) for item in self._items() if not item.isHidden()]

    def select_map(self, map_id: str | None) -> None:
        """Select ``map_id``'s row quietly (the window already has it open)."""
        self.open_map_id = map_id
        self.tree.blockSignals(True)
        try:
            self.tree.setCurrentItem(None)  # type: ignore[call-overload]  # Qt takes nullptr; the stubs omit it
            for item in self._items():
                if item.data(0, _ID_ROLE) == map_id:
                    self.tree.setCurrentItem(item)
        finally:
            self.tree.blockSignals(False)

    # -- internals -------------------------------------------------------------
    def _unreadable_item(self, map_id: str) -> QTreeWidgetItem:
        """A greyed row with a warning icon whose tooltip is the sentence."""
        title, sentence = self._unreadable[map_id]
        item = QTreeWidgetItem([title, UNREADABLE_TYPE, "", "", "", "", ""])
        item.setData(0, _ID_ROLE, map_id)
        item.setData(0, _TYPE_ROLE, "")
        item.setIcon(0, self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for column in range(len(COLUMNS)):
            item.setToolTip(column, sentence)
            item.setForeground(column, grey)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        rows = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in rows if item is not None]

    def _apply_filter(self) -> None:
        words = self.filter_edit.text().casefold().split()
        wanted_type = self.type_filter.currentData() or ""
        for item in self._items():
            haystack = " ".join(item.text(c) for c in range(len(COLUMNS))).casefold()
            matches = all(word in haystack for word in words)
            if wanted_type and item.data(0, _TYPE_ROLE) != wanted_type:
                matches = False
            item.setHidden(not matches)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self._emit_pick(item)

    def _emit_pick(self, item: QTreeWidgetItem) -> None:
        self.map_requested.emit(item.data(0, _ID_ROLE))
