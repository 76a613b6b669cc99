"""Camelot 2.0 lattice as the second table finder (``--pdf-engine camelot``).

Camelot finds ruled tables by image processing of the rendered page; it gives no spans
(spanned positions come back as ``''``) but it does say, per grid position, which sides
carry a ruling line. Those flags rebuild the merged cells with the same region merge the
pdfplumber engine uses, and texts are then read the same way for both engines, so a
comparison of the two measures table finding alone.
"""

from __future__ import annotations

import logging
import warnings

from perfparse.extract.geometry import GridCell, TableGrid, merge_regions


def _grid(table, page_height: float) -> TableGrid:
    cells = table.cells
    xs = [c[0] for c in table.cols] + [table.cols[-1][1]]
    ys = [page_height - r[0] for r in table.rows] + [page_height - table.rows[-1][1]]
    regions = merge_regions(len(table.rows), len(table.cols),
                            lambda i, j: not cells[i][j].right,
                            lambda i, j: not cells[i][j].bottom)
    out: list[GridCell] = []
    for region in regions:
        i0, i1 = min(p[0] for p in region), max(p[0] for p in region)
        j0, j1 = min(p[1] for p in region), max(p[1] for p in region)
        out.append(GridCell(i0, j0, i1 - i0 + 1, j1 - j0 + 1,
                            (xs[j0], ys[i0], xs[j1 + 1], ys[i1 + 1])))
    out.sort(key=lambda c: (c.row, c.col))
    return TableGrid(xs, ys, out)


def camelot_grids(data: bytes, page_heights: list[float]) -> dict[int, list[TableGrid]]:
    """Tables per 1-based page number, top to bottom."""
    import camelot

    logging.getLogger("camelot").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no tables found on page N" for text-only pages
        tables = camelot.read_pdf(data, pages="all", flavor="lattice", password="")
    out: dict[int, list[TableGrid]] = {}
    for t in tables:
        page = int(t.page)
        out.setdefault(page, []).append(_grid(t, page_heights[page - 1]))
    for grids in out.values():
        grids.sort(key=lambda g: (g.ys[0], g.xs[0]))
    return out
