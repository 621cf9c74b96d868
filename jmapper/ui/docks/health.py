"""The Health panel: the map's health findings, grouped by severity, kept up to date.

The rules (:mod:`jmapper.analysis.health`, docs/health-rules.md) run off the
edit path: an edit only restarts a short single-shot timer, and the check
runs once the user pauses (and only while the panel is shown; a hidden panel
catches up when it is shown again).  So typing on a large map never waits for
the health check (tests/bench/bench_health_panel.py measures both costs).

Clicking a finding asks the window to jump to its entity on the canvas.  A
finding can be dismissed with a reason typed below the list (one undo step,
stored with the map); a dismissed one can be restored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.analysis.health import Finding, Severity, Sorted, run_checks, sort_dismissed
from jmapper.document import JourneyDocument
from jmapper.model.errors import DomainError
from jmapper.services.health import counts_of

#: How long the user must pause editing before the check runs again.
DEBOUNCE_MS = 400

#: Group headings, in the order shown.
GROUPS: tuple[tuple[Severity, str, str], ...] = (
    (Severity.ERROR, "Errors", "error"),
    (Severity.WARNING, "Warnings", "warning"),
    (Severity.ADVICE, "Advice", "advice"),
)

_ROLE = Qt.ItemDataRole.UserRole


def _icon(widget: QWidget, severity: Severity | None) -> QIcon:
    """The standard message icon of a severity (dismissed: a plain 'no' icon)."""
    pixmap = {
        Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.ADVICE: QStyle.StandardPixmap.SP_MessageBoxInformation,
        None: QStyle.StandardPixmap.SP_DialogNoButton,
    }[severity]
    return widget.style().standardIcon(pixmap)


def summary_text(found: Sorted) -> str:
    """'2 errors, 1 warning, 0 advice; 1 dismissed', or that the map is healthy."""
    counts = {s: 0 for s in Severity}
    for finding in found.open:
        counts[finding.severity] += 1
    dismissed = f"; {len(found.dismissed)} dismissed" if found.dismissed else ""
    if not found.open:
        return f"No open findings: the map passes every health rule{dismissed}."
    parts = [
        f"{counts[Severity.ERROR]} error{'s' * (counts[Severity.ERROR] != 1)}",
        f"{counts[Severity.WARNING]} warning{'s' * (counts[Severity.WARNING] != 1)}",
        f"{counts[Severity.ADVICE]} advice",
    ]
    return ", ".join(parts) + dismissed


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their word-wrapped text at the tree's current width.

    Qt's own delegate wraps when painting but sizes a row for one line, so a
    finding's sentence would be cut; this measures it at the column's width.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(  # noqa: N802 (Qt virtual)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        base = super().sizeHint(option, index)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        icon = option.decorationSize.width() + 8
        width = self.tree.viewport().width() - self.tree.indentation() * (depth + 1) - icon - 8
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = option.fontMetrics
        bounds = metrics.boundingRect(0, 0, max(60, width), 10_000, Qt.TextFlag.TextWordWrap, text)
        return QSize(base.width(), max(base.height(), bounds.height() + 6))


class _FindingTree(QTreeWidget):
    """The findings list; re-measures its rows when its width changes."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt virtual)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()


class HealthDock(QDockWidget):
    # the user clicked a finding: (kind, id) of the entity to show
    jump_requested = Signal(str, str)
    # a dismissal was refused; argument: the sentence
    edit_refused = Signal(str)
    # the check ran: (map id, HealthCounts) for the library list
    counted = Signal(str, object)

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__("Health", parent)
        self.setObjectName("healthDock")
        self.document: JourneyDocument | None = None
        self.found = Sorted()
        self._today = today
        self._dirty = False
        self.checks_run = 0  # how often the rules ran (tests check the debounce)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.summary = QLabel(body)
        self.summary.setObjectName("healthSummary")
        self.summary.setWordWrap(True)
        self.tree = _FindingTree(body)
        self.tree.setObjectName("healthFindings")
        self.tree.setItemDelegate(_WrappingDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setToolTip("Click a finding to show its place on the map")
        self.detail = QLabel(body)
        self.detail.setObjectName("healthDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = QLineEdit(body)
        self.reason.setObjectName("healthDismissReason")
        self.reason.setPlaceholderText("Reason for dismissing the selected finding")
        self.dismiss_button = QPushButton("Dismiss", body)
        self.dismiss_button.setObjectName("healthDismiss")
        self.dismiss_button.setToolTip("Dismiss the selected finding with the reason typed beside")
        self.restore_button = QPushButton("Restore", body)
        self.restore_button.setObjectName("healthRestore")
        self.restore_button.setToolTip("Report the selected dismissed finding again")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        row.addWidget(self.restore_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.reason)
        layout.addLayout(row)
        self.setWidget(body)

        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_controls())
        self.reason.textChanged.connect(lambda _text: self._update_controls())
        self.reason.returnPressed.connect(self.dismiss_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.visibilityChanged.connect(self._visibility_changed)
        self._show()

    # -- following the document -----------------------------------------------------
    def set_document(self, document: JourneyDocument | None) -> None:
        if self.document is not None:
            self.document.changes_applied.disconnect(self._changed)
        self.document = document
        if document is not None:
            document.changes_applied.connect(self._changed)
        self.timer.stop()
        self._dirty = True
        self.refresh()

    def _changed(self, _changeset: object) -> None:
        """An edit: only restart the timer; the check runs once the user pauses."""
        self._dirty = True
        self.timer.start()

    def _visibility_changed(self, visible: bool) -> None:
        if visible and self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Run the rules now (if shown; a hidden panel catches up when shown)."""
        self.timer.stop()
        if self.document is None:
            self.found = Sorted()
            self._dirty = False
            self._show()
            return
        if not self.isVisible() and self.parent() is not None:
            self._dirty = True
            return
        bundle = self.document.bundle
        self.found = sort_dismissed(bundle, run_checks(bundle, self._today()))
        self.checks_run += 1
        self._dirty = False
        self._show()
        self.counted.emit(self.document.map_id, counts_of(self.found))

    # -- the list ---------------------------------------------------------------------
    def _show(self) -> None:
        current = self._current_key()
        self.tree.clear()
        if self.document is None:
            self.summary.setText("No map is open.")
            self._update_controls()
            return
        self.summary.setText(summary_text(self.found))
        select: QTreeWidgetItem | None = None
        for severity, heading, _word in GROUPS:
            findings = [f for f in self.found.open if f.severity is severity]
            if not findings:
                continue
            group = self._group(f"{heading} ({len(findings)})", severity)
            for finding in findings:
                item = self._finding_item(group, finding, finding.message, severity)
                if finding.key == current:
                    select = item
        if self.found.dismissed:
            group = self._group(f"Dismissed ({len(self.found.dismissed)})", None)
            for finding, dismissal in self.found.dismissed:
                text = f"{finding.message}\nDismissed: {dismissal.reason}"
                item = self._finding_item(group, finding, text, None)
                item.setData(0, _ROLE + 1, dismissal.id)
                if finding.key == current:
                    select = item
        if select is not None:
            self.tree.setCurrentItem(select)
        self._update_controls()

    def _group(self, text: str, severity: Severity | None) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [text])
        group.setIcon(0, _icon(self, severity))
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        group.setExpanded(severity is not None)
        return group

    def _finding_item(
        self, group: QTreeWidgetItem, finding: Finding, text: str, severity: Severity | None
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [text])
        item.setIcon(0, _icon(self, severity if severity is not None else finding.severity))
        item.setToolTip(0, f"{finding.severity.value} \u00b7 {finding.rule_id}\n{finding.message}")
        item.setData(0, _ROLE, finding)
        return item

    def _current_key(self) -> str:
        finding = self.selected_finding()
        return finding.key if finding is not None else ""

    def selected_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        value = item.data(0, _ROLE) if item is not None else None
        return value if isinstance(value, Finding) else None

    def _selected_dismissal(self) -> str:
        item = self.tree.currentItem()
        value = item.data(0, _ROLE + 1) if item is not None else None
        return value if isinstance(value, str) else ""

    def items(self) -> list[QTreeWidgetItem]:
        """Every finding row, group by group (tests and screenshots walk them)."""
        rows: list[QTreeWidgetItem] = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is None:
                continue
            for i in range(group.childCount()):
                child = group.child(i)
                if child is not None:
                    rows.append(child)
        return rows

    def _update_controls(self) -> None:
        finding = self.selected_finding()
        dismissed = bool(self._selected_dismissal())
        writable = self.document is not None and not self.document.read_only
        open_finding = finding is not None and not dismissed
        self.dismiss_button.setEnabled(
            writable and open_finding and bool(self.reason.text().strip())
        )
        self.reason.setEnabled(writable and open_finding)
        self.restore_button.setEnabled(writable and dismissed)
        if finding is None:
            self.detail.setText("")
        else:
            self.detail.setText(
                f"{finding.severity.value.capitalize()} \u00b7 {finding.rule_id}: {finding.message}"
            )

    # -- gestures ---------------------------------------------------------------------
    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, _ROLE)
        if isinstance(finding, Finding):
            self.jump_requested.emit(finding.target.kind, finding.target.id)

    def dismiss_selected(self) -> None:
        finding = self.selected_finding()
        reason = self.reason.text().strip()
        if self.document is None or finding is None or self._selected_dismissal() or not reason:
            return
        try:
            self.document.dismiss_finding(
                finding.rule_id, finding.target.kind, finding.target.id, reason
            )
        except DomainError as error:
            self.edit_refused.emit(str(error))
            return
        self.reason.clear()
        self.refresh()

    def restore_selected(self) -> None:
        dismissal_id = self._selected_dismissal()
        if self.document is None or not dismissal_id:
            return
        try:
            self.document.restore_finding(dismissal_id)
        except DomainError as error:
            self.edit_refused.emit(str(error))
            return
        self.refresh()
