"""Ruling lines of an upright page image → table grids with merged cells.

Morphological opening keeps only straight runs of ink longer than any stroke of a
character, in each direction; the runs become ruling segments in points, and the same
grid builder as the born-digital path (extract.geometry) turns them into cells with
rowspan/colspan, so both paths share one notion of a table. A hairline scanned at 150 dpi
is a pixel or two wide, wanders between pixel rows and breaks every few points, so a
straight run long enough to be a ruling is carried on across such breaks (never started
by them: a row of characters whose strokes line up stays text). Two kinds of straight run
are no rulings: those on a seal's ring or star (extract.ocr.seal), those wholly inside a
seal in line with no run outside it (its characters' strokes), and short ones meeting
no run across them (strokes of characters stacked in a vertical caption).
"""

from __future__ import annotations

import cv2
import numpy as np

from perfparse.extract.geometry import SNAP, Edge, Seg, TableGrid, crosses, find_tables, snap
from perfparse.extract.ocr.ink import components
from perfparse.extract.ocr.seal import Seal, seal_mask, seals

# In points. Body text is 9–12 pt, so no stroke of a character is as long as these, while
# a cell is at least 18 pt high and wider than that.
H_RUN = 20.0
V_RUN = 12.0
ERASE = 1  # px grown around a ruling when erasing it (anti-aliased and blurred edges)
# A run shorter than this that meets no run across it is a stroke of glyphs, not a ruling:
# characters stacked in a vertical caption join into runs of 15–20 pt.
STRAY = 24.0
# A break in a ruling up to this long is bridged. Measured on LibreOffice's fit-to-width
# prints scanned at 150 dpi (hairlines breaking every few points): 2 pt already bridges
# the gaps between the characters of a merged cell's text centred on a row border.
BREAK = 1.5
# A ruling broken over up to this long, with no ruling across it in the break, is one line:
# a ruled table's lines end only on a line across them. A seal lifted off a colour scan
# leaves such breaks where its ring (about 10 pt) or star (about 30 pt) lay over a hairline;
# left open, the two rows on either side read as one merged cell.
MEND = 40.0


def rulings(ink: np.ndarray, unit: float, stamps: list[Seal] | None = None,
            faint: np.ndarray | None = None) -> tuple[list[TableGrid], np.ndarray]:
    """The page's tables (coordinates in points) and a mask of their ruling pixels.

    ``ink`` is the page's ink mask (ink.ink_mask), ``unit`` pixels per point;
    ``stamps`` are the page's seals, looked for if not given; ``faint`` is ``ink`` with
    faint marks (ink.faint_ink), over which a ruling is carried on but never started.
    Runs outside the tables stay out of the mask: they are strokes of large characters (a
    title's 目 or 申), not rulings.
    """
    stamps = seals(ink, unit) if stamps is None else stamps
    seal = seal_mask(ink, unit, stamps)
    bridge = max(2, round(BREAK * unit))
    h_len, v_len = max(3, round(H_RUN * unit)), max(3, round(V_RUN * unit))
    h_seeds, v_seeds = _open(ink, (h_len, 1)), _open(ink, (1, v_len))
    over = ink if faint is None else faint
    h = _carried(over, h_seeds, v_seeds, h_len, bridge)
    v = cv2.transpose(_carried(cv2.transpose(over), cv2.transpose(v_seeds),
                               cv2.transpose(h_seeds), v_len, bridge))
    h_segs = _beyond_seals(_segments(h, "h", unit, seal), stamps, unit)
    v_segs = _beyond_seals(_segments(v, "v", unit, seal), stamps, unit)
    grids = find_tables(_connected(_mended(h_segs, v_segs, stamps, unit),
                                   _mended(v_segs, h_segs, stamps, unit)))
    runs = cv2.dilate(h | v, np.ones((2 * ERASE + 1, 2 * ERASE + 1), np.uint8))
    lines = np.zeros_like(runs)
    for g in grids:
        m = 2 * ERASE + 1  # the outer rulings' own width
        x0, y0 = (max(0, round(c * unit) - m) for c in g.bbox[:2])
        x1, y1 = (round(c * unit) + m for c in g.bbox[2:])
        lines[y0:y1, x0:x1] = runs[y0:y1, x0:x1]
    return grids, lines


def _beyond_seals(edges: list[Edge], stamps: list[Seal], unit: float) -> list[Edge]:
    """Without runs lying wholly inside a seal that no run outside it lines up with: on a
    grey scan a seal's own characters hold strokes as long and straight as a short
    ruling, while a ruling under a seal carries on, in line, beyond it."""
    if not stamps:
        return edges

    def inside(e: Edge) -> bool:
        _, x0, top, x1, bottom = e
        return _in_one_seal(((x0, top), (x1, bottom)), stamps, unit)

    outside = [_seg(e) for e in edges if not inside(e)]
    return [e for e in edges if not inside(e)
            or any(abs(o.pos - _seg(e).pos) <= SNAP for o in outside)]


def _in_one_seal(points: tuple[tuple[float, float], ...], stamps: list[Seal],
                 unit: float) -> bool:
    """Whether all ``points`` (in points; ``unit`` pixels per point) lie within one seal of
    ``stamps`` (pixels)."""
    return any(all(st.holds(x * unit, y * unit) for x, y in points) for st in stamps)


def _connected(h: list[Edge], v: list[Edge]) -> list[Edge]:
    """The segments without short strays: every ruling of a table meets one across it."""
    if not h or not v:
        return h + v
    hs, vs = np.array([e[1:] for e in h]), np.array([e[1:] for e in v])  # x0, y0, x1, y1
    # h (x0, y, x1) meets v (x, y0, y1) if each passes the other, within SNAP.
    meet = ((hs[:, None, 0] - SNAP <= vs[None, :, 0]) & (vs[None, :, 0] <= hs[:, None, 2] + SNAP)
            & (vs[None, :, 1] - SNAP <= hs[:, None, 1]) & (hs[:, None, 1] <= vs[None, :, 3] + SNAP))
    long_h = hs[:, 2] - hs[:, 0] >= STRAY
    long_v = vs[:, 3] - vs[:, 1] >= STRAY
    return ([e for e, k in zip(h, long_h | meet.any(axis=1), strict=True) if k]
            + [e for e, k in zip(v, long_v | meet.any(axis=0), strict=True) if k])


def _mended(edges: list[Edge], across: list[Edge], stamps: list[Seal],
            unit: float) -> list[Edge]:
    """``edges`` (all of one orientation) mended where ink was lost: breaks with no edge of
    ``across`` passing through them are closed if they are up to MEND long or lie within a
    seal of ``stamps`` (pixels; ``unit`` pixels per point), whose star and ring are no
    rulings, and a ruling ending on a line across it at one end only, and crossing another
    on its way, is carried on to the next such line, up to MEND away. A run meeting at most
    one line across it lies within one cell: a dash, or strokes of text struck twice, not a
    ruling."""
    if not edges:
        return edges
    kind = edges[0][0]
    others = [_seg(e) for e in across]

    def sealed(pos: float, a: float, b: float) -> bool:
        ends = ((a, pos), (b, pos)) if kind == "h" else ((pos, a), (pos, b))
        return _in_one_seal(ends, stamps, unit)

    out: list[Seg] = []
    for s in sorted(snap([_seg(e) for e in edges])):
        last = out[-1] if out else None
        if (last is not None and last.pos == s.pos and s.a > last.b
                and (s.a - last.b <= MEND or sealed(s.pos, last.b, s.a))
                and not any(crosses(Seg(s.pos, last.b, s.a), o) for o in others)):
            out[-1] = Seg(s.pos, last.a, max(last.b, s.b))
        else:
            out.append(s)
    out = [_to_next_line(s, others) for s in out]
    if kind == "h":
        return [("h", s.a, s.pos, s.b, s.pos) for s in out]
    return [("v", s.pos, s.a, s.pos, s.b) for s in out]


def _to_next_line(s: Seg, others: list[Seg]) -> Seg:
    spanning = [o.pos for o in others if o.a - SNAP <= s.pos <= o.b + SNAP]
    at_a = any(abs(p - s.a) <= SNAP for p in spanning)
    at_b = any(abs(p - s.b) <= SNAP for p in spanning)
    if at_a == at_b or sum(s.a - SNAP <= p <= s.b + SNAP for p in spanning) < 2:
        return s
    if at_a:
        ahead = [p for p in spanning if s.b < p <= s.b + MEND]
        return Seg(s.pos, s.a, min(ahead)) if ahead else s
    behind = [p for p in spanning if s.a - MEND <= p < s.a]
    return Seg(s.pos, max(behind), s.b) if behind else s


def _seg(e: Edge) -> Seg:
    kind, x0, top, x1, bottom = e
    return Seg(top, x0, x1) if kind == "h" else Seg(x0, top, bottom)


def _carried(ink: np.ndarray, seeds: np.ndarray, across: np.ndarray, length: int,
             bridge: int) -> np.ndarray:
    """Horizontal ``seeds`` (straight runs of ``ink`` ``length`` px long) carried on
    across breaks of up to ``bridge`` px: a broken hairline is one run, as printed. The
    ink is widened by a pixel up and down first, as such a line wanders between pixel
    rows. Past its seeds' ends a run is carried on only as far as a run ``across`` it (a
    table's border): beyond, ink near a ruling's end is text (a caption set flush with
    the table's edge). Vertical runs: the same on the transposed masks."""
    wide = cv2.dilate(ink, np.ones((3, 1), np.uint8))
    bridged = _open(cv2.morphologyEx(wide, cv2.MORPH_CLOSE, np.ones((1, bridge), np.uint8)),
                    (length, 1))
    n, labels, stats, _ = components(bridged)
    out = seeds.copy()
    for k in range(1, n):
        x, y, w, h, _ = stats[k].tolist()
        comp = labels[y:y + h, x:x + w] == k
        cols = np.flatnonzero((comp & (seeds[y:y + h, x:x + w] > 0)).any(axis=0))
        if not cols.size:
            continue  # no seed: a row of characters whose strokes line up
        # Runs across within a bridge of the run's ends: a border it stops just short of.
        x0 = max(0, x - bridge)
        crossed = np.flatnonzero(across[y:y + h, x0:x + w + bridge].any(axis=0)) + x0 - x
        lo = max(0, min(cols[0], crossed[0])) if crossed.size else cols[0]
        hi = min(w - 1, max(cols[-1], crossed[-1])) if crossed.size else cols[-1]
        out[y:y + h, x + lo:x + hi + 1] |= np.where(comp[:, lo:hi + 1], np.uint8(255),
                                                    np.uint8(0))
    return out


def _open(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN,
                            cv2.getStructuringElement(cv2.MORPH_RECT, size))


def _segments(mask: np.ndarray, orientation: str, unit: float, seal: np.ndarray) -> list[Edge]:
    """One segment per connected run, through the run's middle. A seal's ring and star
    (``seal``, 255 on 0) are no rulings: runs lying mostly on them are dropped, and a
    ruling the seal crosses is measured on its own pixels, not pulled towards the arc or
    star it touches."""
    n, labels, stats, centroids = components(mask)
    touched = set(np.unique(labels[seal > 0]).tolist()) - {0} if seal.any() else set()
    out: list[Edge] = []
    for k, ((x, y, w, h, area), (cx, cy)) in enumerate(
            zip(stats[1:n].tolist(), centroids[1:n].tolist(), strict=True), start=1):
        if k in touched:
            ys, xs = np.nonzero((labels[y:y + h, x:x + w] == k) & (seal[y:y + h, x:x + w] == 0))
            if 2 * len(xs) < area:
                continue
            xs, ys = xs + x, ys + y
            x, w, cx = int(xs.min()), int(np.ptp(xs)) + 1, float(xs.mean())
            y, h, cy = int(ys.min()), int(np.ptp(ys)) + 1, float(ys.mean())
        if orientation == "h":
            out.append(("h", x / unit, cy / unit, (x + w) / unit, cy / unit))
        else:
            out.append(("v", cx / unit, y / unit, cx / unit, (y + h) / unit))
    return out
