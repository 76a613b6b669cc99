"""Bytes of a text dump → str, whatever encoding the OCR tool or archive used."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from perfparse.errors import ParseError

_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]


def decode(name: str, data: bytes) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 is tried first because it is by far the
    most common and a strict UTF-8 decode almost never succeeds by accident;
    then GB18030 (a superset of GBK/GB2312, the other encoding of Chinese
    archives); charset-normalizer only for what neither reads."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc), enc
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise ParseError(name, "undecodable", "not text in any known encoding "
                         "(tried UTF-8, GB18030 and charset detection)")
    return str(best), best.encoding
