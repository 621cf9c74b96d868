"""The inspector's editor of a metric value's raw counts: "4: 25, 5: 15" in one line.

It emits only counts that parse (:func:`jmapper.analysis.metric_text.parse_counts`)
and only when the user finishes the line (Enter or leaving the field), so a
half-typed pair never reaches the map; a line that does not parse says why
beside the field and changes nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from jmapper.analysis.metric_text import format_counts, parse_counts
from jmapper.ui.docks.editors import FieldEditor
from jmapper.ui.palette import problem_label


class CountsEditor(FieldEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("e.g. 1: 10, 2: 20, 3: 30, 4: 25, 5: 15")
        self.problem = problem_label(self, "countsProblem", bold=False)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.line)
        self._shown: dict[str, int] = {}
        self.line.editingFinished.connect(self._finished)

    def set_value(self, value: Any) -> None:
        self._shown = dict(value or {})
        if not self.line.hasFocus():
            self.line.setText(format_counts(self._shown))
            self.problem.hide()

    def value(self) -> dict[str, int]:
        return parse_counts(self.line.text())

    def _finished(self) -> None:
        try:
            counts = self.value()
        except ValueError as problem:
            self.problem.setText(str(problem))
            self.problem.show()
            return
        self.problem.hide()
        if counts != self._shown:
            self._shown = counts
            self.edited.emit(counts)
