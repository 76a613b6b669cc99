"""Is a page's text layer readable?

Government PDFs often embed GBK fonts without a ToUnicode map: pdfminer then reads
``(cid:123)``, other readers give replacement characters, control codes or private-use
code points. A page is judged on the share of such glyphs, so one odd symbol does not
throw away a good page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

UNREADABLE_SHARE = 0.1
_UNREADABLE = re.compile(r"[\x00-\x1f\ue000-\uf8ff\ufffd]|\(cid:")


def unreadable(text: str) -> bool:
    if text.startswith("(cid:") or "\ufffd" in text:
        return True
    return any(ord(ch) < 0x20 or 0xE000 <= ord(ch) <= 0xF8FF for ch in text)


def garbled(texts: Iterable[str]) -> bool:
    """True when more than UNREADABLE_SHARE of the non-blank glyphs are unreadable."""
    texts = list(texts)
    if not _UNREADABLE.search("".join(texts)):
        return False  # the common case, told in one pass
    total = bad = 0
    for t in texts:
        if t.isspace():
            continue
        total += 1
        bad += unreadable(t)
    return total > 0 and bad > UNREADABLE_SHARE * total
