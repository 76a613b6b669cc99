"""Excel 2007+ workbooks (.xlsx/.xlsm) → sheets, with openpyxl.

Values come from the cells' cached results (``data_only``): what Excel last showed. A
formula saved by a program that never computed it (openpyxl, some exporters) has no cached
value; its cell is read as empty and the document gets a ``formula-not-computed`` warning
naming the cells, since guessing a formula's result would put numbers in the record that
no one saw.
"""

from __future__ import annotations

import io
from typing import Any

from perfparse.extract.office.sheet import Sheet, cell_ref

_LISTED = 5  # cells named in the warning; the rest are counted


def _hidden_cols(ws: Any) -> set[int]:
    # A column dimension may cover a run of columns (min..max) under its first letter.
    return {c for d in ws.column_dimensions.values() if d.hidden
            for c in range((d.min or 0), (d.max or 0) + 1)}


def read_xlsx(data: bytes) -> tuple[list[Sheet], list[tuple[str, str]]]:
    """Every visible worksheet, plus warnings. Raises whatever openpyxl raises on a file
    it cannot read: the caller then converts the file with LibreOffice."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheets: list[Sheet] = []
    missing: list[str] = []
    formulas = _formula_cells(data)
    for index, ws in enumerate(book.worksheets, 1):
        if ws.sheet_state != "visible":
            continue
        values = {(c.row, c.column): (c.value, c.number_format)
                  for row in ws.iter_rows() for c in row if c.value is not None}
        missing += [cell_ref(ws.title, r, c) for r, c in formulas.get(ws.title, ())
                    if (r, c) not in values]
        sheets.append(Sheet(
            ws.title, index, values,
            merges=[(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges],
            hidden_rows={r for r, d in ws.row_dimensions.items() if d.hidden},
            hidden_cols=_hidden_cols(ws)))
    warnings = []
    if missing:
        more = f" and {len(missing) - _LISTED} more" if len(missing) > _LISTED else ""
        warnings.append(("formula-not-computed",
                         f"formula cells with no saved result read as empty: "
                         f"{', '.join(missing[:_LISTED])}{more}; open and save the workbook in "
                         "Excel, WPS or LibreOffice to store their values"))
    return sheets, warnings


def _formula_cells(data: bytes) -> dict[str, list[tuple[int, int]]]:
    """(row, col) of every formula cell, per sheet: a second, streaming read of the formulas
    (the cached-value read cannot tell a formula without a result from an empty cell)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        return {ws.title: [(c.row, c.column) for row in ws.iter_rows()
                           for c in row if getattr(c, "data_type", None) == "f"]
                for ws in book.worksheets if ws.sheet_state == "visible"}
    finally:
        book.close()
