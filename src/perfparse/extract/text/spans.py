"""Rows of cells with rowspan/colspan → a :class:`Table` on its true grid, shared by the
notations that print spans (HTML ``<td rowspan>``, LaTeX ``\\multirow``)."""

from __future__ import annotations

from perfparse.errors import OverBudget
from perfparse.grid import Cell, Table
from perfparse.limits import MAX_TABLE_CELLS

# Browsers honour colspan up to 1000 and rowspan up to 65534; no form is wider than this.
_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534


def lay_out(rows: list[list[tuple[str, int, int]]], *, placeholders: bool = False) -> Table:
    """Place cells on the grid.

    HTML leaves out the positions taken by spans from above, so a cell moves right past
    them; LaTeX (``placeholders``) writes a field there too, empty under a ``\\multirow``,
    which is dropped (one with text is kept where it is written, as LaTeX prints it).

    Spans are clamped as a browser clamps them, and rowspans to the table's last row,
    so that a 161-byte ``<td rowspan=100000 colspan=100000>`` is one cell over the rows
    and columns that exist, not ten billion positions. The positions the spans cover
    (what the rows of the segmenter carry) are counted, and a table over
    ``MAX_TABLE_CELLS`` is refused.
    """
    busy: dict[int, int] = {}  # column → the first row below the spans covering it
    cells: list[Cell] = []
    covered = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while not placeholders and busy.get(c, 0) > r:
                c += 1
            # Past the widest a browser draws, a cell takes one column.
            colspan = max(1, min(colspan, _MAX_COLSPAN - c))
            if placeholders and busy.get(c, 0) > r and not text:
                c += colspan
                continue
            rowspan = min(rowspan, _MAX_ROWSPAN, len(rows) - r)
            covered += rowspan + colspan
            if covered > MAX_TABLE_CELLS:
                raise OverBudget("too-large", f"a table's merged cells cover more than "
                                 f"{MAX_TABLE_CELLS:,} positions; split the table or the file")
            cells.append(Cell(text, r, c, rowspan, colspan))
            for j in range(c, c + colspan):
                busy[j] = max(busy.get(j, 0), r + rowspan)
            c += colspan
    return Table(cells)
