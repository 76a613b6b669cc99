"""Ruling lines → table grids with merged cells.

A chain of small pure functions in the spirit of pdfplumber's table finder, but returning
spans: edges → snapped → joined → grouped into tables → grid lines → regions of grid
positions not separated by a ruling line → cells with rowspan/colspan. Only ruling-line
geometry is used, which every Excel/Word/LibreOffice export of a ruled form shares.
Coordinates are PDF points with the origin at the top-left of the page (pdfplumber's).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

SNAP = 3.0  # lines closer than this are one line (double borders, outlines of thin filled rects)
JOIN = 3.0  # collinear pieces with gaps up to this are one line
MIN_LENGTH = 4.0  # shorter strokes are glyph parts or ticks, not rulings
MIN_GAP = 2.0  # grid rows/columns thinner than this are drawing noise
DOT = 1.5  # a piece of ruling this short is the end of a line's own thickness
BRIDGE = 80.0  # a ruling is drawn on over at most this to a line a page break left open


class Seg(NamedTuple):
    """An axis-aligned ruling: ``pos`` is y for horizontal lines and x for vertical ones."""

    pos: float
    a: float
    b: float


@dataclass(frozen=True, slots=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class TableGrid:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom
    cells: list[GridCell]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


Edge = tuple[str, float, float, float, float]  # orientation "h"/"v", x0, top, x1, bottom
STRAIGHT = 0.5  # a stroke this close to axis-aligned counts as a ruling line


def straight(p: tuple[float, float], q: tuple[float, float]) -> Edge | None:
    """The edge a painted piece from p to q makes if it is level or plumb (a ruling)."""
    (ax, ay), (bx, by) = p, q
    if p == q:
        return None  # a closing segment back to where the last one ended
    if abs(ay - by) <= STRAIGHT:
        return ("h", min(ax, bx), ay, max(ax, bx), ay)
    if abs(ax - bx) <= STRAIGHT:
        return ("v", ax, min(ay, by), ax, max(ay, by))
    return None


def split_edges(edges: Iterable[Edge]) -> tuple[list[Seg], list[Seg]]:
    """Horizontal and vertical segments, without dots: the short sides of the thin filled
    rectangles browsers draw borders with (half of a page's edges), shorter than any gap
    JOIN bridges, so they can join nothing."""
    h: list[Seg] = []
    v: list[Seg] = []
    for orientation, x0, top, x1, bottom in edges:
        if orientation == "h":
            if abs(x1 - x0) >= DOT:
                h.append(Seg((top + bottom) / 2, min(x0, x1), max(x0, x1)))
        elif abs(bottom - top) >= DOT:
            v.append(Seg((x0 + x1) / 2, min(top, bottom), max(top, bottom)))
    return h, v


def snap(segs: list[Seg], tol: float = SNAP) -> list[Seg]:
    """Give lines within ``tol`` of a cluster's first line the cluster's mean position."""
    out: list[Seg] = []
    cluster: list[Seg] = []
    for s in sorted(segs):
        if cluster and s.pos - cluster[0].pos > tol:
            out.extend(_to_mean(cluster))
            cluster = []
        cluster.append(s)
    out.extend(_to_mean(cluster))
    return out


def _to_mean(cluster: list[Seg]) -> list[Seg]:
    if not cluster:
        return []
    mean = sum(s.pos for s in cluster) / len(cluster)
    return [Seg(mean, s.a, s.b) for s in cluster]


def join(segs: list[Seg], tol: float = JOIN) -> list[Seg]:
    """Merge collinear pieces that overlap or nearly touch (cell-by-cell borders)."""
    out: list[Seg] = []
    for s in sorted(segs):
        if out and out[-1].pos == s.pos and s.a <= out[-1].b + tol:
            last = out[-1]
            out[-1] = Seg(last.pos, last.a, max(last.b, s.b))
        else:
            out.append(s)
    return out


def long_enough(segs: list[Seg], min_length: float = MIN_LENGTH) -> list[Seg]:
    return [s for s in segs if s.b - s.a >= min_length]


def crosses(h: Seg, v: Seg, tol: float = SNAP) -> bool:
    return h.a - tol <= v.pos <= h.b + tol and v.a - tol <= h.pos <= v.b + tol


def group_tables(h: list[Seg], v: list[Seg]) -> list[tuple[list[Seg], list[Seg]]]:
    """Connected sets of crossing lines; those with at least two of each kind are tables."""
    parent = list(range(len(h) + len(v)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, hs in enumerate(h):
        for j, vs in enumerate(v):
            if crosses(hs, vs):
                parent[find(i)] = find(len(h) + j)
    groups: dict[int, tuple[list[Seg], list[Seg]]] = {}
    for i, hs in enumerate(h):
        groups.setdefault(find(i), ([], []))[0].append(hs)
    for j, vs in enumerate(v):
        groups.setdefault(find(len(h) + j), ([], []))[1].append(vs)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def boundaries(segs: list[Seg]) -> list[float]:
    """Distinct line positions, dropping ones within MIN_GAP of the previous."""
    out: list[float] = []
    for p in sorted({s.pos for s in segs}):
        if not out or p - out[-1] >= MIN_GAP:
            out.append(p)
    return out


def _covered(lines: dict[float, list[Seg]], pos: float, a: float, b: float) -> bool:
    return any(s.a <= a + SNAP and s.b >= b - SNAP for s in lines.get(pos, ()))


def _by_pos(segs: list[Seg], grid: list[float]) -> dict[float, list[Seg]]:
    """Segments keyed by the grid line they lie on."""
    out: dict[float, list[Seg]] = {}
    for s in segs:
        k = bisect_right(grid, s.pos + MIN_GAP) - 1
        if k >= 0 and abs(grid[k] - s.pos) < MIN_GAP:
            out.setdefault(grid[k], []).append(s)
    return out


def merge_regions(n_rows: int, n_cols: int, open_right, open_down) -> list[list[tuple[int, int]]]:
    """Group grid positions joined through sides with no ruling line (union-find).

    ``open_right(i, j)`` / ``open_down(i, j)`` say whether position (i, j) runs on into
    (i, j+1) / (i+1, j).
    """
    parent = list(range(n_rows * n_cols))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i in range(n_rows):
        for j in range(n_cols):
            k = i * n_cols + j
            if j + 1 < n_cols and open_right(i, j):
                parent[find(k)] = find(k + 1)
            if i + 1 < n_rows and open_down(i, j):
                parent[find(k)] = find(k + n_cols)
    regions: dict[int, list[tuple[int, int]]] = {}
    for k in range(n_rows * n_cols):
        regions.setdefault(find(k), []).append(divmod(k, n_cols))
    return list(regions.values())


def build_grid(h: list[Seg], v: list[Seg]) -> TableGrid | None:
    """One table's lines → its grid and cells; regions not closed by lines are dropped."""
    ys, xs = boundaries(h), boundaries(v)
    if len(ys) < 2 or len(xs) < 2:
        return None
    hl, vl = _by_pos(h, ys), _by_pos(v, xs)

    # Each side of each grid position is asked about up to three times (merging, then
    # closing a region's top and bottom or left and right): answered once.
    @cache
    def ruled_above(i: int, j: int) -> bool:  # the line at ys[i] over column j
        return _covered(hl, ys[i], xs[j], xs[j + 1])

    @cache
    def ruled_left(i: int, j: int) -> bool:  # the line at xs[j] beside row i
        return _covered(vl, xs[j], ys[i], ys[i + 1])

    def open_right(i: int, j: int) -> bool:
        return not ruled_left(i, j + 1)

    def open_down(i: int, j: int) -> bool:
        return not ruled_above(i + 1, j)

    cells: list[GridCell] = []
    for region in merge_regions(len(ys) - 1, len(xs) - 1, open_right, open_down):
        i0, i1 = min(p[0] for p in region), max(p[0] for p in region)
        j0, j1 = min(p[1] for p in region), max(p[1] for p in region)
        closed = (all(ruled_above(i0, j) and ruled_above(i1 + 1, j) for j in range(j0, j1 + 1))
                  and all(ruled_left(i, j0) and ruled_left(i, j1 + 1)
                          for i in range(i0, i1 + 1)))
        if closed:
            cells.append(GridCell(i0, j0, i1 - i0 + 1, j1 - j0 + 1,
                                  (xs[j0], ys[i0], xs[j1 + 1], ys[i1 + 1])))
    if len(cells) < 2:  # a framed paragraph, not a table
        return None
    cells.sort(key=lambda c: (c.row, c.col))
    return TableGrid(xs, ys, cells)


def _open_ends(v: list[Seg], h: list[Seg]) -> list[tuple[float, float, bool]]:
    """(y, x, ruled) of the ends of vertical lines that no horizontal line closes;
    ``ruled`` when the line crosses some horizontal line (is part of a ruled table, not a
    stroke of a large character)."""
    out = []
    for s in v:
        ruled = any(crosses(t, s) for t in h)
        for y in (s.a, s.b):
            if not any(abs(t.pos - y) <= SNAP and t.a - SNAP <= s.pos <= t.b + SNAP for t in h):
                out.append((y, s.pos, ruled))
    return sorted(out)


def close_cuts(h: list[Seg], v: list[Seg]) -> list[Seg]:
    """``h`` with the lines a page break cut away put back.

    A table that runs over a page break is often drawn without a border at the cut: the
    row split by the break (or a merged cell continuing, like a 绩效指标 caption) has its
    side lines end in the air. Where vertical lines end at one height with nothing across
    them, the page edge closes them: an existing line at that height within BRIDGE is
    drawn on to reach them, or, with none, a new one is drawn through two or more of them
    that belong to the table (cross some horizontal line) and the others within BRIDGE.
    """
    ends = _open_ends(v, h)
    out = list(h)
    k = 0
    while k < len(ends):
        y = ends[k][0]
        group = [(x, ruled) for yy, x, ruled in ends[k:] if yy - y <= SNAP]
        k += len(group)
        xs = [x for x, _ in group]
        lo, hi = min(xs), max(xs)
        level = [i for i, t in enumerate(out) if abs(t.pos - y) <= SNAP
                 and t.a - BRIDGE <= hi and lo <= t.b + BRIDGE]
        if level:
            i = min(level, key=lambda i: min(abs(out[i].a - lo), abs(out[i].b - hi)))
            t = out[i]
            out[i] = Seg(t.pos, min(t.a, lo), max(t.b, hi))
        else:
            ruled = [x for x, r in group if r]
            if len(ruled) >= 2:  # through them, and through the others' ends within BRIDGE
                near = [x for x in xs if min(ruled) - BRIDGE <= x <= max(ruled) + BRIDGE]
                out = _reach_across(out, v, Seg(y, min(near), max(near)))
    return out


def _reach_across(h: list[Seg], v: list[Seg], s: Seg) -> list[Seg]:
    """``h`` with ``s`` drawn, on to a line at its height whose end a vertical line ends
    at, when no vertical line runs on through the gap between them: the cut cells between
    the open ends and the border a page break left whole (a level label's cell beside the
    caption's, both continuing on the next page) are closed too."""
    def through(x0: float, x1: float) -> bool:
        return any(x0 + SNAP < u.pos < x1 - SNAP and u.a < s.pos - SNAP and u.b > s.pos + SNAP
                   for u in v)

    def ends_at(x: float) -> bool:
        return any(abs(u.pos - x) <= SNAP and min(abs(u.a - s.pos), abs(u.b - s.pos)) <= SNAP
                   for u in v)

    for i, t in enumerate(h):
        if abs(t.pos - s.pos) > SNAP:
            continue
        if (t.a > s.b and ends_at(t.a) and not through(s.b, t.a)) \
                or (t.b < s.a and ends_at(t.b) and not through(t.b, s.a)):
            return [*h[:i], Seg(t.pos, min(t.a, s.a), max(t.b, s.b)), *h[i + 1:]]
    return [*h, s]


def _side(ends: list[float], at: float, lo: float, hi: float, lines: list[Seg],
          more: int = 0) -> list[Seg]:
    """A frame side at ``at`` from ``lo`` to ``hi`` where two or more lines end on it
    (``more``: sides drawn that end on it too) and no line of its own lies there."""
    if any(abs(s.pos - at) <= SNAP for s in lines):
        return []
    return [Seg(at, lo, hi)] if sum(abs(e - at) <= SNAP for e in ends) + more >= 2 else []


def frame(groups: list[tuple[list[Seg], list[Seg]]]) -> tuple[list[Seg], list[Seg]]:
    """The sides of the tables' outer frames that are hidden: (horizontal, vertical).

    Tables styled without an outer border (CSS ``border-style: hidden``, Word's "inside
    borders only") still run their inner lines out to the frame: the row lines end on
    the left and right sides, the column lines on the top and bottom. Where two or more
    lines end on a side of a table's box and no line lies along it, that side is a
    border, drawn or not. A side drawn in part is a real edge: a region it leaves open
    lies outside the table.
    """
    h: list[Seg] = []
    v: list[Seg] = []
    for hs, vs in groups:
        x0, x1 = min(s.a for s in hs), max(s.b for s in hs)
        y0, y1 = min(s.a for s in vs), max(s.b for s in vs)
        sides_v = (_side([s.a for s in hs], x0, y0, y1, vs)
                   + _side([s.b for s in hs], x1, y0, y1, vs))
        # The left and right sides just drawn end on the top and bottom: a top row
        # holding one long cell has only one column line of its own.
        h += (_side([s.a for s in vs], y0, x0, x1, hs, len(sides_v))
              + _side([s.b for s in vs], y1, x0, x1, hs, len(sides_v)))
        v += sides_v
    return h, v


def find_tables(edges: Iterable[Edge]) -> list[TableGrid]:
    """All ruled tables on a page, top to bottom."""
    h, v = split_edges(edges)
    h = long_enough(join(snap(h)))
    v = long_enough(join(snap(v)))
    groups = group_tables(h, v)
    sides_h, sides_v = frame(groups)
    h, v = h + sides_h, v + sides_v
    closed = close_cuts(h, v)
    if sides_h or sides_v or closed != h:  # grouping is half of this function's time
        groups = group_tables(closed, v)
    grids = [g for hs, vs in groups if (g := build_grid(hs, vs)) is not None]
    return sorted(grids, key=lambda g: (g.ys[0], g.xs[0]))
