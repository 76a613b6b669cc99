"""Ruling lines of an upright page image → table grids with merged cells.

Morphological opening keeps only straight runs of ink longer than any stroke of a
character, in each direction; the runs become ruling segments in points, and the same
grid builder as the born-digital path (extract.geometry) turns them into cells with
rowspan/colspan, so both paths share one notion of a table. Two kinds of straight run
are no rulings: those on a seal's ring or star (extract.ocr.seal), and short ones meeting
no run across them (strokes of characters stacked in a vertical caption).
"""

from __future__ import annotations

import cv2
import numpy as np

from perfparse.extract.geometry import SNAP, Edge, TableGrid, find_tables
from perfparse.extract.ocr.orient import ink_mask
from perfparse.extract.ocr.seal import seal_mask

# In points. Body text is 9–12 pt, so no stroke of a character is as long as these, while
# a cell is at least 18 pt high and wider than that.
H_RUN = 20.0
V_RUN = 12.0
ERASE = 1  # px grown around a ruling when erasing it (anti-aliased and blurred edges)
# A run shorter than this that meets no run across it is a stroke of glyphs, not a ruling:
# characters stacked in a vertical caption join into runs of 15–20 pt.
STRAY = 24.0


def rulings(gray: np.ndarray, unit: float) -> tuple[list[TableGrid], np.ndarray]:
    """The page's tables (coordinates in points) and a mask of their ruling pixels.

    ``unit`` is pixels per point. Runs outside the tables stay out of the mask: they are
    strokes of large characters (a title's 目 or 申), not rulings.
    """
    ink = ink_mask(gray)
    seal = seal_mask(ink, unit)
    h = _runs(ink, (max(3, round(H_RUN * unit)), 1))
    v = _runs(ink, (1, max(3, round(V_RUN * unit))))
    grids = find_tables(_connected(_segments(h, "h", unit, seal), _segments(v, "v", unit, seal)))
    runs = cv2.dilate(h | v, np.ones((2 * ERASE + 1, 2 * ERASE + 1), np.uint8))
    lines = np.zeros_like(runs)
    for g in grids:
        m = 2 * ERASE + 1  # the outer rulings' own width
        x0, y0 = (max(0, round(c * unit) - m) for c in g.bbox[:2])
        x1, y1 = (round(c * unit) + m for c in g.bbox[2:])
        lines[y0:y1, x0:x1] = runs[y0:y1, x0:x1]
    return grids, lines


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


def _runs(ink: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, size))


def _segments(mask: np.ndarray, orientation: str, unit: float, seal: np.ndarray) -> list[Edge]:
    """One segment per connected run, through the run's middle. A seal's ring and star
    (``seal``, 255 on 0) are no rulings: runs lying mostly on them are dropped, and a
    ruling the seal crosses is measured on its own pixels, not pulled towards the arc or
    star it touches."""
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
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
