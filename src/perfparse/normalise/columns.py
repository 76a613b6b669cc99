"""An indicator table's header rows → the role of each column.

Every head is mapped through the grammar's synonyms (a matching layout file is
consulted first and wins); a head no synonym names exactly takes the role of the
longest synonym inside it, and one with none is kept as an extra. Sub-heads in a
second header row replace the group head over them. A role printed twice belongs to
its rightmost column (the year's block beside a mid-term one, a weighted score
beside the raw one), an exact head before a contained one.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from perfparse.extract.ocr.confidence import LOW
from perfparse.grammar import Grammar, Layout, misread_alike
from perfparse.normalise.values import parse_score
from perfparse.segment import Row

LEVELS = ("level1", "level2")
# Columns of a multi-project table that describe the project, not the indicator.
PROJECT_PREFIXES = ("project.", "goals.", "fund.")


def is_project_role(role: str) -> bool:
    return role.startswith(PROJECT_PREFIXES)
LABEL_MAX = 24  # a longer cell is a value or a sentence: no column head, no level label
_DIGIT = regex.compile(r"\d")
_PAIR = regex.compile(r"[:：].")  # 单位:万元 is a label with its value, not a column head


@dataclass(frozen=True, slots=True)
class Column:
    col: int
    role: str  # an indicator role, a project-level role (is_project_role) or "extra:<label>"
    label: str  # the header text as printed: extras are keyed by it
    exact: bool = True  # a synonym names the head (not one found inside it)


def header_role(g: Grammar, layout: Layout | None, text: str) -> tuple[str, bool] | None:
    """A header cell's role and whether a synonym named it exactly; None for a caption."""
    return g.memo(f"head:{layout.name if layout else ''}", text,
                  lambda: _header_role(g, layout, text))


def _header_role(g: Grammar, layout: Layout | None, text: str) -> tuple[str, bool] | None:
    k = g.key(text)
    if k in g.captions or g.strip_annotation(k) in g.captions:
        return None
    if layout is not None and (role := layout_role(g, layout, text)) is not None:
        return role, True
    if (role := g.lookup(g.ind_columns, text)) is not None:
        return (f"extra:{text}" if role == "extra" else role), True
    field_ = g.lookup(g.fields, text)
    if field_ is not None and is_project_role(field_):
        return field_, True
    if g.lookup(g.fund_columns, text) == "budget":
        return "fund.budget", True
    if len(text) <= LABEL_MAX and (role := g.contained_role(text)) is not None \
            and role != "extra":
        return role, False
    return f"extra:{text}", False


def layout_role(g: Grammar, layout: Layout, text: str) -> str | None:
    k = g.key(text)
    return next((r for lab, r in layout.columns.items() if g.key(lab) == k), None)


def header_columns(g: Grammar, layout: Layout | None, row: Row) -> list[Column] | None:
    """The row's columns if it is an indicator header: three indicator roles or more,
    a name or level 2 column among them named exactly, and no value in it."""
    texts = row.all_texts()
    if len(texts) < 3 or any(_DIGIT.search(t) and parse_score(t, grammar=g) is not None
                             for _, t in texts):
        return None  # most rows: a figure in it, or too few cells to head a table
    cols: list[Column] = []
    exact: set[str] = set()
    captions: list[tuple[int, str]] = []
    for c, t in row.all_texts():  # with head cells merged down from a group-head row
        hit = header_role(g, layout, t)
        if hit is None:
            captions.append((c, t))
            continue
        if any(level_vocab(g, t)):
            continue  # a level label floated into the header row
        if parse_score(t, grammar=g) is not None:
            return None
        role, is_exact = hit
        cols.append(Column(c, role, t, is_exact))
        if is_exact:
            exact.add(role)
    if layout is not None and layout.indicator_columns:
        cols = _misread_heads(cols, layout, row)
    if any(c.role == "project.name" for c in cols):
        # A multi-project table: 年度绩效目标 heads each project's goal, not the table.
        for c, t in list(captions):
            field_ = g.lookup(g.fields, t)
            if field_ is not None and is_project_role(field_):
                cols.append(Column(c, field_, t))
                captions.remove((c, t))
        cols.sort(key=lambda x: x.col)
    cols = _near_heads(g, _name_after_levels(cols), row)
    named = {c.role for c in cols if not c.role.startswith("extra")}
    name_col = next((c.col for c in cols if c.role == "name"), None)
    if not named & set(LEVELS) and name_col is not None:
        # Level columns under a head that names no level: a bare caption (指标 | 指标内容)
        # heads one; a head spanning two columns (评价内容 over 产出目标 | 数量目标), two.
        left = [(c, t) for c, t in captions if c < name_col] + [
            (c.col, c.label) for c in cols if c.role.startswith("extra") and c.col < name_col]
        if left:
            col, text = max(left)
            span = next((rc.cell.colspan for rc in row.cells
                         if rc.col == col and rc.cell is not None), 1)
            cols = [c for c in cols if c.col != col]
            cols += [Column(col + i, role, text) for i, role in enumerate(LEVELS[:span])]
            cols.sort(key=lambda x: x.col)
            named.update(LEVELS[:span])
    if len(named) < 3 or not {"name", "level2"} & exact:
        return None
    return cols


def _name_after_levels(cols: list[Column]) -> list[Column]:
    """With no head naming the indicator's name, the head right of the level columns
    names it: in every layout of the family the name follows its levels, and a head
    standing there that no synonym names is a misread (三@指标) or a synonym the grammar
    lacks, not a column of another kind."""
    if any(c.role == "name" for c in cols):
        return cols
    last = max((k for k, c in enumerate(cols) if c.role in LEVELS), default=None)
    if last is None or last + 1 >= len(cols) or not cols[last + 1].role.startswith("extra"):
        return cols
    nxt = cols[last + 1]
    return [*cols[:last + 1], Column(nxt.col, "name", nxt.label, False), *cols[last + 2:]]


def _near_heads(g: Grammar, cols: list[Column], row: Row) -> list[Column]:
    """Heads OCR read as no label, one character from the heads of just one role that the
    row's other heads leave open (博分 for 得分): alone, two-character heads are too near
    one another to snap (grammar.MIN_SNAP), but a header row names most of its roles."""
    named = {c.role for c in cols if not c.role.startswith("extra")}
    if len(named) < 3:
        return cols
    read = {rc.col for rc in row.cells if rc.cell is not None and not rc.carried
            and rc.cell.confidence is not None}
    out = []
    for c in cols:
        if c.role.startswith("extra") and c.col in read:
            k = g.key(c.label)
            roles = {g.ind_columns[w] for w in g.words.get(len(k), ())
                     if w in g.ind_columns and misread_alike(k, w)} - {"extra"}
            if len(roles) == 1 and not roles & named:
                c = Column(c.col, roles.pop(), c.label, False)
                named.add(c.role)
        out.append(c)
    return out


def _misread_heads(cols: list[Column], layout: Layout, row: Row) -> list[Column]:
    """Heads OCR read with doubt and as no label (三缘自标) take the role the layout lists
    for their column, when every head read as a label stands where the layout lists its
    role: the layout states what the table prints there."""
    roles = layout.indicator_columns
    named = {c.role: c.col for c in cols if not c.role.startswith("extra")}
    offsets = {col - roles.index(role) if role in roles else None for role, col in named.items()}
    if len(offsets) != 1 or None in offsets:
        return cols
    (offset,) = offsets
    doubtful = {rc.col for rc in row.cells if rc.cell is not None and not rc.carried
                and rc.cell.confidence is not None and rc.cell.confidence < LOW}

    def role(c: Column) -> str:
        k = c.col - offset
        if c.role.startswith("extra") and c.col in doubtful and 0 <= k < len(roles) \
                and roles[k] not in named:
            return roles[k]
        return c.role

    return [Column(c.col, r, c.label, False) if (r := role(c)) != c.role else c for c in cols]


def level_vocab(g: Grammar, text: str) -> tuple[bool, bool]:
    """Whether the grammar lists the label as a level 1, as a level 2."""
    k = g.strip_annotation(g.key(text))
    return k in g.level1, k in g.level2


def label_row(g: Grammar, layout: Layout | None, row: Row) -> list[Column] | None:
    """A row of header labels only (a group-head row, sub-heads, a header repeated
    after a page break): two cells or more, every one a known column label."""
    cols: list[Column] = []
    for c, t in row.texts():
        hit = header_role(g, layout, t)
        if hit is None:
            continue
        if hit[0].startswith("extra") or is_project_role(hit[0]) or _PAIR.search(t) \
                or len(t) > LABEL_MAX or parse_score(t, grammar=g) is not None:
            return None
        cols.append(Column(c, hit[0], t, hit[1]))
    return cols if len(cols) >= 2 else None


def merge_header(upper: list[Column], lower: list[Column]) -> list[Column]:
    """Sub-heads replace the group head standing over the same column, except sub-heads
    that name no role (区域目标值 over 全市 | 甲县 | 乙县): the group's role stays on its
    first column and the other sub-columns are extras."""
    by_col = {c.col: c for c in upper}
    named = {c.role for c in lower if not c.role.startswith("extra")}
    for c in lower:
        over = by_col.get(c.col)
        # The group's role stays only where no sub-head names it (偏差原因 over 偏差类型 |
        # 原因说明及改进措施: the reason is the second sub-column).
        if over is None or not c.role.startswith("extra") or over.role.startswith("extra") \
                or over.role in named:
            by_col[c.col] = c
    return [by_col[k] for k in sorted(by_col)]


def sub_heads(g: Grammar, layout: Layout | None, row: Row,
              header: list[Column]) -> list[Column] | None:
    """The row under a header, when it holds only short labels and none under the name
    or level columns: the sub-heads of the header's groups, named by a synonym or not."""
    taken = {c.col for c in header if c.role in ("name", *LEVELS)}
    cols = []
    for c, t in row.texts():
        if c in taken:
            return None
        # A figure, a level label or a long text makes it the table's first row instead.
        if len(t) > LABEL_MAX or _DIGIT.search(t) or any(level_vocab(g, t)) \
                or g.level_suffix.search(g.strip_annotation(g.key(t))):
            return None
        hit = header_role(g, layout, t)
        if hit is not None:
            cols.append(Column(c, hit[0], t, hit[1]))
    return cols if len(cols) >= 2 else None


def rightmost(cols: list[Column]) -> list[Column]:
    """A role printed twice belongs to its rightmost column (the annual block beside a
    mid-term one, a weighted score beside the raw one), a head a synonym names exactly
    before one that only contains a synonym; the others become extras."""
    last: dict[str, Column] = {}
    for c in cols:
        if c.role not in last or c.exact or not last[c.role].exact:
            last[c.role] = c
    return [c if last[c.role] is c else Column(c.col, f"extra:{c.label}", c.label)
            for c in cols]
