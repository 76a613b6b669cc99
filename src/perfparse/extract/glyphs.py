"""Glyphs with boxes → cell texts and free text lines.

Pure functions over :class:`Glyph` tuples, whichever library read them (pdfplumber or
pypdfium2). A glyph belongs to the cell that contains its centre; glyphs in no cell are
free text (titles, 年度, 填报单位 / 金额单位 lines).
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_right
from itertools import pairwise, takewhile
from typing import NamedTuple

from perfparse.extract.geometry import GridCell, TableGrid

BBox = tuple[float, float, float, float]
WORD_GAP = 0.3  # a gap wider than this many font sizes is a space
# A paragraph's line wraps to the next (paragraph_lines) when it ends within WRAP_MARGIN
# font sizes of the text's right margin, the next starts as near its left, in type of the
# same size (SAME_TYPE) with at most LINE_GAP font sizes between; a sentence's end ends it.
WRAP_MARGIN, SAME_TYPE, LINE_GAP = 1.5, 0.1, 0.8
SENTENCE_ENDS = ("。", "！", "？", "；", ".", "!", "?", ";")
PHRASE_GAP = 2.0  # a gap wider than this many font sizes separates two free-text lines
# A glyph turned by more than this (sine of the angle) off the page's axes is a watermark
# or a stamp laid across the page: form text runs along the axes, also when turned 90°.
SLANT = 0.1
SNAP_TEXT = 1.0  # points a glyph may overhang a ruling it sits against
SIDE_GAP = 4.0  # free text this many font sizes or less beside a table is its hidden edge column
STACKED = 0.2  # glyphs of one line starting closer than this many sizes stand one over another


class Glyph(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


def slanted(a: float, b: float) -> bool:
    """Whether a glyph whose baseline runs along (a, b) is turned off the page's axes."""
    return abs(a) > 1e-6 and abs(b) > SLANT * math.hypot(a, b)


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
    return [_left_to_right(line) for line in lines]


def _left_to_right(line: list[Glyph]) -> list[Glyph]:
    """A line's glyphs by x; glyphs set one over another (a vertical caption squeezed into
    one line's height) top to bottom, however a reader rounds their x a hair apart."""
    out: list[Glyph] = []
    stack: list[Glyph] = []
    for gl in sorted(line, key=lambda g: g.x0):
        if stack and (gl.x0 - stack[0].x0 >= STACKED * gl.size or gl.text.isspace()
                      or stack[0].text.isspace()):
            out += sorted(stack, key=lambda g: g.top)
            stack = []
        stack.append(gl)
    return out + sorted(stack, key=lambda g: g.top)


def _dedupe(line: list[Glyph]) -> list[Glyph]:
    """Drop overprinted duplicates (fake bold draws each glyph twice, a hair apart)."""
    out: list[Glyph] = []
    for gl in line:
        if out and gl.text == out[-1].text and abs(gl.x0 - out[-1].x0) < 0.3 * gl.size:
            continue
        out.append(gl)
    return out


def split_at_gaps(line: list[Glyph], gap: float) -> list[list[Glyph]]:
    """A line's glyphs cut where two stand more than ``gap`` font sizes apart."""
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


def free_runs(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Free text as runs of glyphs, line by line; a wide gap (金额单位 pushed to the right)
    starts a new run."""
    return [run for line in visual_lines(glyphs) for run in split_at_gaps(_dedupe(line), PHRASE_GAP)
            if _text(run)]


def run_box(run: list[Glyph]) -> BBox:
    return run[0].x0, min(g.top for g in run), run[-1].x1, max(g.bottom for g in run)


def run_lines(runs: list[list[Glyph]]) -> list[tuple[str, BBox]]:
    return [(_text(run), run_box(run)) for run in runs]


def paragraph_lines(runs: list[list[Glyph]]) -> list[tuple[str, BBox]]:
    """Free text as (text, box) lines, the lines of a wrapped paragraph joined: a run alone
    on its line that reaches the text's right margin, followed closely by a run alone on
    its line that starts at the left margin, in the same type, runs on into it (a phone
    number or a name a browser wrapped mid-word). A run ending a sentence ends there."""
    if not runs:
        return []
    boxes = [run_box(r) for r in runs]
    sizes = [statistics.median(g.size for g in r) for r in runs]
    left, right = min(b[0] for b in boxes), max(b[2] for b in boxes)

    def alone(i: int) -> bool:
        return not any(j != i and boxes[j][1] < boxes[i][3] and boxes[i][1] < boxes[j][3]
                       for j in range(len(runs)))

    out: list[tuple[str, BBox]] = []
    for i, run in enumerate(runs):
        text, box = _text(run), boxes[i]
        if out and _wraps(boxes[i - 1], sizes[i - 1], box, sizes[i], left,
                          right - _token_width(run)) \
                and not out[-1][0].endswith(SENTENCE_ENDS) and alone(i - 1) and alone(i):
            last, (x0, top, x1, _) = out.pop()
            text = last + (" " if _joins_with_space(last, text) else "") + text
            box = (min(x0, box[0]), top, max(x1, box[2]), box[3])
        out.append((text, box))
    return out


def _token_width(run: list[Glyph]) -> float:
    """Width of the Latin word or number ``run`` starts with (0 if it starts with CJK): a
    line that could not fit it wrapped before it, short of the margin by up to as much."""
    token = list(takewhile(lambda g: g.text.isascii() and not g.text.isspace(), run))
    return token[-1].x1 - token[0].x0 if token else 0.0


def _wraps(a: BBox, a_size: float, b: BBox, b_size: float, left: float, right: float) -> bool:
    """Whether line ``b`` is where line ``a`` wrapped to (``right``: where ``a`` had to
    reach)."""
    return (abs(a_size - b_size) <= SAME_TYPE * a_size and a[2] >= right - WRAP_MARGIN * a_size
            and b[0] <= left + WRAP_MARGIN * b_size
            and -LINE_GAP * a_size <= b[1] - a[3] <= LINE_GAP * a_size)


def free_lines(glyphs: list[Glyph]) -> list[tuple[str, BBox]]:
    """Free text as (text, box) lines, split at wide gaps (free_runs)."""
    return run_lines(free_runs(glyphs))


def _rows_of(grid: TableGrid, top: float, bottom: float) -> tuple[int, int]:
    """The grid rows a box from ``top`` to ``bottom`` overlaps (first, last)."""
    rows = [i for i, (a, b) in enumerate(pairwise(grid.ys)) if a < bottom and b > top]
    last = len(grid.ys) - 2
    return (rows[0], rows[-1]) if rows else (last, last)  # painted below a cut table


def _edge_column(grid: TableGrid, cells: list[list[Glyph]], side: list[list[Glyph]],
                 left: bool) -> tuple[TableGrid, list[list[Glyph]]]:
    """``grid`` with a column added on one side holding the ``side`` runs: runs over the
    same rows (a label wrapped over two lines) are one cell."""
    spans: list[tuple[int, int, list[Glyph]]] = []
    for run in sorted(side, key=lambda r: min(g.top for g in r)):
        _, top, _, bottom = run_box(run)
        lo, hi = _rows_of(grid, top, bottom)
        if spans and lo <= spans[-1][1]:
            a, b, gs = spans.pop()
            spans.append((a, max(b, hi), gs + run))
        else:
            spans.append((lo, hi, list(run)))
    # Text sits in the middle of its merged cell: each cell reaches halfway to the next
    # one's text, and the first and last to the table's top and bottom (a caption column
    # is one cell over the whole table, as when ruled).
    mids = [(grid.ys[lo] + grid.ys[hi + 1]) / 2 for lo, hi, _ in spans]
    starts = [0] + [next((i for i in range(spans[k - 1][1] + 1, spans[k][0])
                          if (grid.ys[i] + grid.ys[i + 1]) / 2 - mids[k - 1]
                          > mids[k] - (grid.ys[i] + grid.ys[i + 1]) / 2), spans[k][0])
                    for k in range(1, len(spans))]
    ends = [s - 1 for s in starts[1:]] + [len(grid.ys) - 2]
    spans = [(a, b, gs) for a, b, (_, _, gs) in zip(starts, ends, spans, strict=True)]
    pad = max(g.size for r in side for g in r) * WORD_GAP
    if left:
        edge = min(g.x0 for r in side for g in r) - pad
        xs = [edge, *grid.xs]
        old = [GridCell(c.row, c.col + 1, c.rowspan, c.colspan, c.bbox) for c in grid.cells]
        col, x0, x1 = 0, edge, grid.xs[0]
    else:
        edge = max(g.x1 for r in side for g in r) + pad
        xs = [*grid.xs, edge]
        old = list(grid.cells)
        col, x0, x1 = len(grid.xs) - 1, grid.xs[-1], edge
    new = [GridCell(lo, col, hi - lo + 1, 1, (x0, grid.ys[lo], x1, grid.ys[hi + 1]))
           for lo, hi, _ in spans]
    both, texts = old + new, cells + [gs for _, _, gs in spans]
    order = sorted(range(len(both)), key=lambda k: (both[k].row, both[k].col))
    return TableGrid(xs, list(grid.ys), [both[k] for k in order]), [texts[k] for k in order]


def adopt_sides(grids: list[TableGrid], per_table: list[list[list[Glyph]]],
                runs: list[list[Glyph]]
                ) -> tuple[list[TableGrid], list[list[list[Glyph]]], list[list[Glyph]]]:
    """Tables with the free text just beside them taken in as an edge column; the runs
    left free.

    A table drawn without its outer frame (CSS ``border-style: hidden``, Word's inside
    borders only) loses the outer half of its edge cells when a side has no line to close
    them: a caption column, the labels of the first column, the last column of a row cut
    off by a page break. Their text is left beside the table, within its height and a few
    font sizes of its side; no printed form puts other text there. Below the last table
    of a page too: a merged edge cell cut by the page break has its text painted in the
    middle of the whole cell, which can fall below the part on this page.
    """
    grids, per_table = list(grids), list(per_table)
    left_free = list(runs)
    for t, grid in enumerate(grids):
        x0, top, x1, bottom = grid.bbox
        last = all(g.bbox[1] < top for g in grids if g is not grid)
        for left in (True, False):
            side = []
            for run in left_free:
                rx0, rtop, rx1, rbottom = run_box(run)
                gap = x0 - rx1 if left else rx0 - x1
                beside = top <= (rtop + rbottom) / 2 <= bottom or (last and rtop >= bottom)
                if beside and -SNAP_TEXT <= gap <= SIDE_GAP * max(g.size for g in run):
                    side.append(run)
            if side:
                taken = {id(r) for r in side}
                left_free = [r for r in left_free if id(r) not in taken]
                grids[t], per_table[t] = _edge_column(grids[t], per_table[t], side, left)
    return grids, per_table, left_free


def adopt_overflow(grids: list[TableGrid], per_table: list[list[list[Glyph]]],
                   runs: list[list[Glyph]]) -> list[list[Glyph]]:
    """Move free text painted just outside a table into the empty edge cell it belongs
    to; the runs left free.

    Browsers and office suites paint the text of a merged cell cut by a page break in the
    middle of the whole cell, which can fall outside the part drawn on the page: the
    绩效指标 caption then floats under the header row it labels, a level label over the
    top of the next page's part. A run lying wholly within the columns of an empty cell
    of a table's bottom row (below it) or top row (above it), with no other table or text
    between, is that cell's text: text printed under a table (填表人…, the next form's
    title) ends the table's reach. Running headers and footers must be gone before
    (furniture).
    """
    empty = {(t, k) for t, cells in enumerate(per_table) for k, gs in enumerate(cells) if not gs}
    # Where each run would go with nothing else in its way; then a run stays free if text
    # that stays free itself (not another cut cell's text) lies between it and its table.
    homes = [_overflow_home(run, grids, per_table, empty) for run in runs]
    free = [(top + bottom) / 2 for run, home in zip(runs, homes, strict=True) if home is None
            for _, top, _, bottom in (run_box(run),)]
    left: list[list[Glyph]] = []
    for run, home in zip(runs, homes, strict=True):
        if home is None or any(home[1] < m < home[2] for m in free):
            left.append(run)
        else:
            home[0].extend(run)
    return left


def _overflow_home(run: list[Glyph], grids: list[TableGrid], per_table: list[list[list[Glyph]]],
                   empty: set[tuple[int, int]]) -> tuple[list[Glyph], float, float] | None:
    """The empty edge cell ``run`` would belong to (see adopt_overflow) and the span of y
    between that table's edge and the run, or None."""
    x0, top, x1, bottom = run_box(run)
    middle = (top + bottom) / 2
    for t, grid in enumerate(grids):
        below, above = middle >= grid.ys[-1], middle <= grid.ys[0]
        if not (below or above):
            continue
        lo, hi = (grid.ys[-1], middle) if below else (middle, grid.ys[0])
        if any(o is not grid and o.ys[0] >= lo and o.ys[-1] <= hi for o in grids):
            continue  # another table lies between
        edge = len(grid.ys) - 1 if below else 0
        for k, c in enumerate(grid.cells):
            at_edge = c.row + c.rowspan == edge if below else c.row == edge
            if at_edge and (t, k) in empty and c.bbox[0] <= x0 and x1 <= c.bbox[2]:
                return per_table[t][k], lo, hi
    return None
