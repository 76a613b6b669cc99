"""Office files → grid: spreadsheets (.xlsx, .xls, .et) and word-processor files (.docx,
.doc, .wps), whichever kind ``office.sniff`` found.

The grid's ``format`` is ``xlsx`` for every spreadsheet and ``docx`` for every
word-processor file (the contract names those two). A file the direct reader refuses, and
every .doc/.wps, is converted by LibreOffice and read as .xlsx/.docx.
"""

from __future__ import annotations

from perfparse.errors import ParseError
from perfparse.extract.office.convert import convert
from perfparse.extract.office.sheet import Sheet, sheet_table
from perfparse.extract.office.sniff import ENCRYPTED_REASON, SPREADSHEET_KINDS
from perfparse.grammar import Grammar
from perfparse.grid import Block, Grid

Warnings = list[tuple[str, str]]


def _missing(name: str, e: ImportError) -> ParseError:
    return ParseError(name, "missing-dependency", f"reading Office files needs {e.name}: "
                      "pip install 'perfparse[office]'")


def _sheets(name: str, data: bytes, kind: str) -> tuple[list[Sheet], Warnings]:
    from perfparse.extract.office.xls import read_xls
    from perfparse.extract.office.xlsx import read_xlsx

    try:
        return read_xlsx(data) if kind == "xlsx" else (read_xls(data), [])
    except ImportError as e:
        raise _missing(name, e) from e
    except Exception as e:  # any reader failure: LibreOffice reads more than they do
        if "encrypted" in str(e).lower():  # xlrd: "Workbook is encrypted" (a FILEPASS record)
            raise ParseError(name, "encrypted", ENCRYPTED_REASON) from e
    converted = convert(name, data, kind, "xlsx")
    try:
        return read_xlsx(converted)
    except Exception as e:
        raise ParseError(name, "conversion-failed", f"the workbook LibreOffice made from "
                         f"the file cannot be read ({e})") from e


def _document(name: str, data: bytes, kind: str, grammar: Grammar | None) -> list[Block]:
    from perfparse.extract.office.docx import read_docx

    if kind == "docx":
        try:
            return read_docx(data, grammar)
        except Exception:  # a damaged or odd package: LibreOffice may still read it
            pass
    converted = convert(name, data, kind, "docx")
    try:
        return read_docx(converted, grammar)
    except Exception as e:
        raise ParseError(name, "conversion-failed", f"the document LibreOffice made from "
                         f"the file cannot be read ({e})") from e


def extract_office(name: str, data: bytes, kind: str, *,
                   grammar: Grammar | None = None) -> Grid:
    """``grammar`` (default: the bundled one) supplies the look-alike table of text cleaning."""
    if kind in SPREADSHEET_KINDS:
        sheets, warnings = _sheets(name, data, kind)
        tables = [t for s in sheets if (t := sheet_table(s, grammar)) is not None]
        return Grid(file=name, format="xlsx", blocks=list(tables), warnings=warnings)
    return Grid(file=name, format="docx", blocks=_document(name, data, kind, grammar))
