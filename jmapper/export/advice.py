"""What a PDF export would print, told before it is written (the export dialog's advice).

Pure (no reportlab): the same fit and handout arithmetic the export runs, so
the dialog can say "a fit on A4 prints its smallest text at 1.9 pt; a handout
prints it at 6 pt or more on 9 pages" and propose the handout.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from jmapper.export.fit import map_smallest_text, plan_fit, readable_paper, sheet_size
from jmapper.export.furniture import Piece, build_title_block
from jmapper.export.handout_plan import HANDOUT_MARGIN_MM, HANDOUT_PAPER, plan_handout
from jmapper.export.options import MM, PAPER_SIZES, ExportError, ExportOptions
from jmapper.layout import DEFAULT_STYLE, Rect, Style, compute_layout
from jmapper.model.bundle import MapBundle

#: The papers a handout is made for; another paper's handout is printed on A4.
HANDOUT_PAPERS = ("A4", "A3", "Letter", "Tabloid")


@dataclass(frozen=True)
class PrintAdvice:
    """A fit's paper and smallest printed text, and the handout that would replace it."""

    fit_paper: str
    fit_smallest_pt: float
    handout_paper: str
    handout_pages: int  # 0 when no handout fits that paper

    @property
    def fit_unreadable(self) -> bool:
        return self.fit_smallest_pt < ExportOptions().min_readable_pt

    def sentence(self) -> str:
        fit = (
            f"A fit on {self.fit_paper} prints its smallest text at "
            f"{int(self.fit_smallest_pt * 10) / 10:.1f} pt"
        )
        if not self.fit_unreadable:
            return fit + "."
        if not self.handout_pages:
            return fit + ", too small to read; choose a larger paper or tile mode."
        return (
            f"{fit}, too small to read; a handout prints it at 6 pt or more on "
            f"{self.handout_pages} {self.handout_paper} pages."
        )

    def handout_sentence(self) -> str:
        if not self.handout_pages:
            return (
                f"{self.handout_paper} is too small for a readable handout; choose landscape "
                "or a larger paper."
            )
        return (
            f"A handout takes {self.handout_pages} {self.handout_paper} pages, nothing below 6 pt."
        )


def print_advice(
    bundle: MapBundle, options: ExportOptions, style: Style = DEFAULT_STYLE
) -> PrintAdvice:
    """The advice for ``options`` (its paper, or the automatic one, and orientation)."""
    layout = compute_layout(bundle, style)
    accent = options.accent
    text = map_smallest_text(layout, style, accent)

    def block(sheet: str) -> Piece:
        return build_title_block(
            bundle,
            sheet=sheet,
            prepared_by=options.organisation or "",
            accent=accent,
            printed="0000-00-00",
            logo=_no_logo if options.logo_path else None,
            vendor_mark=options.show_vendor_mark,
            style=style,
        )

    margin = options.margin_mm * MM
    fit_options = replace(options, mode="fit")
    if options.custom_mm is not None or options.paper is not None:
        name, size = _named_size(options)
        try:
            smallest = plan_fit(bundle, layout, style, size, margin, accent, block, text).smallest
            fit_pt = smallest.size
        except ExportError:
            fit_pt = 0.0
    else:
        name, plan = readable_paper(bundle, layout, style, fit_options, block, text)
        fit_pt = plan.smallest.size if plan else 0.0
    if options.mode == "handout" and (options.paper or options.custom_mm):
        handout, size = _named_size(options)  # what the user chose is what is printed
    else:  # proposing a handout instead of a fit: on an everyday paper
        handout = options.paper if options.paper in HANDOUT_PAPERS else HANDOUT_PAPER
        size = sheet_size(handout, options.orientation)
    try:
        hand = plan_handout(
            bundle,
            layout,
            style,
            size,
            min(margin, HANDOUT_MARGIN_MM * MM),
            accent,
            block,
            text,
        )
        pages = hand.pages
    except ExportError:
        pages = 0
    return PrintAdvice(name, fit_pt, handout, pages)


def _named_size(options: ExportOptions) -> tuple[str, tuple[float, float]]:
    if options.custom_mm is not None:
        w, h = options.custom_mm
        short, long_ = sorted((w, h))
        w, h = (long_, short) if options.orientation == "landscape" else (short, long_)
        return f"{options.custom_mm[0]:g} x {options.custom_mm[1]:g} mm", (w * MM, h * MM)
    assert options.paper in PAPER_SIZES
    return options.paper, sheet_size(options.paper, options.orientation)


def _no_logo(_painter: object, _box: Rect) -> None:
    """Stands in for the logo: the advice needs the title block's size, not its picture."""
