"""Glyphs with boxes → cell texts and free text lines.

Pure functions over :class:`Glyph` tuples, whichever library read them (pdfplumber or
pypdfium2). A glyph belongs to the cell that contains its centre; glyphs in no cell are
free text (titles, 年度, 填报单位 / 金额单位 lines).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from typing import NamedTuple

from perfparse.extract.geometry import TableGrid

BBox = tuple[float, float, float, float]
WORD_GAP = 0.3  # a gap wider than this many font sizes is a space
PHRASE_GAP = 2.0  # a gap wider than this many font sizes separates two free-text lines
SNAP_TEXT = 2.0  # points a glyph box may reach over a ruling it belongs beside


class Glyph(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


def _cell_index(grid: TableGrid) -> dict[tuple[int, int], int]:
    """Grid position → index of the cell covering it."""
    index: dict[tuple[int, int], int] = {}
    for k, c in enumerate(grid.cells):
        for i in range(c.row, c.row + c.rowspan):
            for j in range(c.col, c.col + c.colspan):
                index[(i, j)] = k
    return index


def locate(glyphs: list[Glyph], grids: list[TableGrid]
           ) -> tuple[list[list[list[Glyph]]], list[Glyph]]:
    """Split glyphs into per-table, per-cell lists and the rest (free text)."""
    per_table: list[list[list[Glyph]]] = [[[] for _ in g.cells] for g in grids]
    indexes = [_cell_index(g) for g in grids]
    outside: list[Glyph] = []
    for gl in glyphs:
        cx, cy = (gl.x0 + gl.x1) / 2, (gl.top + gl.bottom) / 2
        for t, grid in enumerate(grids):
            x0, top, x1, bottom = grid.bbox
            if x0 <= cx < x1 and top <= cy < bottom:
                pos = (bisect_right(grid.ys, cy) - 1, bisect_right(grid.xs, cx) - 1)
                k = indexes[t].get(pos)
                if k is not None:
                    per_table[t][k].append(gl)
                    break
        else:
            outside.append(gl)
    return per_table, outside


def adopt_overflow(grids: list[TableGrid], per_table: list[list[list[Glyph]]],
                   outside: list[Glyph]) -> list[Glyph]:
    """Move free text painted under a table into the empty bottom cell it belongs to; the
    free glyphs left.

    A browser paints the text of a merged cell cut by a page break in the middle of the
    whole cell, which can fall below the part drawn on the page: the 绩效指标 caption then
    floats under the header row it labels. A run of free text lying wholly within the
    columns of an empty cell of a table's bottom row, with no other table between them,
    is that cell's text.
    """
    runs = [run for line in visual_lines(outside) for run in _split(_dedupe(line), PHRASE_GAP)]
    empty = {(t, k) for t, cells in enumerate(per_table) for k, gs in enumerate(cells) if not gs}
    adopted: set[int] = set()
    for run in runs:
        x0, x1, top = run[0].x0, run[-1].x1, min(g.top for g in run)
        above = [t for t, g in enumerate(grids) if g.ys[-1] <= top + SNAP_TEXT
                 and not any(o.ys[0] >= g.ys[-1] - SNAP_TEXT and o.ys[-1] <= top + SNAP_TEXT
                             for o in grids if o is not g)]
        for t in above:
            grid = grids[t]
            for k, c in enumerate(grid.cells):
                if (c.row + c.rowspan == len(grid.ys) - 1 and (t, k) in empty
                        and c.bbox[0] <= x0 and x1 <= c.bbox[2]):
                    per_table[t][k].extend(run)
                    adopted.update(id(g) for g in run)
                    break
    return [g for g in outside if id(g) not in adopted]


def visual_lines(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into lines (by vertical centre) and sorted left to right."""
    lines: list[list[Glyph]] = []
    bottom = float("-inf")
    for gl in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        centre = (gl.top + gl.bottom) / 2
        if lines and centre < bottom:
            lines[-1].append(gl)
            bottom = max(bottom, gl.bottom)
        else:
            lines.append([gl])
            bottom = gl.bottom
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def _dedupe(line: list[Glyph]) -> list[Glyph]:
    """Drop overprinted duplicates (fake bold draws each glyph twice, a hair apart)."""
    out: list[Glyph] = []
    for gl in line:
        if out and gl.text == out[-1].text and abs(gl.x0 - out[-1].x0) < 0.3 * gl.size:
            continue
        out.append(gl)
    return out


def _split(line: list[Glyph], gap: float) -> list[list[Glyph]]:
    runs: list[list[Glyph]] = [[line[0]]]
    for prev, gl in pairwise(line):
        if gl.x0 - prev.x1 > gap * gl.size:
            runs.append([])
        runs[-1].append(gl)
    return runs


def _text(run: list[Glyph]) -> str:
    out: list[str] = []
    prev: Glyph | None = None
    for gl in run:
        if prev is not None and gl.x0 - prev.x1 > WORD_GAP * gl.size \
                and not gl.text.isspace() and not prev.text.isspace():
            out.append(" ")
        out.append(gl.text)
        prev = gl
    return "".join(out).strip()


def _joins_with_space(a: str, b: str) -> bool:
    """Wrapped Latin words and numbers were split at a space; CJK wraps anywhere."""
    return bool(a) and bool(b) and a[-1].isascii() and a[-1].isalnum() \
        and b[0].isascii() and b[0].isalnum()


def cell_text(glyphs: list[Glyph]) -> str:
    text = ""
    for line in visual_lines(glyphs):
        part = _text(_dedupe(line))
        text += (" " if _joins_with_space(text, part) else "") + part
    return text


def free_lines(glyphs: list[Glyph]) -> list[tuple[str, BBox]]:
    """Free text as lines; a wide gap (金额单位 pushed to the right) starts a new one."""
    out: list[tuple[str, BBox]] = []
    for line in visual_lines(glyphs):
        for run in _split(_dedupe(line), PHRASE_GAP):
            text = _text(run)
            if text:
                out.append((text, (run[0].x0, min(g.top for g in run), run[-1].x1,
                                   max(g.bottom for g in run))))
    return out
