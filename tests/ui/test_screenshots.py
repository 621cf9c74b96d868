"""Renders the window and its dialogs to PNGs for a person to look at, and checks them.

The PNGs go to the ``render_dir`` fixture's folder (``JMAPPER_RENDER_DIR`` keeps
them).  Each image is checked for what a glance would catch: the right size,
not blank, the state the user asked for actually on screen (the inspector
names the selected card, presentation hides everything but the canvas, the
dark palette is dark).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from jmapper.ui import action_names as names
from jmapper.ui.palette import build_palette


def _save(widget: QWidget, folder: Path, name: str) -> QImage:
    image = widget.grab().toImage()
    image.save(str(folder / f"{name}.png"))
    ratio = widget.devicePixelRatioF()
    assert image.width() == round(widget.width() * ratio), name
    assert image.height() == round(widget.height() * ratio), name
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 5)
        for y in range(0, image.height(), 5)
    }
    assert len(colours) > 3, f"{name} looks blank"
    return image


def _mean_lightness(image: QImage) -> float:
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), 9)
        for y in range(0, image.height(), 9)
    ]
    return sum(values) / len(values)


def test_render_window_states(window, qtbot, render_dir):
    window.resize(1440, 900)
    qtbot.wait(50)
    _save(window, render_dir, "01-window")
    assert window.inspector.isVisible() and window.library_panel.isVisible()

    card = next(iter(window.document.bundle.cards.values()))
    window.canvas.select("card", card.id)
    _save(window, render_dir, "02-card-inspector")
    assert card.title in window.inspector.header.text()

    window.persona_dock.raise_()
    _save(window, render_dir, "03-personas")

    for action, name, title in (
        (names.NEW_MAP, "04-new-map", "map"),
        (names.EXPORT, "05-export", "xport"),
        (names.SNAPSHOTS, "06-snapshots", "ersion"),
    ):
        window.named_actions[action].trigger()
        dialog = window.active_dialog
        assert dialog is not None and dialog.isVisible(), name
        assert title in dialog.windowTitle(), (name, dialog.windowTitle())
        _save(dialog, render_dir, name)
        dialog.close()

    window.set_presentation(True)
    qtbot.wait(50)
    _save(window, render_dir, "08-presentation")
    assert not window.menuBar().isVisible()
    assert not window.statusBar().isVisible()
    assert not window.inspector.isVisible()
    assert window.canvas.width() >= window.width() - 2
    window.set_presentation(False)
    assert window.menuBar().isVisible()


def test_render_dark_palette(window, qtbot, render_dir):
    app = QApplication.instance()
    old = app.palette()
    light = _mean_lightness(window.library_panel.grab().toImage())
    app.setPalette(build_palette(dark=True))
    try:
        window.resize(1440, 900)
        qtbot.wait(50)
        _save(window, render_dir, "07-dark")
        label = window.status_label
        assert label.palette().color(label.foregroundRole()).lightness() > 180
        assert QColor(app.palette().window().color()).lightness() < 80
        dark = _mean_lightness(window.library_panel.grab().toImage())
        assert dark < light - 60, (light, dark)
    finally:
        app.setPalette(old)
