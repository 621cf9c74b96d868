"""Renders the window and its dialogs to /tmp/jm-ui/*.png for a person to look at.

The assertions are deliberately light (the images are not blank, text is
dark on light); the point is that the PNGs exist after every run.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from jmapper.ui import action_names as names
from jmapper.ui.palette import build_palette

OUT = Path("/tmp/jm-ui")


def _save(widget, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    image = widget.grab().toImage()
    path = OUT / f"{name}.png"
    image.save(str(path))
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 5)
        for y in range(0, image.height(), 5)
    }
    assert len(colours) > 3, f"{name} looks blank"
    return path


def test_render_window_states(window, qtbot):
    window.resize(1440, 900)
    qtbot.wait(50)
    _save(window, "01-window")
    card = next(iter(window.document.bundle.cards.values()))
    window.canvas.select("card", card.id)
    _save(window, "02-card-inspector")
    window.persona_dock.raise_()
    _save(window, "03-personas")
    window.named_actions[names.NEW_MAP].trigger()
    _save(window.active_dialog, "04-new-map")
    window.active_dialog.reject()
    window.named_actions[names.EXPORT].trigger()
    _save(window.active_dialog, "05-export")
    window.active_dialog.reject()
    window.named_actions[names.SNAPSHOTS].trigger()
    _save(window.active_dialog, "06-snapshots")
    window.active_dialog.close()
    window.set_presentation(True)
    qtbot.wait(50)
    _save(window, "08-presentation")
    window.set_presentation(False)


def test_render_dark_palette(window, qtbot):
    app = QApplication.instance()
    old = app.palette()
    app.setPalette(build_palette(dark=True))
    try:
        window.resize(1440, 900)
        qtbot.wait(50)
        _save(window, "07-dark")
        label = window.status_label
        assert label.palette().color(label.foregroundRole()).lightness() > 180
        assert QColor(app.palette().window().color()).lightness() < 80
    finally:
        app.setPalette(old)
