"""Light and dark window palettes that follow the system colour scheme.

Qt 6.5+ reports the system scheme through ``QStyleHints.colorScheme``; when
it says dark we switch to Fusion with a dark palette (native styles on some
platforms ignore palette changes), and back when the user changes the
system setting mid-workshop.  The canvas draws its own colours.  Both
palettes keep window and base text at WCAG AA contrast (4.5:1 or more).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

_ROLES = QPalette.ColorRole

_LIGHT = {
    _ROLES.Window: "#f3f4f6",
    _ROLES.WindowText: "#1b1f24",
    _ROLES.Base: "#ffffff",
    _ROLES.AlternateBase: "#eef1f5",
    _ROLES.Text: "#1b1f24",
    _ROLES.Button: "#e9ecf0",
    _ROLES.ButtonText: "#1b1f24",
    _ROLES.Highlight: "#0b63b6",
    _ROLES.HighlightedText: "#ffffff",
    _ROLES.ToolTipBase: "#fffbe6",
    _ROLES.ToolTipText: "#1b1f24",
    _ROLES.PlaceholderText: "#5f6670",
    _ROLES.Link: "#0b63b6",
    _ROLES.BrightText: "#b3261e",
}

_DARK = {
    _ROLES.Window: "#25282d",
    _ROLES.WindowText: "#e8eaed",
    _ROLES.Base: "#1c1e22",
    _ROLES.AlternateBase: "#2b2f35",
    _ROLES.Text: "#e8eaed",
    _ROLES.Button: "#30343a",
    _ROLES.ButtonText: "#e8eaed",
    _ROLES.Highlight: "#4c9be8",
    _ROLES.HighlightedText: "#0b0c0e",
    _ROLES.ToolTipBase: "#30343a",
    _ROLES.ToolTipText: "#e8eaed",
    _ROLES.PlaceholderText: "#a3a9b1",
    _ROLES.Link: "#7db8f0",
    _ROLES.BrightText: "#ff8a80",
}

_DISABLED_TEXT = {"light": "#6b7280", "dark": "#8b9099"}


def build_palette(dark: bool) -> QPalette:
    """The editor's palette for a light or dark system scheme."""
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(_DISABLED_TEXT["dark" if dark else "light"])
    for role in (_ROLES.WindowText, _ROLES.Text, _ROLES.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_prefers_dark() -> bool:
    """Whether the platform's colour scheme is dark (False when it cannot say)."""
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is None:
        return False
    return bool(scheme() == Qt.ColorScheme.Dark)


def apply_system_palette(app: QApplication) -> None:
    """Use the palette matching the system scheme now and whenever it changes."""
    _apply(app, system_prefers_dark())
    hints = QGuiApplication.styleHints()
    signal = getattr(hints, "colorSchemeChanged", None)
    if signal is not None:
        signal.connect(lambda scheme: _apply(app, scheme == Qt.ColorScheme.Dark))


def _apply(app: QApplication, dark: bool) -> None:
    app.setStyle("Fusion")
    app.setPalette(build_palette(dark))


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio between two colours (1.0 to 21.0)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


#: The colour of a refusal shown inside a dialog or form (why OK did nothing).
PROBLEM_COLOUR = "#B00020"


def problem_label(parent: QWidget, object_name: str, *, bold: bool = True) -> QLabel:
    """The label a dialog or form writes its one-sentence refusal into: wrapped, in red.

    One place for it, so every dialog's refusal looks the same and a change of
    colour (a dark theme, say) is made once.
    """
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {PROBLEM_COLOUR}" + ("; font-weight: bold" if bold else ""))
    return label
