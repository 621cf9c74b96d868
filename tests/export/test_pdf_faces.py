"""Emotion faces in the PDF: faces of one value in one column side by side, dashed rings."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas

from jmapper.drawing.emotion import draw_emotion_plot, draw_faces
from jmapper.export import ExportOptions, export_pdf
from jmapper.export.fonts import register_fonts
from jmapper.export.pdf_painter import PdfPainter
from jmapper.layout import compute_layout
from jmapper.layout.boxes import EmotionLane
from jmapper.layout.emotion import face_shifts
from jmapper.style import DEFAULT_STYLE, hex_to_rgb
from jmapper.templates.samples import build_sample


@pytest.fixture(scope="module")
def bundle():
    return build_sample("support_request")


def _pairs(lane: EmotionLane) -> list[list[tuple[float, float, float, str, tuple[float, ...]]]]:
    """Faces of different curves sharing a column and a value: (x, y, r, colour, dash) each,
    at the place :func:`face_shifts` moves them to, left to right."""
    spots: dict[tuple[int, float], list[tuple[float, float, float, str, tuple[float, ...]]]] = {}
    for curve, shifts in zip(lane.curves, face_shifts(lane), strict=True):
        for mark, shift in zip(curve.marks, shifts, strict=True):
            spots.setdefault((mark.column_index, round(mark.y, 2)), []).append(
                (mark.x + shift.face, mark.y, mark.radius, curve.colour, curve.dash)
            )
    return [sorted(faces) for faces in spots.values() if len(faces) > 1]


def test_coincident_faces_of_the_sample_are_set_apart(bundle) -> None:
    layout = compute_layout(bundle)
    pairs = [faces for lane in layout.emotion for faces in _pairs(lane)]
    assert pairs, "the sample's overlay persona shares a value with Dana in some column"
    for faces in pairs:
        assert len({colour for *_xyr, colour, _dash in faces}) == len(faces)
        for (x0, _y0, r0, *_a), (x1, _y1, r1, *_b) in zip(faces, faces[1:], strict=False):
            assert x1 - x0 >= r0 + r1, "one face covers another"


class _Recorder(PdfPainter):
    """A PDF painter that also notes every circle (the face rings among them)."""

    def __init__(self, canvas: Canvas) -> None:
        super().__init__(canvas)
        self.circles: list[tuple[float, float, float, str | None, tuple[float, ...]]] = []

    def ellipse(self, cx, cy, r, fill, stroke=None, width=0.0, dash=()) -> None:
        self.circles.append((cx, cy, r, stroke, tuple(dash)))
        super().ellipse(cx, cy, r, fill, stroke, width, dash)


def test_the_pdf_draws_each_face_where_face_shifts_puts_it_with_its_curve_dash(
    bundle, tmp_path
) -> None:
    layout = compute_layout(bundle)
    lane = layout.emotion[0]
    register_fonts()
    pen = _Recorder(Canvas(str(tmp_path / "faces.pdf")))
    draw_emotion_plot(pen, lane, DEFAULT_STYLE)
    draw_faces(pen, lane, DEFAULT_STYLE)
    rings = {
        (round(x, 3), round(y, 3), r): (stroke, dash)
        for x, y, r, stroke, dash in pen.circles
        if stroke is not None
    }
    for faces in _pairs(lane):
        for x, y, r, colour, dash in faces:
            assert rings.get((round(x, 3), round(y, 3), r)) == (colour, dash)
    overlay = next(c for c in lane.curves if not c.primary)
    assert overlay.dash, "the overlay persona's curve (and so its rings) is dashed"
    # The primary persona's faces are drawn last, on top (as the canvas stacks them).
    primary = next(c for c in lane.curves if c.primary)
    last_ring = [c for c in pen.circles if c[3] is not None][-1]
    assert last_ring[3] == primary.colour


def _near(colour, target, tol=70) -> bool:
    return sum(abs(a - b) for a, b in zip(colour, target, strict=True)) <= tol


def test_both_faces_of_a_pair_show_in_the_printed_pdf(bundle, tmp_path) -> None:
    out = tmp_path / "support.pdf"
    result = export_pdf(bundle, out, ExportOptions(paper="A2"))
    layout = compute_layout(bundle)
    k = 3.0
    image = pdfium.PdfDocument(str(out))[0].render(scale=k).to_pil().convert("RGB")
    ox, oy = result.map_origin
    s = result.map_scale

    def px(x: float, y: float) -> tuple[int, int]:
        return round((ox + x * s) * k), round((oy + y * s) * k)

    checked = 0
    for lane in layout.emotion:
        for faces in _pairs(lane):
            for x, y, r, colour, _dash in faces:
                target = tuple(round(c * 255) for c in hex_to_rgb(colour))
                # the top of the ring, in the face's own colour (curves run through the
                # sides of a face, not over its top)
                cx, top = px(x, y - r)
                window = [
                    image.getpixel((cx + dx, top + dy))
                    for dx in range(-4, 5)
                    for dy in range(-3, 4)
                ]
                assert any(_near(p, target) for p in window), (x, y, colour)
                # and its white inside, not hidden by the other face's ring or fill
                assert _near(image.getpixel(px(x, y)), (255, 255, 255), 90), (x, y, colour)
                checked += 1
    assert checked >= 4
