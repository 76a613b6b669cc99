"""Bytes of a text dump → str, whatever encoding the OCR tool or archive used."""

from __future__ import annotations

import codecs
from functools import lru_cache

import regex
from charset_normalizer import from_bytes

from perfparse.errors import ParseError

# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]
# Chinese text read in the right code page is nearly all GB2312 hanzi and punctuation;
# Big5 bytes read as GB18030 are a third kana, Greek, private-use and rare characters.
_GB2312_SHARE = 0.8
_HAN = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
# A few bytes no encoding reads (a damaged sector, a stray Latin-1 byte) are replaced
# with U+FFFD, with a warning, rather than failing the whole dump.
_MAX_REPLACED = 16
_MAX_REPLACED_SHARE = 0.005


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``data`` names, if any."""
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


@lru_cache(maxsize=8192)
def _gb2312_common(c: str) -> bool:
    try:
        b = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return b[0] >= 0xB0 or b[0] in (0xA1, 0xA3)  # hanzi rows; punctuation; full-width


def _share(text: str, good) -> float:
    wide = [c for c in text[:20_000] if ord(c) > 0x7F]
    return sum(map(good, wide)) / len(wide) if wide else 1.0


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def decode(name: str, data: bytes) -> tuple[str, str, int]:
    """Return (text, encoding, bytes replaced); see :func:`_decode`. A NUL is valid in
    every encoding but is damage in a form (and PostgreSQL refuses it): it is replaced
    and counted as an undecodable byte."""
    text, encoding, replaced = _decode(name, data)
    if "\x00" in text:
        replaced += text.count("\x00")
        text = text.replace("\x00", "\ufffd")
    return text, encoding, replaced


def _decode(name: str, data: bytes) -> tuple[str, str, int]:
    """A byte-order mark decides first; then
    UTF-8, because it is by far the most common and a strict UTF-8 decode almost never
    succeeds by accident; then GB18030 (a superset of GBK/GB2312, the other encoding
    of Chinese archives) if it reads as Chinese, else Big5 if that does (GB18030 reads
    nearly any bytes, Big5 ones too, as garble); then UTF-8 or GB18030 with a few bad
    bytes replaced; charset-normalizer only for what none of these reads."""
    bom = bom_encoding(data)
    if bom is not None:
        text = data.decode(bom, "replace")
        return text, bom, text.count("\ufffd")
    if (utf8 := _strict(data, "utf-8")) is not None:
        return utf8, "utf-8", 0
    gb = _strict(data, "gb18030")
    if gb is not None:
        gb_share = _share(gb, _gb2312_common)
        if gb_share >= _GB2312_SHARE:
            return gb, "gb18030", 0
        # cp950: Big5 with the Microsoft additions Windows writes
        big5 = _strict(data, "cp950")
        if big5 is not None and _share(big5, lambda c: bool(_HAN.match(c))) > gb_share:
            return big5, "big5", 0
    limit = max(_MAX_REPLACED, int(len(data) * _MAX_REPLACED_SHARE))
    text = data.decode("utf-8", "replace")
    if (bad := text.count("\ufffd")) <= limit:
        return text, "utf-8", bad
    if gb is not None:
        return gb, "gb18030", 0
    text = data.decode("gb18030", "replace")
    if (bad := text.count("\ufffd")) <= limit:
        return text, "gb18030", bad
    best = from_bytes(data).best()
    if best is None:
        raise ParseError(name, "undecodable", "not text in any known encoding "
                         "(tried UTF-8, GB18030, Big5 and charset detection)")
    return str(best), best.encoding, 0
