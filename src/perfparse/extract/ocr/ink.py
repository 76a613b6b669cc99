"""A page image's ink as masks: what is ink, what is paper, and the marks it makes."""

from __future__ import annotations

import cv2
import numpy as np

# Share of grey pixels a black-and-white page may show (a scaled rendering's edges).
BILEVEL_GREYS = 0.001


def ink_mask(gray: np.ndarray) -> np.ndarray:
    """Dark marks as 255 on 0; a local threshold copes with uneven lighting in photos."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV,
                                 31, 15)


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
