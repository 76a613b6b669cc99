"""When a run of delimited lines is a table rather than prose.

A comma or a ``|`` in one line of prose is common; the same number of them in several
consecutive lines is a table. Two columns are what prose with one comma per line also
gives, so they need a longer run (or a Markdown separator line) to count. An empty field
before the last of three or more (``a,,b``, ``,a,b``, ``a |  | b``: a spreadsheet's
padding and merged cells) is never prose, so a row that has one is a table even alone
(the title row of a sheet, a row cut off by a page break); one at the end may be a
sentence's comma at a line break.
"""

from __future__ import annotations

# Consecutive lines that make a table: of three columns or more, and of two.
_MIN_ROWS_WIDE = 2
_MIN_ROWS_TWO_COLUMNS = 4


def is_table_run(rows: list[list[str]], *, separator: bool = False) -> bool:
    """Whether ``rows`` (the fields of consecutive lines with as many delimiters) are a
    table; ``separator``: a Markdown ``---|---`` line is among them."""
    n_rows, n_cols = len(rows), max(map(len, rows), default=0)
    if n_cols < 2:
        return False
    if separator or any(len(row) >= 3 and not all(f.strip() for f in row[:-1]) for row in rows):
        return True
    return n_rows >= (_MIN_ROWS_WIDE if n_cols >= 3 else _MIN_ROWS_TWO_COLUMNS)
