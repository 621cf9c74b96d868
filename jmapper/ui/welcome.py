"""The welcome view: what an empty library shows in place of the canvas.

A library with no maps would otherwise greet a new user with a blank grey
canvas.  Instead the centre of the window offers every way to start: a new
map of each map type, a map on one of the stage presets, a copy of a sample
map, another library, or a JSON file to import.  Each choice opens the usual
New Map dialog already set to it (or the usual open and import dialogs), so
the welcome view adds no second way of creating maps.

:func:`install_welcome` puts the view and the canvas in one stacked central
widget; :meth:`WelcomeView.follow` shows whichever fits the library's map
list.  The buttons are built the first time the view is shown, so a start
on a library with maps never loads the templates for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from jmapper.services.library_api import Library
    from jmapper.ui.library_panel.operations import MapOperations

#: Buttons per row in the map type and stage preset groups (samples, with long titles, get one).
_COLUMNS = 2
#: The page stops growing here, so the choices stay together on a wide screen.
_MAX_WIDTH = 760


class WelcomeView(QScrollArea):
    """Ways to start, for a library that has no maps."""

    #: (map type value, start key ``preset:<key>``/``sample:<key>`` or "", suggested title)
    new_map_requested = Signal(str, str, str)
    open_library_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        # The page follows the view's width (buttons shrink, text wraps); only height scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._built = False
        self._library_name = ""
        self._writable = True
        self.heading = QLabel(self)
        self.heading.setObjectName("welcomeHeading")
        self.intro = QLabel(self)
        self.intro.setObjectName("welcomeIntro")
        self.intro.setWordWrap(True)
        self._creating: list[QPushButton] = []
        #: The central stack and the canvas it alternates with (set by install_welcome).
        self.stack: QStackedWidget | None = None
        self.canvas: QWidget | None = None

    def follow(self, library: Library, has_maps: bool) -> None:
        """Show the canvas when the library has maps, this view when it has none."""
        self.set_library(library.path, writable=not library.read_only)
        if self.stack is not None and self.canvas is not None:
            self.stack.setCurrentWidget(self.canvas if has_maps else self)

    @property
    def showing(self) -> bool:
        return self.stack is not None and self.stack.currentWidget() is self

    def set_library(self, path: str | Path, *, writable: bool) -> None:
        self._library_name = Path(path).name
        self._writable = writable
        self.heading.setText("Start your first map")
        if writable:
            self.intro.setText(
                f"\u201c{self._library_name}\u201d has no maps yet. Start one below: every "
                "change is saved in the library the moment you make it."
            )
        else:
            self.intro.setText(
                f"\u201c{self._library_name}\u201d has no maps and is read-only, so no map can "
                "be added to it; open another library."
            )
        for button in self._creating:
            button.setEnabled(writable)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt virtual)
        self.build()
        super().showEvent(event)

    def page(self) -> QWidget:
        """The widget that shows the choices (built now if it was not yet)."""
        self.build()
        page = self.widget()
        assert page is not None
        return page

    def build(self) -> None:
        """Create the buttons (once): the templates load only when an empty library shows."""
        if self._built:
            return
        self._built = True
        from jmapper.model.enums import MapType
        from jmapper.templates import SAMPLES, STAGE_PRESETS, map_type_info

        page = QWidget(self)
        page.setObjectName("welcomePage")
        layout = QVBoxLayout(page)
        page.setMaximumWidth(_MAX_WIDTH)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)

        types = self._group("New map of a type", "welcomeTypes")
        for index, map_type in enumerate(MapType):
            button = self._button(
                types,
                index,
                map_type.label,
                f"welcomeType_{map_type.value}",
                map_type_info(map_type).purpose,
            )
            button.clicked.connect(
                lambda _c=False, t=map_type.value: self.new_map_requested.emit(t, "", "")
            )
        presets = self._group("New map on a set of stages", "welcomePresets")
        for index, preset in enumerate(STAGE_PRESETS.values()):
            button = self._button(
                presets,
                index,
                preset.name,
                f"welcomePreset_{preset.key}",
                preset.description + "\n\n" + " \u2192 ".join(preset.stages),
            )
            button.clicked.connect(
                lambda _c=False, k=preset.key: self.new_map_requested.emit(
                    MapType.CURRENT_STATE.value, f"preset:{k}", ""
                )
            )
        samples = self._group("A copy of a sample map", "welcomeSamples")
        for index, sample in enumerate(SAMPLES.values()):
            button = self._button(
                samples,
                index,
                sample.title,
                f"welcomeSample_{sample.key}",
                sample.description,
                columns=1,
            )
            button.clicked.connect(
                lambda _c=False, s=sample: self.new_map_requested.emit(
                    s.map_type.value, f"sample:{s.key}", s.title
                )
            )
        for group in (types, presets, samples):
            layout.addWidget(group)

        others = QHBoxLayout()
        open_button = QPushButton("Open Another Library\u2026", page)
        open_button.setObjectName("welcomeOpenLibrary")
        open_button.setToolTip("Open a .jmapper library file")
        open_button.clicked.connect(self.open_library_requested)
        import_button = QPushButton("Import a JSON File\u2026", page)
        import_button.setObjectName("welcomeImport")
        import_button.setToolTip("Add the maps of a jmapper JSON file to this library")
        import_button.clicked.connect(self.import_requested)
        self._creating.append(import_button)
        others.addWidget(open_button)
        others.addWidget(import_button)
        others.addStretch(1)
        layout.addLayout(others)
        layout.addStretch(1)
        self.setWidget(page)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        for button in self._creating:
            button.setEnabled(self._writable)

    def _group(self, title: str, name: str) -> QGroupBox:
        group = QGroupBox(title, self)
        group.setObjectName(name)
        QGridLayout(group)
        return group

    def _button(
        self, group: QGroupBox, index: int, text: str, name: str, tip: str, columns: int = _COLUMNS
    ) -> QPushButton:
        button = QPushButton(text, group)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setMinimumHeight(32)
        grid = group.layout()
        assert isinstance(grid, QGridLayout)
        grid.addWidget(button, index // columns, index % columns)
        self._creating.append(button)
        return button


class WelcomeWindow(Protocol):
    """What the welcome view needs of the window: its central widget and its commands."""

    @property
    def operations(self) -> MapOperations: ...

    def open_library_file(self) -> None: ...

    def takeCentralWidget(self) -> QWidget | None: ...  # noqa: N802 (Qt's name)

    def setCentralWidget(self, widget: QWidget) -> None: ...  # noqa: N802 (Qt's name)


def install_welcome(window: WelcomeWindow) -> WelcomeView:
    """Stack the welcome view with the window's canvas and wire its choices to the window.

    The window then calls ``welcome.follow(library, has_maps)`` whenever its map list changes.
    """
    stack = QStackedWidget()  # setCentralWidget makes the window its parent
    stack.setObjectName("centralStack")
    canvas = window.takeCentralWidget()
    assert canvas is not None, "the window sets its canvas as central widget before this"
    welcome = WelcomeView(stack)
    stack.addWidget(canvas)
    stack.addWidget(welcome)
    window.setCentralWidget(stack)
    welcome.stack, welcome.canvas = stack, canvas

    def new_map(map_type: str, start: str, title: str) -> None:
        from jmapper.model.enums import MapType

        dialog = window.operations.new_map()
        dialog.set_map_type(MapType(map_type))
        if start:
            dialog.choose_start(start)
        if title:
            dialog.title_edit.setText(title)
            dialog.title_edit.selectAll()

    welcome.new_map_requested.connect(new_map)
    welcome.open_library_requested.connect(window.open_library_file)
    welcome.import_requested.connect(window.operations.import_json)
    return welcome
