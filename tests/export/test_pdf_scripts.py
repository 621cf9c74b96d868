"""Every script in the PDF: no character prints as .notdef, Arabic runs right to left, joined.

The tests put one string per script on a card, export the map, and read the PDF
itself: the embedded font programs (fontTools) say which glyph each printed code
draws, pdfium says where each character sits on the page.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfgen.canvas import Canvas

from jmapper.export import ExportOptions, export_pdf
from jmapper.export.fonts import register_fonts
from jmapper.export.pdf_painter import PdfPainter
from jmapper.layout.text import TextLine, measure_line
from jmapper.model.bundle import MapBundle
from jmapper.model.entities import Card
from tests.layout.maps import make_map

ARABIC = "مرحبا بالعالم"
SCRIPTS = {
    "latin": "Façade naïve café",
    "greek": "Ελληνικά γράμματα",
    "cyrillic": "Кириллица прописью",
    "cjk": "東京で買い物",
    "hangul": "안녕하세요 세계",
    "thai": "สวัสดีชาวโลก",
    "devanagari": "नमस्ते दुनिया",
    "arabic": ARABIC,
    "hebrew": "שלום עולם",
    "emoji": "😀 👍🏽 🎉 ✅ 👨\u200d👩\u200d👧 ❤️",
}


def _scripts_map() -> MapBundle:
    bundle = make_map(stages=2)
    cards = sorted(bundle.cards.values(), key=lambda c: (c.lane_id, c.stage_id, c.step_id or ""))
    assert len(cards) >= len(SCRIPTS)
    for card, text in zip(cards, SCRIPTS.values(), strict=False):
        bundle.cards[card.id] = Card(**{**card.__dict__, "title": text, "description": ""})
    return bundle


@pytest.fixture(scope="module")
def scripts_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scripts") / "scripts.pdf"
    export_pdf(_scripts_map(), out, ExportOptions(paper="A3"))
    return out


def _used_codes(reader: PdfReader):
    """(base font name, embedded font program, ToUnicode map, codes the content shows)."""
    used: dict[int, tuple[object, set[int]]] = {}

    def walk(content, resources) -> None:
        fonts = resources.get("/Font") or {}
        current = None
        for operands, operator in ContentStream(content, reader).operations:
            if operator == b"Tf":
                current = fonts[operands[0]].get_object()
                used.setdefault(id(current), (current, set()))
            elif operator in (b"Tj", b"TJ") and current is not None:
                items = operands[0] if operator == b"TJ" else [operands[0]]
                for item in items:
                    if isinstance(item, bytes | str) and not isinstance(item, float | int):
                        raw = item if isinstance(item, bytes) else item.original_bytes
                        used[id(current)][1].update(raw)
        for _name, xobject in (resources.get("/XObject") or {}).items():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject, xobject["/Resources"])

    for page in reader.pages:
        walk(page.get_contents(), page["/Resources"])
    for font, codes in used.values():
        program = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
        yield font["/BaseFont"], TTFont(io.BytesIO(program)), _to_unicode(font), codes


def _to_unicode(font) -> dict[int, str]:
    """The font's ToUnicode map: one-byte code -> text (reportlab writes bfrange/bfchar)."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out: dict[int, str] = {}
    for block in data.split("beginbfchar")[1:]:
        for line in block.split("endbfchar")[0].strip().splitlines():
            code, text = line.split()
            out[int(code.strip("<>"), 16)] = bytes.fromhex(text.strip("<>")).decode("utf-16-be")
    for block in data.split("beginbfrange")[1:]:
        for line in block.split("endbfrange")[0].strip().splitlines():
            first, last, text = line.split()
            start = int(text.strip("<>"), 16)
            for i, code in enumerate(
                range(int(first.strip("<>"), 16), int(last.strip("<>"), 16) + 1)
            ):
                out[code] = chr(start + i)
    return out


def test_no_character_of_any_script_prints_as_notdef(scripts_pdf: Path) -> None:
    reader = PdfReader(str(scripts_pdf))
    printed: set[str] = set()
    for name, program, to_unicode, codes in _used_codes(reader):
        cmap = program["cmap"].getcmap(3, 0) or program["cmap"].getcmap(1, 0)
        assert cmap is not None, name
        for code in codes:
            text = to_unicode.get(code, "")
            glyph = cmap.cmap.get(0xF000 + code, cmap.cmap.get(code))
            assert glyph not in (None, ".notdef"), (name, hex(code), text)
            assert program.getGlyphID(glyph) != 0, (name, hex(code), text)
            printed.update(text)
    # every test character (after shaping, as its base letter) reached some font
    base = {unicodedata.normalize("NFKC", ch) for ch in printed}
    for script, text in SCRIPTS.items():
        letters = [ch for ch in _outside_sequences(text) if unicodedata.category(ch)[0] in "LS"]
        missing = [
            ch
            for ch in letters
            if ch not in printed and unicodedata.normalize("NFKC", ch) not in base
        ]
        # shaped scripts may merge letters into one glyph (a conjunct, a ligature)
        assert len(missing) <= len(letters) // 3, (script, missing)


def _outside_sequences(text: str) -> str:
    """``text`` without its emoji sequences (joined by ZWJ or a skin tone): one glyph each."""
    out = []
    for i, ch in enumerate(text):
        near = text[max(0, i - 1) : i + 2]
        if "\u200d" in near or any("\U0001f3fb" <= c <= "\U0001f3ff" for c in near):
            continue
        out.append(ch)
    return "".join(out)


def _arabic_chars(scripts_pdf: Path) -> list[tuple[float, str]]:
    """(left x, character) of every printed Arabic letter (presentation forms included)."""
    pdf = pdfium.PdfDocument(str(scripts_pdf))
    text = pdf[0].get_textpage()
    out = []
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        base = unicodedata.normalize("NFKC", ch) if ch else ""
        if base and all("\u0620" <= b <= "\u064a" for b in base):
            left, _bottom, _right, _top = text.get_charbox(i)
            out.append((left, ch))
    return out


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def test_arabic_runs_right_to_left_in_joined_forms(scripts_pdf: Path) -> None:
    # The glyphs the Arabic font prints are contextual forms: the font's cmap names
    # them by their presentation-form characters (initial, medial, final), not the
    # isolated letters an unshaped string would print.
    reader = PdfReader(str(scripts_pdf))
    arabic = [entry for entry in _used_codes(reader) if "Arabic" in entry[0]]
    assert len(arabic) == 1
    _name, _program, to_unicode, codes = arabic[0]
    printed = [to_unicode[code] for code in codes if to_unicode.get(code, " ") != " "]
    forms = [unicodedata.decomposition(ch).split(" ")[0] for ch in printed]
    assert not [ch for ch in printed if "\u0620" <= ch <= "\u064a"], "unshaped letters"
    joined = sum(form in ("<initial>", "<medial>", "<final>") for form in forms)
    assert joined >= 6, printed

    # Read left to right on the page, the letters come last-first: right to left.
    chars = _arabic_chars(scripts_pdf)
    logical = [ch for ch in ARABIC if ch != " "]
    assert len(chars) >= len(logical) * 0.6, "the Arabic line is printed"
    page_order = [unicodedata.normalize("NFKC", ch) for _x, ch in sorted(chars)]
    assert _is_subsequence(page_order[::-1], logical), page_order
    assert not _is_subsequence(page_order, logical)


@pytest.mark.parametrize("squeeze", [1.0, 0.6])
@pytest.mark.parametrize("script", ["arabic", "devanagari", "emoji", "hangul", "hebrew", "thai"])
def test_no_glyph_leaves_the_box_the_layout_measured(
    tmp_path: Path, script: str, squeeze: float
) -> None:
    """A shaped line in the PDF, at its measured width or into a box 40 % narrower (as if
    shaping had widened it), prints no ink left or right of that box."""
    register_fonts()
    size, x, baseline = 12.0, 20.0, 24.0
    text = SCRIPTS[script]
    width, segments = measure_line(text, size, False)
    line = TextLine(text, x, baseline, width * squeeze, segments)
    out = tmp_path / "line.pdf"
    canvas = Canvas(str(out), pagesize=(line.width + 2 * x, 40))
    canvas.translate(0, 40)
    PdfPainter(canvas).text([line], size, "#000000")
    canvas.save()
    k = 4
    image = pdfium.PdfDocument(str(out))[0].render(scale=k).to_pil().convert("L")
    columns = [
        px / k
        for px in range(image.width)
        if any(image.getpixel((px, py)) < 140 for py in range(image.height))
    ]
    assert columns, f"{script} prints nothing"
    assert min(columns) >= x - 1.0
    assert max(columns) <= x + line.width + 1.0
