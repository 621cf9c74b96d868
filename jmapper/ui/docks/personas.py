"""The persona dock: the library's personas, and which of them the open map shows.

Personas live in the library and are shared by maps.  With a map open, every
change goes through its document (``document.add/edit/remove("persona")``
and ``edit_map`` for the primary and overlay personas), so it is undoable,
checked (at most four overlays) and on disk at once.  With no map open the
dock edits the library directly, which cannot be undone.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jmapper.document import JourneyDocument
from jmapper.model.entities import Persona
from jmapper.model.errors import DomainError
from jmapper.model.text import clean_value
from jmapper.services.library_api import Library
from jmapper.ui.dialogs.messages import USER_ERRORS, reporting_errors, show_error
from jmapper.ui.docks.form import EntityForm

log = logging.getLogger(__name__)
_ID = Qt.ItemDataRole.UserRole
_NO_PERSONA = "\u2014 none \u2014"
#: A stored photo's longest side, in pixels; larger pictures are scaled down.
PHOTO_SIZE = 256
THUMBNAIL_SIZE = 64
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"


def photo_from_file(path: str) -> str:
    """The picture at ``path`` as base64 PNG, at most PHOTO_SIZE px on its long side."""
    from jmapper.services.limits import check_image_file

    check_image_file(Path(path))  # before Qt decodes every pixel
    image = QImage(path)
    if image.isNull():
        raise DomainError(
            f"\u201c{Path(path).name}\u201d could not be read as a picture. "
            "Choose a PNG, JPEG, BMP, GIF or WebP image."
        )
    if max(image.width(), image.height()) > PHOTO_SIZE:
        image = image.scaled(
            PHOTO_SIZE,
            PHOTO_SIZE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs say bytes, but PySide6 accepts only str here at run time.
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return base64.b64encode(bytes(data.data())).decode("ascii")


def photo_pixmap(photo: str) -> QPixmap:
    """The stored photo as a pixmap (a null pixmap for none or unreadable data)."""
    pixmap = QPixmap()
    if photo:
        try:
            pixmap.loadFromData(base64.b64decode(photo))
        except ValueError:
            log.warning("a persona photo is not valid base64")
    return pixmap


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour or "#888888"))
    return QIcon(pixmap)


class PersonaDock(QDockWidget):
    # a refused keystroke in the persona form; argument: the sentence (for the status bar)
    edit_refused = Signal(str)
    # personas were added, renamed or deleted outside a document (the map list may show them)
    library_personas_changed = Signal()

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__("Personas", parent)
        self.setObjectName("personaDock")
        self.library = library
        self.document: JourneyDocument | None = None
        self._persona_id = ""
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        on_map = QGroupBox("On this map", body)
        map_form = QFormLayout(on_map)
        self.primary_combo = QComboBox(on_map)
        self.primary_combo.setObjectName("primaryPersona")
        self.primary_combo.setToolTip("The one actor this map follows")
        self.overlay_list = QListWidget(on_map)
        self.overlay_list.setObjectName("overlayPersonas")
        self.overlay_list.setToolTip("Up to four more personas, overlaid on the emotion lane")
        self.overlay_list.setMaximumHeight(110)
        map_form.addRow("Primary", self.primary_combo)
        map_form.addRow("Overlays", self.overlay_list)
        layout.addWidget(on_map)

        group = QGroupBox("Library personas", body)
        library_layout = QVBoxLayout(group)
        self.persona_list = QListWidget(group)
        self.persona_list.setObjectName("personaList")
        self.persona_list.setMaximumHeight(130)
        add_row = QHBoxLayout()
        self.new_name = QLineEdit(group)
        self.new_name.setObjectName("newPersonaName")
        self.new_name.setPlaceholderText("New persona\u2019s name")
        self.add_button = QPushButton("Add", group)
        self.add_button.setObjectName("addPersona")
        self.add_button.setToolTip("Add a persona with this name to the library")
        self.delete_button = QPushButton("Delete", group)
        self.delete_button.setObjectName("deletePersona")
        self.delete_button.setToolTip("Delete the selected persona (only when no map uses it)")
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.delete_button)
        library_layout.addWidget(self.persona_list)
        library_layout.addLayout(add_row)
        self.form = EntityForm("persona", group)
        self.form.setObjectName("personaForm")
        library_layout.addWidget(self.form)
        photo_row = QHBoxLayout()
        self.photo_label = QLabel(group)
        self.photo_label.setObjectName("personaPhoto")
        self.photo_label.setFixedSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_photo_button = QPushButton("Choose photo\u2026", group)
        self.choose_photo_button.setObjectName("choosePersonaPhoto")
        self.choose_photo_button.setToolTip("Show a picture of this persona (scaled to 256 px)")
        self.remove_photo_button = QPushButton("Remove photo", group)
        self.remove_photo_button.setObjectName("removePersonaPhoto")
        photo_buttons = QVBoxLayout()
        photo_buttons.addWidget(self.choose_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        photo_row.addWidget(self.photo_label)
        photo_row.addLayout(photo_buttons, 1)
        library_layout.addLayout(photo_row)
        layout.addWidget(group, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)

        self.primary_combo.activated.connect(self._primary_chosen)
        self.overlay_list.itemChanged.connect(self._overlay_toggled)
        self.persona_list.currentItemChanged.connect(self._persona_selected)
        self.add_button.clicked.connect(self.add_persona)
        self.new_name.returnPressed.connect(self.add_persona)
        self.delete_button.clicked.connect(self.delete_selected)
        self.form.field_edited.connect(self._field_edited)
        self.choose_photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.refresh()

    # -- sources -------------------------------------------------------------------
    def set_library(self, library: Library) -> None:
        self.library = library
        self.refresh()

    def set_document(self, document: JourneyDocument | None) -> None:
        if self.document is not None:
            self.document.changes_applied.disconnect(self._document_changed)
        self.document = document
        if document is not None:
            document.changes_applied.connect(self._document_changed)
        self.refresh()

    def personas(self) -> list[Persona]:
        """The library's personas by name (from the open map's bundle when there is one)."""
        if self.document is not None:
            found = list(self.document.bundle.personas.values())
        else:
            found = self.library.list_personas()
        return sorted(found, key=lambda p: (p.name.casefold(), p.id))

    def _document_changed(self, changeset: Any) -> None:
        # Rebuild the lists only when personas or the map's persona choices changed,
        # not on every keystroke in the map's other fields.
        if any(_touches_personas(change) for change in changeset.changes):
            self.refresh()

    # -- showing ---------------------------------------------------------------------
    def refresh(self) -> None:
        personas = self.personas()
        journey_map = self.document.bundle.map if self.document is not None else None
        primary = journey_map.primary_persona_id if journey_map else None
        overlays = list(journey_map.overlay_persona_ids) if journey_map else []
        for widget in (self.primary_combo, self.overlay_list, self.persona_list):
            widget.blockSignals(True)
        try:
            self.primary_combo.clear()
            self.primary_combo.addItem(_NO_PERSONA, "")
            self.overlay_list.clear()
            self.persona_list.clear()
            for persona in personas:
                label = persona.name + ("" if persona.research_based else " (assumption)")
                self.primary_combo.addItem(_swatch(persona.colour), persona.name, persona.id)
                if persona.id != primary:
                    item = QListWidgetItem(_swatch(persona.colour), persona.name)
                    item.setData(_ID, persona.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    on = persona.id in overlays
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                    self.overlay_list.addItem(item)
                row = QListWidgetItem(_swatch(persona.colour), label)
                row.setData(_ID, persona.id)
                self.persona_list.addItem(row)
                if persona.id == self._persona_id:
                    self.persona_list.setCurrentItem(row)
            self.primary_combo.setCurrentIndex(max(0, self.primary_combo.findData(primary or "")))
        finally:
            for widget in (self.primary_combo, self.overlay_list, self.persona_list):
                widget.blockSignals(False)
        has_map = journey_map is not None
        self.primary_combo.setEnabled(has_map)
        self.overlay_list.setEnabled(has_map)
        if self.persona_list.currentItem() is None and self.persona_list.count():
            self.persona_list.setCurrentRow(0)
        else:
            self._show_persona()

    def _persona_selected(self, item: QListWidgetItem | None, _previous: object) -> None:
        self._persona_id = item.data(_ID) if item is not None else ""
        self._show_persona()

    def _show_persona(self) -> None:
        persona = next((p for p in self.personas() if p.id == self._persona_id), None)
        editable = persona is not None and not self.library.read_only
        self.form.setEnabled(editable)
        self.delete_button.setEnabled(persona is not None)
        if persona is not None:
            self.form.show_entity(persona)
        self._show_photo(persona.photo if persona is not None else "")
        self.choose_photo_button.setEnabled(editable)
        self.remove_photo_button.setEnabled(editable and bool(persona and persona.photo))

    def _show_photo(self, photo: str) -> None:
        pixmap = photo_pixmap(photo)
        if pixmap.isNull():
            self.photo_label.clear()
            self.photo_label.setText("No photo")
        else:
            self.photo_label.setPixmap(
                pixmap.scaled(
                    THUMBNAIL_SIZE,
                    THUMBNAIL_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

    # -- the persona's photo --------------------------------------------------------------
    def choose_photo(self) -> None:
        if not self._persona_id:
            return
        path, _filter = QFileDialog.getOpenFileName(self, "Choose photo", "", IMAGE_FILTER)
        if not path:
            return
        try:
            photo = photo_from_file(path)
        except USER_ERRORS as error:
            show_error(self, "Choose photo", str(error))
            return
        self._field_edited("photo", photo, False)
        self._show_persona()

    def remove_photo(self) -> None:
        if self._persona_id:
            self._field_edited("photo", "", False)
            self._show_persona()

    def select_persona(self, persona_id: str) -> None:
        for row in range(self.persona_list.count()):
            if self.persona_list.item(row).data(_ID) == persona_id:
                self.persona_list.setCurrentRow(row)

    # -- the map's personas --------------------------------------------------------------
    def _primary_chosen(self, _index: int) -> None:
        if self.document is None:
            return
        chosen = self.primary_combo.currentData() or None
        overlays = [p for p in self.document.bundle.map.overlay_persona_ids if p != chosen]
        self._edit_map(primary_persona_id=chosen, overlay_persona_ids=overlays)

    def _overlay_toggled(self, _item: QListWidgetItem) -> None:
        if self.document is None:
            return
        current = list(self.document.bundle.map.overlay_persona_ids)
        checked = [
            self.overlay_list.item(row).data(_ID)
            for row in range(self.overlay_list.count())
            if self.overlay_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        # Keep the existing overlays' order and append newly checked ones.
        wanted = [p for p in current if p in checked] + [p for p in checked if p not in current]
        self._edit_map(overlay_persona_ids=wanted)

    def _edit_map(self, **fields: Any) -> None:
        assert self.document is not None
        try:
            self.document.edit_map(**fields)
        except USER_ERRORS as error:
            show_error(self, "Personas", str(error))
            self.refresh()

    # -- the library's personas ------------------------------------------------------------
    def add_persona(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            show_error(self, "Add persona", "A persona needs a name: type one, then press Add.")
            return
        persona = Persona(name=name)
        with reporting_errors(self, "Add persona"):
            if self.document is not None:
                self.document.add(persona, f"Add persona \u201c{name}\u201d")
            else:
                self.library.save_persona(clean_value(persona))
                self.library_personas_changed.emit()
            self.new_name.clear()
            self._persona_id = persona.id
            self.refresh()

    def delete_selected(self) -> None:
        persona = next((p for p in self.personas() if p.id == self._persona_id), None)
        if persona is None:
            return
        with reporting_errors(self, "Delete persona"):
            open_map = self.document.bundle if self.document is not None else None
            user = self.library.map_using_persona(persona.id, open_map)
            if user is not None:
                show_error(
                    self,
                    "Delete persona",
                    f"{persona.name} is used by the map \u201c{user}\u201d. Remove the persona "
                    "from that map first, then delete it.",
                )
                return
            if self.document is not None:
                self.document.remove("persona", persona.id)
            else:
                self.library.delete_persona(persona.id)
                self.library_personas_changed.emit()
            self._persona_id = ""
            self.refresh()

    def _field_edited(self, name: str, value: Any, continuous: bool) -> None:
        persona_id = self._persona_id
        if not persona_id:
            return
        try:
            if self.document is not None:
                self.document.edit("persona", persona_id, **{name: value})
            else:
                if name == "name" and not str(value).strip():
                    raise DomainError("A persona needs a name.")
                current = next(p for p in self.library.list_personas() if p.id == persona_id)
                self.library.save_persona(clean_value(replace(current, **{name: value})))
                self.library_personas_changed.emit()
        except USER_ERRORS as error:
            log.info("persona edit refused: %s", error)
            if continuous:
                self.edit_refused.emit(str(error))
            else:
                show_error(self, "Edit refused", str(error))
                self._show_persona()


def _touches_personas(change: Any) -> bool:
    if change.kind == "persona":
        return True
    if change.kind != "map" or change.before is None or change.after is None:
        return change.kind == "map"
    return any(
        getattr(change.before, name) != getattr(change.after, name)
        for name in ("primary_persona_id", "overlay_persona_ids")
    )
