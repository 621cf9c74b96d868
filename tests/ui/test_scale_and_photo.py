"""The map's emotion scale in the inspector, and a persona's photo in the persona dock."""

from __future__ import annotations

import base64
import copy

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from jmapper.model.entities import EmotionScale
from jmapper.model.enums import EmotionScaleKind
from jmapper.storage import LibraryStore
from jmapper.templates.samples import SAMPLES
from jmapper.ui import action_names as names
from jmapper.ui.docks.personas import PHOTO_SIZE


def _open_support_request(window):
    title = SAMPLES["support_request"].title
    map_id = next(s.id for s in window.library.list_maps() if s.title == title)
    document = window.open_map(map_id)
    window.canvas.select("", "")
    assert window.inspector.kind == "map"
    return document


def test_choosing_one_to_five_moves_every_value_in_one_undo_step(window, library_path):
    document = _open_support_request(window)
    bundle = document.bundle
    assert (bundle.map.emotion_scale.minimum, bundle.map.emotion_scale.maximum) == (-2, 2)
    assert bundle.emotion_points
    before = copy.deepcopy(bundle)
    old_values = {p.id: p.value for p in bundle.emotion_points.values()}
    editor = window.inspector.form.editors["emotion_scale"]
    assert editor.combo.currentText() == "-2 to +2"
    assert editor.bounds.isHidden()  # bounds are for Custom only
    steps = document.undo_stack.count()

    editor.choose(EmotionScaleKind.ONE_TO_FIVE)

    scale = document.bundle.map.emotion_scale
    assert (scale.kind, scale.minimum, scale.maximum) == (EmotionScaleKind.ONE_TO_FIVE, 1, 5)
    for point_id, old in old_values.items():
        assert document.bundle.emotion_points[point_id].value == old + 3  # -2 -> 1, +2 -> 5
    assert document.undo_stack.count() == steps + 1
    with LibraryStore.open(library_path) as again:
        stored = again.load_map(document.map_id)
        assert stored.map.emotion_scale == scale
        assert {p.id: p.value for p in stored.emotion_points.values()} == {
            point_id: old + 3 for point_id, old in old_values.items()
        }

    window.named_actions[names.UNDO].trigger()
    assert document.bundle == before
    assert editor.combo.currentText() == "-2 to +2"  # the form followed the undo
    with LibraryStore.open(library_path) as again:
        assert again.load_map(document.map_id) == before


def test_custom_scale_bounds_and_labels(window, message_boxes):
    document = _open_support_request(window)
    editor = window.inspector.form.editors["emotion_scale"]
    editor.choose(EmotionScaleKind.CUSTOM)
    assert not editor.bounds.isHidden()
    assert document.bundle.map.emotion_scale.kind is EmotionScaleKind.CUSTOM
    editor.maximum.setValue(4)  # -2..+4: values stretch onto the wider range
    assert document.bundle.map.emotion_scale == EmotionScale(EmotionScaleKind.CUSTOM, -2, 4)
    assert all(-2 <= p.value <= 4 for p in document.bundle.emotion_points.values())

    editor.labels.setText("awful, bad")  # two labels for seven points: refused, with why
    editor.labels.editingFinished.emit()
    assert message_boxes.texts == [
        "An emotion scale's labels must name every point of the scale, or none."
    ]
    assert document.bundle.map.emotion_scale.labels == []
    assert editor.labels.text() == ""  # the form shows the map again

    editor.minimum.setValue(4)  # minimum not below maximum: refused
    assert "maximum above its minimum" in message_boxes.texts[-1]
    assert document.bundle.map.emotion_scale.minimum == -2
    assert editor.minimum.value() == -2


def _write_png(path, width: int, height: int) -> None:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#d55e00"))
    assert image.save(str(path), "PNG")


def _choose_file(monkeypatch, path) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *args, **kwargs: (str(path), "Images (*.png)")),
    )


def test_choose_and_remove_a_persona_photo(
    window, monkeypatch, tmp_path, library_path, message_boxes
):
    document = window.document
    dock = window.persona_dock
    persona_id = dock._persona_id
    assert persona_id and document.bundle.personas[persona_id].photo == ""
    assert dock.photo_label.pixmap().isNull()
    assert not dock.remove_photo_button.isEnabled()
    picture = tmp_path / "face.png"
    _write_png(picture, 800, 400)
    _choose_file(monkeypatch, picture)
    steps = document.undo_stack.count()

    dock.choose_photo_button.click()

    photo = document.bundle.personas[persona_id].photo
    stored = QImage.fromData(base64.b64decode(photo), "PNG")
    assert (stored.width(), stored.height()) == (PHOTO_SIZE, PHOTO_SIZE // 2)  # downscaled
    assert document.undo_stack.count() == steps + 1
    assert not dock.photo_label.pixmap().isNull()  # the thumbnail
    assert dock.remove_photo_button.isEnabled()
    with LibraryStore.open(library_path) as again:
        assert {p.id: p.photo for p in again.list_personas()}[persona_id] == photo

    window.named_actions[names.UNDO].trigger()
    assert document.bundle.personas[persona_id].photo == ""
    assert dock.photo_label.pixmap().isNull()
    window.named_actions[names.REDO].trigger()
    assert document.bundle.personas[persona_id].photo == photo

    dock.remove_photo_button.click()
    assert document.bundle.personas[persona_id].photo == ""
    assert dock.photo_label.pixmap().isNull()
    assert message_boxes.shown == []


def test_an_unreadable_photo_says_why_and_changes_nothing(
    window, monkeypatch, tmp_path, message_boxes
):
    document = window.document
    dock = window.persona_dock
    persona_id = dock._persona_id
    before = copy.deepcopy(document.bundle)
    steps = document.undo_stack.count()
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture at all", encoding="utf-8")
    _choose_file(monkeypatch, fake)

    dock.choose_photo_button.click()

    assert message_boxes.texts == [
        "\u201cnotes.png\u201d could not be read as a picture. "
        "Choose a PNG, JPEG, BMP, GIF or WebP image."
    ]
    assert document.bundle == before
    assert document.bundle.personas[persona_id].photo == ""
    assert document.undo_stack.count() == steps
