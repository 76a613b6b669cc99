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

from perfparse.extract.geometry import SNAP, Edge, TableGrid
from perfparse.extract.glyphs import WORD_GAP, Glyph, split_at_gaps, visual_lines
from perfparse.extract.pdf.unruled_rows import rows_and_spans

PIECE_GAP = 0.45  # font sizes: the texts of two cells sit further apart than two words
# A band of x that at most this share of the table lines' pieces cross separates columns
# (a title row or a long value may cross it; the column's own lines do not).
CROSSING = 0.15
# Without row rules, fewer rows of texts side by side are a heading and its date, not a
# table (with one, a line of cells beside it is a row: a header row a page break cut off).
MIN_ROWS = 2
HEADS = 5  # ...or one row of this many texts side by side on a line: a header row
BIN = 1.0  # points per step of the column profile
SLIVER = 3.0  # points: narrower white between the texts of a sparse column is no band
STEP = 0.5  # points per step of the row profile
HEADING = 1.15  # a line set this much larger than the table's text is a title between tables
ROW_GAP = 0.5  # font sizes between two text lines that belong to two rows
MARGIN = 1.0  # points drawn around the outermost text
REACH = 12.0  # points from the outermost text within which a row rule is the table's


def unruled_rulings(runs: list[list[Glyph]], edges: list[Edge]) -> list[Edge]:
    """Ruling lines for every block of the page's free ``runs`` that reads as a table
    (lines of several pieces beside a row rule of ``edges``, or MIN_ROWS rows of texts
    side by side), besides the page's own ``edges``."""
    lines = [(line, split_at_gaps(line, PIECE_GAP)) for line in visual_lines(
        [g for r in runs for g in r if not g.text.isspace()])]
    lines = [(line, pieces) for line, pieces in lines if pieces]
    out: list[Edge] = []
    for block in _blocks(lines):
        out.extend(_rulings(block, edges))
    return out


Block = list[list[list[Glyph]]]  # text lines, each as its pieces


def frame_only(table: TableGrid, texts: list[list[Glyph]]) -> bool:
    """Whether ``table`` (its cells' glyphs ``texts``) is drawn as a frame round rows, the
    cells' left and right borders off: one column as rulings go, though a line of its
    text holds texts as far apart as two cells'."""
    return len(table.xs) == 2 and any(
        len(split_at_gaps(line, PIECE_GAP)) > 1 for line in visual_lines(
            [g for cell in texts for g in cell if not g.text.isspace()]))


def _blocks(lines: list[tuple[list[Glyph], list[list[Glyph]]]]) -> list[Block]:
    """Runs of lines in the table's text size (titles between forms end one) holding a
    line of several pieces."""
    sizes = [median(g.size for g in line) for line, pieces in lines if len(pieces) > 1]
    if not sizes:
        return []
    body = median(sizes)
    blocks: list[Block] = [[]]
    for line, pieces in lines:
        if median(g.size for g in line) > HEADING * body:
            blocks.append([])
        else:
            blocks[-1].append(pieces)
    return [block for block in blocks if any(len(pieces) > 1 for pieces in block)]


def _rulings(block: Block, edges: list[Edge]) -> list[Edge]:
    bands = _columns([pieces for pieces in block if len(pieces) > 1])
    top = min(map(_top, block)) - MARGIN
    bottom = max(map(_bottom, block)) + MARGIN
    # The rules lying mostly over the text's columns, up to a row's height beyond it.
    drawn = [e for e in edges if e[0] == "h" and top - REACH <= e[2] <= bottom + REACH
             and 2 * (min(e[3], bands[-1][0]) - max(e[1], bands[0][1])) >= e[3] - e[1]]
    if drawn:
        xs, ys, h = _ruled_rows(block, drawn, bands)
        return h + _column_lines(block, xs, ys)
    rows = _row_groups(block)
    if len(rows) >= MIN_ROWS or (rows and _heads(block, rows[0])):
        return _sections(block, rows)
    return []  # a heading and its date, a signature line: no table


def _sections(block: Block, rows: list[tuple[int, int]]) -> list[Edge]:
    """Rulings of a table with no rule at all, from its ``rows`` (runs of lines), a section
    at a time: a header row starts one, with columns of its own (a form's indicator table
    under its rows of labels and values), and the sections meet halfway between their
    texts and share their outer edges, as one table. Lines of one text before the first
    row or after the last are a caption or a note beside the table, not rows."""
    starts = [0, *(n for n, row in enumerate(rows) if n and _heads(block, row)), len(rows)]
    parts = []
    for a, b in pairwise(starts):
        last = rows[b][0] - 1 if b < len(rows) else rows[-1][1]
        lines = block[rows[a][0]:last + 1]
        # The columns are where the rows leave white: a row whose cells share no line
        # (a note of four lines beside a one-line value) counts as one.
        xs = [(lo + hi) / 2 for lo, hi in _columns(
            [[p for line in block[f:t + 1] for p in line] for f, t in rows[a:b]])]
        ys, merged = rows_and_spans([p for line in lines for p in line], xs)
        parts.append((lines, xs, [ys[0] - MARGIN, *ys[1:-1], ys[-1] + MARGIN], merged))
    left, right = min(xs[0] for _, xs, _, _ in parts), max(xs[-1] for _, xs, _, _ in parts)
    for (_, _, above, _), (_, _, below, _) in pairwise(parts):
        above[-1] = below[0] = (above[-1] + below[0]) / 2
    out: list[Edge] = []
    for lines, xs, ys, merged in parts:
        xs[0], xs[-1] = left, right
        out += [("h", x0, y, x1, y) for n, y in enumerate(ys)
                for j, (x0, x1) in enumerate(pairwise(xs)) if (n, j) not in merged]
        out += _column_lines(lines, xs, ys)
    return out


def _ruled_rows(block: Block, drawn: list[Edge], bands: list[tuple[float, float]]
                ) -> tuple[list[float], list[float], list[Edge]]:
    """Column lines, row lines and the rules to add where row rules are printed: each
    cell's own, so the rows are theirs, and where a rule ends a cell does."""
    ys = _close(sorted(e[2] for e in drawn))
    ends = _close(sorted(x for e in drawn for x in (e[1], e[3])))
    # A column line no rule ends on (rules drawn across the whole table, or a caption
    # column cut by page breaks) is still where the text leaves a band open.
    bands = [(bands[0][1] - REACH, bands[0][1]), *bands[1:-1],
             (bands[-1][0], bands[-1][0] + REACH)]
    xs = sorted([*ends, *((lo + hi) / 2 for lo, hi in bands
                          if not any(lo - SNAP <= e <= hi + SNAP for e in ends))])
    # A row a page break left above the first rule or below the last (its rule went with
    # the page before): a line of several pieces there is one more row.
    pieces = [p for line in block for p in line]
    h: list[Edge] = []
    if any(len(line) > 1 and _bottom(line) < ys[0] for line in block):
        ys = [_rows([p for p in pieces if _bottom([p]) < ys[0]])[-2], *ys]
        h.append(("h", xs[0], ys[0], xs[-1], ys[0]))
    if any(len(line) > 1 and _top(line) > ys[-1] for line in block):
        ys = [*ys, _rows([p for p in pieces if _top([p]) > ys[-1]])[1]]
        h.append(("h", xs[0], ys[-1], xs[-1], ys[-1]))
    return xs, ys, h


def _column_lines(block: Block, xs: list[float], ys: list[float]) -> list[Edge]:
    """The column lines of each row, left out where text crosses them (a merged cell)."""
    v: list[Edge] = []
    for a, b in pairwise(ys):
        pieces = [p for line in block for p in line if a <= (p[0].top + p[0].bottom) / 2 < b]
        runs = [r for p in pieces for r in split_at_gaps(p, WORD_GAP)]
        v.extend(("v", x, a, x, b) for x in xs
                 if not any(r[0].x0 < x < r[-1].x1 for r in runs))
        # Two pieces side by side in one column band are two cells all the same (a
        # label and its value in a part of the table laid out on other columns).
        for left, right in pairwise(sorted(pieces, key=lambda p: p[0].x0)):
            x, gap = (left[-1].x1 + right[0].x0) / 2, right[0].x0 - left[-1].x1
            if gap > 0 and not any(abs(x - c) < gap / 2 for c in xs):
                v.append(("v", x, a, x, b))
    return v


def _rows(pieces: list[list[Glyph]]) -> list[float]:
    """Row lines: the outer edges, and the middle of every band of y at least ROW_GAP font
    sizes high that at most one piece crosses (a label centred over several rows)."""
    top = min(g.top for p in pieces for g in p) - MARGIN
    bottom = max(g.bottom for p in pieces for g in p) + MARGIN
    size = median(g.size for p in pieces for g in p)
    n = int((bottom - top) / STEP) + 1
    crossing = [0] * n
    for p in pieces:
        a, b = min(g.top for g in p), max(g.bottom for g in p)
        for k in range(int((a - top) / STEP), int((b - top) / STEP) + 1):
            crossing[min(k, n - 1)] += 1
    ys = [top]
    start: int | None = None
    for k, c in enumerate([*crossing, n]):
        if c <= 1 and start is None:
            start = k
        elif c > 1 and start is not None:
            if start > 0 and k < n and (k - start) * STEP >= ROW_GAP * size:
                ys.append(top + (start + k) / 2 * STEP)
            start = None
    return [*ys, bottom]


def _heads(block: Block, row: tuple[int, int]) -> bool:
    """Whether a row alone is a table's header row a page break parted from its body:
    HEADS texts side by side or more on one line (a heading and its date are two, a
    signature line three)."""
    return any(len(block[k]) >= HEADS for k in range(row[0], row[1] + 1))


def _row_groups(block: Block) -> list[tuple[int, int]]:
    """The runs of lines (first, last) that hold texts side by side, each line within a
    cell's wrapping of the one before (a centred cell's first line lies above its row's
    other cells, so a row's cells may share no line)."""
    size = median(g.size for line in block for p in line for g in p)
    runs = [[0, 0]]
    for k in range(1, len(block)):
        if _top(block[k]) - _bottom(block[k - 1]) < ROW_GAP * size:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    out = []
    for first, last in runs:
        pieces = sorted((p for line in block[first:last + 1] for p in line),
                        key=lambda p: p[0].x0)
        if any(a[-1].x1 < b[0].x0 for a, b in pairwise(pieces)):
            out.append((first, last))
    return out


def _top(line: list[list[Glyph]]) -> float:
    return min(g.top for p in line for g in p)


def _bottom(line: list[list[Glyph]]) -> float:
    return max(g.bottom for p in line for g in p)


def _close(values: list[float]) -> list[float]:
    """Sorted ``values`` with those within SNAP of the one before dropped (a rule's two
    edges, cells' borders meeting end to end)."""
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _columns(lines: Block) -> list[tuple[float, float]]:
    """The bands of x crossed by at most CROSSING of the lines, the outer edges among
    them: a column line runs down the middle of each."""
    left = min(p[0].x0 for line in lines for p in line) - MARGIN
    right = max(p[-1].x1 for line in lines for p in line) + MARGIN
    n = int((right - left) / BIN) + 1
    crossed = [0] * n
    for line in lines:
        for p in line:
            for k in range(int((p[0].x0 - left) / BIN), int((p[-1].x1 - left) / BIN) + 1):
                crossed[min(k, n - 1)] += 1
    limit = CROSSING * len(lines)
    bands = [(left - MARGIN, left)]
    start: int | None = None
    for k, c in enumerate(crossed):
        if c <= limit and start is None:
            start = k
        elif c > limit and start is not None:
            # A run from the table's left edge holds a sparse first column (level labels
            # on a few lines): the bands are where the fewest lines cross after it.
            runs = _emptiest(crossed, start, k) if start == 0 else [(start, k)]
            bands.extend((left + a * BIN, left + b * BIN) for a, b in runs if a > 0)
            start = None
    return [*bands, (right, right + MARGIN)]


def _emptiest(crossed: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``crossed[start:end]`` (a run of bands few lines cross) that the
    fewest cross: a sparse column (level labels, on a few lines only) lies between two
    such stretches, not in one band with them. Where several, slivers narrower than
    SLIVER are the gaps between two of its texts, not a column's."""
    least = min(crossed[start:end])
    out: list[tuple[int, int]] = []
    first: int | None = None
    for k in range(start, end + 1):
        if k < end and crossed[k] == least:
            first = k if first is None else first
        elif first is not None:
            out.append((first, k))
            first = None
    wide = [(a, b) for a, b in out if (b - a) * BIN >= SLIVER]
    return wide or out
