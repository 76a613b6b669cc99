"""Official seals (公章) stamped over a form: red ink on colour scans, rings on grey ones.

A seal is pressed over the text it certifies, so its ink crosses cell text and rulings.
On a colour scan it is told apart by its hue and lifted off before anything else looks at
the page (``without_red_ink``). On a grey scan only its shape tells it: a ring some 40 mm
across, whose top, bottom and sides are straight enough over a few dozen points to pass
for pieces of ruling, round a solid star whose edges are as straight (``seal_mask`` finds
both so that rules.py can leave them out).
"""

from __future__ import annotations

import math
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
RING_SEARCH = 8  # points searched beyond the seal sizes for a ring's band and its flanks
# (step, reach) in points of the searches round a proposed centre, coarse then fine: on a
# small copy crossed by rulings and text the Hough centre is often a few points off (up to
# 13 seen), which smears a ring's band over several radii until its contrast is lost.
CENTRE_SEARCH = ((3, 15), (1, 2))
RING_FLANK = 3  # points from the band to the circles it is compared with
RING_SAMPLES = 180
RING_BAND = 1.5  # points grown either side of the ring's band (blur, JPEG)
STAR = 0.45  # the central star's reach, as a share of the ring's radius (a 公章's is ~0.35)
HOUGH_SCALE = 1.0  # px per point for the circle search: a ring is ~3 px thick there
# Strokes thinner than this (points) are no part of a ring: a seal's band is 1–1.5 mm
# (3–4 pt), a character's stroke or a hairline under 1 pt. Left in, the text and rulings
# of a dense table cover most of every circle on the small copy, and a circle through the
# seal's lettering can pass for its ring.
RING_MIN_WIDTH = 1.5


def without_red_ink(rgb: np.ndarray) -> np.ndarray:
    """``rgb`` (H × W × 3, RGB) with the red ink of seals and red signatures turned into
    the paper's colour; black ink, also where it lies under the seal, is kept."""
    # Every fourth pixel each way finds red ink anywhere it lies (a seal's ring is
    # thicker, a pen's stroke longer), in a sixteenth of the time a grey page would cost.
    if not _red(cv2.cvtColor(np.ascontiguousarray(rgb[::4, ::4]), cv2.COLOR_RGB2HSV)).any():
        return rgb
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV)
    sat = hsv[..., 1]
    red = _red(hsv)
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


def _red(hsv: np.ndarray) -> np.ndarray:
    hue, sat = hsv[..., 0], hsv[..., 1]
    return ((hue <= RED_HUES[0]) | (hue >= RED_HUES[1])) & (sat >= MIN_SATURATION)


class Seal(NamedTuple):
    """A round seal found on a page: centre and the ring's radii, in pixels."""

    x: float
    y: float
    inner: float
    outer: float

    def holds(self, x: float, y: float, margin: float = 0.0) -> bool:
        """Whether (x, y) lies within the seal's ring, or ``margin`` pixels beyond it."""
        return math.hypot(x - self.x, y - self.y) <= self.outer + margin

    def lettering(self, x: float, y: float) -> bool:
        """Whether (x, y) lies where a seal's own characters run: between its star and
        its ring."""
        r = math.hypot(x - self.x, y - self.y)
        return STAR * self.outer < r < self.inner


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


def discs(shape: tuple[int, ...], stamps: list[Seal]) -> np.ndarray:
    """255 within the ring of every seal of ``stamps`` on a page of ``shape``, 0 elsewhere."""
    mask = np.zeros(shape[:2], np.uint8)
    for seal in stamps:
        cv2.circle(mask, (round(seal.x), round(seal.y)), round(seal.outer), 255, thickness=-1)
    return mask


def seals(ink: np.ndarray, unit: float) -> list[Seal]:
    """Every round seal in ``ink`` (an ink mask, 255 on 0; ``unit`` pixels per point).

    Circles of a seal's size are proposed by a Hough transform on a small copy of the
    mask and kept only where a band of ink runs round all of the circle with less ink
    just inside and outside it: the crossings of a table's rulings and blocks of dense
    text vote for circles too, but hold no such band. The band is looked for round
    centres near the proposed one, at every radius of a seal.
    """
    k = max(2, round(RING_MIN_WIDTH * unit))
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                           cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    f = HOUGH_SCALE / unit
    small = cv2.resize(ink, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    r_min, r_max = (round(d / 25.4 * 72 / 2 * HOUGH_SCALE) for d in SEAL_DIAMETERS_MM)
    found = cv2.HoughCircles(cv2.GaussianBlur(small, (5, 5), 1.5), cv2.HOUGH_GRADIENT, dp=1,
                             minDist=r_min, param1=100, param2=30, minRadius=r_min,
                             maxRadius=r_max)
    if found is None:
        return []
    grown = cv2.dilate(small, np.ones((3, 3), np.uint8))  # a ring pixel off by one counts
    radii = np.arange(r_min - RING_SEARCH * HOUGH_SCALE, r_max + (RING_SEARCH + 1) * HOUGH_SCALE,
                      HOUGH_SCALE)
    out = []
    for x, y, _ in found[0]:
        ring = _centred(grown, float(x), float(y), radii)
        if ring is not None and ring[0] >= 0:
            _, cx, cy, inner, outer = ring
            out.append(Seal(cx / f, cy / f, inner / f, outer / f))
    return out


def _centred(ink: np.ndarray, x: float, y: float,
             radii: np.ndarray) -> tuple[float, float, float, float, float] | None:
    """The ring round a centre near (x, y) whose contrast passes by the widest margin (or
    fails by the least), searched coarse to fine, or None."""
    best = None
    for step, reach in CENTRE_SEARCH:
        cx, cy = (x, y) if best is None else best[1:3]
        shifts = np.arange(-reach, reach + 1, step) * HOUGH_SCALE
        rings = [ring for dx in shifts for dy in shifts
                 if (ring := _ring(ink, cx + dx, cy + dy, radii)) is not None]
        best = max(rings + ([best] if best else []), default=None)
    return best


def _ring(ink: np.ndarray, x: float, y: float,
          radii: np.ndarray) -> tuple[float, float, float, float, float] | None:
    """The band of ink round (x, y) at the radius of ``radii`` (pixels of ``ink`` at
    HOUGH_SCALE, a point apart) that ink covers most, as (margin by which its contrast with
    the circles beside it passes, negative if it fails; x, y, inner radius, outer radius),
    or None if no circle is covered enough to be a ring."""
    covers = _covers(ink, x, y, radii)
    peak = int(np.argmax(covers))
    if covers[peak] < MIN_RING_COVER:
        return None
    below = np.nonzero(covers < MIN_RING_COVER)[0]
    lo = int(below[below < peak].max(initial=-1)) + 1
    hi = int(below[below > peak].min(initial=len(radii))) - 1
    flank = max(covers[max(0, lo - RING_FLANK)], covers[min(len(radii) - 1, hi + RING_FLANK)])
    band = covers[lo:hi + 1].mean()
    margin = band - flank - (MIN_FULL_RING_CONTRAST if band >= FULL_RING else MIN_RING_CONTRAST)
    return float(margin), x, y, float(radii[lo]), float(radii[hi])


def _covers(ink: np.ndarray, x: float, y: float, radii: np.ndarray) -> np.ndarray:
    """Share of the points round each circle (x, y, r in ``radii``) that lie on ink, of
    those on the page; a circle mostly off the page is no seal shown."""
    t = np.linspace(0, 2 * np.pi, RING_SAMPLES, endpoint=False)
    xs = np.rint(x + radii[:, None] * np.cos(t)).astype(int)
    ys = np.rint(y + radii[:, None] * np.sin(t)).astype(int)
    inside = (xs >= 0) & (ys >= 0) & (xs < ink.shape[1]) & (ys < ink.shape[0])
    on = np.zeros(inside.shape, bool)
    on[inside] = ink[ys[inside], xs[inside]] > 0
    shown = inside.sum(axis=1)
    return np.where(shown >= 0.5 * RING_SAMPLES, on.sum(axis=1) / np.maximum(shown, 1), 0.0)
