"""Open a PDF's bytes, turning every failure into a :class:`ParseError` that says what to do.

pypdfium2 opens the document first: it is quick, it tells a wrong password from a damaged
file, and it opens files encrypted with an empty user password (owner-password-only
"protected" exports) like any viewer does. pdfplumber then reads it for the text layer.
"""

from __future__ import annotations

import logging
from io import BytesIO
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from perfparse.errors import ParseError

if TYPE_CHECKING:
    import pdfplumber

_ENCRYPTED = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
# pdfminer logs a warning per odd font (Type 3 fonts of print drivers have no FontBBox)
# through the root handler, which would put stray lines among the CLI's one-line messages.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def open_pdfium(name: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) in _ENCRYPTED:
            raise ParseError(name, "encrypted", "the PDF is encrypted with a password; supply "
                             "a decrypted copy (e.g. qpdf --decrypt --password=PASSWORD "
                             "in.pdf out.pdf)") from e
        raise ParseError(name, "corrupt-pdf", f"the PDF is damaged or truncated ({e}); "
                         "re-export or re-download it") from e


def open_plumber(name: str, data: bytes) -> pdfplumber.PDF:
    import pdfplumber  # only for the pdfplumber engine and PDFium's unreadable pages

    try:
        return pdfplumber.open(BytesIO(data), password="")
    except Exception as e:  # pdfminer raises many unrelated types for broken files
        raise ParseError(name, "corrupt-pdf", f"the PDF's structure cannot be read ({e!r}); "
                         "re-export or re-download it") from e
