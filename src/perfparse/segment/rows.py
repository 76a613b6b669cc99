"""Flatten a grid's blocks into rows, carrying merged cells to every row they cover.

Every extractor's output reaches the segmenter and normaliser in this one
shape, so the rules after this point never ask where a row came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfparse.grid import Cell, Grid, Line, Table


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


def _table_rows(t: Table, block: int) -> list[Row]:
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
    for i, b in enumerate(grid.blocks):
        if isinstance(b, Line):
            rows.append(Row([RowCell(b.text, 0, None)], b.page, None, b.source_line, i,
                            b.confidence))
        else:
            rows.extend(_table_rows(b, i))
    return rows
