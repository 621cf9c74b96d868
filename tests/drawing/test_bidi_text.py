"""Mixed-direction text on the canvas and in PNG: one bidi pass over the whole line.

The layout splits a line into runs of one font (DejaVu, or the CJK fallback).  Drawn
run by run, Qt ordered each run on its own, so in "Paris → 東京 → القاهرة" the run
" → القاهرة" took its direction from the Arabic and came out as "القاهرة →".  These
tests draw such a line through :class:`QtPainter` and check, by ink, that each piece
sits where the Unicode bidi algorithm puts it: the Arabic word last (rightmost),
after the second arrow, in an LTR line; and the Latin word rightmost in an RTL line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QPainter

from jmapper.layout.text import TextLine, measure_line, text_width
from jmapper.ui.qt_painter import QtPainter, register_fonts

SIZE = 12.0
SCALE = 4.0
X, BASELINE = 10.0, 20.0


def _render(text: str) -> QImage:
    """``text`` as one layout line drawn by the QPainter backend, 4 px per point."""
    register_fonts()
    width, segments = measure_line(text, SIZE, False)
    line = TextLine(text=text, x=X, baseline=BASELINE, width=width, segments=segments)
    image = QImage(round((width + 2 * X) * SCALE), round(30 * SCALE), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.scale(SCALE, SCALE)
    QtPainter(painter).text([line], SIZE, "#000000")
    painter.end()
    return image


def _ink(image: QImage, x0: float, x1: float) -> int:
    """Dark pixels between x0 and x1 (points), over the whole height."""
    count = 0
    for px in range(max(0, round(x0 * SCALE)), min(image.width(), round(x1 * SCALE))):
        for py in range(image.height()):
            if QColor(image.pixel(px, py)).lightness() < 128:
                count += 1
    return count


def _differing(a: QImage, b: QImage, x0: float, x1: float) -> int:
    """Pixels whose darkness differs clearly between two pictures, between x0 and x1."""
    count = 0
    for px in range(round(x0 * SCALE), min(a.width(), b.width(), round(x1 * SCALE))):
        for py in range(min(a.height(), b.height())):
            la, lb = QColor(a.pixel(px, py)).lightness(), QColor(b.pixel(px, py)).lightness()
            if abs(la - lb) > 96:
                count += 1
    return count


def test_arabic_after_cjk_stays_last_in_a_left_to_right_line(qapp, render_dir: Path) -> None:
    prefix = "Paris → 東京 → "
    text = prefix + "القاهرة"
    whole = _render(text)
    whole.save(str(render_dir / "bidi_paris_tokyo_cairo.png"))
    # The same characters drawn alone at the places the bidi algorithm gives them.
    alone_prefix = _render(prefix)
    start = X + text_width(prefix, SIZE)
    end = X + text_width(text, SIZE)
    # The arrow and the space before the Arabic belong left of it: the last 1.5 em
    # of the prefix looks as it does without the Arabic.
    assert _ink(alone_prefix, start - 1.5 * SIZE, start) > 0
    assert _differing(whole, alone_prefix, start - 1.5 * SIZE, start - 0.5) < 20
    # The Arabic fills the rest: there is ink near the right end of the line and
    # none of it is an arrow (an arrow there means the run was reversed).
    assert _ink(whole, end - SIZE, end) > 0


def test_reversed_run_would_be_caught(qapp) -> None:
    """The check above fails for the old picture: the run drawn on its own reverses."""
    prefix = "Paris → 東京"
    run = " → القاهرة"
    run_alone = _render(run)  # one run, direction from its own first strong letter
    arrow_alone = _render(" →")
    arrow_w = text_width(" →", SIZE)
    # Drawn alone (as the old backend drew it), the run's arrow is not at its start...
    assert _differing(run_alone, arrow_alone, X, X + arrow_w) > 20
    # ...while inside the whole line it is.
    whole = _render(prefix + run)
    head = _render(prefix + " →")
    start = X + text_width(prefix, SIZE)
    assert _differing(whole, head, start, start + arrow_w - 0.5) < 20


def test_right_to_left_line_puts_latin_on_the_right(qapp, render_dir: Path) -> None:
    text = "مرحبا Paris"
    whole = _render(text)
    whole.save(str(render_dir / "bidi_rtl_line.png"))
    latin = _render("Paris")
    latin_w = text_width("Paris", SIZE)
    width = text_width(text, SIZE)
    # The line's first strong letter is Arabic, so its base direction is right to
    # left: the Arabic is on the right and "Paris" on the left, at the line's start.
    assert _differing(whole, latin, X, X + latin_w - 0.5) < 20
    assert _ink(whole, X + width - 2 * SIZE, X + width) > 0
