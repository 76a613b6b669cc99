"""The indicator table's rows → indicator drafts with their levels.

Levels are read by position: whatever sits in the level columns is a level,
with its score annotation (``产出指标(50分)``) removed. Position is trusted where
nothing suggests OCR moved a cell (a merged cell, a row that fills its columns);
elsewhere a label must look like a level (the grammar lists it, or it ends in
指标 / 目标). The vocabulary decides which level a label is when OCR moved it
(``可持续影响指标`` in the level-1 column is a level 2, and the rest of the row
moves with it), infers an unprinted level 1 from its level 2, and cues a level a
page break cut off. The other cells go to the header's roles by
:mod:`perfparse.normalise.align`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from perfparse.grammar import Grammar, Layout, TimedPattern
from perfparse.normalise.align import AMOUNT, DIGIT, NUMBER, TEXT_ROLES, align, fit, place
from perfparse.normalise.columns import (
    LABEL_MAX,
    LEVELS,
    Column,
    header_columns,
    header_role,
    is_project_role,
    label_row,
    level_vocab,
    merge_header,
    rightmost,
    sub_heads,
)
from perfparse.normalise.values import ParsedValue, parse_percent, parse_score
from perfparse.segment import Row

_VALUE_ROLES = ("target", "target_number", "actual", "weight", "score")
_SPLIT = ("target_op", "target_number", "target_unit")
_SLASH = regex.compile(r"\s*[/／]\s*")
_DASH = regex.compile(r"\s*[-–—－]+\s*")


@dataclass(slots=True)
class IndicatorDraft:
    level1: str | None
    level2: str | None
    cells: dict[str, str]  # role → printed text
    row: Row
    explicit: bool = False  # the row printed its own level label
    inferred: list[str] = field(default_factory=list)  # level-inferred warning messages
    extras: dict[str, str] = field(default_factory=dict)
    project: dict[str, str] = field(default_factory=dict)  # project columns of the row
    shifted: bool = False  # cells were realigned to their columns by content
    table: int = 0  # which of the form's indicator tables the row belongs to


@dataclass(slots=True)
class IndicatorReader:
    g: Grammar
    layout: Layout | None = None
    columns: list[Column] = field(default_factory=list)
    level1: str | None = None
    level2: str | None = None
    drafts: list[IndicatorDraft] = field(default_factory=list)
    total: dict[str, str] | None = None
    fund_row: dict[str, str] | None = None  # 预算执行率 printed as a row of the table
    _moved: bool = False  # the row just read had cells off their header columns
    unknown_levels: list[str] = field(default_factory=list)  # labels no grammar lists
    tables: list[str] = field(default_factory=lambda: [""])  # caption of each table read
    _split: regex.Pattern[str] | TimedPattern | None = None
    _block: int | None = None  # grid block of the last row: a change is a page break
    _pending: tuple[str, str] | None = None  # a text fragment waiting for its row
    _sub_ok: bool = False  # the row after a header may be its sub-heads
    _where: dict[str, int] = field(default_factory=dict)
    _pairs: dict[str, tuple[str, str]] = field(default_factory=dict)  # 分值/得分 columns

    def __post_init__(self) -> None:
        if self.layout is not None:
            self._use([Column(i, r, r) for i, r in enumerate(self.layout.indicator_columns)])
            if self.layout.level2_name_pattern:
                self._split = regex.compile(self.layout.level2_name_pattern)

    # ---- the header -------------------------------------------------------------------

    def header(self, row: Row, prev: Row | None = None) -> bool:
        cols = header_columns(self.g, self.layout, row)
        if cols is None:
            return False
        # The table's caption: what the header row prints left of its first column.
        first = min(c.col for c in cols if not c.role.startswith("extra"))
        caption = "".join(t for c, t in row.texts() if c < first)
        if not self.drafts:
            self.tables[-1] = caption
        elif caption != self.tables[-1]:
            self.tables.append(caption)  # another indicator table of the same form
        if self._sub_ok:  # the lower half of a two-row header, its merged heads repeated
            cols = merge_header(self.columns, cols)
        elif prev is not None and (upper := label_row(self.g, self.layout, prev)) is not None \
                and header_columns(self.g, self.layout, prev) is None:
            cols = merge_header(upper, cols)
        self._use(rightmost(self._combined(cols)))
        self._pair_heads(self.columns)
        self._sub_ok = True
        for _, t in row.texts():  # a level1 label floated into the caption column
            k = self.g.strip_annotation(self.g.key(t))
            if k in self.g.level1:
                self.level1, self.level2 = self.g.level1[k], None
        return True

    def _use(self, columns: list[Column]) -> None:
        self.columns = columns
        self._where = {c.role: c.col for c in reversed(columns)}  # role → its first column

    def _pair_heads(self, cols: list[Column]) -> None:
        """Heads naming two roles (分值/得分) over cells printing two values (15/13.5)."""
        self._pairs = {}
        for c in cols:
            parts = _SLASH.split(c.label)
            roles = [header_role(self.g, self.layout, p) for p in parts]
            if len(parts) == 2 and all(r is not None and r[1] and not r[0].startswith(
                    "extra") for r in roles) and roles[0] != roles[1]:
                self._pairs[c.role] = (roles[0][0], roles[1][0])  # type: ignore[index]

    def _split_pairs(self, assigned: dict[str, str]) -> dict[str, str]:
        for role, (first, second) in self._pairs.items():
            parts = _SLASH.split(assigned.get(role, ""))
            if len(parts) == 2:
                del assigned[role]
                assigned[first], assigned[second] = parts
        return assigned

    def _role_at(self, col: int) -> str | None:
        return next((c.role for c in self.columns if c.col == col), None)

    def _combined(self, cols: list[Column]) -> list[Column]:
        """A level head naming the name column in brackets (二级指标（三级指标）) heads the
        name column, whose cells print the level 2 with the name: they are split."""
        if any(c.role == "name" for c in cols):
            return cols
        out = []
        for c in cols:
            m = self.g.level_combined.match(c.label)
            if c.role in LEVELS and m and header_role(self.g, self.layout, m["name"]) == (
                    "name", True):
                c = Column(c.col, "name", c.label)
                self._split = self._split or self.g.level_combined
            out.append(c)
        return out

    def _col(self, role: str) -> int | None:
        return self._where.get(role)

    def _unit_before_values(self) -> bool:
        """A 计量单位 column printed before both value columns is the unit of both; one
        between 指标值 and 完成值 belongs to the target alone (the actual prints its own)."""
        unit, actual = self._col("target_unit"), self._col("actual")
        target = self._col("target")
        if target is None:
            target = self._col("target_number")
        return (unit is not None and actual is not None and unit < actual
                and (target is None or unit < target))

    @property
    def roles(self) -> list[tuple[int, str]]:
        return [(c.col, c.role) for c in self.columns if c.role not in LEVELS]

    @property
    def has_project_columns(self) -> bool:
        return any(c.role == "project.name" for c in self.columns)

    def is_total(self, row: Row) -> bool:
        texts = row.texts()
        return bool(texts) and self.g.key(texts[0][1]) in self.g.total_row

    def read_total(self, row: Row) -> None:
        texts = row.texts()[1:]
        if self._pairs:  # 100/89.5 under 分值/得分: the weight total and the score
            split = self._split_pairs({r: t for (c, t), r in zip(
                texts, (self._role_at(c) for c, _ in texts), strict=True) if r})
            texts = [(self._col(r) or 0, t) for r, t in split.items()]
        numbers = [(c, t) for c, t in texts if parse_score(t, grammar=self.g) is not None]
        scored = [(c, r) for c, r in self.roles if r in ("weight", "score")]
        # With no weight or score column, a self-evaluation's 总分 is its score, and a
        # target table's 合计 sums amounts (a department's total of several projects).
        if scored and numbers:
            self.total = align(numbers, scored) or {"score": numbers[-1][1]}
        elif numbers and self._col("actual") is not None:
            self.total = {"score": numbers[-1][1]}
        else:
            self.total = None

    # ---- rows -------------------------------------------------------------------------

    def read(self, row: Row) -> None:
        sub_ok, self._sub_ok = self._sub_ok, False
        if sub_ok and (labels := sub_heads(self.g, self.layout, row, self.columns)) is not None:
            self._use(rightmost(merge_header(self.columns, labels)))
            return
        if label_row(self.g, self.layout, row) is not None:
            return  # a header repeated after a page break
        after_break = self._block is not None and row.block != self._block
        self._block = row.block
        level_cols = {c for c in (self._col("level1"), self._col("level2")) if c is not None}
        cells = [(rc.col, rc.text) for rc in row.cells
                 if rc.text and (not rc.carried or rc.col in level_cols)
                 and not self.caption(rc.text)]
        if not cells:
            return
        # Where position can be trusted: merged cells, and a row filling its columns.
        placed = {rc.col for rc in row.cells
                  if rc.carried or (rc.cell is not None and rc.cell.rowspan > 1)}
        placed |= self._filled(cells)
        pre, levels, post = self._split_levels(cells, placed)
        shift = self._set_levels(levels, cells[-1]) if levels else None
        # A level column right of the first level label (columns between the levels, a
        # block printed twice side by side): its label is this row's level, not a value.
        for role in LEVELS:
            col = self._col(role)
            if levels and col is not None and col > levels[-1][0] + (shift or 0):
                hit = [(c, t) for c, t in post
                       if c + (shift or 0) == col and self._levelish(c, t, placed)]
                if hit:
                    post.remove(hit[0])
                    setattr(self, role, self.g.level_text(hit[0][1]))
        if levels and after_break:
            self._reclaim(row.block)
        if not post and not pre:
            return  # a level row with no indicator (an empty 生态效益指标 row)
        if self._split is not None and post:
            m = self._split.match(post[0][1])
            if m:
                self.level2 = m.group("level2")
                post[0] = (post[0][0], m.group("name"))
        carried = {rc.col for rc in row.cells if rc.carried}
        name_col = self._col("name")
        if levels and all(c in carried for c, _ in levels) and name_col is not None \
                and not pre and all(c > name_col for c, _ in post):
            # Only merged level cells carried into this row, and cells right of the name:
            # no indicator of its own (a text run on from the row above, or a fragment
            # a scan read into a row of its own).
            if len(post) == 1 and self.drafts and (role := self._text_role(post[0])):
                self.drafts[-1].cells[role] = self.drafts[-1].cells.get(role, "") + post[0][1]
            return
        if not levels and len(post) == 1 and not pre and self.drafts \
                and (role := self._text_role(post[0])):
            last = self.drafts[-1]
            if role in last.cells:  # the rest of a text the row above began
                last.cells[role] += post[0][1]
            else:  # the start of a text whose row follows (printed before a page break)
                self._pending = (role, post[0][1])
            return
        if after_break and not levels and self._split_on(row, pre + post):
            return
        assigned = self._split_pairs(self._assign(pre + post, shift, bool(levels)))
        self._place(row, assigned, explicit=bool(levels))

    def _split_on(self, row: Row, cells: list[tuple[int, str]]) -> bool:
        """The first row after a page break holding the rest of the row before it, which
        the break split (an office suite prints a tall row's lines on both pages, borders
        drawn on both): its cells are the name's and text columns' only, no level, no
        value; each is joined to the indicator it continues."""
        roles = {c: r for c, r in self.roles if r == "name" or r in TEXT_ROLES}
        if not self.drafts or self.drafts[-1].row.block == row.block \
                or "name" not in self.drafts[-1].cells \
                or not any(roles.get(c) == "name" for c, _ in cells) \
                or not all(c in roles for c, _ in cells):
            return False
        last = self.drafts[-1]
        for c, text in cells:
            last.cells[roles[c]] = last.cells.get(roles[c], "") + text
        return True

    def _assign(self, cells: list[tuple[int, str]], shift: int | None,
                levels_printed: bool) -> dict[str, str]:
        """Cells → roles. The row may sit off its columns (OCR): the shift its level
        label suggests, none, and its first cell's are tried, and the best fit wins."""
        roles = self.roles
        l1 = self._col("level1")
        if not levels_printed and l1 is not None and all(c < l1 for c, _ in cells):
            # Nothing reaches the level columns: a row of project columns only (a
            # department's total line in a multi-project table).
            roles = [(c, r) for c, r in roles if c < l1]
        if any(is_project_role(r) for _, r in roles):
            shifts: tuple[int | None, ...] = (-(shift or 0),)  # project columns lead the row
        else:
            shifts = (0, None) if shift is None else (-shift, 0, None)
        if len(cells) > len(roles):  # more cells than columns: join the overflow into the last
            tail = "".join(t for _, t in cells[len(roles) - 1:])
            cells = [*cells[: len(roles) - 1], (cells[len(roles) - 1][0], tail)]
        placed = place(cells, roles, shifts) or []
        # A split value's cells may sit in any of its three columns (定性 | 好坏 | —).
        group = {c for c, r in roles if r in _SPLIT}
        self._moved = any(cells[i][0] != roles[j][0]
                          and not (cells[i][0] in group and roles[j][0] in group)
                          for i, j in placed)
        return {roles[j][1]: cells[i][1] for i, j in placed}

    def _place(self, row: Row, assigned: dict[str, str], *, explicit: bool) -> None:
        g = self.g
        extras = {c.label: assigned.pop(c.role) for c in self.columns
                  if c.role.startswith("extra") and c.role in assigned}
        project = {r: assigned.pop(r) for r in list(assigned) if is_project_role(r)}
        if "name" in assigned:
            name = g.name_prefix.sub("", assigned["name"])
            if g.placeholder.fullmatch(name):
                name = ""
            if name:
                assigned["name"] = name
            else:
                del assigned["name"]
        if g.lookup(g.fund_rows, assigned.get("name", "")) or g.lookup(
                g.fund_rows, self.level1 or ""):
            self.fund_row = assigned  # 预算执行率: the fund line's weight and score
            return
        values = {r for r in assigned if r not in ("name", *TEXT_ROLES)}
        if "name" not in assigned and not values and not project:
            return  # a placeholder row (……, an empty 指标3:)
        if self._pending is not None:
            role, text = self._pending
            self._pending = None
            if role in assigned:
                assigned[role] = text + assigned[role]
            elif self.drafts:
                self.drafts[-1].cells[role] = text
        if "target_unit" in assigned and self._unit_before_values():
            assigned["actual_unit"] = assigned["target_unit"]
        d = IndicatorDraft(self.level1, self.level2, assigned, row, explicit=explicit,
                           extras=extras, project=project, shifted=self._moved,
                           table=len(self.tables) - 1)
        if d.level2 is None and "name" in assigned and self._col("level2") is not None:
            self._cue(d)
        self.drafts.append(d)

    def caption(self, text: str) -> bool:
        """Whether ``text`` is a caption of the table (绩效指标), not a value."""
        k = self.g.key(text)
        return k in self.g.captions or self.g.strip_annotation(k) in self.g.captions

    # ---- levels -----------------------------------------------------------------------

    def _vocab(self, text: str) -> tuple[bool, bool]:
        return level_vocab(self.g, text)

    def _levelish(self, col: int, text: str, placed: set[int]) -> bool:
        """Whether a cell is a level label: one the grammar lists; one shaped like a level
        (…指标, …目标) left of the name column; or any label in a level column of a row
        whose cells stand where the header says (a merged cell, or a row filling every
        column it needs): position decides only where nothing suggests OCR moved it."""
        k = self.g.strip_annotation(self.g.key(text))
        if col in placed and col not in {self._col("level1"), self._col("level2")} \
                and self.g.level_suffix.search(k) is None:
            return False  # a listed word (社会效益) standing in the name column is a name
        is1, is2 = self._vocab(text)
        if is1 or is2:
            return True
        if not k or len(k) > LABEL_MAX or DIGIT.search(k) or self.g.placeholder.fullmatch(k):
            return False
        name_col = self._col("name")
        if self.g.level_suffix.search(k) is not None and (name_col is None or col < name_col):
            return True
        return col in placed and col in {self._col("level1"), self._col("level2")}

    def _split_levels(self, cells: list[tuple[int, str]], placed: set[int]) -> tuple[
            list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]:
        """(cells before the levels, level cells, cells after them)."""
        if self._col("level1") is None and self._col("level2") is None:
            return [], [], cells
        start = next((i for i, (c, t) in enumerate(cells) if self._levelish(c, t, placed)),
                     None)
        if start is None:
            return [], [], cells
        # Cells before the level label belong to columns printed left of the levels
        # (项目名称 of a multi-project table, 序号, 分值); without such columns they are a
        # name OCR shifted left, and the row has no level label.
        l1 = self._col("level1")
        pre = cells[:start] if l1 is not None and any(c < l1 for c, _ in self.roles) else []
        if cells[:start] and not pre:
            return [], [], cells
        end = start + 1
        # A second level only follows a level 1: nothing sits between a level 2 and the name.
        after = cells[end][1] if end < len(cells) else None
        if end < len(cells) and self._which(*cells[start], after) == "level1" \
                and self._levelish(*cells[end], placed):
            end += 1
        levels, post = cells[start:end], cells[end:]
        # A row that keeps no name was a name shifted into a level column by OCR.
        while levels and not any(not NUMBER.match(t) and not AMOUNT.match(t)
                                 and not self.g.op_cells.get(self.g.key(t)) for _, t in post):
            if any(self._vocab(levels[-1][1])) or not post:
                break
            post.insert(0, levels.pop())
        return pre, levels, post

    def _filled(self, cells: list[tuple[int, str]]) -> set[int]:
        """Columns from which the row fills every header column up to its last value
        column: a cell there cannot have been moved off its column by OCR."""
        last = max((c for c in (self._col(r) for r in ("name", *_VALUE_ROLES))
                    if c is not None), default=None)
        if last is None:
            return set()
        have = dict(cells)
        needed = sorted((col.col, col.role) for col in self.columns
                        if not col.role.startswith("extra") and col.col <= last)
        # Each cell must also look like its column (a number under 得分), or the row
        # may be one shifted by OCR that happens to fill as many columns.
        fits = [c in have and (r in LEVELS or fit(r, have[c]) >= 0) for c, r in needed]
        return {c for i, (c, _) in enumerate(needed) if all(fits[i:])}

    def _which(self, col: int, text: str, after: str | None = None) -> str:
        """level1 or level2 for a printed level label (``after``: the cell after it)."""
        is1, is2 = self._vocab(text)
        if is1 != is2:
            return "level1" if is1 else "level2"
        if is1 and after is not None and self._vocab(after)[1]:
            return "level1"  # a level 2 follows it
        if is1 and self.g.strip_annotation(self.g.key(text)) in self.g.children.get(
                self._key1(), set()):
            return "level2"  # 成本指标 under 产出指标, with a name after it
        c1, c2 = self._col("level1"), self._col("level2")
        if c1 is None or c2 is None:
            return "level1" if c2 is None else "level2"
        if is1 and abs(col - c1) == abs(col - c2):
            k = self.g.strip_annotation(self.g.key(text))
            return "level2" if k in self.g.children.get(self._key1(), set()) else "level1"
        return "level1" if abs(col - c1) <= abs(col - c2) else "level2"

    def _key1(self) -> str:
        return self.g.strip_annotation(self.g.key(self.level1 or ""))

    def _set_levels(self, levels: list[tuple[int, str]],
                    row_end: tuple[int, str] | None = None) -> int:
        """Take the printed level labels; returns how far the row sits left of its columns.

        ``row_end`` is the row's last cell: a value printed left of the last value
        column says the whole row, its level label too, sits left of its columns."""
        g = self.g
        labels = [(c, g.level_text(t)) for c, t in levels]
        if len(labels) == 1 and self._col("level2") is None:
            # Both levels in one cell of a single level column: 产出指标-数量指标.
            parts = _DASH.split(labels[0][1])
            if len(parts) == 2 and all(any(self._vocab(p)) or g.level_suffix.search(
                    g.key(p)) for p in parts):
                labels = [(labels[0][0], parts[0]), (labels[0][0], parts[1])]
        for _, t in labels:
            if not any(self._vocab(t)) and t not in self.unknown_levels \
                    and not g.lookup(g.fund_rows, t):
                self.unknown_levels.append(t)
        if len(labels) == 2:
            (c, l1), (_, l2) = labels
            self.level1, self.level2 = l1, l2
            anchor = self._col("level1")
        else:
            c, text = labels[0]
            which = self._which(c, text)
            if which == "level1" and self._depth() is not None \
                    and self._right_shift(row_end) == self._depth() \
                    and not (self._vocab(text) == (True, False) and self._key1() in g.level1):
                which = "level2"  # the form's own level 1 stands; this label is its level 2
            anchor = self._col(which)
            k = g.strip_annotation(g.key(text))
            if which == "level1":
                if k != self._key1():
                    self.level1, self.level2 = text, None
            else:
                self.level2 = text
                parent = g.level2.get(k)
                # An unprinted level 1 is inferred from a known level 2, unless the
                # printed level 1 is one the grammar does not know (then it stands).
                if parent is not None and (self.level1 is None or (
                        self._key1() in g.level1
                        and k not in g.children.get(self._key1(), set()))):
                    self.level1 = parent[1]
        return 0 if anchor is None else anchor - c

    def _depth(self) -> int | None:
        """How far the level-2 column stands right of the level-1 column."""
        c1, c2 = self._col("level1"), self._col("level2")
        return None if c1 is None or c2 is None else c2 - c1

    def _right_shift(self, end: tuple[int, str] | None) -> int | None:
        """How far left of the last value column the row's last cell, a quantity, sits."""
        last = max((c for c, r in self.roles if r in _VALUE_ROLES), default=None)
        if end is None or last is None or end[0] >= last:
            return None
        return last - end[0] if ParsedValue.fromstring(end[1], self.g).value is not None \
            else None

    def _text_role(self, cell: tuple[int, str]) -> str | None:
        """The text column a lone cell belongs to: a text a page break split in two."""
        text_cols = [(c, r) for c, r in self.roles if r in TEXT_ROLES]
        if not text_cols or cell[0] < min(c for c, _ in text_cols) - 1:
            return None
        return min(text_cols, key=lambda cr: abs(cr[0] - cell[0]))[1]

    def _reclaim(self, block: int) -> None:
        """Rows printed just before a page break whose merged level label was printed
        after it: trailing unlabelled rows whose names cue the new level2 take it."""
        for d in reversed(self.drafts):
            if d.explicit or d.row.block == block or d.level2 == self.level2:
                break
            cue = self._cue_of(d.cells.get("name", ""))
            if cue is None or self.g.key(cue[1]) != self.g.key(self.level2 or ""):
                break
            d.level1, d.level2 = self.level1, self.level2
            d.inferred.append(f"{d.cells.get('name')}: level2 {self.level2} (label printed "
                              f"after the page break, cue {cue[0]!r})")

    def finish(self) -> None:
        """Close the table: place a waiting text fragment; give rows printed above
        the first level label (a merged cell whose text sits lower) that label; keep
        only the year's table where a form prints a long-term one beside it."""
        annual = {i for i, c in enumerate(self.tables) if self.g.annual_table.search(c)}
        other = {i for i, c in enumerate(self.tables) if self.g.other_table.search(c)}
        if annual and other - annual:
            self.drafts = [d for d in self.drafts if d.table not in other - annual]
        if self._pending is not None and self.drafts:
            role, text = self._pending
            last = self.drafts[-1].cells
            last[role] = last.get(role, "") + text
            self._pending = None
        first = next((d for d in self.drafts if d.level1), None)
        for d in self.drafts:
            if d.level1 or first is None:
                break
            d.level1, d.level2 = first.level1, d.level2 or first.level2
            d.inferred.append(f"{d.cells.get('name')}: levels taken from the merged label "
                              "printed below")

    def _cue_of(self, name: str) -> tuple[str, str] | None:
        return next(((cue, l2) for cue, l2 in self.g.cues if cue in name), None)

    def _cue(self, d: IndicatorDraft) -> None:
        name = d.cells["name"]
        if (cue := self._cue_of(name)) is not None:
            d.level2 = cue[1]
            d.inferred.append(f"{name}: level2 inferred as {cue[1]} from {cue[0]!r}")


def percent(text: str | None, g: Grammar) -> float | None:
    return None if text is None else parse_percent(text, grammar=g)
