"""The main toolbar: the standard add actions, each with an icon, in one row.

The toolbar holds the same QAction objects as the menus (so shortcuts,
enabled state and undo are shared, not duplicated).  Other features add their
actions with :func:`add_to_toolbar`; the icons are drawn here rather than
taken from a desktop theme, so they look the same on every platform and in
the offscreen test platform.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QWidget

from jmapper.ui import action_names as names
from jmapper.ui.canvas import actions as canvas_names

TOOLBAR_NAME = "mainToolBar"

#: action name -> (glyph, fill colour); order is toolbar order, None is a separator.
TOOLBAR_ITEMS: tuple[tuple[str, str, str] | None, ...] = (
    (names.NEW_MAP, "M", "#455a64"),
    None,
    (names.UNDO, "\u21b6", "#607d8b"),
    (names.REDO, "\u21b7", "#607d8b"),
    None,
    (canvas_names.ADD_CARD, "C", "#1e88e5"),
    (canvas_names.ADD_OPPORTUNITY, "O", "#2e7d32"),
    (canvas_names.INSERT_STAGE_AFTER, "S", "#6d4c41"),
    (canvas_names.INSERT_STEP_AFTER, "s", "#8d6e63"),
    (canvas_names.INSERT_LANE_BELOW, "L", "#5e35b1"),
    (canvas_names.DRAW_ARROW, "\u2192", "#00838f"),
    (canvas_names.ADD_METRIC, "%", "#0072b2"),
    (canvas_names.TOGGLE_MOMENT_OF_TRUTH, "\u25c6", "#c62828"),
    (canvas_names.VOTE_MODE, "\u2022", "#6a1b9a"),
    (canvas_names.ADD_EVIDENCE, "E", "#6a4c93"),
    (canvas_names.ADD_COMMENT, "\u201c", "#b8860b"),
)


def glyph_icon(glyph: str, fill: str, plus: bool = True) -> QIcon:
    """A rounded square with a glyph and, for add actions, a small plus in the corner."""
    icon = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size / 6, size / 6)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(round(size * 0.6))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
        if plus and size >= 24:
            r = size * 0.3
            badge = QRectF(size - r - 1, size - r - 1, r, r)
            painter.setBrush(QColor("white"))
            painter.setPen(QPen(QColor(fill), max(1.0, size / 24)))
            painter.drawEllipse(badge)
            c = badge.center()
            arm = r * 0.3
            painter.drawLine(QLineF(c.x() - arm, c.y(), c.x() + arm, c.y()))
            painter.drawLine(QLineF(c.x(), c.y() - arm, c.x(), c.y() + arm))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """The main toolbar with the standard actions found in ``actions`` by name."""
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName(TOOLBAR_NAME)
    bar.setIconSize(QSize(24, 24))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    for item in TOOLBAR_ITEMS:
        if item is None:
            bar.addSeparator()
            continue
        name, glyph, fill = item
        action = actions.get(name)
        if action is not None:
            add_to_toolbar(bar, action, glyph, fill, plus=name not in (names.UNDO, names.REDO))
    return bar


def add_to_toolbar(
    bar: QToolBar, action: QAction, glyph: str, fill: str, plus: bool = True
) -> None:
    """Put ``action`` on ``bar`` with a drawn icon unless it has one already."""
    if action.icon().isNull():
        action.setIcon(glyph_icon(glyph, fill, plus))
    bar.addAction(action)


def add_emotion_picker(bar: QToolBar, picker: QWidget) -> None:
    """The emotion-curve picker at the end of the bar, after a label that says what it is."""
    bar.addSeparator()
    label = QLabel(" Emotion curve: ", bar)
    label.setBuddy(picker)
    bar.addWidget(label)
    bar.addWidget(picker)
