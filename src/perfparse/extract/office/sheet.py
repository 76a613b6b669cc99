"""One worksheet (whichever reader filled it) → one grid table.

The .xlsx and .xls readers both hand over a :class:`Sheet`: typed cell values with their
number formats, merged ranges and hidden rows/columns, in the sheet's own 1-based
coordinates. Here hidden rows and columns are dropped (so spans count shown rows only),
a merged range becomes one cell with rowspan/colspan at its first shown position, and a
value is rendered as text the way the normaliser reads printed forms: numbers exact,
percent formats as shown, dates as ISO dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from perfparse.extract.clean import clean_text
from perfparse.grammar import Grammar
from perfparse.grid import Cell, Table

Value = str | int | float | bool | date | datetime | time | timedelta | None
Range = tuple[int, int, int, int]  # first row, first col, last row, last col (1-based, inclusive)

# Number-format pieces: quoted or escaped literals, [colour]/[$-804] codes, digit placeholders.
_FORMAT_TOKEN = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].|.', re.S)
_PLACEHOLDER = set("0#?")
# Binary fractions from formulas (=A1*0.3) leave noise far below the two decimals of money
# and the few of rates: six decimals keep every printed value and drop it (900000.0000001).
_DECIMALS = 6
_SAFE_SHEET_NAME = re.compile(r"^[\w.]+$")


@dataclass(slots=True)
class Sheet:
    name: str
    index: int  # 1-based position in the workbook, hidden sheets counted: the grid's page
    values: dict[tuple[int, int], tuple[Value, str]]  # (row, col) → (value, number format)
    merges: list[Range] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


def column_letter(col: int) -> str:
    s = ""
    while col:
        col, r = divmod(col - 1, 26)
        s = chr(65 + r) + s
    return s


def cell_ref(sheet: str, row: int, col: int) -> str:
    """``Sheet1!C12``; names with spaces or punctuation quoted as Excel writes them."""
    quoted = sheet if _SAFE_SHEET_NAME.match(sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{quoted}!{column_letter(col)}{row}"


def plain_number(v: float) -> str:
    if isinstance(v, int):
        return str(v)
    d = Decimal(repr(round(v, _DECIMALS))).normalize()
    return format(d, "f") if d else "0"


def _section(fmt: str) -> list[str]:
    """The positive-number section of a format, as tokens (``0.00"万元";-0.00`` → ``0``…)."""
    tokens: list[str] = []
    for tok in _FORMAT_TOKEN.findall(fmt):
        if tok == ";":
            break
        tokens.append(tok)
    return tokens


def _literal(tok: str) -> str:
    """What a format token prints as text: quoted/escaped literals and bare non-ASCII
    characters (元, ￥, 万元 typed without quotes); not ASCII codes, padding or colours."""
    if tok.startswith('"'):
        return tok[1:-1]
    if tok.startswith("\\"):
        return tok[1:]
    return tok if len(tok) == 1 and not tok.isascii() else ""


def render_number(v: float, fmt: str) -> str:
    tokens = _section(fmt or "General")
    if "%" in tokens:
        after_point = tokens[tokens.index(".") + 1:] if "." in tokens else []
        decimals = sum(1 for t in after_point if t in _PLACEHOLDER)
        return f"{v * 100:.{decimals}f}%"
    places = [i for i, t in enumerate(tokens) if t in _PLACEHOLDER]
    if not places:
        return plain_number(v)
    prefix = "".join(_literal(t) for t in tokens[:places[0]])
    suffix = "".join(_literal(t) for t in tokens[places[-1] + 1:])
    return f"{prefix}{plain_number(v)}{suffix}"


def render(value: Value, fmt: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # before int: bool is an int
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return render_number(value, fmt)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    return str(value)


def _shown(first: int, last: int, hidden: set[int]) -> list[int]:
    return [i for i in range(first, last + 1) if i not in hidden]


def sheet_table(sheet: Sheet, grammar: Grammar | None = None) -> Table | None:
    """The sheet's shown cells as one table, or None when it shows nothing."""
    extent = [*sheet.values, *((m[2], m[3]) for m in sheet.merges)]
    if not extent:
        return None
    rows = _shown(1, max(r for r, _ in extent), sheet.hidden_rows)
    cols = _shown(1, max(c for _, c in extent), sheet.hidden_cols)
    row_at = {r: i for i, r in enumerate(rows)}
    col_at = {c: i for i, c in enumerate(cols)}
    covered: set[tuple[int, int]] = set()
    cells: list[Cell] = []

    def add(row: int, col: int, rowspan: int, colspan: int, anchor: tuple[int, int]) -> None:
        value, fmt = sheet.values.get(anchor, (None, ""))
        # A line break typed in a cell (Alt+Enter) separates words; between Chinese
        # characters clean_text drops the space again.
        text = clean_text(render(value, fmt).replace("\n", " "), grammar)
        if text:
            cells.append(Cell(text, row_at[row], col_at[col], rowspan, colspan,
                              page=sheet.index, ref=cell_ref(sheet.name, *anchor)))

    for r0, c0, r1, c1 in sheet.merges:
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
        shown_rows = _shown(r0, r1, sheet.hidden_rows)
        shown_cols = _shown(c0, c1, sheet.hidden_cols)
        if shown_rows and shown_cols:  # Excel shows a merged range's top-left value
            add(shown_rows[0], shown_cols[0], len(shown_rows), len(shown_cols), (r0, c0))
    for r, c in sheet.values:
        if (r, c) not in covered and r in row_at and c in col_at:
            add(r, c, 1, 1, (r, c))
    if not cells:
        return None
    return Table(cells, page=sheet.index)
