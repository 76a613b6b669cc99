"""OCR text lines + table grids → a page's blocks, each cell with its OCR confidence.

A recognised text line is treated like a glyph of the born-digital path (extract.glyphs): it
belongs to the cell holding its centre, a cell's lines are read top to bottom and left to
right, and lines outside every table are free text split at wide gaps. So a scanned page
and its born-digital original give the same blocks. A doubtful cell one misread
character away from a word of the grammar (起始白期, 项自概况) is that word. The detector
sometimes joins the texts of two neighbouring cells into one line (a value filling its
narrow cell up to the ruling); such a line is cut at the ruling and each part read again.
"""

from __future__ import annotations

import statistics
from bisect import bisect_right
from heapq import merge
from itertools import pairwise

import numpy as np
import regex

from perfparse.extract.clean import clean_text
from perfparse.extract.geometry import TableGrid
from perfparse.extract.glyphs import Glyph, adopt_overflow, cell_text, free_lines, locate
from perfparse.extract.ocr.confidence import LOW, combine, warning
from perfparse.extract.ocr.engine import TextBox, read_line
from perfparse.extract.ocr.repair import repair
from perfparse.grammar import Grammar, bundled_grammar
from perfparse.grid import Block, Cell, Line, Table

# A detected text box is this many times the font size high (the detector pads each line).
BOX_TO_FONT = 1.4
# A mark between two ideographs that print never has there: a speck read into a label
# (项目名.称), at full confidence.
_STRAY = regex.compile(r"\p{Han}[.,·'`]\p{Han}")
# A box of ideographs this many times taller than wide holds characters stacked one over
# another (RapidOCR's own test for a vertical line): a 绩效指标 caption, never a running
# header or footer.
STACKED_RATIO = 1.5
_HAN = regex.compile(r"\p{Han}")


def split_at_rulings(boxes: list[TextBox], grids: list[TableGrid], image: np.ndarray,
                     unit: float) -> list[TextBox]:
    """The text lines with every line that runs across a cell border cut there and the
    parts recognised again from ``image`` (pixels; ``unit`` pixels per point)."""
    owners = [_owners(g) for g in grids]
    out: list[TextBox] = []
    for b in boxes:
        cuts = _borders_crossed(b, grids, owners, unit)
        if not cuts:
            out.append(b)
            continue
        edges = [b.x0, *cuts, b.x1]
        for x0, x1 in pairwise(edges):
            crop = image[int(b.top):int(b.bottom) + 1, int(x0):int(x1) + 1]
            text, score = read_line(crop) if crop.size else ("", 0.0)
            if text.strip():
                out.append(TextBox(text, x0, b.top, x1, b.bottom, score))
    return out


def _borders_crossed(b: TextBox, grids: list[TableGrid],
                     owners: list[dict[tuple[int, int], int]], unit: float) -> list[float]:
    """Pixel x of the cell borders (rulings present at the line's height) that cut ``b``
    by more than half a character on both sides."""
    cy = (b.top + b.bottom) / 2 / unit
    left = b.x0 / unit + (b.bottom - b.top) / 2 / unit
    right = b.x1 / unit - (b.bottom - b.top) / 2 / unit
    for grid, owner in zip(grids, owners, strict=True):
        x0, top, x1, bottom = grid.bbox
        if top <= cy < bottom and left < x1 and right > x0:
            row = bisect_right(grid.ys, cy) - 1
            return [x * unit for j, x in enumerate(grid.xs[1:-1], start=1)
                    if left < x < right and owner.get((row, j - 1)) != owner.get((row, j))]
    return []


def _owners(grid: TableGrid) -> dict[tuple[int, int], int]:
    """Grid position → index of the cell covering it."""
    return {(i, j): k for k, c in enumerate(grid.cells)
            for i in range(c.row, c.row + c.rowspan) for j in range(c.col, c.col + c.colspan)}


def place(boxes: list[TextBox], grids: list[TableGrid], unit: float, page: int,
          grammar: Grammar | None = None) -> tuple[list[Block], list[tuple[str, str]]]:
    """Blocks of one page top to bottom, and low-confidence warnings for their values.

    Box coordinates are pixels, ``unit`` pixels per point; blocks are in points like the
    grids.
    """
    words = grammar or bundled_grammar()
    score: dict[Glyph, float] = {}
    glyphs: list[Glyph] = []
    for b in boxes:
        g = Glyph(b.text, b.x0 / unit, b.top / unit, b.x1 / unit, b.bottom / unit,
                  (b.bottom - b.top) / unit / BOX_TO_FONT)
        score[g] = b.score
        glyphs.append(g)
    per_table, outside = locate(glyphs, grids)
    outside = _adopt_captions(grids, per_table, glyphs, outside)
    tables: list[tuple[float, Block]] = []
    lines: list[tuple[float, Block]] = []
    warnings: list[tuple[str, str]] = []
    for grid, texts in zip(grids, per_table, strict=True):
        cells = []
        for c, gs in zip(grid.cells, texts, strict=True):
            text = repair(clean_text(cell_text(gs), grammar))
            conf = combine([score[g] for g in gs])
            if ((conf is not None and conf < LOW) or _STRAY.search(text)) \
                    and (word := words.nearest_word(text)):
                text = word  # a label misread by a character: the grammar's word it must be
            cells.append(Cell(text, c.row, c.col, c.rowspan, c.colspan, page, c.bbox, conf))
            if w := warning(f"page {page} row {c.row} col {c.col}", text, conf):
                warnings.append(w)
        tables.append((grid.bbox[1], Table(cells, page=page, bbox=grid.bbox)))
    for text, bbox in free_lines(outside):
        if cleaned := repair(clean_text(text, grammar)):
            conf = combine([score[g] for g in outside if _inside(g, bbox)])
            lines.append((bbox[1], Line(cleaned, page=page, bbox=bbox, confidence=conf)))
            if w := warning(f"page {page} line", cleaned, conf):
                warnings.append(w)
    # Lines keep free_lines' reading order (a 金额单位 printed a hair higher at the right
    # still follows the 填报单位 on its left); tables slot in between by their tops.
    return [b for _, b in merge(sorted(tables, key=_top), lines, key=_top)], warnings


def _adopt_captions(grids: list[TableGrid], per_table: list[list[list[Glyph]]],
                    glyphs: list[Glyph], outside: list[Glyph]) -> list[Glyph]:
    """``outside`` (of the page's ``glyphs``) without the vertical captions taken into the
    empty cell they label.

    A browser paints a merged caption cell cut by a page break in the middle of the whole
    cell, below the part on the page (extract.glyphs.adopt_overflow); left free, it ends
    the table before the rows on the next page. Only stacked ideographs are taken here:
    horizontal text outside a table may be a running footer, which on scans is known only
    once the whole document is read (extract.furniture).
    """
    lines = [g.size for g in glyphs if g.x1 - g.x0 > g.bottom - g.top]
    if not outside or not lines:
        return outside
    # A column of characters is a character wide: narrower marks are specks read as text.
    font = statistics.median(lines)
    stacked = [g for g in outside if g.bottom - g.top >= STACKED_RATIO * (g.x1 - g.x0)
               and g.x1 - g.x0 >= font and _HAN.search(g.text)]
    if not stacked:
        return outside
    left = {id(g) for run in adopt_overflow(grids, per_table, [[g] for g in stacked])
            for g in run}
    taken = {id(g) for g in stacked} - left
    return [g for g in outside if id(g) not in taken]


def _top(placed: tuple[float, Block]) -> float:
    return placed[0]


def _inside(g: Glyph, bbox: tuple[float, float, float, float]) -> bool:
    cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]
