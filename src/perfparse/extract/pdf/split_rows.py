"""A table row a page break split in two, joined again.

A browser prints a row taller than the space left on a page in two parts: the top of each
cell's text at the foot of one page, the rest at the head of the next (可持续影响指 / 标).
Read as they stand, the two parts are two rows: a fragment of a label in a row of its own,
and a value cut short. The break leaves its mark in the drawing: the table's bottom on the
first page and its top on the next are not printed (the page edge closes the cells), while
a table cut between two rows prints both. Where both are missing and the next page's part
continues the table (extract.pdf.columns), the first row of the later part is the rest of
the last row of the earlier part, column by column.
"""

from __future__ import annotations

from perfparse.extract.geometry import SNAP, Edge, GridCell, TableGrid
from perfparse.extract.glyphs import Glyph

PRINTED = 0.5  # share of a table's width a printed line along its edge covers


def cut(grid: TableGrid, edges: list[Edge], bottom: bool) -> bool:
    """Whether ``grid``'s bottom (or top) edge has no printed line along it (``edges``)."""
    y = grid.ys[-1] if bottom else grid.ys[0]
    x0, x1 = grid.xs[0], grid.xs[-1]
    covered = sum(max(0.0, min(e[3], x1) - max(e[1], x0)) for e in edges
                  if e[0] == "h" and abs(e[2] - y) <= SNAP)
    return covered < PRINTED * (x1 - x0)


def join_split_row(before: TableGrid, before_texts: list[list[Glyph]], after: TableGrid,
                   after_texts: list[list[Glyph]]
                   ) -> tuple[TableGrid, list[list[Glyph]]] | None:
    """``after`` without its first row, whose text has gone into the cells of the last row
    of ``before`` (``before_texts`` is changed) in the same columns, set below their own
    text; None (nothing changed) where a text of that row has no such cell or ``after``
    has no other row."""
    if len(after.ys) < 3:
        return None
    last = len(before.ys) - 2
    homes: list[tuple[int, int]] = []  # (cell of after's first row, cell of before's last)
    for k, c in enumerate(after.cells):
        if c.row != 0 or c.rowspan > 1 or not after_texts[k]:
            continue
        home = next((j for j, b in enumerate(before.cells) if b.row + b.rowspan - 1 == last
                     and b.col <= c.col < b.col + b.colspan), None)
        if home is None:
            return None
        homes.append((k, home))
    if not homes:
        return None
    shift = before.ys[-1] - after.ys[0]
    for k, home in homes:
        before_texts[home].extend(g._replace(top=g.top + shift, bottom=g.bottom + shift)
                                  for g in after_texts[k])
    cells, texts = [], []
    for c, gs in zip(after.cells, after_texts, strict=True):
        if c.row == 0 and c.rowspan == 1:
            continue
        top = after.ys[1] if c.row == 0 else c.bbox[1]
        cells.append(GridCell(max(0, c.row - 1), c.col, c.rowspan - (c.row == 0),
                              c.colspan, (c.bbox[0], top, c.bbox[2], c.bbox[3])))
        texts.append(gs)
    return TableGrid(after.xs, after.ys[1:], cells), texts
