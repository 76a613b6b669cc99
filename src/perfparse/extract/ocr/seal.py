"""Official seals (公章) stamped over a form: red ink on colour scans, rings on grey ones.

A seal is pressed over the text it certifies, so its ink crosses cell text and rulings.
On a colour scan it is told apart by its hue and lifted off before anything else looks at
the page (``without_red_ink``). On a grey scan only its shape tells it: a ring some 40 mm
across, whose top, bottom and sides are straight enough over a few dozen points to pass
for pieces of ruling, round a solid star whose edges are as straight (``seal_mask`` finds
both so that rules.py can leave them out).
"""

from __future__ import annotations

from typing import NamedTuple

import cv2
import numpy as np

# OpenCV hues run 0–179; red wraps around 0.
RED_HUES = (10, 165)  # hue ≤ the first or ≥ the second is red
MIN_SATURATION = 45  # cream paper, grey text and JPEG colour noise stay below
# Red ink hardly darkens the red channel, black ink does: a red pixel whose red channel is
# below this share of the paper's has black ink (text, a ruling) under the seal.
BLACK_UNDER = 0.75

SEAL_DIAMETERS_MM = (34.0, 50.0)  # round seals of units, from 财务专用章 to 公章
MIN_RING_COVER = 0.9  # share of a circle's outline that must be ink to be a seal's ring
# ...and circles a little inside and outside the ring must have this much less: in a
# block of dense text every circle is mostly ink.
MIN_RING_CONTRAST = 0.2
# A band of ink closed all the way round (a ring drawn whole) needs less: a seal stamped
# over a dense table has text and rulings just inside and outside its ring too.
FULL_RING, MIN_FULL_RING_CONTRAST = 0.97, 0.08
RING_SEARCH = 8  # points searched either side of the Hough radius for the ring's band
RING_FLANK = 3  # points from the band to the circles it is compared with
RING_SAMPLES = 180
RING_BAND = 1.5  # points grown either side of the ring's band (blur, JPEG)
STAR = 0.45  # the central star's reach, as a share of the ring's radius (a 公章's is ~0.35)
HOUGH_SCALE = 1.0  # px per point for the circle search: a ring is ~3 px thick there


def without_red_ink(rgb: np.ndarray) -> np.ndarray:
    """``rgb`` (H × W × 3, RGB) with the red ink of seals and red signatures turned into
    the paper's colour; black ink, also where it lies under the seal, is kept."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    hue, sat = hsv[..., 0], hsv[..., 1]
    red = ((hue <= RED_HUES[0]) | (hue >= RED_HUES[1])) & (sat >= MIN_SATURATION)
    if not red.any():
        return rgb
    # The paper: the median of the light, unsaturated pixels (a cream sheet stays cream,
    # so the lifted seal leaves no lighter patch for the ink threshold to outline).
    paper_px = rgb[(sat < MIN_SATURATION) & (hsv[..., 2] >= 200)]
    paper = np.median(paper_px, axis=0) if len(paper_px) else np.full(3, 255.0)
    r = rgb[..., 0]
    black = red & (r < BLACK_UNDER * paper[0])
    out = rgb.copy()
    out[red & ~black] = paper.astype(np.uint8)
    # Black under red: the red channel, which the seal's ink leaves alone, is how dark
    # the black ink is (thin rulings and anti-aliased strokes stay whole).
    out[black] = r[black, None]
    return out


class Seal(NamedTuple):
    """A round seal found on a page: centre and the ring's radii, in pixels."""

    x: float
    y: float
    inner: float
    outer: float


def seal_mask(ink: np.ndarray, unit: float, stamps: list[Seal] | None = None) -> np.ndarray:
    """255 on the ring and central star of every round seal found in ``ink`` (an ink mask,
    255 on 0; ``unit`` pixels per point), or of ``stamps`` if given, 0 elsewhere."""
    mask = np.zeros_like(ink)
    pad = RING_BAND * unit
    for seal in seals(ink, unit) if stamps is None else stamps:
        centre = (round(seal.x), round(seal.y))
        cv2.circle(mask, centre, round((seal.inner + seal.outer) / 2), 255,
                   thickness=round(seal.outer - seal.inner + 2 * pad))
        cv2.circle(mask, centre, round(STAR * seal.outer), 255, thickness=-1)
    return mask


def seals(ink: np.ndarray, unit: float) -> list[Seal]:
    """Every round seal in ``ink`` (an ink mask, 255 on 0; ``unit`` pixels per point).

    Circles of a seal's size are proposed by a Hough transform on a small copy of the
    mask and kept only where a band of ink runs round all of the circle with less ink
    just inside and outside it: the crossings of a table's rulings and blocks of dense
    text vote for circles too, but hold no such band.
    """
    f = HOUGH_SCALE / unit
    small = cv2.resize(ink, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    r_min, r_max = (round(d / 25.4 * 72 / 2 * HOUGH_SCALE) for d in SEAL_DIAMETERS_MM)
    found = cv2.HoughCircles(cv2.GaussianBlur(small, (5, 5), 1.5), cv2.HOUGH_GRADIENT, dp=1,
                             minDist=r_min, param1=100, param2=30, minRadius=r_min,
                             maxRadius=r_max)
    if found is None:
        return []
    grown = cv2.dilate(small, np.ones((3, 3), np.uint8))  # a ring pixel off by one counts
    return [Seal(x / f, y / f, ring[0] / f, ring[1] / f) for x, y, r in found[0]
            if (ring := _ring(grown, x, y, r)) is not None]


def _ring(ink: np.ndarray, x: float, y: float, r: float) -> tuple[float, float] | None:
    """Inner and outer radius of the ring of ink round (x, y) near radius ``r`` (pixels of
    ``ink`` at HOUGH_SCALE), or None if there is no ring there."""
    step = HOUGH_SCALE  # a point
    radii = r + np.arange(-RING_SEARCH, RING_SEARCH + 1) * step
    covers = np.array([_cover(ink, x, y, rr) for rr in radii])
    on = np.nonzero(covers >= MIN_RING_COVER)[0]
    if not len(on):
        return None
    lo, hi = int(on[0]), int(on[-1])
    flank = max(covers[max(0, lo - RING_FLANK)], covers[min(len(radii) - 1, hi + RING_FLANK)])
    band = covers[lo:hi + 1].mean()
    if band - flank < (MIN_FULL_RING_CONTRAST if band >= FULL_RING else MIN_RING_CONTRAST):
        return None
    return float(radii[lo]), float(radii[hi])


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
