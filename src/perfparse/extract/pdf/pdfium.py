"""pypdfium2 as the fallback reader: its text for pages whose pdfminer text is garbled,
and page images for OCR when no text layer is readable at all."""

from __future__ import annotations

import math

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL.Image import Image

from perfparse.extract.glyphs import Glyph
from perfparse.limits import MAX_PIXELS

OCR_DPI = 200


def pdfium_glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    """Every glyph with its box, in top-left page coordinates like pdfplumber's."""
    text_page = page.get_textpage()
    height = page.get_height()
    out: list[Glyph] = []
    for i in range(text_page.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(text_page.raw, i) == 1:
            continue  # spaces and line breaks pdfium inferred, not printed
        code = pdfium_c.FPDFText_GetUnicode(text_page.raw, i)
        left, bottom, right, top = text_page.get_charbox(i, loose=True)
        size = pdfium_c.FPDFText_GetFontSize(text_page.raw, i)
        out.append(Glyph(chr(code), left, height - top, right, height - bottom, size))
    return out


def render_dpi(page: pdfium.PdfPage) -> float:
    """OCR_DPI, or less for a page so large (PDF allows 200 × 200 inches) that it would
    exceed the pixel budget: 14400 pt squared at 200 dpi is 1.6 billion pixels."""
    width, height = page.get_size()
    return min(OCR_DPI, 72 * math.sqrt(MAX_PIXELS / max(1.0, width * height)))


def render(page: pdfium.PdfPage, dpi: float = OCR_DPI) -> Image:
    return page.render(scale=dpi / 72).to_pil()


def textless(page: pdfium.PdfPage) -> bool:
    """Whether a page draws something but no text: OCR's work, unless it is only rulings."""
    kinds = {obj.type for obj in page.get_objects(max_depth=2)}
    return bool(kinds) and pdfium_c.FPDF_PAGEOBJ_TEXT not in kinds


def has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
