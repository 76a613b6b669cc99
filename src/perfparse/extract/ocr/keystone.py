"""Undo the keystone of a page photographed at a slant.

A flatbed scan turns a page but keeps its lines parallel, which a rotation undoes
(orient.skew_angle). A camera held a little off square makes the page a trapezoid: the
table's rulings of one direction meet at a vanishing point, and no rotation puts them all
level. The vanishing points of the long level and plumb strokes (the rulings) give the
homography that makes them parallel again (the line through both points is sent back to
infinity), and an affine map then makes them level and plumb. Strokes of a direction
that lie too close together to place their point (the rows of a short table) are taken
as parallel, in their mean direction.
"""

from __future__ import annotations

import cv2
import numpy as np

from perfparse.extract.ocr.seal import RING_BAND, seals

MIN_SEGMENT = 20.0  # points: shorter strokes are characters' (a row is ~20 pt high)
NEAR_AXIS = 20.0  # degrees from level or plumb for a stroke to count as a ruling's
MIN_SEGMENTS = 6  # per direction, to place its vanishing point
MIN_SPREAD = 1 / 3  # of the page across them, that a direction's strokes must cover
# ...to tell only the direction of the other's: across less (a table's header row), the
# other's strokes are too short to tell it better than the half degree a flatbed's scan
# leaves between them.
MIN_SHEAR_SPREAD = 0.1
SPREAD_TAIL = 0.1  # of the strokes' length at either end left out of their spread
OUTLIER = 1.0  # degrees a stroke may lie off its direction's pencil before the refit
# Points the warp must move a corner of the ruled area by, beyond what a turn and a
# scaling do, for the page to be warped: a flatbed scan's fit stays under 3 (a seal
# beside the rulings), a phone's keystone moves them 15–90.
MIN_KEYSTONE = 4.0
MAX_SHIFT = 0.1  # of the page's long side: a larger warp is a misfit, not a photo


def keystone(ink: np.ndarray, unit: float) -> np.ndarray | None:
    """The 3 × 3 homography (pixels of ``ink``, an ink mask at ``unit`` pixels per point,
    to pixels of a page of the same size) that makes the page's rulings level and plumb,
    or None when they are already parallel or too few to tell."""
    # Rulings are found as well at half the size, in a quarter of the time.
    half = cv2.resize(ink, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    segments = cv2.createLineSegmentDetector().detect(half)[0]
    if segments is None:
        return None
    seg = segments.reshape(-1, 4).astype(np.float64) * 2
    seg = seg[np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1]) >= MIN_SEGMENT * unit]
    m = _fit(seg, ink.shape, unit)
    if m is not None and (stamps := seals(ink, unit)):
        # A grey seal's ring is a fan of short straight pieces; they are no rulings.
        mid = (seg[:, :2] + seg[:, 2:]) / 2
        off = np.zeros(len(seg), bool)
        for st in stamps:
            off |= np.hypot(mid[:, 0] - st.x, mid[:, 1] - st.y) <= st.outer + RING_BAND * unit
        m = _fit(seg[~off], ink.shape, unit)
    return m


def _fit(seg: np.ndarray, shape: tuple[int, ...], unit: float) -> np.ndarray | None:
    """The homography of :func:`keystone` from the strokes ``seg`` (x0, y0, x1, y1)."""
    h, w = shape
    length = np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1])
    angle = np.degrees(np.arctan2(seg[:, 3] - seg[:, 1], seg[:, 2] - seg[:, 0])) % 180
    scale = max(h, w)
    # Centred and scaled coordinates keep the least-squares fit well conditioned.
    norm = np.array([[1 / scale, 0, -w / 2 / scale], [0, 1 / scale, -h / 2 / scale],
                     [0, 0, 1]])
    pencils = ((np.minimum(angle, 180 - angle) <= NEAR_AXIS, 1, h),
               (np.abs(angle - 90) <= NEAR_AXIS, 0, w))
    if any(near.sum() < MIN_SEGMENTS for near, _, _ in pencils):
        return None
    # Level strokes tell their pencil's convergence only from rows far apart, plumb ones
    # from columns far apart (a page holding one header row tells nothing). Strokes that
    # cannot tell it still tell their direction: a short table at the top of a photo has
    # its rows level once the page is turned, and its columns leaning, which a shear
    # undoes. The other pencil's convergence is then left alone too: over a short table
    # it is as often a flatbed scan's noise as a camera's slant.
    spread = [_spread((seg[near, across] + seg[near, across + 2]) / 2, length[near]) / size
              for near, across, size in pencils]
    if min(spread) >= MIN_SPREAD:
        vh, vv = (_vanishing_point(seg[near], length[near], norm) for near, _, _ in pencils)
    elif min(spread) >= MIN_SHEAR_SPREAD:
        vh, vv = (_direction(seg[near], length[near], across) for near, across, _ in pencils)
    else:
        return None
    horizon = np.cross(vh, vv)
    if abs(horizon[2]) < 1e-12:
        return None
    project = np.array([[1, 0, 0], [0, 1, 0], horizon / horizon[2]])
    # Past the projective step each pencil is parallel; its direction is its point's x, y.
    dh, dv = vh[:2] * np.sign(vh[0] or 1), vv[:2] * np.sign(vv[1] or 1)
    axes = np.column_stack([dh / np.linalg.norm(dh), dv / np.linalg.norm(dv)])
    level = np.eye(3)
    level[:2, :2] = np.linalg.inv(axes)
    m = np.linalg.inv(norm) @ level @ project @ norm
    # Judged where the rulings are: a small table says little about the page's corners.
    x0, y0 = seg[:, [0, 2]].min(), seg[:, [1, 3]].min()
    x1, y1 = seg[:, [0, 2]].max(), seg[:, [1, 3]].max()
    ruled = np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float64)
    if _beyond_similarity(m, ruled) < MIN_KEYSTONE * unit:
        return None
    return _placed(m, w, h)


def _spread(values: np.ndarray, weights: np.ndarray) -> float:
    """The range of the middle 80 % of ``values`` by weight: a footer's or a caption's
    few strokes do not spread a page's one header row over it."""
    order = np.argsort(values)
    cum = np.cumsum(weights[order]) / weights.sum()
    lo, hi = np.searchsorted(cum, [SPREAD_TAIL, 1 - SPREAD_TAIL])
    return float(values[order][min(hi, len(values) - 1)] - values[order][lo])


def _direction(seg: np.ndarray, length: np.ndarray, across: int) -> np.ndarray:
    """The point at infinity (homogeneous, unit length) in the strokes' mean direction,
    weighted by length; ``across`` 1 for level strokes, 0 for plumb ones."""
    along = seg[:, 2:] - seg[:, :2]
    along *= np.where(along[:, 1 - across] < 0, -1.0, 1.0)[:, None]  # one way round
    mean = (along / np.hypot(*along.T)[:, None] * length[:, None]).sum(0)
    return np.array([*mean / np.linalg.norm(mean), 0.0])


def _vanishing_point(seg: np.ndarray, length: np.ndarray, norm: np.ndarray) -> np.ndarray:
    """The point (homogeneous, unit length; at infinity for parallel strokes) that the
    strokes' lines pass nearest, weighted by length, refit without the strokes that lie
    off it."""
    ones = np.ones((len(seg), 1))
    p = np.hstack([seg[:, :2], ones]) @ norm.T
    q = np.hstack([seg[:, 2:], ones]) @ norm.T
    lines = np.cross(p, q)
    lines /= np.hypot(lines[:, 0], lines[:, 1])[:, None]
    mid, along = (p + q) / 2, q[:, :2] - p[:, :2]
    keep = np.ones(len(seg), bool)
    for _ in range(2):
        weighted = lines[keep] * np.sqrt(length[keep])[:, None]
        point = np.linalg.svd(weighted, full_matrices=False)[2][-1]
        # A stroke's angle off the line from its middle to the point.
        to = point[:2][None, :] - mid[:, :2] * point[2]
        cos = np.abs((to * along).sum(1)) / (np.hypot(*to.T) * np.hypot(*along.T) + 1e-12)
        keep = np.degrees(np.arccos(np.clip(cos, 0, 1))) <= OUTLIER
        if keep.sum() < MIN_SEGMENTS:
            break
    return point / np.linalg.norm(point)


def _beyond_similarity(m: np.ndarray, corners: np.ndarray) -> float:
    """How far (pixels) ``m`` moves one of ``corners`` past the nearest turn, scaling and
    shift."""
    warped = cv2.perspectiveTransform(corners[None], m)[0]
    fit, _ = cv2.estimateAffinePartial2D(corners, warped)
    if fit is None:
        return 0.0
    return float(np.hypot(*(corners @ fit[:, :2].T + fit[:, 2] - warped).T).max())


def _placed(m: np.ndarray, w: int, h: int) -> np.ndarray | None:
    """``m`` followed by the scaling and shift that put the page's corners back where
    they were, as near as they can (no turn: that would tilt the rulings again); None if
    a corner moves past MAX_SHIFT (a fit thrown off by strokes that are no rulings)."""
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64)
    warped = cv2.perspectiveTransform(corners[None], m)[0]
    wc, cc = warped - warped.mean(0), corners - corners.mean(0)
    scale = (wc * cc).sum() / (wc * wc).sum()
    shift = corners.mean(0) - scale * warped.mean(0)
    full = np.array([[scale, 0, shift[0]], [0, scale, shift[1]], [0, 0, 1]]) @ m
    moved = np.hypot(*(cv2.perspectiveTransform(corners[None], full)[0] - corners).T).max()
    return None if moved > MAX_SHIFT * max(w, h) else full


def straightened(gray: np.ndarray, m: np.ndarray, scale: float) -> np.ndarray:
    """``gray`` warped by ``m``, a homography found on a copy ``scale`` times its size."""
    s = np.diag([scale, scale, 1.0])
    full = s @ m @ np.linalg.inv(s)
    h, w = gray.shape[:2]
    return cv2.warpPerspective(gray, full, (w, h), flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)

