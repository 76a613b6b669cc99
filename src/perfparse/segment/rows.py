"""Flatten a grid's blocks into rows, carrying merged cells to every row they cover.

Every extractor's output reaches the segmenter and normaliser in this one
shape, so the rules after this point never ask where a row came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise

from perfparse.grid import Cell, Grid, Line, Table

EDGE_SNAP = 2.0  # points: one column line as two tables on two pages draw it
CONTINUED = 0.8  # share of a table's column lines the next page's table keeps to continue it


@dataclass(frozen=True, slots=True)
class RowCell:
    text: str
    col: int
    cell: Cell | None  # the printed cell (None for a free text line)
    carried: bool = False  # True in rows below the first that a rowspan covers


@dataclass(slots=True)
class Row:
    cells: list[RowCell]
    page: int
    row: int | None  # row in its table (0-based); None for a free text line
    line: int | None  # 1-based line of a text dump
    block: int
    line_confidence: float | None = None  # a free text line's OCR confidence
    # Every reader asks for these, several times per row: computed once.
    _texts: list[tuple[int, str]] = field(init=False)
    _all: list[tuple[int, str]] = field(init=False)

    def __post_init__(self) -> None:
        self._all = [(c.col, c.text) for c in self.cells if c.text]
        self._texts = [(c.col, c.text) for c in self.cells if c.text and not c.carried]

    @property
    def is_line(self) -> bool:
        return self.row is None

    def texts(self) -> list[tuple[int, str]]:
        """(column, text) of the non-empty cells printed in this row."""
        return self._texts

    def all_texts(self) -> list[tuple[int, str]]:
        """Like :meth:`texts`, with merged cells carried from rows above."""
        return self._all

    def confidence(self) -> float | None:
        """OCR confidence of the row's least certain printed text; None for a text layer."""
        if self.is_line:
            return self.line_confidence
        got = [c.cell.confidence for c in self.cells if c.cell is not None and not c.carried
               and c.cell.confidence is not None]
        return min(got, default=None)

    def joined(self) -> str:
        return " ".join(t for _, t in self.texts())


def _table_rows(t: Table, block: int, cols: dict[int, int] | None = None) -> list[Row]:
    """The rows of ``t``, its columns renumbered by ``cols`` where given."""
    if cols:
        t = replace(t, cells=[replace(c, col=cols.get(c.col, c.col)) for c in t.cells])
    base = t.source_line
    if all(c.rowspan == 1 for c in t.cells):  # text dumps: no spans, cells in order
        plain: list[list[RowCell]] = [[] for _ in range(t.n_rows)]
        for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
            if c.text:
                plain[c.row].append(RowCell(c.text, c.col, c))
        return [Row(cells=r, page=t.page, row=i, line=None if base is None else base + i,
                    block=block) for i, r in enumerate(plain)]
    grid: list[dict[int, RowCell]] = [{} for _ in range(t.n_rows)]
    for c in t.cells:
        if not c.text:
            continue
        for i in range(c.rowspan):
            # A colspan's text stands once, at its first column: repeating it
            # across columns would read as several values.
            grid[c.row + i][c.col] = RowCell(c.text, c.col, c, carried=i > 0)
    return [Row(cells=[r[k] for k in sorted(r)], page=t.page, row=i,
                line=None if base is None else base + i, block=block)
            for i, r in enumerate(grid)]


def flatten(grid: Grid) -> list[Row]:
    rows: list[Row] = []
    before: tuple[list[tuple[float, float]], dict[int, int]] | None = None
    last_page = 0
    for i, b in enumerate(grid.blocks):
        if isinstance(b, Line):
            rows.append(Row([RowCell(b.text, 0, None)], b.page, None, b.source_line, i,
                            b.confidence))
            before = None  # text between two tables: a title, a caption, a note
            continue
        spans = _column_spans(b)
        cols = _continued(before, spans, b) if b.page > last_page else None
        rows.extend(_table_rows(b, i, cols))
        before = None if spans is None else (spans, cols or {k: k for k in range(len(spans))})
        last_page = b.page
    return rows


def _column_spans(t: Table) -> list[tuple[float, float]] | None:
    """The x range of each column of ``t`` (points), or None where its cells do not show
    every column line (a text dump's table has no positions)."""
    edges: list[float] = []
    for x in sorted(v for c in t.cells if c.bbox is not None for v in (c.bbox[0], c.bbox[2])):
        if not edges or x - edges[-1] > EDGE_SNAP:
            edges.append(x)
    if len(edges) != t.n_cols + 1:
        return None
    return list(pairwise(edges))


def _continued(before: tuple[list[tuple[float, float]], dict[int, int]] | None,
               spans: list[tuple[float, float]] | None, t: Table) -> dict[int, int] | None:
    """Column numbers for ``t``, the first table of a page, where it continues the table
    just before it (``before``: its column spans and their numbers) drawn with other
    columns: a
    caption column that ended on the page before, or an empty column begun on this one,
    would shift every column by one. It continues that table if it keeps nearly all of its
    column lines and no two of its columns holding text lie in one column above; each
    column takes the number of the column it lies in (an empty one outside them all, its
    neighbour's). None where no renumbering is needed."""
    if before is None or spans is None:
        return None
    old, numbers = before
    old_edges = [old[0][0], *(x1 for _, x1 in old)]
    new_edges = [spans[0][0], *(x1 for _, x1 in spans)]
    kept = sum(any(abs(e - n) <= EDGE_SNAP for n in new_edges) for e in old_edges)
    if kept < CONTINUED * len(old_edges):
        return None
    filled = {c.col for c in t.cells if c.text}
    cols: dict[int, int] = {}
    for k, (x0, x1) in enumerate(spans):
        mid = (x0 + x1) / 2
        home = [j for j, (a, b) in enumerate(old) if a <= mid <= b]
        if home:
            cols[k] = numbers[home[0]]
        elif k in filled:
            return None
    homes = [cols[k] for k in filled if k in cols]
    if len(homes) != len(set(homes)):
        return None  # two columns of text in one column above: another table
    if all(cols.get(k) == k for k in range(len(spans))):
        return None
    # An empty column outside the old ones takes the number of its neighbour.
    return {k: cols.get(k, cols.get(k + 1, cols.get(k - 1, k))) for k in range(len(spans))}
