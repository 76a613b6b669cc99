"""Extractors: bytes of one input file → :class:`perfparse.grid.Grid`.

The format is recognised from content, never from the file name's extension.
Heavy extractors (PDF, OCR) are imported only when a file needs them, so the
text path runs with the core dependencies alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfparse.errors import ParseError
from perfparse.extract.office_sniff import OFFICE_KINDS
from perfparse.extract.sniff import sniff
from perfparse.grid import Grid

if TYPE_CHECKING:
    from perfparse.grammar import Grammar

PDF_ENGINES = ("pdfplumber", "camelot")


def extract(name: str, data: bytes, *, pdf_engine: str = "pdfplumber",
            grammar: Grammar | None = None) -> Grid:
    """``grammar`` (default: the bundled one) supplies the look-alike table of text cleaning."""
    kind = sniff(name, data)
    if kind in ("text", "html"):
        from perfparse.extract.text import extract_text

        return extract_text(name, data, grammar=grammar)
    if kind == "pdf":
        from perfparse.extract.pdf import extract_pdf

        return extract_pdf(name, data, engine=pdf_engine, grammar=grammar)
    if kind == "image":
        from perfparse.extract.scan import extract_image

        return extract_image(name, data, grammar=grammar)
    if kind in OFFICE_KINDS:
        from perfparse.extract.office import extract_office

        return extract_office(name, data, kind, grammar=grammar)
    raise ParseError(name, "unsupported-format", f"not a form document ({kind}); "
                     "perfparse reads PDFs, images, Office files and OCR text/HTML/Markdown dumps")
