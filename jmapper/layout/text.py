"""Measuring and wrapping text with the bundled fonts' frozen advance widths.

The layout runs without Qt or reportlab (tests, CLI, exporters), so widths
come from ``font_metrics.json`` (made by ``tests/layout/gen_font_metrics.py``).
A glyph the main font lacks is drawn from a fallback face (CJK, Hangul, Thai,
Devanagari, emoji; Arabic and Hebrew always from their Noto faces, so a word
is shaped in one font), so a line is measured and later drawn as *segments*,
each in one font: what the layout measures is what the renderers draw.  The
widths are the fonts' nominal advances; shaped scripts (Arabic joining,
Devanagari conjuncts) come out no wider in practice, and the renderers squeeze
a line that would not fit its measured width (``docs/architecture.md``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Font keys the renderers map to real fonts: the main face, its bold, the CJK fallback
#: and one face per script the main face lacks (or draws poorly, as Arabic unjoined).
REGULAR = "regular"
BOLD = "bold"
FALLBACK = "fallback"
ARABIC = "arabic"
HEBREW = "hebrew"
THAI = "thai"
DEVANAGARI = "devanagari"
HANGUL = "hangul"
EMOJI = "emoji"

#: Script faces tried, in order, for a character neither its script's face nor the
#: main face has.
FALLBACK_CHAIN = (FALLBACK, HANGUL, EMOJI, THAI, DEVANAGARI, ARABIC, HEBREW)

#: Faces whose runs need shaping (joining, reordering, mark placement, ligatures).
SHAPED_FACES = frozenset({ARABIC, HEBREW, THAI, DEVANAGARI, HANGUL, EMOJI})

#: Codepoint ranges drawn from their script's face first, before the main face.
_PREFERRED = (
    (0x0590, 0x05FF, HEBREW),
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0x0900, 0x097F, DEVANAGARI),
    (0x0E00, 0x0E7F, THAI),
    (0x1100, 0x11FF, HANGUL),
    (0x3130, 0x318F, HANGUL),
    (0xA8E0, 0xA8FF, DEVANAGARI),
    (0xA960, 0xA97F, HANGUL),
    (0xAC00, 0xD7FF, HANGUL),
    (0xFB1D, 0xFB4F, HEBREW),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0x1F000, 0x1FAFF, EMOJI),
)

#: Zero-width format characters (joiners, variation selectors, bidi marks): they belong
#: to the run they sit in, so an emoji sequence or a joined word stays in one font.
_IGNORABLE = re.compile(
    "[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufe00-\ufe0f"
    "\ufeff\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
#: The font key of an ignorable character: "whatever run it is in".
JOINER = ""


def clusters(text: str) -> list[str]:
    """``text`` cut into what must stay together on a line: a letter with its marks
    (Devanagari vowel signs, Thai tone marks, Arabic harakat), an emoji with its
    joiners, variation selectors and skin tones."""
    out: list[str] = []
    for char in text:
        if out and (
            unicodedata.category(char)[0] == "M"
            or _IGNORABLE.match(char)
            or out[-1].endswith("\u200d")
            or "\U0001f3fb" <= char <= "\U0001f3ff"
        ):
            out[-1] += char
        else:
            out.append(char)
    return out


def strip_ignorable(text: str) -> str:
    """``text`` without zero-width format characters, for a backend that does not shape."""
    return _IGNORABLE.sub("", text) if _IGNORABLE.search(text) else text


def _preferred(cp: int) -> str | None:
    for first, last, key in _PREFERRED:
        if first <= cp <= last:
            return key
    return None


class _Face:
    """One font's advance widths (1/1000 em), looked up by codepoint."""

    def __init__(self, data: dict) -> None:
        runs = data["runs"]
        self.starts = [int(r[0]) for r in runs]
        self.ends = [int(r[1]) for r in runs]
        self.widths = [float(r[2]) for r in runs]
        self.ascent = float(data["ascent"]) / 1000
        self.descent = float(data["descent"]) / 1000
        self.default_width = float(data["default_width"])

    def width(self, cp: int) -> float | None:
        """Advance width of ``cp`` or None when the face has no glyph for it."""
        i = bisect_right(self.starts, cp) - 1
        if i >= 0 and cp <= self.ends[i]:
            return self.widths[i]
        return None


@lru_cache(maxsize=1)
def _faces() -> dict[str, _Face]:
    raw = resources.files("jmapper.layout").joinpath("font_metrics.json").read_text("utf-8")
    return {key: _Face(value) for key, value in json.loads(raw).items()}


_glyph_cache: dict[tuple[str, str], tuple[str, float]] = {}


def glyph(char: str, bold: bool) -> tuple[str, float]:
    """(font key, advance in 1/1000 em) for one character.

    The script's own face first (Arabic, Hebrew, Hangul...), then the main font, then
    the fallback chain; a zero-width format character gets :data:`JOINER` (its run's font).
    """
    key = (char, BOLD if bold else REGULAR)
    hit = _glyph_cache.get(key)
    if hit is not None:
        return hit
    _glyph_cache[key] = result = _pick(char, key[1])
    return result


def _pick(char: str, main: str) -> tuple[str, float]:
    faces = _faces()
    cp = ord(char)
    if cp < 32:
        return (main, faces[main].width(cp) or 0.0)
    if _IGNORABLE.match(char):
        return (JOINER, 0.0)
    preferred = _preferred(cp)
    if preferred is not None:
        width = faces[preferred].width(cp)
        if width is not None:
            return (preferred, width)
    width = faces[main].width(cp)
    if width is not None:
        return (main, width)
    for face in FALLBACK_CHAIN:
        width = faces[face].width(cp)
        if width is not None:
            return (face, width)
    return (main, faces[main].default_width)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size``."""
    return sum(glyph(c, bold)[1] for c in text) * size / 1000


def segments(text: str, bold: bool = False) -> tuple[tuple[str, str, float], ...]:
    """Split ``text`` into (font key, text, x offset in 1/1000 em) runs of one font each."""
    out: list[tuple[str, str, float]] = []
    current_font = ""
    start_x = 0.0
    x = 0.0
    buf: list[str] = []
    for char in text:
        font, width = glyph(char, bold)
        if font == JOINER:
            font = current_font or (BOLD if bold else REGULAR)
        if font != current_font and buf:
            out.append((current_font, "".join(buf), start_x))
            buf = []
            start_x = x
        current_font = font
        buf.append(char)
        x += width
    if buf:
        out.append((current_font, "".join(buf), start_x))
    return tuple(out)


def ascent(size: float) -> float:
    """Distance from the top of a line box to its baseline, in points."""
    return _faces()[REGULAR].ascent * size


@dataclass(frozen=True)
class TextLine:
    """One wrapped line: its text, baseline position and font segments (x in points)."""

    text: str
    x: float
    baseline: float
    width: float
    segments: tuple[tuple[str, str, float], ...]


#: A break opportunity: whitespace, a single CJK/wide character, or a run of anything else.
_TOKEN = re.compile(
    r"\s+|[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|"
    r"[^\s\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+"
)


def wrap(text: str, size: float, max_width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap into lines no wider than ``max_width`` points.

    Paragraph breaks in the text are kept; a word longer than the line is cut
    between characters, so the result always fits (rows grow instead).
    Results are cached: after one edit the layout is recomputed, and all but
    the edited card wrap exactly as before.
    """
    return list(_wrap(text, size, max_width, bold))


@lru_cache(maxsize=65536)
def _wrap(text: str, size: float, max_width: float, bold: bool) -> tuple[str, ...]:
    lines: list[str] = []
    limit = max_width * 1000 / size
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        line = ""
        line_w = 0.0
        for token in _TOKEN.findall(paragraph):
            if token.isspace():
                if line:
                    space_w = sum(glyph(c, bold)[1] for c in " ")
                    line += " "
                    line_w += space_w
                continue
            token_w = sum(glyph(c, bold)[1] for c in token)
            if line_w + token_w <= limit:
                line += token
                line_w += token_w
                continue
            if line.strip():
                lines.append(line.rstrip())
            line, line_w = "", 0.0
            if token_w <= limit:
                line, line_w = token, token_w
                continue
            for cluster in clusters(token):
                char_w = sum(glyph(c, bold)[1] for c in cluster)
                if line and line_w + char_w > limit:
                    lines.append(line)
                    line, line_w = "", 0.0
                line += cluster
                line_w += char_w
        lines.append(line.rstrip())
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    return tuple(lines)


@lru_cache(maxsize=65536)
def measure_line(
    line: str, size: float, bold: bool
) -> tuple[float, tuple[tuple[str, str, float], ...]]:
    """A line's width and its font segments (x in points), independent of where it sits."""
    segs = tuple((font, run, off * size / 1000) for font, run, off in segments(line, bold))
    return text_width(line, size, bold), segs


def line_height(size: float, spacing: float) -> float:
    return size * spacing


def place_lines(
    lines: list[str],
    x: float,
    y: float,
    size: float,
    max_width: float,
    spacing: float,
    bold: bool = False,
    align: str = "left",
) -> tuple[TextLine, ...]:
    """Position already wrapped ``lines`` from the top-left ``(x, y)`` (y grows downwards)."""
    step = line_height(size, spacing)
    top = y + (step - size) / 2 + ascent(size)
    out: list[TextLine] = []
    for i, line in enumerate(lines):
        width, segs = measure_line(line, size, bold)
        if align == "center":
            lx = x + (max_width - width) / 2
        elif align == "right":
            lx = x + max_width - width
        else:
            lx = x
        out.append(TextLine(line, lx, top + i * step, width, segs))
    return tuple(out)


def layout_lines(
    text: str,
    x: float,
    y: float,
    size: float,
    max_width: float,
    spacing: float,
    bold: bool = False,
    align: str = "left",
) -> tuple[TextLine, ...]:
    """Wrap ``text`` and place its lines from the top-left ``(x, y)``."""
    lines = wrap(text, size, max_width, bold)
    return place_lines(lines, x, y, size, max_width, spacing, bold, align)
