"""The inspector: every field of the selected map, stage, step, lane, card, ...

Each user edit is one ``document.edit(kind, id, field=value)`` call, so it is
one undo step (typing in one field merges into one) and is on disk before the
screen shows it.  The form follows the document's ``entity_changed`` signal
for the entity it shows, so undo, redo and canvas edits appear here at once.
With nothing selected it shows the map itself.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jmapper.document import JourneyDocument
from jmapper.model import edits
from jmapper.model.kinds import label
from jmapper.ui.dialogs.messages import USER_ERRORS, show_error
from jmapper.ui.docks.form import SPECS, EntityForm
from jmapper.ui.docks.opportunity_extras import OpportunityExtras

log = logging.getLogger(__name__)


class InspectorDock(QDockWidget):
    # a keystroke's edit was refused (shown in the status bar, not a dialog); argument: sentence
    edit_refused = Signal(str)
    # "Pick on canvas" for an opportunity's pain points: its id, or '' to stop
    pick_pains_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Inspector", parent)
        self.setObjectName("inspectorDock")
        self.document: JourneyDocument | None = None
        self.kind = ""
        self.entity_id = ""
        self.form: EntityForm | None = None
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.header = QLabel(body)
        self.header.setObjectName("inspectorHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setContentsMargins(8, 6, 8, 2)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.scroll_area = QScrollArea(body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.scroll_area, 1)
        self.setWidget(body)
        self._forms: dict[str, EntityForm] = {}
        self.opportunity_extras: OpportunityExtras | None = None
        self._show_nothing()

    # -- what is shown ---------------------------------------------------------
    def set_document(self, document: JourneyDocument | None) -> None:
        if self.document is not None:
            self.document.entity_changed.disconnect(self._entity_changed)
            self.document.entity_removed.disconnect(self._entity_removed)
        self.document = document
        if document is not None:
            document.entity_changed.connect(self._entity_changed)
            document.entity_removed.connect(self._entity_removed)
            self.show_entity("map", document.map_id)
        else:
            self._show_nothing()

    def show_selection(self, kind: str, entity_id: str) -> None:
        """Follow the canvas selection; nothing selected (or a kind without fields): the map."""
        if self.document is None:
            return
        if not kind or kind not in SPECS or self.document.bundle.get(kind, entity_id) is None:
            self.show_entity("map", self.document.map_id)
        else:
            self.show_entity(kind, entity_id)

    def show_entity(self, kind: str, entity_id: str) -> None:
        assert self.document is not None
        entity = self.document.bundle.get(kind, entity_id)
        if entity is None:
            self._show_nothing()
            return
        self.kind, self.entity_id = kind, entity_id
        form = self._form_for(kind)
        if kind == "emotion_point":
            scale = self.document.bundle.map.emotion_scale
            form.configure_emotion_scale(scale.minimum, scale.maximum)
        form.show_entity(entity)
        if kind == "opportunity" and self.opportunity_extras is not None:
            self.opportunity_extras.show_opportunity(self.document, entity)
        form.setEnabled(not self.document.read_only)
        self.header.setText(f"{label(kind)}: {_name_of(entity)}".rstrip(": "))
        self._switch_to(form)

    def _form_for(self, kind: str) -> EntityForm:
        form = self._forms.get(kind)
        if form is None:
            form = EntityForm(kind)
            form.setObjectName(f"inspectorForm_{kind}")
            form.field_edited.connect(self._field_edited)
            if kind == "opportunity":
                self._add_opportunity_extras(form)
            self._forms[kind] = form
        return form

    def _add_opportunity_extras(self, form: EntityForm) -> None:
        """Scores, covered steps and linked pain points below an opportunity's fields."""
        extras = OpportunityExtras(form)
        layout = form.layout()
        assert isinstance(layout, QFormLayout)
        layout.addRow(extras)
        extras.edit_refused.connect(self.edit_refused)
        extras.pick_requested.connect(self.pick_pains_requested)
        self.opportunity_extras = extras

    def pick_finished(self) -> None:
        if self.opportunity_extras is not None:
            self.opportunity_extras.pick_finished()

    def _switch_to(self, form: EntityForm) -> None:
        if self.form is form:
            return
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.setParent(None)  # kept alive by self._forms for reuse
        self.scroll_area.setWidget(form)
        self.form = form

    def _show_nothing(self) -> None:
        self.kind = self.entity_id = ""
        self.header.setText("No map is open")
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.setParent(None)
        placeholder = QLabel("Open a map from the library to see its details here.")
        placeholder.setWordWrap(True)
        placeholder.setContentsMargins(8, 8, 8, 8)
        placeholder.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setWidget(placeholder)
        self.form = None

    # -- edits -------------------------------------------------------------------
    def _field_edited(self, name: str, value: Any, continuous: bool) -> None:
        document = self.document
        if document is None or not self.kind:
            return
        try:
            if self.kind == "card" and name == "span":
                document.set_span(self.entity_id, value)
            elif self.kind == "map" and name == "emotion_scale":
                # One step that also carries every emotion value onto the new scale.
                document.execute(edits.change_emotion_scale(document.bundle, value))
            else:
                document.edit(self.kind, self.entity_id, **{name: value})
        except USER_ERRORS as error:
            log.info("inspector edit refused: %s", error)
            if continuous:
                self.edit_refused.emit(str(error))
            else:
                show_error(self, "Edit refused", str(error))
                self._refresh()

    def _refresh(self) -> None:
        if self.document is not None and self.kind:
            self.show_entity(self.kind, self.entity_id)

    def _entity_changed(self, kind: str, entity_id: str) -> None:
        # An opportunity's ranks move when another opportunity's scores change.
        if (kind, entity_id) == (self.kind, self.entity_id) or kind == self.kind == "opportunity":
            self._refresh()

    def _entity_removed(self, kind: str, entity_id: str) -> None:
        if (kind, entity_id) == (self.kind, self.entity_id) and self.document is not None:
            self.show_entity("map", self.document.map_id)


def _name_of(entity: Any) -> str:
    for attribute in ("title", "name", "label"):
        text = getattr(entity, attribute, "")
        if text:
            return " ".join(str(text).split())[:60]
    return ""
