"""Add a metric value: which metric (or a new one), where, when, how many, and the counts.

The dialog only collects and checks; the caller adds the result as one edit
(:func:`jmapper.model.metric_edits.add_metric`).  The score the raw counts give
is shown as they are typed, by the same formulas the map and the command line
use (docs/metrics.md), and becomes the value's figure.  A bad entry is said in
the dialog, which stays open; nothing is added until OK.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jmapper.analysis.metric_text import format_with_unit, parse_counts
from jmapper.analysis.metrics import DEFAULT_REPEAT_WINDOW_DAYS, score
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import MetricDefinition, MetricValue
from jmapper.model.enums import CsatMode, MetricKind, MetricRole, MetricScope, MetricSource
from jmapper.ui.palette import problem_label

#: What the counts field expects, per kind (docs/metrics.md).
COUNT_HINTS = {
    MetricKind.CSAT: "1: 10, 2: 20, 3: 30, 4: 25, 5: 15",
    MetricKind.NPS: "0: 5, ..., 9: 30, 10: 20  or  promoters: 50, passives: 30, detractors: 20",
    MetricKind.CES: "1: 2, 4: 3, 7: 5",
    MetricKind.FCR: "resolved_first_contact: 610, contacts: 1000",
    MetricKind.AHT: "talk: 3000, hold: 600, wrap: 900, contacts: 10",
    MetricKind.REPEAT_CONTACT_RATE: "repeat_contacts: 120, contacts: 800",
}
NO_COUNTS = "no formula: type the value"


@dataclass(frozen=True)
class Scope:
    """A place a value can be about: the map, or one stage, step or card."""

    kind: MetricScope
    entity_id: str | None
    label: str


@dataclass(frozen=True)
class MetricEntry:
    """What the dialog collected: a new definition (or None) and the value."""

    definition: MetricDefinition | None
    value: MetricValue


def current_period(today: date | None = None) -> str:
    """This quarter as people label it, '2025-Q3'."""
    day = today or date.today()
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


class MetricDialog(QDialog):
    def __init__(
        self,
        bundle: MapBundle,
        scopes: list[Scope],
        parent: QWidget | None = None,
        metric_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metricDialog")
        self.setWindowTitle("Add Metric")
        self.bundle = bundle
        self.entry: MetricEntry | None = None
        form = QFormLayout()

        self.metric_combo = QComboBox(self)
        self.metric_combo.setObjectName("metricCombo")
        for definition in sorted(bundle.metric_definitions.values(), key=lambda d: d.name):
            self.metric_combo.addItem(f"{definition.name} ({definition.kind.label})", definition.id)
        self.metric_combo.addItem("New metric\u2026", None)
        if metric_id is not None and self.metric_combo.findData(metric_id) >= 0:
            self.metric_combo.setCurrentIndex(self.metric_combo.findData(metric_id))
        form.addRow("&Metric", self.metric_combo)

        self.kind = QComboBox(self)
        self.kind.setObjectName("kindCombo")
        for kind in MetricKind:
            self.kind.addItem(kind.label, kind)
        self.name = QLineEdit(self)
        self.name.setObjectName("nameEdit")
        self.name.setPlaceholderText("e.g. Resolution CSAT")
        self.unit = QLineEdit(self)
        self.unit.setObjectName("unitEdit")
        self.unit.setPlaceholderText("%, min, 1-7, per month")
        self.csat_mode = QComboBox(self)
        self.csat_mode.setObjectName("csatModeCombo")
        for mode in CsatMode:
            self.csat_mode.addItem(mode.label, mode)
        self.repeat_window = QSpinBox(self)
        self.repeat_window.setObjectName("windowSpin")
        self.repeat_window.setRange(1, 365)
        self.repeat_window.setValue(DEFAULT_REPEAT_WINDOW_DAYS)
        self.repeat_window.setSuffix(" days")
        form.addRow("&Kind", self.kind)
        form.addRow("&Name", self.name)
        form.addRow("&Unit", self.unit)
        form.addRow("CSAT &reported as", self.csat_mode)
        form.addRow("Repeat &window", self.repeat_window)

        self.scope = QComboBox(self)
        self.scope.setObjectName("scopeCombo")
        for scope in scopes:
            self.scope.addItem(scope.label, scope)
        self.scope.setCurrentIndex(len(scopes) - 1)
        form.addRow("&For", self.scope)

        self.role = QComboBox(self)
        self.role.setObjectName("roleCombo")
        for role in MetricRole:
            self.role.addItem(role.label, role)
        self.role.setCurrentIndex(list(MetricRole).index(MetricRole.ACTUAL))
        self.period = QLineEdit(current_period(), self)
        self.period.setObjectName("periodEdit")
        self.sample = QSpinBox(self)
        self.sample.setObjectName("sampleSpin")
        self.sample.setRange(0, 1_000_000_000)
        self.sample.setSpecialValueText("from the counts")
        self.sample.setGroupSeparatorShown(True)
        self.source = QComboBox(self)
        self.source.setObjectName("sourceCombo")
        for source in MetricSource:
            self.source.addItem(source.label, source)
        self.value = QLineEdit(self)
        self.value.setObjectName("valueEdit")
        self.value.setPlaceholderText("the figure, when there are no counts")
        self.counts = QLineEdit(self)
        self.counts.setObjectName("countsEdit")
        form.addRow("R&ole", self.role)
        form.addRow("&Period", self.period)
        form.addRow("&Sample size", self.sample)
        form.addRow("S&ource", self.source)
        form.addRow("&Value", self.value)
        form.addRow("Raw &counts", self.counts)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("scoreLabel")
        self.result_label.setWordWrap(True)
        self.error = problem_label(self, "errorLabel")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for combo in (self.metric_combo, self.kind, self.csat_mode):
            combo.currentIndexChanged.connect(self._update)
        for edit in (self.counts, self.value):
            edit.textChanged.connect(self._update)
        self._update()
        self.resize(480, self.sizeHint().height())

    # -- state -----------------------------------------------------------------------------
    def _existing(self) -> MetricDefinition | None:
        metric_id = self.metric_combo.currentData()
        return self.bundle.metric_definitions.get(metric_id) if metric_id else None

    def _definition(self) -> MetricDefinition:
        """The chosen metric, or the new one the fields describe (not yet on the map)."""
        existing = self._existing()
        if existing is not None:
            return existing
        kind = MetricKind(self.kind.currentData())
        return MetricDefinition(
            map_id=self.bundle.map.id,
            kind=kind,
            name=self.name.text().strip() or kind.label,
            unit=self.unit.text().strip(),
            csat_mode=CsatMode(self.csat_mode.currentData()) if kind is MetricKind.CSAT else None,
            repeat_window_days=self.repeat_window.value()
            if kind is MetricKind.REPEAT_CONTACT_RATE
            else None,
        )

    def _update(self) -> None:
        new = self._existing() is None
        kind = self._definition().kind
        for widget in (self.kind, self.name, self.unit):
            widget.setEnabled(new)
        self.csat_mode.setEnabled(new and kind is MetricKind.CSAT)
        self.repeat_window.setEnabled(new and kind is MetricKind.REPEAT_CONTACT_RATE)
        self.counts.setPlaceholderText(COUNT_HINTS.get(kind, NO_COUNTS))
        self.counts.setEnabled(kind in COUNT_HINTS)
        self.error.clear()
        try:
            figure = self._figure()
        except ValueError as problem:
            self.result_label.setText(str(problem))
            return
        unit = self._definition().unit
        self.result_label.setText(
            f"Score: {format_with_unit(figure, unit)}" if figure is not None else ""
        )

    def _counts(self) -> dict[str, int]:
        if not self.counts.isEnabled():
            return {}
        return parse_counts(self.counts.text())

    def _typed(self) -> float | None:
        text = self.value.text().strip().replace(",", "")
        if not text:
            return None
        try:
            return float(text.rstrip("%").strip())
        except ValueError:
            raise ValueError(f"\u201c{self.value.text()}\u201d is not a number.") from None

    def _figure(self) -> float | None:
        """The counts' score when they give one, else the typed value."""
        counts = self._counts()
        probe = MetricValue(raw_counts=counts, value=self._typed())
        return score(self._definition(), probe)

    # -- accept ----------------------------------------------------------------------------
    def _accept(self) -> None:
        try:
            self.entry = self._entry()
        except ValueError as problem:
            self.error.setText(str(problem))
            return
        self.accept()

    def _entry(self) -> MetricEntry:
        existing = self._existing()
        if existing is None and not self.name.text().strip():
            raise ValueError("Name the new metric, e.g. \u201cResolution CSAT\u201d.")
        if not self.period.text().strip():
            raise ValueError("Say which period the value is for, e.g. 2025-Q2.")
        figure = self._figure()
        if figure is None:
            raise ValueError("Type the value, or the raw counts it comes from.")
        definition = self._definition()
        scope: Scope = self.scope.currentData()
        value = MetricValue(
            map_id=self.bundle.map.id,
            metric_id=definition.id,
            scope=scope.kind,
            scope_id=scope.entity_id,
            period=self.period.text().strip(),
            sample_size=self.sample.value() or None,
            source=MetricSource(self.source.currentData()),
            role=MetricRole(self.role.currentData()),
            value=round(figure, 2),
            raw_counts=self._counts(),
        )
        return MetricEntry(None if existing is not None else definition, value)


__all__ = ["COUNT_HINTS", "MetricDialog", "MetricEntry", "Scope", "current_period"]
