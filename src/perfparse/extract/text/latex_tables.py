"""LaTeX ``tabular`` environments (as Mathpix, Textin and other OCR tools write tables) →
a grid table with its ``\\multirow``/``\\multicolumn`` spans.

Rows end at ``\\\\`` and cells at ``&``, outside braces and nested environments (a cell's
own ``\\begin{tabular}`` or ``\\makecell`` breaks its lines with ``\\\\`` too). Rules
(``\\hline``, ``\\cline``, booktabs) are dropped. ``%`` is not a comment: OCR tools write
``90%`` unescaped as often as ``90\\%``.
"""

from __future__ import annotations

import regex

from perfparse.extract.clean import clean_text, latex_symbols
from perfparse.extract.text.spans import lay_out
from perfparse.grammar import Grammar
from perfparse.grid import Table

_ENVS = r"(?:tabular[*x]?|longtable|array)"
_OPEN = regex.compile(r"\\begin\{" + _ENVS + r"\}")
_TOKEN = regex.compile(r"\\(begin|end)\{" + _ENVS + r"\}")
# tabular* and tabularx take a width before the column specification.
_WIDTH_ARG = regex.compile(r"\\begin\{(?:tabular\*|tabularx)\}")
_RULES = regex.compile(
    r"\\(?:cline|hhline|cmidrule)\s*(?:\([^)]*\))?\s*\{[^{}]*\}"
    r"|\\(?:hline|toprule|midrule|bottomrule|endfirsthead|endhead|endfoot|endlastfoot"
    r"|centering|raggedright|raggedleft|arraybackslash)(?![a-zA-Z])")
_SPAN = regex.compile(r"\s*\\(multicolumn|multirow)(?![a-zA-Z])\s*")
_NESTED = regex.compile(r"\\(?:begin\{[^{}]*\}(?:\[[^\]]*\])?(?:\{(?:[^{}]|\{[^{}]*\})*\})?"
                        r"|end\{[^{}]*\})")
_COMMAND_ARG = regex.compile(r"\\[a-zA-Z]+\*?(?:\[[^\]]*\])?\{([^{}]*)\}")
_COMMAND = regex.compile(r"\\[a-zA-Z]+\*?")
_BRACE = regex.compile(r"(?<!\\)[{}]")
_ESCAPED = regex.compile(r"\\([%&_#${}])")
# Unwrapping \textbf{\textit{…}} takes one pass a level; deeper nesting is not a form's.
_MAX_NESTING = 8


def find_tabular(text: str, pos: int) -> tuple[int, int] | None:
    """Start and end of the first tabular environment at or after ``pos``, nested ones
    inside it included; one never closed runs to the last ``\\end`` after it. Each call
    scans forward once, so finding every table is linear in the text."""
    m = _OPEN.search(text, pos)
    if m is None:
        return None
    depth, last_end = 0, None
    for t in _TOKEN.finditer(text, m.start()):
        depth += 1 if t.group(1) == "begin" else -1
        if t.group(1) == "end":
            last_end = t.end()
            if depth == 0:
                break
    return (m.start(), last_end) if last_end is not None else None


def _group(s: str, i: int) -> tuple[str, int] | None:
    """The brace group starting at ``s[i]`` (after spaces): its content and end."""
    while i < len(s) and s[i].isspace():
        i += 1
    if i >= len(s) or s[i] != "{":
        return None
    depth, j = 0, i
    while j < len(s):
        if s[j] == "\\":  # an escaped brace or any command: not a brace of the group
            j += 2
            continue
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
            if depth == 0:
                return s[i + 1:j], j + 1
        j += 1
    return None


def _option(s: str, i: int) -> int:
    """Past an optional ``[…]`` argument at ``s[i]`` (after spaces), if there is one."""
    j = i
    while j < len(s) and s[j].isspace():
        j += 1
    if j < len(s) and s[j] == "[" and (end := s.find("]", j)) >= 0:
        return end + 1
    return i


def _split(s: str, sep: str) -> list[str]:
    """``s`` split at ``\\\\`` (sep ``\\``) or ``&``, outside braces and environments."""
    parts: list[str] = []
    depth = env = start = i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            if s.startswith("begin{", i + 1):
                env += 1
            elif s.startswith("end{", i + 1):
                env = max(0, env - 1)
            elif sep == "\\" and s.startswith("\\", i + 1) and not depth and not env:
                parts.append(s[start:i])
                i = start = _option(s, i + 2)  # \\[2pt]
                continue
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif ch == sep and not depth and not env:
            parts.append(s[start:i])
            start = i + 1
        i += 1
    parts.append(s[start:])
    return parts


def _span_arg(s: str, i: int, kind: str) -> tuple[int, str, int] | None:
    """(span, text, end) of ``\\multicolumn{n}{spec}{text}`` or
    ``\\multirow[vpos]{n}[bigstruts]{width}[fixup]{text}`` whose arguments start at
    ``s[i]``."""
    n = _group(s, i if kind == "multicolumn" else _option(s, i))
    if n is None:
        return None
    i = n[1] if kind == "multicolumn" else _option(s, n[1])
    middle = _group(s, i)
    if middle is None:
        return None
    text = _group(s, _option(s, middle[1]))
    if text is None:
        return None
    try:
        span = int(n[0].strip())
    except ValueError:
        span = 1
    return max(1, span), text[0], text[1]


def _field(s: str, grammar: Grammar | None) -> tuple[str, int, int]:
    """One ``&``-separated field → (text, rowspan, colspan)."""
    spans = {"multirow": 1, "multicolumn": 1}
    for _ in range(len(spans)):  # \multicolumn{2}{c}{\multirow{2}{*}{…}} and the reverse
        m = _SPAN.match(s)
        if m is None or (found := _span_arg(s, m.end(), m.group(1))) is None:
            break
        spans[m.group(1)], inner, end = found
        s = inner + " " + s[end:]
    return _text(s, grammar), spans["multirow"], spans["multicolumn"]


def _text(s: str, grammar: Grammar | None) -> str:
    s = _NESTED.sub(" ", s).replace("\\\\", "\n")
    s = latex_symbols(s)
    for _ in range(_MAX_NESTING):
        s, n = _COMMAND_ARG.subn(r"\1", s)
        if not n:
            break
    s = _BRACE.sub("", _COMMAND.sub(" ", s))
    return clean_text(_ESCAPED.sub(r"\1", s), grammar)


def latex_table(markup: str, grammar: Grammar | None = None) -> Table | None:
    """The table of one tabular environment (as :func:`find_tabular` delimits it), or
    None when it has no cells."""
    head = _OPEN.match(markup)
    if head is None:
        return None
    i = _option(markup, head.end())
    if _WIDTH_ARG.match(markup) and (width := _group(markup, i)):
        i = width[1]
    if spec := _group(markup, i):
        i = spec[1]
    body = markup[i:]
    if (end := body.rfind("\\end{")) >= 0:
        body = body[:end]
    body = _RULES.sub(" ", body.replace("\\tabularnewline", "\\\\"))
    rows = [[_field(f, grammar) for f in _split(row, "&")]
            for row in _split(body, "\\") if row.strip()]
    table = lay_out(rows, placeholders=True)
    return table if table.cells else None
