"""A page image's ink as masks: what is ink, what is paper, and the marks it makes."""

from __future__ import annotations

import cv2
import numpy as np

# Share of grey pixels a black-and-white page may show (a scaled rendering's edges).
BILEVEL_GREYS = 0.001
# Off the sheet: measured on the page shrunk this many times, where a median over a few
# pixels (a tenth of an inch at 200 dpi) sees through text and rulings to the paper under
# them; darker than this share of the paper's tone, and reaching the image's edge.
SHEET_STEP = 4
SHEET_DARK = 0.6
# Shrunk pixels the desk's edge is widened by: the local threshold marks a band of the
# desk beside the paper as ink, and a shrunk pixel places the edge within SHEET_STEP.
SHEET_BAND = 5
# Points along the image's border where no print lies (printers leave a margin of 4 mm or
# more) but a sheet's edge does, when a photo's or a lid's dark strip is too thin to see.
SHEET_MARGIN = 6.0
RULING_WINDOW = 22.0  # points: some three rows of a form's table


def ink_mask(gray: np.ndarray, window: int = 31) -> np.ndarray:
    """Dark marks as 255 on 0; a local threshold (over ``window`` pixels square) copes
    with uneven lighting in photos."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 window, 15)


def faint_ink(gray: np.ndarray, ink: np.ndarray, unit: float) -> np.ndarray:
    """``ink`` (the page's ``ink_mask``) with the marks a window some rows high finds as
    well: on a photo, lit unevenly and blurred, a hairline fades to half the text's
    contrast, and under a cell's text, which darkens the local mean, it falls below the
    threshold and breaks into pieces; the wider window sees the paper round it. Rulings
    are carried on over these marks, never started by them (rules.rulings). ``unit``:
    pixels per point."""
    window = 2 * round(RULING_WINDOW * unit / 2) + 1
    return ink | ink_mask(gray, window)


def on_sheet(ink: np.ndarray, off: np.ndarray | None, unit: float) -> np.ndarray:
    """``ink`` without what lies off the sheet (``off``, from ``off_sheet``), nor in a
    strip of SHEET_MARGIN along the image's border. ``unit``: pixels per point."""
    band = round(SHEET_MARGIN * unit)
    ink = ink.copy()
    ink[:band], ink[-band:], ink[:, :band], ink[:, -band:] = 0, 0, 0, 0
    return ink if off is None else np.where(off > 0, np.uint8(0), ink)


def off_sheet(gray: np.ndarray) -> np.ndarray | None:
    """255 where the image shows no sheet, 0 on it: the desk around a photographed page,
    a scanner's dark lid at a scan's edge, whose edge against the paper is long and
    straight and would read as a ruling that frames the page's tables into one grid.
    None for a flatbed scan, paper to its edges."""
    small = cv2.medianBlur(cv2.resize(gray, None, fx=1 / SHEET_STEP, fy=1 / SHEET_STEP,
                                      interpolation=cv2.INTER_AREA), 5)
    dark = (small < SHEET_DARK * paper_tone(gray)).astype(np.uint8)
    if not dark.any():
        return None
    # A dark area inside the sheet (a header row filled black) does not reach the edge.
    _, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=4)
    h, w = dark.shape
    x, y = stats[:, cv2.CC_STAT_LEFT], stats[:, cv2.CC_STAT_TOP]
    edge = (x == 0) | (y == 0) | (x + stats[:, cv2.CC_STAT_WIDTH] == w) \
        | (y + stats[:, cv2.CC_STAT_HEIGHT] == h)
    edge[0] = False
    if not edge.any():
        return None
    off = cv2.dilate(edge[labels].astype(np.uint8), np.ones((3, 3), np.uint8),
                     iterations=SHEET_BAND)
    return cv2.resize(off, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)


def paper_tone(gray: np.ndarray) -> int:
    """The paper's grey: most of a page is paper, and every fourth pixel each way tells
    it as well as all of them, in a sixteenth of the time."""
    return int(np.median(gray[::4, ::4]))


def bilevel(gray: np.ndarray) -> bool:
    """Whether a page is black and white only, one bit a pixel as stored (every fourth
    pixel each way tells)."""
    sample = gray[::4, ::4]
    return bool(np.count_nonzero((sample > 0) & (sample < 255)) <= BILEVEL_GREYS * sample.size)


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """Connected components of a mask (8-connected), as cv2.connectedComponentsWithStats."""
    # 16-bit labels take a third less time on a page; a mask of more marks than they can
    # count (a dithered background) is labelled again with 32 bits.
    try:
        return cv2.connectedComponentsWithStatsWithAlgorithm(mask, 8, cv2.CV_16U,
                                                             cv2.CCL_DEFAULT)
    except cv2.error:
        return cv2.connectedComponentsWithStats(mask, connectivity=8)
