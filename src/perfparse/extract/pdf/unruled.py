"""A table printed without column rulings → the ruling lines its text implies.

A form printed with its borders off (a Word table without borders, an HTML page whose CSS
was lost) or with row rules only gives the grid builder no vertical lines, so no table:
its text would all be free lines and the form lost. Its columns are still on the page, as
bands of white that the text of most lines leaves open, and so are its rows: row rules
where they are drawn, else the wider gaps between text lines (a wrapped cell's lines sit
closer than two rows' lines, which cell padding keeps apart). Column lines are drawn down
those bands, broken in a row where a text crosses them (a merged cell), and row lines
across the gaps; extract.geometry then builds the cells as for drawn rulings. Merged cells
without row rules and wrapped lines are guesses, so the page is reported.
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median

from perfparse.extract.geometry import SNAP, Edge
from perfparse.extract.glyphs import WORD_GAP, Glyph, visual_lines

PIECE_GAP = 0.45  # font sizes: the texts of two cells sit further apart than two words
# A band of x that at most this share of the table lines' pieces cross separates columns
# (a title row or a long value may cross it; the column's own lines do not).
CROSSING = 0.15
MIN_ROWS = 3  # fewer lines of several pieces are a heading and its date, not a table
BIN = 1.0  # points per step of the column profile
HEADING = 1.15  # a line set this much larger than the table's text is a title between tables
ROW_GAP = 0.5  # font sizes between two text lines that belong to two rows
MARGIN = 1.0  # points drawn around the outermost text
REACH = 12.0  # points from the outermost text within which a row rule is the table's


def unruled_rulings(runs: list[list[Glyph]], edges: list[Edge]) -> list[Edge]:
    """Ruling lines for every block of the page's free ``runs`` that reads as a table
    (MIN_ROWS lines of several pieces or more), besides the page's own ``edges``."""
    lines = [(line, _pieces(line)) for line in visual_lines(
        [g for r in runs for g in r if not g.text.isspace()])]
    lines = [(line, pieces) for line, pieces in lines if pieces]
    out: list[Edge] = []
    for block in _blocks(lines):
        out.extend(_rulings(block, edges))
    return out


def _pieces(line: list[Glyph]) -> list[list[Glyph]]:
    pieces: list[list[Glyph]] = []
    prev: Glyph | None = None
    for gl in line:
        if prev is None or gl.x0 - prev.x1 > PIECE_GAP * gl.size:
            pieces.append([])
        pieces[-1].append(gl)
        prev = gl
    return pieces


Block = list[list[list[Glyph]]]  # text lines, each as its pieces


def _blocks(lines: list[tuple[list[Glyph], list[list[Glyph]]]]) -> list[Block]:
    """Runs of lines in the table's text size (titles between forms end one) holding
    MIN_ROWS lines of several pieces."""
    sizes = [median(g.size for g in line) for line, pieces in lines if len(pieces) > 1]
    if len(sizes) < MIN_ROWS:
        return []
    body = median(sizes)
    blocks: list[Block] = [[]]
    for line, pieces in lines:
        if median(g.size for g in line) > HEADING * body:
            blocks.append([])
        else:
            blocks[-1].append(pieces)
    return [block for block in blocks if sum(len(pieces) > 1 for pieces in block) >= MIN_ROWS]


def _rulings(block: Block, edges: list[Edge]) -> list[Edge]:
    xs = _columns([pieces for pieces in block if len(pieces) > 1])
    top = min(g.top for pieces in block for p in pieces for g in p) - MARGIN
    bottom = max(g.bottom for pieces in block for p in pieces for g in p) + MARGIN
    drawn = [e for e in edges if e[0] == "h" and top - REACH <= e[2] <= bottom + REACH
             and xs[0] - REACH <= e[1] and e[3] <= xs[-1] + REACH]
    rows = _close(sorted(e[2] for e in drawn))
    h: list[Edge] = []
    if len(rows) > MIN_ROWS:
        # Row rules are printed, each cell's own: the rows are theirs, and where a rule
        # ends a cell does, so the rules' ends are the column lines.
        ys = rows
        ends = _close(sorted(x for e in drawn for x in (e[1], e[3])))
        # A column no rule crosses on this page (a caption cut by page breaks) still
        # ends where its text does.
        xs = [*xs[:1] * (ends[0] > xs[0] + SNAP), *ends, *xs[-1:] * (ends[-1] < xs[-1] - SNAP)]
    else:
        # Lines of one piece before the first line of several or after the last are a
        # caption or a note beside the table, not rows.
        several = [k for k, pieces in enumerate(block) if len(pieces) > 1]
        block = block[several[0]:several[-1] + 1]
        top = min(g.top for pieces in block for p in pieces for g in p) - MARGIN
        bottom = max(g.bottom for pieces in block for p in pieces for g in p) + MARGIN
        ys = [top, *_row_gaps(block), bottom]
        h = [("h", xs[0], y, xs[-1], y) for y in ys]
    v: list[Edge] = []
    for a, b in pairwise(ys):
        runs = [r for pieces in block for p in pieces for r in _tight(p)
                if a <= (r[0].top + r[0].bottom) / 2 < b]
        v.extend(("v", x, a, x, b) for x in xs
                 if not any(r[0].x0 < x < r[-1].x1 for r in runs))
    return h + v


def _tight(piece: list[Glyph]) -> list[list[Glyph]]:
    """A piece cut at every gap wider than a word space: a column line in such a gap
    crosses no text."""
    out: list[list[Glyph]] = [[piece[0]]]
    for prev, gl in pairwise(piece):
        if gl.x0 - prev.x1 > WORD_GAP * gl.size:
            out.append([])
        out[-1].append(gl)
    return out


def _close(values: list[float]) -> list[float]:
    """Sorted ``values`` with those within SNAP of the one before dropped (a rule's two
    edges, cells' borders meeting end to end)."""
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _row_gaps(block: Block) -> list[float]:
    """The middle of every gap between two text lines wider than ROW_GAP font sizes."""
    boxes = [(min(g.top for p in pieces for g in p), max(g.bottom for p in pieces for g in p),
              median(g.size for p in pieces for g in p)) for pieces in block]
    return [(b0 + t1) / 2 for (_, b0, s), (t1, _, _) in pairwise(boxes)
            if t1 - b0 > ROW_GAP * s]


def _columns(lines: Block) -> list[float]:
    """Column lines: the middle of every band of x crossed by at most CROSSING of the
    lines, and the outer edges."""
    left = min(p[0].x0 for line in lines for p in line) - MARGIN
    right = max(p[-1].x1 for line in lines for p in line) + MARGIN
    n = int((right - left) / BIN) + 1
    crossed = [0] * n
    for line in lines:
        for p in line:
            for k in range(int((p[0].x0 - left) / BIN), int((p[-1].x1 - left) / BIN) + 1):
                crossed[min(k, n - 1)] += 1
    limit = CROSSING * len(lines)
    xs = [left]
    start: int | None = None
    for k, c in enumerate(crossed):
        if c <= limit and start is None:
            start = k
        elif c > limit and start is not None:
            if start > 0:
                xs.append(left + (start + k) / 2 * BIN)
            start = None
    return [*xs, right]
