"""Split rows into forms at their title lines.

A title line (…绩效目标申报表, …绩效自评表) starts a form; a document heading
(…汇总表) does not. A title qualified as a later part of a multi-part form
(（绩效目标）, (制度保障)) continues the form before it. Rows between titles —
across blank lines, page breaks and repeated captions — belong to one form;
the normaliser recognises repeated header rows inside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfparse.grammar import Grammar
from perfparse.grid import Grid
from perfparse.segment.rows import Row, flatten

_MAX_TITLE_LEN = 60
_YEAR_LOOKAHEAD = 3


@dataclass(slots=True)
class Segment:
    title: str
    kind: str
    fiscal_year: int | None
    start: Row
    rows: list[Row] = field(default_factory=list)


def _title(row: Row, g: Grammar) -> tuple[str, str] | None:
    texts = row.texts()
    if not texts or len(texts) > 2:
        return None
    text = texts[0][1]
    if len(text) > _MAX_TITLE_LEN or g.not_titles.search(text):
        return None
    for pattern, kind in g.titles:
        if pattern.search(text):
            return text, kind
    return None


def _part(title: str, parts: list[str]) -> bool:
    """Whether the title is qualified by one of ``parts``: …申报表（绩效目标）."""
    return any(f"（{p}）" in title or f"({p})" in title for p in parts)


def _year(rows: list[Row], i: int, g: Grammar) -> tuple[int | None, int]:
    """Fiscal year from the title row or a line right after it; returns (year, rows used)."""
    for k in range(_YEAR_LOOKAHEAD + 1):
        if i + k >= len(rows):
            break
        m = g.fiscal_year.search(rows[i + k].joined())
        if m:
            return int(m.group(1)), k
        if k and len(rows[i + k].texts()) > 1:
            break  # the form's table began: no year line
    return None, 0


def segment(grid: Grid, g: Grammar) -> list[Segment]:
    rows = flatten(grid)
    segments: list[Segment] = []
    parts = g.labels.title_parts
    i = 0
    while i < len(rows):
        found = _title(rows[i], g)
        if found is None:
            if segments:
                segments[-1].rows.append(rows[i])
            i += 1
            continue
        title, kind = found
        year, used = _year(rows, i, g)
        if segments and _part(title, parts.continuation) and not _part(title, parts.first):
            i += used + 1  # a later part of the form already open
            continue
        base = title
        for p in parts.first:
            base = base.replace(f"（{p}）", "").replace(f"({p})", "")
        segments.append(Segment(base, kind, year, rows[i]))
        i += used + 1
    return segments
