"""Split rows into forms by content.

A form is recognised by what it prints, not by one title wording: a title line
(…绩效目标申报表, …审批表, …自评表) opens a form, and so does a 项目名称 row when no form is
open or the open one already names another project (several projects printed one after
another, forms with no title at all). A title seen before the open form printed anything of
its own (a web page's heading above the form's own title row) retitles it instead of opening
an empty form. A title qualified as a later part of a multi-part form (（绩效目标）,
(制度保障)) continues the form before it, and so does the form's title repeated as a running
page header (not where the rows under it label again a field of the head the form printed
already: that is the next form, its 项目名称 label misread). A title OCR read with doubt is
qualified by the part one misread character away from its last bracketed words ((横效目标)
is (绩效目标)), and a doubtful line ending in …表 and a part's words is a part's title
though OCR spoilt the words a title pattern looks for (…目标率报表（绩效目标）). A part the
open form has not printed yet repeats the form's 项目名称: read there with doubt and one
character in four apart at most (the part's caption under it read into it as well, a ruling
lost), it is the same name misread, not a new project (a part never printed before its
form's first, so two projects of one document, 一期 and 二期, each print their own first
part). Rows that belong to no form — page chrome, index tables (索引号…), attachment lists —
are dropped by the assembler, which keeps only segments with a project or an indicator
table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from perfparse.extract.ocr.confidence import LOW
from perfparse.grammar import Grammar, label_key, misread_alike
from perfparse.grid import Grid
from perfparse.segment.rows import Row, flatten

_MAX_TITLE_LEN = 60
_YEAR_LOOKAHEAD = 3
_PAIR_ROW_MAX = 6  # more cells than this make a column header, not a label/value row
_QUALIFIER = regex.compile(r"[（(]([^()（）]+)[)）]\s*$")  # …申报表（绩效目标）
_BRACKETED = regex.compile(r"[（(]\s*([^()（）]+?)\s*[)）]")
_PART_TITLE = regex.compile(r"表\s*[（(][^()（）]+[)）]\s*$")  # …表（绩效目标）


@dataclass(slots=True)
class Segment:
    title: str | None
    kind: str | None  # None when no title says it: the assembler decides from the columns
    fiscal_year: int | None
    start: Row
    rows: list[Row] = field(default_factory=list)
    project: str | None = None  # the 项目名称 value this segment printed first
    has_content: bool = False  # printed a field or table row of its own
    project_doubtful: bool = False  # OCR read the 项目名称 row with doubt
    parts: set[str] = field(default_factory=set)  # the title parts printed (keys)
    new_parts: set[str] = field(default_factory=set)  # the later parts just begun (keys)


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


def _parts(title: str, doubtful: bool, g: Grammar) -> tuple[set[str], str]:
    """The title parts (keys) qualifying ``title`` (…申报表（绩效目标）), and the title
    without a first part's qualifier. A title OCR read with doubt (``doubtful``) is
    qualified by the one part its last bracketed words are a misreading of."""
    parts = g.labels.title_parts
    # Full- and half-width brackets are mixed as often in print as in OCR: （绩效目标).
    bracketed = {m[1] for m in _BRACKETED.finditer(title)}
    found = {label_key(p) for p in (*parts.first, *parts.continuation) if p in bracketed}
    if not found and doubtful and (m := _QUALIFIER.search(title)) \
            and (near := g.nearest_part(m[1])):
        found, title = {near}, title[:m.start()] + f"（{near}）" + title[m.end():]
    title = _BRACKETED.sub(lambda m: "" if m[1] in parts.first else m[0], title)
    return found, title


def _doubtful(row: Row) -> bool:
    conf = row.confidence()
    return conf is not None and conf < LOW


def _part_title(row: Row, g: Grammar) -> tuple[str, str | None] | None:
    """A doubtful line ``…表（part）`` no title pattern matched: a part's title."""
    texts = row.texts()
    if not row.is_line or not _doubtful(row) or len(texts[0][1]) > _MAX_TITLE_LEN \
            or not _PART_TITLE.search(texts[0][1]) or not _parts(texts[0][1], True, g)[0]:
        return None
    return texts[0][1], None


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
    """The value of a 项目名称 label/value row (``项目名称 | x`` or ``项目名称：x``), or of a
    free line that runs label and value together (``项目名称x``: a table printed without
    borders, its two cells read as one line)."""
    texts = row.texts()
    if not texts or len(texts) > _PAIR_ROW_MAX:
        return None
    if row.is_line:
        text = texts[0][1]
        for label in sorted(g.labels.fields.get("project.name", ()), key=len, reverse=True):
            value = text[len(label):].lstrip(" ：:") if text.startswith(label) else ""
            if value and g.lookup(g.fields, value) is None:
                return value
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
    first = {label_key(p) for p in g.labels.title_parts.first}
    cur: Segment | None = None
    i = 0
    while i < len(rows):
        row = rows[i]
        found = _title(row, g) or _part_title(row, g)
        if found is not None:
            year, used = _year(rows, i, g)
            i += used + 1
            parts, title = _parts(found[0], _doubtful(row), g)
            kind = found[1] or (cur.kind if cur is not None else None)
            if cur is not None and parts and not parts & first:
                # A later part of the form already open.
                cur.new_parts, cur.parts = parts - cur.parts, cur.parts | parts
                continue
            if cur is not None and not cur.has_content:
                cur.title, cur.kind, cur.start = title, kind, row
                cur.fiscal_year = year or cur.fiscal_year
                continue
            cur = Segment(title, kind, year, row, parts=parts)
            segments.append(cur)
            continue
        name = _project_name(row, g)
        if name is not None and (cur is None or (cur.project is not None
                                                 and g.key(name) != g.key(cur.project)
                                                 and not _misread(name, row, cur, g))):
            # A new project: a form with no title, or the next of several in one table.
            inherited = cur if cur is not None and cur.has_content else None
            cur = Segment(inherited.title if inherited else None,
                          inherited.kind if inherited else None,
                          inherited.fiscal_year if inherited else None, row)
            segments.append(cur)
        if cur is not None:
            cur.rows.append(row)
            if name is not None:
                cur.new_parts = set()
                if cur.project is None:
                    cur.project, cur.project_doubtful = name, _doubtful(row)
            if not row.is_line:
                cur.has_content = True
        i += 1
    return _join_running_titles(segments, g)


def _misread(name: str, row: Row, cur: Segment, g: Grammar) -> bool:
    """Whether ``name``, printed by a part ``cur`` has not printed before, is its
    project's name misread: either read with doubt, and one character in four apart.
    The part's caption, the first cell under the name, may be read into it too, when
    the scan lost the ruling between them (…项目运管制度保障)."""
    if not cur.new_parts or not (cur.project_doubtful or _doubtful(row)):
        return False
    key = g.key(name)
    read = {key, *(key.removesuffix(p) for p in cur.new_parts)}
    return any(misread_alike(k, g.key(cur.project or "")) for k in read)


def _heads(s: Segment, g: Grammar) -> set[str]:
    """The fields of a form's head (project.*) that the rows of ``s`` label."""
    found = (g.lookup(g.fields, text) for row in s.rows if not row.is_line
             for _, text in row.texts())
    return {f for f in found if f is not None and f.startswith("project.")}


def _join_running_titles(segments: list[Segment], g: Grammar) -> list[Segment]:
    """A title printed again at the top of the next page, with no 项目名称 of its own
    after it, is a running page header: its rows continue the form before it. (A form
    printed twice prints its 项目名称 again.) Unless its rows label again a field of the
    form's head that the form before printed already (主管部门, 实施单位): that is the
    next form, whose 项目名称 label OCR spoilt."""
    out: list[Segment] = []
    for s in segments:
        prev = out[-1] if out else None
        if prev is not None and s.project is None and prev.project is not None \
                and s.title == prev.title and not _heads(s, g) & _heads(prev, g):
            prev.rows.extend(s.rows)
        else:
            out.append(s)
    return out
