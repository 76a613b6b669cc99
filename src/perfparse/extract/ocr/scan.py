"""Scanned pages and photos → the same grid as a born-digital PDF, by offline OCR.

Per page: lift a red seal off a colour scan (seal), turn it upright, deskew it and
undo a photo's keystone (orient), find the ruling lines and build the
table grids with merged cells (rules), erase the rulings so that no text line runs
into one, OCR the page once (engine), read checkbox lines again (checkbox), and
put each text line into its cell (assign), repaired (repair) and with its
confidence (confidence). Coordinates in blocks are points of
the upright page (1/72 inch), like a PDF's.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

import cv2
import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from perfparse.errors import OverBudget, ParseError
from perfparse.extract.furniture import without_furniture
from perfparse.extract.ocr.assign import place, split_at_rulings
from perfparse.extract.ocr.checkbox import reread_checkbox_lines
from perfparse.extract.ocr.confidence import LOW
from perfparse.extract.ocr.engine import TextBox, recognise
from perfparse.extract.ocr.ink import (
    bilevel,
    faint_ink,
    ink_mask,
    off_sheet,
    on_sheet,
    paper_tone,
)
from perfparse.extract.ocr.missed import read_missed
from perfparse.extract.ocr.orient import upright
from perfparse.extract.ocr.rules import rulings
from perfparse.extract.ocr.seal import Seal, discs, seals, without_red_ink
from perfparse.grammar import Grammar
from perfparse.grid import Block, Cell, Grid, Table
from perfparse.limits import MAX_PAGES, MAX_PIXELS

A4_LONG_SIDE = 841.89  # points
PAGE_INCHES = (8.0, 17.0)  # long sides of paper from A5 landscape to A3 / ledger
MAX_DPI = 300  # the recogniser reads 9-pt text fully at 150 dpi
BILEVEL_BLUR = 0.2  # points (0.56 px at 200 dpi): the blur given a black-and-white page
# A target or score as printed: comparator, number, unit in brackets; two characters at least.
VALUE = re.compile(r"(?=.{2})[<>≤≥=＜＞]?\s*\d+(\.\d+)?\s*([(（][^)）]*[)）]|%|％)?")


def ocr_page(image: Image.Image, page_no: int, *, dpi: float | None = None,
             warnings: list[tuple[str, str]] | None = None,
             grammar: Grammar | None = None) -> list[Block]:
    """One page image's blocks in reading order.

    ``dpi`` is the image's resolution if known; otherwise the page is taken to be A4.
    Low-confidence values and turned pages are reported into ``warnings`` when given.
    """
    gray = _gray(image)
    unit = (dpi or max(gray.shape) * 72 / A4_LONG_SIDE) / 72
    if unit > MAX_DPI / 72:  # finer scans and phone photos only cost time
        gray = cv2.resize(gray, None, fx=MAX_DPI / 72 / unit, fy=MAX_DPI / 72 / unit,
                          interpolation=cv2.INTER_AREA)
        unit = MAX_DPI / 72
    one_bit = bilevel(gray)
    if one_bit:
        # One bit a pixel (fax, bulk scanners' TIFF G4): the recogniser was trained on grey
        # strokes; a little blur gives the jagged ones back their grey edges.
        gray = cv2.GaussianBlur(gray, (0, 0), BILEVEL_BLUR * unit)
    gray, turns = upright(gray, unit)
    found: list[tuple[str, str]] = []
    if turns:
        found.append(("ocr-page-turned", f"page {page_no}: turned {90 * turns}° clockwise "
                      "to read it"))
    ink, faint, stamps = page_inks(gray, unit, one_bit)
    grids, lines = rulings(ink, unit, stamps, faint)
    # Erased rulings take the paper's tone (most of a page is paper): on cream or grey paper
    # white bands would leave edges beside the text that the recogniser reads as strokes
    # (备注 at a cell's left border came back as 注).
    erased = np.where(lines > 0, np.uint8(paper_tone(gray)), gray)
    boxes = split_at_rulings(reread_checkbox_lines(recognise(erased), erased), grids, erased,
                             unit)
    boxes = read_missed(boxes, grids, erased, unit, stamps, grammar)
    boxes = [b for b in boxes if not seal_lettering(b, boxes, stamps)]
    blocks, low = place(boxes, grids, unit, page_no, grammar)
    blocks = [under_seals(b, stamps, unit) if isinstance(b, Table) else b for b in blocks]
    found.extend(low)
    if not blocks:
        found.append(("ocr-empty-page", f"page {page_no}: OCR found no text"))
    if warnings is not None:
        warnings.extend(found)
    return blocks


def page_inks(gray: np.ndarray, unit: float, one_bit: bool = False
              ) -> tuple[np.ndarray, np.ndarray | None, list[Seal]]:
    """An upright page's ink on the sheet (``unit`` pixels per point), the faint marks
    rulings are carried on over (ink.faint_ink) or None, and its grey seals.

    A seal on a grey scan is found by its shape (a colour scan's red is gone already):
    rulings leave its ring and star out, and no character is looked for inside it. Faint
    marks are taken only on a photo, where the desk shows beside the sheet: a flatbed
    scan is lit evenly, its hairlines keep their contrast, and a wider window only adds
    the blurred edges of characters set close to a ruling (LibreOffice's print grey at
    150 dpi and photocopied read worse with them). Nor within a grey seal: its lettering
    and ring are faint beside the text they lie over, and would carry rulings on where
    none runs. A page of one bit a pixel (``one_bit``) is no photo."""
    off = off_sheet(gray)
    ink = on_sheet(ink_mask(gray), off, unit)
    faint = None if off is None or one_bit else on_sheet(faint_ink(gray, ink, unit), off, unit)
    stamps = seals(ink, unit)
    if stamps and faint is not None:
        faint = np.where(discs(gray.shape, stamps) > 0, ink, faint)
    return ink, faint, stamps


def under_seals(table: Table, stamps: list[Seal], unit: float) -> Table:
    """``table`` (points) with the cells a seal of ``stamps`` (pixels; ``unit`` pixels per
    point) lies over marked: a grey seal's ink is as dark as the text under it."""
    def hit(c: Cell) -> bool:
        if c.bbox is None:
            return False
        x0, y0, x1, y1 = (v * unit for v in c.bbox)
        return any((min(max(st.x, x0), x1) - st.x) ** 2 + (min(max(st.y, y0), y1) - st.y) ** 2
                   <= st.outer ** 2 for st in stamps)

    if not stamps or not any(hit(c) for c in table.cells):
        return table
    return replace(table, cells=[replace(c, under_seal=True) if hit(c) else c
                                 for c in table.cells])


def seal_lettering(box: TextBox, boxes: list[TextBox], stamps: list[Seal]) -> bool:
    """Whether ``box`` is a grey seal's own lettering read as text: read with doubt, no
    ideograph in it (rotated along the arc, the seal's characters come back as marks and
    letters), not a value (``>95.00(%)``), lying where they run, beside a surely read line
    of the page's text."""
    if box.score >= LOW or any(ch.isalpha() and not ch.isascii() for ch in box.text) \
            or VALUE.fullmatch(box.text.strip()):
        return False
    if not any(st.lettering((box.x0 + box.x1) / 2, (box.top + box.bottom) / 2)
               for st in stamps):
        return False
    return any(o is not box and o.score >= LOW and min(o.bottom, box.bottom)
               - max(o.top, box.top) > 0.5 * (box.bottom - box.top) for o in boxes)


def extract_image(name: str, data: bytes, *, grammar: Grammar | None = None) -> Grid:
    """A photo or scan (PNG, JPEG, TIFF with any number of pages, BMP, WebP) → grid."""
    try:
        img = Image.open(io.BytesIO(data))  # reads the header only
        _check_pixels(img)
        img.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as e:
        raise ParseError(name, "unreadable", f"cannot decode the image: {e}") from e
    grid = Grid(file=name, format="image")
    pages: list[list[Block]] = []
    for no, frame in enumerate(ImageSequence.Iterator(img), start=1):
        if no > MAX_PAGES:
            raise OverBudget("too-many-pages", f"the image has more than {MAX_PAGES} pages")
        _check_pixels(frame)
        page = ImageOps.exif_transpose(frame)  # phones store the turn in EXIF
        pages.append(ocr_page(page, no, dpi=_declared_dpi(page), warnings=grid.warnings,
                              grammar=grammar))
    # A multi-page TIFF is a scanned document like an image-only PDF: its running footers
    # would hide that a table runs on over a page break.
    for blocks in without_furniture(pages):
        grid.blocks.extend(blocks)
    return grid


def _check_pixels(img: Image.Image) -> None:
    """Refuse an image over the pixel budget before it is decoded: a 685 kB PNG can hold
    13000 × 13000 RGBA pixels, 3 GB once decoded and converted."""
    if img.width * img.height > MAX_PIXELS:
        raise OverBudget("too-large", f"the image is {img.width} × {img.height} pixels, over "
                         f"the budget of {MAX_PIXELS:,}; scan at 300 dpi or less")


def _gray(image: Image.Image) -> np.ndarray:
    """8-bit gray of any PIL mode: 16-bit scans scaled (Pillow's convert clips them to
    white), transparent pixels on white paper (convert makes them black), red ink of
    colour scans gone."""
    if image.mode.startswith("I"):
        arr = np.asarray(image, dtype=np.float32)
        return np.clip(arr / 257 if arr.max() > 255 else arr, 0, 255).astype(np.uint8)
    if "A" in image.getbands() or "transparency" in image.info:
        rgba = image.convert("RGBA")
        image = Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba)
    if image.mode in ("1", "L"):
        return np.asarray(image.convert("L"))
    # Colour: a red seal over the table is lifted off before it can darken text or rulings.
    rgb = np.asarray(image if image.mode == "RGB" else image.convert("RGB"))
    return cv2.cvtColor(without_red_ink(rgb), cv2.COLOR_RGB2GRAY)


def _declared_dpi(image: Image.Image) -> float | None:
    """The resolution stored in the file, if it makes the image a sheet of paper (cameras
    write 72 dpi whatever they shot)."""
    dpi = image.info.get("dpi")
    if not dpi or not dpi[0]:
        return None
    inches = max(image.size) / float(dpi[0])
    return float(dpi[0]) if PAGE_INCHES[0] <= inches <= PAGE_INCHES[1] else None
