"""The new-map dialog: type, starting point (stage preset or sample), persona, title.

It only collects a :class:`NewMapRequest`; the window hands it to the library
service (``Library.create_map``, the same use case as ``jmapper new``), so the
dialog never touches the library.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from jmapper.model.entities import Persona
from jmapper.model.enums import MapType
from jmapper.templates import SAMPLES, STAGE_PRESETS, map_type_info


@dataclass(frozen=True)
class NewMapRequest:
    """What the user asked for. Exactly one of ``stage_preset`` and ``sample`` is set."""

    title: str
    map_type: MapType
    stage_preset: str | None
    sample: str | None
    persona_id: str | None
    new_persona_name: str | None


class NewMapDialog(QDialog):
    def __init__(self, personas: list[Persona], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newMapDialog")
        self.setWindowTitle("New map")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("newMapTitle")
        self.title_edit.setPlaceholderText("e.g. Broadband support request")
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("newMapType")
        for map_type in MapType:
            self.type_combo.addItem(map_type.label, map_type.value)
        self.start_combo = QComboBox(self)
        self.start_combo.setObjectName("newMapStart")
        self.start_combo.setToolTip("Start from a set of stages, or from a copy of a sample map")
        self.persona_combo = QComboBox(self)
        self.persona_combo.setObjectName("newMapPersona")
        self.persona_combo.setEditable(True)
        self.persona_combo.setToolTip("Choose a persona, or type a new persona's name")
        self.persona_combo.addItem("", "")
        for persona in personas:
            self.persona_combo.addItem(persona.name, persona.id)
        line_edit = self.persona_combo.lineEdit()
        if line_edit is not None:  # always, once the combo box is editable
            line_edit.setPlaceholderText("No persona yet")
        self.purpose = QLabel(self)
        self.purpose.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        form = QFormLayout(self)
        form.addRow("Type", self.type_combo)
        form.addRow("", self.purpose)
        form.addRow("Start from", self.start_combo)
        form.addRow("Persona", self.persona_combo)
        form.addRow("Title", self.title_edit)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.title_edit.textChanged.connect(self._update_ok)
        self._type_changed()
        self.resize(480, self.sizeHint().height())

    def map_type(self) -> MapType:
        return MapType(self.type_combo.currentData())

    def set_map_type(self, map_type: MapType) -> None:
        self.type_combo.setCurrentIndex(self.type_combo.findData(map_type.value))

    def choose_start(self, key: str) -> None:
        """Select a start by key: ``preset:<key>`` or ``sample:<key>``."""
        self.start_combo.setCurrentIndex(self.start_combo.findData(key))

    def request(self) -> NewMapRequest:
        start = str(self.start_combo.currentData() or "")
        kind, _, key = start.partition(":")
        typed = self.persona_combo.currentText().strip()
        index = self.persona_combo.findText(typed)
        persona_id = self.persona_combo.itemData(index) if typed and index > 0 else None
        return NewMapRequest(
            title=self.title_edit.text().strip(),
            map_type=self.map_type(),
            stage_preset=key if kind == "preset" else None,
            sample=key if kind == "sample" else None,
            persona_id=persona_id or None,
            new_persona_name=typed if typed and not persona_id else None,
        )

    def _type_changed(self) -> None:
        info = map_type_info(self.map_type())
        self.purpose.setText(info.purpose)
        self.start_combo.clear()
        default = STAGE_PRESETS[info.default_stage_preset]
        self.start_combo.addItem(f"Stages: {default.name} (usual)", f"preset:{default.key}")
        for preset in STAGE_PRESETS.values():
            if preset.key != default.key:
                self.start_combo.addItem(f"Stages: {preset.name}", f"preset:{preset.key}")
        for sample in SAMPLES.values():
            if sample.map_type is self.map_type():
                self.start_combo.addItem(f"Copy of sample: {sample.title}", f"sample:{sample.key}")
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title_edit.text().strip()))
