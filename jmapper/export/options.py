"""What the user chooses when exporting, and what an export reports back.

Pure data (no reportlab), so dialogs and the CLI can build options and show
paper sizes without loading the PDF library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jmapper.style.colours import parse_colour

MM = 72 / 25.4  # points per millimetre

#: PNG resolution range: below 36 dpi the text is unreadable, above 1200 an A0-wide map
#: needs gigabytes of pixels.
DPI_RANGE = (36, 1200)
#: Tile overlap range in millimetres.
OVERLAP_RANGE_MM = (0.0, 50.0)
#: The smallest custom sheet, in millimetres.
MIN_CUSTOM_MM = 50.0

#: Portrait (width, height) in millimetres.
PAPER_SIZES: dict[str, tuple[float, float]] = {
    "A4": (210, 297),
    "A3": (297, 420),
    "A2": (420, 594),
    "A1": (594, 841),
    "A0": (841, 1189),
    "Letter": (215.9, 279.4),
    "Tabloid": (279.4, 431.8),
    "Ledger": (279.4, 431.8),  # Tabloid turned landscape; same sheet
    "ANSI C": (431.8, 558.8),
    "ANSI D": (558.8, 863.6),
    "ANSI E": (863.6, 1117.6),
    "ARCH C": (457.2, 609.6),
    "ARCH D": (609.6, 914.4),
    "ARCH E": (914.4, 1219.2),
}

PAGE_KINDS = ("map", "actions", "matrix", "persona", "review")
#: fit: the whole map on one sheet; tile: true scale over an assembled grid of sheets;
#: handout: readable pages, a group of stages each (docs/domain.md, the printed deliverable).
MODES = ("fit", "tile", "handout")

_CUSTOM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x\u00d7]\s*(\d+(?:\.\d+)?)\s*(mm)?\s*$", re.I)


class ExportError(Exception):
    """An export that could not be written; ``str()`` is one sentence for the user."""


@dataclass(frozen=True)
class ExportOptions:
    """Paper, mode, extra pages and branding for one export.

    ``paper`` is a name from :data:`PAPER_SIZES`, or None to choose: in fit mode
    the smallest A size that prints every word at ``min_readable_pt`` or more
    (``jmapper.export.fit``), in tile mode one from the map's width (up to 8
    steps A3, 14 A2, 20 A1, more A0); ``custom_mm`` (w, h) overrides it.
    Landscape is the default because maps run left to right.
    """

    paper: str | None = None
    custom_mm: tuple[float, float] | None = None
    orientation: str = "landscape"  # landscape | portrait
    mode: str = "fit"  # fit | tile | handout
    overlap_mm: float = 10.0
    pages: tuple[str, ...] = ("map",)
    logo_path: str | None = None
    accent_colour: str = "#0072B2"
    organisation: str | None = None  # None: the map's own organisation
    show_vendor_mark: bool = False
    dpi: int = 200
    margin_mm: float = 12.0
    min_readable_pt: float = 5.0
    date: str | None = None  # printed date; None: today
    with_legend: bool = False  # PNG and SVG: the title above the map and the legend below
    text_as_paths: bool = False  # SVG: every letter as an outline, no fonts needed

    @property
    def accent(self) -> str:
        """The accent colour as ``#rrggbb``, whatever form the user gave it in."""
        try:
            return parse_colour(self.accent_colour)
        except ValueError as error:
            raise ExportError(str(error)) from None

    def validate(self) -> None:
        """Raise ExportError with a sentence for the first option no export can use."""
        self.accent  # noqa: B018 (parsing is the check)
        if not DPI_RANGE[0] <= self.dpi <= DPI_RANGE[1]:
            raise ExportError(
                f"The resolution must be between {DPI_RANGE[0]} and {DPI_RANGE[1]} dpi, "
                f"not {self.dpi}."
            )
        if self.mode not in MODES:
            raise ExportError(
                f"The export mode must be fit, tile or handout, not \u201c{self.mode}\u201d."
            )
        if self.orientation not in ("landscape", "portrait"):
            raise ExportError("The orientation must be landscape or portrait.")
        if self.custom_mm is None and self.paper is not None and self.paper not in PAPER_SIZES:
            raise ExportError(
                f"Unknown paper size \u201c{self.paper}\u201d; choose one of "
                f"{', '.join(PAPER_SIZES)} or give a custom size in millimetres."
            )
        if self.custom_mm is not None and min(self.custom_mm) < MIN_CUSTOM_MM:
            raise ExportError(
                f"A custom paper size must be at least {MIN_CUSTOM_MM:g} x {MIN_CUSTOM_MM:g} mm."
            )
        unknown = [p for p in self.pages if p not in PAGE_KINDS]
        if unknown:
            raise ExportError(f"Unknown page kind {unknown[0]!r}; use {', '.join(PAGE_KINDS)}.")
        low, high = OVERLAP_RANGE_MM
        if not low <= self.overlap_mm <= high:
            raise ExportError(f"The tile overlap must be between {low:g} and {high:g} mm.")


def parse_paper(text: str) -> tuple[str | None, tuple[float, float] | None]:
    """(paper name, None) or (None, custom (w, h) mm) from what the user typed.

    Names match loosely (``ansi-c``, ``ANSI C``, ``a3``); a custom size is
    ``WxH`` or ``WxHmm``.  ExportError with a sentence for anything else.
    """
    match = _CUSTOM.match(text)
    if match:
        custom = (float(match.group(1)), float(match.group(2)))
        if min(custom) < MIN_CUSTOM_MM:
            raise ExportError(
                f"A custom paper size must be at least {MIN_CUSTOM_MM:g} x {MIN_CUSTOM_MM:g} mm."
            )
        return None, custom
    wanted = _loose(text)
    for name in PAPER_SIZES:
        if _loose(name) == wanted:
            return name, None
    raise ExportError(
        f"Unknown paper size \u201c{text}\u201d; choose one of {', '.join(PAPER_SIZES)}, "
        "or give a custom size such as 900x600mm."
    )


def parse_pages(text: str) -> tuple[str, ...]:
    """The page kinds of a comma list such as ``map,actions``; ExportError if one is unknown."""
    pages = tuple(p.strip().casefold() for p in text.split(",") if p.strip())
    unknown = [p for p in pages if p not in PAGE_KINDS]
    if unknown:
        raise ExportError(
            f"Unknown page kind \u201c{unknown[0]}\u201d; use {', '.join(PAGE_KINDS)}."
        )
    if not pages:
        raise ExportError(f"Choose at least one page: {', '.join(PAGE_KINDS)}.")
    return pages


def _loose(name: str) -> str:
    return name.replace(" ", "").replace("_", "-").replace("-", "").casefold()


@dataclass(frozen=True)
class ExportResult:
    pages: int
    warnings: tuple[str, ...] = ()
    paper: str = ""
    page_size_pt: tuple[float, float] = (0.0, 0.0)
    #: Tile mode: each sheet's printable area in poster points (x, y, w, h), row-major.
    tiles: tuple[tuple[float, float, float, float], ...] = field(default_factory=tuple)
    tile_grid: tuple[int, int] = (1, 1)  # rows, columns
    map_scale: float = 1.0
    #: Top-left of the map on the (first) map page, in points from the page's top-left.
    map_origin: tuple[float, float] = (0.0, 0.0)
    #: Fit mode: the smallest text printed on the map sheet, in points (map or furniture).
    smallest_text_pt: float = 0.0
    #: Tile mode: the sheets (0-based, row-major) holding the title block and the legend;
    #: -1 when it is on the key sheet after the grid (or there is no legend).
    tile_key_sheets: tuple[int, int] = (-1, -1)
    #: Handout mode: each map page's (first column, last column, first lane, last lane).
    handout_windows: tuple[tuple[int, int, int, int], ...] = ()


def default_paper(column_count: int) -> str:
    """The sheet practitioners use for a map this wide (docs/domain.md, the printed deliverable)."""
    if column_count <= 8:
        return "A3"
    if column_count <= 14:
        return "A2"
    if column_count <= 20:
        return "A1"
    return "A0"


def page_size(options: ExportOptions, column_count: int) -> tuple[str, float, float]:
    """(paper name, width pt, height pt) with the orientation applied."""
    if options.custom_mm is not None:
        name = f"{options.custom_mm[0]:g} x {options.custom_mm[1]:g} mm"
        w, h = options.custom_mm
    else:
        name = options.paper or default_paper(column_count)
        w, h = PAPER_SIZES[name]
    short, long_ = sorted((w, h))
    if options.orientation == "landscape":
        w, h = long_, short
    else:
        w, h = short, long_
    return name, w * MM, h * MM
