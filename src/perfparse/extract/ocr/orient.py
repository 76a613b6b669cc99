"""Turn a page image upright: the small skew of a scan, a photo's keystone (keystone),
then quarter and half turns.

Everything is measured on a low-resolution ink mask (about 1.5 px per point), so it costs
a few hundredths of the OCR itself. The skew comes from the rows of ink (rulings and text
lines), quarter turns from the shape of text lines (wide when upright, tall when turned),
and half turns from the OCR engine's orientation classifier on a few text-line crops
(its recogniser's surety, read both ways round, where the classifier is split).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from perfparse.extract.ocr.engine import upside_down
from perfparse.extract.ocr.ink import components, ink_mask, paper_tone
from perfparse.extract.ocr.keystone import keystone, straightened

WORK_SCALE = 1.5  # px per point for the measuring masks: 9-pt text is ~13 px high
MIN_SKEW = 0.05  # degrees; smaller skews shift a ruling by under a pixel across a page
MAX_SKEW = 10.0  # degrees searched; a steeper tilt is a photo's perspective, not a scan's
CROPS = 5  # text-line crops the orientation classifier sees
SKEW_SAMPLE = 40_000  # ink pixels scored for the skew


def upright(gray: np.ndarray, unit: float) -> tuple[np.ndarray, int]:
    """The page turned upright and deskewed, and the quarter turns (0–3, clockwise) that
    took. ``unit`` is pixels per point."""
    f = WORK_SCALE / unit
    small = ink_mask(cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA))
    skew = skew_angle(small)
    if abs(skew) >= MIN_SKEW:
        gray = rotate(gray, skew)
        small = rotate(small, skew, fill=0)
    if (m := keystone(small, WORK_SCALE)) is not None:
        gray = straightened(gray, m, 1 / f)
        small = cv2.warpPerspective(small, m, small.shape[::-1], flags=cv2.INTER_NEAREST)
    turns = 0
    text = _text_only(small)
    lines = _runs(text, True)
    if _lines_run_vertically(text, lines):
        gray, small, text = (cv2.rotate(a, cv2.ROTATE_90_CLOCKWISE) for a in (gray, small, text))
        lines, turns = _runs(text, True), 1
    if upside_down(_line_crops(gray, small, text, lines, f)):
        gray, turns = cv2.rotate(gray, cv2.ROTATE_180), turns + 2
    return gray, turns % 4


def skew_angle(ink: np.ndarray) -> float:
    """The tilt that makes the rows of ink sharpest (rulings and text lines both count);
    positive when the content is turned counter-clockwise (y runs down).

    Sheared row profiles of the ink pixels are scored coarse to fine; that is a few
    milliseconds where a fine Hough transform takes most of a second.
    """
    ys, xs = np.nonzero(ink)
    if len(ys) < 100:
        return 0.0
    step = max(1, len(ys) // SKEW_SAMPLE)  # a sample of the ink tilts as the whole does
    ys, xs = ys[::step].astype(np.float32), xs[::step].astype(np.float32)
    best = 0.0
    for span, step in ((MAX_SKEW, 0.5), (0.5, 0.05)):
        angles = best + np.arange(-span, span + step / 2, step)
        best = float(max(angles, key=lambda a: _sharpness(ys, xs, a)))
    return round(best, 2)


def _sharpness(ys: np.ndarray, xs: np.ndarray, degrees: float) -> float:
    rows = np.rint(ys + xs * math.tan(math.radians(degrees))).astype(np.int64)
    counts = np.bincount(rows - rows.min())
    return float(np.dot(counts, counts))


def rotate(img: np.ndarray, degrees: float, fill: int = 255) -> np.ndarray:
    """Turn the content clockwise by ``degrees`` (undoing a counter-clockwise skew)."""
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -degrees, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def _text_only(ink: np.ndarray) -> np.ndarray:
    """The ink mask without long rulings, which would read as text lines either way."""
    k = int(20 * WORK_SCALE)
    lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(
        cv2.MORPH_RECT, (k, 1))) | cv2.morphologyEx(ink, cv2.MORPH_OPEN,
                                                    cv2.getStructuringElement(cv2.MORPH_RECT,
                                                                              (1, k)))
    # Widened: the fringe a blurred ruling leaves would join the text beside it into one
    # long run that starts where the ruling does, far from any text.
    return cv2.subtract(ink, cv2.dilate(lines, np.ones((3, 3), np.uint8)))


def _runs(text: np.ndarray, horizontal: bool) -> list[tuple[int, int, int, int]]:
    """Boxes of characters smeared together along one direction: text lines if it is the
    direction the text runs in, single characters otherwise."""
    k = max(3, round(2.5 * WORK_SCALE))  # wider than the gap between characters of a line
    size = (k, 1) if horizontal else (1, k)
    smeared = cv2.morphologyEx(text, cv2.MORPH_CLOSE, cv2.getStructuringElement(
        cv2.MORPH_RECT, size))
    _, _, stats, _ = components(smeared)
    boxes = stats[1:, :4]
    # One line of 5–16 pt text is that thick; thinner are specks and punctuation, thicker
    # are blocks of lines run together.
    side = boxes[:, 2:].min(axis=1)
    return [tuple(b) for b in boxes[(side >= 4 * WORK_SCALE) & (side <= 16 * WORK_SCALE)]
            .tolist()]


def _lines_run_vertically(text: np.ndarray, lines: list[tuple[int, int, int, int]]) -> bool:
    """Whether ``text`` (an ink mask without rulings, whose ``lines`` are its runs
    across) reads in columns."""
    across = sum(w for _, _, w, h in lines if w >= 3 * h)
    down = sum(h for _, _, w, h in _runs(text, False) if h >= 3 * w)
    return down > 2 * across


def _line_crops(gray: np.ndarray, ink: np.ndarray, text: np.ndarray,
                lines: list[tuple[int, int, int, int]], f: float) -> list[np.ndarray]:
    """Crops of the longest text lines, cut to the classifier's 4:1 input shape, with the
    rulings beside them painted out: a crop of a line in a tight cell is otherwise half
    ruling, and the classifier reads a ruling above the text as one below it as often as
    not."""
    rulings = cv2.subtract(ink, text)
    paper = paper_tone(gray)
    boxes = [b for b in lines if b[2] >= 3 * b[3]]
    boxes.sort(key=lambda b: -b[2])
    crops = []
    for x, y, w, h in boxes[:CROPS]:
        pad = h // 4
        sx0, sy0, sx1, sy1 = max(0, x - pad), max(0, y - pad), x + min(w, 4 * h) + pad, y + h + pad
        x0, y0, x1, y1 = int(sx0 / f), int(sy0 / f), int(sx1 / f), int(sy1 / f)
        crop = gray[y0:y1, x0:x1]
        if not crop.size:
            continue
        ruled = cv2.resize(rulings[sy0:sy1, sx0:sx1], (crop.shape[1], crop.shape[0]),
                           interpolation=cv2.INTER_NEAREST)
        crops.append(cv2.cvtColor(np.where(ruled > 0, paper, crop).astype(np.uint8),
                                  cv2.COLOR_GRAY2BGR))
    return crops
