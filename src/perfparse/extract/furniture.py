"""Page furniture: running headers and footers recognised by position and repetition.

Browsers, office suites and print drivers put a header and a footer on every page (date
and title, file URL, ``第 1 页，共 6 页``, ``- 1 -``, ``1/3``, a system's name). They are
not content: a footer read as a line under a table joins the goal text above it, and
lines between a table and the page edge hide that the table runs on over the break. They
are found here on the geometry alone, for born-digital and scanned pages alike: the
outermost row of free text of a page (above every table and line, or below them), set
apart from the body by a gap, whose text — digits aside, since page numbers count —
recurs in the same place on other pages. On one page at least it must stand apart from the
body by a gap: a form's title, at the top of each page where a form starts, is always
close to the line under it, so it is never taken for a running header, while a header
that a fitted-to-page print squeezes against the table on some pages still is one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

import regex

from perfparse.extract.ocr.confidence import LOW
from perfparse.grid import Block, Line

BBox = tuple[float, float, float, float]
Item = tuple[str | None, BBox]  # a free line's text, or None for a table; and its box

SAME_PLACE = 8.0  # points: a running header may move this much between pages (scans more)
GAP = 1.2  # the row stands this many of its own heights apart from the body
MIN_SHARE = 0.4  # of the pages, at least two, show the same row in the same place
DEPTH = 2  # rows looked at from each edge of a page
ALIKE = 0.85  # texts this similar (difflib's ratio) are one running header read twice
# ...and texts of this many characters or more that differ in one character only: one
# misread character of a short header (绩效自评表 read 继效自评表) leaves a ratio of 0.8.
ONE_OFF = 4


class _Seen(NamedTuple):
    """A row's text seen on a page: where, and how it stands to the page's body."""

    page: int
    top: float
    index: int  # of the item on its page
    apart: bool  # set apart from the body by a gap
    outermost: bool  # the page's first row from its edge


_DIGITS = regex.compile(r"\d+")
_SPACE = regex.compile(r"\s+")


def _shape(text: str) -> str:
    """The text with every number one symbol, so page 3 of 6 matches page 4 of 6."""
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _outer_rows(items: Sequence[Item]) -> list[tuple[str, list[int], bool]]:
    """The outer rows of free lines at the top and at the bottom of a page, DEPTH deep
    (a row: the free lines in the height band of the outermost one left), and whether a
    gap of GAP row heights sets each apart from the rest. A row inside one that is set
    apart is looked at too, since clipped text (a merged cell's label painted for its
    whole height) or a two-line header can come before the row that recurs."""
    rows: list[tuple[str, list[int], bool]] = []
    order = sorted(range(len(items)), key=lambda i: items[i][1][1])
    for side, seq in (("top", order), ("bottom", order[::-1])):
        for _ in range(DEPTH):
            if len(seq) < 2 or items[seq[0]][0] is None:
                break
            first = items[seq[0]][1]
            centre = (first[1] + first[3]) / 2
            row = [i for i in seq if items[i][0] is not None
                   and items[i][1][1] <= centre <= items[i][1][3]]
            seq = [i for i in seq if i not in row]
            if not seq:
                break
            top = min(items[i][1][1] for i in row)
            bottom = max(items[i][1][3] for i in row)
            gap = (min(items[i][1][1] for i in seq) - bottom if side == "top"
                   else top - max(items[i][1][3] for i in seq))
            apart = gap >= GAP * (bottom - top)
            rows.append((side, row, apart))
            if not apart:  # the row is part of the body, and so is everything inside it
                break
    return rows


def furniture(pages: Sequence[Sequence[Item]],
              doubtful: Sequence[set[int]] | None = None) -> list[set[int]]:
    """For each page, the indices of its items that are running headers or footers;
    ``doubtful``: per page, the items OCR read with low confidence."""
    # Rows of the same side and like text, each with where it was seen.
    kinds: dict[str, list[tuple[str, list[_Seen]]]] = defaultdict(list)
    outer = [_outer_rows(items) for items in pages]
    for no, items in enumerate(pages):
        for k, (side, row, apart) in enumerate(outer[no]):
            outermost = k == 0 or outer[no][k - 1][0] != side
            for i in row:
                text, bbox = items[i]
                _kind(kinds[side], _shape(text or "")).append(
                    _Seen(no, bbox[1], i, apart, outermost))
    out: list[set[int]] = [set() for _ in pages]
    need = max(2, MIN_SHARE * len(pages))
    for places in (p for side in kinds.values() for _, p in side):
        running = False
        for seen in places:
            here = [p for p in places if abs(p.top - seen.top) <= SAME_PLACE]
            if len({p.page for p in here}) >= need and any(p.apart for p in here):
                running = True
                for p in here:
                    out[p.page].add(p.index)
        if running:
            # Elsewhere too where it stands apart from the body or is the page's outermost
            # row: a photo shifts the sheet in the frame, and a page's header lands farther
            # than SAME_PLACE from the others', as close to the table as the shift took it.
            for p in places:
                if p.apart or p.outermost:
                    out[p.page].add(p.index)
    # A doubtful reading on the text line of a running header, set apart from the body, is
    # part of it: the date beside the header's title, cut at the edge of a photo and
    # misread (1V.4 A for 12/1/26). Text read surely there is judged on its own (a clipped
    # cell's label painted at the page's foot, beside the page number).
    for no, rows in enumerate(outer if doubtful else ()):
        for _, row, apart in rows:
            known = [pages[no][i][1] for i in row if i in out[no]]
            if apart and known:
                out[no].update(i for i in row if i in doubtful[no] and any(
                    top <= (pages[no][i][1][1] + pages[no][i][1][3]) / 2 <= bottom
                    for _, top, _, bottom in known))
    return out


def _kind(kinds: list[tuple[str, list[_Seen]]], shape: str) -> list[_Seen]:
    """The sightings of the row text like ``shape`` (a new kind if none is): OCR reads a
    running footer a character apart on some pages (``form.html`` / ``form.html.``,
    ``绩效自评表`` / ``继效自评表``)."""
    for known, places in kinds:
        if known == shape:
            return places
        # Length first: ratio can reach ALIKE only for lengths this close, and most rows
        # of a long document differ in length from every kind seen before.
        if shape and 2 * min(len(known), len(shape)) >= ALIKE * (len(known) + len(shape)) \
                and SequenceMatcher(None, known, shape).ratio() >= ALIKE:
            return places
        if len(shape) == len(known) >= ONE_OFF \
                and sum(a != b for a, b in zip(shape, known, strict=True)) == 1:
            return places
    kinds.append((shape, []))
    return kinds[-1][1]


def block_items(blocks: Sequence[Block]) -> list[Item]:
    """A page read by OCR as furniture items: its free lines with their text, its tables."""
    return [(b.text if isinstance(b, Line) else None, b.bbox or (0, 0, 0, 0)) for b in blocks]


def doubtful_items(blocks: Sequence[Block]) -> set[int]:
    """The free lines of a page read by OCR that it read with low confidence."""
    return {k for k, b in enumerate(blocks)
            if isinstance(b, Line) and b.confidence is not None and b.confidence < LOW}


def without_furniture(pages: Sequence[list[Block]]) -> list[list[Block]]:
    """Pages of blocks (a multi-page image) with their running headers and footers gone."""
    drops = furniture([block_items(blocks) for blocks in pages],
                      [doubtful_items(blocks) for blocks in pages])
    return [[b for k, b in enumerate(blocks) if k not in drop]
            for blocks, drop in zip(pages, drops, strict=True)]
