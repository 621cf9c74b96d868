"""Shaping one run of text for the PDF with HarfBuzz, in a direction we choose.

Arabic letters take their joined forms, Devanagari its conjuncts and reordered
vowel signs, Thai and Hebrew their marks, emoji sequences their ligatures.
reportlab 5 draws a ``ShapedStr`` (glyphs and positions) with ``drawString``,
but its own ``shapeStr`` lets HarfBuzz guess the direction from the text, so a
right-to-left run of neutrals (" → " between Arabic words) would not be
reversed.  The bidi pass (:mod:`jmapper.layout.bidi`) already knows each run's
direction; this module shapes with it and returns glyphs in visual order.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

#: HarfBuzz features: the defaults plus ligatures (emoji sequences, lam-alef).
_FEATURES = {"kern": True, "liga": True}

#: reportlab adds private-use codes for glyphs without a character (ligatures, conjuncts)
#: to the font object it shares between exports: one shaping at a time.
_lock = threading.Lock()


def shape(text: str, font_name: str, size: float, rtl: bool) -> tuple[str, float]:
    """``text`` shaped in ``font_name`` (registered, TrueType) and its width in points.

    The result is a reportlab ``ShapedStr`` in visual order (left to right on the
    page), to pass to ``drawString``.
    """
    import uharfbuzz as hb

    font = pdfmetrics.getFont(font_name)
    face = font.face
    with _lock:
        hb_font = font.hbFont(size)
        buf = hb.Buffer()
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"
        hb.shape(hb_font, buf, _FEATURES)
        chars: list[str] = []
        data: list[ShapeData] = []
        advance = 0.0
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            gid = info.codepoint
            x_advance = font.pdfScale(pos.x_advance)
            try:
                code = face.glyphToChar[gid][0]
            except (KeyError, IndexError):
                # A glyph no character maps to (a ligature, a conjunct): reportlab gives
                # it a private-use code; its width must be in 1/1000 em like the others.
                code = font.hbAddPrivate(hb_font.glyph_to_string(gid), gid, x_advance)
            chars.append(chr(code))
            data.append(
                ShapeData(
                    info.cluster,
                    x_advance,
                    font.pdfScale(pos.y_advance),
                    font.pdfScale(pos.x_offset),
                    font.pdfScale(pos.y_offset),
                    face.charWidths.get(code, x_advance),
                )
            )
            advance += x_advance
    return ShapedStr("".join(chars), shapeData=data), advance * size / 1000
