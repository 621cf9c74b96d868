"""A map as an Excel workbook laid out like the map (the layout: jmapper/interchange/grid.py).

openpyxl is imported inside the functions, so it loads only when a user
imports or exports a workbook.  Reading takes the first sheet, with the
values Excel last calculated (not formulas); merged cells in the first row
are a stage over several steps, as blank cells are.  Writing merges each
stage's header over its steps, wraps text, sets column widths and freezes the
header rows and the lane column, so the file opens looking like the map.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from typing import Any

from jmapper.interchange.errors import InterchangeError
from jmapper.interchange.grid import MAX_COLUMNS, MAX_LANES, read_grid, write_grid
from jmapper.interchange.reading import MapCheck, Reading, single_map
from jmapper.model.bundle import MapBundle

#: Column widths in characters: the lane names, then every step.
LANE_WIDTH = 24
STEP_WIDTH = 30


def read(data: bytes, *, check_map: MapCheck | None = None, name: str = "") -> Reading:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InterchangeError(
            "The file is not an Excel workbook (.xlsx) jmapper can read; save it from your "
            f"spreadsheet program as .xlsx or CSV ({type(error).__name__})."
        ) from None
    except Exception as error:  # openpyxl's own errors for damaged parts of the archive
        raise InterchangeError(
            f"The workbook is damaged and cannot be read ({type(error).__name__}); save it "
            "again from your spreadsheet program."
        ) from None
    if not workbook.worksheets:
        raise InterchangeError("The workbook has no sheets, so there is no map in it.")
    sheet = workbook.worksheets[0]
    where = f" of sheet \u201c{sheet.title}\u201d"
    if sheet.max_column > MAX_COLUMNS + 1 or sheet.max_row > MAX_LANES + 2:
        raise InterchangeError(
            f"Sheet \u201c{sheet.title}\u201d is {sheet.max_row:,} rows by "
            f"{sheet.max_column:,} columns, more than a map of {MAX_LANES} lanes and "
            f"{MAX_COLUMNS} steps; split it into smaller maps."
        )
    rows = [[_value(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    grid = read_grid(rows, name=name, where=where)
    return single_map(grid.bundle, "xlsx", grid.warnings, check_map)


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def write_map(bundle: MapBundle) -> tuple[bytes, list[str]]:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    writing = write_grid(bundle)
    workbook = Workbook()
    workbook.properties.creator = "jmapper"
    sheet = workbook.active
    sheet.title = "Map"
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    header_rows = 2 if writing.has_steps else 1
    for r, row in enumerate(writing.rows, start=1):
        for c, value in enumerate(row, start=1):
            if value == "":
                continue
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            cell.alignment = wrap
            if r <= header_rows or c == 1:
                cell.font = bold
    for first, last in writing.stage_spans:
        if last > first:
            sheet.merge_cells(start_row=1, start_column=first + 1, end_row=1, end_column=last + 1)
    sheet.column_dimensions["A"].width = LANE_WIDTH
    for c in range(2, len(writing.rows[0]) + 1):
        sheet.column_dimensions[get_column_letter(c)].width = STEP_WIDTH
    sheet.freeze_panes = sheet.cell(row=header_rows + 1, column=2)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue(), writing.warnings
