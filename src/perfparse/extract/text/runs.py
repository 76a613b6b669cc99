"""When a run of delimited lines is a table rather than prose.

A ``|`` in one line of prose is rare and a comma common; the same number of them in
several consecutive lines is a table, more lines for commas than for pipes. Two columns
are what prose with one delimiter per line also gives, so they need a longer run. Some
marks are never prose, and make a table of even one line (the title row of a sheet, a
row cut off by a page break): the notation's own (a Markdown ``---|---`` line, a quoted
CSV field), and an empty field before the last of three or more (``a,,b``, ``,a,b``,
``a |  | b``: a spreadsheet's padding and merged cells; an empty last field may be a
sentence's comma at a line break).
"""

from __future__ import annotations

# Consecutive lines that make an unmarked table: of three columns or more, and of two.
_MIN_ROWS_WIDE = 2
_MIN_ROWS_TWO_COLUMNS = 4
# Commas: rows and columns of an unmarked CSV table.
_MIN_ROWS_COMMAS = 3
_MIN_COLS_COMMAS = 3


def _padded(rows: list[list[str]]) -> bool:
    return any(len(row) >= 3 and not all(f.strip() for f in row[:-1]) for row in rows)


def is_table_run(rows: list[list[str]], *, marked: bool = False, commas: bool = False) -> bool:
    """Whether ``rows`` (the fields of consecutive lines with as many delimiters) are a
    table; ``marked``: the notation's own mark is among the lines; ``commas``: the
    delimiter is a comma, which prose writes with a space after it and a spreadsheet
    never does."""
    n_rows, n_cols = len(rows), max(map(len, rows), default=0)
    if n_cols < 2:
        return False
    if marked or _padded(rows):
        return True
    if commas:
        return (n_rows >= _MIN_ROWS_COMMAS and n_cols >= _MIN_COLS_COMMAS
                and not any(f[:1].isspace() for row in rows for f in row[1:]))
    return n_rows >= (_MIN_ROWS_WIDE if n_cols >= 3 else _MIN_ROWS_TWO_COLUMNS)
