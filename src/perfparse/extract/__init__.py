"""Extractors: bytes of one input file → :class:`perfparse.grid.Grid`.

The format is recognised from content, never from the file name's extension (sniff).
One subpackage per kind of input: ``text/`` (OCR text dumps), ``pdf/`` (born-digital
PDFs), ``ocr/`` (scans and photos), ``office/`` (spreadsheets and documents). What PDF and
OCR share has modules of its own here: the ruling-line geometry (geometry), glyphs into
cells and free lines (glyphs), page furniture (furniture), and the text cleaning every
extractor applies (clean). Heavy extractors (PDF, OCR) are imported only when a file needs
them, so the text path runs with the core dependencies alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfparse.errors import ParseError
from perfparse.extract.office.sniff import OFFICE_KINDS
from perfparse.extract.sniff import sniff
from perfparse.grid import Grid

if TYPE_CHECKING:
    from perfparse.grammar import Grammar

# pdfium reads pages several times faster than pdfplumber's pdfminer (scripts/bench_pdf.py)
# with the same tables; pdfplumber and camelot stay for comparison and second opinions.
PDF_ENGINES = ("pdfium", "pdfplumber", "camelot")
DEFAULT_PDF_ENGINE = "pdfium"


def extract(name: str, data: bytes, *, pdf_engine: str = DEFAULT_PDF_ENGINE,
            grammar: Grammar | None = None) -> Grid:
    """``grammar`` (default: the bundled one) supplies the look-alike table of text cleaning."""
    kind = sniff(name, data)
    if kind in ("text", "html"):
        from perfparse.extract.text.dumps import extract_text

        return extract_text(name, data, grammar=grammar)
    if kind == "pdf":
        from perfparse.extract.pdf.read import extract_pdf

        return extract_pdf(name, data, engine=pdf_engine, grammar=grammar)
    if kind == "image":
        from perfparse.extract.ocr.scan import extract_image

        return extract_image(name, data, grammar=grammar)
    if kind in OFFICE_KINDS:
        from perfparse.extract.office.read import extract_office

        return extract_office(name, data, kind, grammar=grammar)
    raise ParseError(name, "unsupported-format", f"not a form document ({kind}); "
                     "perfparse reads PDFs, images, Office files and OCR text/HTML/Markdown dumps")
