"""Recognise an input's format from its bytes."""

from __future__ import annotations

from perfparse.errors import ParseError
from perfparse.extract.office.sniff import office_kind
from perfparse.extract.text.decode import bom_encoding

_MAGIC: list[tuple[bytes, str]] = [
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"BM", "image"),
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0", "ole"),
    (b"\x1f\x8b", "gzip"),
]
# NUL and the other control bytes (not tab, newlines, form feed) never occur in
# UTF-8/GB18030 text, not even inside a multi-byte character: a few beside a NUL are
# damage (decode replaces NULs, with a warning), more make a binary file.
_NOT_CONTROL = bytes(b for b in range(256) if (b >= 0x20 and b != 0x7F) or b in b"\t\n\f\r")
_MAX_CONTROL = 16


def sniff(name: str, data: bytes) -> str:
    """Return ``text``, ``html``, ``pdf``, ``image`` or another family name.

    Raises :class:`ParseError` for an empty file. A PDF header may sit after a
    little junk (some archivers prepend bytes), as PDF readers allow.
    """
    if not data.strip():
        raise ParseError(name, "empty-file", "the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return office_kind(name, data, kind) if kind in ("zip", "ole") else kind
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image"
    bom = bom_encoding(data)
    if bom is not None:  # UTF-16/32 text is full of NUL bytes: look at it decoded
        data = data[:200_000].decode(bom, "replace").encode("utf-8")
        head = data[:1024]
    elif b"\x00" in data[:65536] and len(
            data[:65536].translate(None, _NOT_CONTROL)) > _MAX_CONTROL:
        return "binary"
    lowered = head.lower()
    if b"<table" in data[:200000].lower() or b"<html" in lowered or b"<!doctype html" in lowered:
        return "html"
    return "text"
