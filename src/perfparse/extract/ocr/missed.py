"""Characters inside table cells that the text detector did not find, read from crops.

The detector misses a lone character, most often the last character of a cell's text
wrapped onto a line of its own (完成 / 率, 满意 / 度), at 150 dpi and under blur: the line
is read without it and the value loses a character with nobody told. Ink of a character's
size inside a cell that no detected line covers is cut out and given to the recogniser,
as the detector would have; what it reads with confidence joins the cell's text where the
ink lies, with the recogniser's score, which makes the cell's value doubtful when low.
Inside a seal's ring nothing is read: on a grey scan its own characters are such ink.
"""

from __future__ import annotations

import unicodedata

import cv2
import numpy as np

from perfparse.extract.geometry import TableGrid
from perfparse.extract.ocr.assign import BOX_TO_FONT
from perfparse.extract.ocr.engine import TextBox, read_line
from perfparse.extract.ocr.ink import ink_mask
from perfparse.extract.ocr.seal import Seal
from perfparse.grammar import Grammar, bundled_grammar

COVER = 0.3  # share of a mark's box inside detected lines: more, and the mark was read
INSET = 0.15  # of the font size: the fringe of an erased ruling along a cell's sides
# A character is 0.7–1.6 font sizes high and at least a third as wide: a lone 0 in a
# fund cell is the mark most often missed, and a digit's ink is under half a character
# wide (一 is flat, but a flat mark is as often a dash or a ruling's remnant); less ink
# than this share of its box is speckle or a seal's faint remnant. (0.55 high also took a
# grey seal's lettering beside its ring into a project name.)
MIN_HEIGHT, MAX_HEIGHT, MIN_WIDTH = 0.7, 1.6, 0.35
# A comparator alone in its cell (a column of ≥ | 目标值 | 单位) is half a character high;
# in a cell where no line was read, such a mark is taken too, when it reads as one of the
# grammar's comparator signs.
MIN_HEIGHT_ALONE = 0.45
MIN_FILL = 0.08
# A lone character is read with less certainty than a line (no neighbours to fix its
# height and baseline): 率 and 度 at 150 dpi come back at 0.3–0.6. What is read keeps
# its score, so the cell is reported as doubtful (confidence.LOW) rather than short of a
# character with nobody told; below this it is speckle or a seal's remnant.
MIN_SCORE = 0.2
PAD = 0.5  # of the mark's height, around a crop


def read_missed(boxes: list[TextBox], grids: list[TableGrid], image: np.ndarray,
                unit: float, stamps: list[Seal], grammar: Grammar | None = None
                ) -> list[TextBox]:
    """``boxes`` and a box for every mark of a character's size in a cell of ``grids``
    (points; ``unit`` pixels per point) that no box covers and no seal of ``stamps``
    holds, read from ``image``."""
    heights = [b.bottom - b.top for b in boxes]
    if not heights or not grids:
        return boxes
    font = float(np.median(heights)) / BOX_TO_FONT
    ink = ink_mask(image)
    read = np.zeros(ink.shape, np.uint8)
    for b in boxes:
        read[max(0, int(b.top)):int(b.bottom) + 1, max(0, int(b.x0)):int(b.x1) + 1] = 1
    found = [m for g in grids for c in g.cells for m in _marks(ink, read, c.bbox, unit, font)]
    # Inside a seal on a grey scan, its own characters are ink of a character's size that
    # no line of the table's covers.
    found = [(x, y, w, h) for x, y, w, h in found
             if not any(s.holds(x + w / 2, y + h / 2) for s in stamps)]
    values = (grammar or bundled_grammar()).values
    signs = frozenset(unicodedata.normalize("NFKC", s) for spellings in
                      values.comparators.values() for s in spellings if len(s) == 1)
    return boxes + [t for m in found if (t := _read(image, m, font, signs)) is not None]


def _marks(ink: np.ndarray, read: np.ndarray, bbox: tuple[float, float, float, float],
           unit: float, font: float) -> list[tuple[int, int, int, int]]:
    inset = max(2, round(INSET * font))
    x0, y0 = max(0, round(bbox[0] * unit) + inset), max(0, round(bbox[1] * unit) + inset)
    x1, y1 = round(bbox[2] * unit) - inset, round(bbox[3] * unit) - inset
    region = ink[y0:max(y0, y1), x0:max(x0, x1)]
    if not region.size or not np.count_nonzero(region[read[y0:y1, x0:x1] == 0]):
        return []
    # Characters of one line are joined by less than half a character's width; lines are
    # kept apart, as a wrapped line may sit a few pixels under the one before.
    joined = cv2.morphologyEx(region, cv2.MORPH_CLOSE,
                              np.ones((1, max(1, round(0.5 * font))), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    # Alone: the lines read beside it reach into the cell by their padding only.
    low = (MIN_HEIGHT_ALONE if read[y0:y1, x0:x1].mean() < COVER else MIN_HEIGHT) * font
    out = []
    for x, y, w, h, _ in stats[1:n].tolist():
        if not (low <= h <= MAX_HEIGHT * font and w >= MIN_WIDTH * font):
            continue
        fill = np.count_nonzero(region[y:y + h, x:x + w]) / (w * h)
        covered = read[y0 + y:y0 + y + h, x0 + x:x0 + x + w].mean()
        if fill >= MIN_FILL and covered < COVER:
            out.append((x0 + x, y0 + y, w, h))
    return out


def _read(image: np.ndarray, mark: tuple[int, int, int, int], font: float,
          signs: frozenset[str]) -> TextBox | None:
    x, y, w, h = mark
    pad = round(PAD * h)
    crop = image[max(0, y - pad):y + h + pad, max(0, x - pad):x + w + pad]
    text, score = read_line(crop)
    text = text.strip()
    if score < MIN_SCORE or not text:
        return None
    # A comparator, or a mark of a character's height read as letters or digits; a mark
    # lower than that is a comparator or nothing (a piece of a grey seal's lettering cut
    # by a ruling reads as a character too).
    if not (all(unicodedata.normalize("NFKC", ch) in signs for ch in text)
            or (h >= MIN_HEIGHT * font and any(ch.isalnum() for ch in text))):
        return None
    return TextBox(text, float(x), float(y), float(x + w), float(y + h), score)
