"""Shared column numbering for a table that runs on over a page break.

Each page's part of a long table is its own :class:`Table` (the segmenter joins them), but
a part only has the column lines its own rows need: below a merged 年度指标值 cell the
next page may show five columns where the first showed six, or a caption column the first
did not draw. Parts that continue each other get the union of their column lines, so a
column index means the same column on both sides of the break. Only geometry decides: the
same table edges or nearly all column lines kept, and no free text (a title) over the
columns between the two parts.
"""

from __future__ import annotations

from bisect import bisect_left

from perfparse.extract.geometry import MIN_GAP, SNAP, GridCell, TableGrid

BBox = tuple[float, float, float, float]
KEPT = 0.8  # share of a part's column lines the next part keeps to continue it


def continues(before: TableGrid, lines_after_it: list[BBox], after: TableGrid,
              lines_before_it: list[BBox]) -> bool:
    """Is ``after`` (first table of a page) the continuation of ``before`` (last of the
    previous page)? ``lines_*`` are the free-text boxes below / above them on their pages.

    It is if it has the same left and right edges, or keeps nearly all of the column lines
    of ``before`` (a caption column whose cell ended on the page before, a column split by
    one cell's line), and no free text over the columns of either (a title, a note) lies
    between them; text beside them (a caption set left of the table) does not part them.
    """
    same_edges = (abs(before.xs[0] - after.xs[0]) <= SNAP
                  and abs(before.xs[-1] - after.xs[-1]) <= SNAP)
    kept = sum(any(abs(x - y) <= SNAP for y in after.xs) for x in before.xs)
    if not same_edges and kept < KEPT * len(before.xs):
        return False
    return not any(_over(b, before) for b in lines_after_it) and \
        not any(_over(b, after) for b in lines_before_it)


def _over(box: BBox, grid: TableGrid) -> bool:
    """Whether ``box`` lies over some of ``grid``'s columns."""
    return box[0] < grid.xs[-1] and box[2] > grid.xs[0]


def union_columns(grids: list[TableGrid]) -> list[float]:
    out: list[float] = []
    for x in sorted(x for g in grids for x in g.xs):
        if not out or x - out[-1] >= MIN_GAP:
            out.append(x)
    return out


def _index(xs: list[float], x: float) -> int:
    k = bisect_left(xs, x - MIN_GAP)
    return k if k < len(xs) and abs(xs[k] - x) < MIN_GAP else min(
        range(len(xs)), key=lambda i: abs(xs[i] - x))


def reindex(grid: TableGrid, xs: list[float]) -> TableGrid:
    """The same cells, in the same order, numbered against the column lines ``xs``."""
    cells = []
    for c in grid.cells:
        col, end = _index(xs, c.bbox[0]), _index(xs, c.bbox[2])
        cells.append(GridCell(c.row, col, c.rowspan, max(1, end - col), c.bbox))
    return TableGrid(xs, grid.ys, cells)
