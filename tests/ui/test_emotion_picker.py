"""The emotion-curve picker sits on the main toolbar and follows the open map's personas."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QToolBar

from jmapper.ui.toolbar import TOOLBAR_NAME


def test_the_picker_is_on_the_toolbar_and_lists_the_open_maps_curves(window, render_dir):
    bar = window.findChild(QToolBar, TOOLBAR_NAME)
    picker = bar.findChild(QComboBox, "emotionSeriesCombo")
    assert picker is window.canvas.emotion_picker and picker.isVisible()
    maps = {m.title: m.id for m in window.library.list_maps()}
    window.open_map(maps["Broadband support request \u2014 current state"])
    labels = [picker.itemText(i) for i in range(picker.count())]
    assert labels[0] == "Dana Whitfield \u2013 As-is" and "Ray Donnelly \u2013 Employee" in labels
    window.open_map(maps["Mortgage application \u2014 current state"])
    labels = [picker.itemText(i) for i in range(picker.count())]
    assert not any(label.startswith("Dana") for label in labels)
    assert labels[0].endswith("\u2013 As-is")
    bar.grab().save(str(render_dir / "toolbar_with_picker.png"))
