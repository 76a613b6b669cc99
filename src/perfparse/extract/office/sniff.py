"""Tell Office files apart by content: which zip is a workbook or a document, which OLE2
compound file holds a BIFF workbook or a Word binary document, and which is encrypted.

Works on the whole file (``extract``) and on its first bytes only (``ingest`` sniffs a
head): a zip's part names stand in its local headers and an OLE2 directory's stream names
are UTF-16 strings, so a head that cannot be opened is searched for them instead.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from perfparse.errors import ParseError

SPREADSHEET_KINDS = frozenset({"xlsx", "xls"})
WORD_KINDS = frozenset({"docx", "doc"})
OFFICE_KINDS = SPREADSHEET_KINDS | WORD_KINDS

# Main-part content types ([Content_Types].xml) of workbooks and documents, macro-enabled
# and template variants included.
_MAIN_TYPES = (("spreadsheetml.sheet.main", "xlsx"), ("spreadsheetml.template.main", "xlsx"),
               ("ms-excel.sheet.macroEnabled.main", "xlsx"),
               ("ms-excel.template.macroEnabled.main", "xlsx"),
               ("wordprocessingml.document.main", "docx"),
               ("wordprocessingml.template.main", "docx"),
               ("ms-word.document.macroEnabled.main", "docx"),
               ("ms-word.template.macroEnabledTemplate.main", "docx"))
_PART_DIRS = ((b"xl/", "xlsx"), (b"word/", "docx"))
_LOCAL_HEADER = re.compile(rb"PK\x03\x04")
# Stream names: BIFF5/8 workbooks (Excel, WPS Spreadsheets .et), Word binary documents
# (Word .doc, WPS Writer .wps), and the wrapper of password-protected OOXML files.
_OLE_STREAMS = (("Workbook", "xls"), ("Book", "xls"), ("WordDocument", "doc"))
_ENCRYPTED_STREAM = "EncryptionInfo"
# A head may end before the directory (writers put it after the streams); then the
# streams' own starts tell: a BIFF8 workbook-globals BOF record, or Word's FIB magic at a
# sector boundary.
_BIFF8_BOF = b"\x09\x08\x10\x00\x00\x06\x05\x00"
_FIB_MAGIC = b"\xec\xa5"
_SECTOR = 512
_FIB_FLAGS = 0x0A  # Word's FIB: fEncrypted is bit 8 of the flags word at this offset

ENCRYPTED_REASON = ("the file is password-protected (encrypted); open it in Excel/Word/WPS "
                    "and save a copy without a password, then parse that copy")


def office_kind(name: str, data: bytes, family: str) -> str:
    """``xlsx``/``docx`` for a zip, ``xls``/``doc`` for an OLE2 file, or ``family``
    itself when it is neither kind. Raises ``encrypted`` for a password-protected file."""
    return _zip_kind(data) if family == "zip" else _ole_kind(name, data)


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            types = z.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError):
        return _zip_kind_from_headers(data)
    return next((kind for marker, kind in _MAIN_TYPES if marker in types), "zip")


def _zip_kind_from_headers(data: bytes) -> str:
    """A truncated zip (a file's head): the part names of its local file headers."""
    names = set()
    for m in _LOCAL_HEADER.finditer(data):
        header = data[m.start():m.start() + 30]
        if len(header) < 30:
            break
        (length,) = struct.unpack_from("<H", header, 26)
        names.add(data[m.start() + 30:m.start() + 30 + length])
    return next((kind for prefix, kind in _PART_DIRS
                 if any(n.startswith(prefix) for n in names)), "zip")


def _ole_kind(name: str, data: bytes) -> str:
    try:
        import olefile

        ole = olefile.OleFileIO(data)
    except (ImportError, OSError):  # a head only, or no olefile: the directory's names
        streams = {s for s, _ in (*_OLE_STREAMS, (_ENCRYPTED_STREAM, ""))
                   if s.encode("utf-16-le") + b"\x00\x00" in data}
        fib = None
        if not streams:
            streams = _streams_by_content(data)
    else:
        with ole:
            streams = {"/".join(p) for p in ole.listdir()}
            fib = ole.openstream("WordDocument").read(12) if "WordDocument" in streams else None
    if _ENCRYPTED_STREAM in streams or (fib is not None and len(fib) >= 12
                                        and struct.unpack_from("<H", fib, _FIB_FLAGS)[0] & 0x100):
        raise ParseError(name, "encrypted", ENCRYPTED_REASON)
    return next((kind for stream, kind in _OLE_STREAMS if stream in streams), "ole")


def _streams_by_content(data: bytes) -> set[str]:
    if _BIFF8_BOF in data:
        return {"Workbook"}
    if any(data[k:k + 2] == _FIB_MAGIC for k in range(_SECTOR, len(data), _SECTOR)):
        return {"WordDocument"}
    return set()
