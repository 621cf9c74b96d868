"""A scene of more than 20,000 items in one process, rendered.

Guards a known PySide6 6.12.0 crash (none_dealloc after thousands of Qt calls
returning None) and the canvas's own scaling: keep this test.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from jmapper.document import JourneyDocument
from jmapper.storage import LibraryStore
from jmapper.ui.canvas import MapCanvas
from tests.bench.generate_map import generate_bundle


def test_twenty_thousand_items_render(qtbot, tmp_path):
    bundle = generate_bundle(stages=20, steps_per_stage=1, lanes=10, cards_per_cell=100)
    store = LibraryStore.create(tmp_path / "big.jmapper")
    try:
        store.add_bundle(bundle)
        document = JourneyDocument(store.load_map(bundle.map.id), store)
        canvas = MapCanvas()
        qtbot.addWidget(canvas)
        canvas.resize(1600, 900)
        canvas.set_document(document)
        scene = canvas.scene()
        assert len(scene.items()) >= 20_000
        canvas.zoom_fit()
        image = QImage(800, 450, QImage.Format.Format_ARGB32)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, 800, 450), scene.sceneRect())
        painter.end()
        painted = sum(
            1
            for y in range(0, 450, 3)
            for x in range(0, 40, 2)
            if image.pixelColor(x, y) != QColor("#FFFFFF")
        )
        assert painted > 100
        shot = canvas.grab()
        assert not shot.isNull()
        card = next(iter(document.bundle.cards))
        document.edit("card", card, title="still alive")
        assert canvas.projection.item("card", card).box.title.lines[0].text == "still alive"
    finally:
        store.close()
