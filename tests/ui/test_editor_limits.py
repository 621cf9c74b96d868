"""The editor never starts work over a limit: a map over the card limit, a photo over
the pixel limit; it says so (naming the limit) instead."""

from __future__ import annotations

from PIL import Image
from PySide6.QtWidgets import QFileDialog

from jmapper.services.library_api import Library
from jmapper.services.limits import MAX_CARDS_PER_MAP, MAX_IMAGE_PIXELS
from jmapper.storage import LibraryStore
from tests.bench.generate_map import generate_bundle


def test_the_editor_refuses_a_map_over_the_card_limit(qtbot, library_path, settings, message_boxes):
    from jmapper.ui.main_window import MainWindow

    big = generate_bundle(stages=20, lanes=10, cards_per_cell=MAX_CARDS_PER_MAP // 200 + 1)
    big.map.title = "AAA first in the list"
    store = LibraryStore.open(library_path)
    store.add_bundle(big)
    window = MainWindow(Library(store), settings)
    qtbot.addWidget(window)
    try:
        # On start the first map it can show is open, not the first in the list.
        assert window.library_panel.summaries()[0].id == big.map.id
        assert window.document is not None and window.document.map_id != big.map.id
        assert message_boxes.texts == []
        shown = window.document
        assert window.open_map(big.map.id) is None
        (text,) = message_boxes.texts
        assert f"{MAX_CARDS_PER_MAP:,} cards a map can hold" in text
        assert big.map.id not in window.documents
        assert window.document is shown
    finally:
        window.library.close()


def test_a_photo_over_the_pixel_limit_is_refused_before_it_is_decoded(
    window, monkeypatch, tmp_path, message_boxes
):
    picture = tmp_path / "poster.png"
    Image.new("1", (10_000, MAX_IMAGE_PIXELS // 10_000 + 1)).save(picture)  # small on disk
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        staticmethod(lambda *args, **kwargs: (str(picture), "Images (*.png)")),
    )
    document = window.document
    persona_id = window.persona_dock._persona_id
    steps = document.undo_stack.count()

    window.persona_dock.choose_photo_button.click()

    (text,) = message_boxes.texts
    assert "\u201cposter.png\u201d is 10,000 x 5,001 pixels" in text
    assert f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels" in text
    assert document.bundle.personas[persona_id].photo == ""
    assert document.undo_stack.count() == steps
