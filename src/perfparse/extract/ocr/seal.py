"""Official seals (公章) stamped over a form: red ink on colour scans, rings on grey ones.

A seal is pressed over the text it certifies, so its ink crosses cell text and rulings.
On a colour scan it is told apart by its hue and lifted off before anything else looks at
the page (``without_red_ink``). On a grey scan only its shape tells it: a ring some 40 mm
across, whose top, bottom and sides are straight enough over a few dozen points to pass
for pieces of ruling (``ring_mask`` finds the ring so that rules.py can leave it out).
"""

from __future__ import annotations

import cv2
import numpy as np

# OpenCV hues run 0–179; red wraps around 0.
RED_HUES = (10, 165)  # hue ≤ the first or ≥ the second is red
MIN_SATURATION = 60  # cream paper, grey text and JPEG colour noise stay well below
# Red ink is light in value; black text printed under the seal (and its anti-aliased
# edges, reddened by the ink over them) is darker than this and stays.
MIN_VALUE = 120

SEAL_DIAMETERS_MM = (34.0, 50.0)  # round seals of units, from 财务专用章 to 公章
MIN_RING_COVER = 0.75  # share of a circle's outline that must be ink to be a seal's ring
RING_SAMPLES = 180
RING_BAND = 2.5  # points either side of the fitted circle taken as ring
HOUGH_SCALE = 1.0  # px per point for the circle search: a ring is ~3 px thick there


def without_red_ink(rgb: np.ndarray) -> np.ndarray:
    """``rgb`` (H × W × 3, RGB) with the red ink of seals and red signatures turned into
    the paper's colour; black ink, also where it lies under the seal, is kept."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    red = ((hue <= RED_HUES[0]) | (hue >= RED_HUES[1])) & (sat >= MIN_SATURATION) & (
        val >= MIN_VALUE)
    if not red.any():
        return rgb
    # The paper: the median of the light, unsaturated pixels (a cream sheet stays cream,
    # so the erased seal leaves no lighter patch for the ink threshold to outline).
    paper_px = rgb[(sat < MIN_SATURATION) & (val >= 200)]
    paper = np.median(paper_px, axis=0) if len(paper_px) else np.array([255, 255, 255])
    out = rgb.copy()
    out[red] = paper.astype(np.uint8)
    return out


def ring_mask(ink: np.ndarray, unit: float) -> np.ndarray:
    """255 on the pixels of every seal ring found in ``ink`` (an ink mask, 255 on 0;
    ``unit`` pixels per point), 0 elsewhere.

    Circles of a seal's size are proposed by a Hough transform on a small copy of the
    mask and kept only where ink runs round most of the circle: the crossings of a
    table's rulings vote for circles too, but never lie on one.
    """
    f = HOUGH_SCALE / unit
    small = cv2.resize(ink, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    r_min, r_max = (round(d / 25.4 * 72 / 2 * HOUGH_SCALE) for d in SEAL_DIAMETERS_MM)
    found = cv2.HoughCircles(cv2.GaussianBlur(small, (5, 5), 1.5), cv2.HOUGH_GRADIENT, dp=1,
                             minDist=r_min, param1=100, param2=30, minRadius=r_min,
                             maxRadius=r_max)
    mask = np.zeros_like(ink)
    if found is None:
        return mask
    band = max(1, round(RING_BAND * unit))
    grown = cv2.dilate(small, np.ones((3, 3), np.uint8))  # a ring pixel off by one counts
    for x, y, r in found[0]:
        if _cover(grown, x, y, r) >= MIN_RING_COVER:
            cv2.circle(mask, (round(x / f), round(y / f)), round(r / f), 255,
                       thickness=2 * band + 1)
    return mask


def _cover(ink: np.ndarray, x: float, y: float, r: float) -> float:
    """Share of the points round the circle (x, y, r) that lie on ink, of those on the
    page; a circle mostly off the page is no seal shown."""
    t = np.linspace(0, 2 * np.pi, RING_SAMPLES, endpoint=False)
    xs = np.rint(x + r * np.cos(t)).astype(int)
    ys = np.rint(y + r * np.sin(t)).astype(int)
    inside = (xs >= 0) & (ys >= 0) & (xs < ink.shape[1]) & (ys < ink.shape[0])
    if inside.mean() < 0.5:
        return 0.0
    return float((ink[ys[inside], xs[inside]] > 0).mean())
