"""Reading a written PDF as a printer would: the size every character prints at.

pdfium gives each character's font size and its full matrix (text matrix,
transformations and form matrices included), so the printed size is the font
size times the matrix's vertical scale.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw


@dataclass(frozen=True)
class PrintedPage:
    """A page's characters in reading order and, index for index, their printed sizes."""

    text: str
    sizes: tuple[float, ...]
    #: Each character's box (left, top, right, bottom) in points from the page's top left.
    boxes: tuple[tuple[float, float, float, float], ...] = ()

    @property
    def smallest(self) -> float:
        printed = [s for ch, s in zip(self.text, self.sizes, strict=True) if not ch.isspace()]
        return min(printed, default=math.inf)

    def sizes_of(self, words: str) -> list[float]:
        """The printed sizes of every occurrence of ``words`` on the page (empty if none)."""
        out: list[float] = []
        start = self.text.find(words)
        while start >= 0:
            out += [s for s in self.sizes[start : start + len(words)] if s > 0]
            start = self.text.find(words, start + 1)
        return out

    def squashed(self) -> str:
        return " ".join(self.text.split())

    def text_within(self, left: float, top: float, right: float, bottom: float) -> str:
        """The page's characters whose box centre lies in the rectangle, squashed."""
        kept = [
            ch
            for ch, (x0, y0, x1, y1) in zip(self.text, self.boxes, strict=True)
            if left <= (x0 + x1) / 2 <= right and top <= (y0 + y1) / 2 <= bottom
        ]
        return " ".join("".join(kept).split())

    def boxes_of(self, words: str) -> list[tuple[float, float, float, float]]:
        """The boxes of the characters of every occurrence of ``words``."""
        out: list[tuple[float, float, float, float]] = []
        start = self.text.find(words)
        while start >= 0:
            out += [b for ch, b in zip(words, self.boxes[start:], strict=False) if not ch.isspace()]
            start = self.text.find(words, start + 1)
        return out


def read_pages(path: str | Path) -> list[PrintedPage]:
    doc = pdfium.PdfDocument(str(path))
    pages = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            height = page.get_height()
            textpage = page.get_textpage()
            chars, sizes, boxes = [], [], []
            for k in range(raw.FPDFText_CountChars(textpage)):
                chars.append(chr(raw.FPDFText_GetUnicode(textpage, k)))
                matrix = raw.FS_MATRIX()
                raw.FPDFText_GetMatrix(textpage, k, ctypes.byref(matrix))
                size = raw.FPDFText_GetFontSize(textpage, k)
                sizes.append(size * math.hypot(matrix.c, matrix.d))
                x0, x1, y0, y1 = (
                    ctypes.c_double(),
                    ctypes.c_double(),
                    ctypes.c_double(),
                    ctypes.c_double(),
                )
                raw.FPDFText_GetCharBox(textpage, k, x0, x1, y0, y1)
                boxes.append((x0.value, height - y1.value, x1.value, height - y0.value))
            pages.append(PrintedPage("".join(chars), tuple(sizes), tuple(boxes)))
    finally:
        doc.close()
    return pages


def smallest_per_page(path: str | Path) -> list[float]:
    """The smallest printed text size of each page (inf for a page without text)."""
    return [page.smallest for page in read_pages(path)]
