"""Text every sink can store: UTF-8 without NUL.

File names from archives unpacked with the wrong code page (GBK zips) reach Python as
str with lone surrogates (``os.fsdecode``'s surrogateescape); PDF text layers and
spreadsheets can carry NUL and unpaired surrogates too. UTF-8 writers (Arrow, JSON
files, psycopg) refuse lone surrogates and PostgreSQL refuses NUL, so one such string
would stop every write it is part of.
"""

from __future__ import annotations

import math
from typing import Any

import regex

_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _escape(m: regex.Match[str]) -> str:
    cp = ord(m.group())
    # surrogateescape maps an undecodable byte 0xNN to U+DCNN: show the byte as Python
    # does, so a GBK file name reads as \xcf\xee… and stays distinct from its neighbours.
    return f"\\x{cp - 0xDC00:02x}" if 0xDC80 <= cp <= 0xDCFF else "\ufffd"


def storable(s: str) -> str:
    """``s`` with NUL removed and lone surrogates escaped (undecodable file-name bytes as
    ``\\xNN``, any other as U+FFFD); unchanged, and not copied, when already storable."""
    if "\x00" in s:
        s = s.replace("\x00", "")
    if s.isascii() or not _SURROGATE.search(s):
        return s
    return _SURROGATE.sub(_escape, s)


def storable_json(v: Any) -> Any:
    """A JSON-ready value (dicts, lists, scalars) with every string made storable and
    NaN and infinities as None: JSON has no such numbers, and ``json.dumps`` would
    write ``Infinity``, which JSON readers reject."""
    if isinstance(v, str):
        return storable(v)
    if isinstance(v, float):
        return v if math.isfinite(v) else None
    if isinstance(v, dict):
        return {storable(str(k)): storable_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [storable_json(x) for x in v]
    return v
