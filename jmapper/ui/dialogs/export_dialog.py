"""The export dialog: format, paper, fit or tile, extra pages, branding, output file.

It collects plain settings and calls the Qt-free use case
``jmapper.services.export.export_map_file``; reportlab loads behind that call
only when a PDF is written.  Branding and page choices are remembered inside
the library (``Library.set_setting``), because a consultant's logo and colours
belong to the client's library, not to the laptop.  Errors come back as one
sentence in a message box.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jmapper.interchange.registry import FORMATS as INTERCHANGE
from jmapper.services.library_api import Library
from jmapper.style.colours import parse_colour
from jmapper.ui import settings as keys
from jmapper.ui.dialogs.messages import USER_ERRORS, reporting_errors, show_error
from jmapper.ui.settings import Settings

log = logging.getLogger(__name__)

FORMATS = (
    ("pdf", "PDF (vector, for print)"),
    ("png", "PNG image"),
    ("svg", "SVG drawing"),
    *((fmt.name, fmt.label) for fmt in INTERCHANGE.values() if fmt.writes),
)
#: Paper sizes offered (names understood by the export service); "" chooses from the map width.
PAPERS = (
    "",
    "A4",
    "A3",
    "A2",
    "A1",
    "A0",
    "Letter",
    "Tabloid",
    "Ledger",
    "ANSI C",
    "ANSI D",
    "ANSI E",
    "ARCH C",
    "ARCH D",
    "ARCH E",
)
#: What a CSV or XLSX export holds (jmapper/services/tables.py for the tables).
CONTENTS = (
    ("map", "The map, laid out as on the canvas"),
    ("action-plan", "The action plan (opportunity register)"),
    ("metrics", "The metrics, scored"),
)
EXTRA_PAGES = (
    ("actions", "Action plan"),
    ("matrix", "Priority matrix"),
    ("persona", "Persona profile"),
    ("review", "Review"),
)


class ExportDialog(QDialog):
    def __init__(
        self,
        library: Library,
        map_id: str,
        map_title: str,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(f"Export \u201c{map_title}\u201d")
        self.library = library
        self.map_id = map_id
        self.map_title = map_title
        self.settings = settings
        self.warnings: list[str] = []

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormat")
        for key, label in FORMATS:
            self.format_combo.addItem(label, key)
        self.contents_combo = QComboBox(self)
        self.contents_combo.setObjectName("exportContents")
        for key, label in CONTENTS:
            self.contents_combo.addItem(label, key)
        self.paper_combo = QComboBox(self)
        self.paper_combo.setObjectName("exportPaper")
        for name in PAPERS:
            self.paper_combo.addItem(name or "Automatic (smallest readable)", name)
        self.orientation_combo = QComboBox(self)
        self.orientation_combo.setObjectName("exportOrientation")
        self.orientation_combo.addItem("Landscape", "landscape")
        self.orientation_combo.addItem("Portrait", "portrait")
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("exportMode")
        self.mode_combo.addItem("Fit the whole map on one sheet", "fit")
        self.mode_combo.addItem("True scale, tiled over several sheets", "tile")
        self.mode_combo.addItem("Handout: readable pages, a group of stages each", "handout")
        # What a fit would print on the chosen paper, and the handout it proposes instead.
        self.advice_label = QLabel(self)
        self.advice_label.setObjectName("exportAdvice")
        self.advice_label.setWordWrap(True)
        self.handout_button = QPushButton("Use a handout", self)
        self.handout_button.setObjectName("exportUseHandout")
        self.handout_button.setToolTip("Print the map on readable pages, a group of stages each")
        self.handout_button.clicked.connect(self.use_handout)
        self.advice: Any = None
        self.overlap_spin = QDoubleSpinBox(self)
        self.overlap_spin.setObjectName("exportOverlap")
        self.overlap_spin.setRange(0.0, 50.0)
        self.overlap_spin.setSuffix(" mm")
        self.page_checks: dict[str, QCheckBox] = {}
        pages_row = QHBoxLayout()
        for key, label in EXTRA_PAGES:
            check = QCheckBox(label, self)
            check.setObjectName(f"exportPage_{key}")
            self.page_checks[key] = check
            pages_row.addWidget(check)
        pages_row.addStretch(1)
        # PNG and SVG: the title and legend around the map; SVG: letters as outlines.
        self.with_legend_check = QCheckBox("Title and legend around the map", self)
        self.with_legend_check.setObjectName("exportWithLegend")
        self.with_legend_check.setToolTip(
            "Put the map's title above it and its legend below (PNG and SVG; a PDF always has them)"
        )
        self.text_as_paths_check = QCheckBox("Letters as outlines (SVG)", self)
        self.text_as_paths_check.setObjectName("exportTextAsPaths")
        self.text_as_paths_check.setToolTip(
            "Draw every letter as a shape, so the SVG looks the same without the fonts"
        )
        image_row = QHBoxLayout()
        image_row.addWidget(self.with_legend_check)
        image_row.addWidget(self.text_as_paths_check)
        image_row.addStretch(1)

        branding = QGroupBox("Branding (remembered for this library)", self)
        self.organisation_edit = QLineEdit(branding)
        self.organisation_edit.setObjectName("exportOrganisation")
        self.organisation_edit.setPlaceholderText("The map\u2019s own organisation")
        self.logo_edit = QLineEdit(branding)
        self.logo_edit.setObjectName("exportLogo")
        self.logo_edit.setPlaceholderText("No logo")
        logo_button = QToolButton(branding)
        logo_button.setText("\u2026")
        logo_button.setToolTip("Choose a logo image")
        logo_button.clicked.connect(self._choose_logo)
        self.accent_edit = QLineEdit(branding)
        self.accent_edit.setObjectName("exportAccent")
        self.accent_edit.setPlaceholderText("#RRGGBB")
        accent_button = QToolButton(branding)
        accent_button.setText("\u2026")
        accent_button.setToolTip("Choose the accent colour")
        accent_button.clicked.connect(self._choose_accent)
        branding_form = QFormLayout(branding)
        branding_form.addRow("Organisation", self.organisation_edit)
        branding_form.addRow("Logo", _pair(self.logo_edit, logo_button))
        branding_form.addRow("Accent colour", _pair(self.accent_edit, accent_button))

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        path_button = QToolButton(self)
        path_button.setText("\u2026")
        path_button.setToolTip("Choose where to write the file")
        path_button.clicked.connect(self._choose_path)

        form = QFormLayout()
        form.addRow("Format", self.format_combo)
        form.addRow("Contents", self.contents_combo)
        form.addRow("Paper", self.paper_combo)
        form.addRow("Orientation", self.orientation_combo)
        form.addRow("Layout", self.mode_combo)
        form.addRow("", _pair(self.advice_label, self.handout_button))
        form.addRow("Tile overlap", self.overlap_spin)
        form.addRow("Extra pages", pages_row)
        form.addRow("Image", image_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(branding)
        save_form = QFormLayout()
        save_form.addRow("Save as", _pair(self.path_edit, path_button))
        layout.addLayout(save_form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.mode_combo.currentIndexChanged.connect(self._update_enabled)
        for combo in (self.format_combo, self.paper_combo, self.orientation_combo, self.mode_combo):
            combo.currentIndexChanged.connect(self._update_advice)
        self._load()
        self.resize(560, self.sizeHint().height())

    # -- remembered choices -----------------------------------------------------------
    def _load(self) -> None:
        """Fill the fields from the library's remembered choices."""
        with reporting_errors(self, "Export"):
            read = {key: key.read(self.library) for key in _REMEMBERED}
            _select(self.format_combo, read[keys.EXPORT_FORMAT])
            _select(self.paper_combo, read[keys.EXPORT_PAPER])
            _select(self.orientation_combo, read[keys.EXPORT_ORIENTATION])
            _select(self.mode_combo, read[keys.EXPORT_MODE])
            try:
                self.overlap_spin.setValue(float(read[keys.EXPORT_OVERLAP_MM]))
            except ValueError:
                self.overlap_spin.setValue(float(keys.EXPORT_OVERLAP_MM.default))
            pages = set(read[keys.EXPORT_PAGES].split(","))
            for key, check in self.page_checks.items():
                check.setChecked(key in pages)
            self.organisation_edit.setText(read[keys.EXPORT_ORGANISATION])
            self.logo_edit.setText(read[keys.EXPORT_LOGO])
            self.accent_edit.setText(read[keys.EXPORT_ACCENT])
        self._format_changed()
        self._update_advice()

    def remember(self) -> None:
        """Store the current choices in the library (skipped when it is read-only)."""
        values = {
            keys.EXPORT_FORMAT: self.format(),
            keys.EXPORT_PAPER: str(self.paper_combo.currentData()),
            keys.EXPORT_ORIENTATION: str(self.orientation_combo.currentData()),
            keys.EXPORT_MODE: str(self.mode_combo.currentData()),
            keys.EXPORT_OVERLAP_MM: f"{self.overlap_spin.value():g}",
            keys.EXPORT_PAGES: ",".join(self.pages()),
            keys.EXPORT_ORGANISATION: self.organisation_edit.text().strip(),
            keys.EXPORT_LOGO: self.logo_edit.text().strip(),
            keys.EXPORT_ACCENT: self.accent_edit.text().strip(),
        }
        try:
            for key, value in values.items():
                if key.read(self.library) != value:
                    key.write(self.library, value)
        except USER_ERRORS as error:
            log.warning("export choices not remembered: %s", error)

    def done(self, result: int) -> None:
        self.remember()
        super().done(result)

    # -- the settings the service takes ------------------------------------------------------
    def format(self) -> str:
        return str(self.format_combo.currentData())

    def pages(self) -> tuple[str, ...]:
        extra = tuple(key for key, check in self.page_checks.items() if check.isChecked())
        return ("map", *extra)

    def export_settings(self) -> dict[str, Any]:
        accent = self.accent_edit.text().strip()
        return {
            "paper": self.paper_combo.currentData() or None,
            "orientation": self.orientation_combo.currentData(),
            "mode": self.mode_combo.currentData(),
            "overlap_mm": self.overlap_spin.value(),
            "pages": self.pages(),
            "logo": self.logo_edit.text().strip() or None,
            "accent": accent or None,
            "organisation": self.organisation_edit.text().strip() or None,
            "dpi": 200,
            "with_legend": self.with_legend_check.isEnabled()
            and self.with_legend_check.isChecked(),
            "text_as_paths": (
                self.text_as_paths_check.isEnabled() and self.text_as_paths_check.isChecked()
            ),
        }

    def export(self) -> None:
        """Write the file; stay open with the sentence shown if that is refused."""
        out = self.path_edit.text().strip()
        accent = self.accent_edit.text().strip()
        if not out:
            show_error(self, "Export", "Choose where to save the file first (Save as).")
            return
        if accent:
            try:
                parse_colour(accent)
            except ValueError as error:
                show_error(self, "Export", str(error))
                return
        if not self._confirm_readable():
            return
        fmt = self.format()
        path = Path(out).expanduser()
        if path.suffix.lower() not in _extensions(fmt):
            path = path.with_name(f"{path.name}{_extensions(fmt)[0]}")
        try:
            if self.contents() != "map":
                self.library.export_table(self.map_id, self.contents(), path, fmt)
                self.warnings = []
            else:
                self.warnings = self.library.export_map(
                    self.map_id,
                    path,
                    fmt,
                    self.export_settings(),
                    image_exporter=_image_exporter(fmt),
                )
        except USER_ERRORS as error:
            show_error(self, "Export", str(error))
            return
        except Exception:
            log.exception("export failed")
            show_error(
                self,
                "Export",
                "The export could not be written because of an unexpected problem. "
                "The details are in the log.",
            )
            return
        self.settings.set(keys.LAST_EXPORT_FOLDER, str(path.parent))
        if self.warnings:
            QMessageBox.information(self, "Export", "\n".join(self.warnings))
        self.accept()

    # -- readable print -----------------------------------------------------------------
    def _update_advice(self) -> None:
        """Say how small a fit prints on the chosen paper; offer a handout below 5 pt."""
        self.advice = None
        mode = self.mode_combo.currentData()
        if self.format() == "pdf" and mode in ("fit", "handout"):
            try:
                self.advice = self.library.print_advice(self.map_id, self.export_settings())
            except USER_ERRORS as error:
                log.info("no print advice: %s", error)
        text = ""
        if self.advice is not None:
            text = self.advice.sentence() if mode == "fit" else self.advice.handout_sentence()
        self.advice_label.setText(text)
        self.advice_label.setVisible(bool(text))
        offer = bool(
            mode == "fit"
            and self.advice
            and self.advice.fit_unreadable
            and self.advice.handout_pages
        )
        self.handout_button.setVisible(offer)

    def use_handout(self) -> None:
        """Switch to handout mode, on the paper the advice named (one of the handout papers)."""
        paper = self.advice.handout_paper if self.advice else None
        _select(self.mode_combo, "handout")
        if paper and self.paper_combo.currentData() != paper:
            _select(self.paper_combo, paper)

    def _confirm_readable(self) -> bool:
        """Before a fit that prints below 5 pt, propose the handout; False: do nothing now."""
        self._update_advice()
        advice = self.advice
        fit = self.mode_combo.currentData() == "fit"
        if not (fit and advice and advice.fit_unreadable and advice.handout_pages):
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            "Export",
            f"{advice.sentence()}\n\nExport a handout instead? (No exports the fit anyway.)",
            buttons.Yes | buttons.No | buttons.Cancel,
            buttons.Yes,
        )
        if answer == buttons.Cancel:
            return False
        if answer == buttons.Yes:
            self.use_handout()
        return True

    # -- choosers ---------------------------------------------------------------------------
    def _format_changed(self) -> None:
        fmt = self.format()
        text = self.path_edit.text().strip()
        if not text:
            folder = self.settings.get(keys.LAST_EXPORT_FOLDER) or str(Path.home())
            text = str(Path(folder) / _safe_name(self.map_title))
        self.path_edit.setText(str(Path(text).with_suffix(_extensions(fmt)[0])))
        self._update_enabled()

    def contents(self) -> str:
        """What to write: the map, or (as CSV or XLSX only) the action plan or the metrics."""
        if not self.contents_combo.isEnabled():
            return "map"
        return str(self.contents_combo.currentData())

    def _update_enabled(self) -> None:
        self.contents_combo.setEnabled(self.format() in ("csv", "xlsx"))
        printed = self.format() in ("pdf",)
        drawn = self.format() in ("pdf", "png", "svg")
        for widget in (self.paper_combo, self.orientation_combo, self.mode_combo):
            widget.setEnabled(printed)
        self.overlap_spin.setEnabled(printed and self.mode_combo.currentData() == "tile")
        for check in self.page_checks.values():
            check.setEnabled(printed)
        for field in (self.organisation_edit, self.logo_edit, self.accent_edit):
            field.setEnabled(drawn)
        self.with_legend_check.setEnabled(self.format() in ("png", "svg"))
        self.text_as_paths_check.setEnabled(self.format() == "svg")

    def _choose_path(self) -> None:
        fmt = self.format()
        patterns = " ".join(f"*{ext}" for ext in _extensions(fmt))
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.path_edit.text(), f"{fmt.upper()} files ({patterns})"
        )
        if chosen:
            self.path_edit.setText(chosen)

    def _choose_logo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Logo", self.logo_edit.text(), "Images (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self.logo_edit.setText(chosen)

    def _choose_accent(self) -> None:
        try:
            current = parse_colour(self.accent_edit.text())
        except ValueError:
            current = "#0072B2"
        colour = QColorDialog.getColor(QColor(current), self)
        if colour.isValid():
            self.accent_edit.setText(colour.name())


_REMEMBERED = (
    keys.EXPORT_FORMAT,
    keys.EXPORT_PAPER,
    keys.EXPORT_ORIENTATION,
    keys.EXPORT_MODE,
    keys.EXPORT_OVERLAP_MM,
    keys.EXPORT_PAGES,
    keys.EXPORT_ORGANISATION,
    keys.EXPORT_LOGO,
    keys.EXPORT_ACCENT,
)


def _image_exporter(fmt: str) -> Any:
    """Qt's image painter for PNG and SVG (None for PDF and JSON)."""
    if fmt not in ("png", "svg"):
        return None
    try:
        from jmapper.ui.image_export import export_image
    except ImportError as error:
        from jmapper.services.errors import ServiceError

        raise ServiceError(
            f"{fmt.upper()} export is not available in this build; export a PDF instead."
        ) from error
    return export_image


def _extensions(fmt: str) -> tuple[str, ...]:
    """The file endings of ``fmt``, the one to write first (``.mmd`` for Mermaid)."""
    if fmt in INTERCHANGE:
        return INTERCHANGE[fmt].extensions
    return (f".{fmt}",)


def _pair(edit: QWidget, button: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return holder


def _select(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def _safe_name(title: str) -> str:
    kept = "".join(ch if ch.isalnum() or ch in "-_ " else "-" for ch in title).strip()
    return "-".join(kept.split())[:60] or "map"
