"""Split rows into forms by content.

A form is recognised by what it prints, not by one title wording: a title line
(…绩效目标申报表, …审批表, …自评表) opens a form, and so does a 项目名称 row when
no form is open or the open one already names another project (several
projects printed one after another, forms with no title at all). A title seen
before the open form printed anything of its own (a web page's heading above
the form's own title row) retitles it instead of opening an empty form. A
title qualified as a later part of a multi-part form (（绩效目标）, (制度保障))
continues the form before it, and so does the form's title repeated as a running
page header. Rows that belong to no form — page chrome,
index tables (索引号…), attachment lists — are dropped by the assembler, which
keeps only segments with a project or an indicator table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfparse.grammar import Grammar
from perfparse.grid import Grid
from perfparse.segment.rows import Row, flatten

_MAX_TITLE_LEN = 60
_YEAR_LOOKAHEAD = 3
_PAIR_ROW_MAX = 6  # more cells than this make a column header, not a label/value row


@dataclass(slots=True)
class Segment:
    title: str | None
    kind: str | None  # None when no title says it: the assembler decides from the columns
    fiscal_year: int | None
    start: Row
    rows: list[Row] = field(default_factory=list)
    project: str | None = None  # the 项目名称 value this segment printed first
    has_content: bool = False  # printed a field or table row of its own


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
    m = g.title_year.search(rows[i].joined())
    return (int(m.group(1)) if m else None), 0


def _project_name(row: Row, g: Grammar) -> str | None:
    """The value of a 项目名称 label/value row (``项目名称 | x`` or ``项目名称：x``)."""
    texts = row.texts()
    if not texts or len(texts) > _PAIR_ROW_MAX:
        return None
    for i, (_, text) in enumerate(texts):
        head, sep, tail = text.replace(":", "：").partition("：")
        if g.lookup(g.fields, text) == "project.name":
            value = texts[i + 1][1] if i + 1 < len(texts) else ""
        elif sep and tail.strip() and g.lookup(g.fields, head) == "project.name":
            value = tail.strip()
        else:
            continue
        return value if value and g.lookup(g.fields, value) is None else None
    return None


def segment(grid: Grid, g: Grammar) -> list[Segment]:
    # Page numbers printed between the pages of a table are not part of any form.
    rows = [r for r in flatten(grid)
            if not (r.is_line and g.page_furniture.fullmatch(r.joined().strip()))]
    segments: list[Segment] = []
    parts = g.labels.title_parts
    cur: Segment | None = None
    i = 0
    while i < len(rows):
        row = rows[i]
        found = _title(row, g)
        if found is not None:
            title, kind = found
            year, used = _year(rows, i, g)
            i += used + 1
            if cur is not None and _part(title, parts.continuation) and not _part(
                    title, parts.first):
                continue  # a later part of the form already open
            for p in parts.first:
                title = title.replace(f"（{p}）", "").replace(f"({p})", "")
            if cur is not None and not cur.has_content:
                cur.title, cur.kind, cur.start = title, kind, row
                cur.fiscal_year = year or cur.fiscal_year
                continue
            cur = Segment(title, kind, year, row)
            segments.append(cur)
            continue
        name = _project_name(row, g)
        if name is not None and (cur is None or (cur.project is not None
                                                 and g.key(name) != g.key(cur.project))):
            # A new project: a form with no title, or the next of several in one table.
            inherited = cur if cur is not None and cur.has_content else None
            cur = Segment(inherited.title if inherited else None,
                          inherited.kind if inherited else None,
                          inherited.fiscal_year if inherited else None, row)
            segments.append(cur)
        if cur is not None:
            cur.rows.append(row)
            if name is not None and cur.project is None:
                cur.project = name
            if not row.is_line:
                cur.has_content = True
        i += 1
    return _join_running_titles(segments)


def _join_running_titles(segments: list[Segment]) -> list[Segment]:
    """A title printed again at the top of the next page, with no 项目名称 of its own
    after it, is a running page header: its rows continue the form before it. (A form
    printed twice prints its 项目名称 again.)"""
    out: list[Segment] = []
    for s in segments:
        prev = out[-1] if out else None
        if prev is not None and s.project is None and prev.project is not None \
                and s.title == prev.title:
            prev.rows.extend(s.rows)
        else:
            out.append(s)
    return out
