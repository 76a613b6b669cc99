"""The rows of a table printed with neither row nor column rules, and its merged cells.

With no rule between them, two rows are told apart by what a table does with its cells:
a cell's wrapped lines sit closer than the padding of two cells (so a cell's text is one
block), every cell of a row is aligned the same way in it (centred, as HTML and most
forms print; or at its top or bottom), and a cell merged over several rows is aligned
over all of them. So the rows are built from the columns on the right, whose cells are
one row each (values, notes), leftwards: a block lying in a row joins it; a block aligned
with a run of rows whose cells in its column are free is a merged cell over that run (a
level label centred over its indicators, whose text may lie wholly inside the middle one
or in the gap between two).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

from perfparse.extract.glyphs import Glyph

# Font sizes. A cell's wrapped lines sit closer than this; two cells' texts, each inside
# its padding, further apart.
WRAP_GAP = 0.5
ALIGNED = 0.5  # two texts whose centres (tops, bottoms) are this close are aligned

Piece = list[Glyph]


@dataclass
class _Block:
    """A cell's text: pieces in one column span, each line under the one before."""

    first: int
    last: int
    top: float
    bottom: float
    pieces: list[Piece] = field(default_factory=list)


@dataclass
class _Row:
    top: float
    bottom: float
    taken: set[int] = field(default_factory=set)  # columns a block already holds


def rows_and_spans(pieces: list[Piece], xs: list[float]
                   ) -> tuple[list[float], set[tuple[int, int]]]:
    """Row lines of the table whose column lines are ``xs`` (its texts' top and bottom
    first and last), and the (row line index, column) pairs a merged cell spans over."""
    size = median(g.size for p in pieces for g in p)
    blocks = _blocks(pieces, xs, size)
    key = _alignment(blocks, size)
    rows: list[_Row] = []
    spans: list[tuple[_Block, int, int]] = []
    # A column at a time, from the right: first each block's own row or rows, then a
    # block aligned with more rows whose cells in its column stay free spans them all.
    for last in sorted({b.last for b in blocks}, reverse=True):
        column = sorted((b for b in blocks if b.last == last), key=lambda b: b.top)
        placed = []
        for b in column:
            i, k = _place(b, rows, key, size)
            if i == k:  # a row is as tall as its tallest cell
                rows[i].top, rows[i].bottom = min(rows[i].top, b.top), max(rows[i].bottom,
                                                                           b.bottom)
            _take(rows, b, i, k)
            placed.append((b, i, k))
        for b, i, k in placed:
            i, k = _widest(b, rows, key, size, i, k)
            _take(rows, b, i, k)
            spans.append((b, i, k))
    # Row lines run through the middle of the gaps between rows.
    order = sorted(range(len(rows)), key=lambda n: rows[n].top)
    index = {n: pos for pos, n in enumerate(order)}
    ordered = [rows[n] for n in order]
    ys = [ordered[0].top, *((a.bottom + b.top) / 2 for a, b in pairwise(ordered)),
          ordered[-1].bottom]
    merged = set()
    for b, i, k in spans:
        lo, hi = sorted((index[i], index[k]))
        merged |= {(y, c) for y in range(lo + 1, hi + 1) for c in range(b.first, b.last + 1)}
    return ys, merged


def _blocks(pieces: list[Piece], xs: list[float], size: float) -> list[_Block]:
    """The pieces joined into cells' texts: a piece under another in its columns, closer
    than a cell's padding, is its next line."""
    blocks: list[_Block] = []
    for p in sorted(pieces, key=lambda p: min(g.top for g in p)):
        first, last = _columns(p, xs)
        top, bottom = min(g.top for g in p), max(g.bottom for g in p)
        home = next((b for b in reversed(blocks) if b.first <= last and first <= b.last
                     and 0 <= top - b.bottom < WRAP_GAP * size), None)
        if home is None:
            blocks.append(_Block(first, last, top, bottom, [p]))
        else:
            home.first, home.last = min(home.first, first), max(home.last, last)
            home.bottom = max(home.bottom, bottom)
            home.pieces.append(p)
    return blocks


def _columns(piece: Piece, xs: list[float]) -> tuple[int, int]:
    """The first and last column a piece lies in."""
    x0, x1 = piece[0].x0, piece[-1].x1
    cols = [j for j in range(len(xs) - 1) if x0 < xs[j + 1] and x1 > xs[j]] or [0]
    return cols[0], cols[-1]


def _alignment(blocks: list[_Block], size: float) -> str:
    """How the table aligns its cells: whether blocks of different heights side by side
    share their centres, their tops or their bottoms."""
    votes: Counter[str] = Counter()
    for a in blocks:
        for b in blocks:
            if a.last < b.first and a.top < b.bottom and b.top < a.bottom \
                    and abs((a.bottom - a.top) - (b.bottom - b.top)) > size:
                for how in ("middle", "top", "bottom"):
                    if abs(_at(a, how) - _at(b, how)) <= ALIGNED * size:
                        votes[how] += 1
    return max(("middle", "top", "bottom"), key=lambda how: votes[how])


def _at(x: _Block | tuple[float, float], how: str) -> float:
    top, bottom = (x.top, x.bottom) if isinstance(x, _Block) else x
    return top if how == "top" else bottom if how == "bottom" else (top + bottom) / 2


def _take(rows: list[_Row], b: _Block, i: int, k: int) -> None:
    lo, hi = rows[i].top, rows[k].bottom
    for r in rows:
        if lo <= r.top and r.bottom <= hi:
            r.taken |= set(range(b.first, b.last + 1))


def _runs(b: _Block, rows: list[_Row], how: str, size: float, inside: tuple[int, int] | None
          ) -> list[tuple[int, int]]:
    """Runs of rows (first, last, as indices into ``rows``) that ``b`` lies over and is
    aligned with, from the fewest rows to the most; each holds the rows ``inside`` spans
    if given, and its other rows' cells in ``b``'s columns are free."""
    order = sorted(range(len(rows)), key=lambda n: rows[n].top)
    cols = set(range(b.first, b.last + 1))
    own = set() if inside is None else {n for n in order
                                         if rows[inside[0]].top <= rows[n].top
                                         and rows[n].bottom <= rows[inside[1]].bottom}
    free = [n in own or not (rows[n].taken & cols) for n in order]
    found = []
    for i in range(len(order)):
        for k in range(i, len(order)):
            if not free[k]:
                break
            extent = (rows[order[i]].top, rows[order[k]].bottom)
            if extent[0] < b.bottom and b.top < extent[1] and own <= set(order[i:k + 1]) \
                    and abs(_at(extent, how) - _at(b, how)) <= ALIGNED * size:
                found.append((order[i], order[k], k - i))
    return [(i, k) for i, k, _ in sorted(found, key=lambda f: f[2])]


def _place(b: _Block, rows: list[_Row], how: str, size: float) -> tuple[int, int]:
    """The first and last row (indices into ``rows``) of the fewest ``b`` is aligned
    with; else the rows it lies over; else a new row of its own."""
    if runs := _runs(b, rows, how, size, None):
        return runs[0]
    over = sorted((n for n, r in enumerate(rows) if r.top < b.bottom and b.top < r.bottom),
                  key=lambda n: rows[n].top)
    if not over:
        rows.append(_Row(b.top, b.bottom))
        return len(rows) - 1, len(rows) - 1
    return over[0], over[-1]


def _widest(b: _Block, rows: list[_Row], how: str, size: float, i: int, k: int
            ) -> tuple[int, int]:
    """The most rows around ``b``'s own (``i``–``k``) it is aligned with, their cells in
    its columns free."""
    runs = _runs(b, rows, how, size, (i, k))
    return runs[-1] if runs else (i, k)
