"""pypdfium2 as the fallback reader: its text for pages whose pdfminer text is garbled,
and page images for OCR when no text layer is readable at all."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL.Image import Image

from perfparse.extract.glyphs import Glyph

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


def render(page: pdfium.PdfPage, dpi: int = OCR_DPI) -> Image:
    return page.render(scale=dpi / 72).to_pil()


def has_images(page: pdfium.PdfPage) -> bool:
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
