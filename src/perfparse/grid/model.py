"""Grid model shared by all extractors.

A document becomes a :class:`Grid`: its blocks in reading order, each either a
:class:`Line` of free text (titles, 年度, 金额单位 lines printed outside a table) or
a :class:`Table` of :class:`Cell` objects. A merged cell is stored once, at its
top-left position, with ``rowspan``/``colspan``; carrying it to every row it
covers is the normaliser's job, so extractors stay faithful to what is printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    page: int = 1
    bbox: BBox | None = None
    confidence: float | None = None  # OCR confidence in [0, 1]; None for text layers
    ref: str | None = None  # a spreadsheet cell's address (``Sheet1!C12``); page is the sheet
    # Read through other ink: a seal stamped over the cell on a grey scan, whose ink is as
    # dark as the text's, so that the recogniser's confidence does not tell a misreading.
    under_seal: bool = False


@dataclass(slots=True)
class Line:
    text: str
    page: int = 1
    source_line: int | None = None  # 1-based line in a text dump
    bbox: BBox | None = None
    confidence: float | None = None  # OCR confidence in [0, 1]; None for text layers


@dataclass(slots=True)
class Table:
    cells: list[Cell]
    page: int = 1
    source_line: int | None = None  # 1-based line of the first row in a text dump
    bbox: BBox | None = None
    # Cells placed by the alignment of the text, no ruling drawing them (extract.pdf.unruled).
    guessed: bool = False
    n_rows: int = field(init=False)
    n_cols: int = field(init=False)

    def __post_init__(self) -> None:
        self.n_rows = max((c.row + c.rowspan for c in self.cells), default=0)
        self.n_cols = max((c.col + c.colspan for c in self.cells), default=0)

    def rows(self) -> list[list[Cell]]:
        """Cells grouped by their top row, left to right (spans not expanded)."""
        out: list[list[Cell]] = [[] for _ in range(self.n_rows)]
        for c in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[c.row].append(c)
        return out


Block = Line | Table


@dataclass(slots=True)
class Grid:
    """Everything an extractor saw in one input file, in reading order."""

    file: str
    format: str  # one of the contract's source formats: text, pdf, pdf-scanned, html, image…
    blocks: list[Block] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (code, message)

    def tables(self) -> Iterator[Table]:
        return (b for b in self.blocks if isinstance(b, Table))
