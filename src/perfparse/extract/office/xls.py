"""Excel 97–2003 workbooks (.xls, BIFF8; WPS .et saved as such) → sheets, with xlrd.

``formatting_info`` is what makes xlrd read merged ranges, hidden rows and columns and
number formats. BIFF keeps each formula's last result, so there is no uncomputed case.
"""

from __future__ import annotations

from typing import Any

from perfparse.extract.office.sheet import Sheet, Value


def _value(book: Any, cell: Any) -> Value:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, book.datemode)
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_NUMBER:
        return int(cell.value) if float(cell.value).is_integer() else cell.value
    if cell.ctype == xlrd.XL_CELL_TEXT:
        return cell.value
    return None  # empty, blank, or an error value (#DIV/0!) that shows no number


def _format(book: Any, xf_index: int) -> str:
    fmt = book.format_map.get(book.xf_list[xf_index].format_key)
    return fmt.format_str if fmt else ""


def read_xls(data: bytes) -> list[Sheet]:
    """Every visible sheet. Raises whatever xlrd raises on a file it cannot read
    (``Workbook is encrypted`` included: the caller tells the two apart)."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    sheets: list[Sheet] = []
    try:
        for index in range(book.nsheets):
            sh = book.sheet_by_index(index)
            if sh.visibility != 0:
                continue
            values: dict[tuple[int, int], tuple[Value, str]] = {}
            for r in range(sh.nrows):
                for c, cell in enumerate(sh.row(r)):
                    v = _value(book, cell)
                    if v is not None and v != "":
                        values[(r + 1, c + 1)] = (v, _format(book, cell.xf_index))
            sheets.append(Sheet(
                sh.name, index + 1, values,
                # xlrd: (first row, last row + 1, first col, last col + 1), 0-based
                merges=[(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sh.merged_cells],
                hidden_rows={r + 1 for r, info in sh.rowinfo_map.items() if info.hidden},
                hidden_cols={c + 1 for c, info in sh.colinfo_map.items() if info.hidden}))
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return sheets
