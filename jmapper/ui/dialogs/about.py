"""Help > About: jmapper's version and licence, and the licences of what it ships.

The facts come from :mod:`jmapper.services.credits` (fonts from the package,
libraries from their installed metadata, which a bundle carries too), so
the dialog shows exactly what this copy of jmapper contains.  Picking a font
or a library shows its licence text where one is shipped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jmapper.services.credits import LICENCE, Credit, font_credits, library_credits, version_line
from jmapper.ui.app_icon import app_icon

_TEXT = Qt.ItemDataRole.UserRole

ABOUT_TEXT = (
    "An offline editor for customer journey maps and service blueprints. Every change is "
    "stored the moment you make it in a library file on this computer; nothing is sent "
    "anywhere."
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About jmapper")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("aboutTabs")
        self.tabs.addTab(self._about_page(), "jmapper")
        self.fonts = self._credits_table("aboutFonts", ("Font", "Files", "Licence"))
        self.libraries = self._credits_table("aboutLibraries", ("Library", "Version", "Licence"))
        self.tabs.addTab(self._credits_page(self.fonts, font_credits()), "Fonts")
        self.tabs.addTab(self._credits_page(self.libraries, library_credits()), "Libraries")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _about_page(self) -> QWidget:
        page = QWidget(self)
        icon = QLabel(page)
        icon.setObjectName("aboutIcon")
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.version_label = QLabel(version_line(), page)
        self.version_label.setObjectName("aboutVersion")
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.version_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.version_label.setFont(font)
        description = QLabel(ABOUT_TEXT, page)
        description.setWordWrap(True)
        self.licence_label = QLabel(
            f"jmapper is free software under the {LICENCE} licence. It ships the fonts and "
            "libraries listed in the other tabs, each under its own licence.",
            page,
        )
        self.licence_label.setObjectName("aboutLicence")
        self.licence_label.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(self.version_label)
        text.addWidget(description)
        text.addWidget(self.licence_label)
        text.addStretch(1)
        row = QHBoxLayout(page)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(20)
        row.addWidget(icon)
        row.addLayout(text, 1)
        return page

    def _credits_table(self, name: str, headers: tuple[str, str, str]) -> QTreeWidget:
        table = QTreeWidget(self)
        table.setObjectName(name)
        table.setHeaderLabels(list(headers))
        table.setRootIsDecorated(False)
        table.setAlternatingRowColors(True)
        return table

    def _credits_page(self, table: QTreeWidget, credits: list[Credit]) -> QWidget:
        page = QWidget(self)
        viewer = QPlainTextEdit(page)
        viewer.setObjectName(f"{table.objectName()}Text")
        viewer.setReadOnly(True)
        viewer.setPlaceholderText("Choose an entry to read its licence.")
        for credit in credits:
            item = QTreeWidgetItem([credit.name, credit.version, credit.licence])
            item.setData(0, _TEXT, credit.text)
            item.setToolTip(2, credit.licence)
            table.addTopLevelItem(item)
        for column in range(table.columnCount()):
            table.resizeColumnToContents(column)

        def show(current: QTreeWidgetItem | None, _previous: object) -> None:
            text = current.data(0, _TEXT) if current is not None else ""
            viewer.setPlainText(
                text
                or "This component does not ship its licence text; its licence is named "
                "in the table."
            )

        table.currentItemChanged.connect(show)
        first = table.topLevelItem(0)
        if first is not None:
            table.setCurrentItem(first)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addWidget(viewer, 1)
        return page

    def licence_text(self, table: QTreeWidget, name: str) -> str:
        """The licence text shown for ``name`` (tests and the screenshot use it)."""
        for index in range(table.topLevelItemCount()):
            item = table.topLevelItem(index)
            if item is not None and item.text(0) == name:
                table.setCurrentItem(item)
                page = table.parentWidget()
                viewer = page.findChild(QPlainTextEdit) if page is not None else None
                return viewer.toPlainText() if viewer is not None else ""
        raise KeyError(name)
