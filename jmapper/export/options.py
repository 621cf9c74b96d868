"""What the user chooses when exporting, and what an export reports back.

Pure data (no reportlab), so dialogs and the CLI can build options and show
paper sizes without loading the PDF library.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MM = 72 / 25.4  # points per millimetre

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

PAGE_KINDS = ("map", "actions", "matrix", "persona")


class ExportError(Exception):
    """An export that could not be written; ``str()`` is one sentence for the user."""


@dataclass(frozen=True)
class ExportOptions:
    """Paper, mode, extra pages and branding for one export.

    ``paper`` is a name from :data:`PAPER_SIZES`, or None to choose from the
    map's width (up to 8 steps A3, 14 A2, 20 A1, more A0); ``custom_mm`` (w, h)
    overrides it.  Landscape is the default because maps run left to right.
    """

    paper: str | None = None
    custom_mm: tuple[float, float] | None = None
    orientation: str = "landscape"  # landscape | portrait
    mode: str = "fit"  # fit | tile
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

    def validate(self) -> None:
        if self.mode not in ("fit", "tile"):
            raise ExportError(f"The export mode must be fit or tile, not \u201c{self.mode}\u201d.")
        if self.orientation not in ("landscape", "portrait"):
            raise ExportError("The orientation must be landscape or portrait.")
        if self.custom_mm is None and self.paper is not None and self.paper not in PAPER_SIZES:
            raise ExportError(
                f"Unknown paper size \u201c{self.paper}\u201d; choose one of "
                f"{', '.join(PAPER_SIZES)} or give a custom size in millimetres."
            )
        if self.custom_mm is not None and min(self.custom_mm) < 50:
            raise ExportError("A custom paper size must be at least 50 x 50 mm.")
        unknown = [p for p in self.pages if p not in PAGE_KINDS]
        if unknown:
            raise ExportError(f"Unknown page kind {unknown[0]!r}; use {', '.join(PAGE_KINDS)}.")
        if not 0 <= self.overlap_mm <= 50:
            raise ExportError("The tile overlap must be between 0 and 50 mm.")


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
