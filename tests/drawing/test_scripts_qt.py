"""Every script on the canvas and in PNG: each character from a face that has it, in its box.

The layout picks a bundled face per character (DejaVu, the CJK fallback, or a Noto
face per script); the QPainter backend draws with that face, so a face lacking the
character would print an empty box.  Shaping may change a run's width, and the
backend squeezes a line rather than let a glyph leave the box the layout measured.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter

from jmapper.layout.text import JOINER, TextLine, glyph, measure_line
from jmapper.ui.qt_painter import QtPainter, font, register_fonts
from tests.export.test_pdf_scripts import SCRIPTS

SIZE = 12.0
SCALE = 4.0
X, BASELINE = 20.0, 24.0


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_each_character_comes_from_a_face_that_has_it(qapp, script: str) -> None:
    register_fonts()
    for char in SCRIPTS[script]:
        key, _width = glyph(char, False)
        if key == JOINER or char == " ":
            continue
        metrics = QFontMetricsF(font(key, SIZE))
        assert metrics.inFontUcs4(ord(char)), (script, char, key)


def _render(line: TextLine) -> QImage:
    image = QImage(
        round((line.width + 2 * X) * SCALE), round(40 * SCALE), QImage.Format.Format_RGB32
    )
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    QtPainter(painter).text([line], SIZE, "#000000")
    painter.end()
    return image


def _ink_columns(image: QImage) -> list[float]:
    """x (points) of every column holding a dark pixel."""
    out = []
    for px in range(image.width()):
        if any(QColor(image.pixel(px, py)).lightness() < 140 for py in range(image.height())):
            out.append(px / SCALE)
    return out


#: Scripts drawn through the bidi and shaping path (the others are drawn where the
#: layout measured each font run, which is exact by construction).
SHAPED = ("arabic", "devanagari", "emoji", "hangul", "hebrew", "thai")
CASES = [(script, 1.0) for script in sorted(SCRIPTS)] + [(script, 0.6) for script in SHAPED]


@pytest.mark.parametrize(("script", "squeeze"), CASES)
def test_no_glyph_leaves_the_box_the_layout_measured(
    qapp, render_dir: Path, script: str, squeeze: float
) -> None:
    """Drawn at its measured width, or (shaped scripts) into a box 40 % narrower, as if
    shaping had widened it, the line's ink stays between its left and right edges."""
    register_fonts()
    text = SCRIPTS[script]
    width, segments = measure_line(text, SIZE, False)
    line = TextLine(text, X, BASELINE, width * squeeze, segments)
    image = _render(line)
    image.save(str(render_dir / f"script_{script}_{squeeze}.png"))
    ink = _ink_columns(image)
    assert ink, f"{script} draws nothing"
    assert min(ink) >= X - 1.0
    assert max(ink) <= X + line.width + 1.0
