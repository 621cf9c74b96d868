"""One small editor widget per kind of field value, with one signal.

Each editor shows a model value (``set_value``, which never emits) and emits
``edited(value)`` with a value of the model's type when the *user* changes
it: text as typed, an enum member, ``None`` for an emptied optional number or
date.  Keeping the conversion here lets the inspector and the persona dock
send plain ``document.edit(kind, id, field=value)`` calls.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jmapper.model.entities import EmotionScale
from jmapper.model.enums import EmotionScaleKind

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
#: The date a QDateEdit shows as "none": it cannot hold an empty value.
NO_DATE = QDate(1900, 1, 1)
NONE_TEXT = "\u2014"


class FieldEditor(QWidget):
    # the user changed the value; argument: the new model value
    edited = Signal(object)

    #: True when every keystroke emits (a refusal then goes to the status bar, not a dialog).
    continuous = False

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def _row(self, *widgets: QWidget) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            layout.addWidget(widget)
        self.setFocusProxy(widgets[0])


class LineEditor(FieldEditor):
    continuous = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self._row(self.line)
        self.line.textEdited.connect(self.edited.emit)

    def set_value(self, value: Any) -> None:
        text = value or ""
        if self.line.text() != text:
            self.line.setText(text)

    def value(self) -> str:
        return self.line.text()


class TextEditor(FieldEditor):
    """Multi-line text (descriptions, quotes)."""

    continuous = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._row(self.text)
        self.text.textChanged.connect(lambda: self.edited.emit(self.value()))

    def set_value(self, value: Any) -> None:
        if self.text.toPlainText() != (value or ""):
            self.text.blockSignals(True)
            self.text.setPlainText(value or "")
            self.text.blockSignals(False)

    def value(self) -> str:
        return self.text.toPlainText()


class LinesEditor(TextEditor):
    """A list of short texts, one per line (goals, needs, data sources)."""

    def set_value(self, value: Any) -> None:
        if self.value() != list(value or []):
            self.text.blockSignals(True)
            self.text.setPlainText("\n".join(value or []))
            self.text.blockSignals(False)

    def value(self) -> list[str]:  # type: ignore[override]
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]


class EnumEditor(FieldEditor):
    """A combo of an enum's labels; ``optional`` adds a "none" entry first."""

    def __init__(self, enum: type[Enum], optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Items carry the stored string value; the member is rebuilt on the way out.
        self._enum = enum
        self.combo = QComboBox(self)
        if optional:
            self.combo.addItem(NONE_TEXT, "")
        for member in enum:
            self.combo.addItem(member.label, member.value)  # type: ignore[attr-defined]
        self._row(self.combo)
        self.combo.activated.connect(lambda _index: self.edited.emit(self.value()))

    def set_value(self, value: Any) -> None:
        index = self.combo.findData("" if value is None else str(value.value))
        self.combo.setCurrentIndex(max(index, 0))

    def value(self) -> Any:
        data = self.combo.currentData()
        return self._enum(data) if data else None

    def choose(self, value: Any) -> None:
        """Pick ``value`` as the user would (tests and keyboard shortcuts)."""
        index = self.combo.findData("" if value is None else str(value.value))
        self.combo.setCurrentIndex(index)
        self.combo.activated.emit(index)


class _NumberEditor(FieldEditor):
    """A spin box whose lowest value stands for "none" when the field is optional."""

    spin: QSpinBox | QDoubleSpinBox
    _optional: bool
    _convert: type[int] | type[float]

    def _finish(self, optional: bool) -> None:
        self._optional = optional
        if optional:
            self.spin.setSpecialValueText(NONE_TEXT)
        self._row(self.spin)
        self.spin.valueChanged.connect(lambda _v: self.edited.emit(self.value()))

    def set_value(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self._show(self.spin.minimum() if value is None else self._convert(value))
        self.spin.blockSignals(False)

    def _show(self, number: float) -> None:
        """Put ``number`` in the spin box (each subclass knows its box's type)."""
        raise NotImplementedError

    def value(self) -> Any:
        if self._optional and self.spin.value() == self.spin.minimum():
            return None
        return self.spin.value()


class IntEditor(_NumberEditor):
    """A whole number in [minimum, maximum]; ``optional`` allows "none" below the minimum."""

    _convert = int

    def __init__(
        self, minimum: int, maximum: int, optional: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.spin = self._int_spin = QSpinBox(self)
        self.spin.setRange(minimum - 1 if optional else minimum, maximum)
        self._finish(optional)

    def _show(self, number: float) -> None:
        self._int_spin.setValue(int(number))


class FloatEditor(_NumberEditor):
    """A decimal number; ``optional`` allows "none" one step below the minimum."""

    _convert = float

    def __init__(
        self,
        minimum: float,
        maximum: float,
        decimals: int,
        optional: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        step = 10.0**-decimals
        self.spin = self._float_spin = QDoubleSpinBox(self)
        self.spin.setDecimals(decimals)
        self.spin.setSingleStep(step if decimals else 1.0)
        self.spin.setRange(minimum - step if optional else minimum, maximum)
        self._finish(optional)

    def _show(self, number: float) -> None:
        self._float_spin.setValue(float(number))


class BoolEditor(FieldEditor):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text, self)
        self._row(self.check)
        self.check.clicked.connect(lambda checked: self.edited.emit(bool(checked)))

    def set_value(self, value: Any) -> None:
        self.check.setChecked(bool(value))

    def value(self) -> bool:
        return self.check.isChecked()


class DateEditor(FieldEditor):
    """A date or none: the spin shows "—" for none, and the × button clears it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText(NONE_TEXT)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.clear_button = QToolButton(self)
        self.clear_button.setText("\u00d7")
        self.clear_button.setToolTip("No date")
        self._row(self.date_edit, self.clear_button)
        self.date_edit.dateChanged.connect(lambda _d: self.edited.emit(self.value()))
        self.clear_button.clicked.connect(lambda: self.date_edit.setDate(NO_DATE))

    def set_value(self, value: Any) -> None:
        self.date_edit.blockSignals(True)
        if value is None:
            self.date_edit.setDate(NO_DATE)
        else:
            self.date_edit.setDate(QDate(value.year, value.month, value.day))
        self.date_edit.blockSignals(False)

    def value(self) -> date | None:
        chosen = self.date_edit.date()
        if chosen == NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())


class ColourEditor(FieldEditor):
    """A #rrggbb colour typed or picked; partial typing is not sent to the model."""

    continuous = True

    def __init__(self, optional: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("#RRGGBB")
        self.button = QToolButton(self)
        self.button.setText("\u2026")
        self.button.setToolTip("Choose a colour")
        self._row(self.line, self.button)
        self.line.textEdited.connect(self._typed)
        self.button.clicked.connect(self._pick)

    def _typed(self, text: str) -> None:
        if _HEX.match(text) or (self._optional and not text):
            self._show_swatch(text)
            self.edited.emit(text)

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.line.text() or "#ffffff"), self)
        if chosen.isValid():
            self.line.setText(chosen.name())
            self._typed(chosen.name())

    def _show_swatch(self, text: str) -> None:
        colour = text if _HEX.match(text) else "transparent"
        self.button.setStyleSheet(f"background-color: {colour};")

    def set_value(self, value: Any) -> None:
        if self.line.text() != (value or ""):
            self.line.setText(value or "")
        self._show_swatch(value or "")

    def value(self) -> str:
        return self.line.text()


class EnumSetEditor(FieldEditor):
    """A list of enum members, as checkable rows (a persona's preferred channels)."""

    def __init__(self, enum: type[Enum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._enum = enum
        self.list = QListWidget(self)
        self.list.setFixedHeight(96)
        for member in enum:
            item = QListWidgetItem(member.label, self.list)  # type: ignore[attr-defined]
            item.setData(Qt.ItemDataRole.UserRole, member.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self._row(self.list)
        self.list.itemChanged.connect(lambda _item: self.edited.emit(self.value()))

    def set_value(self, value: Any) -> None:
        chosen = {member.value for member in value or []}
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)

    def value(self) -> list[Any]:
        return [
            self._enum(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]


class EmotionScaleEditor(FieldEditor):
    """A map's emotion scale: a preset by name, or Custom with its own bounds and labels.

    Emits a whole :class:`EmotionScale`; the inspector turns it into one
    ``change_emotion_scale`` step, which carries the map's values across.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scale = EmotionScale()
        self.combo = QComboBox(self)
        for kind in EmotionScaleKind:
            self.combo.addItem(kind.label, kind.value)
        self.minimum = QSpinBox(self)
        self.maximum = QSpinBox(self)
        for spin, tip in ((self.minimum, "Lowest point"), (self.maximum, "Highest point")):
            spin.setRange(-100, 100)
            spin.setKeyboardTracking(False)  # typing "-3" is one edit, not "-" then "-3"
            spin.setToolTip(tip)
        self.labels = QLineEdit(self)
        self.labels.setPlaceholderText("Point labels, comma-separated (optional)")
        self.labels.setToolTip("One label per point, lowest first, separated by commas; or none")
        self.bounds = QWidget(self)
        bounds = QHBoxLayout(self.bounds)
        bounds.setContentsMargins(0, 0, 0, 0)
        bounds.addWidget(QLabel("From", self.bounds))
        bounds.addWidget(self.minimum, 1)
        bounds.addWidget(QLabel("to", self.bounds))
        bounds.addWidget(self.maximum, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.bounds)
        layout.addWidget(self.labels)
        self.setFocusProxy(self.combo)
        self.combo.activated.connect(lambda _index: self._kind_chosen())
        self.minimum.valueChanged.connect(lambda _v: self._bounds_changed())
        self.maximum.valueChanged.connect(lambda _v: self._bounds_changed())
        self.labels.editingFinished.connect(self._labels_changed)

    def set_value(self, value: Any) -> None:
        scale: EmotionScale = value or EmotionScale()
        self._scale = scale
        for widget in (self.combo, self.minimum, self.maximum, self.labels):
            widget.blockSignals(True)
        try:
            self.combo.setCurrentIndex(max(0, self.combo.findData(scale.kind.value)))
            self.minimum.setValue(scale.minimum)
            self.maximum.setValue(scale.maximum)
            if self.labels.text() != ", ".join(scale.labels):
                self.labels.setText(", ".join(scale.labels))
        finally:
            for widget in (self.combo, self.minimum, self.maximum, self.labels):
                widget.blockSignals(False)
        self.bounds.setVisible(scale.kind is EmotionScaleKind.CUSTOM)

    def value(self) -> EmotionScale:
        kind = EmotionScaleKind(self.combo.currentData())
        text = self.labels.text().strip()
        labels = [part.strip() for part in text.split(",")] if text else []
        if kind is not EmotionScaleKind.CUSTOM:
            preset = EmotionScale.preset(kind)
            return EmotionScale(kind, preset.minimum, preset.maximum, labels)
        return EmotionScale(kind, self.minimum.value(), self.maximum.value(), labels)

    def choose(self, kind: EmotionScaleKind) -> None:
        """Pick a scale kind as the user would (tests)."""
        index = self.combo.findData(kind.value)
        self.combo.setCurrentIndex(index)
        self.combo.activated.emit(index)

    def _kind_chosen(self) -> None:
        kind = EmotionScaleKind(self.combo.currentData())
        self.bounds.setVisible(kind is EmotionScaleKind.CUSTOM)
        if kind is EmotionScaleKind.CUSTOM:
            # Custom starts from the current bounds; the spins then change them.
            scale = EmotionScale(kind, self._scale.minimum, self._scale.maximum, self._scale.labels)
        else:
            scale = self.value()
            if len(scale.labels) != scale.maximum - scale.minimum + 1:
                scale.labels = []  # the old labels do not fit the new number of points
        self._emit(scale)

    def _bounds_changed(self) -> None:
        if EmotionScaleKind(self.combo.currentData()) is not EmotionScaleKind.CUSTOM:
            return
        scale = self.value()
        if len(scale.labels) != scale.maximum - scale.minimum + 1:
            scale.labels = []
        self._emit(scale)

    def _labels_changed(self) -> None:
        self._emit(self.value())

    def _emit(self, scale: EmotionScale) -> None:
        if scale != self._scale:
            self.edited.emit(scale)
