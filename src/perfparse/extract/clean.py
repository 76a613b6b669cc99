"""The one text-cleaning step every extractor applies to every cell and line.

It removes OCR markup (``<p>``, ``<br>``, checkbox ``<input>`` tags become ☑/☐),
rewrites LaTeX comparators (``$\\geq 90.00\\%$`` → ``≥90.00%``), maps look-alike
characters from PDF text layers back to unified ideographs (``项⽬`` → ``项目``,
``⻓效`` → ``长效``; NFKC covers the Kangxi Radicals block but not the CJK Radicals
Supplement, so the whole table, derived from Unicode's data, is
``grammars/lookalikes.yaml``, part of the run's grammar), and removes whitespace that
OCR puts between Chinese characters (``满意度 指 标`` → ``满意度指标``) while
keeping it between Latin words and numbers.
"""

from __future__ import annotations

import html
from functools import lru_cache

import regex

from perfparse.grammar import Grammar, bundled_grammar

# [^<>], not [^>]: a tag cannot hold "<", and with it a scan from each of many unclosed
# "<input " stops at the next "<" instead of running to the end of the text (quadratic
# time on a 28 kB cell); whether a box is checked is looked up inside the one match.
_CHECKBOX = regex.compile(r"<input\b[^<>]*>", regex.I)
_CHECKED = regex.compile(r"\bchecked\b", regex.I)
_BREAK = regex.compile(r"<\s*(br|/p|/div|/li)\s*/?>", regex.I)
_TAG = regex.compile(r"</?[a-zA-Z][^<>]*>")
_LATEX = [
    (regex.compile(r"\\(?:geqslant|geq|ge)(?![a-z])"), "≥"),
    (regex.compile(r"\\(?:leqslant|leq|le)(?![a-z])"), "≤"),
    (regex.compile(r"\\(?:neq|ne)(?![a-z])"), "≠"),
    (regex.compile(r"\\(?:times)(?![a-z])"), "×"),
    (regex.compile(r"\\%"), "%"),
    (regex.compile(r"\\(?:text|mathrm|mathbf)\{([^}]*)\}"), r"\1"),
    (regex.compile(r"\\[,;! ]"), ""),
]
_DOLLAR = regex.compile(r"\$([^$]*)\$")
# Whitespace with a CJK character (or full-width punctuation) on either side is OCR noise.
_CJK_SPACE = regex.compile(
    r"(?<=[\p{Han}\p{Bopomofo}（）【】《》“”‘’：；，。、！？])\s+"
    r"|\s+(?=[\p{Han}（）【】《》“”‘’：；，。、！？])")
_SPACES = regex.compile(r"[ \t\u3000\xa0]+")
_ANY_SPACE = regex.compile(r"\s")


def _box(m: regex.Match[str]) -> str:
    return "☑" if _CHECKED.search(m.group()) else "☐"


def latex_symbols(s: str) -> str:
    """LaTeX comparators, ``\\%`` and ``\\text{…}`` → plain text; LaTeX tables print them
    outside ``$…$`` too."""
    for pat, rep in _LATEX:
        s = pat.sub(rep, s)
    return s


def _latex(m: regex.Match[str]) -> str:
    return latex_symbols(m.group(1)).replace(" ", "")


@lru_cache(maxsize=65536)
def clean_text(text: str, grammar: Grammar | None = None) -> str:
    """Clean one cell or line with ``grammar``'s look-alike table (default: the bundled
    grammar's); idempotent, and cached because forms repeat cells."""
    if not text:
        return ""
    s = text
    if "<" in s:
        s = _CHECKBOX.sub(_box, s)
        s = _BREAK.sub("\n", s)
        s = _TAG.sub("", s)
    if "&" in s:
        s = html.unescape(s)
    if "$" in s:
        s = _DOLLAR.sub(_latex, s)
    if not s.isascii():
        s = s.translate((grammar or bundled_grammar()).lookalikes)
    if not _ANY_SPACE.search(s):  # most cells: nothing left to do
        return s
    s = _SPACES.sub(" ", s.replace("\r", ""))
    s = "\n".join(part.strip() for part in s.split("\n")).strip("\n")
    s = _CJK_SPACE.sub("", s)
    return s.replace("\n", "").strip()
