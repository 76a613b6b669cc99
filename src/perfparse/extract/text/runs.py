"""When a run of delimited lines is a table rather than prose.

A comma or a ``|`` in one line of prose is common; the same number of them in several
consecutive lines is a table. Two columns are what prose with one comma per line also
gives, so they need a longer run (or a Markdown separator line) to count.
"""

from __future__ import annotations

# Consecutive lines that make a table: of three columns or more, and of two.
_MIN_ROWS_WIDE = 2
_MIN_ROWS_TWO_COLUMNS = 4


def is_table_run(n_rows: int, n_cols: int, *, separator: bool = False) -> bool:
    if n_cols < 2 or n_rows < 1:
        return False
    if separator:
        return True
    return n_rows >= (_MIN_ROWS_WIDE if n_cols >= 3 else _MIN_ROWS_TWO_COLUMNS)
